"""Entwicklung: is the number of providers growing, where, and which are new or gone?

Counts over all comparable snapshots (Germany as a line, the published reference counts as
separate marked points; every Land as a small multiple), and for any two snapshots: growth
per Land (ranked bars), the change per region on a diverging map, and the providers that are
new, vanished or changed, by Land, as a table and on a map. The change map lives here, not
on the Karte page: everything that compares two snapshots is on one page with one pair of
pickers. The newer snapshot is the shell's snapshot picker; the older one (`base` in the URL)
is this page's own. Logic is in store.growth, figures in dashboard.figures.growth, tables in
dashboard.model.growth_tables; callbacks only map inputs to them.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import dash_ag_grid as dag
import pandas as pd
from dash import Dash, Input, Output, State, dcc, html, no_update
from dash import callback_context as cbx
from dash.exceptions import PreventUpdate

import geodata
import store
from dashboard.exports import buttons
from dashboard.exports.from_url import entwicklung_request
from dashboard.exports.request import FORMATS, IMAGE_FORMATS, TABLE_FORMATS
from dashboard.figures import growth as gf
from dashboard.figures.common import graph_config
from dashboard.figures.other_counts import with_other_counts
from dashboard.figures.ranking import unique_names
from dashboard.frame import ids
from dashboard.frame.feed_link import feed_links_by_land
from dashboard.model import growth_tables as gt
from dashboard.model.context import PageContext
from dashboard.model.data import AtlasData
from dashboard.model.geometry import url_path
from dashboard.model.land_view import land_geo, land_name, land_rows
from dashboard.model.publishing import contacts_hidden, redact
from dashboard.model.scales import change_bound
from dashboard.model.state import parse_query, to_query
from dashboard.pages.controls import dropdown, options, radio_group, scroll_box
from dashboard.pages.grid import COLUMN_DEFAULTS, GRID_CLASS, LINK_COLUMN, grid_options
from dashboard.pages.land_choice import chosen_land, land_options
from dashboard.text.describe import growth_description, laender_description, series_description
from dashboard.text.describe_change import change_description, changes_points_description
from dashboard.text.i18n import fmt_date, fmt_number, t
from dashboard.text.map_description import caption_block
from dashboard.views.profile_links import profile_path
from store import growth

KEY = "entwicklung"
CATEGORY = "entwicklung-category"
BASE = "entwicklung-base"
LEVEL = "entwicklung-level"
MEASURE = "entwicklung-measure"
NATIONAL = "entwicklung-national"
LAENDER = "entwicklung-laender"
SERIES_TABLE = "entwicklung-series-table"
BARS = "entwicklung-bars"
BARS_TABLE = "entwicklung-bars-table"
CHANGE_MAP = "entwicklung-change-map"
CHANGE_TABLE = "entwicklung-change-table"
POINTS = "entwicklung-points"
BY_LAND = "entwicklung-by-land"
CHANGES_TABLE = "entwicklung-changes-table"
PAIR_NOTE = "entwicklung-pair-note"
COMPARISON = "entwicklung-comparison"
LAND = "entwicklung-land"  # the change map's Land view (issue 21), at Kreis level
LAND_BOX = "entwicklung-land-box"
PAIR_GRAPHS = (BARS, CHANGE_MAP, POINTS)  # the pair's charts, whose headings carry dates
SERIES_GRAPHS = (NATIONAL, LAENDER)  # whose headings name the category (issue 21)
# the charts' generated text alternatives (issue 13), each named by its chart's <figure>
DESCRIBED = {NATIONAL: "entwicklung-national-description",
             LAENDER: "entwicklung-laender-description", BARS: "entwicklung-bars-description",
             CHANGE_MAP: "entwicklung-change-map-description",
             POINTS: "entwicklung-points-description"}
MAPS = (CHANGE_MAP, POINTS)  # captioned "Was die Karte zeigt", not "… das Diagramm …"
# The tables behind each chart's folded "Tabelle": filled only while their box is open
# (fill_tables). Hundreds of cells in the first answer kept the browser busy for seconds
# before the first chart appeared (Dash renders every cell as a component).
TABLES = (SERIES_TABLE, BARS_TABLE, CHANGE_TABLE, CHANGES_TABLE)
EXPORT_SLOTS = {
    "verlauf": ("entwicklung-export-verlauf", IMAGE_FORMATS + TABLE_FORMATS),
    "laender": ("entwicklung-export-laender", IMAGE_FORMATS + TABLE_FORMATS),
    "wachstum": ("entwicklung-export-wachstum", IMAGE_FORMATS + TABLE_FORMATS),
    "veraenderung": ("entwicklung-export-veraenderung", FORMATS),
    "aenderungen": ("entwicklung-export-aenderungen", FORMATS),
}
MEASURES = ("count", "per_100k")

TEXTS = {
    "de": {
        "heading": "Entwicklung: wächst die Zahl der Anbieter, und wo?",
        "of": "{category}: {title}",
        "base": "Verglichen mit Datenstand",
        "measure": "Veränderung",
        "measure.count": "absolut",
        "measure.per_100k": "je 100.000 Einwohner",
        "series": "Anzahl je Datenstand",
        "series.note": (
            "Linie: unsere Datenstände. Rauten: veröffentlichte Zählungen aus Studien "
            "(eigene Quelle, nicht Teil der Datenstände)."
        ),
        "laender": "Anzahl je Datenstand in jedem Land",
        "growth": "Zuwachs nach Ländern, {old} → {new}",
        "change": "Veränderung je Region, {old} → {new}",
        "change.land": "Veränderung je Region in {land}, {old} → {new}",
        "changes": "Neue, weggefallene und geänderte Anbieter, {old} → {new}",
        "by_land": "Nach Ländern",
        "list": "Alle Änderungen",
        "single": "Es gibt nur einen Datenstand: ein Vergleich braucht zwei.",
        "skipped": "{category} sind in {n} von {m} Datenständen nicht erfasst; diese fehlen hier "
        "(eine Lücke, keine 0).",
        "same": "Beide Datenstände sind gleich; gewählt ist der älteste zum Vergleich.",
        "none": "Keine Änderungen zwischen diesen Datenständen.",
        "table": "Tabelle",
        "new": "neu", "vanished": "weggefallen", "changed": "geändert",
    },
    "en": {
        "heading": "Trends: is the number of providers growing, and where?",
        "of": "{category}: {title}",
        "base": "Compared with snapshot",
        "measure": "Change",
        "measure.count": "absolute",
        "measure.per_100k": "per 100,000 inhabitants",
        "series": "Count per snapshot",
        "series.note": (
            "Line: our snapshots. Diamonds: published counts from studies (their own source, "
            "not part of the snapshots)."
        ),
        "laender": "Count per snapshot in every state",
        "growth": "Growth by state, {old} → {new}",
        "change": "Change per region, {old} → {new}",
        "change.land": "Change per region in {land}, {old} → {new}",
        "changes": "New, gone and changed providers, {old} → {new}",
        "by_land": "By state",
        "list": "All changes",
        "single": "There is only one snapshot: a comparison needs two.",
        "skipped": "{category} were not recorded in {n} of {m} snapshots; those are left out "
        "here (a gap, not a 0).",
        "same": "Both snapshots are the same; the oldest one is compared instead.",
        "none": "No changes between these snapshots.",
        "table": "Table",
        "new": "new", "vanished": "gone", "changed": "changed",
    },
}


def tx(key: str, lang: str, **values: Any) -> str:
    return TEXTS.get(lang, TEXTS["de"])[key].format(**values)


def headed(key: str, category: str, lang: str, **values: Any) -> str:
    """A chart's heading naming what it counts ("aLA: Anzahl je Datenstand"): the page shows
    one category at a time, and a heading read alone (a screen reader's list of headings, a
    screenshot) did not say which (issue 21)."""
    return tx("of", lang, category=t(f"category.{category}.short", lang),
              title=tx(key, lang, **values))


def change_title(category: str, land: str | None, lang: str, dates: dict[str, str]) -> str:
    """The change map's heading; a Land view names its Land before the dates ("… je Region
    in Bayern, 30.11.2021 → 01.12.2022": after them, "in Bayern" read as part of a date)."""
    if land is None:
        return headed("change", category, lang, **dates)
    return headed("change.land", category, lang, land=land_name(land), **dates)


