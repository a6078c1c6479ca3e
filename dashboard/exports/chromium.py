"""Find the system Chromium for kaleido, and never download one.

kaleido 1.x drives a browser through choreographer, which looks at `BROWSER_PATH` first, then
PATH, and can fetch its own Chrome. We always pass an explicit path so no download can happen:
`BROWSER_PATH` if set (the documented override), else Debian's /usr/bin/chromium, else a
chromium found on PATH.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from dashboard.exports.errors import ExportError

DEBIAN_CHROMIUM = "/usr/bin/chromium"
_NAMES_ON_PATH = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium() -> str:
    """Return the path of the browser kaleido should use, or raise `ExportError`."""
    override = os.environ.get("BROWSER_PATH")
    if override:
        if not _is_executable(override):
            raise ExportError(f"BROWSER_PATH={override!r} ist kein ausführbarer Browser.")
        return override
    if _is_executable(DEBIAN_CHROMIUM):
        return DEBIAN_CHROMIUM
    for name in _NAMES_ON_PATH:
        found = shutil.which(name)
        if found:
            return found
    raise ExportError(
        "Kein Chromium gefunden: Bildexport braucht /usr/bin/chromium "
        "(apt-get install chromium) oder BROWSER_PATH."
    )


def _is_executable(path: str) -> bool:
    candidate = Path(path)
    return candidate.is_file() and os.access(candidate, os.X_OK)
