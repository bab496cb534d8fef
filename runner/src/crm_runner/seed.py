"""Demo data, loaded through the gateway's public API like a real client would: a demo
organisation (departments and one user per role, see DEMO_USERS) and demo customers owned by the
demo sales people. Running it again reuses the departments and users that exist."""

from __future__ import annotations

import random
from collections.abc import Callable
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


def seed_demo(base_url: str, username: str, password: str, count: int, echo=print) -> int:  # type: ignore[no-untyped-def]
    """Create the demo organisation, then `count` demo customers spread over the demo sales people;
    returns how many customers were created."""
    rng = random.Random(42)
    with httpx.Client(base_url=base_url, timeout=10) as client:
        login = client.post("/v1/auth/login", json={"username": username, "password": password})
        login.raise_for_status()
        client.headers["Authorization"] = f"Bearer {login.json()['access_token']}"
        user_ids = seed_organisation(client, echo)
        owners = [user_ids[name] for name in CUSTOMER_OWNERS]
        created = 0
        for i in range(count):
            # Skewed ownership so the per-owner report has a shape worth looking at.
            owner = owners[min(int(rng.expovariate(0.6)), len(owners) - 1)]
            body = {
                "name": f"{rng.choice(NAMES)} {rng.choice(['Ltd', 'Group', 'Co', 'Holdings'])} #{i + 1}",
                "owner_id": owner,
                "level": rng.choice(["A", "B", "B", "C", "C", "C"]),
                "industry": rng.choice(INDUSTRIES),
                "phone": f"138{rng.randrange(10**8):08d}",
                "email": f"contact{i + 1}@example.com",
            }
            resp = client.post("/v1/customers", json=body)
            resp.raise_for_status()
            created += 1
            if created % 10 == 0 or created == count:
                echo(f"  customers: {created}/{count}")
        return created
