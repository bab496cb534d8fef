"""The sales flow end to end through the gateway's HTTP API to the real sales service (issue 6
acceptance): an opportunity through its stages to won, a quote with a special price approved by a
manager (not the submitter) and accepted, the order confirmed, the contract approved, signed and
active, a payment plan of three instalments with a receipt on time, a partial one and an overdue
one flagged by the worker's timer, an invoice issued; the PDFs hold the lines; bad input is a
clear 4xx and writes nothing."""

from __future__ import annotations

import io
import uuid
from datetime import UTC, datetime, timedelta
from decimal import Decimal

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
    "gateway",
)
PASSWORD = "sales-tester-2026"
TODAY = datetime.now(UTC).date()  # the organisation time zone defaults to UTC
VALID_UNTIL = (TODAY + timedelta(days=30)).isoformat()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory, redis_url):
    from crm_testkit.infra import Vhost

    vhost = Vhost()
    c = Cluster(
        tmp_path_factory.mktemp("sales-e2e") / "var",
        vhost.url,
        redis_url,
        f"crm_sales_{uuid.uuid4().hex[:8]}",
        extra_env={"CRM_RATE_LIMIT_PER_MINUTE": "100000", "CRM_SALES_SWEEP_SECONDS": "1"},
    )
    try:
        c.prepare()
        c.start(*PROCS)
        c.wait_ready("customers-grpc", "sales-grpc")
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
    """admin, a sales rep and a sales manager (who also holds `finance`, the contract flow's
    second step) in one department."""
    with _client(cluster, "admin", "test-admin-pw") as admin:
        dept = _ok(
            admin.post("/v1/departments", json={"name": f"Sales E2E {uuid.uuid4().hex[:6]}", "parent_id": None}), 201
        )
        # `finance` (the contract flow's second step) is a built-in role (gateway migration 0006).
        finance = _ok(admin.get("/v1/roles/finance"))
        assert finance["builtin"] and "contracts:approve" in finance["permissions"]
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
            yield {
                "admin": admin,
                "rep": rep,
                "manager": mgr,
                "rep_id": names["rep"][1],
                "manager_id": names["manager"][1],
            }


@pytest.fixture(scope="module")
def catalogue(people):
    admin = people["admin"]
    sku = f"E2E-{uuid.uuid4().hex[:6].upper()}"
    product = _ok(
        admin.post(
            "/v1/products",
            json={
                "sku": sku,
                "name": "Widget Pro",
                "unit": "pcs",
                "list_price": _money("1000.00"),
                "warranty_months": 12,
            },
        ),
        201,
    )
    assert product["list_price"] == {"currency": "CNY", "amount": "1000.00"}
    return product


@pytest.fixture(scope="module")
def customer(people):
    """A customer created through /v1/customers by the rep, once the sales service knows it
    (it learns customers from `customer_created`)."""
    rep = people["rep"]
    made = _ok(rep.post("/v1/customers", json={"name": f"Sales Co {uuid.uuid4().hex[:6]}", "industry": "retail"}), 201)
    return made


def _known_to_sales(client: httpx.Client, customer_id: str, product_id: str) -> dict | None:
    reply = client.post(
        "/v1/prices:resolve", json={"customer_id": customer_id, "product_id": product_id, "quantity": "1"}
    )
    return reply.json() if reply.status_code == 200 else None


def _outbox_events(cluster: Cluster) -> list[str]:
    engine = sa.create_engine(cluster.config.database_urls["sales"])
    try:
        with engine.connect() as conn:
            return [row[0] for row in conn.execute(sa.text("SELECT event_type FROM outbox"))]
    finally:
        engine.dispose()


