"""Erreichbarkeit: how far people live from the nearest provider (Luftlinie), where the gaps
are, and what hypothetical providers would change (planning; never stored, kept in the URL).

The measures are computed when a snapshot is stored (store.access); this page only reads
them (dashboard.model.access_data) and, for planning, adds the distances to the chosen points.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from dash import Dash, Input, Output, State, dcc, html, no_update
from dash import ctx as dash_ctx

import geodata
import store
from dashboard.exports import buttons
from dashboard.figures.access_gemeinde import (
    CLASSES,
    EDGES_KM,
    FADED,
    fitted_geo,
    gemeinde_map,
    ui_revision,
)
from dashboard.figures.access_map import (
    TRACES,
    distance_map,
    sfca_cap,
    sfca_map,
    status_note,
)
from dashboard.figures.choropleth import empty_map
from dashboard.figures.common import graph_config
from dashboard.figures.plan_overlay import PLANNED, blank_overlay, plan_overlay
from dashboard.frame import ids
from dashboard.model.access_data import (
    AccessView,
    access_view,
    gemeinde_map_frame,
    gemeinde_options,
    gemeinden_of_kreis,
    land_bounds,
    outline_codes,
    place_labels,
    planned_map_frame,
    providers_of_kind,
    ranked,
    region_labels,
)
from dashboard.model.context import PageContext
from dashboard.model.data import AtlasData
from dashboard.model.geometry import url_path
from dashboard.model.metrics import CATEGORIES
from dashboard.model.state import (
    ACCESS_COMPARE,
    ACCESS_LEVELS,
    ACCESS_SERVICES,
    MAX_PLAN,
    THRESHOLDS_KM,
    ViewState,
    parse_query,
    to_query,
)
from dashboard.pages.controls import options, radio_group, scroll_box
from dashboard.pages.erreichbarkeit_car import car_section, effective_mode, page_class
from dashboard.pages.erreichbarkeit_car import validation_layout as car_validation_layout
from dashboard.pages.erreichbarkeit_car_plan import plan_slot
from dashboard.pages.erreichbarkeit_gemeinden import ROWS as GRID_ROWS
from dashboard.pages.erreichbarkeit_gemeinden import (
    changed_rows,
    gemeinde_grid,
    grid_rows,
    register_grid_callbacks,
    rows_store,
)
from dashboard.pages.erreichbarkeit_gemeinden import validation_layout as grid_validation_layout
from dashboard.pages.erreichbarkeit_kreis_click import kreis_click_parts, register_kreis_click
from dashboard.pages.erreichbarkeit_kreis_click import validation_layout as click_validation_layout
from dashboard.pages.erreichbarkeit_overlay import (
    PLAN_GRAPH,
    map_stack,
    plan_layer,
    register_overlay_callbacks,
)
from dashboard.pages.erreichbarkeit_overlay import validation_layout as overlay_validation_layout
from dashboard.text.describe import access_description
from dashboard.text.describe_gemeinden import gemeinde_sentence, where_label
from dashboard.text.i18n import fmt_number, t
from dashboard.text.map_description import caption_block

KEY = "erreichbarkeit"
# what the page's tables (and its 2SFCA map) show, by a digest or key each (table_digests): a
# callback answer leaves a table alone that would come out the same
TABLES_SHOWN = "access-tables-shown"
MAP_HEIGHT = 600
RANKED_KREISE = 20


@dataclass(frozen=True)
class Choice:
    """What the page draws: the controls' values (the URL holds the same)."""

    category: str
    service: str
    threshold: int
    places: tuple[str, ...]
    level: str = "kreis"  # gemeinde | kreis
    land: str | None = None  # one Land's view, else Germany
    compare: str = "after"  # after: with the plan; before: the snapshot as it is


# --- what is shown --------------------------------------------------------------------------


def load_view(
    data: AtlasData, snapshot_id: int | None, category: str, service: str, plan: list[str]
) -> AccessView | None:
    """The view, or None when the snapshot did not record the category (or no snapshot)."""
    if snapshot_id is None:
        return None
    service = service if category == "ala" else "all"

    def make() -> AccessView | None:
        try:
            return access_view(data.engine, snapshot_id, category, service, plan)
        except store.CategoryNotInSnapshot:
            return None

    # kept per snapshot: every planning click and threshold switch needs the view without
    # the plan again (three aggregations over 10,997 Gemeinden)
    return data.memo(("access-view", snapshot_id, category, service, tuple(plan)), make)


def load_views(data: AtlasData, snapshot_id: int | None, choice: Choice
               ) -> tuple[AccessView | None, AccessView | None]:  # fmt: skip
    """(what the page shows, the snapshot without the plan). The second fixes the 2SFCA
    scale, so before and after planning share one."""
    base = load_view(data, snapshot_id, choice.category, choice.service, [])
    if not choice.places:
        return base, base
    planned = load_view(data, snapshot_id, choice.category, choice.service,
                        list(choice.places))  # fmt: skip
    return planned, base


def _status_text(view: AccessView | None, lang: str) -> str | None:
    return None if view is None else status_note(view.status, lang)


def _in_land(frame, land: str | None):
    return frame if land is None else frame[frame["ars"].str[:2] == land]


def land_sentence(view: AccessView, land: str, threshold: int, lang: str) -> str:
    """The Land's key figures in one sentence (issue 21, item 1)."""
    row = view.laender.set_index("ars").loc[land]
    return t("access.land.sentence", lang, where=geodata.LAENDER[land], km=threshold,
             share=fmt_number(row[f"share_beyond_{threshold}km"] * 100, lang, 1),
             people=fmt_number(row[f"pop_beyond_{threshold}km"], lang),
             median=fmt_number(row["median_km"], lang, 1))  # fmt: skip


