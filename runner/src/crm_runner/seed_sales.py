"""Sales demo data for `crm seed --demo`, through the gateway's public API like a real client:
a product catalogue with two price lists, then for a share of the demo customers owned by the demo
reps an opportunity in every stage; the won ones go quote -> (manager approval of a special price)
-> send -> accept -> order confirmed, about half of them on to a contract (approved by the manager,
who also holds `finance`, the contract flow's second step), signed, with a payment plan whose
instalments fall over the past months, receipts for most past instalments (some partial, some left
open so overdue shows) and an issued invoice for some.

Dates the API lets a client set are spread over the last twelve months (expected close dates,
contract start and signing dates, instalment due dates, receipt and invoice dates); the service
stamps creation and win times itself. Re-running reuses products and price lists (by SKU / name)
and leaves customers that already have an opportunity alone."""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import httpx

from crm_runner.seed import DEMO_PASSWORD

CURRENCY = "CNY"
# sku -> (name, category, unit, list price, warranty months)
PRODUCTS: dict[str, tuple[str, str, str, str, int]] = {
    "DEMO-LAP-14": ("Business laptop 14in", "hardware", "pcs", "6500.00", 24),
    "DEMO-LAP-16": ("Workstation laptop 16in", "hardware", "pcs", "11800.00", 24),
    "DEMO-MON-27": ("Monitor 27in", "hardware", "pcs", "1800.00", 36),
    "DEMO-DOCK-1": ("Docking station", "hardware", "pcs", "1200.00", 12),
    "DEMO-LIC-OFF": ("Office suite licence (year)", "software", "seat", "900.00", 0),
    "DEMO-LIC-CRM": ("CRM licence (year)", "software", "seat", "1500.00", 0),
    "DEMO-LIC-SEC": ("Endpoint security (year)", "software", "seat", "320.00", 0),
    "DEMO-LIC-BKP": ("Cloud backup 1 TB (year)", "software", "pcs", "2400.00", 0),
    "DEMO-SUP-DAY": ("On-site support day", "service", "day", "2500.00", 0),
    "DEMO-SUP-INS": ("Installation and set-up", "service", "pcs", "800.00", 0),
    "DEMO-SUP-TRN": ("User training (half day)", "service", "session", "3200.00", 0),
    "DEMO-SUP-SLA": ("Premium support plan (year)", "service", "pcs", "9600.00", 0),
}
# name -> (customer classification, region, skus, quantity of the volume tier, share of list price)
PRICE_LISTS: dict[str, tuple[str | None, str | None, list[str], str, str]] = {
    "Demo VIP prices": ("vip", None, ["DEMO-LAP-14", "DEMO-LAP-16", "DEMO-MON-27", "DEMO-LIC-CRM"], "10", "0.90"),
    "Demo East region prices": (
        None,
        "east",
        ["DEMO-LAP-14", "DEMO-MON-27", "DEMO-DOCK-1", "DEMO-LIC-OFF", "DEMO-SUP-DAY"],
        "20",
        "0.95",
    ),
}
REPS = ["demo.alice", "demo.bob", "demo.chen", "demo.dana"]
MANAGER = "demo.salesmanager"
OPEN_STAGES = ["qualification", "needs_analysis", "proposal", "negotiation"]
# One fate per opportunity, in turn: every stage, won more often than the rest.
FATES = [*OPEN_STAGES, "won", "won", "won", "lost"]
LOST_REASONS = ["chose a competitor", "price too high", "budget cut", "project postponed", "no decision"]
DEAL_NAMES = ["Workplace refresh", "Licence renewal", "Branch roll-out", "Support upgrade", "New office set-up"]
# Discounts offered on quote lines; above the 10 % threshold a manager approves the quote.
DISCOUNTS = ["0", "0", "0", "5", "8", "10", "12", "15", "20"]
FINANCE_ROLE = {
    "name": "finance",
    "description": "Finance: second step of contract approval, issues invoices (demo)",
    "permissions": ["contracts:approve", "contracts:view", "payments:view", "invoices:approve", "invoices:view"],
    "scopes": {"*": "all"},
}
# How many demo customers of the reps get an opportunity: a quarter, at least eight, at most sixty.
SHARE, MIN_DEALS, MAX_DEALS = 0.25, 8, 60
UNAVAILABLE = (404, 502, 503)