def test_the_sales_flow_from_opportunity_to_invoice(cluster, people, catalogue, customer):
    rep, mgr = people["rep"], people["manager"]
    cid, pid = customer["id"], catalogue["id"]
    resolved = eventually(lambda: _known_to_sales(rep, cid, pid), timeout=30, what="sales to learn the customer")
    assert resolved["resolution"]["unit_price"] == _money("1000.00")
    assert resolved["resolution"]["source"] == "list_price"

    # -- opportunity through its stages to won
    opp = rep.post("/v1/opportunities", json={"customer_id": cid, "name": "Big deal", "amount": _money("20000.00")})
    opp_id = _ok(opp, 201)["id"]
    assert opp.headers["location"] == f"/v1/opportunities/{opp_id}"
    assert opp.json()["stage"] == "qualification" and opp.json()["probability"] == 10
    current = opp
    for stage, probability in (("needs_analysis", 30), ("proposal", 50), ("negotiation", 80)):
        current = rep.post(f"/v1/opportunities/{opp_id}/stage", json={"to_stage": stage}, headers=_etag(current))
        assert _ok(current)["stage"] == stage and current.json()["probability"] == probability
    won = rep.post(f"/v1/opportunities/{opp_id}/win", json={}, headers=_etag(current))
    assert _ok(won)["status"] == "won" and won.json()["probability"] == 100
    detail = _ok(rep.get(f"/v1/opportunities/{opp_id}"))
    assert [h["to_stage"] for h in detail["stage_history"]] == [
        "qualification",
        "needs_analysis",
        "proposal",
        "negotiation",
        "won",
    ]
    # Reopening needs opportunities:approve, which a rep does not hold.
    _problem(rep.post(f"/v1/opportunities/{opp_id}/reopen", json={"reason": "oops"}), 403, "permission.denied")

    # -- a quote with a special price (15 % > the 10 % threshold) needs a manager's approval
    quote = _ok(
        rep.post(
            "/v1/quotes",
            json={
                "customer_id": cid,
                "opportunity_id": opp_id,
                "currency": "CNY",
                "valid_until": VALID_UNTIL,
                "title": "Widgets for Sales Co",
                "lines": [{"product_id": pid, "quantity": "10", "discount_percent": "15"}],
                "tax_rate": "13",
            },
        ),
        201,
    )
    qid = quote["id"]
    assert quote["needs_approval"] is True and quote["status"] == "draft"
    line = quote["lines"][0]
    assert line["unit_price"] == _money("1000.00") and line["net"] == _money("8500.00")
    assert quote["totals"]["total"]["currency"] == "CNY"
    _problem(rep.post(f"/v1/quotes/{qid}/send"), 409, "quote.approval_required")
    submitted = _ok(rep.post(f"/v1/quotes/{qid}/submit", json={"comment": "Strategic customer"}))
    assert submitted["quote"]["status"] == "pending_approval"
    assert submitted["approval"]["status"] == "in_review"
    # The submitter cannot approve (a rep lacks quotes:approve); the manager's inbox holds it.
    _problem(rep.post(f"/v1/quotes/{qid}/approve", json={}), 403, "permission.denied")
    inbox = _ok(mgr.get("/v1/approvals"))
    assert qid in [item["approval"]["record_id"] for item in inbox["items"]]
    approval = _ok(mgr.post(f"/v1/quotes/{qid}/approve", json={"comment": "ok"}))
    assert approval["status"] == "approved" and approval["record_id"] == qid
    assert qid not in [item["approval"]["record_id"] for item in _ok(mgr.get("/v1/approvals"))["items"]]
    sent = _ok(rep.post(f"/v1/quotes/{qid}/send"))
    assert sent["status"] == "sent"
    accepted = _ok(rep.post(f"/v1/quotes/{qid}/accept"))
    assert accepted["quote"]["status"] == "accepted"
    order = accepted["order"]
    assert order["status"] == "draft" and order["quote_id"] == qid

    # -- the quote PDF holds the lines and totals
    pdf = rep.get(f"/v1/quotes/{qid}/pdf")
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    text = _pdf_text(pdf.content)
    assert "Widget Pro" in text and catalogue["sku"] in text
    assert "8,500.00" in text or "8500.00" in text

    # -- order confirmed
    confirmed = _ok(rep.post(f"/v1/orders/{order['id']}/confirm"))
    assert confirmed["status"] == "confirmed"
    value = confirmed["totals"]["total"]

    # -- contract approved (manager: sales manager and finance steps), signed, active
    contract = rep.post(
        "/v1/contracts",
        json={
            "customer_id": cid,
            "order_ids": [order["id"]],
            "currency": "CNY",
            "title": "Widget supply",
            "start_date": (TODAY - timedelta(days=90)).isoformat(),
            "end_date": (TODAY + timedelta(days=275)).isoformat(),
            "terms": "Net 30.",
        },
    )
    ct = _ok(contract, 201)
    ct_id = ct["id"]
    assert ct["value"] == value and ct["status"] == "draft"
    assert ct["coverage"] and ct["coverage"][0]["product_id"] == pid
    _ok(rep.post(f"/v1/contracts/{ct_id}/submit", json={}))
    _problem(rep.post(f"/v1/contracts/{ct_id}/approve", json={}), 403, "permission.denied")
    decided = _ok(mgr.post(f"/v1/contracts/{ct_id}/approve", json={"comment": "fine"}))
    assert decided["status"] == "approved", decided
    assert _ok(rep.get(f"/v1/contracts/{ct_id}"))["status"] == "approved"
    signed = _ok(rep.post(f"/v1/contracts/{ct_id}/sign", json={}))
    assert signed["status"] == "active"
    contract_pdf = rep.get(f"/v1/contracts/{ct_id}/pdf")
    assert contract_pdf.headers["content-type"] == "application/pdf"
    assert "Widget Pro" in _pdf_text(contract_pdf.content)

    # -- a plan that does not add up is refused and writes nothing
    total_minor = round(float(value["amount"]) * 100)
    wrong = rep.post(
        f"/v1/contracts/{ct_id}/payment-plan",
        json={"instalments": [{"due_date": TODAY.isoformat(), "amount": _money("1.00")}]},
    )
    _problem(wrong, 400, "plan.total_mismatch")
    _problem(rep.get(f"/v1/contracts/{ct_id}/payment-plan"), 404)

    # -- three instalments: A (long past, paid on time), B (past due, unpaid: overdue), C (future, partial)
    a, b = total_minor // 3, total_minor // 3
    c = total_minor - a - b
    due = {"A": TODAY - timedelta(days=60), "B": TODAY - timedelta(days=20), "C": TODAY + timedelta(days=30)}
    plan = _ok(
        rep.post(
            f"/v1/contracts/{ct_id}/payment-plan",
            json={
                "instalments": [
                    {"due_date": due["A"].isoformat(), "amount": _money(_text(a)), "note": "A"},
                    {"due_date": due["B"].isoformat(), "amount": _money(_text(b)), "note": "B"},
                    {"due_date": due["C"].isoformat(), "amount": _money(_text(c)), "note": "C"},
                ]
            },
        ),
        201,
    )
    assert len(plan["instalments"]) == 3 and plan["total"] == value
    ids = {i["note"]: i["id"] for i in plan["instalments"]}
    on_time = _ok(
        rep.post(
            "/v1/receipts",
            json={
                "contract_id": ct_id,
                "amount": _money(_text(a)),
                "received_on": (due["A"] - timedelta(days=1)).isoformat(),
                "reference": "BANK-1",
            },
        ),
        201,
    )
    assert on_time["allocations"][0]["instalment_id"] == ids["A"]
    partial = _ok(
        rep.post(
            "/v1/receipts",
            json={
                "contract_id": ct_id,
                "amount": _money("100.00"),
                "received_on": TODAY.isoformat(),
                "allocations": [{"instalment_id": ids["C"], "amount": _money("100.00")}],
            },
        ),
        201,
    )
    assert partial["status"] in ("approved", "approved_without_review")
    states = {i["note"]: i for i in _ok(rep.get(f"/v1/contracts/{ct_id}/payment-plan"))["instalments"]}
    assert states["A"]["status"] == "completed"
    assert states["B"]["status"] == "overdue" and states["B"]["overdue"] is True
    assert states["C"]["status"] == "partially_received" and states["C"]["received"] == _money("100.00")
    # The worker's timer flags the overdue instalment (payment_overdue through the outbox).
    eventually(lambda: "payment_overdue" in _outbox_events(cluster), timeout=30, what="payment_overdue flagged")

    # -- invoice requested (no approval steps by default) and issued by the manager
    invoice = _ok(
        rep.post(
            "/v1/invoices",
            json={"contract_id": ct_id, "amount": _money(_text(a)), "tax_rate": "13", "billing": {"title": "Sales Co"}},
        ),
        201,
    )
    assert invoice["status"] == "approved", invoice
    _problem(rep.post(f"/v1/invoices/{invoice['id']}/issue", json={"invoice_number": "INV-1"}), 403)
    issued = _ok(
        mgr.post(f"/v1/invoices/{invoice['id']}/issue", json={"invoice_number": f"INV-{uuid.uuid4().hex[:6]}"})
    )
    assert issued["status"] == "issued" and issued["issued_on"] == TODAY.isoformat()

    events = set(_outbox_events(cluster))
    for event in (
        "opportunity_created",
        "opportunity_stage_changed",
        "opportunity_won",
        "quote_sent",
        "quote_accepted",
        "order_confirmed",
        "contract_activated",
        "payment_plan_created",
        "payment_received",
        "payment_overdue",
        "invoice_issued",
        "approval_requested",
        "approval_decided",
    ):
        assert event in events, (event, sorted(events))

    # Lists follow the conventions.
    page = _ok(rep.get("/v1/opportunities", params={"customer_id": cid, "status": "won", "limit": 10}))
    assert [o["id"] for o in page["items"]] == [opp_id] and page["next_cursor"] is None
    by_filter = _ok(rep.get("/v1/quotes", params={"filter": f'customer_id = "{cid}" AND status = "accepted"'}))
    assert [q["id"] for q in by_filter["items"]] == [qid]

    # The customers service heard of the deal: last deal time set, and the prospect is now active.
    def dealt() -> bool:
        seen = _ok(rep.get(f"/v1/customers/{cid}"))
        return bool(seen["deal_at"]) and seen["status"] == "active"

    eventually(dealt, timeout=30, what="the customer's deal time and status to follow the won deal")


