"""A throw-away PostgreSQL cluster for the test session (a pytest plugin, see conftest.py).

`postgres_cluster` starts Debian's PostgreSQL (binaries under /usr/lib/postgresql/*/bin,
installed by `make test`) in a temporary directory on a free loopback port, as an
unprivileged user when the tests run as root (initdb refuses root; CI runs as root), and
stops and removes it at the end. ATLAS_TEST_POSTGRES_URL names an existing server instead.
`pg_database(name, template=None)` creates a fresh database there and returns its URL.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

USER = "atlas"


@dataclass
class Cluster:
    host: str
    port: int
    user: str

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{self.user}@{self.host}:{self.port}/{database}"

    def execute(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(host=self.host, port=self.port, user=self.user,
                             dbname="postgres", autocommit=True) as conn:
            conn.execute(sql)

    def create_database(self, template: str | None = None) -> str:
        name = "t_" + uuid.uuid4().hex[:12]
        clause = f" TEMPLATE {template}" if template else ""
        self.execute(f"CREATE DATABASE {name}{clause}")
        return name


def _binaries() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parts[4]) if Path(p).parts[4].isdigit() else 0)
    if not found:
        pytest.fail("PostgreSQL is not installed: run `make test` (it installs Debian's "
                    "postgresql) or `apt-get install postgresql`", pytrace=False)
    return Path(found[-1]).parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_user() -> dict[str, object]:
    """subprocess arguments that drop root to `nobody` (initdb and postgres refuse root)."""
    if os.geteuid() != 0:
        return {}
    nobody = pwd.getpwnam("nobody")
    return {"user": nobody.pw_uid, "group": nobody.pw_gid, "extra_groups": []}


def _own(path: Path) -> None:
    if os.geteuid() == 0:
        nobody = pwd.getpwnam("nobody")
        os.chown(path, nobody.pw_uid, nobody.pw_gid)


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[Cluster]:
    given = os.environ.get("ATLAS_TEST_POSTGRES_URL")
    if given:
        from sqlalchemy import make_url

        url = make_url(given)
        yield Cluster(url.host or "127.0.0.1", url.port or 5432, url.username or USER)
        return
    bin_dir = _binaries()
    root = Path(tempfile.mkdtemp(prefix="atlas-pg-"))
    os.chmod(root, 0o755)
    _own(root)
    data = root / "data"
    port = _free_port()
    drop = _as_user()
    env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    subprocess.run([str(bin_dir / "initdb"), "-D", str(data), "-U", USER, "--auth=trust",
                    "-E", "UTF8", "--no-sync"], check=True, capture_output=True, env=env,
                   cwd=root, **drop)
    options = (f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off "
               "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
    subprocess.run([str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l",
                    str(root / "server.log"), "-w", "-t", "120", "start"],
                   check=True, capture_output=True, env=env, cwd=root, **drop)
    try:
        yield Cluster("127.0.0.1", port, USER)
    finally:
        subprocess.run([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w",
                        "stop"], capture_output=True, env=env, cwd=root, **drop)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_database(postgres_cluster) -> Callable[..., str]:
    """pg_database(template=None) -> the URL of a new, empty (or copied) database."""

    def create(template: str | None = None) -> str:
        return postgres_cluster.url(postgres_cluster.create_database(template))

    return create
