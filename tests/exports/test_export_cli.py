"""`python -m dashboard export`: files written, one-line errors.

`run_cli` runs the command as its own process (`python -m dashboard`): the issue's command
(a PNG through Chromium) proves it runs as a process. The other cases are about the
command's behaviour (exit code, stdout, stderr, files written or not) and call the same
click command in this process (`here`: the project as working directory, its SystemExit read
as the exit code), without a Python start-up and the imports per case."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str, db_url: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-m", "dashboard", "export", "--db", db_url, *args],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=300,
    )


def run_cli_here(capsys, *args: str, db_url: str) -> subprocess.CompletedProcess[str]:
    """The command in this process, as `run_cli` runs it in another: the project as working
    directory; stdout and stderr as written. An exception the command does not turn into an
    exit code fails the test."""
    from dashboard.__main__ import cli

    argv = ["export", "--db", db_url, *args]
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        capsys.readouterr()
        try:
            cli.main(args=argv, prog_name="python -m dashboard")
            code = 0
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
        out, err = capsys.readouterr()
    return subprocess.CompletedProcess(["python", "-m", "dashboard", *argv], code, out, err)


@pytest.fixture
def here(capsys):
    """here(*args, db_url=…): `run_cli_here` with this test's captured output."""
    return lambda *args, db_url: run_cli_here(capsys, *args, db_url=db_url)


@pytest.fixture(scope="module")
def db_url(demo_engine) -> str:
    return str(demo_engine.url)


def test_the_issue_command_writes_the_kreis_map_png(db_url, tmp_path, png_size):
    out = tmp_path / "karte.png"
    result = run_cli(
        "--page", "karte", "--level", "kreis", "--category", "ala", "--metric", "per100k",
        "--format", "png", "--out", str(out), db_url=db_url,
    )
    assert result.returncode == 0, result.stderr
    assert png_size(out.read_bytes()) == (2000, 2500)
    assert str(out) in result.stdout


def test_a_folder_as_out_gets_the_descriptive_name(here, db_url, tmp_path, read_export_csv):
    result = here("--page", "anbieter", "--format", "csv-de", "--out", str(tmp_path),
                     db_url=db_url)
    assert result.returncode == 0, result.stderr
    written = tmp_path / "ala_anbieter_2022-12-01_excel-de.csv"
    table = read_export_csv(written.read_bytes(), sep=";", decimal=",", dtype={"PLZ": str})
    assert len(table) == 88
    assert table["PLZ"].str.fullmatch(r"\d{5}").all()


def test_rows_and_columns_choose_the_tables_rows_and_columns_in_order(
    here, db_url, tmp_path, read_export_csv
):
    out = tmp_path / "auswahl.csv"
    result = here("--page", "tabelle", "--format", "csv", "--rows", "16, 02,09",
                     "--columns", "code,name", "--out", str(out), db_url=db_url)
    assert result.returncode == 0, result.stderr
    table = read_export_csv(out.read_bytes())
    assert list(table.columns) == ["Schlüssel (ARS)", "Region"]
    assert table["Region"].tolist() == ["Thüringen", "Hamburg", "Bayern", "Deutschland insgesamt"]
    assert table["Schlüssel (ARS)"].tolist()[:3] == ["16", "02", "09"]


@pytest.mark.parametrize(
    "args, message",
    [
        (["--page", "karte", "--format", "png", "--level", "gemeinde"], "Ebene 'gemeinde'"),
        (["--page", "karte", "--format", "bmp"], "Format 'bmp' unbekannt"),
        (["--page", "anbieter", "--format", "svg"], "gibt es für anbieter nicht"),
        (["--page", "karte", "--format", "csv", "--snapshot", "999"], "Datenstand 999"),
        (["--page", "karte", "--format", "csv", "--metric", "ala_share", "--category", "ib"],
         "nur für die Art"),
        (["--page", "tabelle", "--format", "csv", "--rows", "09,99"],
         "Zeilen '99' gibt es in dieser Tabelle nicht"),
        (["--page", "tabelle", "--format", "xlsx", "--columns", "name,preis"],
         "Spalten 'preis' gibt es in dieser Tabelle nicht"),
        (["--page", "karte", "--format", "png", "--rows", "09"], "nur für die Tabellen"),
    ],
)
def test_bad_choices_exit_non_zero_with_one_line(here, db_url, tmp_path, args, message):
    result = here(*args, "--out", str(tmp_path / "x"), db_url=db_url)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0]
    assert not (tmp_path / "x").exists()


def test_an_empty_store_is_a_one_line_error(here, tmp_path):
    result = here("--page", "karte", "--format", "csv", "--out", str(tmp_path),
                     db_url=f"sqlite:///{tmp_path / 'empty.sqlite'}")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "Error: Es gibt noch keinen Datenstand zum Exportieren (make run legt die "
        "Beispieldaten an, python -m scrapers scrape echte)."
    ]
    assert list(tmp_path.glob("*.csv")) == []
