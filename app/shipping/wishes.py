"""What the buyer asked for in the remarks: carriers wanted ("只发顺丰") or refused ("不要邮政").

The verification step reads the remarks (`app.verification.remarks.carrier_wishes`) and turns
them into findings the clerk sees; the ranking uses that same reading, so the two steps never
disagree about a remark.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass

from app.db.models import Order

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CarrierWishes:
    wanted: frozenset[str]
    refused: frozenset[str]


NO_WISHES = CarrierWishes(frozenset(), frozenset())


def carrier_wishes(order: Order) -> CarrierWishes:
    """The buyer's carrier wishes as carrier codes (none when verification is not installed)."""
    try:
        module = importlib.import_module("app.verification.remarks")
    except ImportError:
        log.warning("app.verification.remarks is missing; carrier wishes are not read")
        return NO_WISHES
    found = module.carrier_wishes(order)
    refused = frozenset(getattr(found, "avoid", ()) or getattr(found, "refused", ()) or ())
    wanted = frozenset(getattr(found, "only", ()) or getattr(found, "wanted", ()) or ())
    return CarrierWishes(wanted - refused, refused)
