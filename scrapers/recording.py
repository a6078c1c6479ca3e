"""Recorded runs: every fetched page saved with its URL, status and time.

Format (ARCHITECTURE.md): ``DIR/index.jsonl`` with one JSON object per fetched page
``{"file": "ala/0001.html", "url", "status", "fetched_at", "category",
"content_type"}`` (plus ``final_url`` after a redirect, and ``http_status``: 304 with a
``note`` when the server answered "not modified" and the body came from the HTTP cache:
``status`` is then the 200 of the stored body, so a replay sees the same page), the page
bytes as received (for a 304 the full stored bytes),
and ``DIR/run.json`` ``{"started_at", "finished_at", "base_url", "origin", ...}``.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from scrapers.exceptions import RecordingError
from scrapers.page import Page

INDEX = "index.jsonl"
RUN = "run.json"
REQUIRED_KEYS = ("file", "url", "status", "fetched_at", "category")


class Recorder:
    """Writes pages into a recording directory as they arrive (a crash keeps what came)."""

    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory)
        if (self.directory / INDEX).exists():
            raise RecordingError(
                f"{self.directory} already holds a recording ({INDEX}); choose a new directory"
            )
        self.directory.mkdir(parents=True, exist_ok=True)
        self._counts: Counter = Counter()
        self.files: dict[int, str] = {}  # id(page) → file, to name kept pages

    def save(self, page: Page, category: str) -> str:
        """Store one page; returns its file path relative to the directory."""
        self._counts[category] += 1
        rel = f"{category}/{self._counts[category]:04d}.html"
        path = self.directory / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(page.content)
        entry = {
            "file": rel,
            "url": page.url,
            "status": page.status,
            "fetched_at": page.fetched_at,
            "category": category,
            "content_type": page.content_type,
        }
        if page.final_url:
            entry["final_url"] = page.final_url
        if page.http_status is not None:  # e.g. a 304 answered from the HTTP cache
            entry["http_status"] = page.http_status
            entry["note"] = page.note
        with (self.directory / INDEX).open("a", encoding="utf-8") as index:
            index.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self.files[id(page)] = rel
        return rel

    def write_run(self, meta: dict) -> None:
        (self.directory / RUN).write_text(
            json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )


def read_index(directory: str | Path) -> list[dict]:
    """The index lines of a recording, checked for the required keys."""
    directory = Path(directory)
    path = directory / INDEX
    if not directory.is_dir():
        raise RecordingError(f"{directory}: no such recording directory")
    if not path.exists():
        raise RecordingError(f"{directory}: not a recording (no {INDEX})")
    entries = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except ValueError as exc:
            raise RecordingError(f"{path}:{number}: not JSON ({exc})") from exc
        missing = [key for key in REQUIRED_KEYS if key not in entry]
        if missing:
            raise RecordingError(f"{path}:{number}: missing {', '.join(missing)}")
        entries.append(entry)
    if not entries:
        raise RecordingError(f"{path}: empty recording")
    return entries


def save_pages(directory: str | Path, pages: list[tuple[Page, str]], meta: dict) -> Path:
    """Write (page, category) pairs as a recording, e.g. a failed run's kept pages."""
    recorder = Recorder(directory)
    for page, category in pages:
        recorder.save(page, category)
    recorder.write_run(meta)
    return recorder.directory
