"""The demo shop: believable, complete, and only ever poured into an empty database."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import select

from app import demo
from app.db.engine import Database
from app.db.models import Order, Product
from app.orders.status import Status
from app.packing.scan_codes import ean13_check_digit
from app.stock.check import check_stock
from app.stock.ledger import all_figures
from main import main


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


def test_demo_refuses_a_database_that_holds_data(db: Database, db_url: str, capsys) -> None:
    with db.transaction() as session:
        session.add(Product(sku="OWN-1", name="自己的商品"))
    assert main(["--db", db_url, "demo"]) == 3
    assert "empty" in capsys.readouterr().err
    assert main(["--db", db_url, "demo", "--if-empty"]) == 0
    with db.reading() as session:
        assert session.scalars(select(Product.sku)).all() == ["OWN-1"]
