"""Marketing end to end through the gateway's HTTP API to the real marketing service (issue 5
acceptance, the marketing side): a public form submission creates a lead that a round-robin rule
assigns; the same person submitting again adds a touch, not a second lead; an unassigned lead sits
in the pool and is grabbed once; an uncontacted lead is reminded and then returns to the pool (the
worker's timer, short times set for this cluster); the campaign approval flow with role checks and
cost entries; public form abuse (throttling with Retry-After, honeypot, malformed and oversized
bodies); and conversion: `lead_converted` is published with the lead, and the customers and sales
answers (`lead_conversion_resolved`, `opportunity_created`) complete the lead."""

from __future__ import annotations

import json
import uuid

import httpx
import pika
import pytest
import sqlalchemy as sa

from crm.customers.v1 import customers_events_pb2 as cev
from crm.sales.v1 import sales_events_pb2 as sev
from crm.sales.v1 import sales_service_pb2 as spb
from crm_chassis.envelope import new_envelope
from crm_testkit.cluster import Cluster
from crm_testkit.wait import eventually

pytestmark = [pytest.mark.e2e, pytest.mark.integration]

PROCS = ("marketing-grpc", "marketing-worker", "marketing-relay", "gateway")
PASSWORD = "marketing-tester-2026"
FORM_LIMIT = 30


@pytest.fixture(scope="module")
def cluster(tmp_path_factory, redis_url):
    from crm_testkit.infra import Vhost

    vhost = Vhost()
    c = Cluster(
        tmp_path_factory.mktemp("marketing-e2e") / "var",
        vhost.url,
        redis_url,
        f"crm_mkt_{uuid.uuid4().hex[:8]}",
        extra_env={
            "CRM_RATE_LIMIT_PER_MINUTE": "100000",
            "CRM_PUBLIC_FORM_RATE_LIMIT_PER_MINUTE": str(FORM_LIMIT),
            "CRM_MARKETING_APPROVAL_THRESHOLD": "1000000",
            "CRM_MARKETING_CONTACT_REMINDER_SECONDS": "4",
            "CRM_MARKETING_CONTACT_DEADLINE_SECONDS": "12",
            "CRM_MARKETING_SWEEP_SECONDS": "1",
        },
    )
    try:
        c.prepare()
        c.start(*PROCS)
        c.wait_ready("marketing-grpc")
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