def series_titles(category: str, lang: str) -> dict[str, str]:
    """The headings (and hidden captions) of the two charts over all snapshots."""
    return {NATIONAL: headed("series", category, lang),
            LAENDER: headed("laender", category, lang)}


# --- pure helpers ----------------------------------------------------------------------------


# Up to this many rows a plain HTML table; beyond it a virtualised grid, since thousands of
# Dash html components (401 Kreise x 7 cells) stall the browser for many seconds.
PLAIN_TABLE_ROWS = 60


def html_table(frame: pd.DataFrame, caption: str, lang: str,
               links: tuple[str, list[str]] | None = None) -> html.Div | html.Figure:
    """An accessible table (caption, column headers) of a display frame, numbers formatted;
    every row of the frame, as a grid when the frame is long. `links` (column, one href per
    row): that column's cells link there (a region's name to its profile)."""
    if len(frame) > PLAIN_TABLE_ROWS:
        return _grid_table(frame, caption, lang, links)
    linked = frame.columns.get_loc(links[0]) if links else None
    # numbers right-aligned under right-aligned headers, so their digits line up
    numeric = [pd.api.types.is_numeric_dtype(frame[c]) for c in frame.columns]
    head = html.Thead(html.Tr([html.Th(str(c), scope="col", className="num" if n else None)
                               for c, n in zip(frame.columns, numeric, strict=True)]))
    hrefs = links[1] if links else [None] * len(frame)
    body = [
        html.Tr([html.Td(dcc.Link(_cell(v, lang), href=href) if i == linked and href
                         else _cell(v, lang), className="num" if n else None)
                 for i, (v, n) in enumerate(zip(row, numeric, strict=True))])
        for row, href in zip(frame.itertuples(index=False), hrefs, strict=True)
    ]
    return scroll_box(
        html.Table([html.Caption(caption), head, html.Tbody(body)], className="data-table"),
        caption)


