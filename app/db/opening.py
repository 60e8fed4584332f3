"""Opening the database a desk was told to use, and saying in words why it cannot be opened.

A wrong `--db` or `PACKDESK_DB` is an easy mistake on a fresh desk: a plain file path instead
of a URL, a folder that does not exist, a PostgreSQL server that is not running. SQLAlchemy
answers each with an English traceback; here each becomes one Chinese sentence that names the
setting, shows its value with the password hidden and says what to write instead. The
traceback goes to the log file for whoever looks into it later.

A plain file path is refused rather than taken as a SQLite file: a mistyped value would
otherwise quietly create a new, empty database, and the desk would show no orders.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from alembic.util.exc import CommandError
from sqlalchemy.engine import make_url
from sqlalchemy.exc import (
    ArgumentError,
    DBAPIError,
    NoSuchModuleError,
    OperationalError,
    SQLAlchemyError,
)

from app.config import DbSetting
from app.db.engine import Database
from app.errors import BadInput
from app.logs import log_file

log = logging.getLogger(__name__)

URL_FORMS = (
    "SQLite 文件写成 sqlite:////绝对路径/文件名.sqlite3，"
    "PostgreSQL 写成 postgresql+psycopg://用户名:密码@主机:端口/数据库名"
)
PATH_SUFFIXES = (".db", ".sqlite", ".sqlite3")


class DatabaseUnavailable(BadInput):
    """The configured database cannot be opened; nothing was read or stored."""

    def __init__(self, setting: DbSetting, problem: str, advice: str) -> None:
        self.source = setting.source
        self.shown_url = hide_password(setting.url)
        self.problem = problem
        self.advice = advice
        where = setting.source or "默认数据库（用户数据文件夹）"
        super().__init__(f"{where} 的数据库地址「{self.shown_url}」：{problem}。{advice}")


def hide_password(value: str) -> str:
    """The value as it may be shown on screen and in the log: any password becomes ***."""
    try:
        return make_url(value).render_as_string(hide_password=True)
    except ArgumentError:
        return re.sub(r"(?<=:)[^:/@]+(?=@)", "***", value)


def _as_written(setting: DbSetting, url: str) -> str:
    """How the corrected value is typed in the place it came from."""
    if setting.source == "PACKDESK_DB":
        return f"PACKDESK_DB={url}"
    return f"--db {url}"


def _looks_like_a_path(value: str) -> bool:
    """A file path, not a mistyped URL (whose suggestion would repeat the password)."""
    if "@" in value or re.match(r"[A-Za-z][\w+.-]+:", value):
        return False
    return "/" in value or "\\" in value or value.lower().endswith(PATH_SUFFIXES)


def _not_a_url(setting: DbSetting) -> DatabaseUnavailable:
    value = setting.url
    if _looks_like_a_path(value):
        url = f"sqlite:///{Path(value).expanduser().absolute()}"
        return DatabaseUnavailable(
            setting,
            "这是文件路径，不是数据库地址",
            f"要用这个 SQLite 文件，请写成 {_as_written(setting, url)}"
            "（sqlite: 后面三个斜杠，再接绝对路径）",
        )
    return DatabaseUnavailable(setting, "不是数据库地址", f"请改正：{URL_FORMS}")


def _sqlite_problem(setting: DbSetting, exc: DBAPIError) -> tuple[str, str]:
    path = Path(make_url(setting.url).database or "").expanduser().absolute()
    if "not a database" in str(exc.orig):
        return f"文件 {path} 不是 SQLite 数据库", "请检查路径是否写错"
    if path.is_dir():
        return f"{path} 是文件夹，不是文件", "请在后面加上文件名，如 …/packdesk.sqlite3"
    if not path.parent.is_dir():
        return f"文件夹 {path.parent} 不存在", "请先建好这个文件夹，或改用已有文件夹里的文件"
    return (
        f"文件 {path} 打不开或不能写入",
        "请检查这个文件和所在文件夹的读写权限",
    )


def _server_problem(setting: DbSetting, exc: OperationalError) -> tuple[str, str]:
    """PostgreSQL; psycopg gives no SQLSTATE for a refused connection, so its words are read."""
    said = str(exc.orig)
    database = re.search(r'database "([^"]+)" does not exist', said)
    if database:
        return (
            f"服务器上没有数据库「{database.group(1)}」",
            "请改正数据库名，或请管理员先建好这个数据库",
        )
    if "password authentication failed" in said or re.search(r'role "[^"]+" does not exist', said):
        return "用户名或密码不对，服务器拒绝登录", "请改正地址中的用户名和密码"
    url = make_url(setting.url)
    return (
        f"连不上数据库服务器 {url.host or 'localhost'}:{url.port or 5432}",
        "请确认服务器已经启动，主机、端口写对，这台电脑的网络能连到它",
    )


def _explain(setting: DbSetting, exc: Exception) -> DatabaseUnavailable:
    if isinstance(exc, NoSuchModuleError):
        kind = make_url(setting.url).drivername
        return DatabaseUnavailable(
            setting, f"数据库类型「{kind}」PackDesk 不认识", f"请改正：{URL_FORMS}"
        )
    if isinstance(exc, ArgumentError):
        return _not_a_url(setting)
    if isinstance(exc, ImportError):
        if make_url(setting.url).get_backend_name() == "postgresql":
            advice = "请写成 postgresql+psycopg://…，并安装 psycopg（pip install psycopg[binary]）"
        else:
            advice = f"PackDesk 用的是 SQLite 或 PostgreSQL：{URL_FORMS}"
        return DatabaseUnavailable(setting, f"需要的数据库驱动 {exc.name or exc} 没有安装", advice)
    if isinstance(exc, CommandError) and "Can't locate revision" in str(exc):
        return DatabaseUnavailable(
            setting,
            "其中的数据由更新版本的 PackDesk 写入，这个版本读不了",
            "请把这台电脑的 PackDesk 升级到同一版本",
        )
    sqlite = make_url(setting.url).get_backend_name() == "sqlite"
    if isinstance(exc, DBAPIError) and sqlite:
        return DatabaseUnavailable(setting, *_sqlite_problem(setting, exc))
    if isinstance(exc, OperationalError):
        return DatabaseUnavailable(setting, *_server_problem(setting, exc))
    written = log_file()
    where = f"，详细原因已写入日志 {written}" if written else ""
    return DatabaseUnavailable(setting, "打不开", f"请检查地址是否写对{where}")


def open_database(setting: DbSetting) -> Database:
    """The migrated database of this setting, or `DatabaseUnavailable` in words a clerk reads."""
    try:
        return Database(setting.url)
    except (SQLAlchemyError, ImportError, CommandError) as exc:
        log.info(
            "database %s (from %s) could not be opened",
            hide_password(setting.url),
            setting.source or "the default",
            exc_info=True,
        )
        raise _explain(setting, exc) from exc
