"""The thresholds a supervisor tunes: exception rules and the compensation approval limit."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.orm import Session

from app import settings, settings_checks
from app.config import current_user
from app.db.engine import Database
from app.tracking.compensation import approval_limit
from app.tracking.feedback import FeedbackInputError
from app.tracking.rules import RULES, WATCH_DAYS, threshold

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RuleSettings:
    no_first_event_hours: int
    stalled_hours: int
    overdue_grace_days: int
    watch_days: int
    approval_limit: Decimal


def rule_settings(session: Session) -> RuleSettings:
    return RuleSettings(
        no_first_event_hours=threshold(session, "no_first_event"),
        stalled_hours=threshold(session, "stalled"),
        overdue_grace_days=threshold(session, "overdue"),
        watch_days=settings_checks.read(session, "tracking.rules.watch_days", WATCH_DAYS),
        approval_limit=approval_limit(session),
    )


def save_rule_settings(db: Database, new: RuleSettings) -> RuleSettings:
    """Store the thresholds; the next run of the rules uses them."""
    checks = (
        ("交接后无揽收（小时）", new.no_first_event_hours, 1),
        ("运输中无更新（小时）", new.stalled_hours, 1),
        ("超过预计送达（天）", new.overdue_grace_days, 0),
        ("监控天数", new.watch_days, 1),
    )
    for field, value, lowest in checks:
        if value < lowest:
            raise FeedbackInputError(field, f"不能小于 {lowest}")
    if new.approval_limit < 0:
        raise FeedbackInputError("审批限额", "不能为负数")

    with db.transaction() as session:
        settings.put(session, RULES["no_first_event"].setting, new.no_first_event_hours)
        settings.put(session, RULES["stalled"].setting, new.stalled_hours)
        settings.put(session, RULES["overdue"].setting, new.overdue_grace_days)
        settings.put(session, "tracking.rules.watch_days", new.watch_days)
        settings.put(session, "feedback.approval_limit", str(new.approval_limit))
        log.info("tracking rule settings changed by %s: %s", current_user(), new)
        return rule_settings(session)
