"""All three categories at realistic size (about 90, 900 and 1,000 entries) over loopback."""

from __future__ import annotations

from scrapers.crawl import Crawler
from scrapers.fetcher import LiveFetcher
from scrapers.recording import Recorder, read_index
from scrapers.samples import sample_records

SIZES = {"ala": 93, "wfbm": 912, "ib": 1003}


def test_all_three_categories_at_realistic_size_parse_to_their_totals(
    site, fast_settings, tmp_path
):
    generated = {}
    for category, size in SIZES.items():
        generated[category] = sample_records(category, size, seed=2026, base_url=site.base_url)
        site.add_category(category, generated[category], per_page=20)
    recorder = Recorder(tmp_path / "rec")
    run = Crawler(LiveFetcher(fast_settings), fast_settings, recorder=recorder).crawl(
        ["ala", "wfbm", "ib"]
    )
    assert run.ok, run.all_problems()
    for category, size in SIZES.items():
        result = run.categories[category]
        assert result.expected_total == size
        assert len(result.records) == size
        assert result.records == generated[category]
        assert len(result.pages) == -(-size // 20)
    assert len(read_index(tmp_path / "rec")) == sum(-(-n // 20) for n in SIZES.values())
    # thousands totals are rendered with the German separator and read back
    assert b"1.003 Treffer" in (tmp_path / "rec" / "ib" / "0001.html").read_bytes()
