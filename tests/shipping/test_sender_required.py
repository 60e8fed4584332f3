"""No waybill leaves with an invented sender: printing stops until the shop has set its own.

Waybills used to print 青禾小铺 / 0571-88886666 / 文一西路 when `sender.*` was unset, so a
shop that forgot the setting shipped parcels whose returns went to a made-up address.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel
from sqlalchemy import delete, select

from app import demo, settings
from app.db.models import Order, Setting, Shipment
from app.documents.waybill import preview_waybills, render_waybills, render_waybills_zpl
from app.documents.waybill_data import SENDER_KEYS, SenderMissing
from app.packing.desk import print_waybill_to
from main import main
from ui.windows.waybills import WaybillsWindow


def _forget_sender(db, keep: tuple[str, ...] = ()) -> None:
    with db.transaction() as session:
        session.execute(
            delete(Setting).where(Setting.key.in_([k for k in SENDER_KEYS if k not in keep]))
        )


def _unchanged(db, order_no: str) -> None:
    with db.reading() as session:
        order = session.scalar(select(Order).where(Order.order_no == order_no))
        parcels = session.scalars(select(Shipment).where(Shipment.order_id == order.id)).all()
        assert order.status == "packed"
        assert all(s.waybill_printed_at is None and not s.tracking_no for s in parcels)


def test_without_a_sender_every_print_is_refused_naming_each_setting(shop) -> None:
    shop("7701001")
    _forget_sender(shop.db)

    for attempt in (render_waybills, render_waybills_zpl, preview_waybills):
        with pytest.raises(SenderMissing) as caught:
            attempt(shop.db, ["7701001"])
        assert caught.value.missing == list(SENDER_KEYS)
        for key in SENDER_KEYS:
            assert f"packdesk settings set {key} " in str(caught.value)
    _unchanged(shop.db, "7701001")


def test_a_half_set_sender_names_only_what_is_missing(shop) -> None:
    shop("7701002")
    _forget_sender(shop.db, keep=("sender.name", "sender.phone"))

    with pytest.raises(SenderMissing) as caught:
        render_waybills(shop.db, ["7701002"])
    assert caught.value.missing == [
        "sender.province",
        "sender.city",
        "sender.district",
        "sender.address",
    ]
    assert "sender.name" not in str(caught.value)
    assert "寄件人未设置" in str(caught.value)


def test_an_empty_stored_sender_name_counts_as_missing(shop) -> None:
    shop("7701003")
    with shop.db.transaction() as session:
        settings.put(session, "sender.name", "  ")
    with pytest.raises(SenderMissing) as caught:
        render_waybills(shop.db, ["7701003"])
    assert caught.value.missing == ["sender.name"]


def test_print_command_exits_3_and_says_how_to_set_the_sender(shop, db_url, tmp_path, capsys):
    shop("7701004")
    _forget_sender(shop.db, keep=("sender.name",))

    out = tmp_path / "w.pdf"
    assert main(["--db", db_url, "print", "waybill", "7701004", "--out", str(out)]) == 3
    err = capsys.readouterr().err
    assert "packdesk settings set sender.phone 电话" in err
    assert "Traceback" not in err and not out.exists()


def test_automatic_print_after_packing_is_refused_and_writes_no_file(shop, tmp_path) -> None:
    shop("7701005")
    _forget_sender(shop.db)
    with shop.db.reading() as session:
        order_id = session.scalar(select(Order.id).where(Order.order_no == "7701005"))

    with pytest.raises(SenderMissing):
        print_waybill_to(shop.db, order_id, tmp_path / "auto")
    assert not (tmp_path / "auto" / "7701005.pdf").exists()
    _unchanged(shop.db, "7701005")


def test_print_queue_window_shows_the_refusal_in_its_red_line(shop, qtbot, tmp_path) -> None:
    shop("7701006")
    _forget_sender(shop.db)
    window = WaybillsWindow(shop.db)
    qtbot.addWidget(window)
    window.show()

    out = tmp_path / "w.pdf"
    window.print_to_file(str(out), ["7701006"])
    qtbot.waitUntil(window.idle, timeout=10000)
    assert "packdesk settings set sender.name 店名" in window.message.text()
    assert "#c62828" in window.message.styleSheet()
    assert not out.exists()

    window.message.clear()
    row = next(
        r for r in range(window.model.rowCount()) if window.model.row_at(r).order_no == "7701006"
    )
    window.table.selectionModel().select(
        window.model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    window._preview()
    assert "寄件人未设置" in window.message.text()


def test_the_demo_sets_its_own_invented_sender_so_it_prints(db, tmp_path) -> None:
    demo.seed(db)
    with db.reading() as session:
        stored = {key: settings.get(session, key) for key in SENDER_KEYS}
        packed = session.scalars(select(Order.order_no).where(Order.status == "packed")).first()
    assert stored == demo.DEMO_SENDER
    assert packed is not None
    assert render_waybills(db, [packed]).startswith(b"%PDF")


def test_the_demo_keeps_a_sender_the_shop_set_before(db) -> None:
    with db.transaction() as session:
        settings.put(session, "sender.name", "自家店")
    demo.seed(db)
    with db.reading() as session:
        assert settings.get(session, "sender.name") == "自家店"
        assert settings.get(session, "sender.phone") == demo.DEMO_SENDER["sender.phone"]
