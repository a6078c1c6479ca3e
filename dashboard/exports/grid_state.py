"""The grid as the user arranged it: which rows, in which order, under which columns.

At the click, a small clientside callback (`read_grid_js`) asks the AG Grid API for the row
keys after the user's column filters and sort and for the column state (`colId`, `hide`,
`pinned`, in the grid's column order). The export callback turns these into an
`ExportRequest`'s `rows` (row keys only) and `columns` (column ids only) with `from_grid`.
The export builders then pick rows and columns of their own frame, built from the store,
with `pick_rows` and `pick_columns`: the browser chooses what is shown, never a value.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from dashboard.exports.errors import ExportError
from dashboard.exports.texts import xt

# AG Grid's own columns (row selection checkboxes, row numbers) carry no data
_GRID_OWN_PREFIX = "ag-Grid-"
_PIN_ORDER = {"left": 0, None: 1, "right": 2}


def from_grid(
    row_keys: Any, column_state: Any
) -> tuple[tuple[str, ...] | None, tuple[str, ...] | None]:
    """(row keys in display order, visible column ids in display order) from what the
    browser read off the grid at the click; None for a part it could not read (then the
    page's order, or every column, applies)."""
    return _row_keys(row_keys), _visible_columns(column_state)


def _row_keys(row_keys: Any) -> tuple[str, ...] | None:
    if row_keys is None:
        return None
    if not isinstance(row_keys, list) or not all(isinstance(k, str) for k in row_keys):
        raise ExportError("Der Zustand der Tabelle ist unlesbar (Zeilen ohne Schlüssel).")
    return tuple(row_keys)


def _visible_columns(column_state: Any) -> tuple[str, ...] | None:
    if column_state is None:
        return None
    if not isinstance(column_state, list) or not all(
        isinstance(c, dict) and isinstance(c.get("colId"), str) for c in column_state
    ):
        raise ExportError("Der Zustand der Tabelle ist unlesbar (Spalten ohne colId).")
    shown = [
        c for c in column_state if not c.get("hide") and not c["colId"].startswith(_GRID_OWN_PREFIX)
    ]
    # the grid draws left-pinned columns first and right-pinned last, whatever their place
    # in the state list; sorted() is stable, so the order within each part stays
    shown = sorted(shown, key=lambda c: _PIN_ORDER.get(c.get("pinned"), 1))
    return tuple(c["colId"] for c in shown)


def read_grid_js(grid_id: str, key: str) -> str:
    """A clientside callback (input: the button's n_clicks) that reads the grid through its
    API at the moment of the click: the `key` of every row after the user's filter and sort
    (all pages; pinned rows are not part of it) and the column state (`colId`, `hide`,
    `pinned`, in the grid's column order). Read here rather than from the grid's
    `virtualRowData`/`columnState` props: dash-ag-grid reports column moves and hides only
    after a 500 ms debounce, and the props would carry every row's values where keys do."""
    return _READ_GRID_JS % {"grid": json.dumps(grid_id), "key": json.dumps(key)}


_READ_GRID_JS = """
function (clicks) {
    let api = null;
    try {
        api = window.dash_ag_grid && window.dash_ag_grid.getApi(%(grid)s);
    } catch (e) {
        api = null;  // the grid is not ready: the server exports the page's order
    }
    if (!api || api.isDestroyed()) {
        return {clicks: clicks, rows: null, columns: null};
    }
    const rows = [];
    api.forEachNodeAfterFilterAndSort(function (node) {
        if (node.data) { rows.push(node.data[%(key)s]); }
    });
    return {clicks: clicks, rows: rows, columns: api.getColumnState()};
}
"""


def pick_rows(keys: Sequence[str], wanted: tuple[str, ...] | None) -> list[int]:
    """Positions (into `keys`, the page's rows) of the rows to export, in the wanted order;
    every row in page order when `wanted` is None. A key on several rows (a provider id in
    two categories) brings all of them, in page order. Unknown keys are an `ExportError`:
    the file would otherwise differ from the screen without saying so."""
    if wanted is None:
        return list(range(len(keys)))
    positions: dict[str, list[int]] = {}
    for position, key in enumerate(keys):
        positions.setdefault(key, []).append(position)
    unknown = [k for k in wanted if k not in positions]
    if unknown:
        raise ExportError(
            f"Zeilen {_sample(unknown)} gibt es in dieser Tabelle nicht "
            "(hat sich die Ansicht geändert? Bitte die Seite neu laden)."
        )
    return [position for key in wanted for position in positions[key]]


def pick_columns(
    column_defs: list[dict[str, Any]], wanted: tuple[str, ...] | None
) -> list[dict[str, Any]]:
    """The grid's column definitions to export, in the wanted order (all when None)."""
    if wanted is None:
        return column_defs
    by_field = {col["field"]: col for col in column_defs}
    unknown = [c for c in wanted if c not in by_field]
    if unknown:
        raise ExportError(
            f"Spalten {_sample(unknown)} gibt es in dieser Tabelle nicht; "
            f"bekannt: {', '.join(by_field)}."
        )
    return [by_field[c] for c in wanted]


def selection_notes(
    lang: str,
    positions: list[int],
    row_count: int,
    picked: list[dict[str, Any]],
    column_defs: list[dict[str, Any]],
) -> tuple[str, ...]:
    """Header lines saying that the file follows the grid's rows and columns, each only when
    the user's choice differs from the page's full table in page order."""
    notes = []
    if positions != list(range(row_count)):
        notes.append(xt("selection.rows", lang, n=len(positions), total=row_count))
    if [c["field"] for c in picked] != [c["field"] for c in column_defs]:
        notes.append(xt("selection.columns", lang, n=len(picked), total=len(column_defs)))
    return tuple(notes)


def _sample(values: list[str], n: int = 5) -> str:
    shown = ", ".join(repr(v)[:40] for v in values[:n])
    return shown + (f" (und {len(values) - n} weitere)" if len(values) > n else "")
