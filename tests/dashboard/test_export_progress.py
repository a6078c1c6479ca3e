"""An export waiting in the queue, in a real browser: its place and progress are shown, the
button is disabled until it ends, and "Abbrechen" takes it out of the queue (issues 21, 22).

Two other readers' exports wait and one runs (entries in the app's own queue, kept alive by
threads as real waiting jobs are), so the reader's click is third in line.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace

import pytest

from dashboard.exports.service import service_for

pytestmark = pytest.mark.browser

SLOT = "karte-export-slot"


@pytest.fixture()
def busy_queue(app) -> Iterator[object]:
    """One export running and two waiting, of other clients, until the test ends."""
    service = service_for(app)
    queue = service.queue
    kept = queue.limits
    queue.limits = replace(kept, workers=1, queue=16, per_client=16)
    running = queue.enter("192.0.2.1", now_only=True)
    done = threading.Event()
    tickets = [queue.enter(f"192.0.2.{n}") for n in (2, 3)]
    waiters = [threading.Thread(target=_wait, args=(queue, t, done), daemon=True)
               for t in tickets]
    for waiter in waiters:
        waiter.start()
    yield queue
    done.set()
    for waiter in waiters:
        waiter.join(10)
    for ticket in (running, *tickets):
        queue.leave(ticket)
    queue.limits = kept


def _wait(queue, ticket: str, done: threading.Event) -> None:
    from dashboard.exports.jobs import ExportCancelled

    try:
        queue.wait_turn(ticket, lambda *place: None, done.is_set)
    except ExportCancelled:
        pass


def _map_width(page) -> float:
    return page.js("return document.querySelector('#karte-graph .main-svg')"
                   ".getBoundingClientRect().width")


def _below_map(page) -> bool:
    return page.js(
        "const map = document.querySelector('#karte-graph').getBoundingClientRect();"
        "const box = document.getElementById(arguments[0]).getBoundingClientRect();"
        "return box.top >= map.bottom - 1;", SLOT)


def _state(page) -> dict:
    return page.js(
        "const box = document.getElementById(arguments[0] + '-progress');"
        "const button = document.getElementById(arguments[0] + '-button');"
        "return {hidden: box.hidden, disabled: button.disabled,"
        " text: document.getElementById(arguments[0] + '-progress-text').innerText,"
        " value: document.getElementById(arguments[0] + '-progress-bar').value,"
        " cancel: document.getElementById(arguments[0] + '-cancel').innerText,"
        " look: (() => { const c = document.getElementById(arguments[0] + '-cancel');"
        "  const s = getComputedStyle(c); return {size: parseFloat(s.fontSize),"
        "  radius: s.borderTopLeftRadius, height: c.getBoundingClientRect().height}; })()};",
        SLOT)


def test_a_waiting_export_shows_its_place_disables_its_button_and_can_be_cancelled(
    page, browser, viewport, busy_queue, artifacts_dir
):
    page.open("/karte?level=land&category=wfbm&metric=per_100k")
    page.wait_for_map()
    page.wait_idle()
    assert _state(page)["hidden"] is True  # nothing runs: no bar, no cancel button
    page.js(f"document.getElementById('{SLOT}-button').click()")
    page.wait_for_text("In der Warteschlange: Platz 3 von 3", timeout=60)
    state = _state(page)
    assert state["disabled"] is True and state["hidden"] is False
    assert state["value"] == 1 and state["cancel"] == "Abbrechen"
    # the theme's button (tests/dashboard/test_dashboard_theme.py measures the same)
    assert state["look"]["size"] >= 16 and state["look"]["radius"] == "6px"
    assert state["look"]["height"] >= 40
    assert busy_queue.stats()["waiting"] == 3
    for width, height in ((1440, 900), (390, 844)):
        viewport(width, height)
        # plotly redraws the map for the new width; the controls sit below it, not over it
        page.wait_for(lambda d, w=width: _below_map(page) and _map_width(page) <= w, 30)
        page.js(f"document.getElementById('{SLOT}').scrollIntoView({{block: 'center'}})")
        browser.save_screenshot(str(artifacts_dir / f"export-queued-{width}.png"))
    # the bar, its words and the cancel button pass axe while they show
    from tests.dashboard.test_accessibility import run_axe

    found = [(v["id"], n["target"]) for v in run_axe(page)["violations"]
             for n in v["nodes"] if any(SLOT in str(t) for t in n["target"])]
    assert found == []

    page.js(f"document.getElementById('{SLOT}-cancel').click()")
    page.wait_for(lambda d: _state(page)["hidden"] and not _state(page)["disabled"], 30)
    page.wait_for(lambda d: busy_queue.stats()["waiting"] == 2, 30)  # it left the queue
    assert page.console_errors() == []


def test_an_export_beyond_the_readers_share_says_so_at_once(page, app, busy_queue):
    busy_queue.limits = replace(busy_queue.limits, per_client=1)
    mine = busy_queue.enter("127.0.0.1")  # this browser's address already has one
    try:
        page.open("/karte?level=land&lang=en")
        page.wait_for_map()
        page.wait_idle()
        page.js(f"document.getElementById('{SLOT}-button').click()")
        page.wait_for_text("Exports are busy right now – please try again in 20 s.", 60)
        page.wait_for(lambda d: not _state(page)["disabled"], 30)
    finally:
        busy_queue.leave(mine)