def summary(view: AccessView | None, category: str, threshold: int, lang: str,
            land: str | None = None) -> list[Any]:  # fmt: skip
    """The Germany figures as sentences (and the Land's, in a Land view), with the
    Luftlinie note and placement caveats."""
    if view is None:
        name = t(f"category.{category}", lang)
        return [html.P(t("notice.not_recorded", lang, category=name), className="notice")]
    status = _status_text(view, lang)
    g = view.germany
    parts: list[Any] = []
    if status:
        parts.append(html.P(status, className="notice"))
    else:
        if land is not None:
            parts.append(html.P(land_sentence(view, land, threshold, lang),
                                className="access-headline access-land-sentence"))  # fmt: skip
        share = g[f"share_beyond_{threshold}km"]
        parts.append(
            html.P(
                t("access.summary", lang, km=threshold,
                  share=fmt_number(share * 100, lang, 1),
                  people=fmt_number(g[f"pop_beyond_{threshold}km"], lang),
                  mean=fmt_number(g["mean_km"], lang, 1),
                  median=fmt_number(g["median_km"], lang, 1)),
                className="access-headline" if land is None else "",
            )
        )  # fmt: skip
        parts.append(
            html.P(
                " ".join([
                    t("access.summary.own", lang,
                      people=fmt_number(g["pop_no_provider_in_kreis"], lang)),
                    t("access.summary.sfca", lang,
                      value=fmt_number(g["providers_per_100k_within_50km"], lang, 2)),
                    t("access.summary.providers", lang, n=fmt_number(view.providers_used, lang)),
                ])
            )
        )  # fmt: skip
    if view.kreis_placed:
        people = fmt_number(g["pop_nearest_kreis_placed"], lang)
        parts.append(html.P(t("access.kreis_placed", lang, n=view.kreis_placed, people=people)))
    if view.excluded:
        parts.append(html.P(t("access.excluded", lang, n=view.excluded)))
    parts.append(html.P(t("access.luftlinie", lang), className="hint luftlinie"))
    return parts


def map_texts(view: AccessView | None, snapshot: dict | None, category: str, threshold: int,
              lang: str, gemeinden=None, land: str | None = None) -> tuple[str, str]:
    """The text alternatives of the distance (Kreis or Gemeinde) and the 2SFCA map, from the
    frames they draw."""
    if view is None or snapshot is None:
        notice = t("notice.not_recorded", lang, category=t(f"category.{category}", lang))
        return notice, notice
    taken = str(snapshot["taken_at"])[:10]
    kreise = _in_land(view.kreise, land)
    if gemeinden is not None and view.status == "ok":
        # the Gemeinde map's own words only: the Kreis map's description would describe a
        # map that is not shown (and is not written: a third of this function's time)
        distance = gemeinde_sentence(gemeinden, threshold, land, lang)
    else:
        distance = access_description(kreise, "distance", view.category, threshold, taken,
                                      lang, view.status)  # fmt: skip
    sfca = access_description(kreise, "sfca", view.category, threshold, taken, lang,
                              view.status)  # fmt: skip
    return distance, sfca


def _not_recorded_map(category: str, lang: str):
    name = t(f"category.{category}", lang)
    return empty_map(t("notice.not_recorded", lang, category=name), MAP_HEIGHT)


def _shown(view: AccessView | None, base: AccessView | None, compare: str) -> AccessView | None:
    """The view the maps draw: with the plan, or (before) the snapshot as it is."""
    return base if compare == "before" else view


def revision(snapshot_id: int | None, choice: Choice, lang: str) -> str:
    """Changes exactly when the Gemeinde map's data change (never with the threshold)."""
    return "|".join([str(snapshot_id), choice.category, choice.service, ",".join(choice.places),
                     choice.land or "de", choice.compare, lang])  # fmt: skip


def _gemeinde_providers(data: AtlasData, view: AccessView, land: str | None):
    return providers_of_kind(data.providers(view.snapshot_id), view.category, view.service,
                             land)


def map_revision(snapshot_id: int | None, choice: Choice, lang: str) -> str:
    """The revision of the map under the plan: it draws the snapshot without the plan, so a
    plan (or before/after) never changes it."""
    return revision(snapshot_id, replace(choice, places=(), compare="after"), lang)


def gemeinde_figure(app: Dash, data: AtlasData, view: AccessView | None, gemeinden,
                    choice: Choice, lang: str, before=None):  # fmt: skip
    """Map 1 at Gemeinde level: every Gemeinde (or the Land's) in distance classes as the
    snapshot has them (`before`, the Gemeinden without the plan, where there is a plan); the
    plan is drawn over it by `plan_figure` (its own graph), the legend names its stars."""
    if view is None:
        return _not_recorded_map(choice.category, lang)
    return gemeinde_map(
        gemeinden if before is None else before, threshold=choice.threshold, lang=lang,
        shapes=_shapes(app), outlines=outline_codes(choice.land),
        geo=fitted_geo(land_bounds(choice.land) if choice.land else None),
        revision=map_revision(view.snapshot_id, choice, lang),
        providers=_gemeinde_providers(data, view, choice.land), height=MAP_HEIGHT,
        stars_elsewhere=True,
    )  # fmt: skip


def plan_figure(app: Dash, data: AtlasData, view: AccessView | None, gemeinden, before,
                choice: Choice, lang: str) -> Any:  # fmt: skip
    """The plan's layer over the Gemeinde map (figures.plan_overlay): the Gemeinden the plan
    brought nearer and the stars; blank where nothing is planned or drawn."""
    if view is None or gemeinden is None:
        return blank_overlay()
    geo = fitted_geo(land_bounds(choice.land) if choice.land else None)
    return plan_overlay(
        gemeinden, before, threshold=choice.threshold, lang=lang, shapes=_shapes(app),
        outlines=outline_codes(choice.land), geo=geo,
        revision=revision(view.snapshot_id, choice, lang), uirevision=ui_revision(geo),
        providers=_gemeinde_providers(data, view, choice.land), places=view.places,
        height=MAP_HEIGHT,
    )  # fmt: skip


def _shapes(app: Dash) -> dict[str, str]:
    return {level: app.get_relative_path(url_path(level)) for level in
            ("gemeinde", "kreis", "land")}  # fmt: skip


def distance_figure(app: Dash, data: AtlasData, view: AccessView | None, *,
                    category: str, threshold: int, lang: str, land: str | None = None):  # fmt: skip
    """Map 1 at Kreis level: share of people beyond the threshold per Kreis (Luftlinie)."""
    if view is None:
        return _not_recorded_map(category, lang)
    providers = providers_of_kind(data.providers(view.snapshot_id), view.category, view.service,
                                  land)  # fmt: skip
    return distance_map(view, providers, threshold=threshold, lang=lang, height=MAP_HEIGHT,
                        geojson=app.get_relative_path(url_path("kreis")), title="",
                        kreise=_in_land(view.kreise, land),
                        geo=fitted_geo(land_bounds(land)) if land else None)  # fmt: skip


def sfca_figure(app: Dash, data: AtlasData, view: AccessView | None, *,
                category: str, threshold: int, lang: str, land: str | None = None,
                base: AccessView | None = None):  # fmt: skip
    """Map 2: 2SFCA providers per 100,000 people within 50 km per Kreis, on the scale of the
    snapshot without the plan (`base`)."""
    if view is None:
        return _not_recorded_map(category, lang)
    cap = sfca_cap((base or view).kreise["providers_per_100k_within_50km"])
    return sfca_map(view, threshold=threshold, lang=lang, height=MAP_HEIGHT,
                    geojson=app.get_relative_path(url_path("kreis")), title="",
                    kreise=_in_land(view.kreise, land), zmax=cap,
                    geo=fitted_geo(land_bounds(land)) if land else None)  # fmt: skip


