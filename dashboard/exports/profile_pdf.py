"""A region profile as a one-page PDF (A4 portrait), through the same machinery as every image
export: the figure is framed by `publication.publish` (title, snapshot date, source line,
licence attributions, "Beispieldaten" across demo data) and drawn by `render.render_image`.

The page holds the generated paragraph, the three categories side by side, the history, the
locator map and the citation; the PDF's document description is the paragraph.
"""

from __future__ import annotations

import textwrap

import plotly.graph_objects as go

import geodata
from dashboard.exports.alt_text import embed_description
from dashboard.exports.errors import ExportError
from dashboard.exports.export import ExportFile
from dashboard.exports.provenance import provenance_of
from dashboard.exports.publication import Publication, publish
from dashboard.exports.render import render_image
from dashboard.figures.locator import CONTEXT_FILL, HIGHLIGHT, LAND_FILL
from dashboard.model import metrics as m
from dashboard.model.data import AtlasData
from dashboard.model.geometry import geojson
from dashboard.model.profile import (
    citation,
    figure_cells,
    history,
    load_profile,
    profile_paragraph,
    profile_title,
)
from dashboard.text.i18n import fmt_date, fmt_number, t
from dashboard.text.region_position import locator_text

A4 = (794, 1123)  # CSS pixels at 96 dpi
_WRAP = 95  # characters per line of the paragraph at 14 px


def profile_figure(data: AtlasData, code: str, snapshot: dict, lang: str) -> tuple[go.Figure,
                                                                                    str, str]:
    """The page's figure (before `publish`), its title and its paragraph."""
    profile = load_profile(data, snapshot, code)
    if profile is None:
        raise ExportError(
            f"Unbekannte Region {code[:20]!r}: erlaubt sind DE, 2- oder 5-stellige ARS."
        )
    paragraph = profile_paragraph(profile, lang)
    cells = figure_cells(profile, lang)
    peers = cells.pop("_peers")["text"]
    labels = {"count": t("profile.row.count", lang), "per_100k": t("profile.row.per_100k", lang),
              "rank": t("profile.row.rank", lang, peers=peers),
              "national": t("profile.row.national", lang)}
    header = [t("profile.row.measure", lang)] + [t(f"category.{c}.short", lang)
                                                 for c in m.CATEGORIES]
    columns = [[labels[k] for k in cells]] + [[cells[k][c] for k in cells] for c in m.CATEGORIES]
    rows = history(data, code)
    hist_header = [t("profile.history.date", lang)] + header[1:]
    hist_columns = [[fmt_date(r["taken_at"], lang) for r in rows]] + [
        [t("map.not_recorded", lang) if r[c] is None else fmt_number(r[c], lang) for r in rows]
        for c in m.CATEGORIES
    ]
    level = "kreis" if profile.level == "kreis" else "land"
    highlight = list(geodata.LAENDER) if profile.level == "de" else [profile.code]
    table_style = {"align": ["left", "right", "right", "right"], "height": 26,
                   "font": {"size": 12}}
    figure = go.Figure(
        [
            go.Table(domain={"x": [0, 0.64], "y": [0.535, 0.81]},
                     header={"values": header, "fill_color": "#e6e6e6", **table_style},
                     cells={"values": columns, **table_style}, columnwidth=[2.4, 1, 1, 1.5]),
            go.Table(domain={"x": [0, 0.64], "y": [0.27, 0.495]},
                     header={"values": hist_header, "fill_color": "#e6e6e6", **table_style},
                     cells={"values": hist_columns, **table_style}, columnwidth=[1.6, 1, 1, 1.5]),
            _shape(list(geodata.LAENDER), geojson("land"), LAND_FILL),
            # a Kreis's Land a little darker, as on the page (the locator text says so)
            _shape([profile.code[:2]] if profile.level == "kreis" else [], geojson("land"),
                   CONTEXT_FILL),
            _shape(highlight, geojson(level), HIGHLIGHT),
        ]
    )
    figure.update_geos(domain={"x": [0.68, 1], "y": [0.4, 0.84]}, visible=False,
                       projection_type="mercator", showframe=False, bgcolor="rgba(0,0,0,0)")
    text = "<br>".join(textwrap.wrap(paragraph, _WRAP))
    citation_line = t("profile.cite.heading", lang) + ": " + citation(
        profile, profile_title(profile, lang), snapshot, permalink_of(code, snapshot, lang),
        lang)
    figure.update_layout(
        showlegend=False,
        annotations=[
            {"text": text, "xref": "paper", "yref": "paper", "x": 0, "y": 1.0,
             "xanchor": "left", "yanchor": "top", "align": "left", "showarrow": False,
             "font": {"size": 14}},
            _heading(t("profile.figures.heading", lang), 0.835),
            _heading(t("profile.history.heading", lang), 0.52),
            {"text": "<br>".join(textwrap.wrap(citation_line, 110)), "xref": "paper",
             "yref": "paper", "x": 0, "y": 0.2, "xanchor": "left", "yanchor": "top",
             "align": "left", "showarrow": False, "font": {"size": 11, "color": "#333333"}},
            {"text": "<br>".join(textwrap.wrap(locator_text(profile, lang), 38)),
             "xref": "paper", "yref": "paper", "x": 0.68, "y": 0.38, "xanchor": "left",
             "yanchor": "top", "align": "left", "showarrow": False,
             "font": {"size": 10, "color": "#333333"}},
        ],
    )
    title = f"{t('profile.kicker', lang)}: {profile_title(profile, lang)}"
    return figure, title, paragraph


def permalink_of(code: str, snapshot: dict, lang: str) -> str:
    """The profile's address with the snapshot pinned; absolute inside a request."""
    import flask

    query = f"?snapshot={int(snapshot['id'])}" + ("&lang=en" if lang == "en" else "")
    path = f"/region/{code}{query}"
    if flask.has_request_context():
        return flask.request.host_url.rstrip("/") + path
    return path


def _heading(text: str, y: float) -> dict:
    return {"text": f"<b>{text}</b>", "xref": "paper", "yref": "paper", "x": 0, "y": y,
            "xanchor": "left", "yanchor": "bottom", "showarrow": False, "font": {"size": 14}}


def _shape(codes: list[str], shapes: dict, colour: str) -> go.Choropleth:
    return go.Choropleth(
        geojson=shapes, featureidkey="properties.code", locations=codes, z=[0] * len(codes),
        colorscale=[[0, colour], [1, colour]], showscale=False, hoverinfo="skip",
        marker={"line": {"color": "#5f5f5f", "width": 0.4}},
    )


def profile_pdf(data: AtlasData, code: str, snapshot_id: int | None, lang: str) -> ExportFile:
    """The one-page PDF of the profile of `code` in snapshot `snapshot_id` (None: served)."""
    snapshot, honoured = data.resolve(snapshot_id)
    if snapshot is None or not honoured:
        raise ExportError(f"Kein Datenstand {snapshot_id}.")
    figure, title, paragraph = profile_figure(data, code, snapshot, lang)
    prov = provenance_of(snapshot, lang=lang)
    width, height = A4
    pub = Publication(title=title, subtitle=prov.date_label, legend_title=None,
                      provenance=prov, width=width, height=height, with_plz=False)
    framed = publish(figure, pub)
    framed.update_geos(fitbounds="locations", lonaxis={"range": None}, lataxis={"range": None})
    content = render_image(framed, "pdf", width, height)
    content = embed_description(content, "pdf", title, paragraph)
    day = prov.taken_at
    return ExportFile(content, f"ala-atlas_profil_{code}_{day}.pdf", "application/pdf")


__all__ = ["profile_figure", "profile_pdf"]
