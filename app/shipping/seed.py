"""The carrier catalogue a new warehouse starts with; every figure can be edited afterwards.

Prices, zones and transit days are typical list prices for a shop shipping from 浙江 (as of
late 2026), rounded; they are a starting point for the shop's own contract, not a quote.
Zones are counted from the warehouse: 1 same province, 2 neighbours, 3 the rest of the east
and centre, 4 the far north-east, south-west and north-west, 5 新疆/西藏/青海.
"""

from __future__ import annotations

import logging
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import settings
from app.db.models.carriers import (
    Carrier,
    CarrierDestination,
    CarrierRate,
    CarrierRegion,
    CarrierService,
    SortCode,
)

log = logging.getLogger(__name__)

SEEDED_KEY = "shipping.catalogue_seeded"

ZONE_OF_PROVINCE = {
    "浙江省": 1,
    "上海市": 2,
    "江苏省": 2,
    "安徽省": 2,
    "北京市": 3,
    "天津市": 3,
    "河北省": 3,
    "山西省": 3,
    "山东省": 3,
    "河南省": 3,
    "湖北省": 3,
    "湖南省": 3,
    "江西省": 3,
    "福建省": 3,
    "广东省": 3,
    "重庆市": 3,
    "四川省": 3,
    "陕西省": 3,
    "辽宁省": 4,
    "吉林省": 4,
    "黑龙江省": 4,
    "内蒙古自治区": 4,
    "广西壮族自治区": 4,
    "海南省": 4,
    "贵州省": 4,
    "云南省": 4,
    "甘肃省": 4,
    "宁夏回族自治区": 4,
    "新疆维吾尔自治区": 5,
    "西藏自治区": 5,
    "青海省": 5,
}

# code, name, max kg, max side mm, max sum mm, large goods, divisor,
# pickup days, cut-off, closed holidays, mask privacy, transit days per zone 1..5,
# (first price, extra price per kg) per zone 1..5.
_CARRIERS = [
    (
        "SF",
        "顺丰速运",
        50,
        1500,
        3000,
        False,
        6000,
        "1234567",
        "18:00",
        "",
        False,
        (1, 1, 2, 2, 3),
        ((12, 2), (13, 3), (18, 5), (20, 6), (23, 14)),
    ),
    (
        "JD",
        "京东快递",
        30,
        1500,
        3000,
        False,
        8000,
        "1234567",
        "17:00",
        "",
        False,
        (1, 1, 2, 3, 4),
        ((11, 2), (12, 3), (15, 4), (18, 6), (22, 12)),
    ),
    (
        "DBL",
        "德邦快递",
        500,
        3000,
        6000,
        True,
        6000,
        "123456",
        "16:00",
        "Spring Festival",
        False,
        (2, 2, 3, 4, 6),
        ((15, "1.0"), (16, "1.2"), (18, "1.5"), (20, 2), (28, 4)),
    ),
    (
        "EMS",
        "中国邮政EMS",
        40,
        1500,
        3000,
        False,
        8000,
        "123456",
        "15:00",
        "",
        False,
        (2, 3, 4, 5, 6),
        ((10, 3), (12, 4), (15, 6), (18, 8), (20, 10)),
    ),
    (
        "ZTO",
        "中通快递",
        30,
        1200,
        2500,
        False,
        8000,
        "1234567",
        "16:30",
        "Spring Festival",
        False,
        (1, 2, 3, 4, 6),
        (("3.5", 1), (4, "1.5"), (5, 2), (6, 3), (15, 10)),
    ),
    (
        "YTO",
        "圆通速递",
        30,
        1200,
        2500,
        False,
        8000,
        "1234567",
        "16:30",
        "Spring Festival",
        False,
        (1, 2, 3, 4, 6),
        (("3.5", 1), (4, "1.5"), (5, 2), (6, 3), (15, 10)),
    ),
    (
        "STO",
        "申通快递",
        30,
        1200,
        2500,
        False,
        8000,
        "1234567",
        "16:30",
        "Spring Festival",
        False,
        (1, 2, 3, 4, 6),
        (("3.2", 1), ("3.8", "1.5"), ("4.8", 2), (6, 3), (15, 10)),
    ),
    (
        "YD",
        "韵达快递",
        30,
        1200,
        2500,
        False,
        8000,
        "1234567",
        "16:30",
        "Spring Festival",
        False,
        (1, 2, 3, 4, 6),
        (("3.2", 1), ("3.8", "1.5"), ("4.8", 2), (6, 3), (15, 10)),
    ),
    (
        "JT",
        "极兔速递",
        30,
        1200,
        2500,
        False,
        8000,
        "1234567",
        "16:30",
        "Spring Festival",
        False,
        (1, 2, 3, 4, 6),
        (("3.0", 1), ("3.6", "1.5"), ("4.6", 2), (6, 3), (16, 10)),
    ),
]