def sfca_note(view: AccessView | None, base: AccessView | None, lang: str) -> str:
    """Where the 2SFCA scale ends and that it stays put with planning (item 7)."""
    if view is None:
        return ""
    values = (base or view).kreise["providers_per_100k_within_50km"]
    cap = sfca_cap(values)
    top = float(view.kreise["providers_per_100k_within_50km"].max())
    if top > cap:
        return t("access.sfca.capped", lang, cap=fmt_number(cap, lang, 2),
                 max=fmt_number(top, lang, 2))  # fmt: skip
    return t("access.sfca.fixed", lang)


def map_titles(category: str, threshold: int, lang: str, level: str = "kreis",
               land: str | None = None) -> tuple[str, str]:  # fmt: skip
    """The headings over the distance map and the 2SFCA map."""
    short = t(f"category.{category}.short", lang)
    where = f" – {geodata.LAENDER[land]}" if land else ""
    first = (t("access.gem.title", lang, category=short, where=where_label(land, lang))
             if level == "gemeinde" else t("access.map.title", lang, km=threshold,
                                           category=short) + where)  # fmt: skip
    return first, t("access.map.sfca.title", lang, category=short) + where


def _table(caption: str, head: list[str], rows: list[list[Any]], table_id: str,
           note: str | None = None) -> html.Div:  # fmt: skip
    return scroll_box(
        html.Table(
            [
                html.Caption([caption] + ([html.Br(), html.Small(note)] if note else [])),
                html.Thead(html.Tr([html.Th(h, scope="col") for h in head])),
                html.Tbody(
                    [
                        html.Tr([html.Th(r[0], scope="row")] + [
                            html.Td(v, className="num") for v in r[1:]
                        ])
                        for r in rows
                    ]
                ),
            ],
            className="plain-table",
        ),
        caption, id=table_id,
    )  # fmt: skip


def _profile_link(ars: str, label: str, lang: str) -> dcc.Link:
    """A region's name linking to its profile (issue 21, item 8)."""
    query = "?lang=en" if lang == "en" else ""
    return dcc.Link(label, href=f"/region/{ars}{query}",
                    title=t("access.rank.profile", lang, name=label))  # fmt: skip


def ranking_tables(view: AccessView | None, threshold: int, lang: str,
                   land: str | None = None) -> tuple[Any, Any]:  # fmt: skip
    if view is None or view.status != "ok":
        empty = html.P(_status_text(view, lang) or "–") if view else html.P("–")
        return empty, empty
    head = [
        t("access.col.region", lang), t("access.col.population", lang),
        t("access.col.beyond", lang, km=threshold), t("access.col.share", lang),
        t("access.col.median", lang), t("access.col.sfca", lang),
    ]  # fmt: skip

    def rows(frame, level):
        labels = region_labels(level)
        return [
            [_profile_link(r.ars, labels.get(r.ars, r.name), lang),
             fmt_number(r.population, lang),
             fmt_number(getattr(r, f"pop_beyond_{threshold}km"), lang),
             fmt_number(getattr(r, f"share_beyond_{threshold}km") * 100, lang, 1) + " %",
             fmt_number(r.median_km, lang, 1),
             fmt_number(r.providers_per_100k_within_50km, lang, 2)]
            for r in frame.itertuples(index=False)
        ]  # fmt: skip

    caption = t("access.rank.kreise", lang, km=threshold)
    if land:
        caption += f" – {geodata.LAENDER[land]}"
    kreise = _table(caption, head,
                    rows(ranked(_in_land(view.kreise, land), threshold).head(RANKED_KREISE),
                         "kreis"), "access-kreise")  # fmt: skip
    laender = _table(t("access.rank.laender", lang, km=threshold), head,
                     rows(ranked(view.laender, threshold), "land"), "access-laender")  # fmt: skip
    return kreise, laender


def _count_or_dash(value: int, lang: str) -> str:
    """A count, or "–" for nobody (explained under the table)."""
    return fmt_number(value, lang) if value else "–"


def plan_kms(threshold: int) -> tuple[int, ...]:
    """The distances the planning result counts: the page's threshold, and 50 km (the 2SFCA
    catchment, the farthest class) beside it when the threshold is nearer."""
    return (threshold,) if threshold == 50 else (threshold, 50)


def plan_result(view: AccessView | None, lang: str, threshold: int = 25) -> list[Any]:
    """What the hypothetical providers change, in plain words: who was farther than the
    page's threshold (and 50 km) before and is within it now, in Germany and by region
    (issue 21, item 3; issue 17: the numbers follow the threshold)."""
    if view is None or view.plan is None:
        return [html.P(t("access.plan.none", lang))]
    totals = view.plan.totals
    n = len(view.plan.places)
    kms = plan_kms(threshold)
    counts = [t("access.plan.result.part", lang, km=km,
                people=fmt_number(totals[f"newly_within_{km}km"], lang)) for km in kms]
    sentence = t("access.plan.result.one" if n == 1 else "access.plan.result.many", lang, n=n,
                 parts=t("access.plan.result.and", lang).join(counts))  # fmt: skip
    parts: list[Any] = [html.P(sentence, className="access-plan-total")]
    farthest = kms[-1]
    if not totals[f"newly_within_{farthest}km"]:
        parts.append(html.P(t("access.plan.nobody", lang, km=farthest)))
    head = [t("access.col.region", lang), *(t("access.col.was", lang, km=km) for km in kms)]
    for level, key in (("kreis", "access.plan.by_kreis"), ("land", "access.plan.by_land")):
        frame = view.plan.newly[level]
        names = region_labels(level)
        rows = [[names.get(r["ars"], r["ars"]),
                 *(_count_or_dash(r[f"newly_within_{km}km"], lang) for km in kms)]
                for r in frame.to_dict("records")]  # fmt: skip
        dashed = any("–" in row[1:] for row in rows)
        parts.append(_table(t(key, lang), head, rows, f"access-plan-{level}",
                            note=t("access.plan.dash", lang) if dashed else None))  # fmt: skip
    return parts


