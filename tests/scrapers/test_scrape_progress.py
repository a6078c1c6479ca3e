"""The progress bar: pages and entries against the site's total on a terminal, silent otherwise."""

from __future__ import annotations

import io

from scrapers.crawl import Crawler
from scrapers.fetcher import LiveFetcher
from scrapers.progress import Progress
from scrapers.samples import sample_records


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_bar_counts_entries_against_the_total_and_shows_pages(site, fast_settings):
    site.add_category("ala", sample_records("ala", 45, base_url=site.base_url))
    terminal = FakeTerminal()
    settings = fast_settings
    Crawler(LiveFetcher(settings), settings, progress=Progress(terminal)).crawl(["ala"])
    final = terminal.getvalue().split("\r")[-1]
    assert "45/45" in final and "3 pages" in final and "ala" in final


def test_the_bar_is_silent_when_not_a_terminal(site, fast_settings):
    site.add_category("ala", sample_records("ala", 45, base_url=site.base_url))
    pipe = io.StringIO()
    Crawler(LiveFetcher(fast_settings), fast_settings, progress=Progress(pipe)).crawl(["ala"])
    assert pipe.getvalue() == ""
