"""A service process down degrades its routes to 503 + Retry-After within the deadline; the rest works."""

import httpx
import pytest

from crm_testkit.cluster import Cluster
from crm_testkit.wait import eventually

pytestmark = [pytest.mark.fault, pytest.mark.integration]

PROCS = ("customers-grpc", "reporting-grpc", "gateway")


@pytest.fixture
def cluster(tmp_path, private_vhost, redis_url, redis_prefix):
    c = Cluster(
        tmp_path / "var", private_vhost.url, redis_url, redis_prefix, extra_env={"CRM_GATEWAY_DEADLINE_SECONDS": "2"}
    )
    c.prepare()
    c.start(*PROCS)
    c.wait_ready(*PROCS[:2])
    eventually(lambda: httpx.get(f"{c.gateway_url}/healthz").status_code == 200, timeout=60, what="gateway up")
    yield c
    c.close()


def test_stopped_service_gives_503_with_retry_after_and_others_keep_working(cluster):
    login = httpx.post(f"{cluster.gateway_url}/v1/auth/login", json={"username": "admin", "password": "test-admin-pw"})
    assert login.status_code == 200, login.text
    client = httpx.Client(
        base_url=cluster.gateway_url, timeout=15, headers={"Authorization": f"Bearer {login.json()['access_token']}"}
    )
    assert client.post("/v1/customers", json={"name": "Before the outage"}).status_code == 201

    cluster.stop("customers-grpc")
    # A gateway that hangs instead of answering fails here with the client's read timeout.
    down = client.get("/v1/customers")
    assert down.status_code == 503
    assert down.headers["content-type"].startswith("application/problem+json")
    assert int(down.headers["Retry-After"]) > 0
    assert down.json()["code"] == "upstream.unavailable"
    assert client.post("/v1/customers", json={"name": "During the outage"}).status_code == 503

    # Other routes are unaffected, and readiness names the missing service.
    assert client.get("/v1/reports/customers/summary").status_code == 200
    ready = httpx.get(f"{cluster.gateway_url}/readyz")
    assert ready.status_code == 503 and ready.json()["checks"]["customers"] != "SERVING"

    cluster.start("customers-grpc")
    eventually(lambda: client.get("/v1/customers").status_code == 200, timeout=30, what="recovery")
    names = [c["name"] for c in client.get("/v1/customers").json()["items"]]
    assert names == ["Before the outage"], "a refused create must have written nothing"
