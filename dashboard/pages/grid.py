"""What every AG Grid of the atlas shares: DOM order for screen readers, selectable text,
German grid texts, and Tab leaving the grid instead of walking every cell."""

from __future__ import annotations

from typing import Any

from dashboard.pages.grid_locale import grid_locale

GRID_CLASS = "ag-theme-quartz atlas-grid"
COLUMN_DEFAULTS: dict[str, Any] = {"sortable": True, "filter": True, "resizable": True}
# A column of region names linked to their profiles (assets/dashAgGridComponentFunctions.js
# draws the link). Tab leaves the grid (atlasTabOut), so the links inside it were out of a
# keyboard's reach: Enter on a focused name cell follows its link (issue 21).
LINK_COLUMN: dict[str, Any] = {
    "cellRenderer": "atlasRegionLink",
    "suppressKeyboardEvent": {"function": "atlasOpenLink(params)"},
}


def grid_options(lang: str, **extra: Any) -> dict[str, Any]:
    """`dashGridOptions` for a grid in `lang`, with the grid's own `extra` options on top."""
    return {
        "animateRows": False,
        "ensureDomOrder": True,
        "enableCellTextSelection": True,
        "localeText": grid_locale(lang),
        "tabToNextCell": {"function": "atlasTabOut(params)"},
        **extra,
    }