# Services per carrier: name, speed class, days added to the carrier's transit table, percent
# of its zone price, is the default. The five 通达 carriers sell one standard product.
_ECONOMY_ONLY = [("标准快递", "economy", 0, 100, True)]
_SERVICES = {
    "SF": [
        ("顺丰特快", "express", -1, 130, False),
        ("顺丰标快", "express", 0, 100, True),
        ("顺丰电商标快", "standard", 1, 80, False),
    ],
    "JD": [
        ("特快送", "express", -1, 125, False),
        ("特惠送", "express", 0, 100, True),
    ],
    "DBL": [
        ("大件快递3.60", "freight", 0, 100, True),
        ("精准卡航", "freight", -1, 120, False),
    ],
    "EMS": [
        ("标准快递", "standard", 0, 100, True),
        ("邮政快递包裹", "economy", 2, 70, False),
    ],
}

# Places only the post reaches, and remote areas everyone else reaches slowly.
_EXCLUDED_BUT_POST = [
    ("西藏自治区", "阿里地区"),
    ("西藏自治区", "那曲市"),
    ("新疆维吾尔自治区", "和田地区"),
]
_REMOTE = [("新疆维吾尔自治区", "", 1), ("西藏自治区", "", 2), ("青海省", "", 1)]

# A few sort codes as examples of the table a shop fills from its carrier's data.
_SORT_CODES = [
    ("SF", "新疆维吾尔自治区", "乌鲁木齐市", "", "991", "乌鲁木齐转运中心"),
    ("ZTO", "广东省", "深圳市", "南山区", "568-A12 01", "深圳中心"),
    ("YTO", "北京市", "", "", "010 A-01", "北京转运中心"),
]


def ensure_seeded(session: Session) -> None:
    """Seed the catalogue once; after that it is the shop's to edit (even to empty it)."""
    if session.info.get(SEEDED_KEY):
        return
    if settings.get(session, SEEDED_KEY, False):
        session.info[SEEDED_KEY] = True
        return
    if session.scalar(select(Carrier.id).limit(1)) is None:
        seed_catalogue(session)
        # Flushed at once, so a query inside a caller's no_autoflush block still sees them.
        session.flush()
    settings.put(session, SEEDED_KEY, True)
    session.info[SEEDED_KEY] = True


def seed_catalogue(session: Session) -> None:
    for row in _CARRIERS:
        (
            code,
            name,
            max_kg,
            side,
            total,
            large,
            divisor,
            days,
            cutoff,
            closed,
            mask,
            transit,
            prices,
        ) = row
        carrier = Carrier(
            code=code,
            name=name,
            max_weight=Decimal(max_kg),
            max_side_mm=side,
            max_sum_mm=total,
            large_goods=large,
            volumetric_divisor=divisor,
            pickup_days=days,
            cutoff=cutoff,
            closed_holidays=closed,
            mask_privacy=mask,
        )
        for service, speed, adjust, percent, default in _SERVICES.get(code, _ECONOMY_ONLY):
            carrier.services.append(
                CarrierService(
                    name=service,
                    speed_class=speed,
                    transit_adjust_days=adjust,
                    price_percent=percent,
                    is_default=default,
                )
            )
        for zone, (first, extra) in enumerate(prices, start=1):
            carrier.rates.append(
                CarrierRate(
                    zone=zone,
                    first_weight=Decimal(1),
                    first_price=Decimal(str(first)),
                    extra_price_per_kg=Decimal(str(extra)),
                )
            )
        for province, zone in ZONE_OF_PROVINCE.items():
            carrier.destinations.append(
                CarrierDestination(province=province, zone=zone, transit_days=transit[zone - 1])
            )
        if code != "EMS":
            for province, city in _EXCLUDED_BUT_POST:
                carrier.regions.append(
                    CarrierRegion(province=province, city=city, kind="excluded")
                )
            for province, city, extra_days in _REMOTE:
                carrier.regions.append(
                    CarrierRegion(
                        province=province, city=city, kind="remote", extra_days=extra_days
                    )
                )
        session.add(carrier)

    for code, province, city, district, sort_code, hub in _SORT_CODES:
        session.add(
            SortCode(
                carrier_code=code,
                province=province,
                city=city,
                district=district,
                sort_code=sort_code,
                hub=hub,
            )
        )
    log.info("seeded the carrier catalogue with %d carriers", len(_CARRIERS))
