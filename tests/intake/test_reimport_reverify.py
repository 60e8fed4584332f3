"""A newer export that changes a checked field sends a verified order back to verification."""

from __future__ import annotations

from decimal import Decimal

import pytest
from intake_samples import taobao_item, taobao_order, taobao_pair
from sqlalchemy import select

from app.db.models import Order, Product
from app.intake.service import import_files
from app.intake.store import RECHECK_NOTE
from app.orders.status import Status, move
from app.stock.ledger import figures, post_move
from app.verification.confirm import confirm_order
from app.verification.service import verify_orders

NO = "1914310000010100016"
# Totals that pass the price rules: two cups at 39.00 plus 10.00 postage.
CLEAN = {"买家应付货款": "78.00", "总金额": "88.00", "买家实际支付金额": "88.00"}
ONE_CUP = {"买家应付货款": "39.00", "总金额": "49.00", "买家实际支付金额": "49.00"}


@pytest.fixture
def shop(db):
    with db.transaction() as session:
        for sku in ("CUP-QING", "CUP-BAI"):
            product = Product(
                sku=sku, name="手工陶瓷杯", spec="颜色分类:青色", price=Decimal("39")
            )
            session.add(product)
            session.flush()
            post_move(session, product_id=product.id, kind="receipt", on_hand_delta=10)
    return db


def _import(db, tmp_path, prefix, skus=("CUP-QING",), qty="2", **over):
    order = taobao_order(NO, **{**CLEAN, **over})
    items = [taobao_item(NO, sku, qty=qty) for sku in skus]
    return import_files(db, taobao_pair(tmp_path, [order], items, prefix=prefix))


def _verify_and_confirm(db) -> None:
    report = verify_orders(db)
    assert (report.verified, report.held) == (1, 0), report.outcomes
    with db.transaction() as session:
        confirm_order(session, session.scalars(select(Order)).one(), "tester")


def _state(db) -> tuple[str, int, list]:
    """The order's status, the cups reserved, and its last event (from, to, note)."""
    with db.reading() as session:
        order = session.scalars(select(Order)).one()
        cup = session.scalars(select(Product.id).where(Product.sku == "CUP-QING")).one()
        last = order.events[-1]
        return (
            order.status,
            figures(session, cup).reserved,
            [last.from_status, last.to_status, last.note],
        )


def test_changed_phone_sends_a_confirmed_order_back_and_releases_its_stock(shop, tmp_path):
    _import(shop, tmp_path, "a")
    _verify_and_confirm(shop)
    assert _state(shop)[:2] == ("confirmed", 2)

    report = _import(shop, tmp_path, "b", 联系手机="'13900000002")

    assert report.updated == 1
    assert report.rows[0].reason == "平台更新了电话，已退回重新审核"
    status, reserved, last = _state(shop)
    assert (status, reserved) == ("new", 0)
    assert last == ["confirmed", "new", RECHECK_NOTE]
    with shop.reading() as session:
        order = session.scalars(select(Order)).one()
        assert (order.phone, order.findings) == ("13900000002", [])


def test_changed_phone_sends_a_verified_order_back_to_new(shop, tmp_path):
    _import(shop, tmp_path, "a")
    verify_orders(shop)

    _import(shop, tmp_path, "b", 联系手机="'13900000002")

    assert _state(shop)[0] == "new"
    assert _state(shop)[2] == ["verified", "new", "平台导出更新：需重新审核"]
    assert verify_orders(shop).verified == 1


def test_unchanged_reimport_keeps_a_verified_landline_order_verified(shop, tmp_path):
    """Verification rewrote 0571-88888888 as 057188888888; the same export is no change."""
    _import(shop, tmp_path, "a", 联系手机="", 联系电话="0571-88888888")
    verify_orders(shop)

    report = _import(shop, tmp_path, "b", 联系手机="", 联系电话="0571-88888888")

    assert (report.updated, report.unchanged) == (0, 1)
    assert _state(shop)[0] == "verified"
    with shop.reading() as session:
        assert session.scalars(select(Order.phone)).one() == "057188888888"


def test_unchanged_reimport_keeps_a_confirmed_order_and_its_reservation(shop, tmp_path):
    _import(shop, tmp_path, "a")
    _verify_and_confirm(shop)

    report = _import(shop, tmp_path, "b")

    assert report.unchanged == 1
    assert _state(shop)[:2] == ("confirmed", 2)


def test_changed_field_verification_does_not_check_keeps_the_state(shop, tmp_path):
    _import(shop, tmp_path, "a")
    verify_orders(shop)

    report = _import(shop, tmp_path, "b", 买家会员名="tb_lin_new")

    assert report.updated == 1 and report.rows[0].reason == ""
    assert _state(shop)[0] == "verified"


def test_held_order_with_a_new_address_goes_back_to_new(shop, tmp_path):
    _import(shop, tmp_path, "a", 收货地址="假县 某路1号")
    assert verify_orders(shop).held == 1

    _import(shop, tmp_path, "b", 收货地址="浙江省 杭州市 拱墅区 湖墅南路 1号(310005)")

    assert _state(shop)[2] == ["held", "new", RECHECK_NOTE]
    with shop.reading() as session:
        order = session.scalars(select(Order)).one()
        assert (order.district, order.findings) == ("拱墅区", [])


def test_line_dropped_from_a_confirmed_order_is_kept_at_quantity_zero(shop, tmp_path):
    """Its ledger rows point at it, so it cannot go; it asks for nothing and is held."""
    _import(shop, tmp_path, "a", skus=("CUP-QING", "CUP-BAI"), qty="1")
    _verify_and_confirm(shop)

    report = _import(shop, tmp_path, "b", qty="1", **ONE_CUP)

    assert "第2行已从平台导出删除" in report.rows[0].reason
    with shop.reading() as session:
        order = session.scalars(select(Order)).one()
        assert [(ln.sku, ln.quantity) for ln in order.lines] == [("CUP-QING", 1), ("CUP-BAI", 0)]
        bai = session.scalars(select(Product.id).where(Product.sku == "CUP-BAI")).one()
        assert figures(session, bai).reserved == 0
    assert verify_orders(shop).held == 1


def test_line_dropped_from_an_unreserved_order_is_deleted(shop, tmp_path):
    _import(shop, tmp_path, "a", skus=("CUP-QING", "CUP-BAI"), qty="1")
    with shop.transaction() as session:
        move(session.scalars(select(Order)).one(), Status.VERIFIED, user="tester")

    _import(shop, tmp_path, "b", qty="1", **ONE_CUP)

    with shop.reading() as session:
        order = session.scalars(select(Order)).one()
        assert [(ln.sku, ln.quantity) for ln in order.lines] == [("CUP-QING", 1)]
        assert order.status == "new"
