"""China's administrative divisions (GB/T 2260 codes) as lookup tables for the address parser.

Why not call `cpca.transform` directly: libraries.md records its faults (it drops 东莞 from
"东莞大道", turns "假县" into 重庆市/县, prints placeholder cities such as 市辖区, and keeps codes
abolished since about 2017). We use only its division table (`cpca/resources/adcodes.csv`, which
ships with the package and needs no pandas) and correct it with our own table of changes,
`data/division_changes.csv`: each abolished name maps to its successor with a note, and
divisions created since are added.

Placeholder levels (市辖区, 县, 省直辖县级行政区划) never become a city: a municipality's city is
the municipality itself, and a county-level unit directly under its province (神农架林区,
仙桃市) is its own city with no county level, like 东莞 and 中山.
"""

from __future__ import annotations

import csv
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from importlib.util import find_spec
from pathlib import Path

log = logging.getLogger(__name__)

CHANGES_FILE = Path(__file__).resolve().parent / "data" / "division_changes.csv"

MUNICIPALITIES = frozenset({"11", "12", "31", "50"})
PLACEHOLDERS = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})
PROVINCE_SUFFIXES = ("特别行政区", "自治区", "省", "市")
CITY_SUFFIXES = ("自治州", "地区", "林区", "市", "盟")
COUNTY_SUFFIXES = ("自治县", "自治旗", "新区", "林区", "区", "县", "市", "旗")


@dataclass(eq=False)
class County:
    code: str
    name: str
    city: City = field(repr=False)


@dataclass(eq=False)
class City:
    code: str
    name: str
    province: Province = field(repr=False)
    # True for 东莞, 中山, 嘉峪关 and county-level units directly under a province.
    no_county: bool = False
    counties: dict[str, County] = field(default_factory=dict, repr=False)


@dataclass(eq=False)
class Province:
    code: str
    name: str
    municipality: bool
    cities: dict[str, City] = field(default_factory=dict, repr=False)


@dataclass(frozen=True)
class Rename:
    """An abolished name and the division that replaced it."""

    county: County | None
    city: City
    note: str


@dataclass(eq=False)
class Divisions:
    provinces: dict[str, Province]
    # name or short name -> province
    province_names: dict[str, Province]
    # per province: name or short name -> city; and one table for the whole country
    city_names: dict[str, dict[str, City]]
    city_names_all: dict[str, list[City]]
    # per city code: full name -> county, short name -> county
    county_full: dict[str, dict[str, County]]
    county_short: dict[str, dict[str, County]]
    county_by_province: dict[str, dict[str, list[County]]]
    county_names_all: dict[str, list[County]]
    # (old city name, old county name) -> rename; old city name -> rename
    county_renames: dict[tuple[str, str], Rename]
    city_renames: dict[str, Rename]
    county_renames_all: dict[str, list[Rename]]
    max_name: int


def _cpca_resource(name: str) -> str:
    """A data file shipped with cpca, read without importing cpca (which imports pandas)."""
    spec = find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("cpca is not installed; its division table is needed")
    folder = Path(next(iter(spec.submodule_search_locations))) / "resources"
    return (folder / name).read_text("utf-8")


def _nations() -> list[str]:
    text = _cpca_resource("56_nations.csv")
    # 新疆维吾尔自治区 writes the nation without 族.
    names = {n.strip() for n in text.split() if n.strip()} | {"维吾尔"}
    return sorted(names, key=len, reverse=True)


def short_name(name: str, suffixes: tuple[str, ...], nations: list[str]) -> str:
    """The name people write without its level: 广东省 -> 广东, 恩施土家族苗族自治州 -> 恩施.

    Returns "" when the rest would be a single character (县 in 沙县 is part of the name).
    """
    base = name
    for suffix in suffixes:
        if base.endswith(suffix):
            base = base[: -len(suffix)]
            break
    cut = min((i for n in nations if (i := base.find(n)) > 0), default=len(base))
    base = base[:cut]
    return base if len(base) >= 2 and base != name else ""


def _raw_table() -> dict[str, str]:
    """code (6 digits) -> name, from cpca's table."""
    text = _cpca_resource("adcodes.csv")
    rows = csv.DictReader(text.splitlines())
    return {row["adcode"][:6]: row["name"] for row in rows}


