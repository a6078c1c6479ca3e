"""Where the test suite's time goes: wall time, and CPU per kind of process.

`time make test` counts only the CPU of processes that pytest itself waits for: Chromium's
renderers (reaped by Chromium's zygote, which chromedriver kills) and PostgreSQL (started
detached by pg_ctl) are missing, so `user + sys` understated the suite's CPU about 2.6x on
tests/dashboard/test_dashboard_browser.py. This script runs pytest in a session of its own and
reads /proc every `--every` seconds: every process in that session or below pytest (and every
PostgreSQL process started during the run), its CPU (user + system) at the last sample before
it ended. Run it on a quiet machine: another PostgreSQL started meanwhile would be counted.
Processes that start and end between two samples are missed, so the CPU figures are a floor.

    .venv/bin/python bench/test_suite.py [--every 0.5] [-- PYTEST ARGS]

Without pytest arguments it runs what `make test` runs (`-n auto --dist worksteal`, all
tests). It prints wall time, CPU by kind (pytest workers, Chromium for the browser tests,
Chromium for image exports, app.py servers, PostgreSQL, other), the machine's cores, and
the share of the cores the suite kept busy: near 100 % means only less work makes it
faster; well under, more workers or less waiting would.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TICKS = os.sysconf("SC_CLK_TCK")
DEFAULT_PYTEST = ["-n", "auto", "--dist", "worksteal", "-q", "-p", "no:cacheprovider"]


@dataclass
class Proc:
    ppid: int
    session: int
    name: str
    cpu_s: float
    started: float  # seconds since boot


def read_proc(pid: int) -> Proc | None:
    """One process's parent, session, name and CPU seconds, or None if it is gone."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    name = raw[raw.index("(") + 1 : raw.rindex(")")]
    fields = raw[raw.rindex(")") + 2 :].split()
    user, system = int(fields[11]), int(fields[12])
    return Proc(int(fields[1]), int(fields[3]), name, (user + system) / TICKS,
                int(fields[19]) / TICKS)


def snapshot() -> dict[int, Proc]:
    found = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            proc = read_proc(int(entry.name))
            if proc is not None:
                found[int(entry.name)] = proc
    return found


def belongs(pid: int, procs: dict[int, Proc], root: int, since: float) -> bool:
    """In the root's session, or below the root by parents; or a PostgreSQL process started
    since the run began (pg_ctl detaches the server, so it has neither)."""
    if procs[pid].name.startswith("postgres") and procs[pid].started >= since:
        return True
    seen = 0
    while pid in procs and seen < 64:
        if pid == root or procs[pid].session == root:
            return True
        pid, seen = procs[pid].ppid, seen + 1
    return False


def kind_of(pid: int, procs: dict[int, Proc]) -> str:
    """A readable kind: which part of the suite this process is."""
    name = procs[pid].name
    if name.startswith("postgres") or name == "pg_ctl":
        return "PostgreSQL"
    if name in ("chromedriver",):
        return "Chromium (browser tests)"
    if "chrom" in name:
        return "Chromium (browser tests)" if _below(pid, procs, "chromedriver") else (
            "Chromium (image exports)")
    if name.startswith("python") or name.startswith("pytest"):
        return "app.py / gunicorn servers" if _is_server(pid) else "pytest workers"
    if name.startswith("gunicorn"):
        return "app.py / gunicorn servers"
    return "other"


def _below(pid: int, procs: dict[int, Proc], name: str) -> bool:
    seen = 0
    while pid in procs and seen < 64:
        if procs[pid].name == name:
            return True
        pid, seen = procs[pid].ppid, seen + 1
    return False


def _is_server(pid: int) -> bool:
    try:
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    return any(part.endswith(b"app.py") or b"gunicorn" in part for part in argv)


def run(pytest_args: list[str], every: float) -> None:
    command = [sys.executable, "-m", "pytest", *pytest_args]
    print("running:", " ".join(command), flush=True)
    start = time.monotonic()
    since = float(Path("/proc/uptime").read_text().split()[0])
    child = subprocess.Popen(command, cwd=REPO, start_new_session=True)
    cpu: dict[int, float] = {}
    kinds: dict[int, str] = {}
    while child.poll() is None:
        procs = snapshot()
        for pid, proc in procs.items():
            if pid in cpu or belongs(pid, procs, child.pid, since):
                cpu[pid] = max(cpu.get(pid, 0.0), proc.cpu_s)
                kinds.setdefault(pid, kind_of(pid, procs))
        time.sleep(every)
    wall = time.monotonic() - start
    by_kind: dict[str, float] = defaultdict(float)
    for pid, seconds in cpu.items():
        by_kind[kinds[pid]] += seconds
    total = sum(by_kind.values())
    cores = len(os.sched_getaffinity(0))
    print(f"\npytest exit code {child.returncode}; cold: the suite's own fixtures build "
          f"its stores and servers; sampled every {every} s (CPU is a floor)")
    print(f"wall time           {wall:8.1f} s")
    print(f"CPU, all processes  {total:8.1f} s   ({len(cpu)} processes)")
    for kind, seconds in sorted(by_kind.items(), key=lambda item: -item[1]):
        print(f"  {kind:28s} {seconds:8.1f} s  {100 * seconds / total:5.1f} %")
    print(f"cores {cores}: busy {100 * total / (wall * cores):5.1f} % of the cores' time; "
          f"at 100 % this CPU takes {total / cores:6.1f} s of wall time")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=float, default=0.5, help="seconds between samples")
    parser.add_argument("pytest_args", nargs="*", help="after --: arguments for pytest")
    args = parser.parse_args()
    run(args.pytest_args or DEFAULT_PYTEST, args.every)


if __name__ == "__main__":
    main()
