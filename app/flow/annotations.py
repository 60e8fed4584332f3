"""The words written in and under each box, shared by the PDF sheet and the window.

Kept apart from the drawing so that the printed sheet and the screen say the same thing.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from app.config import desk_timezone
from app.flow.figures import FlowFigures, StepFigures
from app.flow.order_path import OrderPath
from app.flow.reasons import duration_words, hours_words


def _count(value: int | None) -> str:
    return "—" if value is None else str(value)


def step_lines(row: StepFigures) -> list[str]:
    """Figure lines for one step of the sheet (the title is drawn separately)."""
    if row.kind == "decision":
        return [] if row.no_count is None else [f"否 {row.no_count} 次"]
    if row.median_s is None and row.in_now is None:
        lines = ["即时完成" if row.passed is not None else "无时间记录"]
        if row.passed is not None:
            lines.insert(0, f"经过 {row.passed}")
    else:
        lines = [
            f"在办 {_count(row.in_now)} · 经过 {_count(row.passed)}",
            f"中位 {duration_words(row.median_s)}",
            f"P90 {duration_words(row.p90_s)}",
        ]
    tail = f"异常 {row.exceptions}"
    if row.target_h is not None:
        tail += f" · 目标 {hours_words(row.target_h)}"
    lines.append(tail)
    return lines


def exception_words(row: StepFigures) -> str:
    return "，".join(f"{kind} {n}" for kind, n in row.exception_kinds) or "无"


def local(at: datetime | None) -> str:
    return "—" if at is None else at.astimezone(desk_timezone()).strftime("%m-%d %H:%M")


def order_step_lines(path: OrderPath, key: str) -> list[str]:
    """What one order did in one step: when it came, how long it took, who moved it on."""
    visits = path.visits_of(key)
    if not visits:
        return []
    first, last = visits[0], visits[-1]
    total = sum(v.seconds for v in visits)
    lines = [f"进入 {local(first.start)}"]
    if len(visits) > 1:
        lines.append(f"{len(visits)} 次，共 {duration_words(total)}")
    elif key == path.current_step and last.open:
        lines.append(f"已等 {duration_words(total)}")
    else:
        lines.append(f"用时 {duration_words(total)}")
    if last.open:
        held = "挂起 · " if last.state == "held" else ""
        lines.append(f"{held}经手 {last.last_moved_by or '—'}")
    else:
        lines.append(f"经手 {last.left_by or '—'}")
    return lines


def range_words(figures: FlowFigures) -> str:
    zone = desk_timezone()
    first = figures.start.astimezone(zone).date()
    last = figures.end.astimezone(zone).date() - timedelta(days=1)
    return f"{first:%Y-%m-%d} 至 {last:%Y-%m-%d}"
