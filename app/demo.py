"""A believable demo shop for an empty database, so a new desk opens on something to do.

About 30 products with valid EAN-13 barcodes and stock, the starter shelf of boxes, and about
200 orders spread over every state, with histories whose times lie in the past week so the
flow sheet has figures. Every person, phone and street is invented. The generator is seeded,
so two demo databases match. The records an order leaves after the office (reservations,
packing scans, parcels, waybill numbers) are written by `app.demo_fulfilment`.
"""

from __future__ import annotations

import logging
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import settings
from app.config import current_user
from app.db.engine import Database
from app.db.models import Order, OrderLine, Product
from app.db.types import to_money, utcnow
from app.demo_fulfilment import fulfil, tracking_pools
from app.orders.status import Status, move, record_arrival
from app.packing.boxes import seed_packaging
from app.packing.scan_codes import ean13_check_digit
from app.stock.ledger import post_move
from app.verification.service import verify_orders

log = logging.getLogger(__name__)

# The demo shop's invented return address. Waybills refuse to print without a sender, and the
# application has no default one, so the demo states its own; a shop's real sender set before
# the demo ran is kept.
DEMO_SENDER = {
    "sender.name": "青禾小铺（演示）",
    "sender.phone": "0571-88886666",
    "sender.province": "浙江省",
    "sender.city": "杭州市",
    "sender.district": "余杭区",
    "sender.address": "仓前街道文一西路1008号3号仓",
}
# The name that signs the demo's messages to customers (【青禾小铺（演示）】…); kept the same
# way as the sender when the shop set its own.
DEMO_SHOP_NAME = "青禾小铺（演示）"

# (sku, name, spec, price, weight kg, (l, w, h) mm, fragile)
CATALOGUE = [
    ("MUG-WH-350", "白瓷马克杯", "颜色:白色;容量:350ml", "29.90", "0.380", (120, 90, 100), True),
    ("MUG-BL-350", "蓝釉马克杯", "颜色:蓝色;容量:350ml", "32.90", "0.390", (120, 90, 100), True),
    ("VASE-GL-30", "玻璃花瓶 30cm", "高度:30cm", "88.00", "1.200", (140, 140, 310), True),
    ("TEA-LJ-250", "龙井绿茶 250g", "规格:250g罐装", "128.00", "0.320", (90, 90, 160), False),
    ("TEA-PE-357", "普洱茶饼 357g", "规格:357g", "168.00", "0.420", (200, 200, 30), False),
    (
        "TSH-BK-M",
        "纯棉T恤 黑色 M",
        "颜色分类:黑色;尺码:M",
        "59.00",
        "0.200",
        (300, 250, 20),
        False,
    ),
    (
        "TSH-BK-L",
        "纯棉T恤 黑色 L",
        "颜色分类:黑色;尺码:L",
        "59.00",
        "0.210",
        (300, 250, 20),
        False,
    ),
    (
        "TSH-RD-XL",
        "纯棉T恤 红色 XL",
        "颜色分类:红色;尺码:XL",
        "59.00",
        "0.220",
        (300, 250, 20),
        False,
    ),
    ("SOCK-8P", "棉袜 8只装", "规格:8只装", "39.90", "0.300", (200, 150, 60), False),
    ("TOWEL-BL", "纯棉毛巾 蓝色", "颜色:蓝色", "25.00", "0.150", (350, 200, 30), False),
    ("PEN-GEL-12", "中性笔 12支装", "颜色:黑色;规格:12支", "18.80", "0.150", (160, 90, 20), False),
    ("NB-A5-DOT", "A5 点阵笔记本", "规格:A5", "22.00", "0.280", (210, 148, 15), False),
    ("LAMP-DESK", "LED 护眼台灯", "颜色:白色", "199.00", "1.600", (420, 180, 120), True),
    ("CABLE-C-1M", "Type-C 数据线 1米", "长度:1m", "19.90", "0.050", (120, 80, 20), False),
    ("CHG-20W", "20W 快充充电器", "颜色:白色", "69.00", "0.090", (80, 60, 40), False),
    ("PB-10K", "充电宝 10000mAh", "容量:10000mAh", "129.00", "0.230", (140, 70, 20), False),
    ("BOTTLE-500", "保温杯 500ml", "颜色:银色;容量:500ml", "89.00", "0.350", (80, 80, 240), False),
    ("RICE-5KG", "东北大米 5kg", "规格:5kg", "56.00", "5.050", (350, 250, 90), False),
    ("OIL-5L", "花生油 5L", "规格:5L", "139.00", "4.700", (200, 130, 300), False),
    ("HONEY-500", "槐花蜂蜜 500g", "规格:500g玻璃瓶", "68.00", "0.750", (80, 80, 140), True),
    ("BOWL-SET-4", "陶瓷碗 4只装", "规格:4只装", "79.00", "1.800", (250, 250, 120), True),
    ("CHOP-10", "实木筷子 10双", "规格:10双", "29.00", "0.300", (260, 80, 30), False),
    ("PILLOW-MEM", "记忆棉枕头", "规格:60x40cm", "149.00", "1.100", (600, 400, 120), False),
    ("BLANKET-1.5", "珊瑚绒毯 1.5米", "规格:150x200cm", "119.00", "1.400", (400, 300, 150), False),
    ("UMB-FOLD", "三折晴雨伞", "颜色:藏青", "45.00", "0.350", (280, 60, 60), False),
    ("BAG-CANVAS", "帆布托特包", "颜色:米白", "49.00", "0.250", (380, 300, 20), False),
    ("TOY-BLOCK", "儿童积木 100粒", "规格:100粒", "99.00", "1.000", (300, 200, 100), False),
    ("PUZZLE-1000", "拼图 1000片", "规格:1000片", "69.00", "0.700", (300, 200, 60), False),
    ("CANDLE-SOY", "大豆香薰蜡烛", "香味:白茶", "58.00", "0.400", (90, 90, 100), True),
    ("SOAP-3P", "手工皂 3块装", "规格:3块装", "36.00", "0.330", (150, 100, 40), False),
]

