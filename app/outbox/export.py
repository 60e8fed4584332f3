"""Exporting the outbox as CSV (UTF-8 with a BOM, so Excel on a Chinese desk opens it)."""

from __future__ import annotations

import csv
import io

from sqlalchemy.orm import Session

from app.outbox.listing import list_messages
from app.outbox.templates import sms_segments

HEADER = [
    "编号",
    "订单号",
    "类型",
    "渠道",
    "收件人",
    "主题",
    "内容",
    "短信条数",
    "状态",
    "创建时间",
    "发送时间",
]


def export_csv(session: Session, state: str | None = None) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    for m in list_messages(session, state):
        segments = len(sms_segments(m.body)) if m.channel == "sms" else ""
        writer.writerow(
            [
                m.id,
                m.order_no,
                m.kind,
                m.channel,
                m.recipient,
                m.subject,
                m.body,
                segments,
                m.state,
                m.created_at.isoformat(),
                m.sent_at.isoformat() if m.sent_at else "",
            ]
        )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
