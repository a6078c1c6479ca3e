"""One callback shape the routed pages share: redraw the page body when its snapshot picker
changes (near me, Leichte Sprache), from the URL's state with the chosen snapshot."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from dash import Dash, Input, Output, State, no_update

from dashboard.frame import ids
from dashboard.model.context import PageContext
from dashboard.model.data import AtlasData
from dashboard.model.state import parse_query


def register_body_redraw(
    app: Dash, data: AtlasData, key: str, body_id: str, body: Callable[[PageContext], Any]
) -> None:
    """`body(ctx)` into `body_id` whenever page `key`'s snapshot picker changes; an unknown
    snapshot changes nothing (the shell's notice says so)."""

    @app.callback(
        Output(body_id, "children"),
        Input(ids.snapshot(key), "value"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def redraw(snapshot_id: int | None, search: str | None):
        state, _ = parse_query(search)
        snapshot, honoured = data.resolve(snapshot_id)
        if snapshot is None or not honoured:
            return no_update
        return body(PageContext(app, data, replace(state, snapshot=snapshot_id), snapshot, []))
