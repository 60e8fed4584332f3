"""A throwaway PostgreSQL server for the whole session, and a fresh database for every test.

Several desks share one PostgreSQL server in a real shop, so these tests run the application
against a real one: the Debian `postgresql` package's `initdb`/`pg_ctl` start a private
cluster in a temporary folder (trust login, loopback only, a free port), which is stopped and
deleted at the end. Missing binaries FAIL the tests rather than skip them, because a skip
would hide that PostgreSQL was never tried; `PACKDESK_NO_POSTGRES=1` skips on purpose.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from glob import glob
from pathlib import Path

import psycopg
import pytest

from app.db.engine import Database

SUPERUSER = "packdesk"
TEMPLATE = "packdesk_migrated"
START_TIMEOUT_S = 20.0


def _newest_bin_dir() -> Path | None:
    """The bin folder of the newest installed server version, e.g. /usr/lib/postgresql/15."""
    found = [Path(p) for p in glob("/usr/lib/postgresql/*/bin") if Path(p, "initdb").exists()]
    if not found:
        return None
    return max(found, key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _run(command: list[str], folder: Path) -> None:
    """Run a server tool; as root through the `postgres` account, since initdb refuses root."""
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    done = subprocess.run(command, cwd=folder, capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")


def _wait_until_accepting(dsn: str, log_file: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while True:
        try:
            psycopg.connect(dsn, connect_timeout=2).close()
            return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                log = log_file.read_text() if log_file.exists() else "(no server log)"
                pytest.fail(f"PostgreSQL did not accept connections in 20 s:\n{log}")
            time.sleep(0.05)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """URL of the maintenance database `postgres` on a private, running server."""
    if os.environ.get("PACKDESK_NO_POSTGRES") == "1":
        pytest.skip("PACKDESK_NO_POSTGRES=1: PostgreSQL tests switched off on purpose")
    bin_dir = _newest_bin_dir()
    if bin_dir is None:
        pytest.fail(
            "PostgreSQL server binaries (initdb, pg_ctl) not found under "
            "/usr/lib/postgresql/*/bin; `bash scripts/setup-system.sh` installs them "
            "(Debian package postgresql), or set PACKDESK_NO_POSTGRES=1 to skip these tests"
        )

    as_root = os.geteuid() == 0
    # As root, the folder must be one the `postgres` account can reach, whatever TMPDIR says.
    folder = Path(tempfile.mkdtemp(prefix="packdesk-pg-", dir="/tmp" if as_root else None))
    if as_root:
        shutil.chown(folder, "postgres", "postgres")
    data, log_file, port = folder / "data", folder / "server.log", _free_port()
    _run(
        [str(bin_dir / "initdb"), "-D", str(data), "-U", SUPERUSER, "-A", "trust", "-E", "UTF8"]
        + ["--locale=C.UTF-8", "--no-sync"],
        folder,
    )
    # fsync and friends are off: the cluster is thrown away, and tests stay quick.
    options = (
        f"-c listen_addresses=127.0.0.1 -p {port} -k {folder} "
        "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    )
    pg_ctl = str(bin_dir / "pg_ctl")
    _run([pg_ctl, "-D", str(data), "-l", str(log_file), "-o", options, "-w", "start"], folder)
    try:
        _wait_until_accepting(
            f"host=127.0.0.1 port={port} user={SUPERUSER} dbname=postgres", log_file
        )
        yield f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{port}/postgres"
    finally:
        _run([pg_ctl, "-D", str(data), "-m", "fast", "-w", "stop"], folder)
        shutil.rmtree(folder, ignore_errors=True)


def _admin(postgres_url: str, sql: str) -> None:
    """Run CREATE/DROP DATABASE, which cannot run inside a transaction."""
    dsn = postgres_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn, autocommit=True) as connection:
        connection.execute(sql)


def _url_of(postgres_url: str, name: str) -> str:
    return postgres_url.rsplit("/", 1)[0] + f"/{name}"


@pytest.fixture(scope="session")
def pg_template(postgres_url: str) -> str:
    """One database migrated to the newest schema; each test gets a copy (CREATE ... TEMPLATE)."""
    _admin(postgres_url, f"CREATE DATABASE {TEMPLATE}")
    Database(_url_of(postgres_url, TEMPLATE)).dispose()
    return TEMPLATE


def _fresh_database(postgres_url: str, template: str) -> Iterator[str]:
    name = f"t_{uuid.uuid4().hex[:16]}"
    _admin(postgres_url, f"CREATE DATABASE {name} TEMPLATE {template}")
    yield _url_of(postgres_url, name)
    _admin(postgres_url, f"DROP DATABASE {name} WITH (FORCE)")


@pytest.fixture
def pg_empty_url(postgres_url: str) -> Iterator[str]:
    """A new, empty database of this test's own: no tables, not even Alembic's."""
    yield from _fresh_database(postgres_url, "template0")


@pytest.fixture
def pg_url(postgres_url: str, pg_template: str) -> Iterator[str]:
    """A new database of this test's own, already at the newest schema."""
    yield from _fresh_database(postgres_url, pg_template)


@pytest.fixture
def pg_db(pg_url: str) -> Iterator[Database]:
    database = Database(pg_url)
    yield database
    database.dispose()
