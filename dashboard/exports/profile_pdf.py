"""A region profile as a one-page, accessible PDF (A4 portrait, PDF/UA-1).

The document is built from the profile's own content as HTML (dashboard.exports.profile_html)
and printed by WeasyPrint (dashboard.exports.pdf_document): `/Lang` is the reader's language,
`/Title` the profile's title, the heading, paragraph and tables are tagged (header cells as
TH), the locator map is a Figure whose /Alt is the generated position text, and the reading
order is the visual order. It carries what every export carries: the snapshot's date, the
source line, the licence attributions, and "Beispieldaten" for demo data.
"""

from __future__ import annotations

from dashboard.exports.errors import ExportError
from dashboard.exports.export import ExportFile
from dashboard.exports.locator_svg import locator_svg
from dashboard.exports.pdf_document import html_to_pdf
from dashboard.exports.profile_html import ProfileDocument, profile_html
from dashboard.exports.provenance import provenance_of
from dashboard.exports.texts import xt
from dashboard.model.data import AtlasData
from dashboard.model.profile import (
    RegionProfile,
    citation,
    history,
    load_profile,
    profile_paragraph,
    profile_title,
)
from dashboard.text.i18n import fmt_number, t
from dashboard.text.region_position import locator_text


def profile_document(data: AtlasData, code: str, snapshot: dict, lang: str) -> tuple[
        ProfileDocument, RegionProfile]:
    """What the profile's PDF shows, in `lang`; ExportError for an unknown region."""
    profile = load_profile(data, snapshot, code)
    if profile is None:
        raise ExportError(
            f"Unbekannte Region {code[:20]!r}: erlaubt sind DE, 2- oder 5-stellige ARS."
        )
    heading = profile_title(profile, lang)
    prov = provenance_of(snapshot, lang=lang)
    facts = t("profile.population", lang, n=fmt_number(profile.population, lang))
    if profile.level == "kreis":
        facts += " · " + t("profile.in_land", lang, land=profile.land)
    doc = ProfileDocument(
        lang=lang,
        title=f"{t('profile.kicker', lang)}: {heading}",
        heading=heading,
        facts=facts,
        date_line=prov.source_line,
        paragraph=profile_paragraph(profile, lang),
        history=history(data, code),
        map_svg=locator_svg(profile.code, profile.level),
        map_alt=locator_text(profile, lang),
        # Germany highlighted in Germany needs no "X (dark) in Germany"
        map_caption=t("profile.map.heading", lang) if profile.level == "de"
        else t("profile.map.caption", lang, name=profile.name),
        citation=citation(profile, heading, snapshot, permalink_of(code, snapshot, lang), lang),
        source_lines=(prov.snapshot_line, *prov.attributions()),
        demo_note=xt("demo.note", lang) if prov.is_demo else None,
    )
    return doc, profile


def permalink_of(code: str, snapshot: dict, lang: str) -> str:
    """The profile's address with the snapshot pinned; absolute inside a request."""
    import flask

    query = f"?snapshot={int(snapshot['id'])}" + ("&lang=en" if lang == "en" else "")
    path = f"/region/{code}{query}"
    if flask.has_request_context():
        return flask.request.host_url.rstrip("/") + path
    return path


def profile_pdf(data: AtlasData, code: str, snapshot_id: int | None, lang: str) -> ExportFile:
    """The one-page PDF of the profile of `code` in snapshot `snapshot_id` (None: served)."""
    snapshot, honoured = data.resolve(snapshot_id)
    if snapshot is None or not honoured:
        raise ExportError(f"Kein Datenstand {snapshot_id}.")
    doc, profile = profile_document(data, code, snapshot, lang)
    content, _pages = html_to_pdf(profile_html(doc, profile))
    day = provenance_of(snapshot, lang=lang).taken_at
    return ExportFile(content, f"ala-atlas_profil_{code}_{day}.pdf", "application/pdf")


__all__ = ["permalink_of", "profile_document", "profile_pdf"]
