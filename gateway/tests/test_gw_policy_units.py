"""Pure pieces of the organisation policy: scope resolution over the department tree, unions
across roles, field access, masking, the password policy."""

from __future__ import annotations

from gateway.identity.explain import explain
from gateway.identity.masking import mask
from gateway.identity.org_policy import OrgSnapshot, RoleProfileRow, resolve
from gateway.identity.password_policy import password_problems
from gateway.identity.policy import DataScope, FieldAccess


def _snapshot() -> OrgSnapshot:
    snap = OrgSnapshot(version=1)
    tree = {"sales": None, "east": "sales", "east_key": "east", "west": "sales", "cc": None}
    for dept, parent in tree.items():
        if parent:
            snap.children[parent].append(dept)
    people = {
        "boss": ("sales", ("manager",)),
        "e1": ("east", ("rep",)),
        "k1": ("east_key", ("rep",)),
        "w1": ("west", ("rep",)),
        "agent": ("cc", ("callcenter", "rep")),
        "loner": (None, ("manager",)),
        "off": ("east", ("rep",)),
        "ghost": ("east", ("no_such_role",)),
    }
    for user, (dept, roles) in people.items():
        snap.active[user] = user != "off"
        snap.department_of[user] = dept
        snap.roles_of[user] = roles
        if dept:
            snap.members[dept].add(user)
    snap.profiles = {
        "manager": RoleProfileRow(
            frozenset({"customers:view", "customers:create", "reports:view"}),
            {"*": DataScope.DEPARTMENT_AND_BELOW, "reports": DataScope.DEPARTMENT},
            {},
        ),
        "rep": RoleProfileRow(frozenset({"customers:view", "customers:edit"}), {"*": DataScope.OWN}, {}),
        "callcenter": RoleProfileRow(
            frozenset({"customers:view"}),
            {"*": DataScope.ALL},
            {("customers", "phone"): FieldAccess.MASKED, ("customers", "email"): FieldAccess.MASKED},
        ),
    }
    return snap


def test_scopes_follow_the_department_tree():
    snap = _snapshot()
    boss = resolve(snap, "boss")
    assert boss.owners_for("customers:view") == {"boss", "e1", "k1", "w1", "off", "ghost"}
    assert boss.owners_for("reports:view") == {"boss"}  # department scope: sales itself has only the boss
    assert resolve(snap, "e1").owners_for("customers:view") == {"e1"}
    # No department: department scopes fall back to own.
    assert resolve(snap, "loner").owners_for("customers:view") == {"loner"}


def test_several_roles_give_the_union_and_only_granting_roles_count():
    snap = _snapshot()
    agent = resolve(snap, "agent")
    assert agent.owners_for("customers:view") is None  # callcenter's "all" wins
    assert agent.owners_for("customers:edit") == {"agent"}  # only "rep" grants edit
    assert agent.owners_for("reports:view") == frozenset()
    assert agent.roles == ("callcenter", "rep")


def test_field_access_takes_the_most_permissive_role():
    snap = _snapshot()
    agent = resolve(snap, "agent")
    assert agent.field_access("customers", "phone") is FieldAccess.EDITABLE  # rep has no rule -> editable
    snap.roles_of["agent"] = ("callcenter",)
    alone = resolve(snap, "agent")
    assert alone.field_access("customers", "phone") is FieldAccess.MASKED
    assert alone.field_access("customers", "name") is FieldAccess.EDITABLE
    assert alone.field_access("leads", "phone") is FieldAccess.HIDDEN  # cannot view leads at all


def test_disabled_unknown_and_roleless_users_get_nothing():
    snap = _snapshot()
    for user in ("off", "nobody"):
        access = resolve(snap, user)
        assert not access.active and access.permissions == frozenset()
    ghost = resolve(snap, "ghost")
    assert ghost.active and ghost.permissions == frozenset() and ghost.visible_owner_ids == {"ghost"}