def region_view(data: AtlasData, view: AccessView | None, kreis: str | None, lang: str):
    """Gemeinde detail of the clicked Kreis (a table: the map stays on Kreis geometry)."""
    if view is None or view.status != "ok" or not kreis or kreis not in region_labels("kreis"):
        return html.P(t("access.region.hint", lang), className="hint")
    providers = data.providers(view.snapshot_id)
    frame = gemeinden_of_kreis(view, kreis, providers, lang)
    head = [t("access.col.gemeinde", lang), t("access.col.population", lang),
            t("access.col.distance", lang), t("access.col.nearest", lang)]  # fmt: skip
    rows = [[r.name, fmt_number(r.population, lang), fmt_number(r.nearest_km, lang, 1),
             r.nearest] for r in frame.itertuples(index=False)]  # fmt: skip
    caption = t("access.region.heading", lang, name=region_labels("kreis")[kreis])
    return [_table(caption, head, rows, "access-region-table"),
            buttons.slot(ids.ACCESS_REGION_EXPORT_SLOT, buttons.TABLE_FORMATS, lang)]


def gemeinde_list(gemeinden, choice: Choice, lang: str, deferred: bool = False) -> Any:
    """Every Gemeinde of the map in a sortable, searchable grid (the keyboard and screen-reader
    path to the map's values; pages/erreichbarkeit_gemeinden.py); `deferred`: its rows come
    after the map (`grid_rows_of`)."""
    return gemeinde_grid(gemeinden, choice.land, lang, deferred)


def grid_rows_of(data: AtlasData, search: str | None) -> list[dict[str, Any]] | None:
    """The Gemeinde grid's rows of the view a URL shows (what the layout's deferred grid
    holds); None when it shows no Gemeinde grid."""
    from dashboard.model.access_data import plan_places

    state, _ = parse_query(search)
    snapshot, _ = data.resolve(state.snapshot)
    if state.alevel != "gemeinde" or snapshot is None:
        return None
    places = plan_places(state.plan)
    known = {o["value"] for o in place_labels(places)}
    choice = choice_of_state(state, [p for p in places if p in known])
    view, base = load_views(data, int(snapshot["id"]), choice)
    shown = _shown(view, base, choice.compare)
    if shown is None:
        return None
    return grid_rows(_map_frame(data, shown, state.lang, choice.land))


# --- layout ---------------------------------------------------------------------------------


def grid_key(snapshot: dict | None, choice: Choice, lang: str) -> str:
    """What the Gemeinde grid is drawn from (level and the Gemeinde data's revision), the plan
    after "#": the grid is known by this, not by hashing its 10,997 rows on every answer; a
    grid that differs by its plan alone is brought up to date row by row (replanned_rows)."""
    sid = snapshot["id"] if snapshot else None
    return f"{choice.level}|{revision(sid, replace(choice, places=()), lang)}#" + ",".join(
        choice.places)  # fmt: skip


def replanned_rows(data: AtlasData, snapshot: dict | None, choice: Choice, lang: str,
                   gemeinden, shown_key: str | None) -> list[dict[str, Any]] | None:  # fmt: skip
    """The rows to change in the Gemeinde grid the browser shows (`shown_key`, its grid_key)
    for `choice`'s plan: those whose values differ between the two plans; None when that grid
    is not the same but for the plan (then it is sent whole)."""
    drawn_plan = _drawn_and_plan(shown_key)
    if gemeinden is None or drawn_plan is None:
        return None
    drawn, old = drawn_plan
    if drawn != grid_key(snapshot, replace(choice, places=()), lang).partition("#")[0]:
        return None
    if old == choice.places:
        return []
    if any(not place_labels([p]) for p in old):
        return None
    sid = None if snapshot is None else int(snapshot["id"])
    view, base = load_views(data, sid, replace(choice, places=old))
    shown = _shown(view, base, choice.compare)
    if shown is None:
        return None
    return changed_rows(gemeinden, _map_frame(data, shown, lang, choice.land))


def _drawn_and_plan(shown_key: str | None) -> tuple[str, tuple[str, ...]] | None:
    """A key of what the browser shows (grid_key, sfca_key) split into what is drawn and the
    plan drawn with it; None for no such key."""
    if not shown_key or "#" not in shown_key:
        return None
    drawn, _, plan = shown_key.partition("#")
    return drawn, tuple(p for p in plan.split(",") if p)


def sfca_key(snapshot: dict | None, choice: Choice, lang: str) -> str:
    """What the 2SFCA map is drawn from, the plan it draws after "#" (none for "before"): a
    map that differs by its plan alone is brought up to date Kreis by Kreis (replanned_sfca)."""
    sid = snapshot["id"] if snapshot else None
    drawn = choice.places if choice.compare == "after" else ()
    return f"{revision(sid, replace(choice, places=(), compare='after'), lang)}|" \
        f"{choice.threshold}#" + ",".join(drawn)  # fmt: skip


def replanned_sfca(data: AtlasData, snapshot: dict | None, choice: Choice, lang: str,
                   shown: AccessView | None, shown_key: str | None) -> Any:  # fmt: skip
    """A Patch that turns the 2SFCA map the browser shows (`shown_key`, its sfca_key) into
    `shown`'s (the Kreise the plan moved: value and hover; the stars), no_update where none
    differs; None when that map is not the same but for the plan (then it is sent whole)."""
    from dash import Patch

    from dashboard.figures.access_map import kreis_map_changes

    drawn_plan = _drawn_and_plan(shown_key)
    if shown is None or snapshot is None or drawn_plan is None:
        return None
    drawn, was = drawn_plan
    if drawn != sfca_key(snapshot, choice, lang).partition("#")[0]:
        return None
    old = load_view(data, int(snapshot["id"]), choice.category, choice.service, list(was))
    if old is None or old.status != shown.status:
        return None  # the title's note follows the status
    changes = kreis_map_changes(
        _in_land(old.kreise, choice.land), _in_land(shown.kreise, choice.land),
        "providers_per_100k_within_50km", threshold=choice.threshold, lang=lang,
        old_places=old.places, new_places=shown.places,
    )  # fmt: skip
    if changes is None:
        return None
    if not changes["rows"] and changes["places"] is None:
        return no_update
    patch = Patch()
    undefined, values = (TRACES.index(name) for name in ("undefined", "values"))
    for row, z, hover in zip(changes["rows"], changes["z"], changes["hover"], strict=True):
        patch["data"][undefined]["hovertext"][row] = hover
        patch["data"][values]["hovertext"][row] = hover
        patch["data"][values]["z"][row] = z
    if changes["places"] is not None:
        patch["data"][TRACES.index("places")] = changes["places"]
    return patch


