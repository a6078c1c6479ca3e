"""Planning in Erreichbarkeit's car mode: where the snapshot's tiles are at hand, the
chosen hypothetical providers' car times are computed on the fly (store.traveltime.planning)
and said in minutes ("bisher weiter als 30 min, jetzt näher"); elsewhere the block says
plainly that planning measures in straight lines. It sits in the planning box under the
Luftlinie result, which assets/travel.css hides in car mode when planning by road."""

from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, State, html
from dash.exceptions import PreventUpdate

from dashboard.frame import ids
from dashboard.model.access_data import region_labels
from dashboard.model.data import AtlasData
from dashboard.model.state import MAX_PLAN, parse_query
from dashboard.model.travel_data import THRESHOLDS_MIN
from dashboard.model.travel_plan import can_plan_by_road, car_plan
from dashboard.pages.controls import scroll_box
from dashboard.text.i18n import fmt_number, t


def car_plan_block(data: AtlasData, snapshot_id: int | None, category: str, service: str,
                   minutes: int, places: list[str], lang: str) -> list[Any]:  # fmt: skip
    """The block's children (empty where the snapshot has no car times at all)."""
    from dashboard.model.travel_data import car_available

    if snapshot_id is None or not car_available(data.engine, snapshot_id):
        return []
    if not can_plan_by_road(data.engine, snapshot_id):
        return [html.P(t("travel.plan.line_only", lang), className="hint travel-plan-line")]
    heading = html.H3(t("travel.plan.heading", lang))
    service = service if category == "ala" else "all"
    planned = car_plan(data.engine, snapshot_id, category, service, places[:MAX_PLAN])
    if planned is None:
        return [heading, html.P(t("travel.plan.none", lang), className="travel-plan-road")]
    names = region_labels("kreis")
    parts: list[Any] = [heading, html.P(
        t("travel.plan.result.one" if len(planned.places) == 1 else "travel.plan.result.many",
          lang, n=len(planned.places), minutes=minutes,
          people=fmt_number(planned.totals[minutes], lang)),
        className="access-plan-total travel-plan-road")]  # fmt: skip
    others = [t("travel.plan.part", lang, minutes=m, people=fmt_number(planned.totals[m], lang))
              for m in THRESHOLDS_MIN if m != minutes]  # fmt: skip
    parts.append(html.P(t("travel.plan.others", lang, parts="; ".join(others))))
    if planned.off_road:
        parts.append(html.P(t("travel.plan.off_road", lang, names=", ".join(
            _gemeinde_names(planned.off_road))), className="hint"))  # fmt: skip
    column = f"newly_within_{minutes}min"
    frame = planned.newly["kreis"]
    frame = frame[frame[column] > 0].sort_values(column, ascending=False)
    if len(frame):
        caption = t("travel.plan.by_kreis", lang, minutes=minutes)
        table = html.Table([
            html.Caption(caption),
            html.Thead(html.Tr([html.Th(t("access.col.region", lang), scope="col"),
                                html.Th(t("travel.col.newly", lang, minutes=minutes),
                                        scope="col")])),
            html.Tbody([html.Tr([html.Th(names.get(r.ars, r.ars), scope="row"),
                                 html.Td(fmt_number(int(getattr(r, column)), lang),
                                         className="num")])
                        for r in frame.itertuples(index=False)]),
        ], className="plain-table")  # fmt: skip
        parts.append(scroll_box(table, caption, id="travel-plan-kreise"))
    return parts


def _gemeinde_names(places: list[str]) -> list[str]:
    from store.access import gemeinde_frame

    names = gemeinde_frame(copy=False).set_index("ars")["name"]
    return [str(names.get(p, p)) for p in places]


def plan_slot(data: AtlasData, snapshot_id: int | None, mode: str, category: str,
              service: str, minutes: int, places: list[str], lang: str) -> html.Div:  # fmt: skip
    """The block as the page's layout places it (its content only in car mode)."""
    content = car_plan_block(data, snapshot_id, category, service, minutes, places, lang) \
        if mode == "car" else []  # fmt: skip
    return html.Div(content, id=ids.ACCESS_CAR_PLAN, className="travel-plan",
                    **{"aria-live": "polite"})  # fmt: skip


def register_car_plan_callbacks(app: Dash, data: AtlasData, page_key: str) -> None:
    from dashboard.pages.erreichbarkeit_car import mode_for, only_plan_changed

    @app.callback(
        Output(ids.ACCESS_CAR_PLAN, "children"),
        Input(ids.ACCESS_MODE, "value"),
        Input(ids.ACCESS_MINUTES, "value"),
        Input(ids.ACCESS_CATEGORY, "value"),
        Input(ids.ACCESS_SERVICE, "value"),
        Input(ids.ACCESS_PLAN_SEARCH, "value"),
        Input(ids.snapshot(page_key), "value"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def update(mode, minutes, category, service, places, snapshot_id, search):
        from dashboard.model.travel_data import car_available

        if mode != "car" and only_plan_changed():
            raise PreventUpdate  # the Luftlinie shown: its [] is on the page already
        state, _ = parse_query(search)
        snapshot, _ = data.resolve(snapshot_id)
        sid = None if snapshot is None else int(snapshot["id"])
        if mode_for(mode, sid is not None and car_available(data.engine, sid)) != "car":
            return []
        return car_plan_block(data, sid, category, service, int(minutes),
                              list(places or []), state.lang)  # fmt: skip
