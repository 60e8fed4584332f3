"""A newer export of orders already imported: update open ones, hold or stop cancelled ones."""

from __future__ import annotations

from intake_samples import taobao_item, taobao_order, taobao_pair
from sqlalchemy import select

from app.db.models import Order
from app.intake import stop_list
from app.intake.service import import_files
from app.intake.store import CANCELLED_REASON
from app.orders.status import Status, move

NO = "1914310000010100016"


def _import(db, tmp_path, prefix="", **over):
    paths = taobao_pair(
        tmp_path, [taobao_order(NO, **over)], [taobao_item(NO, "CUP-QING")], prefix=prefix
    )
    return import_files(db, paths)


def _load(db) -> Order:
    with db.reading() as session:
        order = session.scalars(select(Order).where(Order.order_no == NO)).one()
        order.findings, order.lines  # noqa: B018 - load before the session closes
        return order


def test_newer_export_updates_an_open_order(db, tmp_path):
    _import(db, tmp_path, "a")

    report = _import(db, tmp_path, "b", 收货地址="浙江省 杭州市 拱墅区 湖墅南路 1号(310005)")

    assert (report.stored, report.updated) == (0, 1)
    order = _load(db)
    assert (order.district, order.postcode) == ("拱墅区", "310005")
    assert [ln.sku for ln in order.lines] == ["CUP-QING"]


def test_order_cancelled_on_platform_is_held_with_reason(db, tmp_path):
    _import(db, tmp_path, "a")

    report = _import(db, tmp_path, "b", 订单状态="交易关闭")

    assert report.cancelled_held == 1
    order = _load(db)
    assert order.status == Status.HELD.value
    assert [f.reason for f in order.findings] == [CANCELLED_REASON]
    assert "cancelled on the platform" in CANCELLED_REASON


def test_cancelled_after_packing_goes_on_the_stop_list(db, tmp_path):
    _import(db, tmp_path, "a")
    with db.transaction() as session:
        order = session.scalars(select(Order)).one()
        for state in (Status.VERIFIED, Status.PACKING, Status.PACKED):
            move(order, state, user="tester")

    report = _import(db, tmp_path, "b", 订单状态="交易关闭")
    again = _import(db, tmp_path, "c", 订单状态="交易关闭")

    assert report.stopped == 1 and again.stopped == 0
    order = _load(db)
    assert order.status == Status.PACKED.value
    with db.reading() as session:
        assert stop_list.stopped_order_ids(session) == {order.id}
        assert stop_list.is_stopped(session, order.id)


def test_packed_order_is_not_changed_by_a_newer_export(db, tmp_path):
    _import(db, tmp_path, "a")
    with db.transaction() as session:
        order = session.scalars(select(Order)).one()
        for state in (Status.VERIFIED, Status.PACKING, Status.PACKED):
            move(order, state, user="tester")

    report = _import(db, tmp_path, "b", 收货人姓名="别人")

    assert report.unchanged == 1
    assert report.rows[0].reason == "订单已进入打包或发货，未按新导出修改"
    assert _load(db).recipient == "林小雨"


def test_cancelled_confirmed_order_releases_its_reservation(db, tmp_path, monkeypatch):
    """A confirmed order holds stock; holding it for a platform cancel must give that back."""
    from app.stock import reservation

    released = []
    monkeypatch.setattr(reservation, "release_order", lambda s, o, u: released.append(o.id))
    _import(db, tmp_path, "a")
    with db.transaction() as session:
        order = session.scalars(select(Order)).one()
        move(order, Status.VERIFIED, user="tester")
        move(order, Status.CONFIRMED, user="tester")

    _import(db, tmp_path, "b", 订单状态="交易关闭")

    assert released == [_load(db).id]
    assert _load(db).status == Status.HELD.value
