"""One Dash callback over real HTTP, as the browser's renderer sends it, background or not.

For bench/export_rush.py and the tests that drive a real server process; the app itself never
calls this. The callback's outputs, inputs and state are read from the server's own
`/_dash-dependencies`, so the body is the one the renderer would build. A background
callback first answers with a signed `cacheKey` and `job`; the renderer then posts the same
body again with those in the query every `interval` ms until the answer holds the outputs.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from typing import Any

ENDPOINT = "/_dash-update-component"


@dataclass
class CallbackAnswer:
    """The final answer of one callback: its outputs by "id.prop", the HTTP status, every
    progress value seen on the way, and how many polls it took."""

    status: int
    outputs: dict[str, Any]
    progress: list[dict[str, Any]] = field(default_factory=list)
    polls: int = 0


def dependencies(base: str, timeout: float = 30) -> list[dict[str, Any]]:
    """The app's callback specifications, as the renderer reads them."""
    with urllib.request.urlopen(base + "/_dash-dependencies", timeout=timeout) as response:
        return json.loads(response.read())


def callback_body(specs: list[dict[str, Any]], output: str, values: dict[str, Any]) -> dict:
    """The request body for the callback whose outputs include `output` ("id.prop"), with
    inputs and state taken from `values` ("id.prop" -> value; missing ones are None)."""
    for spec in specs:
        parts = spec["output"].strip(".").split("...")
        if output not in parts:
            continue
        outputs = [dict(zip(("id", "property"), p.rsplit(".", 1), strict=True)) for p in parts]
        return {
            "output": spec["output"],
            "outputs": outputs if len(outputs) > 1 else outputs[0],
            "inputs": [_value(i, values) for i in spec["inputs"]],
            "state": [_value(s, values) for s in spec["state"]],
            "changedPropIds": [f"{spec['inputs'][0]['id']}.{spec['inputs'][0]['property']}"],
        }
    raise KeyError(f"no callback of the app has the output {output!r}")


def _value(dep: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
    key = f"{dep['id']}.{dep['property']}"
    return {"id": dep["id"], "property": dep["property"], "value": values.get(key)}


def post(base: str, body: dict, query: dict[str, str] | None = None,
         timeout: float = 120) -> tuple[int, dict[str, Any] | None, dict[str, str]]:
    """POST `body` to the callback endpoint: (status, JSON answer or None, headers)."""
    url = base + ENDPOINT + ("?" + urllib.parse.urlencode(query) if query else "")
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            raw = response.read()
            return response.status, (json.loads(raw) if raw else None), dict(response.headers)
    except urllib.error.HTTPError as exc:
        raw = exc.read()
        try:
            answer = json.loads(raw) if raw else None
        except ValueError:
            answer = None
        return exc.code, answer, dict(exc.headers)


def run_callback(base: str, body: dict, interval: float = 0.25,
                 timeout: float = 300) -> CallbackAnswer:
    """Send one callback and, for a background one, poll like the renderer until it ends
    (or `timeout` seconds pass: TimeoutError)."""
    status, answer, _ = post(base, body, timeout=timeout)
    if answer is None or "cacheKey" not in answer:
        return CallbackAnswer(status, (answer or {}).get("response", {}))
    return poll(base, body, answer, interval, timeout)


def poll(base: str, body: dict, handles: dict[str, Any], interval: float = 0.25,
         timeout: float = 300) -> CallbackAnswer:
    """Poll a started background callback (`handles`: its first answer) until it ends."""
    query = {"cacheKey": handles["cacheKey"], "job": handles["job"]}
    started = time.monotonic()
    seen: list[dict[str, Any]] = []
    polls = 0
    while time.monotonic() - started < timeout:
        time.sleep(interval)
        polls += 1
        status, step, _ = post(base, body, query, timeout=timeout)
        if step is None:  # 204: the job ended without output (it was cancelled)
            return CallbackAnswer(status, {}, seen, polls)
        if "progress" in step:
            seen.append(step["progress"])
        if "response" in step:
            return CallbackAnswer(status, step["response"], seen, polls)
    raise TimeoutError(f"callback {body['output']} not done after {timeout} s")


def cancel(base: str, specs: list[dict[str, Any]], cancel_input: str, job: str) -> int:
    """Press a background callback's cancel input ("id.prop") for the signed `job`, as the
    renderer does: Dash's own cancel callback ends the job. Returns the HTTP status."""
    cid, prop = cancel_input.rsplit(".", 1)
    body = callback_body(specs, f"{cid}.id", {cancel_input: 1})
    status, _, _ = post(base, body, {"cancelJob": job})
    return status
