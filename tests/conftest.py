"""Fixtures shared by every test folder."""

from __future__ import annotations

import json
import os
import shutil
import sys
import types
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """Where tests keep what a person should look at afterwards (git-ignored)."""
    path = PROJECT_ROOT / "tests" / "artifacts"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _run_temp(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The temporary folder of the whole run: under pytest-xdist every worker has its own
    (popen-gw0, …) inside one shared parent."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


_RUN_TEMP: list[Path] = []  # the run's temporary folder, once `run_temp` has run


@pytest.fixture(scope="session", autouse=True)
def run_temp(tmp_path_factory) -> Iterator[Path]:
    """The temporary folder of the whole run (shared by the xdist workers), also for helpers
    that are called without fixtures (`shared_run_temp`). The geocoder's lookup is kept
    there: built once per run, read by the workers and the commands the tests start (they
    inherit the environment) instead of ~2 s of CPU in each."""
    from geodata.lookup import LOOKUP_CACHE_ENV

    path = _run_temp(tmp_path_factory)
    _RUN_TEMP[:] = [path]
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(LOOKUP_CACHE_ENV, str(path / "geocoder-lookup.pickle"))
        yield path


def shared_run_temp() -> Path | None:
    """The run's temporary folder for a helper that has no fixtures at hand (None outside a
    test run): a place for what is built once per run and copied (`build_once`)."""
    return _RUN_TEMP[0] if _RUN_TEMP else None


def build_once(folder: Path, build: Callable[[Path], None]) -> Path:
    """`folder`, built once per test run by `build(empty_folder)` and shared by the xdist
    workers (the first builds it under a lock, the others wait for it), moved into place
    whole. Never written to afterwards: users copy what they need."""
    from store.locks import file_lock

    folder.parent.mkdir(parents=True, exist_ok=True)
    with file_lock(folder.with_name(folder.name + ".lock")):
        if not folder.exists():
            building = folder.with_name(folder.name + ".building")
            shutil.rmtree(building, ignore_errors=True)
            building.mkdir()
            build(building)
            os.replace(building, folder)  # whole or not at all
    return folder


def demo_store_at(run_folder: Path) -> Path:
    """The run's demo store file (see `demo_store_file`), built on first use."""
    import store
    from scrapers.demo import ensure_default

    def build(building: Path) -> None:
        engine = store.connect(f"sqlite:///{building / 'atlas.sqlite'}")
        ids = ensure_default(engine)
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        engine.dispose()
        (building / "ids.json").write_text(json.dumps(ids))  # what ensure_default returned

    return build_once(run_folder / "demo-store", build) / "atlas.sqlite"


@pytest.fixture(scope="session")
def demo_store_file(run_temp) -> Path:
    """A SQLite file with the demo default (three demo snapshots and their access measures),
    built once per test run and shared by the xdist workers (the first builds it under a lock,
    the others wait for it), checkpointed into one file. Never opened by a test: the folders'
    fixtures copy it (`copy_demo_store`), so each still has a store of its own."""
    return demo_store_at(run_temp)


@pytest.fixture(scope="session")
def demo_store_ids(demo_store_file) -> list[int]:
    """What ensure_default returned when it built `demo_store_file` into the empty store: the
    ids of its snapshots, oldest first."""
    return json.loads((demo_store_file.parent / "ids.json").read_text())


@pytest.fixture(scope="session")
def pg_demo_template(pg_database) -> str:
    """The name of a PostgreSQL database with the demo default (ensure_default into an empty
    one), built once per session on its throw-away cluster: only ever copied (CREATE DATABASE
    … TEMPLATE, `pg_database(pg_demo_template)`; a template must be unused), never served."""
    import store
    from scrapers.demo import ensure_default

    url = pg_database()
    engine = store.connect(url)
    ensure_default(engine)
    engine.dispose()
    return url.rsplit("/", 1)[1]


def copy_demo_store(source: Path, folder: Path) -> Path:
    """A private copy of the demo store file in `folder`; returns its path."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "atlas.sqlite"
    shutil.copyfile(source, target)
    return target


# Marks given by what a test uses, so `make test-fast` can leave the slow kinds out without a
# mark on every test: marker -> the fixture that makes a test that kind.
KIND_OF_FIXTURE = {
    "postgresql": "postgres_cluster",  # the PostgreSQL half of the tests on both databases
    "app_process": "start_app",  # app.py started as its own server process
    "browser": "browser",  # headless Chromium through chromedriver (tests/dashboard/conftest.py)
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        for marker, fixture in KIND_OF_FIXTURE.items():
            if fixture in used:
                item.add_marker(marker)
        if _launches_app_py(item):
            item.add_marker("app_process")
        # db_url and demo_db reach the cluster by request.getfixturevalue: their parameter says
        params = getattr(getattr(item, "callspec", None), "params", {})
        if "postgresql" in params.values():
            item.add_marker("postgresql")
        if _renders_an_image(item):
            item.add_marker("renders")


# A test renders an image through kaleido's Chromium (about a CPU second each, plus the
# browser's start) when it names an image format and calls one of these; the guard below
# fails an unmarked test that renders all the same, so the rule cannot silently fall behind.
IMAGE_FORMATS = {"png", "svg", "pdf"}
RENDER_CALLS = {
    "export_view",  # dashboard.exports: an ExportRequest for an image format
    "render_image",  # dashboard.exports.render itself
    "run_cli",  # tests/exports/test_export_cli.py: `python -m dashboard export` as a process
}


def _code_objects(code: types.CodeType) -> Iterator[types.CodeType]:
    """`code` and the code nested in it (comprehensions, lambdas, local functions)."""
    yield code
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            yield from _code_objects(const)


def _renders_an_image(item: pytest.Item) -> bool:
    """Whether the test names an image format (in its code or its parameters) and calls a
    function that renders one."""
    code = getattr(getattr(item, "function", None), "__code__", None)
    if code is None or item.get_closest_marker("browser"):
        return False  # browser tests are out of test-fast already
    strings: set[str] = set()
    calls: set[str] = set()
    for nested in _code_objects(code):
        strings.update(c for c in nested.co_consts if isinstance(c, str))
        calls.update(nested.co_names)
    params = getattr(getattr(item, "callspec", None), "params", {})
    strings.update(v for v in params.values() if isinstance(v, str))
    return bool(strings & IMAGE_FORMATS) and bool(calls & RENDER_CALLS)


_RENDERS: list[int] = [0]  # images rendered in this process so far (see `_count_renders`)


def _count_renders() -> None:
    """Count what dashboard.exports.render draws in this process, once it is imported."""
    render = sys.modules.get("dashboard.exports.render")
    thread = getattr(render, "_BrowserThread", None)
    if thread is None or getattr(thread.render, "counted", False):
        return
    drawn = thread.render

    def counted(self: object, *args: object, **kwargs: object) -> bytes:
        _RENDERS[0] += 1
        return drawn(self, *args, **kwargs)

    counted.counted = True  # type: ignore[attr-defined]
    thread.render = counted


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """Fail a test of `make test-fast` that rendered an image in this process without the
    `renders` mark: it would slow test-fast; name an image format and a RENDER_CALLS call in
    the test, or mark it `@pytest.mark.renders`. Kinds that test-fast leaves out anyway (a
    browser test exporting through the live server in this process) may render."""
    _count_renders()
    before = _RENDERS[0]
    result = yield
    left_out = any(item.get_closest_marker(kind) for kind in (*KIND_OF_FIXTURE, "renders"))
    if _RENDERS[0] != before and not left_out:
        pytest.fail("rendered an image through Chromium without the `renders` mark "
                    "(tests/conftest.py, _renders_an_image)", pytrace=False)
    return result


def _launches_app_py(item: pytest.Item) -> bool:
    """A test in a module that starts app.py itself with tests.server.conftest.launch (one
    server for the module's tests, from a module-scoped fixture, or a start of its own): an
    app_process test as much as one that uses `start_app`."""
    server = sys.modules.get("tests.server.conftest")
    launch = getattr(server, "launch", None)
    return launch is not None and getattr(getattr(item, "module", None), "launch", None) is launch


# A throw-away PostgreSQL cluster for the tests that run on both databases.
pytest_plugins = ["tests.pg_cluster"]
