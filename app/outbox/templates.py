"""Customer message templates: defaults in code, edits stored in the database.

Placeholders are written `{name}` (Python `str.format` fields). Saving a template checks every
placeholder against the names the sender supplies, so a typo is refused when the shop edits
the text rather than when a customer's message is rendered. `{shop}`, the name that signs
every message, is filled here by `shop_name` rather than by each sender.
"""

from __future__ import annotations

import logging
import string
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import settings_checks
from app.db.models.verification import MessageTemplate
from app.db.types import utcnow
from app.errors import BadInput
from app.settings_checks import BadSetting

log = logging.getLogger(__name__)

# One SMS segment holds 70 characters when any Chinese character is in it (UCS-2).
SMS_SEGMENT = 70
# Longer texts are split into parts of 67, because each part carries a joining header.
SMS_MULTIPART_SEGMENT = 67
# The signature when the shop has set neither `shop.name` nor the waybill sender.
SHOP_WORD = "本店"


@dataclass(frozen=True)
class TemplateDefault:
    subject: str
    body: str
    # The placeholders a sender fills in; anything else in an edited text is refused.
    fields: frozenset[str]
    description: str


CONFIRMATION_FIELDS = frozenset(
    {"shop", "recipient", "order_no", "ship_by", "lines", "total", "address", "carrier_note"}
)

DEFAULTS: dict[str, TemplateDefault] = {
    "confirmation.sms": TemplateDefault(
        subject="",
        body="【{shop}】{recipient}您好，订单{order_no}已确认，预计{ship_by}前发货。",
        fields=CONFIRMATION_FIELDS,
        description="订单确认短信",
    ),
    "confirmation.email": TemplateDefault(
        subject="{shop}：订单 {order_no} 已确认",
        body=(
            "{recipient}您好：\n\n"
            "您的订单 {order_no} 已确认，我们预计在 {ship_by} 前发货。\n\n"
            "商品：\n{lines}\n\n"
            "实付金额：{total} 元\n"
            "收货地址：{address}\n"
            "{carrier_note}\n"
            "感谢您的惠顾！\n{shop}"
        ),
        fields=CONFIRMATION_FIELDS,
        description="订单确认邮件",
    ),
}


class TemplateError(BadInput):
    """A template names a placeholder that does not exist, or is not known at all."""

    def __init__(self, key: str, reason: str) -> None:
        super().__init__(f"模板 {key}: {reason}")
        self.key = key
        self.reason = reason


@dataclass(frozen=True)
class TemplateView:
    key: str
    description: str
    subject: str
    body: str
    fields: tuple[str, ...]
    edited: bool


def _placeholders(text: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError as exc:
        raise TemplateError("?", f"括号不成对: {exc}") from exc


def _default(key: str) -> TemplateDefault:
    try:
        return DEFAULTS[key]
    except KeyError:
        raise TemplateError(key, "没有这个模板") from None


def get_template(session: Session, key: str) -> TemplateView:
    default = _default(key)
    row = session.get(MessageTemplate, key)
    subject, body = (row.subject, row.body) if row else (default.subject, default.body)
    return TemplateView(
        key, default.description, subject, body, tuple(sorted(default.fields)), row is not None
    )


def list_templates(session: Session) -> list[TemplateView]:
    return [get_template(session, key) for key in sorted(DEFAULTS)]


def save_template(session: Session, key: str, subject: str, body: str, user: str) -> None:
    """Store the shop's own text for `key`; unknown placeholders are refused."""
    default = _default(key)
    for text in (subject, body):
        try:
            unknown = _placeholders(text) - default.fields
        except TemplateError as exc:
            raise TemplateError(key, exc.reason) from None
        if unknown:
            names = ", ".join("{" + n + "}" for n in sorted(unknown))
            raise TemplateError(key, f"未知的占位符 {names}")

    row = session.get(MessageTemplate, key)
    if row is None:
        row = MessageTemplate(key=key, body=body)
        session.add(row)
    row.subject, row.body, row.updated_at, row.updated_by = subject, body, utcnow(), user
    log.info("template %s edited by %s", key, user)


def reset_template(session: Session, key: str) -> None:
    """Go back to the text in code."""
    _default(key)
    row = session.get(MessageTemplate, key)
    if row is not None:
        session.delete(row)


def shop_name(session: Session) -> str:
    """The name that signs customer messages: `shop.name`, else the sender printed on the
    waybills (`sender.name`), else 本店.

    Never empty: an SMS reading 【】王晓燕您好 or an e-mail subject starting with "：" looks
    like spam to the customer, and SMS gateways refuse a text without a signature.
    """
    for key in ("shop.name", "sender.name"):
        try:
            name = settings_checks.read(session, key, "")
        except BadSetting:
            # A bad stored name must not stop a handover; the next name signs instead.
            log.warning("setting %s is unusable; messages are signed with the next name", key)
            continue
        if name:
            return name
    return SHOP_WORD


def render_template(session: Session, key: str, context: dict) -> tuple[str, str]:
    """(subject, body) with every placeholder filled; missing values render empty, except
    `{shop}`, which is the shop's name unless the caller gives one."""
    view = get_template(session, key)
    values = {name: "" for name in view.fields} | {"shop": shop_name(session)}
    values |= {k: str(v) for k, v in context.items()}
    return view.subject.format_map(values), view.body.format_map(values)


def sms_segments(text: str) -> list[str]:
    """Split an SMS the way carriers bill it: one part of 70, else parts of 67."""
    if len(text) <= SMS_SEGMENT:
        return [text]
    return [
        text[i : i + SMS_MULTIPART_SEGMENT] for i in range(0, len(text), SMS_MULTIPART_SEGMENT)
    ]


def edited_keys(session: Session) -> list[str]:
    return list(session.scalars(select(MessageTemplate.key).order_by(MessageTemplate.key)))
