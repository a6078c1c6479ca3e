"""Progress bar for a crawl: pages and entries against the site's total (tqdm).

Quiet when stderr is not a terminal (CI logs, tests, pipes).
"""

from __future__ import annotations

import sys
from typing import TextIO

from tqdm import tqdm


class Progress:
    """One bar per category, started when the first page tells the total."""

    def __init__(self, stream: TextIO | None = None, enabled: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self._bar: tqdm | None = None
        self._pages = 0

    def start(self, category: str, total: int | None) -> None:
        self.close()
        self._pages = 0
        self._bar = tqdm(
            total=total,
            desc=category,
            unit="entries",
            file=self.stream,
            disable=not self.enabled,
            dynamic_ncols=True,
        )

    def page_done(self, entries: int) -> None:
        if self._bar is None:
            return
        self._pages += 1
        self._bar.set_postfix_str(f"{self._pages} pages", refresh=False)
        self._bar.update(entries)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


class NoProgress(Progress):
    """For library use and tests: nothing is drawn."""

    def __init__(self) -> None:
        super().__init__(stream=sys.stderr, enabled=False)
