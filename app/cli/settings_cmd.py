"""`packdesk settings`: read and change the site settings every desk shares.

Values are JSON (`5`, `"18:00"`, `["sms"]`); a value that is not valid JSON is taken as text,
so `packdesk settings set sender.name 青禾小铺` works without quotes. Keys PackDesk reads are
checked first (`app.settings_checks`); any other key is stored with a warning, as a likely typo.
"""

from __future__ import annotations

import argparse
import json
import sys

from app import settings, settings_checks
from app.cli.output import print_json
from app.db.engine import Database


def register(subparsers) -> None:
    p = subparsers.add_parser("settings", help="查看和修改本店的设置")
    actions = p.add_subparsers(required=True)
    listing = actions.add_parser("list", help="列出所有设过的设置")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=handle_list)
    get = actions.add_parser("get", help="查看一项设置")
    get.add_argument("key")
    get.set_defaults(handler=handle_get)
    put = actions.add_parser("set", help="修改一项设置")
    put.add_argument("key")
    put.add_argument("value")
    put.set_defaults(handler=handle_set)


def _parse(text: str):
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def handle_list(db: Database, args: argparse.Namespace) -> int:
    with db.reading() as session:
        values = settings.all_values(session)
    if args.json:
        print_json(values)
    else:
        for key, value in values.items():
            print(f"{key}\t{json.dumps(value, ensure_ascii=False)}")
    return 0


def handle_get(db: Database, args: argparse.Namespace) -> int:
    with db.reading() as session:
        value = settings.get(session, args.key)
    print(json.dumps(value, ensure_ascii=False))
    return 0


def handle_set(db: Database, args: argparse.Namespace) -> int:
    value = settings_checks.check(args.key, _parse(args.value))
    hint = settings_checks.unknown_key_hint(args.key)
    if hint:
        print(hint, file=sys.stderr)
    with db.transaction() as session:
        settings.put(session, args.key, value)
    return 0