def _grid_table(frame: pd.DataFrame, caption: str, lang: str,
                links: tuple[str, list[str]] | None = None) -> html.Figure:
    fields = [f"c{i}" for i in range(len(frame.columns))]
    rows = [
        {f: _cell(v, lang) for f, v in zip(fields, row, strict=True)}
        for row in frame.itertuples(index=False)
    ]
    if links:  # read by assets/dashAgGridComponentFunctions.js (atlasRegionLink)
        for row, href in zip(rows, links[1], strict=True):
            row["profile"] = href
    linked = f"c{frame.columns.get_loc(links[0])}" if links else None
    grid = dag.AgGrid(
        rowData=rows,
        # the region's name pinned at the left, as the Tabelle's: on a phone the key column
        # came first and the names were cut at the screen's edge ("München …")
        columnDefs=[{"field": f, "headerName": str(c),
                     **({**LINK_COLUMN, "pinned": "left", "minWidth": 150,
                         "wrapText": True, "autoHeight": True}
                        if f == linked else {})}
                    for f, c in zip(fields, frame.columns, strict=True)],
        defaultColDef={**COLUMN_DEFAULTS, "minWidth": 90},
        dashGridOptions=grid_options(lang, suppressColumnVirtualisation=True),
        className=GRID_CLASS,
        style={"height": "480px", "width": "100%"},
    )
    return html.Figure([html.Figcaption(caption), grid], className="grid-figure")


def _cell(value: Any, lang: str) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "–"
    if isinstance(value, float):
        return fmt_number(value, lang, 2)
    return str(value)