def test_a_manager_cannot_approve_their_own_submission(people, catalogue, customer):
    mgr = people["manager"]
    cid = customer["id"]
    eventually(lambda: _known_to_sales(mgr, cid, catalogue["id"]), timeout=30, what="sales to learn the customer")
    quote = _ok(
        mgr.post(
            "/v1/quotes",
            json={
                "customer_id": cid,
                "currency": "CNY",
                "valid_until": VALID_UNTIL,
                "lines": [{"product_id": catalogue["id"], "quantity": "1", "discount_percent": "50"}],
            },
        ),
        201,
    )
    _ok(mgr.post(f"/v1/quotes/{quote['id']}/submit", json={}))
    refused = mgr.post(f"/v1/quotes/{quote['id']}/approve", json={})
    assert 400 <= refused.status_code < 500 and refused.json()["code"] == "approval.self_approval", refused.text
    assert _ok(mgr.get(f"/v1/quotes/{quote['id']}"))["status"] == "pending_approval"


def test_bad_input_is_a_clear_4xx_and_writes_nothing(people, catalogue, customer):
    rep, admin = people["rep"], people["admin"]
    cid, pid = customer["id"], catalogue["id"]
    eventually(lambda: _known_to_sales(rep, cid, pid), timeout=30, what="sales to learn the customer")
    opp = _ok(
        rep.post("/v1/opportunities", json={"customer_id": cid, "name": "Small deal", "amount": _money("10.00")}), 201
    )
    won = _ok(rep.post(f"/v1/opportunities/{opp['id']}/win", json={}))
    orders_before = _ok(rep.get("/v1/orders", params={"limit": 200}))["items"]
    quotes_before = _ok(rep.get("/v1/quotes", params={"limit": 200}))["items"]

    # An order for a customer the CRM does not have.
    unknown = rep.post(
        "/v1/orders",
        json={
            "customer_id": f"nobody-{uuid.uuid4().hex[:8]}",
            "opportunity_id": won["id"],
            "currency": "CNY",
            "lines": [{"product_id": pid, "quantity": "1"}],
        },
    )
    body = _problem(unknown, 400, "customer.unknown")
    assert "Traceback" not in unknown.text and body["detail"]
    # An opportunity for an unknown customer.
    _problem(
        rep.post("/v1/opportunities", json={"customer_id": "ghost-1", "name": "x", "amount": _money("1.00")}),
        400,
        "customer.unknown",
    )
    line = {"product_id": pid, "quantity": "1"}
    quote = {"customer_id": cid, "currency": "CNY", "valid_until": VALID_UNTIL}
    # A negative quantity, a discount over 100 %, money with too many decimals, a negative amount.
    for bad, field in (
        ({**quote, "lines": [{**line, "quantity": "-1"}]}, "lines.0.quantity"),
        ({**quote, "lines": [{**line, "quantity": "0"}]}, None),
        ({**quote, "lines": [{**line, "discount_percent": "150"}]}, "lines.0.discount_percent"),
        ({**quote, "lines": [{**line, "discount_percent": "100.5"}]}, "lines.0.discount_percent"),
        ({**quote, "lines": [line], "tax_rate": "-3"}, "tax_rate"),
        ({**quote, "lines": [line], "surprise": 1}, "surprise"),
    ):
        refused = rep.post("/v1/quotes", json=bad)
        problem = _problem(refused, 400)
        if field is not None:
            assert field in [e["field"] for e in problem.get("errors", [])], problem
    _problem(rep.post("/v1/opportunities", json={"customer_id": cid, "name": "x", "amount": _money("1.005")}), 400)
    _problem(rep.post("/v1/opportunities", json={"customer_id": cid, "name": "x", "amount": _money("-1.00")}), 400)
    assert _ok(rep.get("/v1/orders", params={"limit": 200}))["items"] == orders_before
    assert len(_ok(rep.get("/v1/quotes", params={"limit": 200}))["items"]) == len(quotes_before)

    # A stale version: 412, the record unchanged; no If-Match: 428.
    product = admin.get(f"/v1/products/{pid}")
    first = _ok(admin.patch(f"/v1/products/{pid}", json={"category": "tools"}, headers=_etag(product)))
    assert first["category"] == "tools"
    _problem(admin.patch(f"/v1/products/{pid}", json={"category": "toys"}, headers=_etag(product)), 412)
    _problem(admin.patch(f"/v1/products/{pid}", json={"category": "toys"}), 428, "precondition.required")
    after = admin.get(f"/v1/products/{pid}")
    assert after.json()["category"] == "tools" and after.headers["etag"] == f'"{first["version"]}"'
    assert admin.get(f"/v1/products/{pid}", headers={"If-None-Match": after.headers["etag"]}).status_code == 304
    # A stale action on an opportunity.
    _problem(
        rep.post(f"/v1/opportunities/{opp['id']}/lose", json={"lost_reason": "x"}, headers={"If-Match": '"1"'}), 412
    )
    # A rep may not write the catalogue; unknown ids are 404.
    _problem(rep.post("/v1/products", json={"sku": "NOPE", "name": "n", "list_price": _money("1.00")}), 403)
    _problem(rep.get("/v1/quotes/does-not-exist"), 404)


