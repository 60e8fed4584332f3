"""Giving an order's parcel its tracking number without quietly changing its carrier.

`tracking.assign` puts a number on a parcel for the carrier it is told. A clerk who typed
`--carrier ZTO` for an order the supervisor had put on 顺丰特快 (with a reason) would otherwise
move the parcel to ZTO with no reason on record and draw a number from ZTO's pool. So a
carrier other than the one already chosen goes through `selection.choose` and needs a reason,
like every other change of carrier; no carrier named means the one already chosen.
"""

from __future__ import annotations

import logging

from app.db.engine import Database
from app.errors import BadInput
from app.orders.lookup import find_order
from app.shipping.carriers import get_carrier
from app.shipping.selection import choose
from app.shipping.tracking import AssignResult, assign, require_numberable, shipment_for

log = logging.getLogger(__name__)


def assign_number(
    db: Database,
    order_no: str,
    carrier: str | None = None,
    number: str | None = None,
    parcel_no: int = 1,
    reason: str = "",
) -> AssignResult:
    """A typed or scanned `number` (or the next pool number) for one parcel of the order."""
    with db.transaction() as session:
        order = find_order(session, order_no)
        require_numberable(order)
        current = shipment_for(session, order).carrier or ""
        wanted = (carrier or "").strip().upper()
        if not wanted:
            if not current:
                raise BadInput(
                    f"订单 {order.order_no} 还没有选定快递公司，请用 --carrier 指定，"
                    f"或先用 packdesk carriers choose {order.order_no} 选择"
                )
            wanted = current
        elif current and wanted != current:
            if not reason.strip():
                now = get_carrier(session, current).name
                other = get_carrier(session, wanted).name
                raise BadInput(
                    f"订单 {order.order_no} 已定为{now}，改用{other}请写明原因（--reason）"
                )
            choose(session, order, wanted, reason=reason.strip())
            log.info("order %s moved from %s to %s: %s", order.order_no, current, wanted, reason)
        return assign(session, order, wanted, number, parcel_no)
