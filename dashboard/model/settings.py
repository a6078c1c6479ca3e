"""Settings read from the environment: one checked reader for the server's (workers, threads,
timeout) and the export queue's bounds, so a malformed value is the same one-line error
wherever it is read."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    """One server setting read from the environment."""

    env: str
    default: Callable[[], int]
    low: int
    high: int
    help: str


def usable_cores() -> int:
    """The cores this process may use (its CPU affinity on Linux)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


class SettingError(ValueError):
    """An environment setting is malformed (raised by server_options)."""


def read_settings(settings: dict[str, Setting],
                  environ: Mapping[str, str] | None = None) -> dict[str, int]:
    """Each setting's value from the environment (its default when unset), checked: a value
    that is no number in its range raises SettingError naming the variable and the range."""
    environ = os.environ if environ is None else environ
    options = {}
    for name, setting in settings.items():
        raw = environ.get(setting.env, "").strip()
        if not raw:
            options[name] = setting.default()
            continue
        if not raw.isdigit() or not setting.low <= int(raw) <= setting.high:
            raise SettingError(
                f"{setting.env} must be a number from {setting.low} to {setting.high}, not {raw!r}"
            )
        options[name] = int(raw)
    return options
