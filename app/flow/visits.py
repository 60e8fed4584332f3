"""Turning one order's recorded transitions into the steps it went through, and for how long.

An order is in a state from the event that moved it there until the next event; the state's
step (app.flow.steps.STATE_STEP) gets that time. Three refinements make the times fair:
- intake: the arrival event carries the platform's time when the import knew it, so the time
  from there to `imported_at` is the intake step, and verification starts at the import
  (an `imported_at` later than the order's next move is ignored: intake is then instant);
- verification starts its clock at payment: an unpaid order waiting for the buyer is not the
  warehouse being slow;
- a held order stays in the step it was held from, so a hold during packing is packing time.
Consecutive pieces of one step (new -> held -> held) are one visit whose time is their sum.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.flow.steps import STATE_STEP
from app.orders.status import Status


@dataclass(frozen=True)
class EventRow:
    """One OrderEvent as plain values (the figures load thousands of them with Core)."""

    order_id: int
    from_status: str
    to_status: str
    at: datetime
    user: str
    id: int = 0


@dataclass(frozen=True)
class Visit:
    step: str
    start: datetime
    # None while the order is still in the step.
    end: datetime | None
    seconds: float
    entered_by: str
    left_by: str
    # The state the order is in during the visit's last piece (e.g. "held"), and who moved
    # it into that state: for an open visit, the person the order now waits on.
    state: str
    last_moved_by: str = ""

    @property
    def open(self) -> bool:
        return self.end is None


def visits_of(
    events: list[EventRow],
    *,
    imported_at: datetime | None,
    paid_at: datetime | None,
    now: datetime,
) -> list[Visit]:
    """The steps one order went through, oldest first; `events` sorted by time then id."""
    pieces: list[Visit] = []
    held_step: str | None = None
    for i, ev in enumerate(events):
        nxt = events[i + 1] if i + 1 < len(events) else None
        end = nxt.at if nxt is not None else None
        left_by = nxt.user if nxt is not None else ""
        state = Status(ev.to_status)
        if state is Status.HELD:
            step = held_step or "verification"
        else:
            step = STATE_STEP.get(state)
            held_step = step
        start = ev.at

        if i == 0 and not ev.from_status:
            intake_end = start
            # An import time after the order's next move is not when it came in (demo data,
            # a restored backup); the intake then counts as instant.
            if (
                imported_at is not None
                and start < imported_at
                and (end is None or imported_at <= end)
            ):
                intake_end = imported_at
            pieces.append(
                Visit(
                    "intake",
                    start,
                    intake_end,
                    _seconds(start, intake_end),
                    ev.user,
                    ev.user,
                    state.value,
                )
            )
            start = intake_end

        if step is None:
            continue
        if step == "verification" and paid_at is not None and paid_at > start:
            start = min(paid_at, end) if end is not None else min(paid_at, now)
        seconds = _seconds(start, end if end is not None else now)
        pieces.append(Visit(step, start, end, seconds, ev.user, left_by, state.value, ev.user))

    return _merged(pieces)


def _seconds(start: datetime, end: datetime) -> float:
    return max(0.0, (end - start).total_seconds())


def _merged(pieces: list[Visit]) -> list[Visit]:
    """Join back-to-back pieces of one step (new, then held) into one visit."""
    merged: list[Visit] = []
    for piece in pieces:
        last = merged[-1] if merged else None
        if last is not None and last.step == piece.step and last.step != "intake":
            # A piece cut to nothing (waiting for payment) does not start the visit.
            merged[-1] = Visit(
                last.step,
                last.start if last.seconds else piece.start,
                piece.end,
                last.seconds + piece.seconds,
                last.entered_by,
                piece.left_by,
                piece.state,
                piece.last_moved_by,
            )
        else:
            merged.append(piece)
    return merged


def hold_step(events: list[EventRow], index: int) -> str:
    """The step a hold at `events[index]` belongs to: the step of the last non-held state."""
    for ev in reversed(events[:index]):
        step = STATE_STEP.get(Status(ev.to_status)) if ev.to_status != Status.HELD else None
        if step is not None:
            return step
    return "verification"
