"""The list query language: what parses, into what, and what is refused with which code."""

from __future__ import annotations

import pytest

from crm_chassis.errors import InvalidArgument
from crm_chassis.filtering import (
    And,
    Not,
    Or,
    Restriction,
    SortKey,
    Value,
    fields_of,
    parse_filter,
    parse_order_by,
)


def test_a_comparison():
    assert parse_filter('name = "Acme Ltd"') == Restriction("name", "=", Value("Acme Ltd", quoted=True))


def test_empty_filter_is_none():
    assert parse_filter("   ") is None


def test_or_binds_tighter_than_and_as_in_aip_160():
    tree = parse_filter("a = 1 AND b = 2 OR c = 3")
    assert tree == And(
        (
            Restriction("a", "=", Value("1")),
            Or((Restriction("b", "=", Value("2")), Restriction("c", "=", Value("3")))),
        )
    )


def test_whitespace_between_terms_means_and():
    tree = parse_filter("a = 1 b:x")
    assert tree == And((Restriction("a", "=", Value("1")), Restriction("b", ":", Value("x"))))


def test_not_minus_parentheses_has_and_in():
    tree = parse_filter('NOT (a = 1 OR a = 2) -b:* c IN ("x y", z) custom.tier >= 3')
    assert tree == And(
        (
            Not(Or((Restriction("a", "=", Value("1")), Restriction("a", "=", Value("2"))))),
            Not(Restriction("b", "has")),
            Restriction("c", "in", values=(Value("x y", quoted=True), Value("z"))),
            Restriction("custom.tier", ">=", Value("3")),
        )
    )


def test_escapes_inside_quotes():
    assert parse_filter(r'name = "say \"hi\""') == Restriction("name", "=", Value('say "hi"', quoted=True))


@pytest.mark.parametrize(
    "text",
    [
        "name =",
        "= 3",
        "(a = 1",
        "a = 1)",
        "a IN (1, 2",
        "a IN 1",
        "a == 1",
        "a = 1 AND",
        "1name = 2",
        "a.b.c = 1",
        "a = (1)",
        "a ~ 1",
        "name = 'x'; DROP TABLE customers; --'",
    ],
)
def test_malformed_filters_are_refused_with_a_syntax_code(text):
    with pytest.raises(InvalidArgument) as err:
        parse_filter(text)
    assert err.value.code == "filter.syntax"
    assert err.value.field == "filter"


def test_limits_on_size_and_depth():
    with pytest.raises(InvalidArgument) as err:
        parse_filter("(" * 20 + "a = 1" + ")" * 20)
    assert err.value.code == "filter.too_complex"
    with pytest.raises(InvalidArgument) as err:
        parse_filter(" OR ".join(["a = 1"] * 60))
    assert err.value.code == "filter.too_complex"
    with pytest.raises(InvalidArgument) as err:
        parse_filter("a = " + "x" * 3000)
    assert err.value.code == "filter.too_complex"


def test_order_by_keys_and_directions():
    assert parse_order_by("name, created_at desc,custom.tier ASC") == [
        SortKey("name"),
        SortKey("created_at", descending=True),
        SortKey("custom.tier"),
    ]
    assert parse_order_by("") == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("a, b, c, d, e", "order_by.too_many_keys"),
        ("a, a desc", "order_by.duplicate_key"),
        ("a sideways", "order_by.syntax"),
        ("a desc extra", "order_by.syntax"),
        ("a,,b", "order_by.syntax"),
        ("a; drop", "order_by.syntax"),
    ],
)
def test_bad_order_by(text, code):
    with pytest.raises(InvalidArgument) as err:
        parse_order_by(text)
    assert err.value.code == code
    assert err.value.field == "order_by"


def test_fields_of_lists_what_a_request_reads():
    assert fields_of("phone = 1 OR NOT (email:* AND custom.x = 2)", "name desc") == (
        {"phone", "email", "custom.x"},
        {"name"},
    )
