"""The whole carrier catalogue as JSON, so a shop can load its contract prices in one go.

An import is all or nothing: every field is checked first, with its place in the file as a
path ("carriers[2].rates[0].first_price"), and one wrong value stores nothing. A carrier in the
file replaces that carrier's header fields and every table the entry lists; carriers not in
the file, and tables an entry leaves out, stay as they are. Money is written as text ("12.00")
so no reader turns a price into a float; a price typed as a JSON number (12.3) is read as the
exact decimal it spells, never through a binary float.

The file says what it is ("format") and which layout it uses ("version"); a file without them,
or from a later PackDesk, is refused whole rather than read by guesswork.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app.config import current_user
from app.db.engine import Database
from app.db.models.carriers import (
    Carrier,
)
from app.errors import FileRefused
from app.file_access import read_text, write_text
from app.shipping.carriers import carriers
from app.shipping.catalogue_checks import (
    HEADER_FIELDS,
    CatalogueInputError,
    check_carrier,
    check_code,
    checked,
)
from app.shipping.catalogue_edit import new_service
from app.shipping.catalogue_lock import lock_carriers
from app.shipping.catalogue_tables import (
    TABLES,
    checked_rows,
    replace_table,
    services_still_used,
)
from app.shipping.catalogue_view import detail_of

log = logging.getLogger(__name__)

FORMAT = "packdesk.carriers"
VERSION = 1


@dataclass(frozen=True)
class CatalogueImport:
    added: tuple[str, ...]
    replaced: tuple[str, ...]


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def export_catalogue(db: Database) -> dict:
    """Every carrier, switched-off ones too, with all its tables."""
    with db.transaction() as session:
        entries = []
        for carrier in carriers(session, active_only=False):
            detail = detail_of(session, carrier)
            entry = dataclasses.asdict(detail.header)
            for table in TABLES:
                entry[table] = [dataclasses.asdict(row) for row in getattr(detail, table)]
            entries.append(_plain(entry))
    return {"format": FORMAT, "version": VERSION, "carriers": entries}


def export_catalogue_file(db: Database, path: Path) -> int:
    """Write the catalogue to `path`; returns how many carriers were written."""
    data = export_catalogue(db)
    write_text(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    log.info("exported %d carriers to %s", len(data["carriers"]), path)
    return len(data["carriers"])


def import_catalogue_file(db: Database, path: Path) -> CatalogueImport:
    """Load a file `export_catalogue_file` wrote (or one like it); refused whole if unusable."""
    text = read_text(path)
    try:
        # Decimal, not float: a float keeps about 17 digits, so 3.200000000000000001 would
        # quietly become 3.2 instead of being refused for its decimals. Python's json also
        # reads NaN and Infinity; as Decimals they reach the field checks, which refuse them
        # with the field's path like any other value that is not a number.
        data = json.loads(text, parse_float=Decimal, parse_constant=Decimal)
    except json.JSONDecodeError as exc:
        raise FileRefused(
            str(path), f"不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列）"
        ) from None
    except ValueError:
        # Python refuses to read an integer of more than 4300 digits.
        raise FileRefused(str(path), "不是有效的快递公司目录：其中有位数过多的数字") from None
    except RecursionError:
        raise FileRefused(str(path), "不是有效的快递公司目录：列表或对象嵌套太深") from None
    _check_header(path, data)
    return import_catalogue(db, data)


def _shown(value: object) -> str:
    """A header value as the file wrote it, short enough for one message line."""
    if isinstance(value, list):
        return "一个列表"
    if isinstance(value, dict):
        return "一个对象"
    if isinstance(value, Decimal) or type(value) is int:
        text = str(value)
    else:
        text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:40] + "…"


def _check_header(path: Path, data: object) -> None:
    """Refuse a file that is not a carrier catalogue, or one in a layout this code cannot read.

    Without this, a file from a later version would be read by today's field names, and a
    field it renamed would silently be left out; any other JSON would be read as far as it
    happens to fit.
    """
    if not isinstance(data, dict):
        raise FileRefused(
            str(path), f'不是 PackDesk 快递公司目录：应为对象 {{"format": "{FORMAT}", …}}'
        )
    if "format" not in data:
        raise FileRefused(
            str(path), f'不是 PackDesk 快递公司目录：缺少字段 format（应为 "{FORMAT}"）'
        )
    if data["format"] != FORMAT:
        raise FileRefused(
            str(path),
            f'不是 PackDesk 快递公司目录：字段 format 是 {_shown(data["format"])}，应为 "{FORMAT}"',
        )
    if "version" not in data:
        raise FileRefused(str(path), f"快递公司目录缺少字段 version（应为 {VERSION}）")
    version = data["version"]
    # 1.0 and true are not 1: the exporter writes the whole number.
    if type(version) is not int or version != VERSION:
        reason = f"快递公司目录的字段 version 是 {_shown(version)}，应为 {VERSION}"
        if type(version) is int and version > VERSION:
            reason += "（由更新版本的 PackDesk 导出，请先升级本程序）"
        raise FileRefused(str(path), reason)


def _import_entry(session: Session, known: dict, entry: dict, code: str, path: str) -> bool:
    """Store one carrier entry; True when the carrier is new."""
    extra = sorted(set(entry) - set(HEADER_FIELDS) - set(TABLES) - {"code"})
    if extra:
        raise CatalogueInputError(f"{path}.{extra[0]}", "不认识这个字段")
    header = {k: v for k, v in entry.items() if k in HEADER_FIELDS}
    values = checked(HEADER_FIELDS, header, lambda field, _label: f"{path}.{field}")
    tables = {
        t: checked_rows(
            entry[t],
            t,
            lambda i, t=t: f"{path}.{t}[{i}]",
            lambda i, field, _label, t=t: f"{path}.{t}[{i}].{field}",
        )
        for t in TABLES
        if t in entry
    }

    carrier = known.get(code)
    is_new = carrier is None
    if is_new:
        if "name" not in values:
            raise CatalogueInputError(f"{path}.name", "新快递公司必须有名称")
        # Like `add_carrier`: off until the file says otherwise, so a new carrier's prices are
        # only demanded when the file switches it on.
        carrier = Carrier(code=code, active=False)
        if "services" not in tables:
            carrier.services.append(new_service("标准快递"))
        session.add(carrier)
        known[code] = carrier
    elif "services" in tables:
        services_still_used(session, carrier, tables["services"], f"{path}.services")
    for name, value in values.items():
        setattr(carrier, name, value)
    for table, rows in tables.items():
        replace_table(session, carrier, table, rows)
    session.flush()
    check_carrier(carrier, path)
    return is_new


def import_catalogue(db: Database, data: object) -> CatalogueImport:
    """Load carriers from the export format; nothing is stored unless every field is right."""
    if not isinstance(data, dict) or not isinstance(data.get("carriers"), list):
        raise CatalogueInputError("carriers", '文件中没有快递公司列表（应为 {"carriers": […]}）')
    seen: dict[str, int] = {}
    for index, entry in enumerate(data["carriers"]):
        path = f"carriers[{index}]"
        if not isinstance(entry, dict):
            raise CatalogueInputError(path, "应为对象 {…}")
        code = check_code(entry.get("code"), f"{path}.code")
        if code in seen:
            raise CatalogueInputError(path, f"快递公司 {code} 与 carriers[{seen[code]}] 重复")
        seen[code] = index

    with db.transaction() as session:
        # Every carrier the file names is locked before anything is read (see catalogue_lock).
        lock_carriers(session, seen)
        known = {c.code: c for c in carriers(session, active_only=False)}
        added, replaced = [], []
        for code, index in seen.items():
            entry, path = data["carriers"][index], f"carriers[{index}]"
            (added if _import_entry(session, known, entry, code, path) else replaced).append(code)
        session.info.pop("carriers_by_code", None)
    log.info("catalogue import by %s: added %s, replaced %s", current_user(), added, replaced)
    return CatalogueImport(tuple(added), tuple(replaced))
