"""The flow fixture as a pytest fixture; the data and its hand-worked figures are in
flow_fixture.py."""

from __future__ import annotations

import pytest
from flow_fixture import build_flow


@pytest.fixture
def flow_db(db):
    build_flow(db)
    return db