def test_idempotency_key_creates_one_quote(people, catalogue, customer):
    rep = people["rep"]
    eventually(lambda: _known_to_sales(rep, customer["id"], catalogue["id"]), timeout=30, what="customer known")
    body = {
        "customer_id": customer["id"],
        "currency": "CNY",
        "valid_until": VALID_UNTIL,
        "lines": [{"product_id": catalogue["id"], "quantity": "2"}],
    }
    key = uuid.uuid4().hex
    first = rep.post("/v1/quotes", json=body, headers={"Idempotency-Key": key})
    again = rep.post("/v1/quotes", json=body, headers={"Idempotency-Key": key})
    assert first.status_code == again.status_code == 201
    assert again.json()["id"] == first.json()["id"] and again.headers.get("idempotency-replayed") == "true"


def _text(minor: int) -> str:
    return f"{minor // 100}.{minor % 100:02d}"


def _pdf_text(content: bytes) -> str:
    from pypdf import PdfReader

    assert content.startswith(b"%PDF")
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(content)).pages)


def test_price_lists_resolve_prices_and_targets_keep_their_amounts(people, catalogue, customer):
    admin, mgr = people["admin"], people["manager"]
    cid, pid = customer["id"], catalogue["id"]
    eventually(lambda: _known_to_sales(admin, cid, pid), timeout=30, what="sales to learn the customer")
    price_list = _ok(
        admin.post(
            "/v1/price-lists",
            json={
                "name": "Volume",
                "currency": "CNY",
                "effective_from": (TODAY - timedelta(days=1)).isoformat(),
                "tiers": [
                    {"product_id": pid, "unit_price": _money("950.00")},
                    {"product_id": pid, "min_quantity": "5", "unit_price": _money("900.00")},
                ],
            },
        ),
        201,
    )
    assert [t["unit_price"] for t in price_list["tiers"]] == [_money("950.00"), _money("900.00")]
    few = _ok(admin.post("/v1/prices:resolve", json={"customer_id": cid, "product_id": pid, "quantity": "2"}))
    many = _ok(admin.post("/v1/prices:resolve", json={"customer_id": cid, "product_id": pid, "quantity": "10"}))
    assert few["resolution"]["unit_price"] == _money("950.00") and few["resolution"]["source"] == "price_list"
    assert many["resolution"]["unit_price"] == _money("900.00") and many["resolution"]["tier_min_quantity"] == "5"

    month = TODAY.strftime("%Y-%m")
    made = mgr.post(
        "/v1/targets",
        json={
            "month": month,
            "metric": "won_amount",
            "scope_type": "user",
            "scope_id": people["rep_id"],
            "value": "500000.00",
            "currency": "CNY",
        },
    )
    target = _ok(made, 201)
    assert target["value"] == "500000.00" and target["currency"] == "CNY"
    changed = _ok(mgr.patch(f"/v1/targets/{target['id']}", json={"value": "600000.50"}, headers=_etag(made)))
    assert changed["value"] == "600000.50" and changed["currency"] == "CNY"
    _problem(mgr.patch(f"/v1/targets/{target['id']}", json={"value": "1.00"}, headers=_etag(made)), 412)
    _problem(
        mgr.post(
            "/v1/targets",
            json={"month": month, "metric": "won_amount", "scope_type": "company", "value": "1.001", "currency": "CNY"},
        ),
        400,
    )
    assert _ok(people["rep"].get("/v1/targets", params={"month": month}))["items"][0]["value"] == "600000.50"


