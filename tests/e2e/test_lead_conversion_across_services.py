"""Lead conversion end to end across the real marketing, customers and sales services (issue 5
acceptance: "conversion produces a customer, contact and opportunity carrying the campaign id, and
the lead shows their ids"): marketing publishes `lead_converted`; customers creates the customer and
contact and answers `lead_conversion_resolved`; sales opens the opportunity with the campaign and
the lead; marketing records all three ids. A lead matching another rep's customer is a conflict the
lead shows, and nothing is taken from that rep."""

from __future__ import annotations

import uuid

import httpx
import pytest

from crm_testkit.cluster import Cluster
from crm_testkit.wait import eventually

pytestmark = [pytest.mark.e2e, pytest.mark.integration]

SERVICES = ("customers", "sales", "marketing")
PROCS = (*(f"{service}-{kind}" for service in SERVICES for kind in ("grpc", "worker", "relay")), "gateway")
PASSWORD = "conversion-2026"


@pytest.fixture(scope="module")
def cluster(tmp_path_factory, redis_url):
    from crm_testkit.infra import Vhost

    vhost = Vhost()
    c = Cluster(
        tmp_path_factory.mktemp("conversion") / "var",
        vhost.url,
        redis_url,
        f"crm_conv_{uuid.uuid4().hex[:8]}",
        extra_env={"CRM_RATE_LIMIT_PER_MINUTE": "100000"},
    )
    try:
        c.prepare()
        c.start(*PROCS)
        c.wait_ready("customers-grpc", "sales-grpc", "marketing-grpc")
        eventually(lambda: httpx.get(f"{c.gateway_url}/healthz").status_code == 200, timeout=60, what="gateway up")
        yield c
    finally:
        c.close()
        vhost.close()


def _client(cluster: Cluster, username: str, password: str) -> httpx.Client:
    login = httpx.post(f"{cluster.gateway_url}/v1/auth/login", json={"username": username, "password": password})
    assert login.status_code == 200, login.text
    token = login.json()["access_token"]
    return httpx.Client(base_url=cluster.gateway_url, timeout=20, headers={"Authorization": f"Bearer {token}"})


def _ok(response: httpx.Response, status: int = 200) -> dict:
    assert response.status_code == status, f"{response.request.method} {response.request.url}: {response.text}"
    return response.json()


@pytest.fixture(scope="module")
def people(cluster):
    with _client(cluster, "admin", "test-admin-pw") as admin:
        ids, clients = {}, {}
        for key, roles in (("marketer", ["marketer"]), ("ann", ["sales_rep"]), ("bob", ["sales_rep"])):
            username = f"{key}-{uuid.uuid4().hex[:6]}"
            body = {"username": username, "password": PASSWORD, "display_name": key, "roles": roles}
            ids[key] = _ok(admin.post("/v1/users", json=body), 201)["id"]
            clients[key] = _client(cluster, username, PASSWORD)
        try:
            yield {**clients, "ids": ids}
        finally:
            for c in clients.values():
                c.close()


def _lead(rep: httpx.Client, campaign_id: str | None, company: str, email: str) -> httpx.Response:
    body = {"contact_name": "Ada Li", "company": company, "emails": [email]}
    if campaign_id:
        body["campaign_id"] = campaign_id
    return rep.post("/v1/leads", json=body)


def _convert(rep: httpx.Client, created: httpx.Response, **opportunity) -> dict:
    lead = created.json()["lead"]
    body = {"create_opportunity": bool(opportunity), **({"opportunity": opportunity} if opportunity else {})}
    return _ok(rep.post(f"/v1/leads/{lead['id']}/convert", json=body, headers={"If-Match": created.headers["etag"]}))


def test_a_converted_lead_becomes_customer_contact_and_opportunity_with_the_campaign(people):
    ann, marketer = people["ann"], people["marketer"]
    campaign = _ok(
        marketer.post(
            "/v1/campaigns",
            json={
                "name": f"Expo {uuid.uuid4().hex[:6]}",
                "type": "exhibition",
                "budget": {"currency": "CNY", "amount": "800.00"},
            },
        ),
        201,
    )
    company = f"Lumen Optics {uuid.uuid4().hex[:6]}"
    created = _lead(ann, campaign["id"], company, "ada@lumen.example")
    lead_id = _ok(created, 201)["lead"]["id"]
    _convert(ann, created, name="Lumen scanners", amount={"currency": "CNY", "amount": "40000.00"})

    done = eventually(
        lambda: (x := _ok(ann.get(f"/v1/leads/{lead_id}")))["conversion"]["state"] == "done" and x,
        timeout=60,
        what="the conversion to complete across customers and sales",
    )
    customer = _ok(ann.get(f"/v1/customers/{done['converted_customer_id']}"))
    assert (customer["name"], customer["owner_id"]) == (company, people["ids"]["ann"])
    contacts = _ok(ann.get(f"/v1/customers/{customer['id']}/contacts"))["items"]
    assert [c["id"] for c in contacts] == [done["converted_contact_id"]] and contacts[0]["name"] == "Ada Li"
    opportunity = _ok(ann.get(f"/v1/opportunities/{done['converted_opportunity_id']}"))
    assert (opportunity["customer_id"], opportunity["source_campaign_id"], opportunity["lead_id"]) == (
        customer["id"],
        campaign["id"],
        lead_id,
    )
    assert (
        opportunity["amount"] == {"currency": "CNY", "amount": "40000.00"}
        and opportunity["owner_id"] == people["ids"]["ann"]
    )


def test_a_lead_matching_another_reps_customer_is_a_conflict_shown_on_the_lead(people):
    ann, bob = people["ann"], people["bob"]
    company = f"Bobs Own Co {uuid.uuid4().hex[:6]}"
    theirs = _ok(bob.post("/v1/customers", json={"name": company}), 201)
    created = _lead(ann, None, company, f"x{uuid.uuid4().hex[:6]}@bob.example")
    lead_id = _ok(created, 201)["lead"]["id"]
    _convert(ann, created)
    lead = eventually(
        lambda: (x := _ok(ann.get(f"/v1/leads/{lead_id}")))["conversion"]["state"] == "conflict" and x,
        timeout=60,
        what="the conflict to come back from customers",
    )
    assert people["ids"]["bob"] in str(lead["conversion"])
    # Bob keeps his customer, with no contact added by Ann's lead.
    still = _ok(bob.get(f"/v1/customers/{theirs['id']}"))
    assert still["owner_id"] == people["ids"]["bob"]
    assert _ok(bob.get(f"/v1/customers/{theirs['id']}/contacts"))["items"] == []
