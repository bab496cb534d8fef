"""Compiled lists against real SQLite and PostgreSQL: filters select the right rows, sorts with
nulls and ties page without repeats or gaps, and everything outside the whitelist is refused."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import JSON, Boolean, Column, DateTime, Integer, MetaData, Numeric, String, Table, insert, select

from crm_chassis.db import make_engine
from crm_chassis.errors import InvalidArgument
from crm_chassis.listing import Field, Listing

pytestmark = pytest.mark.integration

metadata = MetaData()
ITEMS = Table(
    "listing_items",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("name", String(100), nullable=False),
    Column("city", String(50), nullable=True),
    Column("rank", Integer, nullable=True),
    Column("amount", Numeric(12, 2), nullable=False),
    Column("vip", Boolean, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("custom", JSON, nullable=False),
)

BASE = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
CITIES = ["Shanghai", "Beijing", None, "Shenzhen", "100%_real"]


def _custom(key: str) -> Field | None:
    if key == "tier":
        return Field("custom.tier", ITEMS.c.custom["tier"].as_integer(), "integer")
    if key == "colour":
        return Field("custom.colour", ITEMS.c.custom["colour"].as_string(), "string")
    return None


LISTING = Listing(
    [
        Field("name", ITEMS.c.name),
        Field("city", ITEMS.c.city),
        Field("rank", ITEMS.c.rank, "integer"),
        Field("amount", ITEMS.c.amount, "number"),
        Field("vip", ITEMS.c.vip, "boolean"),
        Field("created_at", ITEMS.c.created_at, "timestamp"),
        Field("secret", ITEMS.c.name, filterable=False, sortable=False),
    ],
    tiebreak=ITEMS.c.id,
    default_order="created_at desc",
    custom=_custom,
)

ROWS = [
    {
        "id": f"id-{i:03d}",
        "name": f"Customer {i % 7} {'Acme' if i % 5 == 0 else 'Other'}",
        "city": CITIES[i % len(CITIES)],
        "rank": None if i % 4 == 0 else i % 3,
        "amount": i * 10,
        "vip": i % 6 == 0,
        # Several rows share a timestamp, so the id tie-breaker matters.
        "created_at": BASE + timedelta(minutes=i // 3),
        "custom": {"tier": i % 4, "colour": "red" if i % 2 else "blue"} if i % 9 else {},
    }
    for i in range(60)
]


@pytest.fixture
def engine(database_url):
    engine = make_engine(database_url)
    metadata.create_all(engine)
    with engine.begin() as conn:
        conn.execute(insert(ITEMS), ROWS)
    yield engine
    engine.dispose()


def ids(engine, filter_text="", order_by="", limit=500):
    query = LISTING.compile(filter_text, order_by)
    with engine.connect() as conn:
        rows = conn.execute(query.apply(select(ITEMS.c.id), limit=limit)).all()
    return [r.id for r in rows]


def all_pages(engine, filter_text="", order_by="", limit=7):
    query = LISTING.compile(filter_text, order_by)
    seen, cursor = [], ""
    with engine.connect() as conn:
        while True:
            rows = conn.execute(query.apply(select(ITEMS.c.id), cursor=cursor, limit=limit)).all()
            items, cursor = query.page(rows, limit)
            seen.extend(r.id for r in items)
            if not cursor:
                return seen


def expected(predicate):
    return {r["id"] for r in ROWS if predicate(r)}


@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        ('name:"acme"', lambda r: "acme" in r["name"].lower()),
        ('name = "Customer 3*"', lambda r: r["name"].startswith("Customer 3")),
        ('city = "Shanghai"', lambda r: r["city"] == "Shanghai"),
        ('city != "Shanghai"', lambda r: r["city"] != "Shanghai"),
        ("city:*", lambda r: r["city"] is not None),
        ("NOT city:*", lambda r: r["city"] is None),
        ('city:"%_"', lambda r: r["city"] is not None and "%_" in r["city"]),
        ("rank IN (1, 2)", lambda r: r["rank"] in (1, 2)),
        ("amount >= 100 AND amount < 250.5", lambda r: 100 <= r["amount"] < 250.5),
        ("vip = true", lambda r: r["vip"]),
        ("created_at >= 2025-03-01T09:10:00Z", lambda r: r["created_at"] >= BASE + timedelta(minutes=10)),
        ("rank = 0 OR rank = 2 vip = false", lambda r: r["rank"] in (0, 2) and not r["vip"]),
        ("-(rank = 1)", lambda r: r["rank"] != 1),
        ("custom.tier = 2", lambda r: r["custom"].get("tier") == 2),
        (
            'custom.colour = "red" AND custom.tier > 1',
            lambda r: r["custom"].get("colour") == "red" and r["custom"].get("tier", 0) > 1,
        ),
    ],
)
def test_filters_select_exactly_the_matching_rows(engine, text, predicate):
    assert set(ids(engine, text)) == expected(predicate)


def _sort_key(row, field):
    value = row["custom"].get("tier") if field == "custom.tier" else row[field]
    return value


@pytest.mark.parametrize(
    "order_by",
    ["", "name", "city desc, rank", "rank desc, name, amount desc", "custom.tier, city, rank desc, name desc"],
)
def test_pages_cover_every_row_once_in_the_sorted_order(engine, order_by):
    pages = all_pages(engine, order_by=order_by)
    single = ids(engine, order_by=order_by)
    assert pages == single
    assert sorted(pages) == sorted(r["id"] for r in ROWS)
    # The order is the documented one: the keys, nulls after values ascending, id last.
    keys = [k.strip().split() for k in (order_by or "created_at desc").split(",")]
    by_id = {r["id"]: r for r in ROWS}
    for a, b in itertools.pairwise(pages):
        ra, rb = by_id[a], by_id[b]
        for parts in keys:
            desc = len(parts) == 2 and parts[1] == "desc"
            va, vb = _sort_key(ra, parts[0]), _sort_key(rb, parts[0])
            if va == vb:
                continue
            na, nb = (va is None), (vb is None)
            if na != nb:
                assert (na and desc) or (nb and not desc), (a, b, parts)
            else:
                assert (va > vb) if desc else (va < vb), (a, b, parts)
            break
        else:
            last_desc = len(keys[-1]) == 2 and keys[-1][1] == "desc"
            assert (a > b) if last_desc else (a < b)


def test_pages_stay_stable_when_rows_are_inserted_ahead(engine):
    query = LISTING.compile("", "name")
    with engine.connect() as conn:
        rows = conn.execute(query.apply(select(ITEMS.c.id), limit=10)).all()
        first, cursor = query.page(rows, 10)
    with engine.begin() as conn:
        conn.execute(insert(ITEMS), [{**ROWS[0], "id": "aaa-new", "name": "AAAA first"}])
    with engine.connect() as conn:
        rest = conn.execute(query.apply(select(ITEMS.c.id), cursor=cursor, limit=500)).all()
    assert {r.id for r in first}.isdisjoint({r.id for r in rest})
    assert len(first) + len(rest) == len(ROWS)


def test_neighbours_of_a_record(engine):
    query = LISTING.compile('city:"sh"', "rank desc, name")
    order = ids(engine, 'city:"sh"', "rank desc, name")
    anchor_id = order[3]
    with engine.connect() as conn:
        anchor = conn.execute(
            select(ITEMS.c.id).add_columns(*query.sort_columns()).where(ITEMS.c.id == anchor_id)
        ).one()
        previous, following = query.neighbours(select(ITEMS.c.id), query.values_of(anchor))
        assert conn.execute(previous).one().id == order[2]
        assert conn.execute(following).one().id == order[4]


@pytest.mark.parametrize(
    ("filter_text", "order_by", "code"),
    [
        ("password = 1", "", "filter.unknown_field"),
        ("secret = 1", "", "filter.unknown_field"),
        ("custom.nope = 1", "", "filter.unknown_field"),
        ("", "secret", "order_by.unknown_field"),
        ("", "nope desc", "order_by.unknown_field"),
        ("rank = abc", "", "filter.invalid_value"),
        ("amount > NaN", "", "filter.invalid_value"),
        ("vip = maybe", "", "filter.invalid_value"),
        ("created_at > yesterday", "", "filter.invalid_value"),
        ("rank:1", "", "filter.unsupported_operator"),
        ("", "a, b, c, d, e", "order_by.too_many_keys"),
    ],
)
def test_refusals(filter_text, order_by, code):
    with pytest.raises(InvalidArgument) as err:
        LISTING.compile(filter_text, order_by)
    assert err.value.code == code


def test_a_cursor_from_another_sort_or_a_damaged_one_is_refused(engine):
    by_name = LISTING.compile("", "name")
    with engine.connect() as conn:
        rows = conn.execute(by_name.apply(select(ITEMS.c.id), limit=3)).all()
    _, cursor = by_name.page(rows, 3)
    for other, bad in ((LISTING.compile("", "city"), cursor), (by_name, cursor[:-3] + "zzz"), (by_name, "!!")):
        with pytest.raises(InvalidArgument) as err:
            other.apply(select(ITEMS.c.id), cursor=bad, limit=3)
        assert err.value.code == "page.cursor_invalid"


def test_hostile_values_are_bound_not_spliced(engine):
    hostile = "x' OR '1'='1"
    assert ids(engine, f'name = "{hostile}"') == []
    assert len(ids(engine)) == len(ROWS)
