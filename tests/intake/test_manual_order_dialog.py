"""The manual order form: errors beside the fields, then a saved order."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select

from app.db.models import Order, Product
from ui.dialogs.manual_order import ManualOrderDialog


def test_form_shows_field_errors_then_saves(db, qtbot):
    with db.transaction() as session:
        session.add(
            Product(sku="CUP-QING", barcode="012345678905", name="青瓷杯", price=Decimal("39.00"))
        )
    dialog = ManualOrderDialog(db)
    qtbot.addWidget(dialog)

    dialog.save()
    assert dialog.errors["recipient"].text() == "请填写收货人"
    assert dialog.errors["lines"].text() == "请至少添加一件商品"

    dialog.search.setText("0123456789")
    dialog.quantity.setValue(2)
    dialog.add_selected()
    dialog.recipient.setText("林小雨")
    dialog.phone.setText("139 0000 0001")
    dialog.address_text.setText("浙江省杭州市西湖区文三路100号")
    dialog.split_address()
    assert dialog.district.text() == "西湖区"
    dialog.save()

    assert dialog.created is not None
    with db.reading() as session:
        order = session.scalars(select(Order)).one()
        assert (order.recipient, order.goods_total, order.lines[0].quantity) == (
            "林小雨",
            Decimal("78.00"),
            2,
        )


def test_requested_ship_date_is_checked_at_its_field_and_stored(db, qtbot):
    from PySide6.QtCore import QDate

    with db.transaction() as session:
        session.add(Product(sku="CUP-QING", name="青瓷杯", price=Decimal("39.00")))
    dialog = ManualOrderDialog(db)
    qtbot.addWidget(dialog)
    dialog.search.setText("CUP-QING")
    dialog.add_selected()
    dialog.recipient.setText("林小雨")
    dialog.phone.setText("13900000001")
    dialog.address_text.setText("浙江省杭州市西湖区文三路100号")
    dialog.split_address()
    dialog.want_date.setChecked(True)
    dialog.ship_date.setDate(QDate.currentDate().addDays(-3))

    dialog.save()
    assert "已过去" in dialog.errors["requested_ship_date"].text()
    assert dialog.created is None

    wanted = QDate.currentDate().addDays(10)
    dialog.ship_date.setDate(wanted)
    dialog.save()

    assert dialog.created is not None
    assert dialog.errors["requested_ship_date"].text() == ""
    with db.reading() as session:
        assert session.scalars(select(Order.requested_ship_date)).one() == wanted.toPython()