def test_sales_settings_are_read_by_sales_users_and_changed_by_admins_only(people):
    rep, admin = people["rep"], people["admin"]
    seen = rep.get("/v1/sales-settings")
    settings = _ok(seen)
    assert [s["key"] for s in settings["stages"]][:1] and settings["time_zone"]
    # A rep may read but not change them; an admin needs If-Match, and a stale one is refused.
    _problem(rep.patch("/v1/sales-settings", json={"renewal_reminder_days": 45}, headers=_etag(seen)), 403)
    _problem(admin.patch("/v1/sales-settings", json={"renewal_reminder_days": 45}), 428)
    # Bad input: a stage named like a terminal one, an unknown field; nothing changes.
    _problem(
        admin.patch(
            "/v1/sales-settings",
            json={"stages": [{"key": "won", "label": "Won", "probability": 100}]},
            headers=_etag(seen),
        ),
        400,
    )
    _problem(admin.patch("/v1/sales-settings", json={"colour": "red"}, headers=_etag(seen)), 400)
    assert _ok(admin.get("/v1/sales-settings")) == settings
    changed = admin.patch(
        "/v1/sales-settings",
        json={"renewal_reminder_days": settings["renewal_reminder_days"] + 15},
        headers=_etag(seen),
    )
    assert _ok(changed)["renewal_reminder_days"] == settings["renewal_reminder_days"] + 15
    assert changed.headers["etag"] != seen.headers["etag"]
    _problem(admin.patch("/v1/sales-settings", json={"renewal_reminder_days": 1}, headers=_etag(seen)), 412)
    restored = admin.patch(
        "/v1/sales-settings", json={"renewal_reminder_days": settings["renewal_reminder_days"]}, headers=_etag(changed)
    )
    assert _ok(restored)["renewal_reminder_days"] == settings["renewal_reminder_days"]


