"""The demo shop: believable, complete, and only ever poured into an empty database."""

from __future__ import annotations

import re
import shutil
import sqlite3
from collections import Counter
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app import demo, settings
from app.db.engine import Database
from app.db.models import Order, OutboxMessage, Product
from app.orders.status import Status
from app.packing.scan_codes import ean13_check_digit
from app.packing.service import packing_view, scan
from app.stock.check import check_stock
from app.stock.ledger import all_figures
from app.stock.reservation import LineState, stock_of_order
from app.verification.confirm import confirm_clean_orders
from main import main

PACKED_OR_LATER = {Status.PACKED, Status.LABELLED, Status.SHIPPED, Status.DELIVERED}
DEMO_SKUS = {row[0] for row in demo.CATALOGUE}


@pytest.fixture(scope="module")
def demo_template(migrated_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo shop, seeded once (a couple of seconds) and copied for each test that reads it."""
    path = tmp_path_factory.mktemp("demo") / "packdesk.sqlite3"
    shutil.copyfile(migrated_template, path)
    database = Database(f"sqlite:///{path}")
    demo.seed(database)
    database.dispose()
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    return path


@pytest.fixture
def shop_url(demo_template: Path, tmp_path: Path) -> str:
    target = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template, target)
    return f"sqlite:///{target}"


@pytest.fixture
def shop(shop_url: str):
    database = Database(shop_url)
    yield database
    database.dispose()


def test_demo_fills_every_state_with_valid_barcodes(db: Database) -> None:
    summary = demo.seed(db)

    with db.reading() as session:
        products = session.scalars(select(Product)).all()
        states = Counter(session.scalars(select(Order.status)))
        figures = all_figures(session)
        check = check_stock(session)
    assert summary.products == len(products) == 30
    assert 180 <= summary.orders <= 220
    assert set(states) == {s.value for s in Status}
    for product in products:
        assert len(product.barcode) == 13
        assert product.barcode[-1] == ean13_check_digit(product.barcode[:12])
    assert all(f.on_hand >= 0 and f.available >= 0 for f in figures.values())
    assert check.ok, check


def test_demo_refuses_a_database_that_holds_data_in_chinese(
    db: Database, db_url: str, capsys
) -> None:
    """The refusal was in English, which the clerks cannot read, and named no way out."""
    with db.transaction() as session:
        session.add(Product(sku="OWN-1", name="自己的商品"))

    assert main(["--db", db_url, "demo"]) == 3
    err = capsys.readouterr().err
    assert "已有订单或商品" in err and "空的数据库" in err
    assert "--db" in err and "--if-empty" in err
    assert not re.search("[A-Za-z]", re.sub(r"packdesk|--[a-z-]+", "", err)), err

    assert main(["--db", db_url, "demo", "--if-empty"]) == 0
    assert capsys.readouterr().err == ""
    with db.reading() as session:
        assert session.scalars(select(Product.sku)).all() == ["OWN-1"]


def _orders_in(db: Database, states: set[Status]) -> list[tuple[int, str, str]]:
    with db.reading() as session:
        rows = session.execute(
            select(Order.id, Order.order_no, Order.status)
            .where(Order.status.in_([s.value for s in states]))
            .order_by(Order.id)
        )
        return [tuple(row) for row in rows]


def _print_slip(url: str, order_no: str, out: Path) -> tuple[str, dict[str, list[str]]]:
    """`packdesk print packing-slip`: the slip's text and, per SKU, 订购 / 发货 / 缺货."""
    assert main(["--db", url, "print", "packing-slip", order_no, "--out", str(out)]) == 0
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    tokens = text.split()
    skus = [t for t in tokens if t in DEMO_SKUS]
    return text, {sku: tokens[tokens.index(sku) + 1 : tokens.index(sku) + 4] for sku in skus}


def test_demo_orders_packed_or_later_have_every_unit_scanned(shop: Database) -> None:
    """The demo's packed, labelled and shipped orders had no packing scans, so the desk showed
    them with nothing scanned and their slips showed everything short."""
    done = _orders_in(shop, PACKED_OR_LATER)
    assert {status for _, _, status in done} == {s.value for s in PACKED_OR_LATER}
    for order_id, order_no, _ in done:
        view = packing_view(shop, order_id)
        assert view.units_expected > 0
        assert view.units_scanned == view.units_expected, order_no

    for order_id, order_no, _ in _orders_in(shop, {Status.PACKING}):
        view = packing_view(shop, order_id)
        assert view.units_scanned < view.units_expected, order_no
        assert view.blocked_reason == ""


def test_demo_packing_scans_move_no_stock(shop: Database) -> None:
    """A packed demo order still holds its whole reservation and a shipped one shipped each
    unit once: the scans took nothing out of stock a second time."""
    with shop.reading() as session:
        for order_id, order_no, status in _orders_in(shop, PACKED_OR_LATER):
            stock = stock_of_order(session, session.get(Order, order_id))
            if status in {Status.PACKED, Status.LABELLED}:
                assert {ln.state for ln in stock.lines} == {LineState.RESERVED}, order_no
                assert all(ln.shipped == 0 for ln in stock.lines), order_no
            else:
                assert {ln.state for ln in stock.lines} == {LineState.SHIPPED}, order_no
                assert all(ln.reserved == 0 for ln in stock.lines), order_no
        assert check_stock(session).ok


def test_demo_shipped_order_slip_shows_everything_shipped(shop, shop_url, tmp_path) -> None:
    """`packdesk print packing-slip` for a shipped demo order printed 发货 0 on every line."""
    order_no = _orders_in(shop, {Status.SHIPPED})[0][1]

    text, rows = _print_slip(shop_url, order_no, tmp_path / "slip.pdf")

    assert rows
    for sku, (ordered, shipped, short) in rows.items():
        assert shipped == ordered and short == "0", (sku, ordered, shipped, short)
    assert "缺货商品到货后另行发出" not in text


def test_a_demo_order_being_packed_finishes_at_the_real_desk(shop, shop_url, tmp_path) -> None:
    """The demo's scans are the desk's own rows: scanning the last unit packs the order."""
    order_id, order_no, _ = _orders_in(shop, {Status.PACKING})[0]
    missing = next(ln for ln in packing_view(shop, order_id).lines if ln.scanned < ln.quantity)

    result = scan(shop, order_id, missing.barcode)

    assert result.accepted and result.completed
    assert result.view.status == Status.PACKED.value
    _, rows = _print_slip(shop_url, order_no, tmp_path / "slip.pdf")
    assert rows and all(short == "0" for _, _, short in rows.values())


def test_demo_messages_are_signed_with_the_demo_shops_name(shop: Database) -> None:
    """The demo set no shop name, so its customers' texts began with an empty 【】."""
    confirm_clean_orders(shop)
    with shop.reading() as session:
        bodies = session.scalars(
            select(OutboxMessage.body).where(OutboxMessage.channel == "sms")
        ).all()
        assert settings.get(session, "shop.name") == demo.DEMO_SHOP_NAME
    assert bodies
    assert all(body.startswith(f"【{demo.DEMO_SHOP_NAME}】") for body in bodies)
