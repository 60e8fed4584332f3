"""Several desks sharing one PostgreSQL server: the same application, only the URL differs."""

from __future__ import annotations

import json
import sys
import threading
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, select

from app import demo
from app.db.base import Base
from app.db.engine import Database
from app.db.migrate import alembic_config
from app.db.models import Order, OrderLine, Product
from app.intake.service import import_files
from app.orders.status import Status
from app.stock import ledger, reservation
from app.stock.check import check_stock
from app.stock.ledger import figures, level, post_move
from app.stock.listing import list_stock
from app.stock.reservation import LineState, reserve_order
from main import main

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "intake"))
from intake_samples import standard_pair  # noqa: E402 - the intake tests' own file builders

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "shipping"))
from catalogue_races import run_desks  # noqa: E402 - the race tests' desk runner


def _two_desks(url: str, work) -> dict[int, object]:
    """Run `work(i, database)` in two threads, each desk with its own `Database` on `url`."""
    return dict(enumerate(run_desks(url, (lambda d: work(0, d), lambda d: work(1, d)))))


def _product(db: Database, sku: str, on_hand: int = 0) -> int:
    with db.transaction() as session:
        product = Product(sku=sku, name=f"测试商品{sku}", price=Decimal("10.00"))
        session.add(product)
        session.flush()
        if on_hand:
            post_move(
                session,
                product_id=product.id,
                kind="receipt",
                on_hand_delta=on_hand,
                reason="期初",
            )
        return product.id


def _order(db: Database, order_no: str, sku: str, product_id: int) -> int:
    with db.transaction() as session:
        order = Order(
            platform="taobao",
            order_no=order_no,
            status=Status.VERIFIED.value,
            recipient="王小明",
            phone="13800000000",
            paid=True,
        )
        order.lines.append(
            OrderLine(line_no=1, sku=sku, quantity=1, product_id=product_id, unit_price=1)
        )
        session.add(order)
        session.flush()
        return order.id


def test_opening_an_empty_database_runs_every_migration(pg_empty_url):
    db = Database(pg_empty_url)
    with db.engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        stored = {
            row[0] for row in connection.exec_driver_sql("SELECT version_num FROM alembic_version")
        }
    heads = set(ScriptDirectory.from_config(alembic_config(db.engine)).get_heads())
    db.dispose()

    assert set(Base.metadata.tables) <= tables
    assert stored == heads


def test_migrations_match_the_models_on_postgres(pg_db):
    with pg_db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_opening_again_keeps_rows(pg_url):
    first = Database(pg_url)
    _product(first, "KEEP-1", on_hand=3)
    first.dispose()

    second = Database(pg_url)
    with second.reading() as session:
        product = session.scalars(select(Product)).one()
        assert (product.sku, level(session, product.id).on_hand) == ("KEEP-1", 3)
    second.dispose()


def test_money_is_exact_and_times_come_back_aware_utc(pg_db):
    shanghai = ZoneInfo("Asia/Shanghai")
    paid_at = datetime(2026, 11, 11, 0, 0, 1, tzinfo=shanghai)
    amounts = [Decimal("0.01"), Decimal("19.99"), Decimal("123456789.10")]
    with pg_db.transaction() as session:
        for n, amount in enumerate(amounts):
            session.add(
                Order(platform="taobao", order_no=f"M{n}", paid_total=amount, paid_at=paid_at)
            )

    with pg_db.reading() as session:
        rows = session.execute(select(Order.paid_total, Order.paid_at).order_by(Order.order_no))
        stored = list(rows)
    assert [total for total, _ in stored] == amounts
    assert all(isinstance(total, Decimal) for total, _ in stored)
    assert {at for _, at in stored} == {datetime(2026, 11, 10, 16, 0, 1, tzinfo=UTC)}
    assert all(at.tzinfo is UTC for _, at in stored)


def test_demo_shop_stores_and_stock_agrees_with_ledger(pg_db):
    summary = demo.seed(pg_db)

    with pg_db.reading() as session:
        states = set(session.scalars(select(Order.status)))
        report = check_stock(session)
    assert summary.products == 30
    assert states == {s.value for s in Status}
    assert report.ok, report