def table_digests(kreise: Any, laender: Any, grid_key: str, sfca: str = "") -> dict[str, str]:
    """A digest of each table as the page renders it (Kreis and Land ranking), the key of
    what the Gemeinde grid shows and of what the 2SFCA map draws (`sfca`, sfca_key). A table
    the browser already shows is not sent again: replacing one makes the renderer reset each
    of its cells' components one by one, and each reset walks every component of the page
    (500 resets, 3.7 s of a planning click at load 9)."""
    import hashlib
    import json

    from plotly.utils import PlotlyJSONEncoder

    def digest(part: Any) -> str:
        text = json.dumps(part, cls=PlotlyJSONEncoder, sort_keys=True)
        return hashlib.sha256(text.encode()).hexdigest()[:24]

    return {"kreise": digest(kreise), "laender": digest(laender), "gemeinden": grid_key,
            "sfca": sfca}


def _plan_list(ctx: PageContext) -> list[str]:
    from dashboard.model.access_data import plan_places

    places = plan_places(ctx.state.plan)
    known = {o["value"] for o in place_labels(places)}
    unknown = [p for p in places if p not in known]
    if unknown:
        ctx.notices.append(t("notice.bad_param", ctx.lang, name="plan", value=unknown[0]))
    return [p for p in places if p in known]


def _graph(app: Dash, component_id: str, figure: Any, lang: str, title: str,
           described_by: str, plan: Any = None) -> html.Figure:  # fmt: skip
    """A map in its <figure>; `plan`: the plan's layer laid over it (the distance map)."""
    graph: Any = dcc.Graph(
        id=component_id, figure=figure, className="map-graph", responsive=True,
        config=graph_config(app.get_asset_url("topojson/"), lang, filename=f"ala-atlas-{KEY}"),
    )  # fmt: skip  (maps.css gives its <figure> a portrait frame)
    if plan is not None:
        graph = map_stack(graph, plan_layer(app, plan, lang))
    caption = html.Figcaption(t("access.map.aria", lang, title=title), className="visually-hidden")
    return html.Figure([caption, graph], className="graph-figure",
                       **{"aria-describedby": described_by})


def _land_options(lang: str) -> list[dict[str, str]]:
    return [{"label": t("access.land.all", lang), "value": ""}] + [
        {"label": name, "value": code} for code, name in geodata.LAENDER.items()]


def _service_options(category: str, lang: str) -> list[dict[str, Any]]:
    services = options("access.service", ACCESS_SERVICES, lang)
    return services if category == "ala" else [{**o, "disabled": True} for o in services]


def _controls(ctx: PageContext, choice: Choice) -> html.Div:
    s, lang = ctx.state, ctx.lang
    return html.Div(
        [
            radio_group(ids.ACCESS_CATEGORY, t("category.label", lang),
                        options("category", CATEGORIES, lang), s.category),
            radio_group(ids.ACCESS_SERVICE, t("access.service.label", lang),
                        _service_options(s.category, lang),
                        s.aservice if s.category == "ala" else "all"),
            radio_group(ids.ACCESS_THRESHOLD, t("access.threshold.label", lang),
                        options("access.threshold", [str(k) for k in THRESHOLDS_KM], lang),
                        str(s.threshold)),
            radio_group(ids.ACCESS_LEVEL, t("access.level.label", lang),
                        options("access.level", ACCESS_LEVELS, lang), choice.level),
            html.Div([
                html.Label(t("access.land.label", lang), htmlFor=ids.ACCESS_LAND,
                           id=f"{ids.ACCESS_LAND}-label"),
                dcc.Dropdown(id=ids.ACCESS_LAND, options=_land_options(lang),
                             value=choice.land or "", clearable=False, searchable=True,
                             className="access-land-select"),
            ], className="control"),
            radio_group(ids.ACCESS_COMPARE, t("access.compare.label", lang),
                        options("access.compare", ACCESS_COMPARE, lang), choice.compare),
        ],
        className="controls", role="group", **{"aria-label": t("access.heading", lang)},
    )  # fmt: skip


def _plan_box(ctx: PageContext, places: list[str], view: AccessView | None) -> html.Section:
    lang = ctx.lang
    return html.Section(
        [
            html.H2(t("access.plan.heading", lang)),
            html.P(t("access.plan.intro", lang)),
            html.P(t("access.gem.click", lang), className="hint"),
            html.Label(t("access.plan.label", lang), htmlFor=ids.ACCESS_PLAN_SEARCH,
                       id=f"{ids.ACCESS_PLAN_SEARCH}-label"),
            dcc.Dropdown(
                id=ids.ACCESS_PLAN_SEARCH, options=place_labels(places), value=places,
                multi=True, searchable=True, placeholder=t("access.plan.placeholder", lang),
                className="access-plan-search",
            ),
            *kreis_click_parts(),
            html.Div(plan_result(view, lang, ctx.state.threshold), id=ids.ACCESS_PLAN_RESULT,
                     **{"aria-live": "polite"}),
            plan_slot(ctx.data, ctx.snapshot_id, effective_mode(ctx.data, ctx.snapshot_id,
                      ctx.state.amode), ctx.state.category, ctx.state.aservice,
                      ctx.state.minutes, places, lang),
        ],
        className="access-plan",
    )  # fmt: skip


def _kreis(ctx: PageContext) -> str | None:
    kreis = ctx.state.akreis
    return kreis if kreis and kreis in region_labels("kreis") else None


def choice_of(ctx: PageContext, places: list[str]) -> Choice:
    return choice_of_state(ctx.state, places)


def choice_of_state(s: ViewState, places: list[str]) -> Choice:
    return Choice(category=s.category, service=s.aservice if s.category == "ala" else "all",
                  threshold=s.threshold, places=tuple(places), level=s.alevel, land=s.land,
                  compare=s.acompare)  # fmt: skip


def figures(app: Dash, data: AtlasData, snapshot: dict | None, choice: Choice, lang: str,
            draw_gemeinden: bool = True, draw_sfca: bool = True) -> dict[str, Any]:  # fmt: skip
    """Everything the maps and their texts need for one choice (layout and callback alike);
    `draw_gemeinden` False skips building the Gemeinde figure (a threshold switch restyles
    it in the browser, a plan is drawn on its own layer) and leaves `distance` None;
    `draw_sfca` False leaves `sfca` None (a plan patches the 2SFCA map the browser has);
    `plan` is the plan's layer over the Gemeinde map (blank at Kreis level)."""
    sid = None if snapshot is None else int(snapshot["id"])
    view, base = load_views(data, sid, choice)
    shown = _shown(view, base, choice.compare)
    kwargs = dict(category=choice.category, threshold=choice.threshold, lang=lang,
                  land=choice.land)  # fmt: skip
    gemeinden = before = None
    plan = blank_overlay()
    if choice.level == "gemeinde" and shown is not None:
        gemeinden = _map_frame(data, shown, lang, choice.land)
        before = gemeinden if shown is base or base is None else _map_frame(
            data, base, lang, choice.land)  # fmt: skip
        first = gemeinde_figure(app, data, shown, gemeinden, choice, lang, before) \
            if draw_gemeinden else None
        plan = plan_figure(app, data, shown, gemeinden, before, choice, lang)
    else:
        first = distance_figure(app, data, shown, **kwargs)
    return {
        "view": view, "shown": shown, "gemeinden": gemeinden, "before": before,
        "distance": first, "plan": plan,
        "sfca": sfca_figure(app, data, shown, base=base, **kwargs) if draw_sfca else None,
        "texts": map_texts(shown, snapshot, choice.category, choice.threshold, lang, gemeinden,
                           choice.land),
        "titles": map_titles(choice.category, choice.threshold, lang, choice.level, choice.land),
        "sfca_note": sfca_note(shown, base, lang),
    }  # fmt: skip


