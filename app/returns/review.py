"""Approving or rejecting a return against the policy; the customer is told the reason."""

from __future__ import annotations

import logging
from datetime import date

from app.config import current_user
from app.db.engine import Database
from app.returns.errors import NotEligible, ReturnInputError
from app.returns.lookup import find_return
from app.returns.notify import notify_customer
from app.returns.policy import review_lines
from app.returns.queries import ReturnDetail, detail_of
from app.returns.states import ReturnState, move_return, record_step

log = logging.getLogger(__name__)


def review_return(
    db: Database,
    rma_no: str,
    *,
    approve: bool,
    reason: str,
    override: bool = False,
    user: str | None = None,
    today: date | None = None,
    notify: bool = True,
) -> ReturnDetail:
    """Record the decision and message the customer with `reason`.

    Approving a line the policy refuses needs `override` (a supervisor's call), and is logged.
    Unannounced goods may already be received when they are reviewed; the decision is then
    recorded as a step and, when rejected, the return is closed.
    """
    if not reason.strip():
        raise ReturnInputError("--reason", "审核必须写明理由，客户会收到这段话")
    who = user or current_user()
    with db.transaction() as session:
        ret = find_return(session, rma_no)
        if ret.decision:
            raise ReturnInputError("审核", f"退货单 {ret.rma_no} 已审核（{ret.decision}）")

        refused = [
            f"{e.sku}: {e.why}" for e in review_lines(session, ret, today) if not e.eligible
        ]
        if approve and refused and not override:
            raise NotEligible(ret.rma_no, refused)
        if approve and refused:
            log.info("return %s approved by %s against the policy: %s", ret.rma_no, who, refused)

        ret.decision = "approved" if approve else "rejected"
        ret.decision_reason = reason.strip()
        note = reason.strip() + ("（超出政策，人工放行）" if approve and refused else "")
        state = ReturnState(ret.state)
        if not approve:
            # TODO: goods of a rejected return that already arrived must be sent back to the
            # customer; that outbound parcel is not modelled yet.
            move_return(ret, ReturnState.REJECTED, action="rejected", user=who, note=note)
        elif state is ReturnState.REQUESTED:
            move_return(ret, ReturnState.APPROVED, action="approved", user=who, note=note)
        else:
            record_step(ret, action="approved", user=who, note=note)

        if notify:
            told = ReturnState.APPROVED if approve else ReturnState.REJECTED
            notify_customer(session, ret, state=told, reason=reason.strip())
        return detail_of(session, ret, today)
