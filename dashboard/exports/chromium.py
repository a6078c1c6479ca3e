"""Find the system Chromium for kaleido, never download one, and keep it off the network.

kaleido 1.x drives a browser through choreographer, which looks at `BROWSER_PATH` first, then
PATH, and can fetch its own Chrome. We always pass an explicit path so no download can happen:
`BROWSER_PATH` if set (the documented override), else Debian's /usr/bin/chromium, else a
chromium found on PATH.

choreographer starts Chromium with its own fixed flags and offers no way to add any, and
Debian's launcher enables remote extensions, which drops its `--disable-background-networking`.
Left so, Chromium phones home while rendering (search-engine preconnect, component updates,
account and time checks; a test with a recording proxy caught them). So kaleido gets a tiny
launcher script that runs the system Chromium with the flags below appended.
"""

from __future__ import annotations

import os
import shlex
import shutil
from functools import lru_cache
from pathlib import Path

from dashboard.exports.errors import ExportError
from dashboard.exports.run_files import run_folder

DEBIAN_CHROMIUM = "/usr/bin/chromium"
_NAMES_ON_PATH = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
QUIET_FLAGS = (
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-sync",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--disable-features=OptimizationHints,MediaRouter,Translate,AutofillServerCommunication,"
    "NetworkTimeServiceQuerying,CertificateTransparencyComponentUpdater",
    "--disable-extensions",
    "--no-pings",
    "--disable-quic",
    "--no-first-run",
)


def quiet_chromium() -> str:
    """Path of a launcher that runs `find_chromium()` with QUIET_FLAGS (made once per run)."""
    return _launcher(find_chromium())


@lru_cache(maxsize=4)
def _launcher(browser: str) -> str:
    # one folder per (browser, flags) in the user's cache, reused by every run (run_files)
    flags = " ".join(shlex.quote(flag) for flag in QUIET_FLAGS)
    script = f'#!/bin/sh\nexec {shlex.quote(browser)} "$@" {flags}\n'
    return str(run_folder("chromium", {"chromium": script}, executable=True) / "chromium")


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