def _problem(response: httpx.Response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, f"{response.request.method} {response.request.url}: {response.text}"
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    if code is not None:
        assert body["code"] == code, body
    return body


def _etag(response: httpx.Response) -> dict[str, str]:
    return {"If-Match": response.headers["etag"]}


def _money(amount: str) -> dict[str, str]:
    return {"currency": "CNY", "amount": amount}


@pytest.fixture(scope="module")
def people(cluster):
    """admin, a marketer, a sales manager (the campaign approver) and two reps in one department."""
    with _client(cluster, "admin", "test-admin-pw") as admin:
        dept = _ok(
            admin.post("/v1/departments", json={"name": f"Mkt E2E {uuid.uuid4().hex[:6]}", "parent_id": None}), 201
        )
        ids, clients = {}, {}
        for key, roles in (
            ("marketer", ["marketer"]),
            ("manager", ["sales_manager"]),
            ("ann", ["sales_rep"]),
            ("bob", ["sales_rep"]),
        ):
            username = f"{key}-{uuid.uuid4().hex[:6]}"
            body = {
                "username": username,
                "password": PASSWORD,
                "display_name": key,
                "department_id": dept["id"],
                "roles": roles,
            }
            ids[key] = _ok(admin.post("/v1/users", json=body), 201)["id"]
            clients[key] = _client(cluster, username, PASSWORD)
        try:
            yield {"admin": admin, **clients, "ids": ids}
        finally:
            for c in clients.values():
                c.close()


def _public(cluster: Cluster, key: str, address: str, body, **kw) -> httpx.Response:  # type: ignore[no-untyped-def]
    headers = {"X-Forwarded-For": address, **kw.pop("headers", {})}
    if isinstance(body, (dict, list)):
        return httpx.post(f"{cluster.gateway_url}/v1/public/forms/{key}/submissions", json=body, headers=headers)
    return httpx.post(f"{cluster.gateway_url}/v1/public/forms/{key}/submissions", content=body, headers=headers, **kw)


def _form(marketer: httpx.Client, campaign_id: str, *, auto_assign: bool = True) -> dict:
    key = f"expo-{uuid.uuid4().hex[:8]}"
    body = {
        "key": key,
        "name": "Expo sign-up",
        "campaign_id": campaign_id,
        "fields": [
            {"name": "name", "label": "Name", "required": True},
            {"name": "company", "label": "Company"},
            {"name": "email", "label": "Email", "type": "email"},
            {"name": "phone", "label": "Phone", "type": "phone"},
        ],
        "mapping": {"name": "contact_name", "company": "company", "email": "email", "phone": "phone"},
        "thank_you_message": "Thanks, see you at the expo!",
        "honeypot_field": "website",
        "auto_assign": auto_assign,
    }
    return _ok(marketer.post("/v1/forms", json=body), 201)


def _campaign(marketer: httpx.Client, budget: str = "500.00", kind: str = "exhibition") -> dict:
    body = {"name": f"Campaign {uuid.uuid4().hex[:6]}", "type": kind, "budget": _money(budget)}
    return _ok(marketer.post("/v1/campaigns", json=body), 201)


def _leads_of(client: httpx.Client, campaign_id: str) -> list[dict]:
    page = _ok(client.get("/v1/leads", params={"campaign_id": campaign_id, "order_by": "created_at", "limit": 200}))
    return page["items"]


def test_form_leads_are_assigned_round_robin_a_repeat_is_a_touch_and_the_pool_is_grabbed(cluster, people):
    admin, marketer, ann, bob = people["admin"], people["marketer"], people["ann"], people["bob"]
    ids = people["ids"]
    campaign = _campaign(marketer)
    rule = {
        "name": "expo team",
        "target": "round_robin",
        "member_ids": [ids["ann"], ids["bob"]],
        "campaign_ids": [campaign["id"]],
    }
    _ok(marketer.post("/v1/assignment-rules", json=rule), 201)
    form = _form(marketer, campaign["id"])
    for i in range(4):
        reply = _public(cluster, form["key"], "10.1.0.1", {"name": f"Visitor {i}", "email": f"v{i}@example.com"})
        assert _ok(reply, 202) == {"accepted": True, "message": "Thanks, see you at the expo!"}
    leads = _leads_of(admin, campaign["id"])
    owners = [lead["owner_id"] or lead["previous_owner_id"] for lead in leads]
    assert owners == [ids["ann"], ids["bob"], ids["ann"], ids["bob"]]
    assert all(lead["source"] == "web_form" for lead in leads)

    # the same person again (another spelling of the address): a touch, not a lead
    _ok(_public(cluster, form["key"], "10.1.0.1", {"name": "Visitor 0 again", "email": " V0@Example.com"}), 202)
    leads = _leads_of(admin, campaign["id"])
    assert len(leads) == 4 and leads[0]["touch_count"] == 2
    touches = _ok(admin.get(f"/v1/leads/{leads[0]['id']}/touches"))["items"]
    assert len(touches) == 2

    # a form whose leads always go to the pool; ann grabs one, bob cannot grab it again
    pool_form = _form(marketer, campaign["id"], auto_assign=False)
    _ok(_public(cluster, pool_form["key"], "10.1.0.2", {"name": "Pool Person", "phone": "13900001111"}), 202)
    pool = _ok(bob.get("/v1/lead-pool", params={"campaign_id": campaign["id"]}))["items"]
    assert [lead["contact_name"] for lead in pool] == ["Pool Person"]
    grabbed = _ok(ann.post(f"/v1/leads/{pool[0]['id']}/grab"))
    assert grabbed["owner_id"] == ids["ann"] and grabbed["status"] == "assigned"
    assert bob.post(f"/v1/leads/{pool[0]['id']}/grab").status_code in (404, 409)
    assert _ok(bob.get("/v1/lead-pool", params={"campaign_id": campaign["id"]}))["items"] == []


def test_an_uncontacted_lead_is_reminded_then_returns_to_the_pool(cluster, people):
    ann, marketer = people["ann"], people["marketer"]
    campaign = _campaign(marketer)
    slow = _ok(ann.post("/v1/leads", json={"contact_name": "Slow", "campaign_id": campaign["id"]}), 201)
    fast = ann.post("/v1/leads", json={"contact_name": "Fast", "campaign_id": campaign["id"]})
    assert fast.status_code == 201 and fast.json()["lead"]["owner_id"] == people["ids"]["ann"]
    contacted = ann.patch(
        f"/v1/leads/{fast.json()['lead']['id']}", json={"status": "contacted"}, headers={"If-Match": '"1"'}
    )
    assert _ok(contacted)["status"] == "contacted"
    slow_id = slow["lead"]["id"]
    reminded = eventually(
        lambda: (lead := _ok(people["admin"].get(f"/v1/leads/{slow_id}")))["reminded_at"] and lead,
        timeout=30,
        what="the first-contact reminder",
    )
    assert reminded["owner_id"] == people["ids"]["ann"]
    back = eventually(
        lambda: (lead := _ok(people["admin"].get(f"/v1/leads/{slow_id}")))["in_pool"] and lead,
        timeout=60,
        what="the uncontacted lead back in the pool",
    )
    assert back["status"] == "returned" and back["previous_owner_id"] == people["ids"]["ann"] and not back["owner_id"]
    assert _ok(people["admin"].get(f"/v1/leads/{fast.json()['lead']['id']}"))["owner_id"] == people["ids"]["ann"]


def test_campaign_approval_with_role_checks_and_costs(cluster, people):
    marketer, manager, ann = people["marketer"], people["manager"], people["ann"]
    created = marketer.post(
        "/v1/campaigns", json={"name": "Big expo", "type": "exhibition", "budget": _money("50000.00")}
    )
    campaign = _ok(created, 201)
    assert created.headers["location"] == f"/v1/campaigns/{campaign['id']}"
    cid = campaign["id"]
    _problem(ann.post("/v1/campaigns", json={"name": "x", "type": "email", "budget": _money("1.00")}), 403)
    submitted = marketer.post(f"/v1/campaigns/{cid}/submit", headers=_etag(created))
    assert _ok(submitted)["status"] == "pending_approval"
    _problem(marketer.post(f"/v1/campaigns/{cid}/approve", json={}), 403, "permission.denied")
    _problem(ann.post(f"/v1/campaigns/{cid}/approve", json={}), 403, "permission.denied")
    _problem(manager.post(f"/v1/campaigns/{cid}/reject", json={}), 400)
    rejected = _ok(manager.post(f"/v1/campaigns/{cid}/reject", json={"comment": "trim the booth"}))
    assert rejected["status"] == "draft" and rejected["approval_status"] == "rejected"
    _ok(marketer.post(f"/v1/campaigns/{cid}/submit"))
    approved = _ok(manager.post(f"/v1/campaigns/{cid}/approve", json={"comment": "go"}))
    assert approved["status"] == "approved"
    assert [h["action"] for h in approved["approval_history"]] == ["submitted", "rejected", "submitted", "approved"]
    assert [h["comment"] for h in approved["approval_history"]][1] == "trim the booth"
    _ok(marketer.post(f"/v1/campaigns/{cid}/start"))
    for amount in ("1200.50", "800.00"):
        _ok(marketer.post(f"/v1/campaigns/{cid}/costs", json={"amount": _money(amount), "description": "booth"}), 201)
    assert _ok(marketer.get(f"/v1/campaigns/{cid}"))["actual_cost"] == _money("2000.50")
    assert len(_ok(marketer.get(f"/v1/campaigns/{cid}/costs"))["items"]) == 2
    _problem(ann.post(f"/v1/campaigns/{cid}/costs", json={"amount": _money("1.00")}), 403)

    small = _campaign(marketer, budget="100.00", kind="email")
    assert _ok(marketer.post(f"/v1/campaigns/{small['id']}/submit"))["status"] == "approved"


def test_public_form_abuse(cluster, people):
    admin, marketer = people["admin"], people["marketer"]
    campaign = _campaign(marketer)
    form = _form(marketer, campaign["id"], auto_assign=False)
    key = form["key"]
    # honeypot: accepted like a real one, stored nowhere
    bot = _public(cluster, key, "10.2.0.1", {"name": "Bot", "email": "bot@example.com", "website": "http://spam"})
    assert _ok(bot, 202)["accepted"] is True
    # malformed and oversized bodies
    _problem(_public(cluster, key, "10.2.0.1", b"{not json", headers={"Content-Type": "application/json"}), 400)
    _problem(_public(cluster, key, "10.2.0.1", ["a", "b"]), 400)
    _problem(_public(cluster, key, "10.2.0.1", {"name": {"nested": 1}}), 400)
    _problem(_public(cluster, key, "10.2.0.1", {"name": "x", "email": "nope"}), 400, "form.email_invalid")
    _problem(_public(cluster, key, "10.2.0.1", {"name": "x", "salary": "3"}), 400, "form.unknown_field")
    _problem(_public(cluster, key, "10.2.0.1", {"name": "x" * 20_000}), 413)
    _problem(_public(cluster, key, "10.2.0.1", b"name=x", headers={"Content-Type": "text/plain"}), 415)
    _problem(_public(cluster, "no-such-form", "10.2.0.1", {"name": "x"}), 404)
    assert _leads_of(admin, campaign["id"]) == []
    # an HTML form post works like JSON
    posted = _public(
        cluster,
        key,
        "10.2.0.1",
        b"name=Form+Poster&email=poster%40example.com",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert _ok(posted, 202)["accepted"] is True
    assert [lead["contact_name"] for lead in _leads_of(admin, campaign["id"])] == ["Form Poster"]

    # 100 rapid submissions from one address: throttled with Retry-After
    statuses, retry_after = [], None
    for i in range(100):
        reply = _public(cluster, key, "10.2.0.9", {"name": f"Flood {i}"})
        statuses.append(reply.status_code)
        if reply.status_code == 429:
            retry_after = reply.headers.get("retry-after")
            assert reply.headers["content-type"].startswith("application/problem+json")
    assert statuses.count(202) == FORM_LIMIT and statuses.count(429) == 100 - FORM_LIMIT
    assert retry_after is not None and int(retry_after) >= 1
    # another address is not affected
    _ok(_public(cluster, key, "10.2.0.10", {"name": "Someone else"}), 202)


def _outbox(cluster: Cluster) -> list[tuple[str, dict]]:
    engine = sa.create_engine(cluster.config.database_urls["marketing"])
    try:
        with engine.connect() as conn:
            rows = conn.execute(sa.text("SELECT event_type, body, published_at FROM outbox ORDER BY id")).all()
            return [(r[0], {**json.loads(r[1]), "published": r[2] is not None}) for r in rows]
    finally:
        engine.dispose()


def _publish(cluster: Cluster, producer: str, event_type: str, payload, aggregate_id: str) -> None:  # type: ignore[no-untyped-def]
    envelope = new_envelope(
        producer=producer, event_type=event_type, payload=payload, aggregate_id=aggregate_id, aggregate_version=1
    )
    connection = pika.BlockingConnection(pika.URLParameters(cluster.config.amqp_url))
    try:
        channel = connection.channel()
        channel.confirm_delivery()
        channel.basic_publish(
            exchange=f"{producer}.events",
            routing_key=event_type,
            body=envelope.to_json(),
            properties=pika.BasicProperties(content_type="application/json", delivery_mode=2),
            mandatory=True,
        )
    finally:
        connection.close()


def test_conversion_publishes_lead_converted_and_the_answers_complete_the_lead(cluster, people):
    ann, marketer = people["ann"], people["marketer"]
    campaign = _campaign(marketer)
    created = ann.post(
        "/v1/leads",
        json={
            "contact_name": "Ada Li",
            "company": "Lumen Optics",
            "emails": ["ada@lumen.example"],
            "campaign_id": campaign["id"],
        },
    )
    lead = _ok(created, 201)["lead"]
    converted = ann.post(
        f"/v1/leads/{lead['id']}/convert",
        json={
            "create_opportunity": True,
            "opportunity": {
                "name": "Lumen scanners",
                "amount": _money("40000.00"),
                "expected_close_date": "2027-06-30",
            },
        },
        headers=_etag(created),
    )
    body = _ok(converted)
    assert body["status"] == "converted" and body["conversion"]["state"] == "pending"
    conversion_id = body["conversion"]["conversion_id"]
    event = eventually(
        lambda: next((b for k, b in _outbox(cluster) if k == "lead_converted" and b["published"]), None),
        timeout=30,
        what="lead_converted published",
    )
    data = event["data"]
    assert data["lead_id"] == lead["id"] and data["conversion_id"] == conversion_id
    assert data["owner_id"] == people["ids"]["ann"] and data["campaign_id"] == campaign["id"]
    assert data["create_opportunity"] is True and data["opportunity"]["amount"]["minor_units"] == "4000000"
    assert data["company"] == "Lumen Optics" and data["emails"] == ["ada@lumen.example"]
    _problem(ann.post(f"/v1/leads/{lead['id']}/convert", json={}), 409, "lead.already_converted")

    resolved = cev.LeadConversionResolved(
        lead_id=lead["id"], conversion_id=conversion_id, outcome="created", customer_id="cust-e2e", contact_id="con-e2e"
    )
    _publish(cluster, "customers", "lead_conversion_resolved", resolved, lead["id"])
    mid = eventually(
        lambda: (x := _ok(ann.get(f"/v1/leads/{lead['id']}")))["converted_customer_id"] and x,
        timeout=30,
        what="the customer recorded on the lead",
    )
    assert mid["converted_contact_id"] == "con-e2e" and mid["conversion"]["state"] == "pending"
    opportunity = spb.Opportunity(id="opp-e2e", lead_id=lead["id"], source_campaign_id=campaign["id"])
    _publish(cluster, "sales", "opportunity_created", sev.OpportunityCreated(opportunity=opportunity), "opp-e2e")
    done = eventually(
        lambda: (x := _ok(ann.get(f"/v1/leads/{lead['id']}")))["conversion"]["state"] == "done" and x,
        timeout=30,
        what="the conversion done",
    )
    assert done["converted_opportunity_id"] == "opp-e2e" and done["converted_customer_id"] == "cust-e2e"
