"""Export files over plain HTTP, for scripts and links: the same files as the pages' buttons.

GET /export/karte.png?level=kreis&metric=per_100k   a page's view, the page's own query
GET /export/tabelle.csv?level=kreis&land=09          (karte, tabelle, anbieter)
GET /export/profil/09187.pdf?lang=en                 a region profile

A request here never waits in the queue (it would hold a request thread, which is what
stopped the site in issue 22): the file comes from the export cache, or is built at once when
an export worker is free, or the answer is 429 with `Retry-After` and a one-line reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from dash import Dash
from flask import Response, request

from dashboard.exports import from_url
from dashboard.exports.cache import profile_key, view_key
from dashboard.exports.errors import ExportError
from dashboard.exports.export import ExportFile, export_view
from dashboard.exports.jobs import ExportsBusy
from dashboard.exports.request import ExportRequest
from dashboard.exports.service import service_for
from dashboard.model.data import AtlasData
from dashboard.model.state import parse_query

MAKERS: dict[str, Callable[[str | None, str], ExportRequest]] = {
    "karte": from_url.karte_request,
    "tabelle": from_url.tabelle_request,
    "anbieter": from_url.anbieter_request,
}
_NAME = re.compile(r"^([a-z]+)\.([a-z-]+)$")
_PROFILE = re.compile(r"^(DE|\d{2}|\d{5})\.pdf$")


def register_export_files(app: Dash, data: AtlasData) -> None:
    """Add GET /export/<page>.<format> and /export/profil/<code>.pdf to the app's server."""
    prefix = app.config.requests_pathname_prefix.rstrip("/")
    service = service_for(app)

    def view_file(name: str) -> Response:
        match = _NAME.match(name)
        if not match or match.group(1) not in MAKERS:
            return _plain(404, f"Unbekannter Export {name[:60]!r}; erlaubt: "
                          f"{', '.join(MAKERS)} mit .<format>, profil/<ARS>.pdf.")
        page, fmt = match.groups()
        search = "?" + request.query_string.decode("utf-8", "replace")
        try:
            export = MAKERS[page](search, fmt)
            exported = service.build_now(view_key(data, export),
                                         lambda: export_view(data.engine, export),
                                         export.lang, f"{page}.{fmt}")
        except ExportsBusy as exc:
            return _busy(exc)
        except ExportError as exc:
            return _plain(400, str(exc))
        return _file(exported)

    def profile_file(name: str) -> Response:
        from dashboard.exports.profile_pdf import profile_pdf

        match = _PROFILE.match(name)
        if not match:
            return _plain(404, f"Kein Profil {name[:40]!r}: DE, 2- oder 5-stellige ARS mit .pdf.")
        code = match.group(1)
        state, _ = parse_query(request.query_string.decode("utf-8", "replace"))
        try:
            exported = service.build_now(
                profile_key(data, code, state.snapshot, state.lang, request.host_url),
                lambda: profile_pdf(data, code, state.snapshot, state.lang),
                state.lang, "profile.pdf")
        except ExportsBusy as exc:
            return _busy(exc)
        except ExportError as exc:
            return _plain(400, str(exc))
        return _file(exported)

    app.server.add_url_rule(prefix + "/export/profil/<name>", "export_profile", profile_file,
                            methods=["GET"])
    app.server.add_url_rule(prefix + "/export/<name>", "export_view", view_file,
                            methods=["GET"])


def _file(exported: ExportFile) -> Response:
    response = Response(exported.content, mimetype=exported.mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{exported.filename}"'
    return response


def _busy(exc: ExportsBusy) -> Response:
    response = _plain(429, str(exc))
    response.headers["Retry-After"] = str(exc.retry_after)
    return response


def _plain(status: int, message: str) -> Response:
    return Response(message + "\n", status=status, mimetype="text/plain")
