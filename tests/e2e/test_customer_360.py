"""The customer 360 view and the call-center screen pop through the gateway to the real customers
and sales services (issue 9, first part): one answer with the customer, its contacts, activities,
open opportunities, orders and active contracts; masked fields follow the agent's role; with the
sales service stopped the answer still comes, within the deadline, with the sales sections marked
unavailable."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from crm_testkit.cluster import Cluster
from crm_testkit.wait import eventually

pytestmark = [pytest.mark.e2e, pytest.mark.integration]

SERVICES = ("customers", "sales", "service-desk", "marketing")
PROCS = (*(f"{service}-{kind}" for service in SERVICES for kind in ("grpc", "worker", "relay")), "gateway")
PASSWORD = "three-sixty-2026"
PHONE = "13912345678"


@pytest.fixture(scope="module")
def cluster(tmp_path_factory, redis_url):
    from crm_testkit.infra import Vhost

    vhost = Vhost()
    c = Cluster(
        tmp_path_factory.mktemp("c360") / "var",
        vhost.url,
        redis_url,
        f"crm_c360_{uuid.uuid4().hex[:8]}",
        extra_env={"CRM_RATE_LIMIT_PER_MINUTE": "100000", "CRM_GATEWAY_FANOUT_DEADLINE_SECONDS": "0.8"},
    )
    try:
        c.prepare()
        c.start(*PROCS)
        c.wait_ready("customers-grpc", "sales-grpc", "service-desk-grpc", "marketing-grpc")
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
def world(cluster):
    """A rep's customer with a contact, an activity and an open opportunity; a call-center agent."""
    with _client(cluster, "admin", "test-admin-pw") as admin:
        users = {}
        for key, role in (("rep", "sales_rep"), ("agent", "callcenter_agent")):
            username = f"{key}-{uuid.uuid4().hex[:6]}"
            body = {"username": username, "password": PASSWORD, "display_name": key, "roles": [role]}
            users[key] = (_ok(admin.post("/v1/users", json=body), 201)["id"], username)
    rep = _client(cluster, users["rep"][1], PASSWORD)
    agent = _client(cluster, users["agent"][1], PASSWORD)
    customer = _ok(
        rep.post("/v1/customers", json={"name": "Lumen Optics", "phone": PHONE, "email": "hi@lumen.example"}), 201
    )
    cid = customer["id"]
    _ok(rep.post(f"/v1/customers/{cid}/contacts", json={"name": "Ada Li", "phones": ["13800000001"]}), 201)
    _ok(rep.post(f"/v1/customers/{cid}/activities", json={"type": "call", "content": "Asked for a quote"}), 201)

    def opened() -> dict | None:
        reply = rep.post(
            "/v1/opportunities",
            json={"customer_id": cid, "name": "Scanners", "amount": {"currency": "CNY", "amount": "9000.00"}},
        )
        return reply.json() if reply.status_code == 201 else None

    opportunity = eventually(opened, timeout=30, what="sales to learn the customer")
    try:
        yield {"rep": rep, "agent": agent, "customer": customer, "opportunity": opportunity}
    finally:
        rep.close()
        agent.close()


def test_the_overview_carries_every_section_with_links(world):
    body = _ok(world["rep"].get(f"/v1/customers/{world['customer']['id']}/overview"))
    sections = body["sections"]
    assert body["customer"]["name"] == "Lumen Optics"
    assert [c["name"] for c in sections["contacts"]["items"]] == ["Ada Li"]
    assert [a["content"] for a in sections["activities"]["items"]] == ["Asked for a quote"]
    assert [o["id"] for o in sections["opportunities"]["items"]] == [world["opportunity"]["id"]]
    assert sections["orders"] == {**sections["orders"], "status": "ok", "count": 0, "items": []}
    assert sections["opportunities"]["link"].startswith("/v1/opportunities?customer_id=")
    assert {s["status"] for s in sections.values()} == {"ok"}
    assert set(sections) >= {"work_orders", "complaints", "return_visits", "leads", "receivables"}
    # The call-center agent may not read quotes or receivables: marked forbidden, not fetched.
    agents = _ok(world["agent"].get(f"/v1/customers/{world['customer']['id']}/overview"))["sections"]
    assert (agents["quotes"]["status"], agents["receivables"]["status"]) == ("forbidden", "forbidden")
    assert agents["work_orders"]["status"] == "ok" and agents["return_visits"]["status"] == "forbidden"
    assert agents["quotes"]["items"] == [] and agents["opportunities"]["status"] == "ok"