class SalesUnavailable(Exception):
    """The sales routes answer but no sales service is behind them (fakes, or it is down)."""


def _ok(resp: httpx.Response) -> dict[str, Any]:
    if resp.is_error:
        raise RuntimeError(f"{resp.request.method} {resp.request.url}: {resp.status_code} {resp.text[:500]}")
    return resp.json() if resp.content else {}


def _pages(client: httpx.Client, path: str, **params: Any) -> Iterator[dict[str, Any]]:
    cursor: str | None = None
    while True:
        body = _ok(client.get(path, params={"limit": 200, **params, **({"cursor": cursor} if cursor else {})}))
        yield from body["items"]
        cursor = body.get("next_cursor")
        if not cursor:
            return


def _money(amount: Decimal) -> dict[str, str]:
    return {"currency": CURRENCY, "amount": f"{amount.quantize(Decimal('0.01'), ROUND_HALF_UP)}"}


@contextmanager
def _signed_in(client: httpx.Client, username: str) -> Iterator[httpx.Client]:
    login = client.post("/v1/auth/login", json={"username": username, "password": DEMO_PASSWORD})
    if login.status_code != 200:
        raise RuntimeError(f"{username} cannot sign in with the demo password ({login.status_code})")
    token = login.json()["access_token"]
    with httpx.Client(
        base_url=client.base_url, timeout=client.timeout, headers={"Authorization": f"Bearer {token}"}
    ) as user:
        yield user


def _wait_known(client: httpx.Client, customer_id: str, product_id: str, timeout: float = 60.0) -> bool:
    """Poll until the sales service knows the customer (it learns customers from events)."""
    deadline, pause = time.monotonic() + timeout, 0.05
    body = {"customer_id": customer_id, "product_id": product_id, "quantity": "1"}
    while True:
        if client.post("/v1/prices:resolve", json=body).status_code == 200:
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(pause)
        pause = min(pause * 2, 1.0)


def _catalogue(admin: httpx.Client, echo: Callable[[str], None]) -> dict[str, dict[str, Any]]:
    """The demo products by SKU and the demo price lists, created unless they exist."""
    existing = {p["sku"]: p for p in _pages(admin, "/v1/products")}
    products: dict[str, dict[str, Any]] = {}
    made = 0
    for sku, (name, category, unit, price, warranty) in PRODUCTS.items():
        if sku in existing:
            products[sku] = existing[sku]
            continue
        body = {
            "sku": sku,
            "name": name,
            "category": category,
            "unit": unit,
            "list_price": _money(Decimal(price)),
            "warranty_months": warranty,
        }
        resp = admin.post("/v1/products", json=body)
        if resp.status_code in UNAVAILABLE:
            raise SalesUnavailable(f"POST /v1/products answered {resp.status_code}")
        products[sku] = _ok(resp)
        made += 1
    lists = {p["name"] for p in _pages(admin, "/v1/price-lists")}
    new_lists = 0
    start = (datetime.now(UTC).date() - timedelta(days=400)).isoformat()
    for name, (classification, region, skus, min_quantity, share) in PRICE_LISTS.items():
        if name in lists:
            continue
        tiers = []
        for sku in skus:
            list_price = Decimal(products[sku]["list_price"]["amount"])
            tiers.append({"product_id": products[sku]["id"], "unit_price": _money(list_price * Decimal(share))})
            tiers.append(
                {
                    "product_id": products[sku]["id"],
                    "min_quantity": min_quantity,
                    "unit_price": _money(list_price * (Decimal(share) - Decimal("0.05"))),
                }
            )
        body: dict[str, Any] = {"name": name, "currency": CURRENCY, "effective_from": start, "tiers": tiers}
        if classification:
            body["customer_classification"] = classification
        if region:
            body["region"] = region
        _ok(admin.post("/v1/price-lists", json=body))
        new_lists += 1
    echo(
        f"  sales: products {len(products)} ({made} new) in {len({p[1] for p in PRODUCTS.values()})} categories, "
        f"price lists {len(PRICE_LISTS)} ({new_lists} new)"
    )
    return products


