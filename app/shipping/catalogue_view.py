"""Plain snapshots of the carrier catalogue for windows and the command line.

The catalogue window holds these frozen copies, never live rows, so an edit in one tab cannot
half-change what another tab shows; every change returns a fresh `CarrierDetail`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models.carriers import Carrier, SortCode
from app.db.types import CENT, GRAM


@dataclass(frozen=True)
class CarrierSummary:
    code: str
    name: str
    active: bool


@dataclass(frozen=True)
class CarrierHeader:
    code: str
    name: str
    max_weight: Decimal
    max_side_mm: int
    max_sum_mm: int
    large_goods: bool
    volumetric_divisor: int
    # ISO weekdays, "12345" = Monday to Friday.
    pickup_days: str
    cutoff: str
    # chinesecalendar names (English), as `carrier_works_on` compares them.
    closed_holidays: tuple[str, ...]
    mask_privacy: bool
    active: bool


@dataclass(frozen=True)
class ServiceRow:
    name: str
    speed_class: str
    transit_adjust_days: int
    price_percent: int
    is_default: bool
    active: bool


@dataclass(frozen=True)
class RateRow:
    zone: int
    first_weight: Decimal
    first_price: Decimal
    extra_price_per_kg: Decimal


@dataclass(frozen=True)
class DestinationRow:
    province: str
    zone: int
    transit_days: int


@dataclass(frozen=True)
class RegionRow:
    province: str
    # Empty = the whole province.
    city: str
    kind: str
    extra_days: int


@dataclass(frozen=True)
class SortCodeRow:
    province: str
    city: str
    district: str
    sort_code: str
    hub: str


@dataclass(frozen=True)
class CarrierDetail:
    header: CarrierHeader
    services: tuple[ServiceRow, ...]
    rates: tuple[RateRow, ...]
    destinations: tuple[DestinationRow, ...]
    regions: tuple[RegionRow, ...]
    sort_codes: tuple[SortCodeRow, ...]

    @property
    def code(self) -> str:
        return self.header.code


def header_of(carrier: Carrier) -> CarrierHeader:
    return CarrierHeader(
        code=carrier.code,
        name=carrier.name,
        # Quantized here too: rows made in this session (the seed) are not read back yet.
        max_weight=Decimal(carrier.max_weight).quantize(GRAM),
        max_side_mm=carrier.max_side_mm,
        max_sum_mm=carrier.max_sum_mm,
        large_goods=carrier.large_goods,
        volumetric_divisor=carrier.volumetric_divisor,
        pickup_days=carrier.pickup_days,
        cutoff=carrier.cutoff,
        closed_holidays=tuple(h for h in carrier.closed_holidays.split(";") if h),
        mask_privacy=carrier.mask_privacy,
        active=carrier.active,
    )


def detail_of(session: Session, carrier: Carrier) -> CarrierDetail:
    sort_codes = session.scalars(
        select(SortCode)
        .where(SortCode.carrier_code == carrier.code)
        .order_by(SortCode.province, SortCode.city, SortCode.district)
    )
    return CarrierDetail(
        header=header_of(carrier),
        services=tuple(
            ServiceRow(
                s.name,
                s.speed_class,
                s.transit_adjust_days,
                s.price_percent,
                s.is_default,
                s.active,
            )
            for s in carrier.services
        ),
        rates=tuple(
            RateRow(
                r.zone,
                Decimal(r.first_weight).quantize(GRAM),
                Decimal(r.first_price).quantize(CENT),
                Decimal(r.extra_price_per_kg).quantize(CENT),
            )
            for r in sorted(carrier.rates, key=lambda r: r.zone)
        ),
        destinations=tuple(
            DestinationRow(d.province, d.zone, d.transit_days)
            for d in sorted(carrier.destinations, key=lambda d: (d.zone, d.id or 0))
        ),
        regions=tuple(
            RegionRow(r.province, r.city, r.kind, r.extra_days)
            for r in sorted(carrier.regions, key=lambda r: (r.province, r.city))
        ),
        sort_codes=tuple(
            SortCodeRow(r.province, r.city, r.district, r.sort_code, r.hub) for r in sort_codes
        ),
    )
