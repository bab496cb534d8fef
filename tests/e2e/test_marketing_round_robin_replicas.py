"""Round robin across replicas (issue 5 acceptance): two gateways, each in front of its own
marketing gRPC replica, and two marketing workers, all on one PostgreSQL database. 100 public form
submissions sent concurrently, half through each gateway, are assigned by one round-robin rule
over three reps: each rep gets an equal share (33 or 34)."""

from __future__ import annotations

import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from crm_runner.suite import Process
from crm_testkit.cluster import Cluster, free_port_block
from crm_testkit.infra import PostgresDatabase, Vhost
from crm_testkit.wait import eventually

pytestmark = [pytest.mark.e2e, pytest.mark.integration]

LEADS = 100


@pytest.fixture(scope="module")
def replicas(tmp_path_factory, redis_url):
    """(cluster, [gateway url 1, gateway url 2])."""
    vhost = Vhost()
    database = PostgresDatabase()
    c = Cluster(
        tmp_path_factory.mktemp("marketing-rr") / "var",
        vhost.url,
        redis_url,
        f"crm_mkrr_{uuid.uuid4().hex[:8]}",
        database_urls={"marketing": database.url},
        extra_env={"CRM_RATE_LIMIT_PER_MINUTE": "100000", "CRM_PUBLIC_FORM_RATE_LIMIT_PER_MINUTE": "100000"},
    )
    try:
        c.prepare()
        c.start("marketing-grpc", "marketing-worker", "gateway")
        # The second replica of each: its own gRPC port, its own gateway in front of it.
        by_name = {p.name: p for p in c.config.processes()}
        grpc_port, gateway_port = free_port_block(1), free_port_block(1)
        grpc2 = by_name["marketing-grpc"]
        c.supervisor.start(Process("marketing-grpc-2", grpc2.argv, {**grpc2.env, "CRM_GRPC_PORT": str(grpc_port)}))
        worker = by_name["marketing-worker"]
        heartbeat = str(c.config.var_dir / "run" / "marketing-worker-2.heartbeat")
        c.supervisor.start(Process("marketing-worker-2", worker.argv, {**worker.env, "CRM_HEARTBEAT_FILE": heartbeat}))
        gw = by_name["gateway"]
        env2 = {**gw.env, "CRM_GATEWAY_PORT": str(gateway_port), "CRM_MARKETING_GRPC_TARGET": f"127.0.0.1:{grpc_port}"}
        c.supervisor.start(Process("gateway-2", gw.argv, env2))
        urls = [c.gateway_url, f"http://127.0.0.1:{gateway_port}"]
        c.wait_ready("marketing-grpc")
        for url in urls:
            eventually(
                lambda url=url: httpx.get(f"{url}/readyz").json()["checks"]["marketing"] == "SERVING",
                timeout=60,
                what=f"{url} with marketing behind it",
            )
        yield c, urls
    finally:
        c.close()
        vhost.close()
        database.close()


def test_round_robin_gives_each_member_an_equal_share_across_replicas(replicas):
    cluster, urls = replicas
    login = httpx.post(f"{urls[0]}/v1/auth/login", json={"username": "admin", "password": "test-admin-pw"})
    headers = {"Authorization": f"Bearer {login.json()['access_token']}"}
    with httpx.Client(base_url=urls[0], headers=headers, timeout=30) as admin:
        members = ["rep-a", "rep-b", "rep-c"]
        rule = {"name": "everyone", "target": "round_robin", "member_ids": members, "sources": ["web_form"]}
        assert admin.post("/v1/assignment-rules", json=rule).status_code == 201
        form = {
            "key": f"rr-{uuid.uuid4().hex[:8]}",
            "name": "RR",
            "fields": [{"name": "name", "required": True}, {"name": "email", "type": "email"}],
            "mapping": {"name": "contact_name", "email": "email"},
        }
        key = admin.post("/v1/forms", json=form).json()["key"]

        def submit(i: int) -> int:
            url = urls[i % 2]
            body = {"name": f"Visitor {i}", "email": f"visitor{i}@example.com"}
            reply = httpx.post(
                f"{url}/v1/public/forms/{key}/submissions",
                json=body,
                headers={"X-Forwarded-For": f"10.9.{i // 250}.{i % 250}"},
                timeout=30,
            )
            return reply.status_code

        with ThreadPoolExecutor(max_workers=16) as pool:
            statuses = list(pool.map(submit, range(LEADS)))
        assert statuses == [202] * LEADS
        leads = admin.get("/v1/leads", params={"limit": 200, "filter": 'source = "web_form"'}).json()["items"]
        shares = Counter(lead["owner_id"] or lead["previous_owner_id"] for lead in leads)
        assert len(leads) == LEADS and set(shares) == set(members)
        assert max(shares.values()) - min(shares.values()) <= 1, shares
    # gateway-2 reaches only replica 2, so each replica took half of the intakes; both still up
    for name in ("marketing-grpc", "marketing-grpc-2", "gateway-2"):
        assert cluster.supervisor.alive(name)
