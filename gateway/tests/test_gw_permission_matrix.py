"""The permission matrix (issue 3): for each built-in role in a demo-like organisation, a sample of
routes — list, detail, create, the summary report — allowed or denied, rows limited to the role's
data scope (the fake services honour x-crm-visible-owners), fields hidden or masked as configured.
Later services add their routes to ROUTES and their expectations to EXPECTED."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import pytest

pytestmark = pytest.mark.anyio

PASSWORD = "Matrix-pass-2026"
PHONE, EMAIL = "13812341234", "ann.lee@example.com"


@dataclass
class Org:
    ids: dict[str, str]  # login key -> user id
    headers: dict[str, dict[str, str]]  # login key -> Authorization header


# login key -> (role, department key)
MEMBERS = {
    "admin2": ("admin", None),
    "manager": ("sales_manager", "sales"),
    "rep_e1": ("sales_rep", "sales_east"),
    "rep_e2": ("sales_rep", "sales_east"),
    "rep_w1": ("sales_rep", "sales_west"),
    "rep_w2": ("sales_rep", "sales_west"),
    "marketer": ("marketer", "marketing"),
    "svc_manager": ("service_manager", "service"),
    "svc_agent": ("service_agent", "service"),
    "tech1": ("technician", "service_field"),
    "tech2": ("technician", "service_field"),
    "callcenter": ("callcenter_agent", "call_center"),
}
# Customers get one per owner in this list.
OWNERS = ["manager", "rep_e1", "rep_e2", "rep_w1", "rep_w2", "marketer", "svc_agent", "tech1", "tech2"]
EVERYONE = set(OWNERS)
SERVICE = {"svc_agent", "tech1", "tech2"}

# login key -> (visible owners or None = all, may create, may read the report, may export,
# phone/email masked)
EXPECTED = {
    "admin2": (None, True, True, True, False),
    "manager": ({"manager", "rep_e1", "rep_e2", "rep_w1", "rep_w2"}, True, True, True, False),
    "rep_e1": ({"rep_e1"}, True, True, False, False),
    "rep_w2": ({"rep_w2"}, True, True, False, False),
    "marketer": ({"marketer"}, False, True, False, False),
    "svc_manager": ({"svc_manager"} | SERVICE, False, True, False, False),
    "svc_agent": ({"svc_manager", "svc_agent"}, False, False, False, False),
    "tech1": ({"tech1"}, False, False, False, False),
    "callcenter": (None, False, False, False, True),
}


@pytest.fixture(scope="module")
async def org(client, auth) -> Org:
    tag = uuid.uuid4().hex[:6]
    depts: dict[str, str] = {}
    for key, parent in (
        ("sales", None),
        ("sales_east", "sales"),
        ("sales_west", "sales"),
        ("marketing", None),
        ("service", None),
        ("service_field", "service"),
        ("call_center", None),
    ):
        body = {"name": f"{key} {tag}", "parent_id": depts[parent] if parent else None}
        reply = await client.post("/v1/departments", json=body, headers=auth())
        assert reply.status_code == 201, reply.text
        depts[key] = reply.json()["id"]
    ids, headers = {}, {}
    for key, (role, dept) in MEMBERS.items():
        username = f"m-{key}-{tag}"
        body = {
            "username": username,
            "password": PASSWORD,
            "display_name": key,
            "department_id": depts[dept] if dept else None,
            "roles": [role],
        }
        reply = await client.post("/v1/users", json=body, headers=auth())
        assert reply.status_code == 201, reply.text
        ids[key] = reply.json()["id"]
        login = await client.post("/v1/auth/login", json={"username": username, "password": PASSWORD})
        headers[key] = {"Authorization": f"Bearer {login.json()['access_token']}"}
    return Org(ids, headers)


async def _customers(client, auth, org: Org) -> dict[str, str]:
    """One customer per owner in OWNERS (created by the admin); owner key -> customer id."""
    out = {}
    for owner in OWNERS:
        body = {
            "name": f"Cust of {owner}",
            "owner_id": org.ids[owner],
            "phone": PHONE,
            "email": EMAIL,
            "industry": "retail",
        }
        reply = await client.post("/v1/customers", json=body, headers=auth())
        assert reply.status_code == 201, reply.text
        out[owner] = reply.json()["id"]
    return out


def _keys(org: Org, owner_ids) -> set[str]:
    by_id = {v: k for k, v in org.ids.items()}
    return {by_id.get(o, o) for o in owner_ids}


@pytest.mark.parametrize("who", list(EXPECTED))
async def test_matrix(client, auth, org, upstreams, who):
    visible, may_create, may_report, may_export, masked = EXPECTED[who]
    customers = await _customers(client, auth, org)
    headers = org.headers[who]

    listed = await client.get("/v1/customers", params={"limit": 200}, headers=headers)
    assert listed.status_code == 200, listed.text
    items = listed.json()["items"]
    seen = _keys(org, {c["owner_id"] for c in items})
    sent = upstreams.world.calls_to("ListCustomers")[-1].metadata
    if visible is None:
        assert seen == EVERYONE and "x-crm-visible-owners" not in sent
    else:
        assert seen == visible & EVERYONE
        assert _keys(org, sent["x-crm-visible-owners"].split(",")) == visible

    for item in items:
        if masked:
            assert (item["phone"], item["email"]) == ("138****1234", "a***@example.com")
        else:
            assert (item["phone"], item["email"]) == (PHONE, EMAIL)

    for owner, customer_id in customers.items():
        detail = await client.get(f"/v1/customers/{customer_id}", headers=headers)
        if visible is None or owner in visible:
            assert detail.status_code == 200
            assert detail.json()["phone"] == ("138****1234" if masked else PHONE)
        else:
            assert detail.status_code == 404  # out of scope looks like absent

    exported = await client.get("/v1/exports/customers", headers=headers)
    assert exported.status_code == (200 if may_export else 403)
    if may_export:
        lines = exported.text.strip().split("\r\n")
        assert lines[0].startswith("id,name,kind") and len(lines) - 1 == len(items)

    created = await client.post("/v1/customers", json={"name": f"By {who}"}, headers=headers)
    assert created.status_code == (201 if may_create else 403), created.text

    report = await client.get("/v1/reports/customers/summary", headers=headers)
    assert report.status_code == (200 if may_report else 403)
    if may_report:
        owners = _keys(org, {row["owner_id"] for row in report.json()["by_owner"]})
        assert owners <= (visible if visible is not None else EVERYONE | {who})


async def test_a_sales_rep_cannot_create_for_a_colleague_but_a_manager_can(client, org):
    rep = await client.post(
        "/v1/customers", json={"name": "x", "owner_id": org.ids["rep_e2"]}, headers=org.headers["rep_e1"]
    )
    assert rep.status_code == 403 and rep.json()["code"] == "customers.owner_out_of_scope"
    manager = await client.post(
        "/v1/customers", json={"name": "x", "owner_id": org.ids["rep_w1"]}, headers=org.headers["manager"]
    )
    assert manager.status_code == 201
    outside = await client.post(
        "/v1/customers", json={"name": "x", "owner_id": org.ids["tech1"]}, headers=org.headers["manager"]
    )
    assert outside.status_code == 403


async def test_reveal_is_a_permission_and_is_audited(client, auth, org):
    customers = await _customers(client, auth, org)
    target = customers["rep_e1"]
    denied = await client.post(
        f"/v1/customers/{target}/reveal", json={"field": "phone"}, headers=org.headers["callcenter"]
    )
    assert denied.status_code == 403 and denied.json()["code"] == "permission.denied"
    revealed = await client.post(
        f"/v1/customers/{target}/reveal", json={"field": "phone"}, headers=org.headers["manager"]
    )
    assert revealed.status_code == 200 and revealed.json() == {"id": target, "field": "phone", "value": PHONE}
    assert revealed.headers["cache-control"] == "no-store"
    out_of_scope = await client.post(
        f"/v1/customers/{customers['tech1']}/reveal", json={"field": "phone"}, headers=org.headers["manager"]
    )
    assert out_of_scope.status_code == 404
    bad = await client.post(f"/v1/customers/{target}/reveal", json={"field": "secret"}, headers=org.headers["manager"])
    assert bad.status_code == 400
    log = await client.get(
        "/v1/audit-log", params={"action": "customer.field_revealed", "target_id": target}, headers=auth()
    )
    entry = log.json()["items"][0]
    assert entry["actor_id"] == org.ids["manager"] and entry["detail"] == {"field": "phone"}
    assert PHONE not in log.text


async def test_field_rules_hide_fields_and_refuse_writes_naming_the_field(client, auth, org):
    role = f"limited_{uuid.uuid4().hex[:6]}"
    made = await client.post(
        "/v1/roles",
        json={
            "name": role,
            "permissions": ["customers:view", "customers:create"],
            "scopes": {"*": "all"},
            "field_rules": [
                {"resource": "customers", "field": "phone", "access": "read_only"},
                {"resource": "customers", "field": "industry", "access": "hidden"},
            ],
        },
        headers=auth(),
    )
    assert made.status_code == 201, made.text
    username = f"lim-{uuid.uuid4().hex[:6]}"
    await client.post(
        "/v1/users",
        json={"username": username, "password": PASSWORD, "display_name": "L", "roles": [role]},
        headers=auth(),
    )
    login = await client.post("/v1/auth/login", json={"username": username, "password": PASSWORD})
    headers = {"Authorization": f"Bearer {login.json()['access_token']}"}
    await _customers(client, auth, org)

    refused = await client.post("/v1/customers", json={"name": "P", "phone": "123", "industry": "x"}, headers=headers)
    assert refused.status_code == 403 and refused.json()["code"] == "field.not_editable"
    assert {e["field"] for e in refused.json()["errors"]} == {"phone", "industry"}
    ok = await client.post("/v1/customers", json={"name": "P"}, headers=headers)
    assert ok.status_code == 201 and "industry" not in ok.json()

    items = (await client.get("/v1/customers", headers=headers)).json()["items"]
    assert items and all("industry" not in c and c["phone"] in (PHONE, None) for c in items)

    # Read-only is still readable; an edit of the rule applies on the next request.
    await client.patch(f"/v1/roles/{role}", json={"field_rules": []}, headers=auth())
    items = (await client.get("/v1/customers", headers=headers)).json()["items"]
    assert any(c.get("industry") == "retail" for c in items)


async def test_explain_says_why(client, auth, org):
    rep = await client.get(
        "/v1/explain",
        params={"permission": "customers:view", "owner_id": org.ids["rep_e2"], "field": "customers.phone"},
        headers=org.headers["rep_e1"],
    )
    assert rep.status_code == 200, rep.text
    body = rep.json()
    assert body["user_id"] == org.ids["rep_e1"] and body["allowed"] is True and body["granted_by"] == ["sales_rep"]
    assert body["scopes"] == [{"role": "sales_rep", "scope": "own", "via_wildcard": False}]
    assert body["record_in_scope"] is False and body["visible_owner_ids"] == [org.ids["rep_e1"]]
    assert body["field"]["access"] == "editable" and body["field"]["can_edit"] is True
    assert any("outside every scope" in r for r in body["reasons"])

    agent = await client.get(
        "/v1/explain",
        params={"permission": "customers:export", "user_id": org.ids["callcenter"], "field": "customers.email"},
        headers=auth(),
    )
    body = agent.json()
    assert body["allowed"] is False and body["granted_by"] == []
    assert body["field"] == {
        "resource": "customers",
        "field": "email",
        "access": "masked",
        "by_role": [{"role": "callcenter_agent", "access": "masked"}],
        "can_read": False,
        "can_edit": False,
        "can_reveal": False,
    }
    other = await client.get(
        "/v1/explain",
        params={"permission": "customers:view", "user_id": org.ids["admin2"]},
        headers=org.headers["rep_e1"],
    )
    assert other.status_code == 403
    bad = await client.get("/v1/explain", params={"permission": "drop table"}, headers=auth())
    assert bad.status_code == 400


async def test_exports_follow_field_rules_defuse_formulas_and_are_audited(client, auth, org):
    role = f"exporter_{uuid.uuid4().hex[:6]}"
    await client.post(
        "/v1/roles",
        json={
            "name": role,
            "permissions": ["customers:view", "customers:export"],
            "scopes": {"*": "all"},
            "field_rules": [
                {"resource": "customers", "field": "phone", "access": "masked"},
                {"resource": "customers", "field": "email", "access": "hidden"},
            ],
        },
        headers=auth(),
    )
    username = f"exp-{uuid.uuid4().hex[:6]}"
    made = await client.post(
        "/v1/users",
        json={"username": username, "password": PASSWORD, "display_name": "E", "roles": [role]},
        headers=auth(),
    )
    login = await client.post("/v1/auth/login", json={"username": username, "password": PASSWORD})
    headers = {"Authorization": f"Bearer {login.json()['access_token']}"}
    await client.post("/v1/customers", json={"name": "=HYPERLINK(1)", "phone": PHONE, "email": EMAIL}, headers=auth())
    reply = await client.get("/v1/exports/customers", headers=headers)
    assert reply.status_code == 200 and reply.headers["content-type"].startswith("text/csv")
    header, row = reply.text.strip().split("\r\n")
    # A rule on `email` governs `emails` too (same data); `phones` is masked like `phone`.
    assert "emails" not in header.split(",") and "phones" in header.split(",")
    assert "'=HYPERLINK(1)" in row and "138****1234" in row and EMAIL not in reply.text
    log = await client.get(
        "/v1/audit-log", params={"action": "customers.exported", "actor_id": made.json()["id"]}, headers=auth()
    )
    assert log.json()["items"][0]["detail"] == {
        "owner_id": None,
        "filter": None,
        "order_by": None,
        "rows": 1,
        "truncated": False,
    }


async def test_me_tells_a_frontend_what_to_show(client, org):
    reply = await client.get("/v1/auth/me", headers=org.headers["callcenter"])
    assert reply.status_code == 200
    body = reply.json()
    assert body["user_id"] == org.ids["callcenter"] and body["roles"] == ["callcenter_agent"]
    assert "customers:view" in body["permissions"] and "customers:export" not in body["permissions"]
    assert body["fields"] == {
        "customers": {"email": "masked", "phone": "masked"},
        # Contacts are seen with customers:view, so their masking rules apply to the agent too.
        "contacts": {"emails": "masked", "phones": "masked"},
    }
    assert (await client.get("/v1/auth/me")).status_code == 401


# The sales routes (issue 6, gateway migration 0004): which lists each role may read (the fake
# sales service answers empty pages, so only the permission and the scope sent are checked).
SALES_LISTS = {
    "products": "/v1/products",
    "opportunities": "/v1/opportunities",
    "quotes": "/v1/quotes",
    "orders": "/v1/orders",
    "contracts": "/v1/contracts",
    "payments": "/v1/receipts",
    "invoices": "/v1/invoices",
    "targets": "/v1/targets",
}
ALL_SALES = set(SALES_LISTS)
SALES_EXPECTED = {
    "admin2": ALL_SALES,
    "manager": ALL_SALES,
    "rep_e1": ALL_SALES,
    "marketer": {"products", "opportunities"},
    "svc_manager": {"products", "orders", "contracts"},
    "svc_agent": {"products", "orders", "contracts"},
    "tech1": set(),
    "callcenter": {"opportunities", "orders", "contracts"},
}


@pytest.mark.parametrize("who", list(SALES_EXPECTED))
async def test_sales_matrix(client, org, upstreams, who):
    headers = org.headers[who]
    for module, path in SALES_LISTS.items():
        reply = await client.get(path, headers=headers)
        allowed = module in SALES_EXPECTED[who]
        assert reply.status_code == (200 if allowed else 403), (module, reply.text)
        if allowed:
            assert reply.json() == {"items": [], "next_cursor": None}
    if "opportunities" in SALES_EXPECTED[who]:
        sent = upstreams.world.calls_to("ListOpportunities")[-1].metadata
        visible = EXPECTED[who][0]
        if visible is None:
            assert "x-crm-visible-owners" not in sent
        else:
            assert _keys(org, sent["x-crm-visible-owners"].split(",")) == visible
    # Deciding approvals: the module's approve permission (then the service decides; the fake
    # knows no record, 404).
    approve = await client.post("/v1/quotes/q-1/approve", json={}, headers=headers)
    assert approve.status_code == (404 if who in ("admin2", "manager") else 403), approve.text
    decide = await client.post("/v1/approvals/contract/c-1/approve", json={}, headers=headers)
    assert decide.status_code == (404 if who in ("admin2", "manager") else 403), decide.text
    reopen = await client.post("/v1/opportunities/o-1/reopen", json={"reason": "x"}, headers=headers)
    assert reopen.status_code == (404 if who in ("admin2", "manager") else 403), reopen.text
