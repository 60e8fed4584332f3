"""The sentence under the slowest step: why orders wait there, taken from the data.

Backordered orders wait for a product: name the SKU most of them lack. Held orders wait for a
person to fix a finding: name the most common reason. A slow intake means the platform's
export was imported long after the orders were placed. Packing and quality name their refused
scans and reworks. Otherwise the sentence gives the wait against the target.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from sqlalchemy.orm import Session

from app.flow import history


def duration_words(seconds: float | None) -> str:
    """A time span the way a supervisor says it: minutes, hours, or days past two days."""
    if seconds is None:
        return "—"
    if seconds < 3600:
        return f"{seconds / 60:.0f} 分钟"
    if seconds < 48 * 3600:
        return f"{seconds / 3600:.1f} 小时"
    return f"{seconds / 86400:.1f} 天"


def hours_words(hours: float | None) -> str:
    if hours is None:
        return "—"
    return f"{hours:g} 小时" if hours < 48 else f"{hours / 24:g} 天"


def why_slow(
    session: Session,
    key: str,
    rows: tuple,
    waiting: dict[str, list[tuple[int, float]]],
    facts: dict,
    start: datetime,
    end: datetime,
) -> str:
    row = next(r for r in rows if r.key == key)
    ids = [order_id for order_id, _age in waiting.get(key, []) if order_id in facts]
    label = row.label

    if key == "backorder" and ids:
        short = history.short_skus(session, ids)
        if short:
            sku, count = short[0]
            return f"{label}：{len(ids)} 单缺货，其中 {count} 单等待 {sku} 补货"

    held = [i for i in ids if facts[i].status == "held"]
    if held and len(held) * 2 >= len(ids):
        reasons = Counter(history.hold_reasons(session, held))
        if reasons:
            reason, count = reasons.most_common(1)[0]
            return (
                f"{label}：{len(ids)} 单中 {len(held)} 单挂起，最多的原因：{reason}（{count} 单）"
            )

    if key == "packing":
        refused = Counter(history.refused_scans(session, start, end))
        if refused:
            reason, count = refused.most_common(1)[0]
            total = sum(refused.values())
            return f"{label}：扫描拒绝 {total} 次，最多的原因：{reason or '未注明'}（{count} 次）"

    if key == "intake":
        return (
            f"{label}：从平台下单到导入本系统 P90 {duration_words(row.p90_s)}，"
            f"目标 {hours_words(row.target_h)}，平台订单导出导入的间隔太长"
        )

    ages = [age for _order, age in waiting.get(key, [])]
    parts = [f"{label}："]
    if ages:
        parts.append(f"{len(ages)} 单在此等待，最久 {duration_words(max(ages))}；")
    parts.append(f"P90 {duration_words(row.p90_s)}，目标 {hours_words(row.target_h)}")
    for kind, count in row.exception_kinds:
        parts.append(f"；{kind} {count} 次")
    return "".join(parts)
