"""The marketing demo data (crm_runner.seed_marketing) through the gateway to the real marketing
service: campaigns of several types in every status, leads in every status, and a second run
seeds nothing again."""

from __future__ import annotations

import random
import uuid
from collections import Counter

import httpx
import pytest

from crm_runner.seed import seed_organisation
from crm_runner.seed_marketing import CAMPAIGNS, seed_marketing
from crm_testkit.cluster import Cluster
from crm_testkit.wait import eventually

pytestmark = [pytest.mark.e2e, pytest.mark.integration]


@pytest.fixture(scope="module")
def cluster(tmp_path_factory, redis_url):
    from crm_testkit.infra import Vhost

    vhost = Vhost()
    c = Cluster(
        tmp_path_factory.mktemp("marketing-seed") / "var",
        vhost.url,
        redis_url,
        f"crm_mkseed_{uuid.uuid4().hex[:8]}",
        extra_env={"CRM_RATE_LIMIT_PER_MINUTE": "100000"},
    )
    try:
        c.prepare()
        c.start("marketing-grpc", "gateway")
        c.wait_ready("marketing-grpc")
        eventually(lambda: httpx.get(f"{c.gateway_url}/healthz").status_code == 200, timeout=60, what="gateway up")
        yield c
    finally:
        c.close()
        vhost.close()


def test_demo_marketing_data_covers_every_status_and_is_seeded_once(cluster):
    login = httpx.post(f"{cluster.gateway_url}/v1/auth/login", json={"username": "admin", "password": "test-admin-pw"})
    token = login.json()["access_token"]
    with httpx.Client(base_url=cluster.gateway_url, timeout=30, headers={"Authorization": f"Bearer {token}"}) as admin:
        user_ids = seed_organisation(admin, echo=lambda _: None)
        counts = seed_marketing(admin, user_ids, random.Random(7), echo=lambda _: None)
        assert counts["campaigns"] == len(CAMPAIGNS) and counts["submissions"] == 3
        campaigns = admin.get("/v1/campaigns", params={"limit": 200}).json()["items"]
        assert {c["status"] for c in campaigns} == {
            "draft",
            "pending_approval",
            "approved",
            "running",
            "completed",
            "cancelled",
        }
        assert len({c["type"] for c in campaigns}) >= 6
        assert all(
            c["actual_cost"]["amount"] == "10500.50" for c in campaigns if c["status"] in ("running", "completed")
        )
        leads = admin.get("/v1/leads", params={"limit": 200}).json()["items"]
        statuses = Counter(lead["status"] for lead in leads)
        assert set(statuses) == {"new", "assigned", "contacted", "qualified", "converted", "disqualified", "returned"}
        assert any(lead["touch_count"] == 2 for lead in leads)  # the repeated public submission
        again = seed_marketing(admin, user_ids, random.Random(7), echo=lambda _: None)
        assert again["campaigns"] == 0
        assert len(admin.get("/v1/leads", params={"limit": 200}).json()["items"]) == len(leads)
