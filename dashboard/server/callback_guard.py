"""Checks a Dash callback request before Dash sees it: a malformed body or a value no control
can send is a one-line 400, never a traceback.

Dash itself trusts the body's shape (`[]`, `null` or `{}` raise inside it) and hands values
straight to the callbacks. Here: the body must be an object naming a registered callback,
with as many inputs and states as that callback has; every value must be plain JSON of
bounded size (no integers beyond 2**53, no NaN, no nesting deeper than a grid's state);
a `value` is never an object; and the controls with a fixed set of choices (level, category,
metric, classes, view, snapshot) only take one of them.
"""

from __future__ import annotations

import math
from typing import Any

from dashboard.frame import ids
from dashboard.model.metrics import CATEGORIES, CLASSIFICATIONS, LEVELS, METRICS
from dashboard.model.state import VIEWS

MAX_INT = 2**53
MAX_DEPTH = 12
MAX_STRING = 10_000

# component id -> the values its `value` may take (None, a cleared control, is always fine)
CHOICES: dict[str, tuple[str, ...]] = {
    ids.MAP_LEVEL: LEVELS,
    ids.TABLE_LEVEL: LEVELS,
    ids.MAP_CATEGORY: CATEGORIES,
    ids.TABLE_CATEGORY: CATEGORIES,
    ids.PROVIDER_CATEGORY: ("", *CATEGORIES),  # "" is "all kinds"
    ids.MAP_METRIC: METRICS,
    ids.TABLE_METRIC: METRICS,
    ids.MAP_CLASSES: CLASSIFICATIONS,
    ids.MAP_VIEW: VIEWS,
}


class BadCallback(ValueError):
    """A callback request that no page of this app sends (raised by check_callback_body)."""


def check_callback_body(body: Any, callback_map: dict[str, dict[str, Any]]) -> None:
    """Raise BadCallback with a one-line reason unless `body` is a well-formed request for
    one of the callbacks in `callback_map` (Dash's app.callback_map)."""
    if not isinstance(body, dict):
        raise BadCallback("callback body must be a JSON object")
    output = body.get("output")
    if not isinstance(output, str) or output not in callback_map:
        raise BadCallback("unknown callback output")
    spec = callback_map[output]
    if "callback" not in spec:
        # a clientside callback: the browser runs it, the server has no function for it
        raise BadCallback("callback runs in the browser, not on the server")
    if not isinstance(body.get("outputs"), dict | list):
        raise BadCallback("callback outputs missing")
    for key, expected in (("inputs", spec.get("inputs", [])), ("state", spec.get("state", []))):
        given = body.get(key, [])
        if not isinstance(given, list) or len(given) != len(expected):
            raise BadCallback(f"callback {key} do not match the callback")
        for item in given:
            for entry in item if isinstance(item, list) else [item]:
                _check_entry(entry)
    changed = body.get("changedPropIds", [])
    if not isinstance(changed, list) or not all(isinstance(c, str) for c in changed):
        raise BadCallback("changedPropIds must be a list of strings")


def _check_entry(entry: Any) -> None:
    if not isinstance(entry, dict) or not isinstance(entry.get("property"), str):
        raise BadCallback("each callback input must be an object with id and property")
    cid, prop, value = entry.get("id"), entry["property"], entry.get("value")
    _check_plain(value, 0)
    if prop != "value" or value is None:
        return
    if isinstance(value, dict):
        raise BadCallback(f"value of {_name(cid)} must not be an object")
    if isinstance(cid, dict) and cid.get("type") == ids.SNAPSHOT_TYPE:
        if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 2**31:
            raise BadCallback("snapshot must be a snapshot id")
        return
    allowed = CHOICES.get(cid) if isinstance(cid, str) else None
    if allowed is not None:
        values = value if isinstance(value, list) else [value]
        if not all(isinstance(v, str) and v in allowed for v in values):
            raise BadCallback(f"{_name(cid)} must be one of {', '.join(allowed)}")


def _check_plain(value: Any, depth: int) -> None:
    if depth > MAX_DEPTH:
        raise BadCallback("callback value nested too deeply")
    if isinstance(value, bool) or value is None:
        return
    if isinstance(value, int):
        if abs(value) > MAX_INT:
            raise BadCallback("number out of range")
    elif isinstance(value, float):
        if not math.isfinite(value) or abs(value) > MAX_INT:
            raise BadCallback("number out of range")
    elif isinstance(value, str):
        if len(value) > MAX_STRING:
            raise BadCallback("text value too long")
    elif isinstance(value, list):
        for item in value:
            _check_plain(item, depth + 1)
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_plain(key, depth + 1)
            _check_plain(item, depth + 1)


def _name(cid: Any) -> str:
    return repr(str(cid)[:40])