def pair(series: pd.DataFrame, newer: int | None, base: int | None) -> tuple[int, int] | None:
    """(older, newer) snapshot ids to compare: the chosen ones in date order; without a base
    (or the same as the newer one), the first snapshot of the series. None with one snapshot."""
    ids_ = series["id"].tolist()
    if len(ids_) < 2:
        return None
    newer = newer if newer in ids_ else ids_[-1]
    if base not in ids_ or base == newer:
        base = ids_[0] if ids_[0] != newer else ids_[-1]
    by_position = sorted((base, newer), key=ids_.index)
    return by_position[0], by_position[1]


def pair_note(got: dict[str, Any], category: str, lang: str, note: str) -> str:
    """`note`, preceded by a word on snapshots left out because they did not record the
    category (shown as a gap, never as 0)."""
    if not got.get("skipped"):
        return note
    gap = tx("skipped", lang, category=t(f"category.{category}", lang), n=got["skipped"],
             m=got["of"])
    if got["skipped"] == got["of"]:
        return gap  # nothing to compare, and "only one snapshot" would not be true
    return f"{gap} {note}".strip()


def query_with(search: str | None, **changes: Any) -> str:
    state, _ = parse_query(search)
    return to_query(replace(state, **changes))


# --- content ---------------------------------------------------------------------------------


def content(app: Dash, data: AtlasData, snapshot_id: int | None, base: int | None,
            category: str, level: str, measure: str, lang: str,
            land: str | None = None) -> dict[str, Any]:
    """Every figure and table of the page for one choice of inputs, built once per choice
    and series (the page, its update and its tables ask for the same; read-only); `land`
    (Kreis level) narrows the change map and its table to that Land's Kreise."""
    if snapshot_id is None:
        return _content(app, data, snapshot_id, base, category, level, measure, lang, land)
    members = data.series_ids(snapshot_id)
    return data.memo(
        ("entwicklung", snapshot_id, members, base, category, level, measure, lang, land,
         contacts_hidden()),
        lambda: _content(app, data, snapshot_id, base, category, level, measure, lang, land),
    )


