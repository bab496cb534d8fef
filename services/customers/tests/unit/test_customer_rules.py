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
