"""One Dash callback over HTTP, posted as the browser's renderer posts it.

For the tests and bench/callbacks.py, which drive callbacks through Flask's test client
without a browser; the app itself never calls this.
"""

from __future__ import annotations

import gzip
import json
import time
from typing import Any
from urllib.parse import urlencode

ENDPOINT = "/_dash-update-component"


def _output_key(outputs: list[dict[str, Any]]) -> str:
    """Dash's key for a callback's outputs: "id.prop", or "..a.p...b.q.." for several."""

    def one(o: dict[str, Any]) -> str:
        cid = o["id"]
        if isinstance(cid, dict):
            cid = json.dumps(cid, sort_keys=True, separators=(",", ":"))
        return f"{cid}.{o['property']}"

    if len(outputs) == 1:
        return one(outputs[0])
    return ".." + "...".join(one(o) for o in outputs) + ".."


def post_callback(
    client: Any,
    outputs: list[tuple[Any, str]],
    inputs: list[tuple[Any, str, Any]],
    state: list[tuple[Any, str, Any]],
    changed: list[str],
) -> Any:
    """POST one callback with a Flask test `client`; return the response (asked with
    Accept-Encoding: gzip, so its length is what travels). A background callback (the
    exports) is polled as the renderer polls it; the last answer, with the outputs, returns."""
    outs = [{"id": i, "property": p} for i, p in outputs]
    body = {
        "output": _output_key(outs),
        "outputs": outs if len(outs) > 1 else outs[0],
        "inputs": [{"id": i, "property": p, "value": v} for i, p, v in inputs],
        "state": [{"id": i, "property": p, "value": v} for i, p, v in state],
        "changedPropIds": changed,
    }
    response = client.post(ENDPOINT, json=body, headers={"Accept-Encoding": "gzip"})
    handles = _background_handles(response)
    deadline = time.monotonic() + BACKGROUND_TIMEOUT_S
    while handles is not None and time.monotonic() < deadline:
        time.sleep(0.1)
        response = client.post(ENDPOINT + "?" + urlencode(handles), json=body,
                               headers={"Accept-Encoding": "gzip"})
        if _status(response) != 200 or "response" in json.loads(answer_bytes(response)):
            return response
    return response


BACKGROUND_TIMEOUT_S = 300


def _status(response: Any) -> int | None:
    """The HTTP status of a Flask test response (`status_code`) or of the tests' own loopback
    client's answer (`status`)."""
    return getattr(response, "status_code", getattr(response, "status", None))


def _background_handles(response: Any) -> dict[str, str] | None:
    """The signed cacheKey and job of a background callback's first answer, else None."""
    if _status(response) != 200:
        return None
    try:
        answer = json.loads(answer_bytes(response))
    except ValueError:
        return None
    if isinstance(answer, dict) and "cacheKey" in answer:
        return {"cacheKey": answer["cacheKey"], "job": answer["job"]}
    return None


def callback_outputs(app: Any, first: str) -> list[tuple[Any, str]]:
    """The outputs (id, property) of the app's callback whose outputs include `first`
    ("id.prop"), as the renderer names them (allow_duplicate outputs carry "@hash")."""
    for key in app.callback_map:
        parts = key.strip(".").split("...") if key.startswith("..") else [key]
        if first in parts or any(p.split("@")[0] == first for p in parts):
            out = []
            for part in parts:
                cid, prop = part.rsplit(".", 1)
                out.append((json.loads(cid) if cid.startswith("{") else cid, prop))
            return out
    raise KeyError(f"no callback has the output {first!r}")


def answer_bytes(response: Any) -> bytes:
    """The body of a Flask test-client `response` (or of the tests' loopback client's answer),
    unpacked if it came gzip-compressed."""
    raw = response.data if hasattr(response, "data") else response.body
    if response.headers.get("Content-Encoding") == "gzip":
        raw = gzip.decompress(raw)
    return raw
