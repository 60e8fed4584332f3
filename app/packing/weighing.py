"""The weight check: actual weight against goods plus packaging, and the volumetric weight.

Expected weight is the sum of the product weights in the parcel plus the tare of its box and
filling. A reading outside the tolerance blocks the parcel until it is re-weighed or a
supervisor overrides it with a reason. A weight of 0 is never accepted and never printable:
a label with 0 kg is rejected by every carrier and costs a re-delivery.

Settings: `packing.weight_tolerance_pct` (5) and `packing.weight_tolerance_min_kg` (0.05);
the larger of the two allowances applies. `packing.volumetric_divisor` (6000) is used when the
carrier catalogue does not give one.
"""

from __future__ import annotations

import logging
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import settings_checks
from app.config import current_user
from app.db.engine import Database
from app.db.models import Order, OrderLine, Product, Shipment
from app.db.models.carriers import Carrier
from app.db.models.packing_station import Packaging, ParcelState
from app.db.types import GRAM
from app.errors import BadInput, OrderNotFound
from app.packing import parcels

log = logging.getLogger(__name__)

DEFAULT_DIVISOR = 6000

# Far above what a packing desk's scale weighs (platform scales stop at 150 to 300 kg), and low
# enough that a slipped key or a misread scale line is refused rather than stored and billed.
MAX_PARCEL_KG = Decimal("1000")

# The parcel's weight state (`ParcelState.weight_state`) in the words a clerk reads.
WEIGHT_STATE_LABELS = {
    "": "未称重",
    "ok": "重量正常",
    "blocked": "重量超差，不能发出",
    "overridden": "重量超差，主管已放行",
}


class WeightRefused(BadInput):
    """A weight that cannot be used: 0, negative, unreadable, or not yet checked."""


def _packaging(session: Session, code: str) -> Packaging | None:
    if not code:
        return None
    return session.scalar(select(Packaging).where(Packaging.code == code))


def volumetric_divisor(session: Session, carrier_code: str) -> int:
    """cm³ per kg for this carrier, from the carrier catalogue when there is one."""
    if carrier_code:
        divisor = session.scalar(
            select(Carrier.volumetric_divisor).where(Carrier.code == carrier_code)
        )
        if divisor:
            return int(divisor)
    return settings_checks.read(session, "packing.volumetric_divisor", DEFAULT_DIVISOR)


def volumetric_weight(inner_mm: tuple[int, int, int], divisor: int) -> Decimal:
    """L×W×H in cm divided by the carrier's divisor, in kg to the gram."""
    length, width, height = (Decimal(v) / 10 for v in inner_mm)
    return (length * width * height / Decimal(divisor)).quantize(GRAM, rounding=ROUND_HALF_UP)


def refresh_expected(session: Session, shipment: Shipment) -> None:
    """Recompute expected and volumetric weight after the contents or the box changed."""
    state = parcels.state_of(session, shipment)
    total = Decimal("0")
    for line_id, qty in parcels.parcel_contents(session, shipment.id).items():
        line = session.get(OrderLine, line_id)
        product = session.get(Product, line.product_id) if line.product_id else None
        if product is not None:
            total += product.weight * qty
    box = _packaging(session, state.box_code)
    filling = _packaging(session, state.filling_code)
    for material in (box, filling):
        if material is not None:
            total += material.tare
    state.expected_weight = total
    if box is not None:
        divisor = volumetric_divisor(session, shipment.carrier)
        state.volumetric_weight = volumetric_weight(
            (box.inner_length_mm, box.inner_width_mm, box.inner_height_mm), divisor
        )
    if shipment.weight is not None:
        state.weight_state = _judge(session, shipment.weight, total)


def tolerance(session: Session, expected: Decimal) -> Decimal:
    pct = Decimal(str(settings_checks.read(session, "packing.weight_tolerance_pct", 5)))
    floor = Decimal(str(settings_checks.read(session, "packing.weight_tolerance_min_kg", "0.05")))
    return max(expected * pct / 100, floor)


def _judge(session: Session, actual: Decimal, expected: Decimal) -> str:
    return "ok" if abs(actual - expected) <= tolerance(session, expected) else "blocked"


def parse_weight(text: str) -> Decimal:
    """A typed weight in kg ("1.25", "1,25", "1.25kg"), checked by `usable_weight`."""
    cleaned = text.strip().lower().removesuffix("kg").strip().replace(",", ".")
    try:
        value = Decimal(cleaned)
    except ArithmeticError as exc:
        raise WeightRefused(f"重量 「{text}」 无法识别，请输入公斤数，如 1.25") from exc
    return usable_weight(value, f"输入的是 「{text}」")


