"""The API conventions end to end, through the gateway to the real customers service: ETag and
If-Match (412 on stale, 428 without), Idempotency-Key (one record for two POSTs, 422 for a reused
key), and the per-user rate limit (429 with Retry-After, other users unaffected)."""

from __future__ import annotations

import uuid

import httpx
import pytest

from crm_testkit.cluster import Cluster
from crm_testkit.wait import eventually

pytestmark = [pytest.mark.e2e, pytest.mark.integration]

PROCS = ("customers-grpc", "gateway")
RATE_LIMIT = 40


@pytest.fixture(scope="module")
def cluster(tmp_path_factory, redis_url):
    from crm_testkit.infra import Vhost

    vhost = Vhost()
    prefix = f"crm_conv_{uuid.uuid4().hex[:8]}"
    c = Cluster(
        tmp_path_factory.mktemp("conventions") / "var",
        vhost.url,
        redis_url,
        prefix,
        extra_env={"CRM_RATE_LIMIT_PER_MINUTE": str(RATE_LIMIT)},
    )
    try:
        c.prepare()
        c.start(*PROCS)
        c.wait_ready("customers-grpc")
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


def _names(admin: httpx.Client, name: str) -> list[str]:
    page = admin.get("/v1/customers", params={"filter": f'name = "{name}"', "limit": 200})
    assert page.status_code == 200, page.text
    return [c["id"] for c in page.json()["items"]]


def test_etag_and_if_match_protect_edits(admin):
    created = admin.post("/v1/customers", json={"name": f"Etag Co {uuid.uuid4().hex[:6]}", "industry": "retail"})
    assert created.status_code == 201, created.text
    url = f"/v1/customers/{created.json()['id']}"
    assert created.headers["etag"] == '"1"'

    first = admin.patch(url, json={"industry": "energy"}, headers={"If-Match": '"1"'})
    assert first.status_code == 200, first.text
    assert first.headers["etag"] == '"2"' and first.json()["industry"] == "energy"

    # A second writer still holding version 1 is refused and changes nothing.
    stale = admin.patch(url, json={"industry": "mining"}, headers={"If-Match": '"1"'})
    assert stale.status_code == 412, stale.text
    assert stale.headers["content-type"].startswith("application/problem+json")
    missing = admin.patch(url, json={"industry": "mining"})
    assert missing.status_code == 428 and missing.json()["code"] == "precondition.required"

    current = admin.get(url)
    assert current.json()["industry"] == "energy" and current.headers["etag"] == '"2"'
    assert admin.get(url, headers={"If-None-Match": '"2"'}).status_code == 304


def test_idempotency_key_makes_a_repeated_post_create_one_record(admin):
    name = f"Idem Co {uuid.uuid4().hex[:6]}"
    key = uuid.uuid4().hex
    first = admin.post("/v1/customers", json={"name": name}, headers={"Idempotency-Key": key})
    again = admin.post("/v1/customers", json={"name": name}, headers={"Idempotency-Key": key})
    assert first.status_code == again.status_code == 201
    assert again.json()["id"] == first.json()["id"]
    assert again.headers.get("idempotency-replayed") == "true"
    reused = admin.post("/v1/customers", json={"name": name + " other"}, headers={"Idempotency-Key": key})
    assert reused.status_code == 422 and reused.json()["code"] == "idempotency.key_reused"
    assert _names(admin, name) == [first.json()["id"]]
    assert _names(admin, name + " other") == []


def test_rate_limit_per_user_answers_429_and_spares_other_users(cluster, admin):
    username = f"rl-{uuid.uuid4().hex[:6]}"
    password = "limit-tester-2026"
    made = admin.post(
        "/v1/users", json={"username": username, "password": password, "display_name": "RL", "roles": ["sales_rep"]}
    )
    assert made.status_code == 201, made.text
    with _client(cluster, username, password) as user:
        statuses = [user.get("/v1/customers").status_code for _ in range(RATE_LIMIT + 5)]
        assert 429 in statuses, statuses
        limited = user.get("/v1/customers")
        assert limited.status_code == 429
        assert int(limited.headers["Retry-After"]) > 0
        assert limited.json()["code"] == "rate_limited"
        assert admin.get("/v1/customers").status_code == 200
