"""ABC classes, the demand forecast, reorder alerts and the replenishment proposal."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import openpyxl

from app.stock.abc import classify, classify_products
from app.stock.alerts import Alert, PlanFigures, alert_of, suggested_quantity
from app.stock.forecast import forecast_from_daily, forecast_product
from app.stock.ledger import post_move
from app.stock.listing import list_stock
from app.stock.planning import refresh_planning, save_supplier, set_plan
from app.stock.replenishment import export_proposal, proposal_for_supplier


def test_abc_bands_80_15_5_by_revenue():
    """A product is A while the share of the products ranked above it is under 80 %."""
    revenue = {1: Decimal("700"), 2: Decimal("150"), 3: Decimal("100"), 4: Decimal("50")}
    classes = classify(revenue, [1, 2, 3, 4, 5])
    assert classes == {1: "A", 2: "A", 3: "B", 4: "C", 5: "C"}


def test_abc_bands_are_configurable():
    revenue = {1: Decimal("700"), 2: Decimal("150"), 3: Decimal("90"), 4: Decimal("60")}
    assert classify(revenue, [1, 2, 3, 4], (50, 30, 20)) == {1: "A", 2: "B", 3: "C", 4: "C"}


def test_abc_from_shipped_revenue_of_the_last_twelve_months(db, shop):
    big = shop.product("BIG", on_hand=100, price="100.00")
    mid = shop.product("MID", on_hand=100, price="15.00")
    small = shop.product("SMALL", on_hand=100, price="5.00")
    old = shop.product("OLD", on_hand=100, price="500.00")
    now = datetime(2026, 12, 1, tzinfo=UTC)
    with db.transaction() as session:
        post_move(
            session,
            product_id=big,
            kind="ship",
            on_hand_delta=-10,
            reason="发货",
            at=now - timedelta(days=30),
        )
        post_move(
            session,
            product_id=mid,
            kind="ship",
            on_hand_delta=-10,
            reason="发货",
            at=now - timedelta(days=30),
        )
        post_move(
            session,
            product_id=small,
            kind="ship",
            on_hand_delta=-10,
            reason="发货",
            at=now - timedelta(days=30),
        )
        post_move(
            session,
            product_id=old,
            kind="ship",
            on_hand_delta=-10,
            reason="发货",
            at=now - timedelta(days=400),
        )
        assert classify_products(session, now) == {big: "A", mid: "B", small: "C", old: "C"}


def _weekly_pattern_with_peaks(start: date, days: int) -> dict[date, int]:
    """Weekends sell 3× a weekday; 双十一 sells 5× the usual day."""
    daily = {}
    for i in range(days):
        day = start + timedelta(days=i)
        base = 30 if day.weekday() >= 5 else 10
        daily[day] = base * 5 if (day.month, day.day) == (11, 11) else base
    return daily


def test_forecast_shows_weekly_seasonality():
    today = date(2026, 9, 30)
    daily = _weekly_pattern_with_peaks(today - timedelta(days=120), 121)

    forecast = forecast_from_daily(daily, today, 14)

    by_day = dict(forecast.forecast)
    saturday = next(d for d in by_day if d.weekday() == 5)
    tuesday = next(d for d in by_day if d.weekday() == 1)
    assert round(by_day[saturday] / by_day[tuesday]) == 3
    assert forecast.next_week == 10 * 5 + 30 * 2
    assert forecast.trend == 1.0


def test_forecast_shows_the_double_eleven_peak_learned_from_last_year():
    today = date(2026, 11, 1)
    daily = _weekly_pattern_with_peaks(today - timedelta(days=399), 400)

    forecast = forecast_from_daily(daily, today, 14)

    by_day = dict(forecast.forecast)
    peak = date(2026, 11, 11)
    week_before = peak - timedelta(days=7)
    assert forecast.festival_lift > 3
    assert by_day[peak] > 3 * by_day[week_before]


def test_forecast_of_a_product_reads_its_shipments(db, shop):
    pid = shop.product("TEA", on_hand=1000)
    now = datetime(2026, 9, 30, 4, tzinfo=UTC)
    with db.transaction() as session:
        for i in range(1, 57):
            post_move(
                session,
                product_id=pid,
                kind="ship",
                on_hand_delta=-2,
                reason="发货",
                at=now - timedelta(days=i),
            )
        forecast = forecast_product(session, pid, now)
    assert forecast.next_week == 14


def test_alerts_and_suggested_quantity_respect_safety_stock_and_moq():
    calm = PlanFigures(
        available=50,
        reorder_point=20,
        safety_stock=5,
        forecast_per_week=14,
        lead_time_days=7,
        moq=1,
    )
    low = PlanFigures(
        available=20,
        reorder_point=20,
        safety_stock=5,
        forecast_per_week=14,
        lead_time_days=7,
        moq=1,
    )
    empty = PlanFigures(
        available=3,
        reorder_point=20,
        safety_stock=5,
        forecast_per_week=0,
        lead_time_days=7,
        moq=50,
    )
    assert alert_of(calm) is Alert.NONE and suggested_quantity(calm) == 0
    assert alert_of(low) is Alert.REORDER
    # safety 5 + 14 days of 2 a day = 33, less 20 available
    assert suggested_quantity(low) == 13
    assert alert_of(empty) is Alert.SAFETY and suggested_quantity(empty) == 50


def test_replenishment_proposal_per_supplier_exports_csv_and_xlsx(db, shop, tmp_path):
    shop.product("TEA", on_hand=3, name="龙井茶")
    shop.product("CUP", on_hand=100, name="马克杯")
    shop.product("VASE", on_hand=0, name="花瓶")
    with db.transaction() as session:
        save_supplier(session, "HZ01", "杭州茶园", lead_time_days=5, moq=10)
        save_supplier(session, "JDZ", "景德镇瓷厂", lead_time_days=9)
        set_plan(session, "TEA", reorder_point=10, safety_stock=2, supplier_code="HZ01")
        set_plan(session, "CUP", reorder_point=10, supplier_code="HZ01")
        set_plan(session, "VASE", reorder_point=1, supplier_code="JDZ")
        refresh_planning(session)
        lines = proposal_for_supplier(session, "HZ01")
        rows = list_stock(session, "龙井")

    assert [(line.sku, line.suggested) for line in lines] == [("TEA", 10)]
    assert [r.sku for r in rows] == ["TEA"] and rows[0].abc_class == "C"

    csv_path = export_proposal(lines, tmp_path / "hz01.csv")
    with csv_path.open(encoding="utf-8-sig") as handle:
        table = list(csv.reader(handle))
    assert table[0][1] == "商品编码" and table[1][1:3] == ["TEA", "龙井茶"]
    assert table[1][7] == "10"

    xlsx_path = export_proposal(lines, tmp_path / "hz01.xlsx")
    sheet = openpyxl.load_workbook(xlsx_path).active
    assert [c.value for c in sheet[2]][1:3] == ["TEA", "龙井茶"]
