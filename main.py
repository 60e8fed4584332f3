"""PackDesk entry point: `packdesk …` and `python main.py …` are the same program.

Without a command it opens the desk window. The `gui` command lives here rather than in
`app.cli` because `app/` never imports Qt.
"""

from __future__ import annotations

import os
import sys

from app.cli import build_parser, run
from app.config import data_dir
from app.logs import setup_logging


def _gui(db, args) -> int:
    from ui.application import run_gui

    return run_gui(db)


def _tell_window_user(exc) -> None:
    """Started from an icon nobody sees the console, so the refusal also comes up in a box."""
    from ui.application import show_start_failure

    show_start_failure(str(exc))


def _register_gui(subparsers) -> None:
    subparsers.add_parser("gui", help="打开打包台窗口（不带命令时也是这样）").set_defaults(
        handler=_gui
    )


def main(argv: list[str] | None = None) -> int:
    parser = build_parser(extra=_register_gui)
    args = parser.parse_args(argv)
    setup_logging(args.verbose, data_dir() / "logs")
    handler = getattr(args, "handler", _gui)
    try:
        status = run(args, handler, _tell_window_user if handler is _gui else None)
        sys.stdout.flush()
        return status
    except BrokenPipeError:
        # The reader went away (`packdesk orders --json | head`); that is not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
