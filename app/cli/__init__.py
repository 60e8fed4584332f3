"""The command line: the same services the windows use, for batch work and checks.

Each module `app/cli/*_cmd.py` has `register(subparsers)`, which adds its commands with
`set_defaults(handler=...)`. A handler takes `(db, args)` and returns the exit status. Bad input
(`app.errors.BadInput`), a database that cannot be opened among it, exits 3 with its message on
stderr; argparse exits 2 on a usage error.
The `gui` command is added by `main.py`, because `app/` never imports Qt.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.exc import OperationalError

from app.cli import argparse_zh
from app.cli.help_format import DeskParser
from app.config import db_setting
from app.db.engine import Database, is_busy
from app.db.opening import DatabaseUnavailable, open_database
from app.errors import BadInput, PackDeskError

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_BAD_INPUT = 3

CLI_DIR = Path(__file__).resolve().parent


def command_modules() -> list[str]:
    """Every `*_cmd.py` beside this file, so a new step adds commands without a shared list."""
    return sorted(f"app.cli.{p.stem}" for p in CLI_DIR.glob("*_cmd.py"))


def build_parser(
    extra: Callable[[argparse._SubParsersAction], None] | None = None,
) -> argparse.ArgumentParser:
    """The whole command line; `extra` adds commands that live outside `app/`."""
    argparse_zh.install()
    parser = DeskParser(prog="packdesk", description="PackDesk 打包台。不带命令时打开打包台窗口。")
    parser.add_argument(
        "--db",
        metavar="URL",
        help="数据库地址（SQLAlchemy URL）；不填时用环境变量 PACKDESK_DB，"
        "再没有就用本机用户数据文件夹里的 SQLite 文件",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="日志里也记下调试信息")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in command_modules():
        importlib.import_module(name).register(subparsers)
    if extra is not None:
        extra(subparsers)
    return parser


# Options that name a file a command writes; they are checked before anything is stored, so a
# bad path never leaves a printed-but-unsaved waybill or a closed handover without a manifest.
OUTPUT_OPTIONS = ("out", "report", "export", "slip", "restock_pdf")


def check_output_paths(args: argparse.Namespace) -> None:
    for name in OUTPUT_OPTIONS:
        value = getattr(args, name, None)
        if not value:
            continue
        path = Path(value)
        option = "--" + name.replace("_", "-")
        folder = path.resolve().parent
        if path.is_dir():
            raise BadInput(f"{option} {path}：这是一个文件夹，请给出要写入的文件名")
        if not folder.is_dir():
            raise BadInput(f"{option} {path}：文件夹 {folder} 不存在")
        if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
            raise BadInput(f"{option} {path}：没有写入权限")


def run(
    args: argparse.Namespace,
    handler: Callable[[Database, argparse.Namespace], int],
    on_db_unavailable: Callable[[DatabaseUnavailable], None] | None = None,
) -> int:
    """Open the database, call the handler, and turn typed errors into exit statuses.

    `on_db_unavailable` also tells a person who started the window from an icon, where
    nobody reads the console, why the database could not be opened.
    """
    db = None
    try:
        check_output_paths(args)
        db = open_database(db_setting(args.db))
        return handler(db, args)
    except DatabaseUnavailable as exc:
        print(f"packdesk: {exc}", file=sys.stderr)
        if on_db_unavailable is not None:
            on_db_unavailable(exc)
        return EXIT_BAD_INPUT
    except BadInput as exc:
        print(f"packdesk: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except PackDeskError as exc:
        print(f"packdesk: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except OperationalError as exc:
        if not is_busy(exc):
            raise
        # Nothing was stored: the transaction that waited is rolled back whole.
        log.info("database busy: %s", exc)
        print(
            "packdesk: 数据库正被另一台打包台或另一个命令占用（等了 10 秒仍未释放），"
            "本次没有保存任何内容；请稍后再试",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    finally:
        if db is not None:
            db.dispose()