def _content(app: Dash, data: AtlasData, snapshot_id: int | None, base: int | None,
             category: str, level: str, measure: str, lang: str,
             land: str | None) -> dict[str, Any]:
    engine = data.engine
    served = store.served_series(engine, snapshot_id)  # the shown snapshot's own source
    series_snapshots = growth.recorded(served, category)
    out: dict[str, Any] = {"skipped": len(served) - len(series_snapshots), "of": len(served)}
    counts = growth.snapshot_counts(engine, category, series_snapshots)
    reference = growth.published_reference(category)
    out[NATIONAL] = with_other_counts(gf.national_series_figure(counts, reference, lang),
                                      geodata.other_counts(), category, lang)
    out[LAENDER] = gf.laender_series_figure(counts, lang)
    out[SERIES_TABLE] = html_table(gt.series_table(counts, lang), headed("series", category, lang),
                                   lang)
    germany = counts[counts["region"] == "DE"]
    out[DESCRIBED[NATIONAL]] = (series_description(germany, category, lang)
                                if len(germany) else "")
    out[DESCRIBED[LAENDER]] = laender_description(counts, category, lang)
    chosen = pair(series_snapshots, snapshot_id, base)
    out["pair"] = chosen
    if chosen is None:
        return out
    old_id, new_id = chosen
    old, new = store.get_snapshot(engine, old_id), store.get_snapshot(engine, new_id)
    dates = {"old": fmt_date(old["taken_at"], lang), "new": fmt_date(new["taken_at"], lang)}
    per_100k = measure == "per_100k"
    land_growth = growth.land_growth_between(engine, old_id, new_id, category)
    out[BARS] = gf.growth_bar_figure(land_growth, per_100k, lang)
    out[DESCRIBED[BARS]] = growth_description(land_growth, per_100k, category,
                                              str(old["taken_at"]), str(new["taken_at"]), lang)
    out[BARS_TABLE] = html_table(
        gt.growth_table(land_growth, old["taken_at"], new["taken_at"], lang),
        headed("growth", category, lang, **dates), lang,
    )
    change = land_rows(growth.region_change_between(engine, old_id, new_id, level, category),
                       land)
    # a name twice (Landkreis and kreisfreie Stadt München) carries its kind, as the ranking's
    # bars do: the table listed "München" twice with nothing to tell them apart (issue 21)
    kinds = data.regions(level).set_index("code")["bez"]
    change = change.assign(name=unique_names(change.assign(bez=change["code"].map(kinds)), lang))
    geometry = app.get_relative_path(url_path(level))
    bound = change_bound(data, series_snapshots["id"].tolist(), level, category, per_100k)
    out[CHANGE_MAP] = gf.change_map_figure(change, geometry, per_100k, lang, bound=bound)
    if land is not None:  # that Land's Kreise fill the frame
        out[CHANGE_MAP].update_geos(**land_geo(land))
    out[DESCRIBED[CHANGE_MAP]] = change_description(change, per_100k, category, level,
                                                    str(old["taken_at"]), str(new["taken_at"]),
                                                    lang)
    change_table = gt.region_change_table(change, old["taken_at"], new["taken_at"], lang)
    out[CHANGE_TABLE] = html_table(
        change_table, change_title(category, land, lang, dates), lang,
        links=(gt.label("region", lang), [app.get_relative_path(profile_path(code, lang))
                                          for code in change["code"]]),
    )
    diff = redact(growth.provider_changes(engine, old_id, new_id, category))
    out[POINTS] = gf.changes_points_figure(diff, app.get_relative_path(url_path("land")), lang)
    out[DESCRIBED[POINTS]] = changes_points_description(diff, category, str(old["taken_at"]),
                                                        str(new["taken_at"]), lang)
    by_land = growth.changes_by_land(diff, data.regions("land"))
    by_land = by_land.rename(columns={"land_code": gt.label("code", lang),
                                      "land": gt.label("land", lang),
                                      **{k: tx(k, lang) for k in growth.CHANGE_KINDS}})
    out[BY_LAND] = html_table(by_land, headed("by_land", category, lang), lang)
    listing = gt.changes_table(diff, lang)
    out[CHANGES_TABLE] = (
        html_table(listing, headed("list", category, lang), lang) if len(listing)
        else html.P(tx("none", lang))
    )
    out["dates"] = dates
    out["land"] = land
    out["category"] = category
    return out


def pair_titles(dates: dict[str, str], land: str | None, lang: str,
                category: str = "ala") -> dict[str, str]:
    """The three comparison headings (and hidden captions) for the chosen pair, naming the
    category; the change map's names its Land."""
    return {
        BARS: headed("growth", category, lang, **dates),
        CHANGE_MAP: change_title(category, land, lang, dates),
        POINTS: headed("changes", category, lang, **dates),
    }


def _graph(app: Dash, component_id: str, figure: Any, lang: str, label: str) -> html.Figure:
    # maps take the frame entwicklung.css gives them (portrait, like the Karte's); charts
    # keep the height their figure asks for (it grows with the number of bars)
    is_map = component_id in MAPS
    graph = dcc.Graph(
        id=component_id, figure=figure, responsive=True if is_map else "auto",
        className="growth-graph growth-map" if is_map else "growth-graph",
        config=graph_config(app.get_asset_url("topojson/"), lang, filename=component_id),
    )
    described = {"aria-describedby": DESCRIBED[component_id]} if component_id in DESCRIBED else {}
    # an id: the callback rewrites the caption with the chart (issue 21, stale dates)
    return html.Figure([html.Figcaption(label, id=f"{component_id}-caption",
                                        className="visually-hidden"), graph],
                       className="graph-figure", **described)


def _caption(got: dict[str, Any], graph_id: str, lang: str) -> html.Section:
    heading = "describe.heading" if graph_id in MAPS else "describe.chart.heading"
    return caption_block(DESCRIBED[graph_id], got.get(DESCRIBED[graph_id], ""), lang, heading)


