"""Service-desk demo data for `crm seed --demo`, through the gateway's public API like a real client:
technicians with skills and locations around Shanghai (two of them the demo technician users), SLA
policies per priority, knowledge-base articles, then for a share of the demo customers work orders in
every status reported over the last twelve months (`reported_at`), assigned by hand, by automatic
dispatch or grabbed, with on-site visits (parts and labour; charges where billable), resolved and
closed ones with their return visits scored (low scores open complaints), and complaints of every
severity, some resolved and confirmed.

Deterministic for a given `rng` seed. Re-running reuses technicians, policies and articles (by name /
title) and leaves customers that already have a work order alone. Call it from `seed_demo` once the
customers exist: `seed_service_desk(client, user_ids, customer_ids, rng, echo)`."""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

# name -> (team, skills, capacity, latitude, longitude, demo user or None)
TECHNICIANS: dict[str, tuple[str, list[str], int, float, float, str | None]] = {
    "Tom Technician": ("east", ["repair", "maintenance", "installation"], 8, 31.2304, 121.4737, "demo.tech1"),
    "Tia Technician": ("east", ["repair", "return"], 8, 31.2215, 121.5440, "demo.tech2"),
    "Wang Lei": ("east", ["installation", "maintenance"], 6, 31.1965, 121.3366, None),
    "Zhao Min": ("east", ["repair", "maintenance"], 6, 31.2989, 121.5015, None),
    "Liu Yang": ("west", ["repair", "installation", "return"], 6, 30.2741, 120.1551, None),
    "Chen Jing": ("west", ["maintenance", "repair"], 5, 30.2500, 120.2100, None),
    "Sun Hao": ("west", ["installation"], 5, 31.3000, 120.5853, None),
    "Ma Li": ("east", ["repair"], 4, 31.0300, 121.2200, None),
}
# priority -> (first response, resolution) business minutes
POLICIES = {"low": (480, 4320), "normal": (240, 2160), "high": (60, 960), "urgent": (30, 480)}
ARTICLES = [
    (
        "Laptop does not power on",
        "hardware",
        "No lights, no fan after pressing the power button.",
        "Hold power 30 s with the charger unplugged, reseat the battery, try a known-good charger.",
        ["laptop", "power"],
    ),
    (
        "Monitor flickers",
        "hardware",
        "The screen flickers or goes black for a second.",
        "Replace the cable, set the native refresh rate, update the graphics driver.",
        ["monitor", "display"],
    ),
    (
        "Docking station not detected",
        "hardware",
        "Laptop ignores the dock's screens and USB devices.",
        "Update the dock firmware, use the USB-C port with the lightning mark, reboot docked.",
        ["dock", "usb"],
    ),
    (
        "Office suite will not activate",
        "software",
        "Activation fails with a licence error.",
        "Check the seat assignment, sign out and in, clear the licence cache.",
        ["licence", "office"],
    ),
    (
        "Backup job fails nightly",
        "software",
        "Cloud backup reports a quota or network error.",
        "Check the quota, exclude temp folders, allow the backup host through the proxy.",
        ["backup", "network"],
    ),
    (
        "Installation checklist",
        "service",
        "What to prepare before an on-site installation.",
        "Power outlets, network ports, admin accounts, a contact on site, packaging removal.",
        ["installation"],
    ),
]
# The statuses work orders end in, in turn (closed more often: it is where return visits come from).
FATES = [
    "new",
    "assigned",
    "in_progress",
    "waiting_for_customer",
    "resolved",
    "closed",
    "closed",
    "closed",
    "cancelled",
]
TYPES = ["repair", "repair", "installation", "maintenance", "consultation", "billing_dispute", "return"]
CHANNELS = ["phone", "web", "email", "on_site", "call_center"]
PRIORITIES = ["low", "normal", "normal", "high", "urgent"]
SCORES = [5, 5, 5, 4, 4, 4, 3, 3, 2, 1]
CATEGORIES = ["product_quality", "service_attitude", "response_time", "billing", "delivery", "other"]
SEVERITIES = ["low", "medium", "high", "critical"]
SHARE, MIN_ORDERS, MAX_ORDERS = 0.3, 10, 80
UNAVAILABLE = (404, 502, 503)


class DeskUnavailable(Exception):
    """The service-desk routes answer but no service-desk service is behind them."""


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


