"""The customer file's rules end to end, through the gateway to the real customers service (and
reporting): first-come duplicates, scope and sharing, field rules for the call center, lock,
history, delete/restore with children, merge, custom fields, and bad list queries."""

from __future__ import annotations

import uuid

import httpx
import pytest

from crm_testkit.cluster import Cluster
from crm_testkit.wait import eventually

pytestmark = [pytest.mark.e2e, pytest.mark.integration]

PROCS = (
    "customers-grpc",
    "customers-worker",
    "customers-relay",
    "reporting-grpc",
    "reporting-worker",
    "reporting-relay",
    "gateway",
)
PASSWORD = "file-tester-2026"


@pytest.fixture(scope="module")
def cluster(tmp_path_factory, redis_url):
    from crm_testkit.infra import Vhost

    vhost = Vhost()
    c = Cluster(
        tmp_path_factory.mktemp("customer-file") / "var",
        vhost.url,
        redis_url,
        f"crm_file_{uuid.uuid4().hex[:8]}",
        extra_env={"CRM_RATE_LIMIT_PER_MINUTE": "100000"},
    )
    try:
        c.prepare()
        c.start(*PROCS)
        c.wait_ready("customers-grpc", "reporting-grpc")
        eventually(lambda: httpx.get(f"{c.gateway_url}/healthz").status_code == 200, timeout=60, what="gateway up")
        yield c
    finally:
        c.close()
        vhost.close()


def _client(cluster: Cluster, username: str, password: str) -> httpx.Client:
    login = httpx.post(f"{cluster.gateway_url}/v1/auth/login", json={"username": username, "password": password})
    assert login.status_code == 200, login.text
    token = login.json()["access_token"]
    return httpx.Client(base_url=cluster.gateway_url, timeout=15, headers={"Authorization": f"Bearer {token}"})


class Org:
    def __init__(self, cluster: Cluster) -> None:
        self.admin = _client(cluster, "admin", "test-admin-pw")
        east = self.admin.post("/v1/departments", json={"name": f"East {uuid.uuid4().hex[:4]}", "parent_id": None})
        west = self.admin.post("/v1/departments", json={"name": f"West {uuid.uuid4().hex[:4]}", "parent_id": None})
        assert east.status_code == west.status_code == 201
        self.ids: dict[str, str] = {}
        self.clients: dict[str, httpx.Client] = {}
        for name, role, dept in (
            ("rep_a", "sales_rep", east.json()["id"]),
            ("rep_b", "sales_rep", east.json()["id"]),
            ("rep_w", "sales_rep", west.json()["id"]),
            ("agent", "callcenter_agent", None),
        ):
            username = f"{name}-{uuid.uuid4().hex[:6]}"
            made = self.admin.post(
                "/v1/users",
                json={
                    "username": username,
                    "password": PASSWORD,
                    "display_name": name,
                    "department_id": dept,
                    "roles": [role],
                },
            )
            assert made.status_code == 201, made.text
            self.ids[name] = made.json()["id"]
            self.clients[name] = _client(cluster, username, PASSWORD)
        self.east_id = east.json()["id"]


@pytest.fixture(scope="module")
def org(cluster):
    return Org(cluster)


def _unique(prefix: str) -> str:
    return f"{prefix} {uuid.uuid4().hex[:8]}"


def test_first_registrant_keeps_the_customer(org):
    name = _unique("Acme")
    phone = f"138{uuid.uuid4().int % 10**8:08d}"
    a = org.clients["rep_a"].post("/v1/customers", json={"name": f"{name} Ltd", "phones": [phone]})
    assert a.status_code == 201, a.text
    b = org.clients["rep_w"].post("/v1/customers", json={"name": f"{name.upper()} LTD.", "phones": [phone]})
    assert b.status_code == 409, b.text
    problem = b.json()
    assert problem["code"] == "duplicate_customer"
    assert problem["details"]["existing_customer_id"] == a.json()["id"]
    # rep_w's scope does not hold rep_a: the owner is not named.
    assert problem["details"].get("existing_owner_id", "") == "" and problem["details"]["owner_hidden"] == "true"
    check = org.clients["rep_w"].post("/v1/customers/duplicates:check", json={"name": f"{name} ltd", "phones": [phone]})
    assert check.status_code == 200 and [m["customer_id"] for m in check.json()["conflicts"]] == [a.json()["id"]]
    # Nothing was written for rep_w.
    assert org.clients["rep_w"].get("/v1/customers", params={"filter": f'name:"{name}"'}).json()["items"] == []


