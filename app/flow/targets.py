"""Target times per step, kept in the site settings so a supervisor can tighten or relax them.

Setting `flow.targets` holds `{step key: hours}`; a step missing from it uses the default in
app.flow.steps, and `null` switches a step's target off.
"""

from __future__ import annotations

import logging

from sqlalchemy.orm import Session

from app import settings, settings_checks
from app.db.engine import Database
from app.errors import BadInput
from app.flow.steps import STEP_BY_KEY, STEPS

log = logging.getLogger(__name__)

SETTING_KEY = "flow.targets"


class UnknownStep(BadInput):
    def __init__(self, key: str) -> None:
        super().__init__(f"没有这个流程步骤: {key}（可用: {', '.join(STEP_BY_KEY)}）")
        self.key = key


def targets(session: Session) -> dict[str, float | None]:
    """Hours per step key; None where the step has no target."""
    saved = settings_checks.read(session, SETTING_KEY, {})
    result: dict[str, float | None] = {}
    for step in STEPS:
        value = saved.get(step.key, step.target_hours) if step.kind == "step" else None
        result[step.key] = None if value is None else float(value)
    return result


def set_target(db: Database, step_key: str, hours: float | None) -> None:
    """Change one step's target (None switches it off)."""
    set_targets(db, {step_key: hours})


def current_targets(db: Database) -> dict[str, float | None]:
    """The targets as the sheet uses them, for the window's settings dialog."""
    with db.reading() as session:
        return targets(session)


def set_targets(db: Database, hours_by_step: dict[str, float | None]) -> None:
    """Change several targets together (the settings dialog saves them in one go)."""
    for key, hours in hours_by_step.items():
        if key not in STEP_BY_KEY:
            raise UnknownStep(key)
        if hours is not None and hours <= 0:
            raise BadInput(f"目标时间必须大于 0 小时: {key}={hours}")
    with db.transaction() as session:
        saved = dict(settings_checks.read(session, SETTING_KEY, {}))
        saved.update(hours_by_step)
        settings.put(session, SETTING_KEY, settings_checks.check(SETTING_KEY, saved))
    log.info("flow targets changed: %s", hours_by_step)
