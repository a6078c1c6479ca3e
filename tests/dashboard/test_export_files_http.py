"""GET /export/profil/<ARS>.pdf (dashboard/endpoints/export_files.py): the profile PDF over plain
HTTP, from the cache the second time, refused at once with 429 while no export worker is free,
and a one-line 400/404 for what it does not know."""

from __future__ import annotations

import io
from dataclasses import replace

import pypdf

from dashboard.exports.service import service_for


def test_the_profile_pdf_over_http_then_from_the_cache_and_429_while_busy(app):
    client = app.server.test_client()
    service = service_for(app)
    first = client.get("/export/profil/09187.pdf?lang=en")
    assert first.status_code == 200 and first.mimetype == "application/pdf"
    assert 'filename="ala-atlas_profil_09187_' in first.headers["Content-Disposition"]
    assert len(pypdf.PdfReader(io.BytesIO(first.data)).pages) == 1

    kept = service.queue.limits
    service.queue.limits = replace(kept, workers=1)
    ticket = service.queue.enter("192.0.2.9", now_only=True)  # the one worker is busy
    try:
        again = client.get("/export/profil/09187.pdf?lang=en")
        assert again.status_code == 200 and again.data == first.data  # from the cache
        other = client.get("/export/profil/09187.pdf?lang=de")
        assert other.status_code == 429 and other.headers["Retry-After"] == "20"
        assert other.get_data(as_text=True).startswith("Exporte gerade ausgelastet")
    finally:
        service.queue.leave(ticket)
        service.queue.limits = kept


def test_unknown_profiles_and_exports_are_one_line_errors(app):
    client = app.server.test_client()
    unknown = client.get("/export/profil/99.pdf")
    assert unknown.status_code == 400 and "Unbekannte Region '99'" in unknown.get_data(True)
    malformed = client.get("/export/profil/abc.pdf")
    assert malformed.status_code == 404
    assert malformed.get_data(True).startswith("Kein Profil 'abc.pdf'")
