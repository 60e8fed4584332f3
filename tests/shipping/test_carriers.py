"""The carrier catalogue: seeded once, transit days, working days and prices."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app import settings
from app.db.models.carriers import Carrier
from app.shipping import carriers
from app.shipping.carriers import UnknownCarrier, carrier_works_on, transit_days

SEEDED = {"SF", "JD", "DBL", "EMS", "ZTO", "YTO", "STO", "YD", "JT"}


def test_catalogue_is_seeded_with_the_nine_carriers_once(db):
    with db.transaction() as session:
        assert {c.code for c in carriers.carriers(session)} == SEEDED
    with db.transaction() as session:
        session.delete(carriers.get_carrier(session, "JT"))
    with db.transaction() as session:
        # The shop removed J&T; it must not come back on the next use.
        assert "JT" not in {c.code for c in carriers.carriers(session)}
        assert settings.get(session, "shipping.catalogue_seeded") is True


def test_transit_days_accepts_short_province_names_and_adds_remote_days(db):
    with db.transaction() as session:
        assert transit_days(session, "SF", "浙江省") == 1
        assert transit_days(session, "SF", "新疆") == transit_days(
            session, "SF", "新疆维吾尔自治区"
        )
        # 西藏 is zone 5 (3 days by SF) plus 2 remote days.
        assert transit_days(session, "SF", "西藏自治区") == 5
        with pytest.raises(UnknownCarrier):
            transit_days(session, "XX", "浙江省")


def test_economy_carriers_stop_for_spring_festival_sf_does_not(db):
    with db.transaction() as session:
        new_year_day = date(2026, 2, 17)
        assert carrier_works_on(session, "SF", new_year_day)
        assert not carrier_works_on(session, "ZTO", new_year_day)
        # EMS does not pick up on Sundays; 2026-12-06 is a Sunday.
        assert not carrier_works_on(session, "EMS", date(2026, 12, 6))
        assert carrier_works_on(session, "EMS", date(2026, 12, 7))


def test_price_is_first_weight_plus_extra_kilograms_with_volumetric_weight(db):
    with db.transaction() as session:
        sf = carriers.get_carrier(session, "SF")
        # 3.2 kg to 新疆 (zone 5): 23 + 3 × 14.
        assert carriers.price(sf, "新疆维吾尔自治区", Decimal("3.2"), Decimal(0)) == Decimal("65")
        # A light but bulky box: 60×40×50 cm = 120,000 cm³ / 6000 = 20 kg chargeable.
        assert carriers.chargeable_weight(sf, Decimal("2"), Decimal(120000)) == Decimal(20)


def test_catalogue_is_editable(db):
    with db.transaction() as session:
        carriers.get_carrier(session, "SF").pickup_days = "12345"
    with db.transaction() as session:
        assert not carrier_works_on(session, "SF", date(2026, 12, 5))
        assert session.get(Carrier, carriers.get_carrier(session, "SF").id).name == "顺丰速运"