SHORT_SKU = "VASE-GL-30"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗"
GIVEN = [
    "小明",
    "丽华",
    "建国",
    "晓燕",
    "志强",
    "雪梅",
    "文博",
    "海燕",
    "子涵",
    "梓轩",
    "一诺",
    "欣怡",
    "浩然",
    "思远",
    "佳琪",
    "俊杰",
]
# Real divisions, invented streets and numbers.
PLACES = [
    ("浙江省", "杭州市", "西湖区"),
    ("浙江省", "宁波市", "鄞州区"),
    ("江苏省", "南京市", "鼓楼区"),
    ("江苏省", "苏州市", "姑苏区"),
    ("广东省", "广州市", "天河区"),
    ("广东省", "深圳市", "南山区"),
    ("北京市", "北京市", "朝阳区"),
    ("上海市", "上海市", "浦东新区"),
    ("四川省", "成都市", "武侯区"),
    ("湖北省", "武汉市", "洪山区"),
    ("山东省", "青岛市", "市南区"),
    ("福建省", "厦门市", "思明区"),
    ("陕西省", "西安市", "雁塔区"),
    ("湖南省", "长沙市", "岳麓区"),
    ("河南省", "郑州市", "金水区"),
    ("新疆维吾尔自治区", "乌鲁木齐市", "天山区"),
    ("云南省", "昆明市", "五华区"),
]
STREETS = ["梧桐路", "银杏大道", "青松街", "明月巷", "彩虹路", "长乐街", "和平路", "星河大道"]

