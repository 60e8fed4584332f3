"""`packdesk print DOCUMENT …`: every printable document, one sub-command each.

Each module `app/cli/print_*.py` has `register(print_subparsers)` and adds its document
(waybill, label, zpl, flow, order-flow, daily-report, …) there.
"""

from __future__ import annotations

import importlib

from app.cli import CLI_DIR


def register(subparsers) -> None:
    parser = subparsers.add_parser("print", help="把单据输出为文件，以便打印")
    documents = parser.add_subparsers(required=True)
    for path in sorted(CLI_DIR.glob("print_*.py")):
        if path.stem == "print_cmd":
            continue
        importlib.import_module(f"app.cli.{path.stem}").register(documents)