def _finance_role(admin: httpx.Client, manager_id: str, echo: Callable[[str], None]) -> None:
    """The contract flow's second step is decided by role `finance` (built in since gateway
    migration 0006; created here on an older gateway): give it to the demo sales manager, so one
    manager approves both steps, unless done."""
    role = admin.get(f"/v1/roles/{FINANCE_ROLE['name']}")
    if role.status_code == 404:
        _ok(admin.post("/v1/roles", json=FINANCE_ROLE))
        echo("  sales: role 'finance' created (contract approval step 2, invoices)")
    else:
        _ok(role)
    user = _ok(admin.get(f"/v1/users/{manager_id}"))
    if FINANCE_ROLE["name"] not in user["roles"]:
        _ok(admin.patch(f"/v1/users/{manager_id}", json={"roles": [*user["roles"], FINANCE_ROLE["name"]]}))
        echo(f"  sales: {MANAGER} now also holds 'finance'")


def seed_sales(
    client: httpx.Client,
    user_ids: dict[str, str],
    customer_ids: list[str],
    rng: random.Random,
    echo: Callable[[str], None] = print,
) -> dict[str, int]:
    """Sales demo data for some of `customer_ids` (those owned by the demo reps); `client` is signed
    in as an admin. Returns counts of what was created; skips (empty counts) with a message when no
    sales service answers behind the gateway."""
    counts = dict.fromkeys(
        (
            "products",
            "price_lists",
            "opportunities",
            "won",
            "lost",
            "quotes",
            "approved_quotes",
            "orders",
            "contracts",
            "instalments",
            "receipts",
            "invoices",
        ),
        0,
    )
    try:
        products = _catalogue(client, echo)
    except SalesUnavailable as exc:
        echo(f"  sales: skipped, the sales service is not available ({exc})")
        return counts
    counts["products"], counts["price_lists"] = len(products), len(PRICE_LISTS)
    _finance_role(client, user_ids[MANAGER], echo)

    rep_of = {user_ids[name]: name for name in REPS}
    wanted = set(customer_ids)
    customers = [c for c in _pages(client, "/v1/customers") if c["id"] in wanted and c.get("owner_id") in rep_of]
    order = {cid: i for i, cid in enumerate(customer_ids)}
    customers.sort(key=lambda c: order[c["id"]])
    with_deals = {o["customer_id"] for o in _pages(client, "/v1/opportunities")}
    fresh = [c for c in customers if c["id"] not in with_deals]
    target = min(len(fresh), MAX_DEALS, max(MIN_DEALS, round(len(customers) * SHARE)))
    chosen = rng.sample(fresh, k=target) if target else []
    if not chosen:
        echo(f"  sales: opportunities 0 (customers of the demo reps that have none yet: {len(fresh)})")
        return counts

    today = datetime.now(UTC).date()  # the organisation's time zone defaults to UTC
    catalogue = list(products.values())
    with (
        _signed_in(client, MANAGER) as manager,
        _signed_in(client, REPS[0]) as r0,
        _signed_in(client, REPS[1]) as r1,
        _signed_in(client, REPS[2]) as r2,
        _signed_in(client, REPS[3]) as r3,
    ):
        reps = {user_ids[name]: c for name, c in zip(REPS, (r0, r1, r2, r3), strict=True)}
        for n, customer in enumerate(chosen):
            rep = reps[customer["owner_id"]]
            if not _wait_known(rep, customer["id"], catalogue[0]["id"]):
                raise RuntimeError(f"the sales service did not learn customer {customer['id']} within 60 s")
            deal = _Deal(rep, manager, customer, catalogue, rng, today, counts)
            deal.run(FATES[n % len(FATES)], n)
            if (n + 1) % 10 == 0 or n + 1 == len(chosen):
                echo(f"  sales: opportunities {n + 1}/{len(chosen)}")
    echo(
        "  sales: won {won}, lost {lost}, quotes {quotes} ({approved_quotes} approved by the manager), "
        "orders {orders}, contracts {contracts}, instalments {instalments}, receipts {receipts}, "
        "invoices {invoices}".format(**counts)
    )
    return counts