def table_box_id(component_id: str) -> str:
    return f"{component_id}-box"


def table_summary_id(component_id: str) -> str:
    return f"{component_id}-summary"


def _table_box(component_id: str, lang: str) -> html.Details:
    """A folded "Tabelle" whose table arrives when it is first opened (fill_tables; a click
    or Enter on the summary: <details> tells Dash nothing of its own toggling)."""
    return html.Details(
        [html.Summary(tx("table", lang), id=table_summary_id(component_id)),
         html.Div(id=component_id)],
        id=table_box_id(component_id), className="table-box",
    )


def _export(view: str, lang: str) -> html.Div:
    slot, formats = EXPORT_SLOTS[view]
    return html.Div(buttons.export_controls(slot, formats, lang), id=slot,
                    className="export-slot")


def _pair_section(
    app: Dash, got: dict[str, Any], lang: str, dates: dict[str, str], graph_id: str,
    export_view: str, table_id: str, extra: list[Any] | None = None,
) -> html.Section:
    """One comparison of the chosen pair: heading, chart, its export, anything `extra`, and
    the chart's table (headings carry ids: the callback rewrites them with the dates)."""
    title = pair_titles(dates, got.get("land"), lang, got.get("category", "ala"))[graph_id]
    return html.Section(
        [
            html.H2(title, id=f"{graph_id}-heading"),
            _graph(app, graph_id, got.get(graph_id, {}), lang, title),
            *([_caption(got, graph_id, lang)] if graph_id in DESCRIBED else []),
            _export(export_view, lang),
            *(extra or []),
            _table_box(table_id, lang),
        ],
        className="growth-section map-beside-text" if graph_id in MAPS else "growth-section",
    )


def _base_options(data: AtlasData, lang: str, snapshot_id: int | None = None
                  ) -> list[dict[str, Any]]:
    series = store.served_series(data.engine, snapshot_id)
    return [{"label": fmt_date(row.taken_at.isoformat(), lang), "value": int(row.id)}
            for row in series.itertuples(index=False)]


def _pair_words(chosen: tuple[int, int] | None, base: int | None, lang: str) -> str:
    """What the pair note says first: one snapshot only, or that the asked base was replaced
    (the update callback says the same after a change)."""
    if chosen is None:
        return tx("single", lang)
    return tx("same", lang) if base is not None and base not in chosen else ""