# How many demo orders end in each state.
PLAN = {
    Status.NEW: 20,
    Status.HELD: 25,
    Status.VERIFIED: 25,
    Status.CONFIRMED: 20,
    Status.BACKORDERED: 8,
    Status.PACKING: 6,
    Status.PACKED: 12,
    Status.LABELLED: 12,
    Status.SHIPPED: 40,
    Status.DELIVERED: 20,
    Status.CANCELLED: 12,
}
# The path an order takes to reach each planned state, after arrival.
PATHS = {
    Status.NEW: [],
    Status.HELD: [Status.HELD],
    Status.VERIFIED: [Status.VERIFIED],
    Status.CONFIRMED: [Status.VERIFIED, Status.CONFIRMED],
    Status.BACKORDERED: [Status.VERIFIED, Status.BACKORDERED],
    Status.PACKING: [Status.VERIFIED, Status.CONFIRMED, Status.PACKING],
    Status.PACKED: [Status.VERIFIED, Status.CONFIRMED, Status.PACKING, Status.PACKED],
    Status.LABELLED: [
        Status.VERIFIED,
        Status.CONFIRMED,
        Status.PACKING,
        Status.PACKED,
        Status.LABELLED,
    ],
    Status.SHIPPED: [
        Status.VERIFIED,
        Status.CONFIRMED,
        Status.PACKING,
        Status.PACKED,
        Status.LABELLED,
        Status.SHIPPED,
    ],
    Status.DELIVERED: [
        Status.VERIFIED,
        Status.CONFIRMED,
        Status.PACKING,
        Status.PACKED,
        Status.LABELLED,
        Status.SHIPPED,
        Status.DELIVERED,
    ],
    Status.CANCELLED: [Status.CANCELLED],
}


def _unpaid(order: Order) -> None:
    order.paid, order.platform_status, order.paid_at = False, "等待买家付款", None


def _short_phone(order: Order) -> None:
    order.phone = order.phone[:10]


def _unknown_sku(order: Order) -> None:
    order.lines[0].sku, order.lines[0].product_id = "MUG-GR-350", None


def _no_district(order: Order) -> None:
    order.address_raw = order.address_raw.replace(f" {order.district} ", " ")
    order.district = ""


# What goes wrong with the orders the demo holds; the real verification rules then say why.
FAULTS = (_unpaid, _short_phone, _unknown_sku, _no_district)


@dataclass(frozen=True)
class DemoSummary:
    products: int
    orders: int


def ean13(body12: str) -> str:
    return body12 + str(ean13_check_digit(body12))


def is_empty(db: Database) -> bool:
    with db.reading() as session:
        return not session.scalar(select(func.count(Order.id))) and not session.scalar(
            select(func.count(Product.id))
        )


def seed(db: Database, *, seed_value: int = 2026) -> DemoSummary:
    """Fill the database with the demo shop in one transaction."""
    rng = random.Random(seed_value)
    user = current_user()
    with db.transaction() as session:
        products = _products(session, user)
        count, faulty = _orders(session, rng, products, user)
        tracking_pools(session, rng)
        _sender(session)
    seed_packaging(db)
    verify_orders(db, faulty)
    log.info("demo data stored: %d products, %d orders", len(products), count)
    return DemoSummary(len(products), count)


def _sender(session: Session) -> None:
    for key, value in {**DEMO_SENDER, "shop.name": DEMO_SHOP_NAME}.items():
        if settings.get(session, key, None) is None:
            settings.put(session, key, value)


def _products(session: Session, user: str) -> list[Product]:
    products = []
    for n, (sku, name, spec, price, weight, (ln, wd, ht), fragile) in enumerate(CATALOGUE):
        product = Product(
            sku=sku,
            barcode=ean13(f"69{n + 1:010d}"),
            name=name,
            spec=spec,
            price=Decimal(price),
            weight=Decimal(weight),
            length_mm=ln,
            width_mm=wd,
            height_mm=ht,
            fragile=fragile,
            bin=f"A-{n // 10 + 1:02d}-{n % 10 + 1:02d}",
        )
        session.add(product)
        products.append(product)
    session.flush()
    for n, product in enumerate(products):
        # VASE-GL-30 is kept short so the demo shows backorders waiting on its restock.
        quantity = 3 if product.sku == SHORT_SKU else 80 + (n * 7) % 60
        post_move(
            session,
            product_id=product.id,
            kind="receipt",
            on_hand_delta=quantity,
            reason="演示数据：期初入库",
            bin=product.bin,
            user=user,
        )
    return products


