"""Issue 4's scenario through the gateway, on real processes (customers grpc + worker + relay,
reporting grpc + worker, gateway): rep A registers "Acme Ltd"; rep B's "ACME LTD." with the same
phone is a 409 duplicate_customer; A logs no follow-up; the sweep, run "as of" a month later,
returns Acme to the pool after A was reminded; A cannot reclaim during the cooldown; B claims it;
B transfers it to C; the history shows each step; reporting's owner counts follow."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from crm_testkit.cluster import Cluster
from crm_testkit.wait import eventually

pytestmark = [pytest.mark.e2e, pytest.mark.integration]

PROCS = ("customers-grpc", "customers-worker", "customers-relay", "reporting-grpc", "reporting-worker", "gateway")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory, redis_url):
    from crm_testkit.infra import Vhost

    vhost = Vhost()
    prefix = f"crm_pool_{uuid.uuid4().hex[:8]}"
    c = Cluster(
        tmp_path_factory.mktemp("pool") / "var",
        vhost.url,
        redis_url,
        prefix,
        # The scenario runs the jobs itself with explicit as_of moments; the timer stays quiet.
        extra_env={"CRM_CUSTOMERS_POOL_JOB_SECONDS": "3600"},
    )
    try:
        c.prepare()
        c.start(*PROCS)
        c.wait_ready("customers-grpc", "reporting-grpc")
        eventually(lambda: httpx.get(f"{c.gateway_url}/healthz").status_code == 200, timeout=60, what="gateway up")
        yield c
    finally:
        c.close()
        vhost.close()


def _client(cluster: Cluster, username: str, password: str) -> httpx.Client:
    login = httpx.post(f"{cluster.gateway_url}/v1/auth/login", json={"username": username, "password": password})
    assert login.status_code == 200, login.text
    token = login.json()["access_token"]
    return httpx.Client(base_url=cluster.gateway_url, timeout=15, headers={"Authorization": f"Bearer {token}"})


@pytest.fixture(scope="module")
def admin(cluster):
    with _client(cluster, "admin", "test-admin-pw") as client:
        yield client


def _rep(cluster: Cluster, admin: httpx.Client, label: str) -> tuple[str, httpx.Client]:
    username, password = f"{label}-{uuid.uuid4().hex[:6]}", "pool-scenario-2026"
    made = admin.post(
        "/v1/users", json={"username": username, "password": password, "display_name": label, "roles": ["sales_rep"]}
    )
    assert made.status_code == 201, made.text
    return made.json()["id"], _client(cluster, username, password)


def _owner_counts(admin: httpx.Client) -> dict[str, int]:
    summary = admin.get("/v1/reports/customers/summary")
    assert summary.status_code == 200, summary.text
    return {row["owner_id"]: row["count"] for row in summary.json()["by_owner"]}


def test_acme_goes_round_the_pool(cluster, admin):
    a_id, rep_a = _rep(cluster, admin, "rep-a")
    b_id, rep_b = _rep(cluster, admin, "rep-b")
    c_id, rep_c = _rep(cluster, admin, "rep-c")
    with rep_a, rep_b, rep_c:
        created = rep_a.post("/v1/customers", json={"name": "Acme Ltd", "phone": "13800138000"})
        assert created.status_code == 201, created.text
        acme = created.json()["id"]
        assert created.json()["owner_id"] == a_id

        dup = rep_b.post("/v1/customers", json={"name": "ACME LTD.", "phone": "138 0013 8000"})
        assert dup.status_code == 409, dup.text
        assert dup.json()["code"] == "duplicate_customer"
        eventually(lambda: _owner_counts(admin).get(a_id) == 1, timeout=20, what="A owns Acme in reporting")

        # A logs no follow-up. The default rule: 30 days, reminders 7/3/1 days before. Owned from
        # today (local), Acme is due 31 local days later; the warning tier 7 comes 7 days before.
        now = datetime.now(UTC)
        warn_at, sweep_at = now + timedelta(days=24), now + timedelta(days=31)
        early = admin.post("/v1/customer-pool/sweep", json={"as_of": warn_at.isoformat()})
        assert early.status_code == 200 and early.json().get("acted", 0) == 0, early.text
        reminded = admin.post("/v1/customer-pool/reminders", json={"as_of": warn_at.isoformat()})
        assert reminded.status_code == 200 and reminded.json()["recycle_warnings"] == 1, reminded.text
        again = admin.post("/v1/customer-pool/reminders", json={"as_of": warn_at.isoformat()})
        assert again.json()["recycle_warnings"] == 0  # once per tier

        dry = admin.post("/v1/customer-pool/sweep", json={"as_of": sweep_at.isoformat(), "dry_run": True})
        assert dry.status_code == 200 and dry.json()["customer_ids"] == [acme], dry.text
        swept = admin.post("/v1/customer-pool/sweep", json={"as_of": sweep_at.isoformat()})
        assert swept.status_code == 200, swept.text
        assert swept.json()["customer_ids"] == [acme] and swept.json()["acted"] == 1

        # In the pool: everyone permitted sees it, phone masked until claimed.
        pool = rep_b.get("/v1/customer-pool")
        assert pool.status_code == 200, pool.text
        [entry] = [c for c in pool.json()["items"] if c["id"] == acme]
        assert entry["contact_details_masked"] is True and entry.get("phone") != "+8613800138000"
        assert "****" in entry["phone"]
        assert rep_a.get(f"/v1/customers/{acme}").status_code == 404  # no longer in A's scope

        # A cannot reclaim during the cooldown (7 days); B can claim.
        refused = rep_a.post(f"/v1/customers/{acme}/claim")
        assert refused.status_code == 409, refused.text
        assert refused.json()["code"] == "pool.reclaim_cooldown"
        claimed = rep_b.post(f"/v1/customers/{acme}/claim")
        assert claimed.status_code == 200, claimed.text
        assert claimed.json()["owner_id"] == b_id
        eventually(lambda: _owner_counts(admin).get(b_id) == 1, timeout=20, what="B owns Acme in reporting")

        moved = rep_b.post(f"/v1/customers/{acme}/transfer", json={"owner_id": c_id})
        assert moved.status_code == 200, moved.text
        assert moved.json()["owner_id"] == c_id
        assert rep_c.get(f"/v1/customers/{acme}").status_code == 200
        assert rep_b.get(f"/v1/customers/{acme}").status_code == 404

    history = admin.get(f"/v1/customers/{acme}/history", params={"limit": 200})
    assert history.status_code == 200, history.text
    steps = [e["reason"] for e in reversed(history.json()["items"]) if e["field"] in ("created", "owner_id")]
    assert steps == ["create", "recycle", "claim", "transfer"], history.json()["items"]

    def counts_follow() -> bool:
        counts = _owner_counts(admin)
        return counts.get(c_id) == 1 and not counts.get(a_id) and not counts.get(b_id)

    eventually(counts_follow, timeout=20, what="reporting's owner counts follow the transfer")