def layout(ctx: PageContext) -> html.Div:
    s, lang, app = ctx.state, ctx.lang, ctx.app
    base = s.base
    measure = s.metric if s.metric in MEASURES else "count"
    if ctx.snapshot_id is None:
        return html.Div([html.H1(tx("heading", lang)), html.P(t("notice.no_snapshot", lang))])
    land = chosen_land(s.level, s.land)
    got = content(app, ctx.data, ctx.snapshot_id, base, s.category, s.level, measure, lang,
                  land)
    chosen = got["pair"]
    dates = got.get("dates", {"old": "", "new": ""})
    comparison_hidden = chosen is None
    series = series_titles(s.category, lang)
    return html.Div(
        [
            html.H1(tx("heading", lang)),
            *([] if s.embed else [feed_links_by_land(ctx)]),  # an iframe stays chrome-free
            html.Div(
                [
                    radio_group(CATEGORY, t("category.label", lang),
                                options("category", ("ala", "wfbm", "ib"), lang), s.category),
                    dropdown(BASE, tx("base", lang), _base_options(ctx.data, lang, ctx.snapshot_id),
                             chosen[0] if chosen else None, clearable=False, searchable=False),
                    radio_group(MEASURE, tx("measure", lang),
                                [{"label": tx(f"measure.{m}", lang), "value": m}
                                 for m in MEASURES], measure),
                    radio_group(LEVEL, t("level.label", lang),
                                options("level", ("land", "kreis"), lang), s.level),
                    html.Div(dropdown(LAND, t("land.label", lang), land_options(lang),
                                      land or "", clearable=False, className="land-select"),
                             id=LAND_BOX, hidden=s.level != "kreis"),
                ],
                className="controls",
            ),
            html.P(
                pair_note(got, s.category, lang, _pair_words(chosen, base, lang)),
                id=PAIR_NOTE,
                className="hint",
                role="status",
            ),
            html.Section(
                [
                    html.H2(series[NATIONAL], id=f"{NATIONAL}-heading"),
                    html.P(tx("series.note", lang), className="hint"),
                    _graph(app, NATIONAL, got[NATIONAL], lang, series[NATIONAL]),
                    _caption(got, NATIONAL, lang),
                    _export("verlauf", lang),
                    html.H3(series[LAENDER], id=f"{LAENDER}-heading"),
                    _graph(app, LAENDER, got[LAENDER], lang, series[LAENDER]),
                    _caption(got, LAENDER, lang),
                    _export("laender", lang),
                    _table_box(SERIES_TABLE, lang),
                ],
                className="growth-section",
            ),
            html.Div(
                [
                    _pair_section(app, got, lang, dates, BARS, "wachstum", BARS_TABLE),
                    _pair_section(
                        app, got, lang, dates, CHANGE_MAP, "veraenderung", CHANGE_TABLE
                    ),
                    _pair_section(
                        app, got, lang, dates, POINTS, "aenderungen", CHANGES_TABLE,
                        extra=[html.Div(got.get(BY_LAND), id=BY_LAND)],
                    ),
                ],
                id=COMPARISON,
                hidden=comparison_hidden,
            ),
        ],
        className="growth-page",
    )


def validation_layout() -> html.Div:
    parts: list[Any] = [
        dcc.RadioItems(id=CATEGORY), dcc.Dropdown(id=BASE), dcc.RadioItems(id=MEASURE),
        dcc.RadioItems(id=LEVEL), html.P(id=PAIR_NOTE), html.Div(id=COMPARISON),
        dcc.Dropdown(id=LAND), html.Div(id=LAND_BOX),
        *[html.Figcaption(id=f"{g}-caption") for g in (NATIONAL, LAENDER, *PAIR_GRAPHS)],
        *[dcc.Graph(id=g) for g in (NATIONAL, LAENDER, BARS, CHANGE_MAP, POINTS)],
        *[html.Div(id=d) for d in (SERIES_TABLE, BARS_TABLE, CHANGE_TABLE, BY_LAND,
                                   CHANGES_TABLE)],
        *[html.H2(id=f"{g}-heading") for g in (BARS, CHANGE_MAP, POINTS, *SERIES_GRAPHS)],
        *[html.P(id=d) for d in DESCRIBED.values()],
        *[html.Summary(id=table_summary_id(table)) for table in TABLES],
    ]
    for slot, _ in EXPORT_SLOTS.values():
        parts.append(html.Div(buttons.validation_components(slot), id=slot))
    return html.Div(parts)


