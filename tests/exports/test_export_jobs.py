"""The export queue (dashboard/exports/jobs.py) over a real diskcache folder: bounds, fairness,
places, cancel, dead entries, the health figures, and settings checked at start-up."""

from __future__ import annotations

import threading
import time
from dataclasses import replace

import diskcache
import pytest

from dashboard.exports import jobs
from dashboard.exports.jobs import (
    ExportCancelled,
    ExportLimits,
    ExportQueue,
    ExportsBusy,
    limits_from_env,
)
from dashboard.server.serve import SettingError

LIMITS = ExportLimits(workers=1, queue=4, per_client=2, retry_after=20, cache_mb=8)


@pytest.fixture()
def queue(tmp_path) -> ExportQueue:
    return ExportQueue(diskcache.Cache(str(tmp_path / "jobs")), LIMITS)


def test_a_full_queue_refuses_at_once_with_the_retry_time(queue):
    for client in ("a", "b", "c", "d"):
        queue.enter(client)
    with pytest.raises(ExportsBusy) as refused:
        queue.enter("e")
    assert refused.value.retry_after == 20 and refused.value.reason == "queue"
    assert str(refused.value) == "Exporte gerade ausgelastet – bitte in 20 s erneut."
    with pytest.raises(ExportsBusy, match="Exports are busy right now – please try again in 20 s"):
        queue.enter("e", lang="en")


def test_one_client_cannot_fill_the_queue(queue):
    queue.enter("10.0.0.1")
    queue.enter("10.0.0.1")
    with pytest.raises(ExportsBusy) as refused:
        queue.enter("10.0.0.1")
    assert refused.value.reason == "client"
    assert queue.enter("10.0.0.2")  # another reader still gets a place


def test_first_come_first_built_and_each_waiter_learns_its_place(queue):
    first, second, third = (queue.enter(c) for c in ("a", "b", "c"))
    places: dict[str, list[tuple[int, int]]] = {second: [], third: []}
    assert queue.wait_turn(first, lambda *p: None, lambda: False) >= 0
    started = []

    def wait(ticket: str) -> None:
        queue.wait_turn(ticket, lambda *p: places[ticket].append(p), lambda: False)
        started.append(ticket)

    threads = [threading.Thread(target=wait, args=(t,)) for t in (second, third)]
    for thread in threads:
        thread.start()
    time.sleep(2.5)
    assert started == []  # one worker, and the first holds it
    assert places[second][0] == (1, 2) and places[third][0] == (2, 2)
    queue.leave(first)
    threads[0].join(10)
    assert started == [second]
    deadline = time.monotonic() + 10
    while places[third][-1] != (1, 1) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert places[third][-1] == (1, 1)  # moved up when the first left
    queue.leave(second)
    threads[1].join(10)
    assert started == [second, third]


def test_a_cancelled_wait_ends_and_frees_its_place(queue):
    running = queue.enter("a")
    queue.wait_turn(running, lambda *p: None, lambda: False)
    waiting = queue.enter("b")
    with pytest.raises(ExportCancelled):
        queue.wait_turn(waiting, lambda *p: None, lambda: True)
    queue.leave(waiting)
    assert queue.stats()["waiting"] == 0 and queue.stats()["running"] == 1


def test_health_figures_count_waiting_and_running_and_age_the_oldest(queue):
    assert queue.stats()["oldest_job_age_s"] is None
    ticket = queue.enter("a")
    queue.wait_turn(ticket, lambda *p: None, lambda: False)
    queue.enter("b")
    time.sleep(0.3)
    stats = queue.stats()
    assert (stats["waiting"], stats["running"]) == (1, 1)
    assert stats["oldest_job_age_s"] >= 0.2
    assert (stats["workers"], stats["queue_limit"], stats["per_client_limit"]) == (1, 4, 2)


def test_an_entry_whose_process_died_is_dropped(queue, monkeypatch):
    queue.enter("gone")  # never renews its heartbeat
    monkeypatch.setattr(jobs, "STALE_S", 0.2)
    time.sleep(0.4)
    assert queue.stats()["waiting"] == 0
    for client in ("a", "b", "c", "d"):  # its place is free again
        queue.enter(client)


def test_a_plain_request_is_built_only_when_a_worker_is_free_now(queue):
    ticket = queue.enter("a", now_only=True)
    assert queue.stats()["running"] == 1
    with pytest.raises(ExportsBusy) as refused:
        queue.enter("b", now_only=True)
    assert refused.value.reason == "now"
    queue.leave(ticket)
    queue.enter("b", now_only=True)


def test_two_queues_on_one_folder_are_one_queue(tmp_path):
    # two gunicorn workers open the same folder: the bound holds across them
    one = ExportQueue(diskcache.Cache(str(tmp_path / "jobs")), replace(LIMITS, per_client=9))
    two = ExportQueue(diskcache.Cache(str(tmp_path / "jobs")), replace(LIMITS, per_client=9))
    one.enter("a")
    one.enter("a")
    two.enter("a")
    two.enter("a")
    with pytest.raises(ExportsBusy):
        one.enter("a")
    assert two.stats()["waiting"] == 4


@pytest.mark.parametrize(
    ("env", "value"),
    [("ATLAS_EXPORT_WORKERS", "0"), ("ATLAS_EXPORT_QUEUE", "many"),
     ("ATLAS_EXPORT_PER_CLIENT", "-1"), ("ATLAS_EXPORT_CACHE_MB", "1e3")],
)
def test_a_malformed_setting_is_a_one_line_error(env, value):
    with pytest.raises(SettingError, match=f"{env} must be a number from"):
        limits_from_env({env: value})


def test_settings_have_documented_defaults():
    limits = limits_from_env({})
    assert limits.workers >= 1 and (limits.queue, limits.per_client) == (16, 3)
    assert limits_from_env({"ATLAS_EXPORT_WORKERS": "3"}).workers == 3
