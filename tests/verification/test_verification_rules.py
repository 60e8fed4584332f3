"""Each rule on its own: the reason a clerk reads and the field it points at."""

from __future__ import annotations

from decimal import Decimal

from app.verification.duplicates import check_duplicates
from app.verification.issues import HOLD, INFO, WARN
from app.verification.payment import check_payment
from app.verification.price import check_prices, check_totals
from app.verification.product import check_products
from app.verification.quantity import check_quantities
from app.verification.recipient import check_address, check_phone
from app.verification.remarks import carrier_wishes, check_remarks


def test_unpaid_order_is_held_on_the_paid_field(new_order, ctx) -> None:
    issues = check_payment(new_order(paid=False, platform_status="等待买家付款"), ctx)
    assert [(i.field, i.severity) for i in issues] == [("paid", HOLD)]
    assert "未付款" in issues[0].reason


def test_closed_order_is_not_shippable(new_order, ctx) -> None:
    issues = check_payment(new_order(platform_status="交易关闭"), ctx)
    assert issues[0].reason == "平台状态为「交易关闭」，订单不可发货"


def test_unknown_sku_names_the_line(new_order, ctx) -> None:
    issues = check_products(new_order(lines=(("CUP-RED", 1, "55.55"), ("NOPE", 1, "1"))), ctx)
    assert [(i.field, i.reason) for i in issues] == [
        ("lines[2].sku", "第2行：商家编码「NOPE」不在商品目录中")
    ]


def test_missing_seller_code_is_matched_by_title_and_attributes(new_order, ctx) -> None:
    order = new_order(lines=(("", 1, "55.55", "北欧陶瓷马克杯 办公室水杯", "颜色分类：蓝色"),))
    issues = check_products(order, ctx)
    assert order.lines[0].sku == "CUP-BLUE"
    assert issues[0].severity == INFO and "已按标题和属性匹配为 CUP-BLUE" in issues[0].reason


def test_attributes_that_fit_no_variant_hold_the_line(new_order, ctx) -> None:
    order = new_order(lines=(("", 1, "55.55", "陶瓷马克杯", "颜色分类：绿色"),))
    issues = check_products(order, ctx)
    assert issues[0].field == "lines[1].attributes" and issues[0].severity == HOLD


def test_sku_whose_attributes_contradict_the_catalogue_is_held(new_order, ctx) -> None:
    order = new_order(lines=(("CUP-RED", 1, "55.55", "陶瓷马克杯", "颜色分类:蓝色"),))
    assert "不符" in check_products(order, ctx)[0].reason


def test_virtual_only_order_is_not_packed(new_order, ctx) -> None:
    issues = check_products(new_order(lines=(("GIFT-CARD", 1, "100"),)), ctx)
    assert [i.severity for i in issues] == [INFO, HOLD]
    assert issues[1].reason == "订单只有虚拟商品，无需打包发货"


def test_zero_quantity_is_held_and_a_big_line_only_flagged(new_order, ctx) -> None:
    issues = check_quantities(new_order(lines=(("CUP-RED", 0, "1"), ("CUP-RED", 60, "1"))), ctx)
    assert [(i.field, i.severity) for i in issues] == [
        ("lines[1].quantity", HOLD),
        ("lines[2].quantity", WARN),
    ]


def test_pack_units_count_in_base_pieces(new_order, ctx) -> None:
    ctx.packs_of = {1: [("8只装", 8)]}
    order = new_order(lines=(("CUP-RED", 2, "55.55", "马克杯", "规格:8只装"),))
    order.lines[0].product_id = 1
    issues = check_quantities(order, ctx)
    assert issues[0].reason == "第1行：2 × 8只装 = 16 件"


def test_rounding_either_way_passes_but_five_fen_does_not(new_order, ctx) -> None:
    """55.55 × 2 plus a 10 % fee: 122.21 on the sum, 122.22 per unit; both are right."""
    for paid in ("122.21", "122.22"):
        order = new_order(postage=Decimal("11.11"), paid_total=Decimal(paid))
        assert check_totals(order, ctx) == []
    order = new_order(postage=Decimal("11.11"), paid_total=Decimal("122.26"))
    issues = check_totals(order, ctx)
    assert issues[0].field == "paid_total"
    assert "相差 0.05" in issues[0].reason and "第1行 55.55×2=111.10" in issues[0].reason


def test_line_price_far_from_the_catalogue_is_flagged(new_order, ctx) -> None:
    order = new_order(lines=(("CUP-RED", 1, "20.00"),))
    order.lines[0].product_id = ctx.product_for_sku("CUP-RED").id
    issues = check_prices(order, ctx)
    assert issues[0].field == "lines[1].unit_price" and issues[0].severity == WARN


def test_address_parts_and_codes_are_stored(new_order, ctx) -> None:
    order = new_order(address_raw="浙江省 杭州市 下城区 体育场路1号(310000)")
    issues = check_address(order, ctx)
    assert (order.province, order.city, order.district) == ("浙江省", "杭州市", "拱墅区")
    assert order.district_code == "330105" and order.postcode == "310000"
    assert issues[0].reason == "杭州市下城区已于2021年改为杭州市拱墅区"


def test_address_without_province_or_city_is_held(new_order, ctx) -> None:
    issues = check_address(new_order(address_raw="假县人民路1号"), ctx)
    assert issues[-1].severity == HOLD and "找不到省份和城市" in issues[-1].reason


def test_phone_is_normalised_with_its_extension(new_order, ctx) -> None:
    order = new_order(phone="+86 139-0000-0002-4821")
    assert check_phone(order, ctx) == []
    assert (order.phone, order.phone_ext) == ("13900000002", "4821")


def test_ten_digit_phone_is_held(new_order, ctx) -> None:
    issues = check_phone(new_order(phone="1390000000"), ctx)
    assert issues[0].field == "phone" and "11位" in issues[0].reason


def test_same_recipient_and_address_suggests_merging(new_order, ctx) -> None:
    order = new_order(order_no="A2")
    check_address(order, ctx)
    ctx.open_keys = {("欧阳小青", "浙江省杭州市西湖区文三路100号"): ["A1", "A2"]}
    issues = check_duplicates(order, ctx)
    assert issues[0].reason == "与订单 A1 收件人和地址相同，建议合并为一个包裹发出"


def test_carrier_wishes_are_read_from_remarks(new_order, ctx) -> None:
    order = new_order(buyer_remark="不要发邮政，谢谢", seller_remark="只发顺丰")
    wishes = carrier_wishes(order)
    assert wishes.avoid == {"EMS"} and wishes.only == {"SF"}
    reasons = [i.reason for i in check_remarks(order, ctx)]
    assert "买家留言：不要发邮政，谢谢" in reasons and "备注要求只发：顺丰" in reasons


def test_dates_and_fragility_in_remarks_become_warnings(new_order, ctx) -> None:
    issues = check_remarks(new_order(buyer_remark="3月5号前要到，玻璃杯请轻拿轻放"), ctx)
    warns = [i.reason for i in issues if i.severity == WARN]
    assert any("3月5号" in r for r in warns) and any("玻璃" in r for r in warns)