def test_the_screen_pop_finds_the_caller_and_masks_for_the_agent(world):
    pop = _ok(world["agent"].get("/v1/callcenter/screen-pop", params={"phone": "+86 139-1234-5678"}))
    assert pop["customer"]["id"] == world["customer"]["id"]
    assert pop["customer"]["phone"] != PHONE and "*" in pop["customer"]["phone"]  # masked for the agent
    assert [c["name"] for c in pop["sections"]["contacts"]["items"]] == ["Ada Li"]
    assert "*" in pop["sections"]["contacts"]["items"][0]["phones"][0]
    assert pop["sections"]["opportunities"]["items"][0]["id"] == world["opportunity"]["id"]
    # The rep sees the number in clear; an unknown number answers an empty pop.
    mine = _ok(world["rep"].get("/v1/callcenter/screen-pop", params={"phone": PHONE}))
    assert mine["customer"]["phone"] == PHONE
    unknown = _ok(world["agent"].get("/v1/callcenter/screen-pop", params={"phone": "021 5555 0000"}))
    assert (unknown["customer"], unknown["sections"]) == (None, {})
    bad = world["agent"].get("/v1/callcenter/screen-pop", params={"phone": "' OR 1=1"})
    assert bad.status_code == 400


def test_with_sales_stopped_the_pop_still_answers_with_sales_unavailable(cluster, world):
    cluster.stop("sales-grpc")
    try:
        pop = _ok(world["agent"].get("/v1/callcenter/screen-pop", params={"phone": PHONE}))
        sections = pop["sections"]
        assert pop["customer"]["id"] == world["customer"]["id"]
        assert sections["contacts"]["status"] == "ok" and sections["activities"]["status"] == "ok"
        down = [sections[s] for s in ("opportunities", "orders", "contracts")]
        assert {s["status"] for s in down} == {"unavailable"} and all(s["reason"] for s in down)
    finally:
        cluster.start("sales-grpc")
        cluster.wait_ready("sales-grpc")


def test_quick_actions_land_in_their_services_and_in_the_360_view(world):
    agent, cid = world["agent"], world["customer"]["id"]
    callback = (datetime.now(UTC) + timedelta(days=2)).isoformat()
    call = _ok(
        agent.post("/v1/callcenter/calls", json={"customer_id": cid, "notes": "Printer jams", "callback_at": callback}),
        201,
    )
    assert call["activity"]["type"] == "call" and call["activity"]["next_follow_up_at"]
    past = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
    bad = agent.post("/v1/callcenter/calls", json={"customer_id": cid, "notes": "x", "callback_at": past})
    assert bad.status_code == 400

    def opened() -> dict | None:
        body = {"type": "repair", "customer_id": cid, "channel": "call_center", "description": "Printer jams"}
        reply = agent.post("/v1/work-orders", json=body)
        return reply.json() if reply.status_code == 201 else None

    work_order = eventually(opened, timeout=30, what="the service desk to learn the customer")
    complaint = _ok(
        agent.post(
            "/v1/complaints", json={"customer_id": cid, "category": "response_time", "description": "Waited a week"}
        ),
        201,
    )
    lead = _ok(agent.post("/v1/callcenter/leads", json={"phone": "021 6666 1234", "contact_name": "New Caller"}), 201)
    assert lead["lead"]["source"] == "call_center" and lead["merged"] is False

    sections = _ok(agent.get(f"/v1/customers/{cid}/overview"))["sections"]
    assert "Printer jams" in [a["content"] for a in sections["activities"]["items"]]
    assert work_order["id"] in [w["id"] for w in sections["work_orders"]["items"]]
    assert complaint["id"] in [c["id"] for c in sections["complaints"]["items"]]