def _map_frame(data: AtlasData, view: AccessView, lang: str, land: str | None):
    """The Gemeinde map's frame of `view`, kept per snapshot, plan, language and Land (the
    frame without the plan is what every planning click draws over)."""
    places = () if view.places is None else tuple(view.places["ars"])

    def make():
        providers = data.providers(view.snapshot_id)
        base = load_view(data, view.snapshot_id, view.category, view.service, [])
        if not places or base is None or base is view:
            return gemeinde_map_frame(view, providers, lang, land)
        # a plan's frame from the frame without it (kept): only the Gemeinden it moved
        return planned_map_frame(_map_frame(data, base, lang, land), base, view, providers,
                                 lang, land)  # fmt: skip

    return data.memo(
        ("access-gemeinde-frame", view.snapshot_id, view.category, view.service, places, lang,
         land), make)  # fmt: skip


def layout(ctx: PageContext) -> html.Div:
    s, lang = ctx.state, ctx.lang
    places = _plan_list(ctx)
    choice = choice_of(ctx, places)
    made = figures(ctx.app, ctx.data, ctx.snapshot, choice, lang)
    view = made["view"]
    # the grid's rows come after the map (half of this answer; erreichbarkeit_gemeinden.py)
    listed = gemeinde_list(made["gemeinden"], choice, lang, deferred=True)
    # the generated text alternatives after each map (its <figure> names them)
    maps = [
        html.Section([
            html.H2(title, id=title_id),
            _graph(ctx.app, graph_id, figure, lang, title, described, plan),
            *extra,
            caption_block(described, text, lang, "describe.heading"),
            buttons.slot(slot, buttons.MAP_FORMATS, lang),
        ], className="access-map-box map-beside-text")
        for title_id, graph_id, described, slot, figure, plan, title, text, extra in zip(
            (ids.ACCESS_MAP_TITLE, ids.ACCESS_SFCA_TITLE), (ids.ACCESS_MAP, ids.ACCESS_SFCA_MAP),
            (ids.ACCESS_MAP_DESCRIPTION, ids.ACCESS_SFCA_DESCRIPTION),
            (ids.ACCESS_MAP_EXPORT_SLOT, ids.ACCESS_SFCA_EXPORT_SLOT),
            (made["distance"], made["sfca"]), (made["plan"], None), made["titles"],
            made["texts"],
            ([html.Div(listed, id=ids.ACCESS_GEMEINDEN)],
             [html.P(made["sfca_note"], id=ids.ACCESS_SFCA_NOTE, className="hint")]),
            strict=True)
    ]  # fmt: skip
    if s.embed:
        return html.Div([*maps, dcc.Store(id=TABLES_SHOWN)])
    kreise, laender = ranking_tables(made["shown"], s.threshold, lang, choice.land)
    return html.Div(
        [
            html.H1(t("access.heading", lang)),
            html.P(t("access.intro", lang)),
            _controls(ctx, choice),
            *car_section(ctx),
            html.Div(summary(made["shown"], s.category, s.threshold, lang, choice.land),
                     id=ids.ACCESS_SUMMARY, **{"aria-live": "polite"}),
            _plan_box(ctx, places, view),
            *maps,
            html.Section(region_view(ctx.data, made["shown"], _kreis(ctx), lang),
                         id=ids.ACCESS_REGION, **{"aria-live": "polite"}),
            # "" rather than None for no Kreis: a memory dcc.Store holding None sets its data
            # again when mounted, which fired `update` at every page load (a second 1.3 MB
            # answer and a second drawing of the Gemeinde map, bench/browser.py)
            dcc.Store(id=ids.ACCESS_REGION_STORE, data=_kreis(ctx) or ""),
            dcc.Store(id=ids.ACCESS_FADED),
            rows_store(),
            dcc.Store(id=TABLES_SHOWN,
                      data=table_digests(kreise, laender, grid_key(ctx.snapshot, choice, lang),
                                         sfca_key(ctx.snapshot, choice, lang))),
            html.Section([
                html.Div(kreise, id=ids.ACCESS_RANK_KREISE),
                html.Div(laender, id=ids.ACCESS_RANK_LAENDER),
                buttons.slot(ids.ACCESS_TABLE_EXPORT_SLOT, buttons.TABLE_FORMATS, lang),
            ], className="access-ranking"),
        ],
        className=page_class(effective_mode(ctx.data, ctx.snapshot_id, s.amode)),
        id=ids.ACCESS_PAGE,
    )  # fmt: skip


def validation_layout() -> html.Div:
    return html.Div(
        [
            dcc.RadioItems(id=ids.ACCESS_CATEGORY),
            dcc.RadioItems(id=ids.ACCESS_SERVICE),
            dcc.RadioItems(id=ids.ACCESS_THRESHOLD),
            dcc.RadioItems(id=ids.ACCESS_LEVEL),
            dcc.Dropdown(id=ids.ACCESS_LAND),
            dcc.RadioItems(id=ids.ACCESS_COMPARE),
            html.Div(id=ids.ACCESS_SUMMARY),
            dcc.Graph(id=ids.ACCESS_MAP),
            dcc.Graph(id=ids.ACCESS_SFCA_MAP),
            html.P(id=ids.ACCESS_MAP_DESCRIPTION),
            html.P(id=ids.ACCESS_SFCA_DESCRIPTION),
            html.P(id=ids.ACCESS_SFCA_NOTE),
            html.Div(id=ids.ACCESS_GEMEINDEN),
            html.H2(id=ids.ACCESS_MAP_TITLE),
            html.H2(id=ids.ACCESS_SFCA_TITLE),
            html.Div(id=ids.ACCESS_RANK_KREISE),
            html.Div(id=ids.ACCESS_RANK_LAENDER),
            dcc.Dropdown(id=ids.ACCESS_PLAN_SEARCH),
            html.Div(id=ids.ACCESS_PLAN_RESULT),
            html.Section(id=ids.ACCESS_REGION),
            dcc.Store(id=ids.ACCESS_REGION_STORE),
            dcc.Store(id=ids.ACCESS_FADED),
            dcc.Store(id=TABLES_SHOWN),
            buttons.validation_slot(ids.ACCESS_MAP_EXPORT_SLOT),
            buttons.validation_slot(ids.ACCESS_SFCA_EXPORT_SLOT),
            buttons.validation_slot(ids.ACCESS_TABLE_EXPORT_SLOT),
            *car_validation_layout(),
            *grid_validation_layout(),
            *click_validation_layout(),
            *overlay_validation_layout(),
            buttons.validation_slot(ids.ACCESS_REGION_EXPORT_SLOT),
        ]
    )


