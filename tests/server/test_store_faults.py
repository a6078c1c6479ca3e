"""Database faults under the real app.py (gunicorn) on a SQLite file: during a fault /healthz
answers 503 with a reason, the API 503 as one line of JSON and pages a clear notice; once the
file is back every answer is good again by itself, with no restart and no write. Serving never
creates a database, and never prints a traceback.

Where each worker must find the fault and recover by itself (a corrupted, deleted or locked
file) the server has two workers (TWO_WORKERS); where the test is about what one server shows
(a replaced file, a writer's lock, two servers on PostgreSQL) one worker (ONE_WORKER), which
spares a worker's start and warm-up per server."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import time

from tests.server.conftest import REPO, add_snapshot

NOTICE_DE = "Daten vorübergehend nicht verfügbar"
TWO_WORKERS = {"WEB_CONCURRENCY": "2"}
ONE_WORKER = {"WEB_CONCURRENCY": "1"}


def _store_unavailable_everywhere(app) -> None:
    status, body = app.health()
    assert status == 503 and body["status"] == "unavailable" and body["reason"]
    api = app.get("/api/regions?level=land")
    assert api.status == 503 and api.json() == {"error": "the database is not available"}
    page = app.page("/karte")
    assert page.status == 200 and NOTICE_DE in page.text
    english = app.page("/tabelle", "?lang=en")
    assert "Data temporarily unavailable" in english.text
    shell = app.get("/karte")  # the HTML shell itself needs no data
    assert shell.status == 200 and "_dash-config" in shell.text


def _serving_normally(app, snapshot_id: int | None = None) -> None:
    status, body = app.health()
    assert status == 200 and body["status"] == "ok"
    if snapshot_id is not None:
        assert body["snapshot"]["id"] == snapshot_id
    regions = app.get("/api/regions?level=land")
    assert regions.status == 200 and len(regions.json()["regions"]) == 16
    page = app.page("/karte")
    assert page.status == 200 and NOTICE_DE not in page.text
    assert "karte-graph" in page.text


def _health_is(app, status: int) -> bool:
    return app.health()[0] == status


def _no_traceback(app) -> None:
    assert "Traceback" not in app.log()


def test_a_file_corrupted_in_place_then_restored_byte_for_byte(start_app, served_copy):
    app = start_app(f"sqlite:///{served_copy}", **TWO_WORKERS)
    _serving_normally(app)
    good = served_copy.read_bytes()
    with served_copy.open("r+b") as handle:  # same inode, same size, garbage pages
        handle.write(os.urandom(64 * 1024))
    assert app.wait_for(lambda: _health_is(app, 503), 30)
    _store_unavailable_everywhere(app)
    assert "not a database" in app.health()[1]["reason"] or "malformed" in app.health()[1]["reason"]
    with served_copy.open("r+b") as handle:
        handle.write(good)
    assert app.wait_for(lambda: _health_is(app, 200), 30)
    _serving_normally(app)
    _no_traceback(app)


def test_a_deleted_file_is_never_recreated_and_a_restored_one_is_served(
    start_app, served_copy, demo_file
):
    app = start_app(f"sqlite:///{served_copy}", **TWO_WORKERS)
    _serving_normally(app)
    served_copy.unlink()
    assert app.wait_for(lambda: _health_is(app, 503), 30)
    _store_unavailable_everywhere(app)
    assert "missing" in app.health()[1]["reason"]
    for _ in range(10):  # every worker and thread has tried: none created an empty database
        app.get("/api/snapshots")
    assert not served_copy.exists()
    shutil.copyfile(demo_file, served_copy)
    assert app.wait_for(lambda: _health_is(app, 200), 30)
    _serving_normally(app)
    # a snapshot written to the restored file by another process appears without a restart
    new_id = add_snapshot(served_copy)
    assert app.wait_for(lambda: app.health()[1]["snapshot"]["id"] == new_id, 30)
    _serving_normally(app, new_id)
    _no_traceback(app)


def test_a_file_replaced_by_a_newer_one_shows_its_new_snapshot(start_app, served_copy, tmp_path):
    app = start_app(f"sqlite:///{served_copy}", **ONE_WORKER)
    _serving_normally(app)
    old_id = app.health()[1]["snapshot"]["id"]
    newer = tmp_path / "newer.sqlite"
    shutil.copyfile(served_copy, newer)
    new_id = add_snapshot(newer)
    assert new_id != old_id
    os.replace(newer, served_copy)  # atomic: readers never see half a file
    assert app.wait_for(lambda: app.health()[1]["snapshot"]["id"] == new_id, 30)
    _serving_normally(app, new_id)
    listed = app.get("/api/snapshots").json()
    assert listed["served"] == new_id and listed["count"] == 4
    _no_traceback(app)


def _hold_lock(path, seconds: float, exclusive_mode: bool) -> subprocess.Popen:
    """Another process that takes the write lock (and with `exclusive_mode` also the read
    lock: SQLite's locking_mode=EXCLUSIVE) and holds it for `seconds`, or until `_release`
    (a line on its stdin) comes first."""
    code = textwrap.dedent(f"""
        import select, sqlite3, sys
        c = sqlite3.connect({str(path)!r}, isolation_level=None, timeout=60)
        if {exclusive_mode!r}:
            c.execute("PRAGMA locking_mode=EXCLUSIVE")
        c.execute("BEGIN EXCLUSIVE")
        c.execute("SELECT count(*) FROM snapshots").fetchall()
        print("locked", flush=True)
        select.select([sys.stdin], [], [], {seconds})
        c.execute("ROLLBACK")
        c.close()
    """)
    holder = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)  # fmt: skip
    assert holder.stdout.readline().strip() == "locked"
    return holder


def _release(holder: subprocess.Popen) -> None:
    """Let a `_hold_lock` process go now (if it still holds its lock) and wait for it."""
    try:
        holder.stdin.write("release\n")
        holder.stdin.close()
    except (BrokenPipeError, ValueError):  # it has let go already
        pass
    holder.wait(30)


def test_a_writer_holding_the_lock_does_not_stop_readers(start_app, served_copy):
    app = start_app(f"sqlite:///{served_copy}", **ONE_WORKER)
    _serving_normally(app)
    holder = _hold_lock(served_copy, 8, exclusive_mode=False)
    try:
        started = time.monotonic()
        while holder.poll() is None and time.monotonic() - started < 6:
            _serving_normally(app)  # WAL: readers go on while a writer holds its lock
    finally:
        holder.wait(30)
        holder.stdin.close()
    _serving_normally(app)


def test_an_exclusive_lock_gives_503_then_the_server_recovers_by_itself(
    start_app, served_copy, tmp_path
):
    # SQLite grants locking_mode=EXCLUSIVE only while no other connection has the file open,
    # so the other process locks a fresh copy and moves it into place (as a restore tool
    # that still holds its file would): the server opens it and finds it locked.
    app = start_app(f"sqlite:///{served_copy}", ATLAS_DB_BUSY_TIMEOUT="1", **TWO_WORKERS)
    _serving_normally(app)
    locked = tmp_path / "locked.sqlite"
    shutil.copyfile(served_copy, locked)
    holder = _hold_lock(locked, 25, exclusive_mode=True)
    os.replace(locked, served_copy)
    try:
        assert app.wait_for(lambda: _health_is(app, 503), 30)
        status, body = app.health()
        assert status == 503 and "locked" in body["reason"]
        _store_unavailable_everywhere(app)
    finally:
        _release(holder)  # the restore tool is done: no need to wait out the 25 s
    assert app.wait_for(lambda: _health_is(app, 200), 30)
    _serving_normally(app)
    _no_traceback(app)


def test_two_servers_on_one_postgresql_database_both_show_a_snapshot_a_third_process_writes(
    start_app, pg_database, pg_demo_template
):
    # the way a deployment grows past one machine: several app servers, one database (a copy
    # of the session's PostgreSQL demo default)
    url = pg_database(pg_demo_template)
    first, second = start_app(url, **ONE_WORKER), start_app(url, **ONE_WORKER)
    _serving_normally(first)
    _serving_normally(second)
    old_id = first.health()[1]["snapshot"]["id"]
    writer = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(f"""
            import store
            engine = store.connect({url!r})
            served = store.served_snapshot(engine)
            frame = store.load_providers(engine, served["id"])
            expected = {{c: int((frame["category"] == c).sum()) for c in served["counts"]}}
            meta = {{"taken_at": "2026-11-30T00:00:00Z", "origin": "replay",
                     "categories": expected}}
            report = store.build_quality_report(frame, expected)
            print(store.write_snapshot(engine, meta, frame, report))
        """)], cwd=REPO, capture_output=True, text=True, timeout=300,
        env={**os.environ, "PYTHONPATH": str(REPO)})
    assert writer.returncode == 0, writer.stderr
    new_id = int(writer.stdout.strip())
    assert new_id != old_id
    for app in (first, second):
        assert app.wait_for(lambda app=app: app.health()[1]["snapshot"]["id"] == new_id, 30)
        _serving_normally(app, new_id)
        assert app.get("/api/snapshots").json()["count"] == 4
        _no_traceback(app)
