"""Price resolution (most specific list in effect, best tier, else list price, with the reason),
line totals with discount and tax, and the line input limits."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from crm_chassis.errors import InvalidArgument
from sales.domain.catalogue import PriceList, PriceTier, Product, resolve_price
from sales.domain.lines import Line, LineInput, check_inputs, totals

T = datetime(2026, 1, 1, tzinfo=UTC)
LAPTOP = Product("p1", "LAP", "Laptop", "hw", "pcs", Decimal(100_000), "CNY", 12, True, 1, T, T)


def price_list(
    pid, *, cls="", region="", start=date(2026, 1, 1), end=None, tiers=((1, 90_000),), currency="CNY", active=True
):
    return PriceList(
        pid, f"list {pid}", currency, cls, region, start, end, active,
        tuple(PriceTier("p1", Decimal(q), Decimal(p)) for q, p in tiers), 1, T, T,
    )  # fmt: skip


def resolve(lists, *, cls="vip", region="East", on=date(2026, 3, 1), qty="1", currency="CNY"):
    return resolve_price(
        LAPTOP, lists, classification=cls, region=region, on=on, quantity=Decimal(qty), currency=currency
    )


def test_without_an_applicable_list_the_list_price_applies():
    r = resolve([price_list("x", cls="normal")])
    assert (r.unit_price, r.source, r.price_list_id, r.tier_min_quantity) == (Decimal(100_000), "list_price", "", None)
    assert "list price" in r.reason


def test_the_most_specific_list_wins():
    general = price_list("general", tiers=((1, 95_000),))
    by_class = price_list("class", cls="vip", tiers=((1, 92_000),))
    by_both = price_list("both", cls="vip", region="east", tiers=((1, 88_000),))
    assert resolve([general, by_class, by_both]).price_list_id == "both"  # region matches case-insensitively
    assert resolve([general, by_class]).price_list_id == "class"
    assert resolve([general, by_class], cls="normal").price_list_id == "general"
    r = resolve([by_both])
    assert "classification vip and region east" in r.reason and r.unit_price == Decimal(88_000)


def test_among_equally_specific_lists_the_latest_in_effect_wins():
    old = price_list("old", start=date(2025, 1, 1), tiers=((1, 95_000),))
    new = price_list("new", start=date(2026, 2, 1), tiers=((1, 93_000),))
    assert resolve([old, new]).price_list_id == "new"
    assert resolve([old, new], on=date(2026, 1, 15)).price_list_id == "old"


def test_effective_dates_are_inclusive_and_inactive_or_other_currency_lists_do_not_apply():
    window = price_list("w", start=date(2026, 3, 1), end=date(2026, 3, 31))
    assert resolve([window], on=date(2026, 3, 31)).source == "price_list"
    assert resolve([window], on=date(2026, 4, 1)).source == "list_price"
    assert resolve([window], on=date(2026, 2, 28)).source == "list_price"
    assert resolve([price_list("off", active=False)]).source == "list_price"
    with pytest.raises(InvalidArgument) as err:
        resolve([price_list("usd", currency="USD", cls="normal")], currency="USD")
    assert err.value.code == "price.no_price_in_currency"


def test_the_best_tier_the_quantity_reaches():
    tiered = price_list("t", tiers=((1, 90_000), (10, 80_000), (100, 70_000)))
    assert [resolve([tiered], qty=q).unit_price for q in ("1", "9.5", "10", "99", "250")] == [
        Decimal(90_000), Decimal(90_000), Decimal(80_000), Decimal(80_000), Decimal(70_000),
    ]  # fmt: skip
    # A specific list whose tiers start above the quantity gives way to the next list.
    bulk_only = price_list("bulk", cls="vip", region="East", tiers=((50, 60_000),))
    assert resolve([bulk_only, tiered], qty="5").price_list_id == "t"
    assert resolve([bulk_only, tiered], qty="50").price_list_id == "bulk"


def line(qty, price, discount):
    return Line("p", "S", "n", "pcs", "", Decimal(qty), Decimal(price), Decimal(discount), "list_price", "", None, "")


def test_totals_round_to_minor_units_half_up():
    lines = [line("3", 123_456, "5"), line("2.5", 333, "0")]
    # 370368 - 18518.4 -> 18518 = 351850; 832.5 -> 833; tax 13 % of 352683 = 45848.79 -> 45849
    t = totals(lines, Decimal(13))
    assert (t.subtotal, t.discount, t.net, t.tax, t.total) == (
        Decimal(371_201), Decimal(18_518), Decimal(352_683), Decimal(45_849), Decimal(398_532),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("qty", "discount", "code"),
    [
        ("-1", "", "line.quantity_not_positive"),
        ("0", "", "line.quantity_not_positive"),
        ("1.00001", "", "line.quantity_invalid"),
        ("1", "100.01", "line.discount_out_of_range"),
        ("1", "-0.5", "line.discount_out_of_range"),
        ("NaN", "", "lines[0].quantity_invalid"),
    ],
)
def test_line_inputs_are_checked_before_pricing(qty, discount, code):
    with pytest.raises(InvalidArgument) as err:
        check_inputs([LineInput("p1", qty, discount)])
    assert err.value.code == code


def test_discount_bounds_are_inclusive_and_empty_lines_are_refused():
    assert [d for _, _, d in check_inputs([LineInput("p", "1", "0"), LineInput("p", "1", "100")])] == [
        Decimal(0),
        Decimal(100),
    ]
    with pytest.raises(InvalidArgument):
        check_inputs([])