# --- callbacks ------------------------------------------------------------------------------


# A threshold switch on the Gemeinde map fades other classes and renames the legend, in the
# browser: Plotly.react with the same change (a Dash figure or Patch) redrew all 10,997 shapes
# (4.7 s on the loaded 2-core test machine). One Plotly.update, not restyle + relayout:
# dcc.Graph answers every `plotly_relayout` by copying the changed layout into its figure prop,
# which runs Plotly.react again and redraws every shape (1 s of a 1.1 s switch at load 10);
# `plotly_update` it leaves alone. The trace objects are the figure prop's own, so the opacity
# holds there too; the legend title there stays old until the server next sends the figure,
# which sets title and opacity from the threshold (gemeinde_map). The plan's layer over the map
# (figures.plan_overlay) fades its planned Gemeinden the same way, in the same call; the server
# draws it for the threshold it was sent with.
FADE_CLASSES = """
function (km, level) {
    const gd = document.querySelector('#MAP .js-plotly-plot');
    if (level !== 'gemeinde' || !gd || !gd.layout || !gd.layout.meta
        || gd.layout.meta.level !== 'gemeinde') { return window.dash_clientside.no_update; }
    const within = EDGES.indexOf(Number(km)) + 1;
    const classes = [0, 1, 2, 3].map(i => (i < within ? FADED : 1));
    const title = gd.layout.legend.title.text.replace(/\\d+ km/, km + ' km');
    Plotly.update(gd, {'marker.opacity': classes}, {'legend.title.text': title}, CLASSES);
    const plan = document.querySelector('#PLAN .js-plotly-plot');
    if (plan && plan.layout && plan.layout.meta && plan.layout.meta.level === 'gemeinde-plan') {
        Plotly.update(plan, {'marker.opacity': classes}, {}, PLANNED);
    }
    return Number(km);
}
""".replace("MAP", ids.ACCESS_MAP).replace("EDGES", str(list(EDGES_KM))).replace(
    "FADED", str(FADED)).replace("CLASSES", str(list(CLASSES))).replace(
    "PLANNED", str(list(PLANNED))).replace("PLAN", PLAN_GRAPH)


# The Kreis a click on a Kreis map chose (its Gemeinde table opens); a Gemeinde (12 digits,
# the Gemeinde map) or a star chooses none. In the browser: `update` takes the region as an
# input, so a server round trip here came before every planning click's answer was even
# asked for (~0.1 s of a click). The server checks the code again (region_view, _kreis).
CHOOSE_REGION = """
function () {
    const triggered = window.dash_clientside.callback_context.triggered || [];
    const click = triggered.length ? triggered[0].value : null;
    const points = (click && click.points) || [];
    const code = points.length ? points[0].location : null;
    return typeof code === 'string' && /^\\d{5}$/.test(code)
        ? code : window.dash_clientside.no_update;
}
"""


# a change of plan alone (the plan box, or a click on the map that set it): the map under the
# plan stays, the plan's layer is drawn again
PLAN_INPUTS = {f"{ids.ACCESS_PLAN_SEARCH}.value"}


