"""Entitlement decisions and automatic dispatch."""

from datetime import date

from service_desk.domain import dispatch as d
from service_desk.domain import entitlement as e

SOLD = e.OwnedProduct("o1", "c1", "p1", 12, date(2026, 1, 31))


def decide(on, owned=(SOLD,), covers=(), **kw):
    args = dict(work_type="repair", product_id="p1", serial_number="", on=on, owned=owned, covers=covers)
    args.update(kw)
    return e.decide(**args)


def test_warranty_end_is_months_later_minus_a_day_clamped():
    assert e.warranty_end(SOLD) == date(2027, 1, 30)
    assert e.warranty_end(e.OwnedProduct("o", "c", "p", 1, date(2026, 1, 31))) == date(2026, 2, 27)
    assert e.warranty_end(e.OwnedProduct("o", "c", "p", 0, date(2026, 1, 31))) is None


def test_in_warranty_until_the_last_day_then_billable():
    assert decide(date(2027, 1, 30)).decision == e.IN_WARRANTY
    late = decide(date(2027, 1, 31))
    assert late.decision == e.BILLABLE
    assert "ended 2027-01-30" in late.reason


def cover(status="active", product="p1", until=None, start=date(2026, 1, 1), end=date(2026, 12, 31), orders=()):
    return e.ContractCover("k1", "c1", product, until, start, end, status, orders)


def test_contract_covers_when_active_and_in_dates():
    got = decide(date(2026, 6, 1), owned=(), covers=(cover(),))
    assert got.decision == e.COVERED and got.contract_id == "k1"
    assert decide(date(2027, 1, 1), owned=(), covers=(cover(),)).decision == e.BILLABLE
    assert decide(date(2026, 6, 1), owned=(), covers=(cover(status="expired"),)).decision == e.BILLABLE
    assert decide(date(2026, 6, 1), owned=(), covers=(cover(until=date(2026, 5, 31)),)).decision == e.BILLABLE
    assert decide(date(2026, 6, 1), owned=(), covers=(cover(product=""),)).decision == e.COVERED
    assert decide(date(2026, 6, 1), owned=(), covers=(cover(product="p2"),)).decision == e.BILLABLE


def test_an_order_on_a_contract_follows_the_contract():
    governed = cover(status="terminated", orders=("o1",))
    got = decide(date(2026, 6, 1), covers=(governed,))
    assert got.decision == e.BILLABLE
    assert "governed by contract k1" in got.reason
    active = cover(orders=("o1",))
    assert decide(date(2026, 6, 1), covers=(active,)).decision == e.COVERED


def test_consultations_are_not_eligible_and_serials_must_match():
    assert decide(date(2026, 6, 1), work_type="consultation").decision == e.NOT_ELIGIBLE
    with_serial = e.OwnedProduct("o1", "c1", "p1", 12, date(2026, 1, 31), serial_number="SN1")
    assert decide(date(2026, 6, 1), owned=(with_serial,), serial_number="SN1").decision == e.IN_WARRANTY
    assert decide(date(2026, 6, 1), owned=(with_serial,), serial_number="SN2").decision == e.BILLABLE
    assert decide(date(2026, 6, 1), order_id="o9").decision == e.NOT_ELIGIBLE


def test_haversine_known_distance():
    # Beijing -> Shanghai ~ 1067 km
    assert 1060 < d.haversine_km(39.9042, 116.4074, 31.2304, 121.4737) < 1075
    assert d.haversine_km(1, 1, 1, 1) == 0


def tech(tid, lat, lon, skills=("repair",), capacity=3, **kw):
    return d.Technician(tid, "", tid, "field", tuple(skills), capacity, latitude=lat, longitude=lon, **kw)


MONDAY = date(2026, 11, 23)


def test_nearest_skilled_with_capacity_wins_and_reasons_are_kept():
    techs = [
        tech("near-unskilled", 31.23, 121.47, skills=("installation",)),
        tech("near-full", 31.23, 121.47, capacity=2),
        tech("mid", 31.30, 121.50),
        tech("far", 39.90, 116.40),
    ]
    chosen, candidates, reason = d.choose(
        techs, {"near-full": 2}, skills=("repair",), latitude=31.23, longitude=121.47, on=MONDAY
    )
    assert chosen.id == "mid"
    why = {c.technician_id: c.excluded_because for c in candidates}
    assert why["near-unskilled"] == "missing skill repair"
    assert why["near-full"] == "at capacity (2/2)"
    assert candidates[0].technician_id == "mid"
    assert "km away" in reason and "best of 2 eligible" in reason


def test_workload_counts_against_distance():
    techs = [tech("a", 31.23, 121.47), tech("b", 31.24, 121.47)]  # b ~1.1 km further
    chosen, _, _ = d.choose(techs, {"a": 1}, skills=("repair",), latitude=31.23, longitude=121.47, on=MONDAY)
    assert chosen.id == "b"


def test_tie_goes_to_the_least_recently_assigned():
    from datetime import UTC, datetime

    techs = [
        tech("a", 31.23, 121.47, last_assigned_at=datetime(2026, 11, 23, 10, tzinfo=UTC)),
        tech("b", 31.23, 121.47, last_assigned_at=datetime(2026, 11, 23, 9, tzinfo=UTC)),
    ]
    chosen, _, reason = d.choose(techs, {}, skills=("repair",), latitude=31.23, longitude=121.47, on=MONDAY)
    assert chosen.id == "b"
    assert "tie" in reason


def test_nobody_eligible_says_why():
    chosen, _, reason = d.choose(
        [tech("off", 1, 1, working_days=(6, 7))], {}, skills=("repair",), latitude=1, longitude=1, on=MONDAY
    )
    assert chosen is None and "not working today" in reason
