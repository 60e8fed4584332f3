"""Return shipping: which carrier brings the parcel back, under which number, who pays.

Settings: `returns.address` is the return address printed on the RMA slip when none is given.
"""

from __future__ import annotations

import logging
from decimal import Decimal

from sqlalchemy import select

from app import settings
from app.config import current_user
from app.db.engine import Database
from app.db.models.returns import ReturnRequest
from app.db.types import to_money
from app.returns.errors import ReturnInputError
from app.returns.lookup import find_return
from app.returns.notify import notify_customer
from app.returns.queries import ReturnDetail, detail_of
from app.returns.states import ReturnState, move_return, record_step
from app.shipping.carriers import carriers
from app.shipping.tracking_numbers import check_tracking_number, normalise

log = logging.getLogger(__name__)

PAYERS = {"buyer": "买家承担", "seller": "卖家承担"}


def tracking_problem(carrier: str, number: str) -> str | None:
    """Why `number` cannot be `carrier`'s tracking number, or None when it looks right."""
    return check_tracking_number(carrier, number)


def carrier_choices(db: Database) -> list[tuple[str, str]]:
    """(code, name) of the carriers a parcel may come back with, for the shipping dialog."""
    with db.transaction() as session:
        return [(c.code, c.name) for c in carriers(session)]


def default_return_address(db: Database) -> str:
    with db.reading() as session:
        return settings.get(session, "returns.address", "")


def record_return_shipping(
    db: Database,
    rma_no: str,
    *,
    carrier: str,
    tracking_no: str,
    payer: str = "buyer",
    postage: Decimal = Decimal("0"),
    address: str = "",
    user: str | None = None,
    notify: bool = True,
) -> ReturnDetail:
    """Record the parcel coming back; an approved return moves to `in transit`.

    `postage` is what the customer paid the carrier; it is refunded only when the seller pays.
    """
    who = user or current_user()
    carrier, number = carrier.strip(), normalise(tracking_no)
    if not carrier:
        raise ReturnInputError("快递公司", "必须选择退回的快递公司")
    problem = tracking_problem(carrier, number)
    if problem:
        raise ReturnInputError("退回运单号", f"{number}: {problem}")
    if payer not in PAYERS:
        raise ReturnInputError("运费承担", f"应为 {'、'.join(PAYERS)}")
    if postage < 0:
        raise ReturnInputError("退回运费", "不能为负数")

    with db.transaction() as session:
        ret = find_return(session, rma_no)
        clash = session.scalars(
            select(ReturnRequest.rma_no).where(
                ReturnRequest.return_tracking_no == number, ReturnRequest.id != ret.id
            )
        ).first()
        if clash:
            raise ReturnInputError("退回运单号", f"{number} 已登记在退货单 {clash}")

        ret.return_carrier, ret.return_tracking_no = carrier, number
        ret.postage_payer, ret.return_postage = payer, to_money(postage)
        ret.return_address = address.strip() or settings.get(session, "returns.address", "")
        note = f"{carrier} {number}，{PAYERS[payer]}"
        if ret.state == ReturnState.APPROVED.value:
            move_return(ret, ReturnState.IN_TRANSIT, action="shipping", user=who, note=note)
            if notify:
                notify_customer(session, ret)
        else:
            record_step(ret, action="shipping", user=who, note=note)
        return detail_of(session, ret)
