"""Warm the data caches at start-up, before the first reader asks.

The first Erreichbarkeit Gemeinde view on a fresh process computed the access view (three
aggregations over 10,997 Gemeinden), the Gemeinde frame and the providers: about 2 s of the
first answer, against 0.3-0.4 s once they are kept (`AtlasData.memo`, per store state).
`serve_production` calls `warm_views` in the gunicorn master before it forks the workers,
so every worker starts with them (copy-on-write memory); nothing is computed that the first
reader would not have computed, and a new snapshot or replaced store file is computed again on
demand as before. bench/browser.py starts its servers the same way.
"""

from __future__ import annotations

import logging
import time

from dash import Dash

log = logging.getLogger(__name__)
# the views whose data are kept: the default Erreichbarkeit view at Gemeinde level (its
# Kreis level shares the access view) in German and English
WARM_VIEWS: tuple[tuple[str, str], ...] = (
    ("/erreichbarkeit", "?level=gemeinde"),
    ("/erreichbarkeit", "?level=gemeinde&lang=en"),
)


def warm_views(app: Dash) -> float:
    """Render `WARM_VIEWS` once (their data stay in the app's caches); the seconds it took.
    A store that cannot be read now is no reason not to start: logged, then served as ever."""
    from dashboard.pages import available_pages
    from dashboard.server.router import render

    data = app.server.config.get("ATLAS_DATA")
    started = time.perf_counter()
    if data is None:
        return 0.0
    pages = available_pages()
    try:
        for path, search in WARM_VIEWS:
            render(app, data, pages, path, search)
    except Exception as exc:  # noqa: BLE001 (warming is an optimisation, never a failure)
        log.warning("warming the caches failed, they fill on demand: %s", str(exc)[:200])
    return time.perf_counter() - started
