"""One set of parcel states for every carrier, and the carrier words that map onto it.

Carriers and aggregators write free text (【深圳转运中心】已发出, 快件已由本人签收, 派件异常).
We look for key phrases in a fixed order: trouble words first, because "派送不成功" contains
"派送" and "拒签" contains "签"; then the final states; then the ordinary stages. A shop can
add its own phrases under the setting `tracking.status_words` ({"phrase": "status"}), which
are tried before the built-in ones.
"""

from __future__ import annotations

import logging
from enum import StrEnum

from sqlalchemy.orm import Session

from app import settings_checks
from app.errors import BadInput

log = logging.getLogger(__name__)


class TrackStatus(StrEnum):
    ACCEPTED = "accepted"
    IN_TRANSIT = "in_transit"
    OUT_FOR_DELIVERY = "out_for_delivery"
    DELIVERED = "delivered"
    REFUSED = "refused"
    RETURNED = "returned"
    PROBLEM = "problem"


T = TrackStatus
LABELS: dict[TrackStatus, str] = {
    T.ACCEPTED: "已揽收",
    T.IN_TRANSIT: "运输中",
    T.OUT_FOR_DELIVERY: "派送中",
    T.DELIVERED: "已签收",
    T.REFUSED: "拒收",
    T.RETURNED: "已退回",
    T.PROBLEM: "问题件",
}

# (phrase, status), tried in this order; the first phrase found in the text wins.
PHRASES: tuple[tuple[str, TrackStatus], ...] = (
    ("问题件", T.PROBLEM),
    ("疑难", T.PROBLEM),
    ("异常", T.PROBLEM),
    ("滞留", T.PROBLEM),
    ("破损", T.PROBLEM),
    ("丢失", T.PROBLEM),
    ("遗失", T.PROBLEM),
    ("不成功", T.PROBLEM),
    ("无法派送", T.PROBLEM),
    ("地址不详", T.PROBLEM),
    ("拒收", T.REFUSED),
    ("拒签", T.REFUSED),
    ("退签", T.REFUSED),
    ("退回", T.RETURNED),
    ("退件", T.RETURNED),
    ("退还寄件人", T.RETURNED),
    ("返回寄件人", T.RETURNED),
    ("签收", T.DELIVERED),
    ("妥投", T.DELIVERED),
    ("代收", T.DELIVERED),
    ("已取件", T.DELIVERED),
    ("派送中", T.OUT_FOR_DELIVERY),
    ("派件", T.OUT_FOR_DELIVERY),
    ("正在派送", T.OUT_FOR_DELIVERY),
    ("安排派送", T.OUT_FOR_DELIVERY),
    ("待取件", T.OUT_FOR_DELIVERY),
    ("快递柜", T.OUT_FOR_DELIVERY),
    ("驿站", T.OUT_FOR_DELIVERY),
    ("揽收", T.ACCEPTED),
    ("揽件", T.ACCEPTED),
    ("收寄", T.ACCEPTED),
    ("收取", T.ACCEPTED),
    ("已收件", T.ACCEPTED),
    ("运输中", T.IN_TRANSIT),
    ("在途", T.IN_TRANSIT),
    ("到达", T.IN_TRANSIT),
    ("已发出", T.IN_TRANSIT),
    ("发往", T.IN_TRANSIT),
    ("离开", T.IN_TRANSIT),
    ("中转", T.IN_TRANSIT),
    ("转运", T.IN_TRANSIT),
    ("装车", T.IN_TRANSIT),
)

# Whole values: English words from aggregators, our own status names, and route-node words
# too short to look for inside a sentence ("收件" is also in "收件人拒签").
EXACT: dict[str, TrackStatus] = {
    "收件": T.ACCEPTED,
    "发件": T.IN_TRANSIT,
    "accepted": T.ACCEPTED,
    "picked up": T.ACCEPTED,
    "in transit": T.IN_TRANSIT,
    "in_transit": T.IN_TRANSIT,
    "out for delivery": T.OUT_FOR_DELIVERY,
    "out_for_delivery": T.OUT_FOR_DELIVERY,
    "delivered": T.DELIVERED,
    "refused": T.REFUSED,
    "returned": T.RETURNED,
    "returned to sender": T.RETURNED,
    "problem": T.PROBLEM,
    "exception": T.PROBLEM,
}


class UnknownStatus(BadInput):
    def __init__(self, text: str) -> None:
        super().__init__(
            f"物流状态「{text}」无法识别；可用: {', '.join(LABELS.values())}，"
            "或在设置 tracking.status_words 中添加"
        )
        self.text = text


def classify(text: str, extra: dict[str, str] | None = None) -> TrackStatus | None:
    """The normalised status of a carrier's text, or None when no phrase is known."""
    cleaned = text.strip()
    if not cleaned:
        return None
    exact = EXACT.get(cleaned.lower())
    if exact is not None:
        return exact
    for label_status, label in LABELS.items():
        if cleaned == label:
            return label_status
    for phrase, status in (extra or {}).items():
        if phrase and phrase in cleaned:
            return TrackStatus(status)
    for phrase, status in PHRASES:
        if phrase in cleaned:
            return status
    return None


def shop_phrases(session: Session) -> dict[str, str]:
    return settings_checks.read(session, "tracking.status_words", {})


def parse_status(session: Session, text: str) -> TrackStatus:
    """Like `classify`, with the shop's own phrases; raises `UnknownStatus` when unknown."""
    status = classify(text, shop_phrases(session))
    if status is None:
        raise UnknownStatus(text)
    return status
