"""Small helper files the renderer needs (Chromium launcher, empty topojson), kept in one place.

They used to go to a fresh `tempfile.mkdtemp` per process and were never removed, so every
dashboard, test worker and CLI run left a folder in /tmp. Their content depends only on the
arguments, so they now live in a per-user cache folder named by a digest of that content:
every run writes the same folder once and reuses it afterwards, concurrent processes included
(each file is written to a private name and renamed into place, which is atomic). Where no
cache folder can be written, a temporary one is used and removed when the process ends.

The cache folder is `$ATLAS_CACHE_DIR/runtime` if that is set (as for the Brotli cache), else
`$XDG_CACHE_HOME/ala-atlas/runtime` or `~/.cache/ala-atlas/runtime`.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import shutil
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path


def cache_root() -> Path:
    """The per-user folder that holds the run files (not created here)."""
    override = os.environ.get("ATLAS_CACHE_DIR")
    if override:
        return Path(override) / "runtime"
    xdg = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(xdg) / "ala-atlas" / "runtime"


def run_folder(kind: str, files: Mapping[str, str], *, executable: bool = False) -> Path:
    """A folder holding exactly `files` (name → text), the same folder for the same content.

    `kind` names the folder's purpose (`chromium`, `topojson`); `executable` makes the files
    runnable by their owner.
    """
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(f"{name}\0{files[name]}\0{int(executable)}\0".encode())
    try:
        folder = cache_root() / f"{kind}-{digest.hexdigest()[:16]}"
        _fill(folder, files, executable)
        return folder
    except OSError:  # no writable home (a locked-down service user): a temporary folder
        folder = Path(tempfile.mkdtemp(prefix=f"ala-{kind}-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        _fill(folder, files, executable)
        return folder


def _fill(folder: Path, files: Mapping[str, str], executable: bool) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        target = folder / name
        if _holds(target, text, executable):
            continue
        handle, private = tempfile.mkstemp(dir=folder, prefix=f".{name}-")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
            os.chmod(private, stat.S_IRWXU if executable else stat.S_IRUSR | stat.S_IWUSR)
            os.replace(private, target)
        except BaseException:
            Path(private).unlink(missing_ok=True)
            raise


def _holds(target: Path, text: str, executable: bool) -> bool:
    try:
        if target.read_text(encoding="utf-8") != text:
            return False
    except (OSError, UnicodeDecodeError):
        return False
    return not executable or os.access(target, os.X_OK)
