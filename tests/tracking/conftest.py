"""Faster databases for the after-handover tests: migrate once, copy the file per test.

Each test still gets its own SQLite file at the newest schema (opening it runs the upgrade,
which finds nothing to do), but the dozens of migrations run once per session, not per test.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.db.engine import Database


@pytest.fixture(scope="session")
def _migrated_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("migrated") / "template.sqlite3"
    Database(f"sqlite:///{path}").dispose()
    return path


@pytest.fixture
def db_url(tmp_path: Path, _migrated_file: Path) -> str:
    target = tmp_path / "packdesk.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{_migrated_file}{suffix}")
        if source.exists():
            shutil.copyfile(source, f"{target}{suffix}")
    return f"sqlite:///{target}"
