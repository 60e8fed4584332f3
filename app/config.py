"""Where the database lives and which desk this is.

The URL is chosen in this order: the `--db` option, the `PACKDESK_DB` environment variable, then
a SQLite file in the user's data folder. Everything else a desk can configure lives in the
database (`app.settings`), so that several desks sharing one server agree on it.
"""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

import platformdirs

APP_NAME = "PackDesk"
DEFAULT_TZ = "Asia/Shanghai"


def data_dir() -> Path:
    """The per-user folder for the database and the log files; created on first use."""
    path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_url() -> str:
    return f"sqlite:///{data_dir() / 'packdesk.sqlite3'}"


@dataclass(frozen=True)
class DbSetting:
    """A database URL and where it came from, so a refusal can name the place to correct it."""

    url: str
    # "--db", "PACKDESK_DB", or "" for the file in the data folder.
    source: str


def db_setting(option: str | None = None) -> DbSetting:
    """The URL to open; surrounding spaces (a copied line) are not part of it."""
    if option and option.strip():
        return DbSetting(option.strip(), "--db")
    from_env = os.environ.get("PACKDESK_DB", "").strip()
    if from_env:
        return DbSetting(from_env, "PACKDESK_DB")
    return DbSetting(default_db_url(), "")


def desk_timezone() -> ZoneInfo:
    """The zone times are shown in; stored times are always UTC."""
    return ZoneInfo(os.environ.get("PACKDESK_TZ", DEFAULT_TZ))


def current_user() -> str:
    """Who is at the desk, for the ledger and the audit trail."""
    return os.environ.get("PACKDESK_USER") or getpass.getuser()


def resources_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "resources"
