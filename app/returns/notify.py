"""Telling the customer about each step of a return, through the outbox's editable templates.

The texts below join `app.outbox.templates.DEFAULTS` when this module is imported (as the
after-handover texts do), so the shop edits them in the same template editor. Every state a
return can reach has its own SMS text; `returns.notify_channels` (default `["sms"]`) says
which channels are used and `returns.notify_states` which states notify at all.
"""

from __future__ import annotations

import logging

from sqlalchemy.orm import Session

from app import settings_checks
from app.db.models import Order, OutboxMessage
from app.db.models.returns import ReturnRequest
from app.outbox.queue import enqueue
from app.outbox.templates import DEFAULTS, TemplateDefault, render_template
from app.returns.states import ReturnState, label

log = logging.getLogger(__name__)

KIND = "return_update"
FIELDS = frozenset({"shop", "recipient", "order_no", "rma_no", "state", "reason", "amount"})

_BODIES: dict[ReturnState, tuple[str, str]] = {
    ReturnState.REQUESTED: (
        "退货申请已登记",
        "【{shop}】{recipient}您好，您的退货申请{rma_no}已登记，我们会尽快审核。",
    ),
    ReturnState.APPROVED: (
        "退货审核通过",
        "【{shop}】{recipient}您好，退货申请{rma_no}已同意：{reason}。请将商品连同退货单寄回。",
    ),
    ReturnState.REJECTED: (
        "退货审核未通过",
        "【{shop}】{recipient}您好，很抱歉，退货申请{rma_no}未通过：{reason}。",
    ),
    ReturnState.IN_TRANSIT: (
        "退货寄回登记",
        "【{shop}】已登记您寄回的包裹（退货单{rma_no}），收到后会尽快检验。",
    ),
    ReturnState.RECEIVED: (
        "退货已收到",
        "【{shop}】{recipient}您好，退货{rma_no}的商品已收到，正在检验。",
    ),
    ReturnState.INSPECTED: ("退货已检验", "【{shop}】退货{rma_no}已检验完毕：{reason}"),
    ReturnState.REFUNDED: (
        "退款已处理",
        "【{shop}】{recipient}您好，退货{rma_no}已退款{amount}元，请留意原支付账户。",
    ),
    ReturnState.EXCHANGED: (
        "换货已安排",
        "【{shop}】{recipient}您好，退货{rma_no}的换货订单{reason}已生成，将尽快发出。",
    ),
}

for _state, (_title, _body) in _BODIES.items():
    DEFAULTS.setdefault(
        f"return.{_state.value}.sms",
        TemplateDefault(subject="", body=_body, fields=FIELDS, description=f"退货：{_title}"),
    )


def notify_customer(
    session: Session,
    ret: ReturnRequest,
    *,
    state: ReturnState | None = None,
    reason: str = "",
    amount: str = "",
) -> list[OutboxMessage]:
    """Queue the message for `state` (default: the return's current state); nothing if that
    state's messages are switched off."""
    state = state or ReturnState(ret.state)
    wanted = settings_checks.read(session, "returns.notify_states", [s.value for s in ReturnState])
    if state.value not in wanted:
        return []

    order = session.get(Order, ret.order_id) if ret.order_id else None
    context = {
        "recipient": order.recipient if order else ret.customer,
        "order_no": order.order_no if order else "",
        "rma_no": ret.rma_no,
        "state": label(state),
        "reason": reason,
        "amount": amount,
    }
    phone = (order.phone if order else ret.phone).strip()
    queued = []
    for channel in settings_checks.read(session, "returns.notify_channels", ["sms"]):
        if channel != "sms" or not phone:
            # TODO: e-mail texts for returns; only SMS templates are written so far.
            log.info("return %s: no %s address, no message", ret.rma_no, channel)
            continue
        subject, body = render_template(session, f"return.{state.value}.sms", context)
        queued.append(
            enqueue(
                session,
                kind=KIND,
                channel="sms",
                body=body,
                order_id=ret.order_id,
                recipient=phone,
                subject=subject,
            )
        )
    return queued
