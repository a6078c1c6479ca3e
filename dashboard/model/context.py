"""What a page needs to draw itself: the parsed view, the snapshot shown, the data layer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dash import Dash

from dashboard.model.data import AtlasData
from dashboard.model.state import ViewState


@dataclass
class PageContext:
    """Passed to every page's `layout(ctx)`.

    `state` is the view from the URL (already validated), `snapshot` the snapshot dict to show
    (None when the store is empty), `notices` short texts the shell shows above the page (a
    page may append its own, e.g. for an unknown region), `app` for relative paths/assets."""

    app: Dash
    data: AtlasData
    state: ViewState
    snapshot: dict[str, Any] | None
    notices: list[str]

    @property
    def lang(self) -> str:
        return self.state.lang

    @property
    def snapshot_id(self) -> int | None:
        return None if self.snapshot is None else int(self.snapshot["id"])

    def path(self, page: str) -> str:
        """The app-relative path of a page (respects a URL prefix)."""
        return self.app.get_relative_path(f"/{page}")

    def asset(self, name: str) -> str:
        return self.app.get_asset_url(name)
