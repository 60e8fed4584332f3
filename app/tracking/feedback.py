"""The customer feedback log, and the link from packing complaints back to the packing desk.

Damage, a wrong item or a missing item may be the packing desk's doing, so such feedback
records who packed the order (the user of the OrderEvent that moved it to packed, or of the
last accepted scan) and that event; the supervisor then sees patterns per clerk.
"""

from __future__ import annotations

import logging
import shutil
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.config import current_user, data_dir
from app.db.engine import Database
from app.db.models import Order, OrderEvent, ScanEvent, Shipment
from app.db.models.tracking import Feedback
from app.errors import BadInput
from app.orders.lookup import find_order
from app.shipping.tracking_numbers import normalise

log = logging.getLogger(__name__)

CATEGORIES: dict[str, str] = {
    "delay": "延误",
    "damage": "破损",
    "wrong_item": "发错货",
    "missing_item": "少件",
    "courier": "快递服务",
    "praise": "表扬",
    "other": "其他",
}
PACKING_CATEGORIES = frozenset({"damage", "wrong_item", "missing_item"})


class FeedbackInputError(BadInput):
    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


@dataclass(frozen=True)
class FeedbackView:
    id: int
    order_no: str
    tracking_no: str
    category: str
    category_label: str
    text: str
    photo_path: str
    packed_by: str
    packed_event_id: int | None
    user: str
    at: datetime


@dataclass(frozen=True)
class ClerkPattern:
    """How often feedback blamed on packing names one clerk, per category."""

    clerk: str
    category: str
    category_label: str
    count: int


def category_code(text: str) -> str:
    """A category given as its code (`damage`) or its Chinese name (`破损`)."""
    value = text.strip()
    if value in CATEGORIES:
        return value
    for code, label in CATEGORIES.items():
        if value == label:
            return code
    known = "、".join(f"{c}({w})" for c, w in CATEGORIES.items())
    raise FeedbackInputError("类别", f"不认识「{value}」，可选: {known}")


def packing_record(session: Session, order: Order) -> tuple[str, int | None]:
    """(clerk, OrderEvent id) of the packing that finished this order, or ("", None)."""
    event = session.scalars(
        select(OrderEvent)
        .where(OrderEvent.order_id == order.id, OrderEvent.to_status == "packed")
        .order_by(OrderEvent.at.desc(), OrderEvent.id.desc())
    ).first()
    clerk = event.user if event else ""
    if not clerk:
        clerk = (
            session.scalar(
                select(ScanEvent.user)
                .where(ScanEvent.order_id == order.id, ScanEvent.accepted.is_(True))
                .order_by(ScanEvent.at.desc(), ScanEvent.id.desc())
                .limit(1)
            )
            or ""
        )
    return clerk, event.id if event else None


def _keep_photo(photo: Path | str, order_no: str) -> str:
    source = Path(photo)
    if not source.is_file():
        raise FeedbackInputError("照片", f"文件 {source} 不存在")
    folder = data_dir() / "feedback_photos"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{order_no}-{uuid.uuid4().hex[:8]}{source.suffix.lower()}"
    shutil.copyfile(source, target)
    return str(target)


def _shipment_for(session: Session, order: Order, tracking_no: str | None) -> Shipment | None:
    query = select(Shipment).where(Shipment.order_id == order.id)
    if tracking_no:
        shipment = session.scalars(
            query.where(Shipment.tracking_no == normalise(tracking_no))
        ).first()
        if shipment is None:
            raise FeedbackInputError("运单号", f"订单 {order.order_no} 没有运单 {tracking_no}")
        return shipment
    return session.scalars(query.order_by(Shipment.parcel_no)).first()


def view_of(session: Session, fb: Feedback) -> FeedbackView:
    order = session.get(Order, fb.order_id)
    shipment = session.get(Shipment, fb.shipment_id) if fb.shipment_id else None
    return FeedbackView(
        fb.id,
        order.order_no,
        shipment.tracking_no or "" if shipment else "",
        fb.category,
        CATEGORIES[fb.category],
        fb.text,
        fb.photo_path,
        fb.packed_by,
        fb.packed_event_id,
        fb.user,
        fb.at,
    )


def add_feedback(
    db: Database,
    order_no: str,
    category: str,
    text: str,
    *,
    photo: Path | str | None = None,
    tracking_no: str | None = None,
    user: str | None = None,
) -> FeedbackView:
    """Log what the customer said; packing complaints carry the clerk who packed."""
    code = category_code(category)
    words = text.strip()
    if not words and photo is None:
        raise FeedbackInputError("内容", "请写下客户反馈的内容或附上照片")

    with db.transaction() as session:
        order = find_order(session, order_no)
        shipment = _shipment_for(session, order, tracking_no)
        clerk, event_id = (
            packing_record(session, order) if code in PACKING_CATEGORIES else ("", None)
        )
        fb = Feedback(
            order_id=order.id,
            shipment_id=shipment.id if shipment else None,
            category=code,
            text=words,
            photo_path=_keep_photo(photo, order.order_no) if photo else "",
            packed_by=clerk,
            packed_event_id=event_id,
            user=user or current_user(),
        )
        session.add(fb)
        session.flush()
        log.info("feedback %s on order %s (%s)", code, order.order_no, clerk or "no clerk")
        return view_of(session, fb)


def feedback_for_order(session: Session, order_no: str) -> list[FeedbackView]:
    order = find_order(session, order_no)
    rows = session.scalars(
        select(Feedback).where(Feedback.order_id == order.id).order_by(Feedback.at, Feedback.id)
    )
    return [view_of(session, fb) for fb in rows]


def recent_feedback(session: Session, limit: int = 200) -> list[FeedbackView]:
    rows = session.scalars(select(Feedback).order_by(Feedback.id.desc()).limit(limit))
    return [view_of(session, fb) for fb in rows]


def packing_patterns(
    session: Session, since: datetime | None = None, until: datetime | None = None
) -> list[ClerkPattern]:
    """Packing complaints per clerk and category, most first: what the supervisor looks at."""
    query = (
        select(Feedback.packed_by, Feedback.category, func.count(Feedback.id))
        .where(Feedback.category.in_(PACKING_CATEGORIES), Feedback.packed_by != "")
        .group_by(Feedback.packed_by, Feedback.category)
    )
    if since is not None:
        query = query.where(Feedback.at >= since)
    if until is not None:
        query = query.where(Feedback.at < until)
    rows = [ClerkPattern(c, cat, CATEGORIES[cat], n) for c, cat, n in session.execute(query)]
    return sorted(rows, key=lambda p: (-p.count, p.clerk, p.category))
