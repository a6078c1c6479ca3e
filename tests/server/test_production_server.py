"""app.py serves with gunicorn (not Werkzeug's development server), workers and threads from
the environment, and no version in the Server header."""

from __future__ import annotations

import psutil
import pytest

from dashboard.server.serve import SettingError, server_options
from tests.server.conftest import app_main_here


def test_app_py_is_served_by_gunicorn_without_a_version_in_the_server_header(
    start_app, served_copy, tmp_path
):
    runtime = tmp_path / "run"
    runtime.mkdir()
    app = start_app(f"sqlite:///{served_copy}", WEB_CONCURRENCY="1",  # one worker shows it
                    HOME=str(tmp_path), XDG_RUNTIME_DIR=str(runtime))
    health = app.get("/healthz")
    assert health.status == 200
    assert health.json()["status"] == "ok"
    assert health.headers["Server"] == "gunicorn"
    page = app.get("/karte")
    assert page.status == 200
    assert page.headers["Server"] == "gunicorn"
    log = app.log()
    assert "Booting worker" in log and "gthread" in log
    assert "development server" not in log.lower()
    assert "Werkzeug" not in log
    # no control socket: gunicorn's default is one path per user, which a second server on the
    # machine would take over (and closing it held every stop ~2 s)
    assert "Control socket" not in log
    assert list(runtime.iterdir()) == [] and not (tmp_path / ".gunicorn").exists()


def test_a_worker_starts_its_export_browser_before_the_first_export(start_app, served_copy):
    app = start_app(f"sqlite:///{served_copy}", WEB_CONCURRENCY="1",
                    ATLAS_PRESTART_RENDERER="1", ATLAS_WARM_VIEWS="1")

    def browsers() -> list[psutil.Process]:
        return [child for child in psutil.Process(app.process.pid).children(recursive=True)
                if "chrom" in child.name().lower()]

    # nobody asked for an export: the worker started Chromium on its own, in the background
    assert app.wait_for(lambda: bool(browsers()), seconds=120), app.log()
    assert app.get("/healthz").status == 200
    # as in production, the Gemeinde view's data were computed before the fork
    assert "Erreichbarkeit Gemeinde view computed before the workers start" in app.log()


def test_dash_debug_serves_the_development_server_without_versions(start_app, served_copy):
    app = start_app(f"sqlite:///{served_copy}", DASH_DEBUG="1")
    health = app.get("/healthz")
    assert health.status == 200
    assert health.headers["Server"] == "Werkzeug"  # the dev server, but no version numbers


def test_workers_threads_and_timeout_come_from_the_environment():
    options = server_options({"WEB_CONCURRENCY": "3", "ATLAS_THREADS": "8", "ATLAS_TIMEOUT": "90"})
    assert options == {"workers": 3, "threads": 8, "timeout": 90}
    defaults = server_options({})
    assert defaults["workers"] >= 1 and defaults["threads"] == 4 and defaults["timeout"] == 60


@pytest.mark.parametrize("name, value", [("WEB_CONCURRENCY", "two"), ("ATLAS_THREADS", "0"),
                                         ("ATLAS_TIMEOUT", "-5")])
def test_a_malformed_server_setting_is_a_one_line_error(name, value):
    with pytest.raises(SettingError, match=f"^{name} must be a number"):
        server_options({name: value})


def test_app_py_with_a_malformed_worker_count_exits_with_one_line(tmp_path, monkeypatch):
    database = tmp_path / "atlas.sqlite"
    exited = app_main_here(monkeypatch, DATABASE_URL=f"sqlite:///{database}",
                           WEB_CONCURRENCY="many")  # fmt: skip
    assert exited.code == "WEB_CONCURRENCY must be a number from 1 to 64, not 'many'"
    assert not database.exists()
