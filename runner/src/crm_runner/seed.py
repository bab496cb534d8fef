"""Demo data, loaded through the gateway's public API like a real client would."""

from __future__ import annotations

import random

import httpx

OWNERS = ["demo-alice", "demo-bob", "demo-chen", "demo-dana", "demo-eli"]
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


def seed_demo(base_url: str, username: str, password: str, count: int, echo=print) -> int:  # type: ignore[no-untyped-def]
    """Create `count` demo customers spread over demo owners; returns how many were created."""
    rng = random.Random(42)
    with httpx.Client(base_url=base_url, timeout=10) as client:
        login = client.post("/v1/auth/login", json={"username": username, "password": password})
        login.raise_for_status()
        client.headers["Authorization"] = f"Bearer {login.json()['access_token']}"
        created = 0
        for i in range(count):
            # Skewed ownership so the per-owner report has a shape worth looking at.
            owner = OWNERS[min(int(rng.expovariate(0.6)), len(OWNERS) - 1)]
            body = {
                "name": f"{rng.choice(NAMES)} {rng.choice(['Ltd', 'Group', 'Co', 'Holdings'])} #{i + 1}",
                "owner_id": owner,
                "level": rng.choice(["A", "B", "B", "C", "C", "C"]),
                "industry": rng.choice(INDUSTRIES),
            }
            resp = client.post("/v1/customers", json=body)
            resp.raise_for_status()
            created += 1
            if created % 10 == 0 or created == count:
                echo(f"  customers: {created}/{count}")
        return created
