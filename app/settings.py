"""Site settings stored as JSON in the database, with defaults kept next to the code using them.

Usage: `settings.get(session, "returns.address", "")`. A feature module documents its own keys;
a value never set reads as the default given by the caller. Keys whose wrong value would print
a wrong label or crash a reader are listed in `app.settings_checks` and read through its
`read()`, so a bad stored value stops with the command that fixes it.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Setting


def get(session: Session, key: str, default: Any = None) -> Any:
    row = session.get(Setting, key)
    return default if row is None else json.loads(row.value)


def put(session: Session, key: str, value: Any) -> None:
    text = json.dumps(value, ensure_ascii=False, default=str)
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=text))
    else:
        row.value = text


def all_values(session: Session) -> dict[str, Any]:
    """Every setting that has been stored, by key."""
    return {row.key: json.loads(row.value) for row in session.scalars(select(Setting))}
