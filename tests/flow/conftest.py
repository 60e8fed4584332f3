"""The flow fixture as a pytest fixture; the data and its hand-worked figures are in
flow_fixture.py.

The fixture database is built and migrated once per run and copied for each test, because
migrating a fresh database costs more than a second and every flow test starts from it.
"""

from __future__ import annotations

import shutil

import pytest
from flow_fixture import build_flow

from app.db.engine import Database


@pytest.fixture(scope="session")
def flow_template(tmp_path_factory):
    path = tmp_path_factory.mktemp("flow") / "template.sqlite3"
    database = Database(f"sqlite:///{path}")
    build_flow(database)
    database.dispose()
    return path


@pytest.fixture
def flow_db(flow_template, tmp_path):
    target = tmp_path / "flow.sqlite3"
    shutil.copyfile(flow_template, target)
    database = Database(f"sqlite:///{target}", migrate=False)
    yield database
    database.dispose()
