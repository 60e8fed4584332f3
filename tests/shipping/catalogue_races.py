"""Two desks editing one carrier at the same moment, for the SQLite and PostgreSQL tests.

Each desk (a thread with its own `Database`) loads the carrier with its tables and then waits
for the other desk to have loaded it too, so without a lock both check the same old catalogue
and both write. With the lock the second desk cannot load before the first commits; the first
then waits out `MEETING_S` alone and goes on.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from app.db.engine import Database
from app.errors import BadInput
from app.shipping import (
    catalogue_edit,
    catalogue_io,
    catalogue_places,
    catalogue_tables,
    handover,
)
from app.shipping.catalogue_view import CarrierDetail

MEETING_S = 0.5

SECOND_SERVICE = "顺丰电商标快"
THIRD_SERVICE = "顺丰次晨"


def meeting_point(timeout_s: float = MEETING_S) -> Callable[[], None]:
    """`meet()` waits until the other desk meets too, or `timeout_s` passed (it is locked out)."""
    meeting = threading.Barrier(2)

    def meet() -> None:
        try:
            meeting.wait(timeout=timeout_s)
        except threading.BrokenBarrierError:
            pass

    return meet


def run_desks(url: str, work: tuple[Callable, ...]) -> list[object]:
    """Run `work[i](database)` on desks of their own at once; what each returned or raised."""
    desks = [Database(url, migrate=False) for _ in work]
    outcomes: list[object] = [None] * len(work)

    def run(i: int) -> None:
        try:
            outcomes[i] = work[i](desks[i])
        except Exception as exc:  # noqa: BLE001 - the test inspects what each desk got
            outcomes[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(work))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    for desk in desks:
        desk.dispose()
    return outcomes


def race(monkeypatch, url: str, work: tuple[Callable, Callable]) -> list[object]:
    """Run `work[i](database)` on two desks at once, each pausing once it has loaded the
    carrier until the other has too; what each returned or raised."""
    meet = meeting_point()

    def loaded(carrier):
        for table in ("services", "rates", "destinations", "regions"):
            getattr(carrier, table)  # loads it now, before the other desk can change it
        return carrier

    one, every = catalogue_edit.get_carrier, catalogue_io.carriers

    def get_carrier(session, code):
        carrier = loaded(one(session, code))
        meet()
        return carrier

    def carriers(session, active_only=True):
        found = [loaded(c) for c in every(session, active_only)]
        meet()
        return found

    monkeypatch.setattr(catalogue_edit, "get_carrier", get_carrier)
    monkeypatch.setattr(catalogue_tables, "get_carrier", get_carrier)
    monkeypatch.setattr(catalogue_places, "get_carrier", get_carrier)
    monkeypatch.setattr(handover, "get_carrier", get_carrier)
    monkeypatch.setattr(catalogue_io, "carriers", carriers)
    return run_desks(url, work)


def prepare_default_race(db: Database) -> None:
    """SF with three services, 顺丰标快 the default."""
    names = [s.name for s in catalogue_edit.carrier_detail(db, "SF").services]
    if THIRD_SERVICE not in names:
        catalogue_edit.add_service(db, "SF", THIRD_SERVICE, speed_class="express")
    assert SECOND_SERVICE in names


def default_switches():
    return (
        lambda desk: catalogue_edit.update_service(desk, "SF", SECOND_SERVICE, is_default=True),
        lambda desk: catalogue_edit.update_service(desk, "SF", THIRD_SERVICE, is_default=True),
    )


def prepare_zone_race(db: Database) -> None:
    """SF has a price for zone 6, where no province is yet."""
    catalogue_edit.set_rate(
        db, "SF", 6, first_weight="1", first_price="30", extra_price_per_kg="9"
    )


def zone_move_and_rate_removal():
    return (
        lambda desk: catalogue_places.set_destination(desk, "SF", "北京", zone=6, transit_days=2),
        lambda desk: catalogue_edit.remove_rate(desk, "SF", 6),
    )


def beijing_is_priced(db: Database) -> bool:
    detail = catalogue_edit.carrier_detail(db, "SF")
    zone = next(d.zone for d in detail.destinations if d.province == "北京市")
    return zone in {r.zone for r in detail.rates}


def import_move_and_rate_removal(db: Database):
    """An import that moves 北京 to zone 6, racing a desk removing zone 6's price."""
    entry = next(c for c in catalogue_io.export_catalogue(db)["carriers"] if c["code"] == "SF")
    for row in entry["destinations"]:
        if row["province"] == "北京市":
            row["zone"] = 6
    data = {"carriers": [{"code": "SF", "destinations": entry["destinations"]}]}
    return (
        lambda desk: catalogue_io.import_catalogue(desk, data),
        lambda desk: catalogue_edit.remove_rate(desk, "SF", 6),
    )


def check_one_default_survives(monkeypatch, db: Database, url: str) -> None:
    """Both desks' default switches succeed, one after the other: exactly one default."""
    prepare_default_race(db)

    outcomes = race(monkeypatch, url, default_switches())
    assert all(isinstance(o, CarrierDetail) for o in outcomes), outcomes
    defaults = [s.name for s in catalogue_edit.carrier_detail(db, "SF").services if s.is_default]
    assert len(defaults) == 1


def check_zone_price_kept(monkeypatch, db: Database, url: str, work) -> None:
    """Of a zone move and that zone's price removal, the later one is refused."""
    prepare_zone_race(db)

    outcomes = race(monkeypatch, url, work)
    refused = [o for o in outcomes if isinstance(o, BadInput)]
    assert len(refused) == 1 and "没有价格" in str(refused[0]), outcomes
    assert beijing_is_priced(db)


def check_one_open_handover(monkeypatch, db: Database, url: str) -> None:
    """Two desks pressing "start" for ZTO at once end with one open handover, shared."""
    catalogue_edit.carrier_detail(db, "ZTO")  # seeds the catalogue before the race

    def start(desk: Database) -> int:
        return handover.start_handover(desk, "ZTO").id

    ids = race(monkeypatch, url, (start, start))

    assert ids[0] == ids[1] and isinstance(ids[0], int), ids
    assert [h.id for h in handover.open_handovers(db)] == [ids[0]]