def test_scope_and_sharing(org):
    made = org.clients["rep_a"].post("/v1/customers", json={"name": _unique("Scoped Co")})
    url = f"/v1/customers/{made.json()['id']}"
    assert org.clients["rep_b"].get(url).status_code == 404
    shared = org.clients["rep_a"].post(
        f"{url}/shares", json={"grantee_type": "user", "grantee_id": org.ids["rep_b"], "access": "read"}
    )
    assert shared.status_code == 201, shared.text
    assert org.clients["rep_b"].get(url).status_code == 200
    # Read access does not allow edits.
    edit = org.clients["rep_b"].patch(url, json={"industry": "x"}, headers={"If-Match": '"1"'})
    assert edit.status_code in (403, 404), edit.text
    gone = org.clients["rep_a"].delete(f"{url}/shares/user/{org.ids['rep_b']}")
    assert gone.status_code == 204
    assert org.clients["rep_b"].get(url).status_code == 404


def test_call_center_sees_phones_masked_and_reveal_is_audited(org):
    phone = f"139{uuid.uuid4().int % 10**8:08d}"
    made = org.admin.post("/v1/customers", json={"name": _unique("Masked Co"), "phones": [phone]})
    url = f"/v1/customers/{made.json()['id']}"
    seen = org.clients["agent"].get(url).json()
    assert seen["phone"] != phone and seen["phone"].endswith(phone[-4:]) and "*" in seen["phone"]
    assert all("*" in p for p in seen["phones"])
    # Searching a masked field other than by exact value would leak it.
    leak = org.clients["agent"].get("/v1/customers", params={"filter": 'phone:"139"'})
    assert leak.status_code == 400 and leak.json()["code"] == "filter.field_masked"
    exact = org.clients["agent"].get("/v1/customers", params={"filter": f'phone = "{phone}"'})
    assert [c["id"] for c in exact.json()["items"]] == [made.json()["id"]]
    assert org.clients["agent"].post(f"{url}/reveal", json={"field": "phone"}).status_code == 403
    revealed = org.admin.post(f"{url}/reveal", json={"field": "phone"})
    assert revealed.status_code == 200 and revealed.json()["value"] == phone


def test_lock_history_and_stale_edits(org):
    made = org.admin.post("/v1/customers", json={"name": _unique("Locked Co"), "industry": "retail"})
    url = f"/v1/customers/{made.json()['id']}"
    assert org.admin.patch(url, json={"industry": "energy"}, headers={"If-Match": '"1"'}).status_code == 200
    locked = org.admin.post(f"{url}/lock")
    assert locked.status_code == 200 and locked.json()["locked"] is True
    version = locked.json()["version"]
    refused = org.admin.patch(url, json={"industry": "mining"}, headers={"If-Match": f'"{version}"'})
    assert refused.status_code == 409 and refused.json()["code"] == "record_locked"
    assert org.admin.post(f"{url}/unlock").status_code == 200
    history = org.admin.get(f"{url}/history").json()["items"]
    industry = [e for e in history if e["field"] == "industry"]
    assert industry and industry[0]["old_value"] and "retail" in industry[0]["old_value"]
    assert {"lock", "unlock"} <= {e["reason"] for e in history}


def test_delete_hides_and_restore_brings_back_children(org):
    made = org.admin.post("/v1/customers", json={"name": _unique("Binned Co")})
    cid = made.json()["id"]
    url = f"/v1/customers/{cid}"
    assert org.admin.post(f"{url}/contacts", json={"name": "Li Wei", "phones": ["13900001111"]}).status_code == 201
    logged = org.admin.post(f"{url}/activities", json={"type": "call", "content": "intro call"})
    assert logged.status_code == 201 and logged.json()["customer"]["last_follow_up_at"]
    assert org.admin.delete(url).status_code == 204
    assert org.admin.get(url).status_code == 404
    assert cid not in [c["id"] for c in org.admin.get("/v1/customers", params={"limit": 200}).json()["items"]]
    assert cid in [c["id"] for c in org.admin.get("/v1/recycle-bin/customers").json()["items"]]
    assert org.admin.post(f"{url}/restore").status_code == 200
    assert [c["name"] for c in org.admin.get(f"{url}/contacts").json()["items"]] == ["Li Wei"]
    assert [a["content"] for a in org.admin.get(f"{url}/activities").json()["items"]] == ["intro call"]


