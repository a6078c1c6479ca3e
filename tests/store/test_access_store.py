"""Access measures kept with each snapshot: written with it, read back, recomputed, deleted."""

from __future__ import annotations

import subprocess
import sys

import pytest
from sqlalchemy import func, select

import store
from store import schema
from store.access import access_regions, access_result, recompute_access
from tests.conftest import PROJECT_ROOT


def dresden(make_provider, source_id, category="ala", **fields):
    return make_provider(source_id, category, lon=13.741549, lat=51.078473, **fields)


def rows_of(engine, table, snapshot_id):
    with engine.connect() as conn:
        return conn.execute(
            select(func.count()).select_from(table).where(table.c.snapshot_id == snapshot_id)
        ).scalar_one()


def test_a_written_snapshot_has_its_access_measures(engine, write, make_provider):
    rows = [dresden(make_provider, "a1"), dresden(make_provider, "w1", "wfbm")]
    snapshot_id = write(engine, rows)
    # ala: all + two services; wfbm: all; ib: no provider (no Gemeinde rows).
    assert rows_of(engine, schema.access_runs, snapshot_id) == 5
    ok = access_result(engine, snapshot_id, "ala")
    assert ok.status == "ok" and ok.gemeinden["nearest_km"].notna().all()
    assert rows_of(engine, schema.access_gemeinden, snapshot_id) == 10_997 * 2 + 10_997 * 1
    dresden_row = ok.gemeinden[ok.gemeinden["ars"] == "146120000000"].iloc[0]
    assert dresden_row["nearest_km"] == 0.0 and dresden_row["nearest_provider"] == "a1"
    none = access_result(engine, snapshot_id, "ib")
    assert none.status == "no_provider" and none.gemeinden["nearest_km"].isna().all()
    training = access_result(engine, snapshot_id, "ala", "berufsbildungsbereich")
    assert training.status == "no_provider"  # a1 lists only the Arbeitsbereich


def test_region_figures_of_a_stored_snapshot(engine, write, make_provider):
    snapshot_id = write(engine, [dresden(make_provider, "a1")])
    kreise = access_regions(engine, snapshot_id, "kreis", "ala").set_index("ars")
    assert len(kreise) == 401 and kreise.loc["14612", "median_km"] < 10
    assert kreise.loc["14612", "pop_no_provider_in_kreis"] == 0
    assert kreise.loc["01001", "pop_beyond_50km"] == kreise.loc["01001", "population"]
    laender = access_regions(engine, snapshot_id, "land", "ala")
    assert len(laender) == 16 and laender["population"].sum() == 83_166_711
    assert laender.attrs["status"] == "ok" and laender.attrs["providers_used"] == 1


def test_a_category_the_snapshot_did_not_record_is_refused(engine, write, make_provider):
    snapshot_id = write(engine, [dresden(make_provider, "a1")], categories=("ala",))
    with pytest.raises(store.CategoryNotInSnapshot):
        access_result(engine, snapshot_id, "wfbm")
    with pytest.raises(store.InvalidArgument, match="service for wfbm must be one of all"):
        access_result(engine, snapshot_id, "wfbm", "arbeitsbereich")


def test_kreis_placed_providers_are_counted_in_the_quality_report(engine, write, make_provider):
    snapshot_id = write(
        engine,
        [dresden(make_provider, "a1"), make_provider("a2", quality="kreis", kreis="01001",
                                                      lon=9.44, lat=54.78)],
    )  # fmt: skip
    report = store.quality_report(engine, snapshot_id)["access"]
    ala_all = next(m for m in report["measures"] if (m["category"], m["service"]) == ("ala", "all"))
    assert ala_all["kreis_placed"] == 1 and ala_all["people_nearest_kreis_placed"] > 0
    assert "Kreis level" in report["effect"] and "Luftlinie" in report["method"]


def test_recompute_gives_the_same_measures_and_delete_removes_them(engine, write, make_provider):
    snapshot_id = write(engine, [dresden(make_provider, "a1")])
    before = access_regions(engine, snapshot_id, "land", "ala")
    with engine.begin() as conn:
        conn.execute(schema.access_gemeinden.delete())
        conn.execute(schema.access_runs.delete())
    seconds = recompute_access(engine, [snapshot_id])
    assert set(seconds) == {snapshot_id}
    after = access_regions(engine, snapshot_id, "land", "ala")
    assert before.equals(after)
    store.delete_snapshot(engine, snapshot_id)
    assert rows_of(engine, schema.access_runs, snapshot_id) == 0
    assert rows_of(engine, schema.access_gemeinden, snapshot_id) == 0


def test_the_recompute_command_stores_measures_for_existing_snapshots(
    engine, db_url, write, make_provider, capsys
):
    snapshot_id = write(engine, [dresden(make_provider, "a1")])
    with engine.begin() as conn:
        conn.execute(schema.access_gemeinden.delete())
        conn.execute(schema.access_runs.delete())
    command = [sys.executable, "-m", "store", "access", "--recompute", "--db", db_url]
    done = subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert f"snapshot {snapshot_id}: access measures stored" in done.stdout
    assert rows_of(engine, schema.access_runs, snapshot_id) == 5
    # the refusal is the same main(argv) in this process (the run above proved the process)
    from store.cli import main

    capsys.readouterr()
    code = main(command[3:] + ["--snapshot", "999"])
    out, err = capsys.readouterr()
    assert code == 2 and err.strip() == "error: no snapshot with id 999" and out == ""
