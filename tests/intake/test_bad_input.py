"""Files a clerk may pick by mistake: each is refused with its name and what is wrong."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.db.models import Order, Product
from app.errors import BadInput, FileRefused
from app.intake.catalog import import_catalog
from app.intake.service import import_files


def _orders(db) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(Order))


@pytest.mark.parametrize(
    "name, content, words",
    [
        ("empty.csv", b"", "文件是空的"),
        ("blank.csv", b"\xef\xbb\xbf\r\n  \r\n", "文件是空的"),
        ("photo.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "二进制"),
        (
            "weird.csv",
            "订单编号,收货地址\r\n1,".encode("gb18030") + b"\xff\xfe\xfd\r\n",
            "编码无法识别",
        ),
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, ".xls"),
        ("misc.csv", "名字,数量\r\n张三,1\r\n".encode(), "无法识别的表格"),
    ],
)
def test_unreadable_order_file_is_refused_by_name(db, tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)

    with pytest.raises(FileRefused) as caught:
        import_files(db, [path])

    assert caught.value.file == name
    assert words in caught.value.reason
    assert _orders(db) == 0


def test_taobao_report_missing_required_columns_names_them(db, tmp_path):
    path = tmp_path / "orders.csv"
    path.write_bytes(
        "订单编号,收货地址\r\n1914310000010100016,浙江省 杭州市 西湖区 x\r\n".encode("gb18030")
    )

    with pytest.raises(FileRefused, match="orders.csv: 缺少必需的列：收货人姓名"):
        import_files(db, [path])


def test_one_bad_file_among_good_ones_stores_nothing(db, tmp_path):
    from intake_samples import standard_pair

    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"")

    with pytest.raises(FileRefused):
        import_files(db, [*standard_pair(tmp_path), bad])

    assert _orders(db) == 0


def test_unknown_platform_is_bad_input(db, tmp_path):
    with pytest.raises(BadInput, match="未知平台"):
        import_files(db, [tmp_path / "x.csv"], platform="ebay")


def test_empty_catalogue_is_refused_and_stores_nothing(db, tmp_path):
    path = tmp_path / "products.csv"
    path.write_bytes(b"")

    with pytest.raises(FileRefused, match="products.csv: 文件是空的"):
        import_catalog(db, path)

    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Product)) == 0


def test_broken_csv_deep_in_the_file_refuses_it_and_stores_nothing(db, tmp_path):
    """An unclosed quote swallows the rest of the file into one cell: refuse, do not crash."""
    from intake_samples import standard_pair

    paths = standard_pair(tmp_path, "utf-8")
    data = paths[0].read_bytes()
    tail = b'1914310000010100099,"unclosed\r\n' + b"2023112200000000002,x\r\n" * 8000
    paths[0].write_bytes(data + tail)

    with pytest.raises(FileRefused, match="ExportOrderList.csv: 第.*行附近不是正确的 CSV"):
        import_files(db, paths)

    assert _orders(db) == 0