def test_an_order_sold_without_a_contract_has_its_own_payment_plan(people, catalogue, customer):
    rep = people["rep"]
    cid, pid = customer["id"], catalogue["id"]
    eventually(lambda: _known_to_sales(rep, cid, pid), timeout=30, what="sales to learn the customer")
    opp = _ok(
        rep.post("/v1/opportunities", json={"customer_id": cid, "name": "Cash sale", "amount": _money("2000.00")}), 201
    )
    current = rep.get(f"/v1/opportunities/{opp['id']}")
    _ok(rep.post(f"/v1/opportunities/{opp['id']}/win", json={}, headers=_etag(current)))
    order = _ok(
        rep.post(
            "/v1/orders",
            json={
                "customer_id": cid,
                "opportunity_id": opp["id"],
                "currency": "CNY",
                "lines": [{"product_id": pid, "quantity": "2"}],
            },
        ),
        201,
    )

    def plan_body(total: Decimal) -> dict:
        first = (total * Decimal("0.6")).quantize(Decimal("0.01"))
        return {
            "instalments": [
                {"due_date": (TODAY + timedelta(days=10)).isoformat(), "amount": _money(f"{first:.2f}")},
                {"due_date": (TODAY + timedelta(days=40)).isoformat(), "amount": _money(f"{total - first:.2f}")},
            ]
        }

    # A draft order's total may still change: its plan waits for the confirmation.
    draft_total = Decimal(order["totals"]["total"]["amount"])
    _problem(
        rep.post(f"/v1/orders/{order['id']}/payment-plan", json=plan_body(draft_total)), 409, "plan.order_not_confirmed"
    )
    total = Decimal(_ok(rep.post(f"/v1/orders/{order['id']}/confirm"))["totals"]["total"]["amount"])
    short = {"instalments": plan_body(total)["instalments"][:1]}
    _problem(rep.post(f"/v1/orders/{order['id']}/payment-plan", json=short), 400, "plan.total_mismatch")
    created = rep.post(f"/v1/orders/{order['id']}/payment-plan", json=plan_body(total))
    plan = _ok(created, 201)
    assert created.headers["location"] == f"/v1/orders/{order['id']}/payment-plan"
    assert (plan["order_id"], plan["contract_id"], plan["total"]) == (order["id"], None, _money(f"{total:.2f}"))
    _problem(rep.post("/v1/receipts", json={"amount": _money("1.00"), "received_on": TODAY.isoformat()}), 400)
    first = Decimal(plan["instalments"][0]["amount"]["amount"])
    paid = first + Decimal("100.00")
    receipt = _ok(
        rep.post(
            "/v1/receipts",
            json={"order_id": order["id"], "amount": _money(f"{paid:.2f}"), "received_on": TODAY.isoformat()},
        ),
        201,
    )
    assert receipt["order_id"] == order["id"]
    after = _ok(rep.get(f"/v1/orders/{order['id']}/payment-plan"))
    assert [i["status"] for i in after["instalments"]] == ["completed", "partially_received"]
    assert (after["received"], after["outstanding"]) == (_money(f"{paid:.2f}"), _money(f"{total - paid:.2f}"))
    listed = _ok(rep.get("/v1/receipts", params={"order_id": order["id"]}))
    assert [r["id"] for r in listed["items"]] == [receipt["id"]]