def usable_weight(value: Decimal, shown: str) -> Decimal:
    """`value` kg to the gram, or WeightRefused; `shown` says where it came from, for the message.

    Refused: 0 and below; more than `MAX_PARCEL_KG` (a 23-digit weight did not even fit the
    column); and under half a gram, which was stored as 0 g and printed no weight on the label.
    """
    if not value.is_finite() or value <= 0:
        raise WeightRefused(f"重量必须大于 0（{shown}）")
    if value > MAX_PARCEL_KG:
        raise WeightRefused(f"重量过大：一个包裹最多 {MAX_PARCEL_KG} kg（{shown}）")
    grams = value.quantize(GRAM, rounding=ROUND_HALF_UP)
    if grams == 0:
        raise WeightRefused(f"重量不足 1 克，按克记录为 0，必须大于 0（{shown}）")
    return grams


def record_weight(
    db: Database,
    order_id: int,
    weight: Decimal | str,
    source: str = "typed",
    user: str | None = None,
):
    """Store the parcel's actual weight and judge it; returns the parcel's view."""
    from app.packing.station import view_parcel

    value = parse_weight(str(weight))
    with db.transaction() as session:
        order = _order(session, order_id)
        shipment = parcels.current_parcel(session, order)
        shipment.weight = value
        refresh_expected(session, shipment)
        state = parcels.state_of(session, shipment)
        state.weight_state = _judge(session, value, state.expected_weight or Decimal("0"))
        if state.weight_state == "blocked":
            log.info(
                "order %s parcel %s: weight %s kg against %s kg expected (%s)",
                order.order_no,
                shipment.parcel_no,
                value,
                state.expected_weight,
                source,
            )
        return view_parcel(session, shipment)


def override_weight(
    db: Database,
    order_id: int,
    supervisor: str,
    reason: str,
    user: str | None = None,
):
    """A supervisor lets a parcel outside the tolerance go on; audited with the reason."""
    from app.packing.station import view_parcel

    parcels.require_supervisor(supervisor, reason)
    with db.transaction() as session:
        order = _order(session, order_id)
        shipment = parcels.current_parcel(session, order)
        state = parcels.state_of(session, shipment)
        if shipment.weight is None or shipment.weight <= 0:
            raise WeightRefused("包裹还没有称重，不能放行")
        if state.weight_state != "blocked":
            raise WeightRefused("重量在允许范围内，无需放行")
        state.weight_state = "overridden"
        parcels.record_override(
            session,
            order,
            "weight",
            supervisor,
            reason,
            user=user or current_user(),
            shipment_id=shipment.id,
            detail=f"actual {shipment.weight} kg, expected {state.expected_weight} kg",
        )
        log.info(
            "order %s parcel %s: weight override by %s: %s",
            order.order_no,
            shipment.parcel_no,
            supervisor,
            reason,
        )
        return view_parcel(session, shipment)


class WeightBlocked(WeightRefused):
    """The scale said the parcel is off from its contents and no supervisor released it."""

    def __init__(self, order_no: str, parcel_no: int) -> None:
        super().__init__(
            f"订单 {order_no} 第 {parcel_no} 个包裹的重量超出允许误差，不能打印面单或交接；"
            "请在打包窗口重新称重，或请主管按 F10 放行"
        )


def blocked_parcels(session: Session, shipment_ids: list[int]) -> set[int]:
    """The parcels among `shipment_ids` whose weight is still blocked, in one query per 500.

    A batch of a thousand waybills asks once, not per label (see measurements.md).
    """
    blocked: set[int] = set()
    for start in range(0, len(shipment_ids), 500):
        blocked.update(
            session.scalars(
                select(ParcelState.shipment_id).where(
                    ParcelState.shipment_id.in_(shipment_ids[start : start + 500]),
                    ParcelState.weight_state == "blocked",
                )
            )
        )
    return blocked


def require_weight_released(session: Session, order: Order, shipment: Shipment) -> None:
    """Refuse a parcel the scale blocked: its label would carry a weight the goods do not
    explain (a missing or extra item), and the courier bills by it."""
    if blocked_parcels(session, [shipment.id]):
        raise WeightBlocked(order.order_no, shipment.parcel_no)


def _order(session: Session, order_id: int) -> Order:
    order = session.get(Order, order_id)
    if order is None:
        raise OrderNotFound(str(order_id))
    return order
