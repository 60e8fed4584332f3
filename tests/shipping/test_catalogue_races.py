"""Two desks editing one carrier at once on a file-based SQLite database: the rules hold."""

from __future__ import annotations

from catalogue_races import (
    check_one_default_survives,
    check_one_open_handover,
    check_zone_price_kept,
    import_move_and_rate_removal,
    zone_move_and_rate_removal,
)


def test_two_desks_switching_the_default_service_leave_exactly_one(monkeypatch, db, db_url):
    check_one_default_survives(monkeypatch, db, db_url)


def test_a_zone_move_racing_the_zone_price_removal_is_refused(monkeypatch, db, db_url):
    check_zone_price_kept(monkeypatch, db, db_url, zone_move_and_rate_removal())


def test_an_import_racing_a_zone_price_removal_is_refused(monkeypatch, db, db_url):
    check_zone_price_kept(monkeypatch, db, db_url, import_move_and_rate_removal(db))


def test_two_desks_starting_a_handover_at_once_share_one(monkeypatch, db, db_url):
    check_one_open_handover(monkeypatch, db, db_url)
