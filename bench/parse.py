"""Parse speed: entries per second over recorded listing pages.

Generates a recording of about 2,000 entries (three categories, 20 per page, as
scrapers/render.py writes them), then parses every recorded page through
``parse_listing`` several times and prints the best CPU time.

    .venv/bin/python bench/parse.py [--entries 2000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scrapers.fetcher import Page, now_iso  # noqa: E402
from scrapers.parse import parse_listing  # noqa: E402
from scrapers.recording import Recorder, read_index  # noqa: E402
from scrapers.render import page_url, render_listing_page  # noqa: E402
from scrapers.samples import sample_records  # noqa: E402

BASE = "https://www.rehadat-adressen.de"
SHARES = {"ala": 0.05, "wfbm": 0.45, "ib": 0.50}


def make_recording(directory: Path, entries: int, per_page: int = 20) -> None:
    recorder = Recorder(directory)
    for category, share in SHARES.items():
        records = sample_records(category, round(entries * share), seed=1, base_url=BASE)
        chunks = [records[i:i + per_page] for i in range(0, len(records), per_page)]
        for number, chunk in enumerate(chunks, start=1):
            last = number == len(chunks)
            content = render_listing_page(
                chunk, total=len(records),
                next_url=None if last else page_url(BASE, category, number + 1),
            )
            page = Page(page_url(BASE, category, number), 200, content,
                        "text/html; charset=utf-8", now_iso())
            recorder.save(page, category)
    recorder.write_run({"started_at": now_iso(), "finished_at": now_iso(),
                        "base_url": BASE, "origin": "demo"})


def parse_all(directory: Path, pages: list[tuple[dict, bytes]]) -> int:
    count = 0
    for entry, content in pages:
        listing = parse_listing(content, entry["url"], entry["category"],
                                content_type=entry["content_type"])
        if listing.problems:
            raise SystemExit(f"unexpected problems on {entry['file']}: {listing.problems}")
        count += len(listing.records)
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp) / "recording"
        make_recording(directory, args.entries)
        index = read_index(directory)
        pages = [(entry, (directory / entry["file"]).read_bytes()) for entry in index]
        size = sum(len(content) for _, content in pages)
        best_cpu = best_wall = float("inf")
        for _ in range(args.repeat):
            cpu0, wall0 = time.process_time(), time.perf_counter()
            count = parse_all(directory, pages)
            best_cpu = min(best_cpu, time.process_time() - cpu0)
            best_wall = min(best_wall, time.perf_counter() - wall0)
    print(f"pages parsed:      {len(pages)} ({size / 1e6:.1f} MB)")
    print(f"entries parsed:    {count}")
    print(f"CPU time (best of {args.repeat}): {best_cpu:.3f} s")
    print(f"wall time (best):  {best_wall:.3f} s")
    print(f"entries per second (CPU): {count / best_cpu:,.0f}")


if __name__ == "__main__":
    main()
