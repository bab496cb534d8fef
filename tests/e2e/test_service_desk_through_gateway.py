"""The service desk end to end through the gateway's HTTP API (issue 7 acceptance), with the real
customers, sales and service-desk processes on the bus: an order fulfilled with a 12-month-warranty
product makes a repair request "in_warranty"; once the order's contract ends the same request is
"billable"; automatic dispatch picks the nearest skilled technician with spare capacity and says why;
an unanswered high-priority work order breaches a short SLA policy and is escalated once by the
worker's timer; resolve -> close plans a return visit; a score of 1 opens a complaint. Bad input
(unknown customer, impossible transition, check-out before check-in, score 7) is a clear 4xx and
writes nothing."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest
import sqlalchemy as sa

from crm_testkit.cluster import Cluster
from crm_testkit.wait import eventually

pytestmark = [pytest.mark.e2e, pytest.mark.integration]

PROCS = (
    "customers-grpc",
    "customers-worker",
    "customers-relay",
    "sales-grpc",
    "sales-worker",
    "sales-relay",
    "service-desk-grpc",
    "service-desk-worker",
    "service-desk-relay",
    "gateway",
)
PASSWORD = "desk-tester-2026"
TODAY = datetime.now(UTC).date()
# The customer sits at People's Square, Shanghai.
HOME = (31.2304, 121.4737)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory, redis_url):
    from crm_testkit.infra import Vhost

    vhost = Vhost()
    c = Cluster(
        tmp_path_factory.mktemp("desk-e2e") / "var",
        vhost.url,
        redis_url,
        f"crm_desk_{uuid.uuid4().hex[:8]}",
        extra_env={
            "CRM_RATE_LIMIT_PER_MINUTE": "100000",
            "CRM_SERVICE_DESK_SWEEP_SECONDS": "1",
            "CRM_ORG_TIMEZONE": "UTC",
        },
    )
    try:
        c.prepare()
        c.start(*PROCS)
        c.wait_ready("customers-grpc", "sales-grpc", "service-desk-grpc")
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


def _problem(response: httpx.Response, status: int, code: str) -> dict:
    assert response.status_code == status, f"{response.request.method} {response.request.url}: {response.text}"
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["code"] == code, body
    return body


def _etag(response: httpx.Response) -> dict[str, str]:
    return {"If-Match": response.headers["etag"]}


def _money(amount: str) -> dict[str, str]:
    return {"currency": "CNY", "amount": amount}


def _desk_rows(cluster: Cluster, table: str) -> int:
    engine = sa.create_engine(cluster.config.database_urls["service_desk"])
    try:
        with engine.connect() as conn:
            return conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()
    finally:
        engine.dispose()


def _desk_events(cluster: Cluster, event_type: str, aggregate_id: str) -> int:
    engine = sa.create_engine(cluster.config.database_urls["service_desk"])
    try:
        with engine.connect() as conn:
            rows = conn.execute(sa.text("SELECT event_type, body FROM outbox")).all()
    finally:
        engine.dispose()
    return sum(1 for kind, body in rows if kind == event_type and aggregate_id in body)


@pytest.fixture(scope="module")
def people(cluster):
    """admin (service desk), a sales rep and a sales manager with finance (the contract's approvers)."""
    with _client(cluster, "admin", "test-admin-pw") as admin:
        dept = _ok(
            admin.post("/v1/departments", json={"name": f"Desk E2E {uuid.uuid4().hex[:6]}", "parent_id": None}), 201
        )
        names = {}
        for key, roles in (("rep", ["sales_rep"]), ("manager", ["sales_manager", "finance"])):
            username = f"{key}-{uuid.uuid4().hex[:6]}"
            user = _ok(
                admin.post(
                    "/v1/users",
                    json={
                        "username": username,
                        "password": PASSWORD,
                        "display_name": key,
                        "department_id": dept["id"],
                        "roles": roles,
                    },
                ),
                201,
            )
            names[key] = (username, user["id"])
        with _client(cluster, names["rep"][0], PASSWORD) as rep, _client(cluster, names["manager"][0], PASSWORD) as mgr:
            yield {"admin": admin, "rep": rep, "manager": mgr}


def _entitlement(admin: httpx.Client, customer_id: str, product_id: str) -> dict:
    return _ok(admin.post("/v1/work-orders:entitlement", json={"customer_id": customer_id, "product_id": product_id}))


def test_after_sales_from_warranty_to_satisfaction(cluster, people):
    admin, rep, mgr = people["admin"], people["rep"], people["manager"]

    # -- a short SLA policy for high priority, and an unanswered high-priority work order (checked last)
    _ok(
        admin.post(
            "/v1/sla-policies",
            json={
                "name": "high, short (test)",
                "priority": "high",
                "first_response_minutes": 1,
                "resolution_minutes": 30,
                "round_the_clock": True,
            },
        ),
        201,
    )

    # -- catalogue, customer (with coordinates), a won opportunity, an order confirmed and fulfilled
    sku = f"DESK-{uuid.uuid4().hex[:6].upper()}"
    product = _ok(
        admin.post(
            "/v1/products",
            json={
                "sku": sku,
                "name": "Water pump",
                "unit": "pcs",
                "list_price": _money("800.00"),
                "warranty_months": 12,
            },
        ),
        201,
    )
    pid = product["id"]
    customer = _ok(
        rep.post(
            "/v1/customers",
            json={"name": f"Desk Co {uuid.uuid4().hex[:6]}", "latitude": HOME[0], "longitude": HOME[1]},
        ),
        201,
    )
    cid = customer["id"]
    unanswered = eventually(
        lambda: _ok(
            admin.post("/v1/work-orders", json={"type": "repair", "customer_id": cid, "priority": "high"}), 201
        ),
        timeout=30,
        what="the service desk to learn the customer",
    )
    assert unanswered["sla"]["first_response_target_minutes"] == 1

    def known_to_sales() -> dict:
        return _ok(
            rep.post("/v1/opportunities", json={"customer_id": cid, "name": "Pumps", "amount": _money("800.00")}), 201
        )

    opp = eventually(known_to_sales, timeout=30, what="sales to learn the customer")
    _ok(rep.post(f"/v1/opportunities/{opp['id']}/win", json={}))
    order = _ok(
        rep.post(
            "/v1/orders",
            json={
                "customer_id": cid,
                "opportunity_id": opp["id"],
                "currency": "CNY",
                "lines": [{"product_id": pid, "quantity": "1"}],
            },
        ),
        201,
    )
    _ok(rep.post(f"/v1/orders/{order['id']}/confirm"))
    _ok(rep.post(f"/v1/orders/{order['id']}/fulfil"))

    # -- the order's product is in warranty (the service desk learnt it from order_fulfilled)
    decided = eventually(
        lambda: (e := _entitlement(admin, cid, pid))["decision"] == "in_warranty" and e,
        timeout=30,
        what="order_fulfilled to reach the service desk",
    )
    assert "12 months warranty" in decided["reason"]
    repair = _ok(admin.post("/v1/work-orders", json={"type": "repair", "customer_id": cid, "product_id": pid}), 201)
    assert repair["entitlement"]["decision"] == "in_warranty" and repair["order_id"] == order["id"]

    # -- automatic dispatch: nearest skilled technician with spare capacity, and why
    def tech(name: str, lat: float, lon: float, **kw) -> dict:  # type: ignore[no-untyped-def]
        body = {
            "name": name,
            "team": "field",
            "skills": ["repair"],
            "latitude": lat,
            "longitude": lon,
            "working_days": [1, 2, 3, 4, 5, 6, 7],
            **kw,
        }
        return _ok(admin.post("/v1/technicians", json=body), 201)

    installer = tech("Installer next door", 31.2310, 121.4740, skills=["installation"])
    full = tech("Busy next door", 31.2320, 121.4750, capacity=1, manager_id="desk-boss")
    pudong = tech("Pudong", 31.2215, 121.5440)
    tech("Hangzhou", 30.2741, 120.1551)
    _ok(admin.post(f"/v1/work-orders/{unanswered['id']}/assign", json={"technician_id": full["id"]}))
    dispatched = _ok(admin.post(f"/v1/work-orders/{repair['id']}/assign", json={"mode": "automatic"}))
    assert dispatched["assignee_id"] == pudong["id"] and dispatched["status"] == "assigned"
    assert "Pudong" in dispatched["dispatch"]["reason"] and "km away" in dispatched["dispatch"]["reason"]
    why = {c["technician_id"]: c["excluded_because"] for c in dispatched["dispatch"]["candidates"]}
    assert why[installer["id"]] == "missing skill repair"
    assert why[full["id"]] == "at capacity (1/1)"

    # -- bad input: clear 4xx, nothing written
    orders_before = _desk_rows(cluster, "work_orders")
    _problem(
        admin.post("/v1/work-orders", json={"type": "repair", "customer_id": "no-such-customer"}),
        400,
        "customer.unknown",
    )
    _problem(admin.post(f"/v1/work-orders/{repair['id']}/close", json={}), 409, "work_order.transition_not_allowed")
    assert _desk_rows(cluster, "work_orders") == orders_before
    assert _ok(admin.get(f"/v1/work-orders/{repair['id']}"))["status"] == "assigned"

    # -- work, a visit (check-out before check-in refused), resolve, close
    started = admin.post(f"/v1/work-orders/{repair['id']}/start", json={})
    assert _ok(started)["status"] == "in_progress"
    now = datetime.now(UTC)
    visit = _ok(
        admin.post(
            f"/v1/work-orders/{repair['id']}/visits",
            json={"window_start": now.isoformat(), "window_end": (now + timedelta(hours=2)).isoformat()},
        ),
        201,
    )
    here = {"latitude": HOME[0], "longitude": HOME[1]}
    _problem(admin.post(f"/v1/visits/{visit['id']}/check-out", json={"location": here}), 409, "visit.not_checked_in")
    assert _ok(admin.get(f"/v1/visits/{visit['id']}"))["status"] == "scheduled"
    _ok(admin.post(f"/v1/visits/{visit['id']}/check-in", json={"location": here}))
    out = _ok(
        admin.post(
            f"/v1/visits/{visit['id']}/check-out",
            json={
                "location": here,
                "work_done": "new seal",
                "labour_minutes": 30,
                "parts": [{"name": "Seal", "quantity": "1", "unit_price": _money("25.00")}],
            },
        )
    )
    assert out["visit"]["status"] == "completed"
    assert out["charge"] is None  # in warranty: no charge
    resolved = _ok(admin.post(f"/v1/work-orders/{repair['id']}/resolve", json={"resolution": "seal replaced"}))
    closed = admin.post(
        f"/v1/work-orders/{repair['id']}/close", json={}, headers={"If-Match": f'"{resolved["version"]}"'}
    )
    assert _ok(closed)["status"] == "closed"

    # -- a return visit is planned; score 7 refused; score 1 opens a complaint
    planned = _ok(admin.get("/v1/return-visits", params={"work_order_id": repair["id"]}))["items"]
    assert len(planned) == 1 and planned[0]["rule"] == "work_order_closed" and planned[0]["status"] == "planned"
    rv = planned[0]
    complaints_before = _desk_rows(cluster, "complaints")
    _problem(admin.post(f"/v1/return-visits/{rv['id']}/complete", json={"score": 7}), 400, "return_visit.score_invalid")
    assert _desk_rows(cluster, "complaints") == complaints_before
    assert _ok(admin.get(f"/v1/return-visits/{rv['id']}"))["status"] == "planned"
    done = _ok(
        admin.post(f"/v1/return-visits/{rv['id']}/complete", json={"score": 1, "nps": 3, "outcome": "leaks again"})
    )
    assert done["return_visit"]["follow_up"] == "complaint_opened" and done["complaint_id"]
    complaint = _ok(admin.get(f"/v1/complaints/{done['complaint_id']}"))
    assert complaint["work_order_id"] == repair["id"] and complaint["status"] == "open"

    # -- the order goes under a contract; once the contract ends the same request is billable
    contract = _ok(
        rep.post(
            "/v1/contracts",
            json={
                "customer_id": cid,
                "order_ids": [order["id"]],
                "currency": "CNY",
                "title": "Pump service",
                "start_date": TODAY.isoformat(),
                "end_date": (TODAY + timedelta(days=365)).isoformat(),
            },
        ),
        201,
    )
    _ok(rep.post(f"/v1/contracts/{contract['id']}/submit", json={}))
    _ok(mgr.post(f"/v1/contracts/{contract['id']}/approve", json={"comment": "ok"}))
    if _ok(rep.get(f"/v1/contracts/{contract['id']}"))["status"] != "approved":
        _ok(mgr.post(f"/v1/contracts/{contract['id']}/approve", json={"comment": "finance ok"}))
    assert _ok(rep.post(f"/v1/contracts/{contract['id']}/sign", json={}))["status"] == "active"
    eventually(
        lambda: _entitlement(admin, cid, pid)["decision"] == "covered_by_contract",
        timeout=30,
        what="contract_activated to reach the service desk",
    )
    _ok(rep.post(f"/v1/contracts/{contract['id']}/terminate", json={"reason": "customer ended the deal"}))
    ended = eventually(
        lambda: (e := _entitlement(admin, cid, pid))["decision"] == "billable" and e,
        timeout=30,
        what="contract_terminated to reach the service desk",
    )
    assert contract["id"] in ended["reason"]
    again = _ok(admin.post("/v1/work-orders", json={"type": "repair", "customer_id": cid, "product_id": pid}), 201)
    assert again["entitlement"]["decision"] == "billable"

    # -- the unanswered high-priority work order breached its SLA and was escalated once
    def escalated() -> dict | None:
        wo = _ok(admin.get(f"/v1/work-orders/{unanswered['id']}"))
        return wo if wo["sla"]["first_response_breached"] else None

    breached = eventually(escalated, timeout=150, interval=1, what="the SLA timer to escalate the breach")
    assert breached["priority"] == "urgent" and breached["sla"]["escalation_level"] == 1
    assert _desk_events(cluster, "sla_breached", unanswered["id"]) == 1
    engine = sa.create_engine(cluster.config.database_urls["service_desk"])
    try:
        with engine.connect() as conn:
            body = conn.execute(sa.text("SELECT body FROM outbox WHERE event_type = 'sla_breached'")).scalar_one()
    finally:
        engine.dispose()
    assert '"notify_user_id": "desk-boss"' in body or '"notify_user_id":"desk-boss"' in body


def test_demo_data_covers_every_status_over_the_year(cluster, people):
    """`seed_service_desk` (the runner's demo step) against the real services: technicians with
    locations and skills, work orders in every status reported over the last year, return visits with
    scores, complaints; a second run only serves the customers that have no work order yet."""
    import random

    from crm_runner.seed_service_desk import seed_service_desk

    admin, rep = people["admin"], people["rep"]
    customers = [
        _ok(rep.post("/v1/customers", json={"name": f"Demo desk {i} {uuid.uuid4().hex[:6]}"}), 201)["id"]
        for i in range(12)
    ]
    counts = seed_service_desk(admin, {}, customers, random.Random(7), echo=lambda _: None)
    assert counts["work_orders"] == 10 and counts["return_visits"] == 3  # MIN_ORDERS; three fates close
    orders = [
        w for w in _ok(admin.get("/v1/work-orders", params={"limit": 200}))["items"] if w["customer_id"] in customers
    ]
    assert {w["status"] for w in orders} == {
        "new",
        "assigned",
        "in_progress",
        "waiting_for_customer",
        "resolved",
        "closed",
        "cancelled",
    }
    created = sorted(w["created_at"] for w in orders)
    assert created[0] < (datetime.now(UTC) - timedelta(days=30)).isoformat()
    techs = _ok(admin.get("/v1/technicians", params={"limit": 200}))["items"]
    assert len(techs) >= 8 and all(t["skills"] for t in techs)
    scored = [r for r in _ok(admin.get("/v1/return-visits", params={"status": "completed", "limit": 200}))["items"]]
    assert scored and all(1 <= r["score"] <= 5 for r in scored)
    assert _ok(admin.get("/v1/complaints", params={"limit": 200}))["items"]
    # a re-run leaves the customers that have a work order alone: only the two left over get one
    again = seed_service_desk(admin, {}, customers, random.Random(7), echo=lambda _: None)
    assert again["work_orders"] == 2


def test_queue_grab_knowledge_base_and_http_conventions(cluster, people):
    """A technician (a user with the technician role) updates their location and grabs from the team
    queue, a second grab is refused; the
    knowledge base is searched and linked; PATCH needs If-Match (428) and a stale one is 412; a
    repeated Idempotency-Key answers the first response."""
    admin, rep = people["admin"], people["rep"]
    username = f"tech-{uuid.uuid4().hex[:6]}"
    depts = _ok(admin.get("/v1/departments"))["items"]
    user = _ok(
        admin.post(
            "/v1/users",
            json={
                "username": username,
                "password": PASSWORD,
                "display_name": "Tech",
                "roles": ["technician"],
                "department_id": depts[0]["id"],
            },
        ),
        201,
    )
    tech = _ok(
        admin.post(
            "/v1/technicians",
            json={"name": "Queue tech", "team": "queue-team", "skills": ["repair"], "user_id": user["id"]},
        ),
        201,
    )
    customer = _ok(rep.post("/v1/customers", json={"name": f"Queue Co {uuid.uuid4().hex[:6]}"}), 201)
    wo = eventually(
        lambda: _ok(
            admin.post("/v1/work-orders", json={"type": "repair", "customer_id": customer["id"], "team": "queue-team"}),
            201,
        ),
        timeout=30,
        what="the service desk to learn the customer",
    )
    with _client(cluster, username, PASSWORD) as technician:
        # the technician role (gateway migration 0005): location updates, queue, grab; no SLA policies
        moved = _ok(
            technician.post(f"/v1/technicians/{tech['id']}/location", json={"latitude": 31.2, "longitude": 121.5})
        )
        assert moved["latitude"] == 31.2
        queue = _ok(technician.get("/v1/work-order-queues/queue-team"))["items"]
        assert [w["id"] for w in queue] == [wo["id"]]
        grabbed = _ok(technician.post(f"/v1/work-orders/{wo['id']}/grab", json={}))
        assert grabbed["assignee_id"] == tech["id"] and grabbed["dispatch"]["mode"] == "grab"
        _problem(
            technician.post(
                "/v1/sla-policies",
                json={"name": "x", "priority": "low", "first_response_minutes": 1, "resolution_minutes": 2},
            ),
            403,
            "permission.denied",
        )
    _problem(
        admin.post(f"/v1/work-orders/{wo['id']}/grab", json={"technician_id": tech["id"]}),
        409,
        "work_order.already_taken",
    )
    assert _ok(admin.get("/v1/work-order-queues/queue-team"))["items"] == []

    article = _ok(
        admin.post(
            "/v1/knowledge-base",
            json={
                "title": "Pump hums loudly",
                "category": "pumps",
                "problem": "Humming after install",
                "solution": "Tighten the mounting bolts",
                "tags": ["noise"],
            },
        ),
        201,
    )
    found = _ok(admin.get("/v1/knowledge-base", params={"q": "pump humming"}))["items"]
    assert [a["id"] for a in found] == [article["id"]]
    linked = _ok(admin.post(f"/v1/work-orders/{wo['id']}/link-article", json={"article_id": article["id"]}))
    assert linked["article_ids"] == [article["id"]]

    current = admin.get(f"/v1/work-orders/{wo['id']}")
    _problem(admin.patch(f"/v1/work-orders/{wo['id']}", json={"description": "x"}), 428, "precondition.required")
    changed = admin.patch(f"/v1/work-orders/{wo['id']}", json={"description": "louder"}, headers=_etag(current))
    assert _ok(changed)["description"] == "louder"
    stale = admin.patch(f"/v1/work-orders/{wo['id']}", json={"description": "again"}, headers=_etag(current))
    assert stale.status_code == 412, stale.text

    key = {"Idempotency-Key": f"desk-{uuid.uuid4().hex}"}
    body = {"customer_id": customer["id"], "category": "billing", "description": "charged twice"}
    first = _ok(admin.post("/v1/complaints", json=body, headers=key), 201)
    replay = admin.post("/v1/complaints", json=body, headers=key)
    assert _ok(replay, 201)["id"] == first["id"]
    listed = _ok(admin.get("/v1/complaints", params={"customer_id": customer["id"]}))["items"]
    assert [c["id"] for c in listed] == [first["id"]]
