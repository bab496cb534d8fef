"""Demo data, loaded through the gateway's public API like a real client would: a demo
organisation (departments and one user per role, see DEMO_USERS) and demo customers owned by the
demo sales people. Running it again reuses the departments and users that exist."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

# Every demo user signs in with this password (documented in gateway/README.md); change it with
# PATCH /v1/users/{id} {"password": ...} anywhere that is not a local demo.
DEMO_PASSWORD = "crm-demo-2026"

# key -> (name, parent key)
DEMO_DEPARTMENTS: dict[str, tuple[str, str | None]] = {
    "sales_east": ("Sales East", None),
    "sales_west": ("Sales West", None),
    "marketing": ("Marketing", None),
    "service": ("Service", None),
    "call_center": ("Call Center", None),
}

# username -> (display name, role, department key or None)
DEMO_USERS: dict[str, tuple[str, str, str | None]] = {
    "demo.admin": ("Ada Admin", "admin", None),
    "demo.salesmanager": ("Sam Manager", "sales_manager", "sales_east"),
    "demo.alice": ("Alice East", "sales_rep", "sales_east"),
    "demo.bob": ("Bob East", "sales_rep", "sales_east"),
    "demo.chen": ("Chen West", "sales_rep", "sales_west"),
    "demo.dana": ("Dana West", "sales_rep", "sales_west"),
    "demo.marketer": ("Mia Marketer", "marketer", "marketing"),
    "demo.servicemanager": ("Sol Service-Manager", "service_manager", "service"),
    "demo.serviceagent": ("Ari Service-Agent", "service_agent", "service"),
    "demo.tech1": ("Tom Technician", "technician", "service"),
    "demo.tech2": ("Tia Technician", "technician", "service"),
    "demo.callcenter": ("Cai Call-Center", "callcenter_agent", "call_center"),
}

# Owners of the demo customers: the sales reps (and their manager), by username.
CUSTOMER_OWNERS = ["demo.alice", "demo.bob", "demo.chen", "demo.dana", "demo.salesmanager"]

INDUSTRIES = ["manufacturing", "retail", "software", "healthcare", "logistics", "education"]
NAMES = [
    "Northwind",
    "Contoso",
    "Fabrikam",
    "Tailspin",
    "Wingtip",
    "Litware",
    "Proseware",
    "Adatum",
    "Fourth Coffee",
    "Humongous",
    "Lucerne",
    "Margie's Travel",
    "Trey Research",
    "Woodgrove",
    "Alpine Ski",
]
# region -> (city, latitude, longitude): real coordinates, so distance-based dispatch makes sense.
CITIES = {
    "east": [("Shanghai", 31.2304, 121.4737), ("Hangzhou", 30.2741, 120.1551), ("Nanjing", 32.0603, 118.7969)],
    "north": [("Beijing", 39.9042, 116.4074), ("Tianjin", 39.3434, 117.3616)],
    "south": [("Guangzhou", 23.1291, 113.2644), ("Shenzhen", 22.5431, 114.0579)],
    "west": [("Chengdu", 30.5728, 104.0668), ("Chongqing", 29.5630, 106.5516), ("Xi'an", 34.3416, 108.9398)],
}
SOURCES = ["web form", "exhibition", "referral", "cold call", "partner", "online ads"]
CLASSIFICATIONS = ["potential", "potential", "normal", "normal", "normal", "important", "vip"]
STATUSES = ["prospect", "prospect", "active", "active", "lost"]
TAGS = ["key account", "tender", "renewal", "price sensitive", "new market", "reference"]
FIRST_NAMES = ["Wei", "Fang", "Min", "Jun", "Li", "Hui", "Yan", "Tao", "Lei", "Jing"]
LAST_NAMES = ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu"]
TITLES = ["Purchasing Manager", "CEO", "IT Director", "Operations Lead", "CFO", "Engineer"]
ACTIVITY_TYPES = ["call", "call", "visit", "email", "note", "meeting"]
ACTIVITY_TEXT = {
    "call": "Called about the quote; they want a second option.",
    "visit": "On-site visit, met the team and saw the current setup.",
    "email": "Sent the product sheet and the reference list.",
    "note": "Budget approval expected next quarter.",
    "meeting": "Meeting with the buying committee.",
}


def _problem_code(resp: httpx.Response) -> str:
    try:
        return str(resp.json().get("code", ""))
    except ValueError:
        return ""


def _all_pages(client: httpx.Client, path: str) -> list[dict[str, Any]]:
    """Every item of a cursor-paginated admin list."""
    items: list[dict[str, Any]] = []
    cursor: str | None = None
    while True:
        params: dict[str, Any] = {"limit": 200, **({"cursor": cursor} if cursor else {})}
        page = client.get(path, params=params)
        page.raise_for_status()
        body = page.json()
        items.extend(body["items"])
        cursor = body.get("next_cursor")
        if not cursor:
            return items


def seed_organisation(client: httpx.Client, echo: Callable[[str], None] = print) -> dict[str, str]:
    """Create the demo departments and users unless they exist; returns username -> user id."""
    departments = {(d["name"], d["parent_id"]): d["id"] for d in _all_pages(client, "/v1/departments")}
    dept_ids: dict[str, str] = {}
    for key, (name, parent) in DEMO_DEPARTMENTS.items():
        parent_id = dept_ids[parent] if parent else None
        found = departments.get((name, parent_id))
        if found is None:
            made = client.post("/v1/departments", json={"name": name, "parent_id": parent_id})
            made.raise_for_status()
            found = made.json()["id"]
        dept_ids[key] = found
    echo(f"  departments: {len(dept_ids)}")
    existing = {u["username"]: u["id"] for u in _all_pages(client, "/v1/users")}
    user_ids: dict[str, str] = {}
    for username, (display_name, role, dept) in DEMO_USERS.items():
        if username in existing:
            user_ids[username] = existing[username]
            continue
        made = client.post(
            "/v1/users",
            json={
                "username": username,
                "password": DEMO_PASSWORD,
                "display_name": display_name,
                "department_id": dept_ids[dept] if dept else None,
                "roles": [role],
            },
        )
        made.raise_for_status()
        user_ids[username] = made.json()["id"]
    echo(f"  users: {len(user_ids)} (password {DEMO_PASSWORD!r}): {', '.join(DEMO_USERS)}")
    return user_ids


def seed_demo(base_url: str, username: str, password: str, count: int, echo=print, sales: bool = True) -> int:  # type: ignore[no-untyped-def]
    """Create the demo organisation, then `count` demo customers spread over the demo sales people,
    each with contacts and a follow-up history of the last 60 days (some of it old enough for the
    pool rules to act on), a few released to the shared pool, then (unless `sales` is false:
    customers only) the demo data of sales, marketing and the service desk;
    returns how many customers were created. Customers
    that already exist (same name, so a duplicate) are left as they are, so running it again adds
    nothing twice."""
    # They import this module.
    from crm_runner.seed_marketing import seed_marketing
    from crm_runner.seed_sales import seed_sales
    from crm_runner.seed_service_desk import seed_service_desk

    rng = random.Random(42)
    now = datetime.now(UTC)
    with httpx.Client(base_url=base_url, timeout=10) as client:
        login = client.post("/v1/auth/login", json={"username": username, "password": password})
        login.raise_for_status()
        client.headers["Authorization"] = f"Bearer {login.json()['access_token']}"
        user_ids = seed_organisation(client, echo)
        owners = [user_ids[name] for name in CUSTOMER_OWNERS]
        created = existing = contacts = activities = pooled = 0
        created_ids: list[str] = []
        for i in range(count):
            # Each customer draws from its own generator, so a re-run that skips an existing one
            # still makes the same next customers (and finds them as duplicates).
            crng = random.Random(f"demo-customer-{i}")
            # Skewed ownership so the per-owner report has a shape worth looking at.
            owner = owners[min(int(crng.expovariate(0.6)), len(owners) - 1)]
            region = crng.choice(sorted(CITIES))
            city, lat, lon = crng.choice(CITIES[region])
            kind = "person" if crng.random() < 0.15 else "company"
            name = f"{crng.choice(NAMES)} {crng.choice(['Trading', 'Group', 'Systems', 'Holdings'])} {i + 1}"
            body = {
                "name": name if kind == "company" else f"{crng.choice(FIRST_NAMES)} {crng.choice(LAST_NAMES)} {i + 1}",
                "kind": kind,
                "owner_id": owner,
                "level": crng.choice(["A", "B", "B", "C", "C", "C"]),
                "classification": crng.choice(CLASSIFICATIONS),
                "status": crng.choice(STATUSES),
                "industry": crng.choice(INDUSTRIES),
                "region": region,
                "source": crng.choice(SOURCES),
                "address": f"{crng.randint(1, 999)} Demo Road, {city}",
                # A little jitter so customers of one city are not all on one spot.
                "latitude": round(lat + crng.uniform(-0.08, 0.08), 5),
                "longitude": round(lon + crng.uniform(-0.08, 0.08), 5),
                "phones": [f"13{crng.randrange(3, 10)}{crng.randrange(10**8):08d}"],
                "emails": [f"contact{i + 1}@example.com"],
                "tags": crng.sample(TAGS, k=crng.randint(0, 2)),
            }
            resp = client.post("/v1/customers", json=body)
            if resp.status_code == 409 and _problem_code(resp) == "duplicate_customer":
                existing += 1
                continue
            resp.raise_for_status()
            customer_id = resp.json()["id"]
            created += 1
            created_ids.append(customer_id)
            for c in range(crng.randint(1, 2) if kind == "company" else 0):
                person = {
                    "name": f"{crng.choice(FIRST_NAMES)} {crng.choice(LAST_NAMES)}",
                    "title": crng.choice(TITLES),
                    "phones": [f"139{crng.randrange(10**8):08d}"],
                    "emails": [f"person{i + 1}.{c + 1}@example.com"],
                    "primary": c == 0,
                }
                client.post(f"/v1/customers/{customer_id}/contacts", json=person).raise_for_status()
                contacts += 1
            # Follow-ups spread over the last 60 days; a fifth of the customers get none at all.
            for _ in range(0 if crng.random() < 0.2 else crng.randint(1, 4)):
                kind_of = crng.choice(ACTIVITY_TYPES)
                when = now - timedelta(days=crng.uniform(0.5, 60))
                activity = {"type": kind_of, "content": ACTIVITY_TEXT[kind_of], "occurred_at": when.isoformat()}
                if crng.random() < 0.3:
                    activity["next_follow_up_at"] = (now + timedelta(days=crng.randint(1, 14))).isoformat()
                client.post(f"/v1/customers/{customer_id}/activities", json=activity).raise_for_status()
                activities += 1
            # Some customers sit in the shared pool, released with a reason (others claim them).
            if crng.random() < 0.08:
                reason = crng.choice(["no_interest", "unreachable", "not_a_fit"])
                released = client.post(f"/v1/customers/{customer_id}/release", json={"reason": reason})
                released.raise_for_status()
                pooled += 1
            if created % 10 == 0 or i + 1 == count:
                echo(f"  customers: {created}/{count}")
        echo(f"  contacts: {contacts}, activities: {activities}, in the pool: {pooled}, already there: {existing}")
        # A re-run found its customers there already: every customer is a candidate.
        customer_ids = [c["id"] for c in _all_pages(client, "/v1/customers")] if existing else created_ids
        if sales:  # "customers only" otherwise (`crm seed --demo --no-sales`)
            seed_sales(client, user_ids, customer_ids, rng, echo)
            # Each skips, with a message, when its service does not answer.
            seed_marketing(client, user_ids, rng, echo)
            seed_service_desk(client, user_ids, customer_ids, rng, echo)
        return created
