from datetime import UTC, datetime

import pytest

from crm_chassis.errors import InvalidArgument
from customers.domain.customer import NAME_MAX, NewCustomer, create

NOW = datetime(2026, 11, 24, tzinfo=UTC)


def test_new_customer_is_normalised_and_owned_by_the_caller():
    c = create(NewCustomer(name="  Acme   Trading  ", level="b", email=" a@b.co "), actor_id="u1", now=NOW)
    assert (c.name, c.owner_id, c.level, c.email, c.version, c.created_by) == (
        "Acme Trading",
        "u1",
        "B",
        "a@b.co",
        1,
        "u1",
    )
    assert c.created_at == c.updated_at == NOW


def test_explicit_owner_wins_over_the_caller():
    assert create(NewCustomer(name="X", owner_id="u9"), actor_id="u1", now=NOW).owner_id == "u9"


@pytest.mark.parametrize(
    "request_, code",
    [
        (NewCustomer(name="   "), "customer.name_required"),
        (NewCustomer(name="x" * (NAME_MAX + 1)), "customer.name_too_long"),
        (NewCustomer(name="X", level="Z"), "customer.level_invalid"),
        (NewCustomer(name="X", email="not-an-email"), "customer.email_invalid"),
        (NewCustomer(name="X", phone="call me"), "customer.phone_invalid"),
    ],
)
def test_invalid_requests_name_their_rule(request_, code):
    with pytest.raises(InvalidArgument) as err:
        create(request_, actor_id="u1", now=NOW)
    assert err.value.code == code


def test_system_caller_must_name_an_owner():
    with pytest.raises(InvalidArgument) as err:
        create(NewCustomer(name="X"), actor_id=None, now=NOW)
    assert err.value.code == "customer.owner_required"


# -- the full record ------------------------------------------------------------------------------

from crm_chassis.errors import FailedPrecondition, NotFound, VersionConflict  # noqa: E402
from customers.domain.custom_fields import define  # noqa: E402
from customers.domain.customer import apply_update, check_version, ensure_writable  # noqa: E402

DEFS = {
    "tier": define(
        entity="customer", key="tier", label="Tier", type_="choice", required=False, options=["gold", "silver"], now=NOW
    ),
    "budget": define(
        entity="customer", key="budget", label="Budget", type_="number", required=False, options=[], now=NOW
    ),
}


def test_new_customer_defaults_and_lists():
    c = create(
        NewCustomer(
            name="Acme", phone="138 1234 5678", phones=("138-1234-5678", "010 1234 5678"), tags=("a", " a ", "b")
        ),
        actor_id="u1",
        now=NOW,
    )
    assert (c.kind, c.classification, c.status, c.locked) == ("company", "potential", "prospect", False)
    # The single phone goes first; the same number written differently is kept once (C21 key).
    assert c.phones == ("138 1234 5678", "010 1234 5678") and c.phone == "138 1234 5678"
    assert c.tags == ("a", "b") and c.owner_since == NOW


@pytest.mark.parametrize(
    ("request_", "code", "field"),
    [
        (NewCustomer(name="X", kind="robot"), "customer.kind_invalid", "kind"),
        (NewCustomer(name="X", classification="gold"), "customer.classification_invalid", "classification"),
        (NewCustomer(name="X", status="won"), "customer.status_invalid", "status"),
        (NewCustomer(name="X", uscc="91350100M000100Y44"), "customer.uscc_invalid", "uscc"),
        (NewCustomer(name="X", kind="person", uscc="91350100M000100Y43"), "customer.uscc_not_allowed", "uscc"),
        (NewCustomer(name="X", latitude=91.0), "customer.latitude_invalid", "latitude"),
        (NewCustomer(name="X", website="not a site"), "customer.website_invalid", "website"),
        (NewCustomer(name="X", emails=("ok@example.com", "broken")), "customer.email_invalid", "emails"),
        (NewCustomer(name="X", custom={"tier": "bronze"}), "custom.value_invalid", "custom.tier"),
        (NewCustomer(name="X", custom={"nope": 1}), "custom.unknown_field", "custom.nope"),
    ],
)
def test_invalid_fields_are_named(request_, code, field):
    with pytest.raises(InvalidArgument) as err:
        create(request_, actor_id="u1", now=NOW, definitions=DEFS)
    assert (err.value.code, err.value.field) == (code, field)


def test_valid_uscc_is_normalised():
    c = create(NewCustomer(name="X", uscc="91350100m000100y43"), actor_id="u1", now=NOW)
    assert c.uscc == "91350100M000100Y43"


def _base():
    return create(
        NewCustomer(name="Acme", phones=("13812345678",), custom={"tier": "gold"}),
        actor_id="u1",
        now=NOW,
        definitions=DEFS,
    )


def test_update_changes_only_the_masked_fields_and_lists_the_changes():
    later = NOW.replace(hour=5)
    c = _base()
    updated, changes = apply_update(
        c,
        {"name": "Acme Trading", "industry": "ignored (not in the mask)", "custom": {"budget": 12.0}},
        ["name", "custom.budget"],
        now=later,
        definitions=DEFS,
    )
    assert (updated.name, updated.industry, updated.version, updated.updated_at) == ("Acme Trading", "", 2, later)
    assert updated.custom == {"tier": "gold", "budget": 12}
    assert [(ch.field, ch.old, ch.new) for ch in changes] == [
        ("name", "Acme", "Acme Trading"),
        ("custom.budget", None, 12),
    ]


def test_an_update_that_changes_nothing_keeps_the_version():
    c = _base()
    same, changes = apply_update(c, {"name": " Acme "}, ["name"], now=NOW, definitions=DEFS)
    assert same is c and changes == []


def test_clearing_a_custom_value_with_its_path():
    c = _base()
    updated, changes = apply_update(c, {"custom": {}}, ["custom.tier"], now=NOW, definitions=DEFS)
    assert updated.custom == {} and [ch.field for ch in changes] == ["custom.tier"]


@pytest.mark.parametrize(
    ("paths", "code"),
    [
        ([], "update_mask.empty"),
        (["owner_id"], "customer.owner_not_editable"),
        (["version"], "update_mask.unknown_field"),
        (["custom", "custom.tier"], "update_mask.invalid"),
    ],
)
def test_bad_masks_are_refused(paths, code):
    with pytest.raises(InvalidArgument) as err:
        apply_update(_base(), {}, paths, now=NOW, definitions=DEFS)
    assert err.value.code == code


def test_a_stale_version_is_a_conflict_naming_what_changed():
    check_version(3, 0, what="customer c")  # 0 = no check
    check_version(3, 3, what="customer c")
    with pytest.raises(VersionConflict) as err:
        check_version(3, 2, what="customer c", changed=["name"])
    assert err.value.details == {"current_version": "3", "changed_fields": "name"}


def test_locked_and_deleted_customers_refuse_writes():
    import dataclasses

    c = _base()
    assert ensure_writable(c, c.id) is c
    with pytest.raises(FailedPrecondition) as err:
        ensure_writable(dataclasses.replace(c, locked=True), c.id)
    assert err.value.code == "record_locked"
    with pytest.raises(NotFound):
        ensure_writable(dataclasses.replace(c, deleted_at=NOW), c.id)
    with pytest.raises(NotFound):
        ensure_writable(None, "x")
