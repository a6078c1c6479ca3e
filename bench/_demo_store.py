"""The store a benchmark reads when it is given none: a temporary SQLite file holding the
demo default (built in a few seconds; benchmarks are the only code besides `make run` and
the tests that build demo data)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import store  # noqa: E402


def demo_url(db: str | None, prefix: str) -> str:
    """`db` if given, else the URL of a new temporary SQLite store with the demo default."""
    if db is not None:
        return db
    from scrapers.demo import ensure_default

    path = Path(tempfile.mkdtemp(prefix=prefix)) / "atlas.sqlite"
    url = f"sqlite:///{path}"
    engine = store.connect(url)
    ensure_default(engine)
    engine.dispose()
    return url
