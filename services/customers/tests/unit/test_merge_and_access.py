import dataclasses
from datetime import UTC, datetime, timedelta

import pytest

from crm_chassis.errors import InvalidArgument, NotFound, PermissionDenied
from crm_chassis.identity import Caller
from customers.domain.access import Access, Scope, access_to, new_share, require
from customers.domain.activity import NewActivity, follow_up_after
from customers.domain.activity import create as new_activity
from customers.domain.customer import NewCustomer, create
from customers.domain.merge import merged

NOW = datetime(2026, 11, 24, 9, tzinfo=UTC)


def _customer(name, **kw):
    return create(NewCustomer(name=name, **kw), actor_id="u1", now=NOW)


def test_merge_takes_chosen_fields_from_the_victim_and_keeps_the_survivors_identity():
    survivor = dataclasses.replace(
        _customer("Acme", phones=("13812345678",), tags=("a",), address="Old St"), last_follow_up_at=NOW
    )
    victim = dataclasses.replace(
        _customer(
            "Acme Trading Ltd",
            owner_id="u2",
            phones=("010 1234 5678",),
            tags=("b",),
            address="New St",
            latitude=31.2,
            longitude=121.5,
            industry="retail",
        ),
        deal_at=NOW,
        last_follow_up_at=NOW - timedelta(days=3),
    )
    result, changes = merged(
        survivor, victim, {"name": "victim", "phones": "both", "address": "victim", "industry": "survivor"}, now=NOW
    )
    assert (result.id, result.owner_id, result.version) == (survivor.id, "u1", survivor.version + 1)
    assert result.name == "Acme Trading Ltd" and result.industry == ""
    assert result.phones == ("13812345678", "010 1234 5678")
    assert (result.address, result.latitude, result.longitude) == ("New St", 31.2, 121.5)
    assert result.tags == ("a",)  # not chosen: the survivor's
    assert result.deal_at == NOW and result.last_follow_up_at == NOW  # facts: the later of the two
    assert {c.field for c in changes} == {"name", "phones", "address", "latitude", "longitude", "deal_at"}


@pytest.mark.parametrize(
    ("choices", "code"),
    [
        ({"owner_id": "victim"}, "merge.field_unknown"),
        ({"name": "both"}, "merge.choice_invalid"),
        ({"tags": "x"}, "merge.choice_invalid"),
    ],
)
def test_bad_merge_choices(choices, code):
    with pytest.raises(InvalidArgument) as err:
        merged(_customer("A"), _customer("B"), choices, now=NOW)
    assert err.value.code == code


def test_a_customer_cannot_merge_into_itself():
    c = _customer("A")
    with pytest.raises(InvalidArgument):
        merged(c, c, {}, now=NOW)


def _scope(user="u9", dept=None, owners=frozenset({"u9"})):
    return Scope.of(Caller(user_id=user, visible_owners=owners, department_id=dept), NOW)


def test_owner_scope_edits_shares_read_or_edit_and_expired_grants_count_for_nothing():
    read = new_share(
        customer_id="c", grantee_type="user", grantee_id="u9", access="read", expires_at=None, actor_id="u1", now=NOW
    )
    edit_dept = new_share(
        customer_id="c",
        grantee_type="department",
        grantee_id="d1",
        access="edit",
        expires_at=NOW + timedelta(days=1),
        actor_id="u1",
        now=NOW,
    )
    assert access_to("u1", Scope.of(Caller(user_id="admin"), NOW), []) is Access.EDIT  # unrestricted
    assert access_to("u9", _scope(), []) is Access.EDIT
    assert access_to("u1", _scope(), []) is Access.NONE
    assert access_to("u1", _scope(), [read]) is Access.READ
    assert access_to("u1", _scope(dept="d1"), [read, edit_dept]) is Access.EDIT
    expired_scope = dataclasses.replace(_scope(dept="d1"), now=NOW + timedelta(days=2))
    assert access_to("u1", expired_scope, [edit_dept]) is Access.NONE
    with pytest.raises(NotFound):
        require(Access.NONE, Access.READ, "c")
    with pytest.raises(PermissionDenied):
        require(Access.READ, Access.EDIT, "c")


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"grantee_type": "group"}, "share.grantee_type_invalid"),
        ({"grantee_id": " "}, "share.grantee_required"),
        ({"access": "own"}, "share.access_invalid"),
        ({"expires_at": NOW - timedelta(seconds=1)}, "share.expiry_in_past"),
    ],
)
def test_bad_shares(kwargs, code):
    spec = {"customer_id": "c", "grantee_type": "user", "grantee_id": "u2", "access": "read", "expires_at": None}
    spec.update(kwargs)
    with pytest.raises(InvalidArgument) as err:
        new_share(actor_id="u1", now=NOW, **spec)
    assert err.value.code == code


def test_only_qualifying_activities_move_the_follow_up_clock_and_never_backwards():
    call = new_activity(
        NewActivity(customer_id="c", type="call", occurred_at=NOW - timedelta(hours=1)), actor_id="u1", now=NOW
    )
    meeting = new_activity(NewActivity(customer_id="c", type="meeting"), actor_id="u1", now=NOW)
    assert follow_up_after(None, call) == call.occurred_at
    assert follow_up_after(NOW, call) == NOW  # an older call does not move it back
    assert follow_up_after(None, meeting) is None  # meeting is not in the C3 default list


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"type": "fax"}, "activity.type_invalid"),
        ({"occurred_at": NOW + timedelta(hours=1)}, "activity.occurred_in_future"),
        ({"next_follow_up_at": NOW - timedelta(days=1)}, "activity.next_follow_up_invalid"),
    ],
)
def test_bad_activities(kwargs, code):
    spec = {"customer_id": "c", "type": "call"}
    spec.update(kwargs)
    with pytest.raises(InvalidArgument) as err:
        new_activity(NewActivity(**spec), actor_id="u1", now=NOW)
    assert err.value.code == code