def test_taobao_pair_stores_the_same_orders_as_on_sqlite(pg_db, db, tmp_path):
    paths = standard_pair(tmp_path)

    stored = {}
    for name, database in (("postgresql", pg_db), ("sqlite", db)):
        report = import_files(database, paths)
        assert report.stored == 2 and report.refused == []
        with database.reading() as session:
            rows = session.execute(
                select(Order.order_no, OrderLine.sku, OrderLine.unit_price, Order.paid_total)
                .join(OrderLine)
                .order_by(Order.order_no, OrderLine.line_no)
            )
            stored[name] = list(rows)

    assert stored["postgresql"] == stored["sqlite"]
    assert {row[0] for row in stored["postgresql"]} == {
        "1914310000010100016",
        "2023112200000000001",
    }
    assert stored["postgresql"][0][3] == Decimal("128.00")


def test_two_desks_reserving_the_last_unit_exactly_one_wins(pg_db, pg_url, monkeypatch):
    """Both desks read "1 available" before either writes; only one may get it."""
    pid = _product(pg_db, "LAST", on_hand=1)
    orders = [_order(pg_db, f"R{i}", "LAST", pid) for i in range(2)]
    both_have_read = threading.Barrier(2, timeout=10)
    real_current = reservation._current
    first_read = threading.local()

    def current_then_wait(session, product_id):
        seen = real_current(session, product_id)
        if not getattr(first_read, "done", False):
            first_read.done = True
            both_have_read.wait()
        return seen

    monkeypatch.setattr(reservation, "_current", current_then_wait)

    def desk(i: int, database: Database):
        with database.transaction() as session:
            return reserve_order(session, session.get(Order, orders[i]), f"desk{i}")

    outcomes = _two_desks(pg_url, desk)

    states = sorted(outcomes[i].lines[0].state for i in range(2))
    assert states == [LineState.BACKORDERED, LineState.RESERVED]
    with pg_db.reading() as session:
        totals = figures(session, pid)
        assert (totals.on_hand, totals.reserved) == (1, 1)
        assert check_stock(session).ok


def test_two_desks_moving_a_brand_new_product_at_once_both_count(pg_db, pg_url, monkeypatch):
    """The first movement of a product creates its running-total row; with two desks doing
    that at the same moment, one failed on the row the other had just inserted."""
    pid = _product(pg_db, "NEW")
    both_found_no_row = threading.Barrier(2, timeout=10)
    real_figures = ledger.figures

    def figures_then_wait(session, product_id):
        both_found_no_row.wait()
        return real_figures(session, product_id)

    monkeypatch.setattr(ledger, "figures", figures_then_wait)

    def desk(i: int, database: Database):
        with database.transaction() as session:
            post_move(session, product_id=pid, kind="receipt", on_hand_delta=2 + i, reason="到货")
            return "stored"

    outcomes = _two_desks(pg_url, desk)

    assert list(outcomes.values()) == ["stored", "stored"]
    with pg_db.reading() as session:
        assert level(session, pid).on_hand == 5
        assert check_stock(session).ok


def test_cli_lists_orders_as_json(pg_db, pg_url, capsys):
    pid = _product(pg_db, "CLI-1", on_hand=1)
    _order(pg_db, "CLI-ORDER-1", "CLI-1", pid)

    assert main(["--db", pg_url, "orders", "--json"]) == 0

    listed = json.loads(capsys.readouterr().out)
    assert [row["order_no"] for row in listed] == ["CLI-ORDER-1"]


def test_stock_filter_ignores_letter_case_as_on_sqlite(pg_db):
    """PostgreSQL's LIKE is case-sensitive; the stock list's filter found "TEA-1" only on
    SQLite when the clerk typed "tea"."""
    _product(pg_db, "TEA-1", on_hand=5)
    _product(pg_db, "CUP-1", on_hand=40)

    with pg_db.reading() as session:
        assert [row.sku for row in list_stock(session, "tea")] == ["TEA-1"]
        assert [row.sku for row in list_stock(session, "cup-")] == ["CUP-1"]
