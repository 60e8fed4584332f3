"""The customer texts of the after-handover steps, added to the outbox's editable templates.

`app.outbox.templates` (the verification step) keeps the defaults in one table and the shop's
edits in the database; the texts below join that table when this module is imported, so the
template editor and `render_template` treat them like the confirmation texts.
"""

from __future__ import annotations

import logging

from sqlalchemy.orm import Session

from app.outbox.templates import DEFAULTS, TemplateDefault, render_template

log = logging.getLogger(__name__)

NOTICE_FIELDS = frozenset(
    {"shop", "order_no", "recipient", "carrier", "tracking_no", "ship_time", "expected_delivery"}
)
UPDATE_FIELDS = NOTICE_FIELDS | {"status", "message"}

AFTERCARE_DEFAULTS: dict[str, TemplateDefault] = {
    "shipping_notice.sms": TemplateDefault(
        subject="",
        body=(
            "【{shop}】{recipient}您好，订单{order_no}已于{ship_time}由{carrier}发出，"
            "运单号{tracking_no}，预计{expected_delivery}送达。"
        ),
        fields=NOTICE_FIELDS,
        description="发货通知短信",
    ),
    "shipping_notice.email": TemplateDefault(
        subject="{shop}：订单 {order_no} 已发货",
        body=(
            "{recipient}您好：\n\n"
            "您的订单 {order_no} 已于 {ship_time} 交给 {carrier} 发出。\n"
            "运单号：{tracking_no}\n"
            "预计送达：{expected_delivery}\n\n"
            "感谢您的惠顾！\n{shop}"
        ),
        fields=NOTICE_FIELDS,
        description="发货通知邮件",
    ),
    "tracking_update.sms": TemplateDefault(
        subject="",
        body="【{shop}】{recipient}您好，您的包裹{tracking_no}（{carrier}）{status}。{message}",
        fields=UPDATE_FIELDS,
        description="物流异常告知短信",
    ),
    "tracking_update.email": TemplateDefault(
        subject="{shop}：订单 {order_no} 物流情况",
        body=(
            "{recipient}您好：\n\n"
            "您的包裹 {tracking_no}（{carrier}）{status}。\n{message}\n\n"
            "给您带来不便，敬请谅解。\n{shop}"
        ),
        fields=UPDATE_FIELDS,
        description="物流异常告知邮件",
    ),
}

for _key, _default in AFTERCARE_DEFAULTS.items():
    DEFAULTS.setdefault(_key, _default)


def message_text(session: Session, key: str, context: dict[str, str]) -> tuple[str, str]:
    """(subject, body) of an after-handover message, with the shop's edits if any."""
    return render_template(session, key, context)
