"""Two desks editing one carrier at once on PostgreSQL: the row lock keeps the rules."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "shipping"))
from catalogue_races import (  # noqa: E402 - the SQLite race tests' own helpers
    check_one_default_survives,
    check_one_open_handover,
    check_zone_price_kept,
    import_move_and_rate_removal,
    zone_move_and_rate_removal,
)


def test_pg_two_desks_switching_the_default_service_leave_exactly_one(monkeypatch, pg_db, pg_url):
    check_one_default_survives(monkeypatch, pg_db, pg_url)


def test_pg_a_zone_move_racing_the_zone_price_removal_is_refused(monkeypatch, pg_db, pg_url):
    check_zone_price_kept(monkeypatch, pg_db, pg_url, zone_move_and_rate_removal())


def test_pg_an_import_racing_a_zone_price_removal_is_refused(monkeypatch, pg_db, pg_url):
    check_zone_price_kept(monkeypatch, pg_db, pg_url, import_move_and_rate_removal(pg_db))


def test_pg_two_desks_starting_a_handover_at_once_share_one(monkeypatch, pg_db, pg_url):
    check_one_open_handover(monkeypatch, pg_db, pg_url)
