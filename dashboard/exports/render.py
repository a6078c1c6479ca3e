"""Static images of Plotly figures (PNG, SVG, PDF) through kaleido and the system Chromium.

Starting Chromium costs about a second, so one browser is kept for the life of the process: a
daemon thread runs an asyncio loop that owns a `kaleido.Kaleido`; callers from any thread (Dash
callbacks run in Flask's threads) submit work to it and wait. A lock serialises renders because
one kaleido tab renders one figure at a time. If a render fails the browser is closed and the
next call starts a fresh one, so a crashed Chromium does not wedge the dashboard.

kaleido reloads its tab after every render (a clean page for the next figure) and only then
hands back the image; `_QuickKaleido` hands it back first and reloads while nobody waits (the
next render waits for the reloaded tab), which takes about a quarter second off each export.
`prestart_renderer` starts the browser in the background when a server (worker) starts, so the
first export does not wait for Chromium either.

No network: plotly.js comes from the plotly package (kaleido's default), MathJax is switched off
(kaleido would fetch it from a CDN), and figures with `geo` subplots get a local topojson folder.
"""

from __future__ import annotations

import asyncio
import atexit
import logging
import os
import threading
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any

import kaleido
import plotly.graph_objects as go

from dashboard.exports.chromium import quiet_chromium
from dashboard.exports.errors import ExportError

IMAGE_FORMATS = ("png", "svg", "pdf")
# Everything Chromium would fetch over http(s) goes to a closed loopback port and fails at
# once: renders read only file:// URLs, and Chromium's own background chatter (update checks,
# search preconnect), which no flag fully silences, never leaves the machine.
# CHOREO_PROXY_SERVER (choreographer's variable) replaces it, e.g. for a recording test proxy.
DEAD_END_PROXY = "http://127.0.0.1:9"
RENDER_TIMEOUT_S = 120
_log = logging.getLogger(__name__)


class _QuickKaleido(kaleido.Kaleido):
    """A Kaleido that returns each image before it reloads the tab the image was drawn in."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._reloads: set[asyncio.Task] = set()

    async def _return_kaleido_tab(self, tab: Any) -> None:
        # kaleido awaits this in its render task's `finally`, before calc_fig returns
        task = asyncio.create_task(self._reload_and_return(tab))
        self._reloads.add(task)
        task.add_done_callback(self._reloads.discard)

    async def _reload_and_return(self, tab: Any) -> None:
        try:
            await super()._return_kaleido_tab(tab)
        except Exception:  # noqa: BLE001 - a dead tab: the next render fails and restarts
            _log.warning("kaleido tab reload failed", exc_info=True)
            await self.tabs_ready.put(tab)

    async def close(self) -> None:
        for task in list(self._reloads):
            task.cancel()
        await super().close()


class _BrowserThread:
    """One long-lived Kaleido (and so one Chromium) on its own event loop."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._kaleido: kaleido.Kaleido | None = None

    def render(self, fig: go.Figure, opts: dict[str, Any], topojson: str | None) -> bytes:
        with self._lock:
            self._ensure_started()
            assert self._loop is not None and self._kaleido is not None
            job = self._kaleido.calc_fig(fig, opts=opts, topojson=topojson)
            future = asyncio.run_coroutine_threadsafe(job, self._loop)
            try:
                return future.result(timeout=RENDER_TIMEOUT_S)
            except FutureTimeout as exc:
                future.cancel()
                self._stop_locked()
                raise ExportError(
                    f"Bildexport nach {RENDER_TIMEOUT_S} s abgebrochen (Chromium antwortet nicht)."
                ) from exc
            except Exception as exc:
                self._stop_locked()
                raise ExportError(f"Bildexport fehlgeschlagen: {_one_line(exc)}") from exc

    def stop(self) -> None:
        with self._lock:
            self._stop_locked()

    def start(self) -> None:
        with self._lock:
            self._ensure_started()

    def _ensure_started(self) -> None:
        if self._kaleido is not None:
            return
        path = quiet_chromium()
        loop = asyncio.new_event_loop()
        threading.Thread(target=loop.run_forever, name="kaleido", daemon=True).start()
        browser = _QuickKaleido(
            n=1, path=path, mathjax=False, timeout=RENDER_TIMEOUT_S, enable_extensions=False,
            proxy_server=os.environ.get("CHOREO_PROXY_SERVER") or DEAD_END_PROXY,
        )
        try:
            asyncio.run_coroutine_threadsafe(browser.open(), loop).result(timeout=60)
        except Exception as exc:
            loop.call_soon_threadsafe(loop.stop)
            message = f"Chromium für den Bildexport startet nicht: {_one_line(exc)}"
            raise ExportError(message) from exc
        self._loop, self._kaleido = loop, browser

    def _stop_locked(self) -> None:
        loop, browser = self._loop, self._kaleido
        self._loop = self._kaleido = None
        if loop is None or browser is None:
            return
        try:
            asyncio.run_coroutine_threadsafe(browser.close(), loop).result(timeout=20)
        except Exception:  # noqa: BLE001 - best effort: the browser may already be gone
            pass
        loop.call_soon_threadsafe(loop.stop)


_BROWSER = _BrowserThread()
atexit.register(_BROWSER.stop)


def render_image(fig: go.Figure, fmt: str, width: int, height: int, scale: float = 1) -> bytes:
    """Render `fig` to PNG/SVG/PDF bytes; PNG pixel size is width×scale by height×scale."""
    if fmt not in IMAGE_FORMATS:
        raise ExportError(f"Bildformat {fmt!r} unbekannt; erlaubt: {', '.join(IMAGE_FORMATS)}.")
    opts = {"format": fmt, "width": width, "height": height, "scale": scale}
    return _BROWSER.render(fig, opts, _local_topojson(fig))


def prestart_renderer() -> threading.Thread:
    """Start the shared Chromium in a daemon thread, so that serving does not wait for it and
    the first export does not either. A failure is logged; the first export then tries again
    and reports it."""

    def start() -> None:
        try:
            _BROWSER.start()
        except ExportError as exc:
            _log.warning("renderer not started in advance: %s", exc)

    thread = threading.Thread(target=start, name="renderer-prestart", daemon=True)
    thread.start()
    return thread


def stop_renderer() -> None:
    """Close the shared Chromium (tests and the CLI call this; atexit does it otherwise)."""
    _BROWSER.stop()


def _local_topojson(fig: go.Figure) -> str | None:
    """A file URL with world_110m.json for `geo` subplots, so plotly.js fetches nothing."""
    if not any(trace.type in _GEO_TRACES for trace in fig.data):
        return None
    from dashboard.exports.topojson import local_topojson_url

    return local_topojson_url()


_GEO_TRACES = {"choropleth", "scattergeo"}


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:300]