def _orders(
    session: Session, rng: random.Random, products: list[Product], user: str
) -> tuple[int, list[str]]:
    """Store the orders; returns how many, and the numbers of the faulty ones to verify."""
    now = utcnow().replace(microsecond=0)
    number = 4100000000000000000
    count = 0
    faulty = []
    for state, how_many in PLAN.items():
        for _ in range(how_many):
            number += rng.randint(1000, 99999)
            placed = now - timedelta(hours=rng.uniform(6, 160))
            order = _order(rng, str(number), placed, products, short=state is Status.BACKORDERED)
            session.add(order)
            order.imported_at = placed + timedelta(minutes=rng.randint(35, 90))
            record_arrival(order, user="导入", at=placed, note="演示数据")
            _walk(session, order, state, placed, rng, now, user)
            count += 1
            if state is Status.HELD:
                faulty.append(order.order_no)
    return count, faulty


def _order(rng: random.Random, number: str, placed: datetime, products, short: bool) -> Order:
    province, city, district = rng.choice(PLACES)
    detail = (
        f"{rng.choice(STREETS)}{rng.randint(1, 399)}号{rng.randint(1, 30)}栋"
        f"{rng.randint(101, 2808)}室"
    )
    stocked = [p for p in products if p.sku != SHORT_SKU]
    picks = rng.sample(stocked, rng.choice([1, 1, 1, 2, 2, 3]))
    if short:
        picks = [next(p for p in products if p.sku == SHORT_SKU), *picks[:1]]
    lines = [
        OrderLine(
            line_no=i + 1,
            sku=p.sku,
            product_id=p.id,
            title=p.name,
            attributes=p.spec,
            quantity=2 if p.sku == SHORT_SKU else rng.choice([1, 1, 1, 2, 3]),
            unit_price=p.price,
        )
        for i, p in enumerate(picks)
    ]
    goods = sum((ln.unit_price * ln.quantity for ln in lines), Decimal("0"))
    postage = Decimal("0") if goods >= 99 else Decimal("8.00")
    return Order(
        platform="taobao",
        order_no=number,
        buyer=f"tb_{rng.randint(10000, 99999)}",
        recipient=rng.choice(SURNAMES) + rng.choice(GIVEN),
        phone=f"1{rng.choice('3456789')}{rng.randint(0, 999999999):09d}",
        province=province,
        city=city,
        district=district,
        address_detail=detail,
        address_raw=f"{province} {city} {district} {detail}",
        postcode="",
        goods_total=to_money(goods),
        postage=postage,
        paid_total=to_money(goods + postage),
        paid=True,
        platform_status="买家已付款，等待卖家发货",
        created_at=placed,
        paid_at=placed + timedelta(minutes=rng.randint(1, 30)),
        lines=lines,
    )


def _walk(session, order: Order, state: Status, placed: datetime, rng, now, user) -> None:
    """Move the order along its path, never into the future.

    Each step comes some hours after the last, except PACKED: the packing desk moves an order
    to PACKING at its first scan and to PACKED at its last, one sitting of some minutes, and
    the demo's scans lie between those two moves.
    """
    at = order.imported_at
    for step in PATHS[state]:
        if step is Status.PACKED:
            gap = timedelta(minutes=rng.uniform(2, 20))
        else:
            gap = timedelta(hours=rng.uniform(0.2, 9))
        at = min(at + gap, now - timedelta(minutes=5))
        note = ""
        if step is Status.HELD:
            rng.choice(FAULTS)(order)
            continue
        if step is Status.CANCELLED:
            order.platform_status = "交易关闭"
            note = "买家在平台取消"
        move(order, step, user=user, at=at, note=note)
    session.flush()
    fulfil(session, order, state, rng, user)