def test_explain_names_roles_scopes_and_fields():
    snap = _snapshot()
    answer = explain(snap, "boss", "customers:view", owner_id="w1", resource_field=("customers", "phone"))
    assert answer["allowed"] and answer["granted_by"] == ["manager"] and answer["record_in_scope"]
    assert answer["scopes"][0]["scope"] == "department_and_below"
    assert answer["field"]["access"] == "editable" and not answer["field"]["can_edit"]  # no customers:edit
    denied = explain(snap, "e1", "customers:delete")
    assert not denied["allowed"] and "grants" in denied["reasons"][-1]
    assert explain(snap, "off", "customers:view")["active"] is False


def test_masking():
    assert mask("13812341234") == "138****1234"
    assert mask("+86 138 1234 1234").startswith("+86") and mask("+86 138 1234 1234").endswith("1234")
    assert mask("ann.lee@example.com") == "a***@example.com"
    assert mask("12345") == "1***5" and mask("12") == "**"
    assert mask(None) is None and mask("") == ""


def test_password_policy():
    assert password_problems("Good-pass-2026", username="alice", min_length=10) == []
    assert "must be at least 10 characters long" in password_problems("a1", username="x", min_length=10)
    assert "must contain a digit or a symbol" in password_problems("onlyletterss", username="x", min_length=10)
    assert "must not contain the username" in password_problems("alice-2026-xyz", username="Alice", min_length=10)
    assert "must contain a letter" in password_problems("1234567890123", username="x", min_length=10)


# ---------------------------------------------------------------- list queries and field rules


def _principal(user: str):
    from gateway.identity.principal import Principal

    snap = _snapshot()
    # "agent" only as a call-center agent here (its rep role would make phone and email editable).
    snap.roles_of["agent"] = ("callcenter",)
    return Principal(user_id=user, username=user, roles=snap.roles_of[user], access=resolve(snap, user))


def _check(user: str, filter_text: str = "", order_by: str = ""):
    import pytest

    from gateway.field_rules import ResourceFields
    from gateway.list_query import ListQuery, check_list_query
    from gateway.problems import ProblemError

    query = ListQuery(filter=filter_text or None, order_by=order_by or None)
    try:
        check_list_query(_principal(user), ResourceFields("customers", ("name", "phone", "email")), query)
    except ProblemError as exc:
        return exc.status, exc.code
    except Exception as exc:  # pragma: no cover - anything else is a defect
        pytest.fail(f"unexpected {exc!r}")
    return None


def test_list_queries_on_masked_fields_allow_only_exact_matches():
    assert _check("agent", 'phone = "+8613812345678"') is None
    assert _check("agent", 'phone IN ("1", "2") AND name:"acme"') is None
    assert _check("agent", "email:*") is None
    assert _check("agent", 'phone:"138"') == (400, "filter.field_masked")
    assert _check("agent", 'phone = "138*"') == (400, "filter.field_masked")
    assert _check("agent", "", "email desc") == (400, "order_by.field_masked")
    # Without the masking rule the same queries pass.
    assert _check("e1", 'phone:"138"', "email desc") is None


def test_list_query_syntax_errors_are_400_with_the_chassis_code():
    assert _check("e1", "name = ") == (400, "filter.syntax")
    assert _check("e1", "", "a, b, c, d, e") == (400, "order_by.too_many_keys")


def test_list_queries_on_hidden_fields_are_refused():
    from gateway.field_rules import ResourceFields
    from gateway.identity.principal import Principal
    from gateway.list_query import ListQuery, check_list_query
    from gateway.problems import ProblemError

    snap = _snapshot()
    snap.profiles["rep"] = RoleProfileRow(
        frozenset({"customers:view"}), {"*": DataScope.OWN}, {("customers", "custom.salary"): FieldAccess.HIDDEN}
    )
    rep = Principal(user_id="e1", username="e1", roles=("rep",), access=resolve(snap, "e1"))
    for filter_text, order_by, code in (
        ("custom.salary > 10", "", "filter.field_hidden"),
        ("NOT (name:x OR custom.salary:*)", "", "filter.field_hidden"),
        ("", "name, custom.salary desc", "order_by.field_hidden"),
    ):
        try:
            query = ListQuery(filter=filter_text or None, order_by=order_by or None)
            check_list_query(rep, ResourceFields("customers", ()), query)
        except ProblemError as exc:
            assert (exc.status, exc.code) == (400, code)
        else:
            raise AssertionError(f"{filter_text!r} / {order_by!r} was not refused")