def _changes() -> list[dict[str, str]]:
    with CHANGES_FILE.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _apply_changes(raw: dict[str, str], changes: list[dict[str, str]]) -> list[dict]:
    """Bring cpca's table up to date in place; return the renames to remember as aliases."""
    by_name = {(code[:4], name): code for code, name in raw.items()}
    city_code = {name: code for code, name in raw.items() if code.endswith("00")}
    aliases = []
    for row in sorted(changes, key=lambda r: r["old_county"] == ""):
        old_city = city_code.get(row["old_city"], "")
        if row["old_county"]:
            old = by_name.get((old_city[:4], row["old_county"]))
            if old is not None and old != row["new_code"]:
                raw.pop(old, None)
            if row["old_county"] != row["new_county"]:
                aliases.append(row)
        elif not row["new_county"] and row["old_city"] != row["new_city"]:
            for code in [c for c in raw if old_city and c[:4] == old_city[:4]]:
                raw.pop(code)
            aliases.append(row)
        raw[row["new_code"]] = row["new_county"] or row["new_city"]
    return aliases


@cache
def divisions() -> Divisions:
    """Built once per process (about 30 ms); every parse reads these tables only."""
    nations = _nations()
    raw = _raw_table()
    aliases = _apply_changes(raw, _changes())

    provinces = {
        code[:2]: Province(code, name, code[:2] in MUNICIPALITIES)
        for code, name in raw.items()
        if code.endswith("0000")
    }
    cities: dict[str, City] = {}
    for code, name in sorted(raw.items()):
        if code.endswith("0000") or not code.endswith("00"):
            continue
        province = provinces[code[:2]]
        if province.municipality:
            city = City(code, province.name, province)
        elif name in PLACEHOLDERS:
            continue
        else:
            city = City(code, name, province)
        cities[code[:4]] = city
    for code, name in sorted(raw.items()):
        if code.endswith("00") or name in PLACEHOLDERS:
            continue
        province = provinces[code[:2]]
        parent = cities.get(code[:4])
        if parent is None:
            # A county-level unit directly under its province is its own city.
            cities[code] = City(code, name, province, no_county=True)
            continue
        parent.counties[name] = County(code, name, parent)
    for city in cities.values():
        if not city.counties:
            city.no_county = True
        if not city.province.municipality:
            city.province.cities[city.name] = city

    return _index(provinces, cities, aliases, nations)


def _index(provinces, cities, aliases, nations) -> Divisions:
    province_names: dict[str, Province] = {}
    for province in provinces.values():
        province_names[province.name] = province
        if short := short_name(province.name, PROVINCE_SUFFIXES, nations):
            province_names[short] = province

    city_names: dict[str, dict[str, City]] = defaultdict(dict)
    city_names_all: dict[str, list[City]] = defaultdict(list)
    county_full: dict[str, dict[str, County]] = defaultdict(dict)
    county_short: dict[str, dict[str, County]] = defaultdict(dict)
    county_by_province: dict[str, dict[str, list[County]]] = defaultdict(lambda: defaultdict(list))
    county_names_all: dict[str, list[County]] = defaultdict(list)
    for city in cities.values():
        pcode = city.province.code[:2]
        if not city.province.municipality:
            names = {city.name, short_name(city.name, CITY_SUFFIXES, nations)} - {""}
            for name in names:
                city_names[pcode][name] = city
                city_names_all[name].append(city)
        for county in city.counties.values():
            county_full[city.code][county.name] = county
            if short := short_name(county.name, COUNTY_SUFFIXES, nations):
                county_short[city.code].setdefault(short, county)
            county_by_province[pcode][county.name].append(county)
            county_names_all[county.name].append(county)

    by_code = {c.code: c for city in cities.values() for c in city.counties.values()}
    city_by_code = {city.code: city for city in cities.values()}
    county_renames: dict[tuple[str, str], Rename] = {}
    city_renames: dict[str, Rename] = {}
    county_renames_all: dict[str, list[Rename]] = defaultdict(list)
    for row in aliases:
        year = row["date"][:4]
        if row["old_county"]:
            county = by_code[row["new_code"]]
            note = (
                f"{row['old_city']}{row['old_county']}已于{year}年改为"
                f"{county.city.name}{county.name}"
            )
            rename = Rename(county, county.city, note)
            county_renames[(row["old_city"], row["old_county"])] = rename
            county_renames_all[row["old_county"]].append(rename)
        else:
            city = city_by_code[row["new_code"]]
            note = f"{row['old_city']}已于{year}年并入或改为{city.name}"
            city_renames[row["old_city"]] = Rename(None, city, note)

    longest = max(len(n) for n in [*province_names, *county_names_all, *city_names_all])
    return Divisions(
        provinces,
        province_names,
        dict(city_names),
        dict(city_names_all),
        dict(county_full),
        dict(county_short),
        county_by_province,
        dict(county_names_all),
        county_renames,
        city_renames,
        dict(county_renames_all),
        longest,
    )
