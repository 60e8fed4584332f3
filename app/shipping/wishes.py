"""What the buyer asked for in the remarks: carriers wanted ("只发顺丰") or refused ("不要邮政").

The verification step reads the remarks (`app.verification.remarks.carrier_wishes`) and turns
them into findings the clerk sees; the ranking uses that same reading, so the two steps never
disagree about a remark.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from app.db.models import Order
from app.verification.remarks import carrier_wishes as remark_wishes

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CarrierWishes:
    wanted: frozenset[str]
    refused: frozenset[str]


def carrier_wishes(order: Order) -> CarrierWishes:
    """The buyer's carrier wishes, read from the remarks by verification, as carrier codes."""
    found = remark_wishes(order)
    refused = frozenset(found.avoid)
    wanted = frozenset(found.only)
    return CarrierWishes(wanted - refused, refused)
