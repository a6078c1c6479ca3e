"""A snapshot timeline for a page: a slider over the comparable snapshots, one even step
each (dates spaced by time printed over each other where snapshots are close), and a play
button that steps through them. It drives the shell's snapshot picker of the page,
so the URL, the source line and the page's figures follow as with a manual choice."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
from dash import Dash, Input, Output, State, dcc, html, no_update
from dash import callback_context as cbx

import store
from dashboard.frame import ids
from dashboard.model.context import PageContext
from dashboard.model.data import AtlasData
from dashboard.text.i18n import fmt_date

STEP_MS = 1600
TEXTS = {
    "de": {"label": "Zeitleiste der Datenstände", "play": "▶ Abspielen", "pause": "⏸ Anhalten"},
    "en": {"label": "Timeline of snapshots", "play": "▶ Play", "pause": "⏸ Pause"},
}


def timeline_ids(page: str) -> dict[str, str]:
    return {
        "box": f"{page}-timeline-box",
        "slider": f"{page}-timeline",
        "play": f"{page}-timeline-play",
        "tick": f"{page}-timeline-tick",
    }


def stops(series: pd.DataFrame) -> list[tuple[int, int]]:
    """(day number, snapshot id) per snapshot, oldest first; a later snapshot of the same
    day replaces the earlier one (the slider needs distinct positions)."""
    by_day: dict[int, int] = {}
    for row in series.sort_values(["taken_at", "id"]).itertuples(index=False):
        by_day[_day(row.taken_at)] = int(row.id)
    return sorted(by_day.items())


def _day(value: Any) -> int:
    moment = pd.Timestamp(value)
    return (moment.date() - date(1970, 1, 1)).days


def _label(day: int, lang: str) -> str:
    iso = pd.Timestamp(date(1970, 1, 1)) + pd.Timedelta(days=day)
    return fmt_date(iso.date().isoformat(), lang)


def timeline(ctx: PageContext, page: str) -> html.Div:
    """The slider and play button (empty with fewer than two comparable snapshots)."""
    names = timeline_ids(page)
    text = TEXTS.get(ctx.lang, TEXTS["de"])
    points = stops(store.served_series(ctx.data.engine))
    current = next((i for i, (_, sid) in enumerate(points) if sid == ctx.snapshot_id), None)
    return html.Div(
        [
            html.Span(text["label"], id=f"{names['slider']}-label", className="timeline-label"),
            dcc.Slider(
                id=names["slider"], min=0, max=max(len(points) - 1, 1), step=None,
                value=current, marks=marks(points, ctx.lang), included=False,
                className="timeline-slider",
            ),
            html.Button(text["play"], id=names["play"], type="button", className="timeline-play",
                        **{"aria-pressed": "false"}),
            dcc.Interval(id=names["tick"], interval=STEP_MS, disabled=True),
        ],
        id=names["box"], className="timeline", hidden=len(points) < 2,
        role="group", **{"aria-labelledby": f"{names['slider']}-label"},
    )


MAX_LABELS = 4  # dates that fit side by side on a phone


def marks(points: list[tuple[int, int]], lang: str) -> dict[int, str]:
    """Slider marks at positions 0…n-1 (even spacing); with many snapshots only every k-th
    date is printed (the first and last always), so labels never run into each other."""
    if not points:
        return {}
    every = max(1, -(-len(points) // MAX_LABELS))
    last = len(points) - 1
    return {
        i: _label(day, lang) if i % every == 0 or i == last else ""
        for i, (day, _) in enumerate(points)
    }


def validation_components(page: str) -> html.Div:
    names = timeline_ids(page)
    return html.Div(
        [dcc.Slider(id=names["slider"], min=0, max=1), html.Button(id=names["play"]),
         dcc.Interval(id=names["tick"])],
        id=names["box"],
    )


def next_stop(points: list[tuple[int, int]], day: int | None) -> int | None:
    """The day after `day` on the timeline, None at the end."""
    days = [d for d, _ in points]
    if day not in days:
        return days[0] if days else None
    position = days.index(day)
    return days[position + 1] if position + 1 < len(days) else None


def register_timeline(app: Dash, data: AtlasData, page: str) -> None:
    names = timeline_ids(page)

    @app.callback(
        Output(names["slider"], "value"),
        Output(ids.snapshot(page), "value", allow_duplicate=True),
        Output(names["tick"], "disabled"),
        Output(names["play"], "children"),
        Output(names["play"], "aria-pressed"),
        Input(names["slider"], "value"),
        Input(ids.snapshot(page), "value"),
        Input(names["play"], "n_clicks"),
        Input(names["tick"], "n_intervals"),
        State(names["tick"], "disabled"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def step(position, snapshot_id, _clicks, _ticks, paused, search):
        from dashboard.model.state import parse_query

        text = TEXTS.get(parse_query(search)[0].lang, TEXTS["de"])
        points = stops(store.served_series(data.engine, snapshot_id))
        days = [d for d, _ in points]
        at = {d: i for i, d in enumerate(days)}  # the slider holds positions, not days
        day = days[position] if isinstance(position, int) and 0 <= position < len(days) else None
        by_day = dict(points)
        day_of = {sid: d for d, sid in points}
        trigger = cbx.triggered_id
        playing = not paused
        if trigger == names["play"]:
            playing = not playing
            if playing and next_stop(points, day) is None:  # at the end: start over
                day = points[0][0]
                return (at[day], by_day[day], False, text["pause"], "true")
        elif trigger == names["tick"]:
            following = next_stop(points, day)
            if following is None:
                return (no_update, no_update, True, text["play"], "false")
            return (at[following], by_day[following], False, text["pause"], "true")
        elif trigger == names["slider"]:
            chosen = by_day.get(day)
            same = chosen is None or chosen == snapshot_id
            return (no_update, no_update if same else chosen, no_update, no_update, no_update)
        else:  # the snapshot picker changed: move the slider along
            moved = day_of.get(snapshot_id)
            return (at[moved] if moved is not None and moved != day else no_update, no_update,
                    no_update, no_update, no_update)
        label = text["pause"] if playing else text["play"]
        return (no_update, no_update, not playing, label, "true" if playing else "false")