def test_merge_moves_children_to_the_survivor(org):
    survivor = org.admin.post("/v1/customers", json={"name": _unique("Survivor Co"), "tags": ["a"]}).json()
    victim = org.admin.post("/v1/customers", json={"name": _unique("Victim Co"), "tags": ["b"]}).json()
    org.admin.post(f"/v1/customers/{victim['id']}/contacts", json={"name": "Moved Person"})
    merged = org.admin.post(
        "/v1/customers/merge",
        json={"survivor_id": survivor["id"], "victim_id": victim["id"], "choices": {"tags": "both"}},
    )
    assert merged.status_code == 200, merged.text
    assert sorted(merged.json()["tags"]) == ["a", "b"]
    contacts = org.admin.get(f"/v1/customers/{survivor['id']}/contacts").json()["items"]
    assert [c["name"] for c in contacts] == ["Moved Person"]
    assert org.admin.get(f"/v1/customers/{victim['id']}").status_code == 404


def test_custom_fields_are_validated_and_filterable(org):
    key = f"tier_{uuid.uuid4().hex[:6]}"
    defined = org.admin.post(
        "/v1/custom-fields/customer",
        json={"key": key, "label": "Tier", "type": "choice", "options": ["gold", "silver"]},
    )
    assert defined.status_code == 201, defined.text
    bad = org.admin.post("/v1/customers", json={"name": _unique("Custom Co"), "custom_fields": {key: "bronze"}})
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == f"custom.{key}"
    good = org.admin.post("/v1/customers", json={"name": _unique("Custom Co"), "custom_fields": {key: "gold"}})
    assert good.status_code == 201 and good.json()["custom_fields"] == {key: "gold"}
    found = org.admin.get("/v1/customers", params={"filter": f'custom.{key} = "gold"'}).json()["items"]
    assert [c["id"] for c in found] == [good.json()["id"]]


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"filter": "password = 1"}, "filter.unknown_field"),
        ({"filter": "name ="}, "filter.syntax"),
        ({"order_by": "name, industry, region, source, created_at"}, "order_by.too_many_keys"),
        ({"order_by": "secret desc"}, "order_by.unknown_field"),
    ],
)
def test_bad_list_queries_are_400_with_a_code(org, params, code):
    reply = org.admin.get("/v1/customers", params=params)
    assert reply.status_code == 400 and reply.json()["code"] == code


def test_sorted_pages_cover_everything_once(org):
    owner = org.ids["rep_w"]
    names = [_unique(f"Sorted {i}") for i in range(7)]
    for name in names:
        assert org.admin.post("/v1/customers", json={"name": name, "owner_id": owner}).status_code == 201
    seen, cursor = [], None
    while True:
        params = {"owner_id": owner, "order_by": "name desc", "limit": 3, "filter": 'name:"Sorted"'}
        page = org.admin.get("/v1/customers", params={**params, **({"cursor": cursor} if cursor else {})}).json()
        seen += [c["name"] for c in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == sorted(names, reverse=True)


def test_reporting_follows_owner_counts(org):
    # A fresh owner, so events of earlier tests still on their way cannot move this count.
    owner = f"u-count-{uuid.uuid4().hex[:8]}"

    def count() -> int:
        by_owner = org.admin.get("/v1/reports/customers/summary").json()["by_owner"]
        return next((o["count"] for o in by_owner if o["owner_id"] == owner), 0)

    made = org.admin.post("/v1/customers", json={"name": _unique("Counted Co"), "owner_id": owner})
    assert made.status_code == 201, made.text
    eventually(lambda: count() == 1, timeout=30, what="the report to count the new customer")
    assert org.admin.delete(f"/v1/customers/{made.json()['id']}").status_code == 204
    eventually(lambda: count() == 0, timeout=30, what="the report to drop the deleted customer")
