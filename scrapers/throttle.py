"""At most one request per ``delay`` seconds: a tiny object with an injectable clock."""

from __future__ import annotations

import time
from collections.abc import Callable


class Throttle:
    """Spaces calls to :meth:`wait` at least ``delay`` seconds apart.

    ``clock`` and ``sleep`` are injectable so tests can check the pacing without
    waiting (a fake clock whose sleep advances it).
    """

    def __init__(
        self,
        delay: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if delay < 0:
            raise ValueError(f"delay must be >= 0 seconds, got {delay}")
        self.delay = delay
        self._clock = clock
        self._sleep = sleep
        self._last: float | None = None

    def wait(self) -> float:
        """Sleep until the next request is allowed; returns the seconds slept."""
        slept = 0.0
        if self._last is not None and self.delay > 0:
            slept = self._last + self.delay - self._clock()
            if slept > 0:
                self._sleep(slept)
            else:
                slept = 0.0
        self._last = self._clock()
        return slept
