"""Shared fixtures: every test gets its own SQLite file, migrated to the newest schema."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PACKDESK_USER", "tester")

from app.db.engine import Database  # noqa: E402

REALWORLD = Path(__file__).resolve().parents[2] / "shared" / "data" / "realworld"


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'packdesk.sqlite3'}"


@pytest.fixture
def db(db_url: str):
    database = Database(db_url)
    yield database
    database.dispose()


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
