"""Everything one waybill shows, gathered from the order, its parcel, the carrier and settings.

Drawing works from this frozen snapshot only, so the layout code never touches the database and
a test can draw a waybill from invented data. Only the shipping address and the recipient are
taken from the order: a billing address, if a platform ever sends one, never reaches a label.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import settings, settings_checks
from app.config import desk_timezone
from app.db.models import Order, Shipment
from app.db.models.carriers import Carrier
from app.db.models.packing_station import ParcelItem
from app.documents.fonts import missing_glyphs
from app.errors import BadInput
from app.shipping.carriers import default_service, sort_code_for
from app.shipping.privacy import mask_name, mask_phone

log = logging.getLogger(__name__)

# The shop's own return address, printed on every waybill. There is deliberately no default:
# a label with an invented sender sends returns and the courier's calls to a stranger.
SENDER_KEYS = {
    "sender.name": "店名",
    "sender.phone": "电话",
    "sender.province": "省",
    "sender.city": "市",
    "sender.district": "区县",
    "sender.address": "详细地址",
}
PAYMENT_TYPES = ("寄付", "到付", "月结")


@dataclass(frozen=True)
class Party:
    name: str
    phone: str
    address: str


@dataclass(frozen=True)
class WaybillData:
    order_no: str
    carrier_code: str
    carrier_name: str
    service: str
    tracking_no: str
    sort_code: str
    hub: str
    recipient: Party
    sender: Party
    goods: str
    weight: Decimal | None
    pieces: int
    payment_type: str
    insured_value: Decimal | None
    remarks: str
    printed_at: datetime
    # Which of the order's `pieces` parcels this label is for ("2/3" on the label).
    parcel_no: int = 1
    # On a child label (子单) of a several-parcel order: the first parcel's main number (母单号).
    main_tracking_no: str = ""

    @property
    def piece_text(self) -> str:
        """ "2/3" for the second of three parcels; "1" for an order in one parcel."""
        return f"{self.parcel_no}/{self.pieces}" if self.pieces > 1 else str(self.pieces)


class SenderMissing(BadInput):
    """Waybills cannot print before the shop has said who it is and where returns go."""

    def __init__(self, missing: list[str]) -> None:
        names = "、".join(f"{key}（{SENDER_KEYS[key]}）" for key in missing)
        how = "；".join(f"packdesk settings set {key} {SENDER_KEYS[key]}" for key in missing)
        super().__init__(f"寄件人未设置，不能打印面单。缺少：{names}。请先设置：{how}")
        self.missing = missing


def sender_party(session: Session) -> Party:
    """The sender from the settings; SenderMissing naming every key not set yet, BadSetting
    for a stored value a courier could not use."""
    missing = [
        key for key in SENDER_KEYS if not str(settings.get(session, key, None) or "").strip()
    ]
    if missing:
        raise SenderMissing(missing)

    value = {key: settings_checks.read(session, key, "") for key in SENDER_KEYS}
    address = "".join(value[k] for k in ("sender.province", "sender.city", "sender.district"))
    return Party(value["sender.name"], value["sender.phone"], address + value["sender.address"])


def one_line(text: str) -> str:
    """Line breaks and runs of spaces pasted into a platform's cell become one space: a label
    field is one flowing text, and a break would push the phone or the house number off."""
    return " ".join(text.split())


def printable(text: str, order_no: str, field: str) -> str:
    """`text` with each character the label font lacks shown as □, and a warning logged.

    A rare character (王𠮷) would otherwise print as nothing at all, and the courier would
    read a different name; □ tells him a character is missing and to check the phone.
    """
    missing = missing_glyphs(text)
    if not missing:
        return text
    log.warning(
        "order %s: the label font has no glyph for %s in the %s; printed as □",
        order_no,
        "".join(missing),
        field,
    )
    return "".join("□" if ch in missing else ch for ch in text)


def goods_summary(order: Order, contents: dict[int, int] | None = None) -> str:
    """ "蓝牙耳机 ×2，手机壳 ×1" – the titles as the platform sent them, shortened.

    With `contents` (units per order line id of one parcel) only what is in that parcel.
    """
    counted = [
        (line, line.quantity if contents is None else contents.get(line.id, 0))
        for line in order.lines
    ]
    counted = [(line, qty) for line, qty in counted if qty > 0]
    parts = [f"{(line.title or line.sku)[:18]} ×{qty}" for line, qty in counted]
    total = sum(qty for _line, qty in counted)
    text = "，".join(parts[:3])
    if len(parts) > 3:
        text += f" 等共 {total} 件"
    return text


def service_label(carrier: Carrier, shipment: Shipment) -> str:
    """The service printed on the label: the one chosen for the parcel, else the default."""
    if shipment.service:
        return shipment.service
    default = default_service(carrier)
    return default.name if default else ""


class WaybillContext:
    """What every waybill of one batch shares (sender, settings, sort codes), read once.

    A batch of a thousand waybills would otherwise read the same settings a thousand times.
    """

    def __init__(self, session: Session, order_ids: list[int]) -> None:
        self.session = session
        self.sender = sender_party(session)
        self.default_payment = settings.get(session, "waybill.payment_type", "寄付")
        self.insured = settings_checks.read(session, "waybill.insured_value", None) or None
        self._payments: dict[str, str] = {}
        self._sort_codes: dict[tuple[str, str, str, str], tuple[str, str]] = {}
        # Parcels whose weight the scale blocked; the batch fills it in (they get no label).
        self.blocked: set[int] = set()
        self.pieces = dict(
            session.execute(
                select(Shipment.order_id, func.count(Shipment.id))
                .where(Shipment.order_id.in_(order_ids))
                .group_by(Shipment.order_id)
            ).all()
        )
        # What packing put in each parcel of a several-parcel order, for its own label.
        self.contents: dict[int, dict[int, int]] = {}
        several = [order_id for order_id, n in self.pieces.items() if n > 1]
        for start in range(0, len(several), 500):
            rows = session.execute(
                select(ParcelItem.shipment_id, ParcelItem.order_line_id, ParcelItem.quantity)
                .join(Shipment, Shipment.id == ParcelItem.shipment_id)
                .where(Shipment.order_id.in_(several[start : start + 500]))
            )
            for shipment_id, line_id, qty in rows:
                self.contents.setdefault(shipment_id, {})[line_id] = qty

    def payment_for(self, carrier_code: str) -> str:
        if carrier_code not in self._payments:
            own = settings.get(self.session, f"waybill.payment_type.{carrier_code}", None)
            self._payments[carrier_code] = own or self.default_payment
        return self._payments[carrier_code]

    def sort_code(self, carrier_code: str, order: Order) -> tuple[str, str]:
        key = (carrier_code, order.province, order.city, order.district)
        if key not in self._sort_codes:
            self._sort_codes[key] = sort_code_for(self.session, *key)
        return self._sort_codes[key]

    def collect(
        self,
        order: Order,
        shipment: Shipment,
        carrier: Carrier,
        *,
        mask: bool,
        printed_at: datetime,
        main_tracking_no: str = "",
    ) -> WaybillData:
        """The label of one parcel; `main_tracking_no` is given for a child parcel."""
        masked = mask or carrier.mask_privacy
        phone = order.phone + (f"-{order.phone_ext}" if order.phone_ext else "")
        name = one_line(order.recipient)
        address = f"{order.province}{order.city}{order.district}{one_line(order.address_detail)}"
        recipient = Party(
            printable(mask_name(name) if masked else name, order.order_no, "收件人"),
            mask_phone(phone) if masked else phone,
            printable(address, order.order_no, "收件地址"),
        )
        sort_code, hub = self.sort_code(carrier.code, order)
        pieces = max(1, self.pieces.get(order.id, 1), shipment.parcel_no)
        return WaybillData(
            order_no=order.order_no,
            carrier_code=carrier.code,
            carrier_name=carrier.name,
            service=service_label(carrier, shipment),
            tracking_no=shipment.tracking_no or "",
            sort_code=sort_code,
            hub=hub,
            recipient=recipient,
            sender=self.sender,
            goods=printable(
                goods_summary(order, self.contents.get(shipment.id)), order.order_no, "物品"
            ),
            weight=shipment.weight,
            pieces=pieces,
            payment_type=self.payment_for(carrier.code),
            insured_value=self.insured,
            remarks=printable(one_line(order.buyer_remark), order.order_no, "备注"),
            printed_at=printed_at.astimezone(desk_timezone()),
            parcel_no=shipment.parcel_no,
            main_tracking_no=main_tracking_no if pieces > 1 else "",
        )
