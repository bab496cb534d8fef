"""Marketing demo data for `crm seed --demo`, through the gateway's public API like a real client:
campaigns of every type in every status (a big one approved by the sales manager after a
rejection, cost entries on the running and completed ones), two assignment rules (round robin
over the East reps, least open leads over the West reps with a daily capacity), a web form with a
few public submissions (one repeated: a touch, not a lead), and leads in every status: new (in
the pool), assigned, contacted, qualified, converted (with an opportunity), disqualified and
returned to the pool.

Deterministic for a given `rng`; re-running finds the demo campaigns by name and seeds nothing
again. Skips with a message when no marketing service answers behind the gateway."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import httpx

from crm_runner.seed import DEMO_PASSWORD

PREFIX = "Demo: "
MARKETER = "demo.marketer"
MANAGER = "demo.salesmanager"
EAST = ["demo.alice", "demo.bob"]
WEST = ["demo.chen", "demo.dana"]
FORM_KEY = "demo-spring-expo"
# name, type, channel, budget (CNY), expected revenue, final status
CAMPAIGNS: list[tuple[str, str, str, str, str, str]] = [
    ("Spring Expo Shanghai", "exhibition", "offline", "120000.00", "900000.00", "running"),
    ("CIO breakfast seminar", "seminar", "offline", "18000.00", "250000.00", "completed"),
    ("Search ads Q2", "online_ads", "search", "30000.00", "180000.00", "running"),
    ("Newsletter June", "email", "email", "2000.00", "40000.00", "approved"),
    ("SMS renewal campaign", "sms", "sms", "60000.00", "250000.00", "pending_approval"),
    ("Partner referrals", "referral", "partners", "5000.00", "120000.00", "draft"),
    ("Trade magazine insert", "other", "print", "9000.00", "30000.00", "cancelled"),
]
COMPANIES = [
    "Lumen Optics",
    "Harbor Logistics",
    "Kite Robotics",
    "Jade Textiles",
    "Summit Foods",
    "Orchid Clinics",
    "Blue River Energy",
    "Granite Builders",
    "Nova Pharma",
    "Pine Retail",
    "Vega Motors",
    "Coral Hotels",
    "Atlas Printing",
    "Echo Media",
    "Maple Schools",
    "Zen Software",
]
PEOPLE = ["Li Wei", "Zhang Min", "Wang Fang", "Chen Jie", "Liu Yang", "Zhao Lei", "Huang Ying", "Zhou Tao"]
INDUSTRIES = ["manufacturing", "retail", "healthcare", "education", "logistics", "software"]
# status -> how many leads end in it
STATUS_PLAN = {
    "new": 3,
    "assigned": 4,
    "contacted": 3,
    "qualified": 3,
    "converted": 2,
    "disqualified": 2,
    "returned": 2,
}
UNAVAILABLE = (404, 502, 503)


class MarketingUnavailable(Exception):
    """The marketing routes answer but no marketing service is behind them."""


def _ok(resp: httpx.Response) -> dict[str, Any]:
    if resp.status_code in UNAVAILABLE and resp.request.url.path in ("/v1/campaigns", "/v1/assignment-rules"):
        raise MarketingUnavailable(f"{resp.request.method} {resp.request.url.path} answered {resp.status_code}")
    if resp.is_error:
        raise RuntimeError(f"{resp.request.method} {resp.request.url.path}: {resp.status_code} {resp.text[:300]}")
    return resp.json() if resp.content else {}


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


def _money(amount: str) -> dict[str, str]:
    return {"currency": "CNY", "amount": amount}


def _campaigns(marketer: httpx.Client, manager: httpx.Client, echo: Callable[[str], None]) -> dict[str, dict]:
    """Every demo campaign driven to its planned status; returns name -> campaign."""
    made: dict[str, dict] = {}
    for name, kind, channel, budget, revenue, status in CAMPAIGNS:
        body = {
            "name": PREFIX + name,
            "type": kind,
            "channel": channel,
            "budget": _money(budget),
            "expected_revenue": _money(revenue),
        }
        c = _ok(marketer.post("/v1/campaigns", json=body))
        cid = c["id"]
        if status != "draft":
            c = _ok(marketer.post(f"/v1/campaigns/{cid}/submit"))
        if c["status"] == "pending_approval" and status != "pending_approval":
            if name.startswith("Spring"):  # the big one: rejected once, then approved
                _ok(manager.post(f"/v1/campaigns/{cid}/reject", json={"comment": "Trim the booth budget"}))
                _ok(marketer.post(f"/v1/campaigns/{cid}/submit"))
            c = _ok(manager.post(f"/v1/campaigns/{cid}/approve", json={"comment": "Approved"}))
        if status in ("running", "completed"):
            c = _ok(marketer.post(f"/v1/campaigns/{cid}/start"))
            for amount, what in (("8000.00", "venue and booth"), ("2500.50", "printing")):
                _ok(marketer.post(f"/v1/campaigns/{cid}/costs", json={"amount": _money(amount), "description": what}))
        if status == "completed":
            c = _ok(marketer.post(f"/v1/campaigns/{cid}/complete"))
        if status == "cancelled":
            c = _ok(marketer.post(f"/v1/campaigns/{cid}/cancel", json={"comment": "Magazine folded"}))
        made[name] = c
    echo(f"  marketing: {len(made)} campaigns ({', '.join(sorted({c[1] for c in CAMPAIGNS}))})")
    return made


def _rules(marketer: httpx.Client, user_ids: dict[str, str]) -> None:
    east = {
        "name": PREFIX + "East round robin",
        "position": 10,
        "regions": ["east"],
        "target": "round_robin",
        "member_ids": [user_ids[u] for u in EAST],
    }
    west = {
        "name": PREFIX + "West least open leads",
        "position": 20,
        "regions": ["west"],
        "target": "least_open",
        "member_ids": [user_ids[u] for u in WEST],
        "daily_capacity": 20,
    }
    for rule in (east, west):
        _ok(marketer.post("/v1/assignment-rules", json=rule))


def _form(marketer: httpx.Client, campaign_id: str) -> None:
    body = {
        "key": FORM_KEY,
        "name": PREFIX + "Spring Expo sign-up",
        "campaign_id": campaign_id,
        "fields": [
            {"name": "name", "label": "Your name", "required": True},
            {"name": "company", "label": "Company"},
            {"name": "email", "label": "Email", "type": "email"},
            {"name": "phone", "label": "Mobile", "type": "phone"},
            {"name": "region", "label": "Region", "type": "select", "options": ["east", "west"]},
        ],
        "mapping": {
            "name": "contact_name",
            "company": "company",
            "email": "email",
            "phone": "phone",
            "region": "region",
        },
        "thank_you_message": "Thank you! See you at the Spring Expo.",
        "honeypot_field": "website",
        "auto_assign": True,
    }
    _ok(marketer.post("/v1/forms", json=body))


def _public_submissions(client: httpx.Client) -> int:
    """A few submissions through the public endpoint, one repeated (a touch on the same lead)."""
    sent = 0
    for i, (person, company, region) in enumerate(
        [
            ("Gao Yan", "Kite Robotics", "east"),
            ("Sun Hui", "Jade Textiles", "west"),
            ("Gao Yan", "Kite Robotics", "east"),
        ]
    ):
        body = {
            "name": person,
            "company": company,
            "email": f"{person.split()[0].lower()}@demo.example",
            "region": region,
        }
        resp = client.post(
            f"/v1/public/forms/{FORM_KEY}/submissions", json=body, headers={"Idempotency-Key": f"demo-{i}"}
        )
        if resp.status_code == 202:
            sent += 1
    return sent


def seed_marketing(
    client: httpx.Client,
    user_ids: dict[str, str],
    rng: random.Random,
    echo: Callable[[str], None] = print,
) -> dict[str, int]:
    """Marketing demo data (see the module docstring); `client` is signed in as an admin and
    `user_ids` maps the demo usernames to ids. Returns counts of what was created."""
    counts = {"campaigns": 0, "leads": 0, "submissions": 0}
    existing = client.get("/v1/campaigns", params={"filter": f'name = "{PREFIX}{CAMPAIGNS[0][0]}"'})
    if existing.status_code in UNAVAILABLE:
        echo("  marketing: skipped, the marketing service is not available")
        return counts
    if existing.status_code == 200 and existing.json()["items"]:
        echo("  marketing: demo campaigns exist; nothing to do")
        return counts
    with _signed_in(client, MARKETER) as marketer, _signed_in(client, MANAGER) as manager:
        try:
            campaigns = _campaigns(marketer, manager, echo)
        except MarketingUnavailable as exc:
            echo(f"  marketing: skipped, the marketing service is not available ({exc})")
            return counts
        counts["campaigns"] = len(campaigns)
        _rules(marketer, user_ids)
        expo = campaigns["Spring Expo Shanghai"]["id"]
        _form(marketer, expo)
        counts["submissions"] = _public_submissions(client)
        live = [c["id"] for c in campaigns.values() if c["status"] in ("running", "completed", "approved")]
        n = 0
        for status, how_many in STATUS_PLAN.items():
            for _ in range(how_many):
                company = COMPANIES[n % len(COMPANIES)]
                region = "" if status == "new" else ("east" if n % 2 == 0 else "west")
                body = {
                    "company": company,
                    "contact_name": PEOPLE[n % len(PEOPLE)],
                    "title": rng.choice(["CIO", "IT manager", "Purchasing lead", "CEO"]),
                    "phones": [f"139{10000000 + n * 7919:08d}"[:11]],
                    "emails": [f"lead{n}@{company.split()[0].lower()}.example"],
                    "region": region,
                    "industry": rng.choice(INDUSTRIES),
                    "source": "import" if n % 3 else "manual",
                    "campaign_id": live[n % len(live)],
                    "product_interest": rng.choice(["laptops", "CRM licences", "support plan", "monitors"]),
                    "estimated_budget": _money(f"{rng.randrange(20, 400) * 1000}.00"),
                    "auto_assign": True,
                }
                made = _ok(marketer.post("/v1/leads", json=body))
                lead = made["lead"]
                n += 1
                counts["leads"] += 1
                if status in ("new", "assigned"):
                    continue
                owner = next(u for u, i in user_ids.items() if i == lead["owner_id"])
                with _signed_in(client, owner) as rep:
                    _drive(rep, lead, status)
    echo(f"  marketing: {counts['leads']} leads in every status, {counts['submissions']} public form submissions")
    return counts


def _drive(rep: httpx.Client, lead: dict, status: str) -> None:
    """The rep takes `lead` (assigned to them) to `status`."""
    lid = lead["id"]
    tag = {"If-Match": f'"{lead["version"]}"'}
    if status == "returned":
        _ok(rep.post(f"/v1/leads/{lid}/release", headers=tag))
        return
    if status == "disqualified":
        _ok(rep.post(f"/v1/leads/{lid}/disqualify", json={"reason": "No budget this year"}, headers=tag))
        return
    current = _ok(rep.patch(f"/v1/leads/{lid}", json={"status": "contacted"}, headers=tag))
    if status == "contacted":
        return
    current = _ok(
        rep.patch(f"/v1/leads/{lid}", json={"status": "qualified"}, headers={"If-Match": f'"{current["version"]}"'})
    )
    if status == "converted":
        body = {
            "create_opportunity": True,
            "opportunity": {"name": f"{lead['company']}: first order", "amount": _money("60000.00")},
        }
        _ok(rep.post(f"/v1/leads/{lid}/convert", json=body, headers={"If-Match": f'"{current["version"]}"'}))