class _Deal:
    """One customer's opportunity and, when won, what follows it."""

    def __init__(
        self,
        rep: httpx.Client,
        manager: httpx.Client,
        customer: dict[str, Any],
        catalogue: list[dict[str, Any]],
        rng: random.Random,
        today: date,
        counts: dict[str, int],
    ) -> None:
        self.rep, self.manager, self.customer = rep, manager, customer
        self.catalogue, self.rng, self.today, self.counts = catalogue, rng, today, counts

    def run(self, fate: str, n: int) -> None:
        rng, today = self.rng, self.today
        if fate in OPEN_STAGES:
            # Mostly closing in the next three months, some already late.
            close = today + timedelta(days=rng.randint(-30, 90))
        else:
            close = today - timedelta(days=rng.randint(5, 360))
        body = {
            "customer_id": self.customer["id"],
            "name": f"{rng.choice(DEAL_NAMES)} {n + 1}",
            "amount": _money(Decimal(rng.randint(20, 400) * 500)),
            "expected_close_date": close.isoformat(),
        }
        opp = _ok(self.rep.post("/v1/opportunities", json=body))
        self.counts["opportunities"] += 1
        # Through the stages one by one, so the stage history has every step.
        last = fate if fate in OPEN_STAGES else rng.choice(OPEN_STAGES[1:])
        for stage in OPEN_STAGES[1 : OPEN_STAGES.index(last) + 1]:
            opp = _ok(self.rep.post(f"/v1/opportunities/{opp['id']}/stage", json={"to_stage": stage}))
        if fate == "lost":
            _ok(self.rep.post(f"/v1/opportunities/{opp['id']}/lose", json={"lost_reason": rng.choice(LOST_REASONS)}))
            self.counts["lost"] += 1
        elif fate == "won":
            _ok(self.rep.post(f"/v1/opportunities/{opp['id']}/win", json={}))
            self.counts["won"] += 1
            order = self._quote_to_order(opp)
            if rng.random() < 0.5:
                self._contract(order, start=close)

    def _quote_to_order(self, opp: dict[str, Any]) -> dict[str, Any]:
        rng, rep = self.rng, self.rep
        lines = [
            {"product_id": p["id"], "quantity": str(rng.randint(1, 25)), "discount_percent": rng.choice(DISCOUNTS)}
            for p in rng.sample(self.catalogue, k=rng.randint(1, 3))
        ]
        quote = _ok(
            rep.post(
                "/v1/quotes",
                json={
                    "customer_id": self.customer["id"],
                    "opportunity_id": opp["id"],
                    "currency": CURRENCY,
                    "valid_until": (self.today + timedelta(days=30)).isoformat(),
                    "title": opp["name"],
                    "lines": lines,
                    "tax_rate": "13",
                },
            )
        )
        self.counts["quotes"] += 1
        qid = quote["id"]
        if quote["needs_approval"]:
            _ok(rep.post(f"/v1/quotes/{qid}/submit", json={"comment": "Special price for a key deal"}))
            _ok(self.manager.post(f"/v1/quotes/{qid}/approve", json={"comment": "Approved"}))
            self.counts["approved_quotes"] += 1
        _ok(rep.post(f"/v1/quotes/{qid}/send"))
        order = _ok(rep.post(f"/v1/quotes/{qid}/accept"))["order"]
        confirmed = _ok(rep.post(f"/v1/orders/{order['id']}/confirm"))
        self.counts["orders"] += 1
        return confirmed

    def _contract(self, order: dict[str, Any], start: date) -> None:
        rng, rep, today = self.rng, self.rep, self.today
        contract = _ok(
            rep.post(
                "/v1/contracts",
                json={
                    "customer_id": self.customer["id"],
                    "order_ids": [order["id"]],
                    "currency": CURRENCY,
                    "title": f"Supply contract {self.customer['name']}"[:200],
                    "start_date": start.isoformat(),
                    "end_date": (start + timedelta(days=364)).isoformat(),
                    "terms": "Payment by bank transfer within 30 days of each due date.",
                },
            )
        )
        cid = contract["id"]
        _ok(rep.post(f"/v1/contracts/{cid}/submit", json={}))
        # The manager holds sales_manager and finance: the second step passes with the first.
        decided = _ok(self.manager.post(f"/v1/contracts/{cid}/approve", json={"comment": "Approved"}))
        if decided.get("status") != "approved":
            raise RuntimeError(f"contract {cid} is not approved after the manager's decision: {decided}")
        _ok(rep.post(f"/v1/contracts/{cid}/sign", json={"signed_on": start.isoformat()}))
        self.counts["contracts"] += 1

        # 2-4 instalments a month or a quarter apart from a month after the start.
        total = round(Decimal(contract["value"]["amount"]) * 100)
        parts = rng.randint(2, 4)
        step = rng.choice([30, 60, 90])
        shares = [total // parts] * parts
        shares[-1] += total - sum(shares)
        dues = [start + timedelta(days=30 + step * i) for i in range(parts)]
        plan = _ok(
            rep.post(
                f"/v1/contracts/{cid}/payment-plan",
                json={
                    "instalments": [
                        {"due_date": d.isoformat(), "amount": _money(Decimal(a) / 100), "note": f"Instalment {i + 1}"}
                        for i, (d, a) in enumerate(zip(dues, shares, strict=True))
                    ]
                },
            )
        )
        self.counts["instalments"] += len(plan["instalments"])
        first_receipt: dict[str, Any] | None = None
        for inst in plan["instalments"]:
            due = date.fromisoformat(inst["due_date"])
            if due > today:
                continue
            luck = rng.random()
            if luck < 0.15:
                continue  # never paid: overdue
            amount = Decimal(inst["amount"]["amount"])
            if luck < 0.3:
                amount = (amount / 2).quantize(Decimal("0.01"))  # partly paid
            received = min(max(due + timedelta(days=rng.randint(-7, 10)), start), today)
            receipt = _ok(
                rep.post(
                    "/v1/receipts",
                    json={
                        "contract_id": cid,
                        "amount": _money(amount),
                        "received_on": received.isoformat(),
                        "method": "bank_transfer",
                        "reference": f"BANK-{contract.get('number') or cid[:8]}-{inst.get('seq', '')}",
                        "allocations": [{"instalment_id": inst["id"], "amount": _money(amount)}],
                    },
                )
            )
            self.counts["receipts"] += 1
            first_receipt = first_receipt or receipt
        if first_receipt is not None and rng.random() < 0.6:
            invoice = _ok(
                rep.post(
                    "/v1/invoices",
                    json={
                        "contract_id": cid,
                        "amount": first_receipt["amount"],
                        "tax_rate": "13",
                        "receipt_id": first_receipt["id"],
                        "billing": {"title": self.customer["name"][:200]},
                    },
                )
            )
            if invoice.get("status") == "approved":
                _ok(
                    self.manager.post(
                        f"/v1/invoices/{invoice['id']}/issue",
                        json={
                            "invoice_number": f"DEMO-{invoice['id'][:12]}",
                            "issued_on": first_receipt["received_on"],
                        },
                    )
                )
            self.counts["invoices"] += 1