def register_callbacks(app: Dash, data: AtlasData) -> None:
    from dashboard.exports import from_url
    from dashboard.pages.erreichbarkeit_car import register_car_callbacks
    from dashboard.pages.erreichbarkeit_car_plan import register_car_plan_callbacks

    register_car_callbacks(app, data, KEY)
    register_car_plan_callbacks(app, data, KEY)
    register_grid_callbacks(app, lambda search: grid_rows_of(data, search))
    register_kreis_click(app)
    register_overlay_callbacks(app)

    for slot_id, make in (
        (ids.ACCESS_MAP_EXPORT_SLOT, from_url.access_request("distance")),
        (ids.ACCESS_SFCA_EXPORT_SLOT, from_url.access_request("sfca")),
        (ids.ACCESS_TABLE_EXPORT_SLOT, from_url.access_request("table")),
        (ids.ACCESS_REGION_EXPORT_SLOT, from_url.access_request("gemeinden")),
    ):
        buttons.register_export(app, data, slot_id, make)

    app.clientside_callback(
        FADE_CLASSES,
        Output(ids.ACCESS_FADED, "data"),
        Input(ids.ACCESS_THRESHOLD, "value"),
        State(ids.ACCESS_LEVEL, "value"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output(ids.ACCESS_PLAN_SEARCH, "options"),
        Input(ids.ACCESS_PLAN_SEARCH, "search_value"),
        State(ids.ACCESS_PLAN_SEARCH, "value"),
        prevent_initial_call=True,
    )
    def search_places(search, chosen):
        """Only matching Gemeinden go to the browser (never all 10,997), plus the chosen."""
        chosen = list(chosen or [])
        found = [o for o in gemeinde_options(search or "") if o["value"] not in chosen]
        return place_labels(chosen) + found

    app.clientside_callback(
        CHOOSE_REGION,
        Output(ids.ACCESS_REGION_STORE, "data"),
        Input(ids.ACCESS_MAP, "clickData"),
        Input(ids.ACCESS_SFCA_MAP, "clickData"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output(ids.ACCESS_SUMMARY, "children"),
        Output(ids.ACCESS_MAP, "figure"),
        Output(ids.ACCESS_SFCA_MAP, "figure"),
        Output(ids.ACCESS_MAP_DESCRIPTION, "children"),
        Output(ids.ACCESS_SFCA_DESCRIPTION, "children"),
        Output(ids.ACCESS_MAP_TITLE, "children"),
        Output(ids.ACCESS_SFCA_TITLE, "children"),
        Output(ids.ACCESS_RANK_KREISE, "children"),
        Output(ids.ACCESS_RANK_LAENDER, "children"),
        Output(ids.ACCESS_PLAN_RESULT, "children"),
        Output(ids.ACCESS_SERVICE, "options"),
        Output(ids.ACCESS_REGION, "children"),
        Output(ids.ACCESS_GEMEINDEN, "children"),
        Output(ids.ACCESS_SFCA_NOTE, "children"),
        Output(ids.ACCESS_PLAN_SEARCH, "options", allow_duplicate=True),
        Output(TABLES_SHOWN, "data"),
        Output(PLAN_GRAPH, "figure"),
        Output(GRID_ROWS, "data"),
        Input(ids.ACCESS_CATEGORY, "value"),
        Input(ids.ACCESS_SERVICE, "value"),
        Input(ids.ACCESS_THRESHOLD, "value"),
        Input(ids.ACCESS_PLAN_SEARCH, "value"),
        Input(ids.snapshot(KEY), "value"),
        Input(ids.ACCESS_REGION_STORE, "data"),
        Input(ids.ACCESS_LEVEL, "value"),
        Input(ids.ACCESS_LAND, "value"),
        Input(ids.ACCESS_COMPARE, "value"),
        State(ids.URL, "search"),
        State(TABLES_SHOWN, "data"),
        prevent_initial_call=True,
    )
    def update(category, service, threshold, places, snapshot_id, region, level, land, compare,
               search, tables_shown):  # fmt: skip
        state, _ = parse_query(search)
        lang = state.lang
        snapshot, _ = data.resolve(snapshot_id)
        places = list(places or [])[:MAX_PLAN]
        triggered = dash_ctx.triggered_prop_ids
        trigger = dash_ctx.triggered_id
        plan_options = no_update
        if f"{ids.ACCESS_PLAN_SEARCH}.value" in triggered:
            # a click on the Gemeinde map sets the plan in the browser (erreichbarkeit_overlay):
            # its Gemeinde gets its label from the data here; a code that is no Gemeinde is
            # left out, here and of the box's options (the box then drops it). Not the box's
            # value: the renderer holds every callback on a prop that a running callback
            # outputs, so the URL and the car mode would wait for this answer (~0.3 s).
            plan_options = place_labels(places)
            places = [o["value"] for o in plan_options]
        choice = Choice(category=category, service=service if category == "ala" else "all",
                        threshold=int(threshold), places=tuple(places), level=level or "kreis",
                        land=land or None, compare=compare or "after")  # fmt: skip
        restyled = trigger == ids.ACCESS_THRESHOLD and choice.level == "gemeinde"
        # only the plan changed: the Gemeinde map in the browser is this choice's but for the
        # plan (every other input sends a whole figure), so only the plan's layer is sent
        plan_only = bool(triggered) and set(triggered) <= PLAN_INPUTS
        replanned = choice.level == "gemeinde" and plan_only
        # the 2SFCA map (Kreise at either level) the browser shows differs by the plan alone:
        # only the Kreise the plan moved are sent (a Patch), not the whole map again (160 kB,
        # and its building was a third of this answer's time)
        sfca = None
        if plan_only:
            sid = None if snapshot is None else int(snapshot["id"])
            sfca = replanned_sfca(data, snapshot, choice, lang,
                                  _shown(*load_views(data, sid, choice), choice.compare),
                                  (tables_shown or {}).get("sfca"))  # fmt: skip
        made = figures(app, data, snapshot, choice, lang,
                       draw_gemeinden=not (restyled or replanned),
                       draw_sfca=sfca is None)  # fmt: skip
        shown = made["shown"]
        kreise, laender = ranking_tables(shown, choice.threshold, lang, choice.land)
        distance = made["distance"]
        sfca = made["sfca"] if sfca is None else sfca
        plan = made["plan"]
        if restyled and shown is not None:
            # FADE_CLASSES restyles the Gemeinde map and its plan in the browser (the 2SFCA map
            # is sent: its hover names the threshold)
            distance = plan = no_update
        elif replanned:
            # the map under the plan stays as it is; before/after: the plan is not drawn
            distance = no_update
            plan = no_update if shown is None or choice.compare == "before" else plan
        # every output the renderer applies costs a pass over all the page's components
        # (0.1-0.2 s each at load 10); at Gemeinde level neither a threshold switch nor a
        # plan changes the titles or the service choices, nor a threshold the plan's result
        fast = restyled or replanned
        titles = (no_update, no_update) if fast else made["titles"]
        # the result counts people beyond the threshold: a threshold switch rewrites it (a few
        # hundred bytes), the map is restyled in the browser
        planned = plan_result(made["view"], lang, choice.threshold)
        # the Gemeinde grid holds every Gemeinde's values (MBs of JSON): not built again for
        # a threshold switch, and known by what it is drawn from rather than by a digest
        digests = table_digests(kreise, laender, grid_key(snapshot, choice, lang),
                                sfca_key(snapshot, choice, lang))
        rows = replanned_rows(data, snapshot, choice, lang, made["gemeinden"],
                              (tables_shown or {}).get("gemeinden")) if replanned else None
        listed = no_update if restyled or rows is not None else gemeinde_list(
            made["gemeinden"], choice, lang)  # fmt: skip
        kreise, laender, listed = (
            no_update if (tables_shown or {}).get(name) == digests[name] else table
            for name, table in zip(("kreise", "laender", "gemeinden"), (kreise, laender, listed),
                                   strict=True))  # fmt: skip
        return (
            summary(shown, category, choice.threshold, lang, choice.land), distance, sfca,
            *made["texts"], *titles, kreise, laender,
            planned, no_update if fast else _service_options(category, lang),
            region_view(data, shown, region, lang), listed, made["sfca_note"],
            plan_options, no_update if digests == tables_shown else digests, plan,
            {"update": rows} if rows else no_update,
        )  # fmt: skip

    @app.callback(
        Output(ids.URL, "search", allow_duplicate=True),
        Input(ids.ACCESS_CATEGORY, "value"),
        Input(ids.ACCESS_SERVICE, "value"),
        Input(ids.ACCESS_THRESHOLD, "value"),
        Input(ids.ACCESS_PLAN_SEARCH, "value"),
        Input(ids.ACCESS_REGION_STORE, "data"),
        Input(ids.ACCESS_LEVEL, "value"),
        Input(ids.ACCESS_LAND, "value"),
        Input(ids.ACCESS_COMPARE, "value"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def keep_url(category, service, threshold, places, region, level, land, compare, search):
        state, _ = parse_query(search)
        new = replace(
            state, category=category, aservice=service if category == "ala" else "all",
            threshold=int(threshold), plan=",".join(list(places or [])[:MAX_PLAN]),
            akreis=region or None, alevel=level or "kreis", land=land or None,
            acompare=compare or "after",
        )  # fmt: skip
        query = to_query(new)
        return query if query != (search or "") else no_update
