"""`python -m geodata locate PLZ [ORT]` as a user runs it: a real subprocess for a locate and
for a build (each proves the command runs as a process, exit code included); the other cases
call the same `main(argv)` in this process (output and exit code as `python -m geodata` gives
them, without a Python start-up and the imports per case)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "geodata", *args],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def run_here(capsys, *args: str) -> subprocess.CompletedProcess:
    """The command's main(argv) in this process: its exit code, stdout and stderr, as
    `python -m geodata` (sys.exit(main())) would give them."""
    from geodata.cli import main

    capsys.readouterr()
    try:
        code = main(list(args))
    except SystemExit as exit_:  # argparse
        code = exit_.code
    out, err = capsys.readouterr()
    return subprocess.CompletedProcess(["python", "-m", "geodata", *args], code or 0, out, err)


def test_locate_prints_one_json_object_and_exits_zero():
    done = run("locate", "27568", "Bremerhaven")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["plz"] == "27568" and result["city"] == "Bremerhaven"
    assert result["kreis_ars"] == "04012" and result["land_code"] == "04"
    assert result["quality"] == "gemeinde"
    assert done.stdout.count("\n") == 1


def test_a_city_of_several_words_needs_no_quotes(capsys):
    done = run_here(capsys, "locate", "60311", "Frankfurt", "am", "Main")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["gemeinde_ags"] == "06412000"


def test_dresden_keeps_its_leading_zero_on_the_command_line(capsys):
    done = run_here(capsys, "locate", "01067")
    assert json.loads(done.stdout)["plz"] == "01067"


@pytest.mark.parametrize(
    ("plz", "message"),
    [
        ("1067", "malformed PLZ '1067'"),
        ("ABCDE", "malformed PLZ 'ABCDE'"),
        ("", "PLZ is empty"),
        ("00000", "does not exist"),
        ("99999", "not in the PLZ table"),
    ],
)
def test_a_bad_plz_exits_non_zero_with_one_line_on_stderr(capsys, plz, message):
    done = run_here(capsys, "locate", plz)
    assert done.returncode != 0
    assert done.stdout == ""
    assert message in done.stderr
    assert done.stderr.count("\n") == 1


def test_build_writes_the_four_files_and_prints_their_sizes(tmp_path):
    done = run("build", "--out", str(tmp_path))
    assert done.returncode == 0, done.stderr
    written = sorted(path.name for path in tmp_path.iterdir())
    assert written == ["gemeinden.csv", "gemeinden.geojson", "kreise.geojson", "laender.geojson"]
    assert "kreise:" in done.stdout and "tolerance 1000 m" in done.stdout