def _known(client: httpx.Client, customer_id: str, timeout: float = 60.0) -> bool:
    """Poll until the service desk knows the customer (it learns customers from events)."""
    deadline, pause = time.monotonic() + timeout, 0.05
    while True:
        if client.post("/v1/work-orders:entitlement", json={"customer_id": customer_id}).status_code == 200:
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(pause)
        pause = min(pause * 2, 1.0)


def _reference_data(client: httpx.Client, user_ids: dict[str, str], echo: Callable[[str], None]) -> list[dict]:
    """Technicians, SLA policies and articles, created unless they exist; returns the technicians."""
    probe = client.get("/v1/technicians", params={"limit": 1})
    if probe.status_code in UNAVAILABLE:
        raise DeskUnavailable(f"GET /v1/technicians answered {probe.status_code}")
    have = {t["name"]: t for t in _pages(client, "/v1/technicians")}
    manager = user_ids.get("demo.servicemanager", "")
    for name, (team, skills, capacity, lat, lon, user) in TECHNICIANS.items():
        if name in have:
            continue
        body: dict[str, Any] = {
            "name": name,
            "team": team,
            "skills": skills,
            "capacity": capacity,
            "latitude": lat,
            "longitude": lon,
            "working_days": [1, 2, 3, 4, 5, 6],
        }
        if user and user in user_ids:
            body["user_id"] = user_ids[user]
        if manager:
            body["manager_id"] = manager
        made = client.post("/v1/technicians", json=body)
        if made.status_code in UNAVAILABLE:  # the routes answer, but no service desk stands behind them
            raise DeskUnavailable(f"POST /v1/technicians answered {made.status_code}")
        have[name] = _ok(made)
    existing = {(p["priority"], p.get("classification") or "") for p in _pages(client, "/v1/sla-policies")}
    for priority, (first, resolution) in POLICIES.items():
        if (priority, "") not in existing:
            _ok(
                client.post(
                    "/v1/sla-policies",
                    json={
                        "name": f"Standard {priority}",
                        "priority": priority,
                        "first_response_minutes": first,
                        "resolution_minutes": resolution,
                    },
                )
            )
    titles = {a["title"] for a in _pages(client, "/v1/knowledge-base")}
    for title, category, problem, solution, tags in ARTICLES:
        if title not in titles:
            _ok(
                client.post(
                    "/v1/knowledge-base",
                    json={"title": title, "category": category, "problem": problem, "solution": solution, "tags": tags},
                )
            )
    echo(f"  service desk: {len(have)} technicians, {len(POLICIES)} SLA policies, {len(ARTICLES)} articles")
    return [have[n] for n in TECHNICIANS]