def register_callbacks(app: Dash, data: AtlasData) -> None:
    for view, (slot, _) in EXPORT_SLOTS.items():
        buttons.register_export(app, data, slot, entwicklung_request(view))

    @app.callback(
        Output(NATIONAL, "figure"), Output(LAENDER, "figure"),
        Output(BARS, "figure"), Output(f"{BARS}-heading", "children"),
        Output(CHANGE_MAP, "figure"), Output(f"{CHANGE_MAP}-heading", "children"),
        Output(POINTS, "figure"), Output(BY_LAND, "children"),
        Output(f"{POINTS}-heading", "children"),
        Output(COMPARISON, "hidden"), Output(PAIR_NOTE, "children"), Output(BASE, "value"),
        Output(ids.URL, "search", allow_duplicate=True),
        *[Output(d, "children") for d in DESCRIBED.values()],
        *[Output(f"{g}-caption", "children") for g in PAIR_GRAPHS],
        Output(LAND_BOX, "hidden"),
        *[Output(f"{g}-heading", "children") for g in SERIES_GRAPHS],
        *[Output(f"{g}-caption", "children") for g in SERIES_GRAPHS],
        Input(CATEGORY, "value"), Input(BASE, "value"), Input(MEASURE, "value"),
        Input(LEVEL, "value"), Input(ids.snapshot(KEY), "value"), Input(LAND, "value"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def update(category, base, measure, level, snapshot_id, land_value, search):
        if just_drawn():
            # the page was just drawn with these very inputs (Dash fires for inserted
            # inputs): drawing it again cost the browser seconds and changed nothing
            raise PreventUpdate
        state, _ = parse_query(search)
        lang = state.lang
        snapshot, _ = data.resolve(snapshot_id)
        skip = no_update
        if snapshot is None:
            return (skip,) * (13 + len(DESCRIBED) + len(PAIR_GRAPHS) + 1
                              + 2 * len(SERIES_GRAPHS))
        land = chosen_land(level, land_value)
        got = content(app, data, int(snapshot["id"]), base, category, level, measure, lang,
                      land)
        chosen = got["pair"]
        series = series_titles(category, lang)
        named = [*[series[g] for g in SERIES_GRAPHS], *[series[g] for g in SERIES_GRAPHS]]
        if chosen is None:
            return (got[NATIONAL], got[LAENDER], skip, skip, skip, skip, skip, skip, skip, True,
                    pair_note(got, category, lang, tx("single", lang)), skip,
                    query_with(search, base=None, category=category, level=level,
                               metric=measure, land=land),
                    *[got.get(d, skip) for d in DESCRIBED.values()],
                    *(skip,) * len(PAIR_GRAPHS), level != "kreis", *named)
        titles = pair_titles(got["dates"], land, lang, category)
        note = pair_note(
            got, category, lang, tx("same", lang) if base is not None and base not in chosen else ""
        )
        query = query_with(search, base=chosen[0], category=category, level=level,
                           metric=measure, land=land)
        return (
            got[NATIONAL], got[LAENDER],
            got[BARS], titles[BARS],
            got[CHANGE_MAP], titles[CHANGE_MAP],
            got[POINTS], got[BY_LAND], titles[POINTS],
            False, note, chosen[0] if chosen[0] != base else skip,
            query if query != (search or "") else skip,
            *[got[d] for d in DESCRIBED.values()],
            # the hidden captions say what the headings say, in the same answer (issue 21)
            *[titles[g] for g in PAIR_GRAPHS],
            level != "kreis",
            *named,
        )

    @app.callback(
        *[Output(table, "children") for table in TABLES],
        *[Input(table_summary_id(table), "n_clicks") for table in TABLES],
        Input(CATEGORY, "value"), Input(BASE, "value"), Input(MEASURE, "value"),
        Input(LEVEL, "value"), Input(ids.snapshot(KEY), "value"), Input(LAND, "value"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def fill_tables(*args):
        """The tables of the boxes opened at least once (the same content as the charts),
        none in a box never opened: a table nobody asked for costs the browser nothing."""
        opened = [bool(clicks) for clicks in args[:len(TABLES)]]
        category, base, measure, level, snapshot_id, land_value, search = args[len(TABLES):]
        if not any(opened):
            if just_drawn():
                raise PreventUpdate
            return (None,) * len(TABLES)
        snapshot, _ = data.resolve(snapshot_id)
        if snapshot is None:
            return (no_update,) * len(TABLES)
        lang = parse_query(search)[0].lang
        got = content(app, data, int(snapshot["id"]), base, category, level, measure, lang,
                      chosen_land(level, land_value))
        return tuple(got.get(table) if is_open else None
                     for table, is_open in zip(TABLES, opened, strict=True))


def just_drawn() -> bool:
    """True when Dash fires a callback because the page's inputs were just inserted (all of
    them at once), not because a reader changed one."""
    return len(cbx.triggered) > 2
