from datetime import UTC, datetime

import pytest

from crm_chassis.errors import InvalidArgument
from customers.domain.custom_fields import define, redefine, validate_custom

NOW = datetime(2026, 11, 24, tzinfo=UTC)


def _defs(**overrides):
    specs = {
        "note": ("text", False, []),
        "budget": ("number", False, []),
        "since": ("date", False, []),
        "tier": ("choice", False, ["gold", "silver"]),
        "channels": ("multi_choice", False, ["web", "phone", "fair"]),
        "vip": ("boolean", False, []),
    }
    specs.update(overrides)
    return {
        key: define(entity="customer", key=key, label=key.title(), type_=t, required=r, options=o, now=NOW)
        for key, (t, r, o) in specs.items()
    }


def test_every_type_accepts_its_values_and_normalises_them():
    values = validate_custom(
        {
            "note": "  hello ",
            "budget": 12.0,
            "since": "2025-01-31",
            "tier": "gold",
            "channels": ["fair", "web", "web"],
            "vip": True,
        },
        _defs(),
        check_required=True,
    )
    assert values == {
        "note": "hello",
        "budget": 12,
        "since": "2025-01-31",
        "tier": "gold",
        "channels": ["web", "fair"],
        "vip": True,
    }


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("note", 5),
        ("budget", "12"),
        ("budget", True),
        ("since", "31/01/2025"),
        ("tier", "bronze"),
        ("channels", "web"),
        ("channels", ["mail"]),
        ("vip", "yes"),
    ],
)
def test_wrong_values_name_custom_key(key, value):
    with pytest.raises(InvalidArgument) as err:
        validate_custom({key: value}, _defs(), check_required=False)
    assert (err.value.code, err.value.field) == ("custom.value_invalid", f"custom.{key}")


def test_unknown_keys_and_missing_required_values_are_refused():
    with pytest.raises(InvalidArgument) as err:
        validate_custom({"colour": "red"}, _defs(), check_required=False)
    assert (err.value.code, err.value.field) == ("custom.unknown_field", "custom.colour")
    required = _defs(tier=("choice", True, ["gold"]))
    with pytest.raises(InvalidArgument) as err:
        validate_custom({"note": "x"}, required, check_required=True)
    assert (err.value.code, err.value.field) == ("custom.required", "custom.tier")
    # Empty values count as missing and are dropped.
    assert validate_custom({"note": "", "tier": "gold"}, required, check_required=True) == {"tier": "gold"}


def test_only_touched_keys_are_checked_so_old_values_survive_option_changes():
    defs = _defs()
    narrowed = {**defs, "tier": redefine(defs["tier"], label="Tier", required=False, options=["silver"], now=NOW)}
    kept = validate_custom({"tier": "gold", "note": "x"}, narrowed, check_required=True, only={"note"})
    assert kept == {"tier": "gold", "note": "x"}


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"key": "Bad-Key"}, "custom_field.key_invalid"),
        ({"type_": "colour"}, "custom_field.type_invalid"),
        ({"entity": "order"}, "custom_field.entity_invalid"),
        ({"label": " "}, "custom_field.label_required"),
        ({"type_": "choice", "options": []}, "custom_field.options_required"),
        ({"type_": "text", "options": ["a"]}, "custom_field.options_not_allowed"),
        ({"type_": "choice", "options": ["a", "a"]}, "custom_field.option_repeated"),
    ],
)
def test_bad_definitions_are_refused(kwargs, code):
    spec = {"entity": "customer", "key": "k", "label": "K", "type_": "text", "required": False, "options": []}
    spec.update(kwargs)
    with pytest.raises(InvalidArgument) as err:
        define(now=NOW, **spec)
    assert err.value.code == code


def test_redefine_keeps_the_type_and_bumps_the_version():
    d = _defs()["tier"]
    later = redefine(d, label="Level", required=True, options=["gold", "silver", "bronze"], now=NOW)
    assert (later.type, later.version, later.required, later.options) == (
        "choice",
        2,
        True,
        ("gold", "silver", "bronze"),
    )
