"""The embedded default: deterministic demo recordings, replayed into three snapshots."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import geodata
import store
from scrapers import demo

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def recordings(tmp_path_factory) -> list[Path]:
    return demo.generate_demo(tmp_path_factory.mktemp("demo-a"))


@pytest.fixture(scope="module")
def built(demo_store_file, demo_store_ids, tmp_path_factory):
    """The default built once into a real SQLite file (shared by the read-only tests): a copy
    of the run's demo store, which ensure_default built into an empty SQLite file, with the
    ids it returned (tests/conftest.py), so the default is not built once more here."""
    from tests.conftest import copy_demo_store

    path = copy_demo_store(demo_store_file, tmp_path_factory.mktemp("demo-db"))
    engine = store.connect(f"sqlite:///{path}")
    yield engine, list(demo_store_ids)
    engine.dispose()


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}


def test_the_same_seed_gives_the_same_bytes(recordings, tmp_path):
    first = _files(recordings[0].parent)
    again = demo.generate_demo(tmp_path / "b")
    assert _files(again[0].parent) == first
    assert len(first) > 100  # three runs × (index, run.json, ~100 pages)


def test_another_seed_gives_other_providers(recordings, tmp_path):
    other = demo.generate_demo(tmp_path / "c", seed=demo.SEED + 1)
    assert _files(other[0].parent) != _files(recordings[0].parent)


def test_recordings_follow_the_recording_format(recordings):
    for directory in recordings:
        run = json.loads((directory / "run.json").read_text(encoding="utf-8"))
        assert run["origin"] == "demo"
        assert run["taken_at"].startswith(directory.name)
        lines = (directory / "index.jsonl").read_text(encoding="utf-8").splitlines()
        entries = [json.loads(line) for line in lines]
        assert {e["category"] for e in entries} == {"ala", "wfbm", "ib"}
        for entry in entries:
            assert {"file", "url", "status", "fetched_at", "category", "content_type"} <= set(entry)
            assert (directory / entry["file"]).exists()
            assert entry["url"].startswith(demo.BASE_URL)


def test_the_default_has_the_published_counts_on_their_dates(built):
    engine, ids = built
    assert len(ids) == 3
    listing = store.list_snapshots(engine).sort_values("taken_at")
    assert set(listing["origin"]) == {"demo"}
    dates = [d.strftime("%Y-%m-%d") for d in listing["taken_at"]]
    assert dates == ["2021-11-30", "2022-01-31", "2022-12-01"]
    published = geodata.published_counts()
    ala = published[published["category"] == "ala"].sort_values("as_of")
    assert list(ala["as_of"]) == dates
    assert list(listing["parsed_ala"]) == [int(c) for c in ala["count"]] == [60, 67, 88]
    last = listing.iloc[-1]
    assert (last["parsed_wfbm"], last["parsed_ib"]) == (891, 1020)
    assert all(abs(n - 891) <= 15 for n in listing["parsed_wfbm"])
    assert all(abs(n - 1020) <= 40 for n in listing["parsed_ib"])
    assert (listing["expected_ala"] == listing["parsed_ala"]).all()


def test_snapshots_churn_realistically(built):
    engine, ids = built
    for old, new in zip(ids, ids[1:], strict=False):
        diff = store.diff_snapshots(engine, old, new)
        kinds = diff["change"].value_counts()
        assert kinds.get("new", 0) > 0 and kinds.get("vanished", 0) > 0
        assert kinds.get("changed", 0) > 0
        persisted = len(store.load_providers(engine, old)) - kinds["vanished"]
        assert persisted / len(store.load_providers(engine, old)) > 0.9  # most persist
    changed = store.diff_snapshots(engine, ids[1], ids[2])
    fields = set(", ".join(changed["changed_fields"]).split(", ")) - {""}
    assert {"name", "street"} <= fields


def test_demo_providers_cannot_be_mistaken_for_real_ones(built):
    engine, ids = built
    providers = store.load_providers(engine, ids[-1])
    assert providers["name"].str.startswith("Beispiel-").all()
    assert providers["operator"].str.startswith("Beispiel-").all()
    assert providers["email"].str.endswith(".example").all()
    assert providers["website"].str.endswith(".example").all()
    assert providers["phone"].str.startswith("0000 ").all()
    assert providers["source_id"].str.startswith("DEMO").all()


def test_demo_providers_sit_in_real_gemeinden_weighted_by_population(built):
    engine, ids = built
    providers = store.load_providers(engine, ids[-1])
    assert (providers["geocode_quality"] == "gemeinde").all()
    gemeinden = set(geodata.load_gemeinden()["ags"])
    assert set(providers["gemeinde_ags"]) <= gemeinden
    kreise = store.region_metrics(engine, ids[-1], "kreis", "ib")
    others = store.region_metrics(engine, ids[-1], "kreis", "wfbm")
    counts = kreise["count"] + others["count"]
    # Spearman's rank correlation (ranks, then Pearson: no scipy needed).
    rho = counts.rank().corr(kreise["population"].rank())
    assert rho > 0.4


def test_ensure_default_builds_only_into_an_empty_store(built, engine, write, make_provider):
    built_engine, _ = built
    assert demo.ensure_default(built_engine) == []
    assert len(store.list_snapshots(built_engine)) == 3
    live = write(engine, [make_provider("A1")], origin="live")
    assert demo.ensure_default(engine) == []
    assert store.served_snapshot(engine)["id"] == live


@pytest.fixture
def demo_copy(db_url, request) -> str:
    """`db_url` with the demo default (ensure_default into an empty store) in it: a copy of
    the run's demo store file, or on PostgreSQL of the session's demo template (a database
    of its own), so the default is not built once more here."""
    if db_url.startswith("sqlite:///"):
        from tests.conftest import copy_demo_store

        path = Path(db_url.removeprefix("sqlite:///"))
        copy_demo_store(request.getfixturevalue("demo_store_file"), path.parent)
        return f"sqlite:///{path.parent / 'atlas.sqlite'}"
    return request.getfixturevalue("pg_database")(request.getfixturevalue("pg_demo_template"))


def test_a_live_snapshot_is_served_instead_of_the_demo(demo_copy, write, make_provider):
    engine = store.connect(demo_copy)
    listed = store.list_snapshots(engine).sort_values("taken_at")
    assert len(listed) == 3 and set(listed["origin"]) == {"demo"}
    assert store.served_snapshot(engine)["id"] == listed["id"].iloc[-1]
    live = write(engine, [make_provider("A1")], origin="live", taken_at="2020-01-01")
    assert store.served_snapshot(engine)["id"] == live
    assert "demo" not in set(store.served_series(engine)["origin"])


def test_a_default_that_fails_half_way_leaves_an_empty_store(engine, monkeypatch, dump):
    from scrapers import pipeline

    before = dump(engine)
    real = pipeline.ingest_run
    calls = []

    def fail_on_second(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise pipeline.IngestError("simulated failure")
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "ingest_run", fail_on_second)
    with pytest.raises(demo.DemoError, match="simulated failure"):
        demo.build_default(engine)
    assert dump(engine) == before


def test_the_replay_cli_ingests_a_demo_recording_as_demo(recordings, db_url, capsys,
                                                         monkeypatch):
    # the replay command's click entry point in this process (tests/scrapers/test_scraper_cli
    # runs it as a process): its exit code and output, without a Python start-up per database
    import logging

    from scrapers.cli import main

    monkeypatch.chdir(REPO)
    monkeypatch.setattr(logging.getLogger("scrapers"), "handlers", [])  # this test's stderr
    capsys.readouterr()
    with pytest.raises(SystemExit) as exited:
        main.main(args=["replay", str(recordings[0]), "--db", db_url],
                  prog_name="python -m scrapers")
    stderr = capsys.readouterr().err
    assert exited.value.code in (0, None), stderr
    assert "stored snapshot" in stderr and "(demo)" in stderr
    snapshot = store.served_snapshot(store.connect(db_url))
    assert snapshot["origin"] == "demo"
    assert snapshot["taken_at"] == "2021-11-30T00:00:00Z"
    assert snapshot["counts"]["ala"] == {"expected": 60, "parsed": 60}
