"""Sort codes are stored under the full province name the waybill looks up; places, codes and
names are checked like every other catalogue field.

`carriers sort-code SF 广东 广州市 --code 755-A01` was stored under "广东", so a waybill to
广东省 found no row and printed —; 火星 and a 300-digit code were stored too, and the export
holding that code could not be imported back.
"""

from __future__ import annotations

import json

import pytest

from app.errors import BadInput
from app.shipping import catalogue_edit as edit
from app.shipping.carriers import sort_code_for
from app.shipping.catalogue_io import export_catalogue, import_catalogue, import_catalogue_file
from app.shipping.catalogue_places import set_sort_code
from main import main


def _carriers(db_url, *args):
    return main(["--db", db_url, "carriers", *args])


def test_a_short_province_is_stored_by_its_full_name_and_found_by_the_waybill(db, db_url, capsys):
    assert _carriers(db_url, "sort-code", "SF", "广东", "广州市", "--code", "755-A01") == 0
    assert capsys.readouterr().out.strip() == "SF 广东省广州市: 755-A01"

    with db.reading() as session:
        assert sort_code_for(session, "SF", "广东省", "广州市", "天河区") == ("755-A01", "")


def test_entering_a_place_again_changes_its_row_whatever_the_spelling(db):
    set_sort_code(db, "ZTO", "浙江", "杭州市", sort_code="300-A01")
    detail = set_sort_code(db, "zto", "浙江省", "杭州市", sort_code="300-B02", hub="杭州中心")

    rows = [(s.province, s.city, s.sort_code, s.hub) for s in detail.sort_codes]
    assert ("浙江省", "杭州市", "300-B02", "杭州中心") in rows
    assert [r for r in rows if r[1] == "杭州市"] == [("浙江省", "杭州市", "300-B02", "杭州中心")]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("火星", "--code", "1"), "快递公司 SF 火星的省份：不认识省份「火星」"),
        (("广东", "--code", "9" * 300), "快递公司 SF 广东的三段码：「" + "9" * 40 + "…」太长"),
        (("广东", "--code", "1", "--hub", "广" * 41), "快递公司 SF 广东的集包地："),
        (("广东", "--code", "75\n5"), "三段码：只能是一行文字"),
        (("广东", "--code", " "), "快递公司 SF 广东的三段码：不能为空"),
    ],
)
def test_an_unknown_province_or_an_absurd_code_is_refused(db, db_url, capsys, args, message):
    before = export_catalogue(db)
    assert _carriers(db_url, "sort-code", "SF", *args) == 3
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert export_catalogue(db) == before


def test_an_exported_catalogue_with_entered_sort_codes_imports_back(db, tmp_path):
    set_sort_code(db, "SF", "广东", "深圳市", "南山区", sort_code="755-" + "A" * 36, hub="深圳")
    path = tmp_path / "目录.json"
    path.write_text(json.dumps(export_catalogue(db), ensure_ascii=False), "utf-8")
    assert import_catalogue_file(db, path).replaced


def test_an_imported_sort_code_row_gets_the_full_province_name(db):
    data = export_catalogue(db)
    data["carriers"][0]["sort_codes"] = [
        {"province": "广东", "city": "广州市", "sort_code": "755"}
    ]
    import_catalogue(db, data)
    code = data["carriers"][0]["code"]
    assert [s.province for s in edit.carrier_detail(db, code).sort_codes] == ["广东省"]

    data["carriers"][0]["sort_codes"] = [{"province": "火星", "sort_code": "1"}]
    with pytest.raises(BadInput, match=r"^carriers\[0\]\.sort_codes\[0\]\.province：不认识省份"):
        import_catalogue(db, data)


def test_a_carrier_name_is_one_line(db, db_url, capsys):
    assert _carriers(db_url, "add", "KYE", "跨越\n速运") == 3
    assert "快递公司 KYE 的名称：只能是一行文字" in capsys.readouterr().err
    assert _carriers(db_url, "set", "SF", "--name", "顺丰\r速运") == 3
    assert "快递公司 SF 的名称：只能是一行文字" in capsys.readouterr().err

    data = export_catalogue(db)
    data["carriers"][1]["name"] = "中通\t快递"
    with pytest.raises(BadInput, match=r"^carriers\[1\]\.name：只能是一行文字"):
        import_catalogue(db, data)


def test_a_region_without_its_kind_names_the_choices(db_url, capsys):
    """The message read 「None」应为 excluded（不送达）或 remote（偏远，多几天）."""
    assert _carriers(db_url, "region", "SF", "新疆") == 3
    err = capsys.readouterr().err
    assert "快递公司 SF 新疆的类型：必须填写，可选 excluded（不送达）或 remote（偏远" in err
    assert "None" not in err


def test_a_row_stored_under_a_short_name_before_the_check_is_still_found(db):
    from app.db.models.carriers import SortCode

    with db.transaction() as session:
        session.add(SortCode(carrier_code="SF", province="广东", city="佛山市", sort_code="757-B"))

    with db.reading() as session:
        assert sort_code_for(session, "SF", "广东省", "佛山市", "南海区") == ("757-B", "")
        assert sort_code_for(session, "SF", "广西壮族自治区", "佛山市", "") == ("", "")
