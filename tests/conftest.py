"""Shared fixtures: every test gets its own SQLite file, migrated to the newest schema."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PACKDESK_USER", "tester")

from app.db.engine import Database  # noqa: E402

REALWORLD = Path(__file__).resolve().parents[2] / "shared" / "data" / "realworld"


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One database migrated to the newest schema, copied for each test.

    Running every migration takes about a second; copying the file takes a millisecond, and
    opening the copy still runs the (then empty) upgrade, as the application does.
    """
    path = tmp_path_factory.mktemp("template") / "packdesk.sqlite3"
    Database(f"sqlite:///{path}").dispose()
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    return path


@pytest.fixture
def db_url(tmp_path: Path, migrated_template: Path) -> str:
    target = tmp_path / "packdesk.sqlite3"
    shutil.copyfile(migrated_template, target)
    return f"sqlite:///{target}"


@pytest.fixture
def db(db_url: str):
    database = Database(db_url)
    yield database
    database.dispose()


# The invented shop every printing test ships from. The application has no default sender (a
# label must never carry a made-up return address), so a test that prints asks for this one.
TEST_SENDER = {
    "sender.name": "青禾小铺",
    "sender.phone": "0571-88886666",
    "sender.province": "浙江省",
    "sender.city": "杭州市",
    "sender.district": "余杭区",
    "sender.address": "仓前街道文一西路1008号3号仓",
}


@pytest.fixture
def sender(db) -> dict[str, str]:
    """The invented sender stored in the test's database, for tests that print waybills."""
    from app import settings

    with db.transaction() as session:
        for key, value in TEST_SENDER.items():
            settings.put(session, key, value)
    return TEST_SENDER


@pytest.fixture
def realworld() -> Path:
    """The folder of real sample files next to the project; the test skips when it is absent."""
    if not REALWORLD.is_dir():
        pytest.skip("../shared/data/realworld is not present")
    return REALWORLD


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep logs and the default database out of the real user data folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.delenv("PACKDESK_DB", raising=False)


@pytest.fixture(autouse=True)
def _no_background_job_outlives_its_test():
    """A window's job still running after its test would write into the next test's world."""
    yield
    from ui.worker import wait_for_jobs

    assert wait_for_jobs(30_000), "a background job was still running 30 s after the test"
