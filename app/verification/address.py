"""Reading a free-text Chinese address into province, city and district with GB/T 2260 codes.

The parser walks the text from the left and only ever matches a division name where the
previous one ended, so a name inside the street part ("东莞大道", "中山路") is never taken for a
city. A short name (广州 for 广州市) is only accepted when the next character does not continue a
street name, and a name is never guessed from a single character: "假县" stays unknown instead
of becoming 重庆市/县 as cpca does. Divisions come from `app.verification.divisions`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from app.verification.divisions import City, County, Divisions, Province, divisions

# After a short name, these characters mean the name is the start of a street or a building.
STREET_CONTINUATIONS = frozenset("路街道巷弄桥村镇乡大里湖山门广场园")
COUNTRY_PREFIXES = ("中华人民共和国", "中国")
POSTCODE = re.compile(r"\s*[（(]\s*(\d{6})\s*[)）]\s*$|\s*邮编[:：]?\s*(\d{6})\s*$")
SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class ParsedAddress:
    province: str = ""
    city: str = ""
    district: str = ""
    province_code: str = ""
    city_code: str = ""
    district_code: str = ""
    detail: str = ""
    postcode: str = ""
    # True when the city has no county level (东莞, 中山, 神农架林区), so no district is needed.
    no_district_level: bool = False
    # Things a clerk should know but that do not stop the order (a rename, an inferred city).
    notes: tuple[str, ...] = ()

    @property
    def complete(self) -> bool:
        return bool(self.province and self.city and (self.district or self.no_district_level))

    @property
    def problem(self) -> str:
        """Why the address cannot be shipped to as it stands, or "" when it can."""
        if not self.province and not self.city:
            return "地址中找不到省份和城市，请人工核对"
        if not self.city:
            return f"地址只识别出{self.province}，找不到城市"
        if not self.complete:
            return f"地址缺少区县（已识别{self.province}{self.city}）"
        return ""


class _Walk:
    """The state of one parse: the text, where we are, and what has been found."""

    def __init__(self, text: str, table: Divisions) -> None:
        self.text = text
        self.pos = 0
        self.t = table
        self.province: Province | None = None
        self.city: City | None = None
        self.county: County | None = None
        self.typed_city = ""
        self.notes: list[str] = []

    def skip_spaces(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos] in " \t,，-/":
            self.pos += 1

    def match(self, names: dict, *, short_guard: dict | None = None) -> tuple[str, object] | None:
        """The longest name in `names` starting here; consumes it."""
        self.skip_spaces()
        for length in range(min(self.t.max_name, len(self.text) - self.pos), 1, -1):
            word = self.text[self.pos : self.pos + length]
            found = names.get(word)
            if found is None:
                continue
            after = self.text[self.pos + length : self.pos + length + 1]
            if short_guard is not None and word in short_guard and after in STREET_CONTINUATIONS:
                continue
            self.pos += length
            return word, found
        return None

    def peek_length(self, names: dict) -> int:
        for length in range(min(self.t.max_name, len(self.text) - self.pos), 1, -1):
            if self.text[self.pos : self.pos + length] in names:
                return length
        return 0


def _unique(items: list) -> object | None:
    return items[0] if len(items) == 1 else None


@cache
def _full_city_names(t: Divisions) -> dict[str, City]:
    return {
        name: cities[0]
        for name, cities in t.city_names_all.items()
        if len(cities) == 1 and cities[0].name == name
    }


@cache
def _short_city_names(t: Divisions) -> dict[str, City]:
    return {
        name: cities[0]
        for name, cities in t.city_names_all.items()
        if len(cities) == 1 and cities[0].name != name
    }


@cache
def _municipality_names(t: Divisions, province: Province) -> dict[str, int]:
    return {province.name: 1, **{n: 1 for n, p in t.province_names.items() if p is province}}


@cache
def _city_tables(t: Divisions, pcode: str) -> tuple[dict, dict, dict]:
    """Full city names, short city names and old city names of one province."""
    names = t.city_names.get(pcode, {})
    full = {n: c for n, c in names.items() if c.name == n}
    shorts = {n: c for n, c in names.items() if c.name != n}
    renames = {n: r for n, r in t.city_renames.items() if r.city.province.code[:2] == pcode}
    return full, shorts, renames


@cache
def _county_renames_of_city(t: Divisions, typed: str, name: str) -> dict:
    return {old: r for (city, old), r in t.county_renames.items() if city in (typed, name)}


@cache
def _province_county_tables(t: Divisions, pcode: str) -> tuple[dict, dict, dict]:
    """Counties whose full or short name is unique in the province, and its old names."""
    candidates = t.county_by_province.get(pcode, {})
    unique = {n: c[0] for n, c in candidates.items() if len(c) == 1}
    renames = {
        old: rs[0]
        for old, rs in t.county_renames_all.items()
        if len(rs) == 1 and rs[0].city.province.code[:2] == pcode
    }
    shorts: dict[str, list[County]] = {}
    for city_code, names in t.county_short.items():
        if city_code[:2] == pcode:
            for short, county in names.items():
                shorts.setdefault(short, []).append(county)
    unique_shorts = {n: c[0] for n, c in shorts.items() if len(c) == 1 and n not in unique}
    return unique, renames, unique_shorts


@cache
def _national_county_tables(t: Divisions) -> tuple[dict, dict]:
    """Counties whose full name (3+ characters) is unique in China, and unique old names."""
    unique = {n: c[0] for n, c in t.county_names_all.items() if len(c) == 1 and len(n) >= 3}
    renames = {old: rs[0] for old, rs in t.county_renames_all.items() if len(rs) == 1}
    return unique, renames


def _find_province_or_city(w: _Walk) -> None:
    t = w.t
    w.skip_spaces()
    full_cities = _full_city_names(t)
    province_len = w.peek_length(t.province_names)
    city_len = w.peek_length(full_cities)
    if province_len and province_len >= city_len:
        _, w.province = w.match(t.province_names)
        return
    found = w.match(full_cities) or w.match(_short_city_names(t), short_guard=t.city_names_all)
    if found:
        w.typed_city, w.city = found
        w.province = w.city.province
        w.match({w.city.name: 1})
        return
    renamed = w.match(t.city_renames)
    if renamed:
        w.typed_city, rename = renamed
        w.city, w.province = rename.city, rename.city.province
        w.notes.append(rename.note)


def _find_city(w: _Walk) -> None:
    t, province = w.t, w.province
    if province.municipality:
        # 北京市北京市朝阳区 and 北京市市辖区朝阳区 both occur in exports.
        w.match(_municipality_names(t, province))
        w.match({"市辖区": 1, "县": 1} if w.text[w.pos : w.pos + 2] != "县城" else {"市辖区": 1})
        return
    full, shorts, renames = _city_tables(t, province.code[:2])
    found = w.match(full)
    renamed = None if found else w.match(renames)
    found = found or (None if renamed else w.match(shorts, short_guard=shorts))
    if found:
        w.typed_city, w.city = found
        # 济南济南市市中区: the city written twice, short then full.
        w.match({w.city.name: 1})
    elif renamed:
        w.typed_city, rename = renamed
        w.city = rename.city
        w.notes.append(rename.note)


def _find_county(w: _Walk) -> None:
    t = w.t
    if w.city is not None and w.city.no_county:
        return
    if w.city is not None and not w.province.municipality:
        code = w.city.code
        shorts = t.county_short.get(code, {})
        found = w.match(t.county_full.get(code, {}))
        renamed = None if found else w.match(_county_renames_of_city(t, w.typed_city, w.city.name))
        found = found or (None if renamed else w.match(shorts, short_guard=shorts))
        if found:
            w.county = found[1]
        elif renamed:
            w.county, w.city = renamed[1].county, renamed[1].city
            w.notes.append(renamed[1].note)
        return
    if w.province is not None:
        unique, renames, shorts = _province_county_tables(t, w.province.code[:2])
        found = w.match(unique)
        renamed = None if found else w.match(renames)
        found = found or (None if renamed else w.match(shorts, short_guard=shorts))
        if found:
            w.county = found[1]
            w.city = w.county.city
        elif renamed:
            w.county, w.city = renamed[1].county, renamed[1].city
            w.notes.append(renamed[1].note)
        return
    unique, renames = _national_county_tables(t)
    found = w.match(unique)
    if found:
        w.county = found[1]
        w.city, w.province = w.county.city, w.county.city.province
        w.notes.append(f"省市由区县名「{w.county.name}」推断")
        return
    renamed = w.match(renames)
    if renamed:
        rename = renamed[1]
        w.county, w.city, w.province = rename.county, rename.city, rename.city.province
        w.notes.append(rename.note)


def parse_address(text: str) -> ParsedAddress:
    """Province, city and district of `text` with codes; the rest is the detail.

    Accepts both free text ("广东省东莞市莞城区东莞大道1号") and the platforms' spaced form
    ("浙江省 杭州市 拱墅区 体育场路1号(310000)"). Never raises on odd input.
    """
    raw = (text or "").strip()
    postcode = ""
    if m := POSTCODE.search(raw):
        postcode = m.group(1) or m.group(2)
        raw = raw[: m.start()]
    for prefix in COUNTRY_PREFIXES:
        if raw.startswith(prefix):
            raw = raw[len(prefix) :]

    w = _Walk(raw, divisions())
    _find_province_or_city(w)
    if w.province is not None and w.city is None:
        _find_city(w)
        if w.province.municipality:
            w.city = None
    _find_county(w)
    if w.province is not None and w.province.municipality and w.county is not None:
        w.city = w.county.city

    w.skip_spaces()
    detail = SPACES.sub(" ", w.text[w.pos :]).strip()
    province, city, county = w.province, w.city, w.county
    if province is not None and province.municipality and city is None:
        # The municipality is its own city; the district decides which city code applies.
        return ParsedAddress(
            province.name,
            province.name,
            "",
            province.code,
            province.code[:2] + "0100",
            "",
            detail,
            postcode,
            False,
            tuple(w.notes),
        )
    return ParsedAddress(
        province=province.name if province else "",
        city=city.name if city else "",
        district=county.name if county else "",
        province_code=province.code if province else "",
        city_code=city.code if city else "",
        district_code=county.code if county else "",
        detail=detail,
        postcode=postcode,
        no_district_level=bool(city and city.no_county),
        notes=tuple(w.notes),
    )