def _move(client: httpx.Client, wo: dict[str, Any], verb: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
    return _ok(client.post(f"/v1/work-orders/{wo['id']}/{verb}", json=body or {}))


def _visit(client: httpx.Client, wo: dict[str, Any], when: datetime, rng: random.Random) -> bool:
    """A visit scheduled, checked in and out with parts and labour; True when a charge was recorded."""
    visit = _ok(
        client.post(
            f"/v1/work-orders/{wo['id']}/visits",
            json={"window_start": when.isoformat(), "window_end": (when + timedelta(hours=2)).isoformat()},
        )
    )
    here = {"latitude": 31.2304 + rng.uniform(-0.05, 0.05), "longitude": 121.4737 + rng.uniform(-0.05, 0.05)}
    _ok(client.post(f"/v1/visits/{visit['id']}/check-in", json={"location": here}))
    parts = [
        {
            "name": rng.choice(["Seal kit", "Power supply", "Cable", "Fan"]),
            "quantity": str(rng.randint(1, 2)),
            "unit_price": {"currency": "CNY", "amount": f"{rng.choice([25, 80, 150, 320])}.00"},
        }
    ]
    out = _ok(
        client.post(
            f"/v1/visits/{visit['id']}/check-out",
            json={
                "location": here,
                "work_done": "diagnosed and fixed on site",
                "labour_minutes": rng.choice([30, 45, 60, 90]),
                "parts": parts if rng.random() < 0.7 else [],
            },
        )
    )
    return out.get("charge") is not None


def seed_service_desk(
    client: httpx.Client,
    user_ids: dict[str, str],
    customer_ids: list[str],
    rng: random.Random,
    echo: Callable[[str], None] = print,
) -> dict[str, int]:
    """Service-desk demo data for some of `customer_ids`; `client` is signed in as an admin. Returns
    counts of what was created; skips (empty counts) with a message when no service desk answers."""
    counts = dict.fromkeys(("work_orders", "visits", "charges", "return_visits", "complaints"), 0)
    try:
        techs = _reference_data(client, user_ids, echo)
    except DeskUnavailable as exc:
        echo(f"  service desk: skipped, the service-desk service is not available ({exc})")
        return counts
    with_orders = {w["customer_id"] for w in _pages(client, "/v1/work-orders")}
    fresh = [c for c in customer_ids if c not in with_orders]
    target = min(len(fresh), MAX_ORDERS, max(MIN_ORDERS, round(len(customer_ids) * SHARE)))
    chosen = rng.sample(fresh, k=target) if target else []
    now = datetime.now(UTC)
    closed: list[dict[str, Any]] = []
    for i, customer_id in enumerate(chosen):
        if not _known(client, customer_id):
            echo(f"  service desk: customer {customer_id} not known yet; skipped")
            continue
        fate = FATES[i % len(FATES)]
        reported = now - timedelta(days=rng.randint(1, 360), minutes=rng.randint(0, 600))
        body: dict[str, Any] = {
            "type": rng.choice(TYPES),
            "channel": rng.choice(CHANNELS),
            "customer_id": customer_id,
            "priority": rng.choice(PRIORITIES),
            "description": "Demo request",
            "reported_at": reported.isoformat(),
        }
        if fate == "new":
            body["team"] = rng.choice(["east", "west"])  # waiting in a team queue to be grabbed
        wo = _ok(client.post("/v1/work-orders", json=body))
        counts["work_orders"] += 1
        if fate in ("new",):
            continue
        if fate == "cancelled":
            _move(client, wo, "cancel", {"reason": "customer withdrew the request"})
            continue
        way = i % 3
        assigned = None
        if way == 0:
            reply = client.post(f"/v1/work-orders/{wo['id']}/assign", json={"mode": "automatic"})
            assigned = reply.json() if reply.status_code == 200 else None
        if assigned is None:
            tech = techs[i % len(techs)]
            assigned = _move(client, wo, "assign", {"technician_id": tech["id"], "reason": "demo dispatch"})
        wo = assigned
        if fate == "assigned":
            continue
        wo = _move(client, wo, "start")
        if fate in ("in_progress", "waiting_for_customer", "resolved", "closed") and rng.random() < 0.6:
            counts["visits"] += 1
            counts["charges"] += int(_visit(client, wo, reported + timedelta(days=1), rng))
        if fate == "waiting_for_customer":
            _move(client, wo, "wait", {"reason": "waiting for the customer's spare part"})
            continue
        if fate == "in_progress":
            continue
        wo = _move(client, wo, "resolve", {"resolution": "fixed on site"})
        if fate == "closed":
            closed.append(_move(client, wo, "close"))
    # Return visits for the closed ones (planned automatically at close), scored; low scores complain.
    for wo in closed:
        for rv in _pages(client, "/v1/return-visits", work_order_id=wo["id"], status="planned"):
            score = rng.choice(SCORES)
            result: dict[str, Any] = {"score": score, "outcome": "called the customer"}
            if rng.random() < 0.8:
                result["nps"] = min(10, max(0, score * 2 + rng.randint(-1, 1)))
            done = _ok(client.post(f"/v1/return-visits/{rv['id']}/complete", json=result))
            counts["return_visits"] += 1
            counts["complaints"] += int(bool(done.get("complaint_id")))
    # Complaints of every severity, some handled to the end.
    for j, customer_id in enumerate(chosen[: max(4, len(chosen) // 5)]):
        complaint = client.post(
            "/v1/complaints",
            json={
                "customer_id": customer_id,
                "category": CATEGORIES[j % len(CATEGORIES)],
                "severity": SEVERITIES[j % len(SEVERITIES)],
                "description": "Demo complaint",
            },
        )
        if complaint.status_code != 201:
            continue
        counts["complaints"] += 1
        c = complaint.json()
        if j % 3 == 0:
            continue
        _ok(client.post(f"/v1/complaints/{c['id']}/steps", json={"note": "called the customer back"}))
        _ok(
            client.post(
                f"/v1/complaints/{c['id']}/resolve",
                json={"root_cause": "missed follow-up", "resolution": "apologised and fixed"},
            )
        )
        if j % 3 == 2:
            _ok(client.post(f"/v1/complaints/{c['id']}/confirm", json={}))
    echo("  service desk: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return counts
