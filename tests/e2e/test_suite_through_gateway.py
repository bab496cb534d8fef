"""The whole suite started by `crm up` (every process, SQLite, private vhost and ports), used through
the gateway like a client would; then stopped with Ctrl-C."""

import json
import os
import signal
import socket
import subprocess
import sys
import uuid
from pathlib import Path

import httpx
import pytest

from crm_testkit.cluster import free_port_block
from crm_testkit.infra import Vhost
from crm_testkit.wait import eventually

pytestmark = [pytest.mark.e2e, pytest.mark.integration]

PASSWORD = "e2e-admin-pw"
BIN = Path(sys.executable).parent


class Suite:
    def __init__(self, url: str, env: dict[str, str], proc: subprocess.Popen, grpc_base: int, log: Path) -> None:
        self.url, self.env, self.proc, self.grpc_base, self.log = url, env, proc, grpc_base, log

    def crm(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(BIN / "crm"), *args], env=self.env, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def suite(tmp_path_factory, redis_url):
    vhost = Vhost()
    var = tmp_path_factory.mktemp("suite") / "var"
    grpc_base, gateway_port = free_port_block(5), free_port_block(1)
    env = dict(
        os.environ,
        CRM_VAR_DIR=str(var),
        CRM_AMQP_URL=vhost.url,
        CRM_REDIS_URL=redis_url,
        CRM_REDIS_PREFIX=f"crm_e2e_{uuid.uuid4().hex[:8]}",
        CRM_GRPC_PORT_BASE=str(grpc_base),
        CRM_GATEWAY_PORT=str(gateway_port),
        CRM_ADMIN_PASSWORD=PASSWORD,
        CRM_JWT_SECRET="e2e-" + "s" * 40,
        CRM_LOGIN_RATE_LIMIT_PER_MINUTE="1000",
    )
    log = var.parent / "crm-up.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen([str(BIN / "crm"), "up", "--quiet"], env=env, stdout=out, stderr=subprocess.STDOUT)
    s = Suite(f"http://127.0.0.1:{gateway_port}", env, proc, grpc_base, log)
    try:

        def ready() -> bool:
            assert proc.poll() is None, f"crm up exited:\n{log.read_text()[-3000:]}"
            return "ready in" in log.read_text()

        eventually(ready, timeout=180, interval=0.5, what="crm up to report ready")
        yield s
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(60)
            except subprocess.TimeoutExpired:
                proc.kill()
        vhost.close()


@pytest.fixture(scope="module")
def admin(suite):
    resp = httpx.post(f"{suite.url}/v1/auth/login", json={"username": "admin", "password": PASSWORD})
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["token_type"] == "bearer" and body["access_token"] and body["refresh_token"]
    with httpx.Client(base_url=suite.url, headers={"Authorization": f"Bearer {body['access_token']}"}, timeout=10) as c:
        yield c


def _total(admin) -> int:
    return admin.get("/v1/reports/customers/summary").json()["total"]


def _count_customers(admin) -> int:
    n, cursor = 0, None
    while True:
        page = admin.get("/v1/customers", params={"limit": 200, **({"cursor": cursor} if cursor else {})}).json()
        n += len(page["items"])
        cursor = page["next_cursor"]
        if not cursor:
            return n


def test_wrong_password_is_a_problem_not_a_token(suite):
    resp = httpx.post(f"{suite.url}/v1/auth/login", json={"username": "admin", "password": "nope"})
    assert resp.status_code == 401
    assert resp.headers["content-type"].startswith("application/problem+json")
    assert "access_token" not in resp.json()


def test_created_customer_is_readable_and_reaches_the_report(admin):
    before = _total(admin)
    resp = admin.post("/v1/customers", json={"name": "E2E Trading Co", "owner_id": "u-e2e", "level": "A"})
    assert resp.status_code == 201, resp.text
    created = resp.json()
    assert resp.headers["ETag"] == '"1"' and resp.headers["Location"].endswith(created["id"])
    fetched = admin.get(f"/v1/customers/{created['id']}")
    assert fetched.status_code == 200 and fetched.headers["ETag"] == '"1"'
    # The create answer adds the soft-duplicate warnings to the record.
    assert fetched.json() == {k: v for k, v in created.items() if k != "warnings"}
    eventually(lambda: _total(admin) == before + 1, timeout=10, what="the summary to count the new customer")
    by_owner = {o["owner_id"]: o["count"] for o in admin.get("/v1/reports/customers/summary").json()["by_owner"]}
    assert by_owner["u-e2e"] == 1


def test_list_is_cursor_paginated(admin):
    before = _total(admin)
    owner = f"u-page-{uuid.uuid4().hex[:6]}"
    ids = [admin.post("/v1/customers", json={"name": f"Paged {i}", "owner_id": owner}).json()["id"] for i in range(5)]
    seen, cursor = [], None
    while True:
        page = admin.get(
            "/v1/customers", params={"owner_id": owner, "limit": 2, **({"cursor": cursor} if cursor else {})}
        )
        assert page.status_code == 200
        seen += [c["id"] for c in page.json()["items"]]
        cursor = page.json()["next_cursor"]
        if not cursor:
            break
    assert seen == list(reversed(ids))
    # Let the five events land before the next test takes its own baseline from the summary.
    eventually(lambda: _total(admin) == before + 5, timeout=10, what="the paged customers in the summary")


@pytest.mark.parametrize(
    "content, headers, status",
    [
        (json.dumps({"name": ""}), {}, 400),
        (json.dumps({"name": "   "}), {}, 400),
        ('{"name": "broken', {}, 400),
        (json.dumps({"name": "X", "colour": "blue"}), {}, 400),
        (json.dumps({"name": 42}), {}, 400),
        (json.dumps({"name": "X", "level": ["A"]}), {}, 400),
        (json.dumps({"name": "x" * (10 * 1024 * 1024)}), {}, 413),
    ],
    ids=["empty-name", "blank-name", "malformed-json", "unknown-field", "wrong-type", "wrong-type-list", "10MB-body"],
)
def test_bad_input_gets_a_problem_and_writes_nothing(admin, content, headers, status):
    customers_before, total_before = _count_customers(admin), _total(admin)
    resp = admin.post("/v1/customers", content=content, headers={"Content-Type": "application/json", **headers})
    assert resp.status_code == status
    assert resp.headers["content-type"].startswith("application/problem+json")
    problem = resp.json()
    assert problem["status"] == status and problem["code"] and problem["title"]
    assert "Traceback" not in resp.text
    assert _count_customers(admin) == customers_before
    marker = admin.post("/v1/customers", json={"name": f"Marker {uuid.uuid4().hex[:8]}", "owner_id": "u-marker"})
    assert marker.status_code == 201, marker.text
    # Once the marker arrives, any event of the bad request would have arrived too.
    eventually(lambda: _total(admin) == total_before + 1, timeout=10, what="the marker only")


def test_unknown_route_and_docs(suite, admin):
    missing = admin.get("/v1/nothing-here")
    assert missing.status_code == 404 and missing.headers["content-type"].startswith("application/problem+json")
    spec = httpx.get(f"{suite.url}/openapi.json").json()
    assert {"/v1/customers", "/v1/customers/{customer_id}", "/v1/reports/customers/summary", "/v1/auth/login"} <= set(
        spec["paths"]
    )
    assert httpx.get(f"{suite.url}/docs").status_code == 200
    ready = httpx.get(f"{suite.url}/readyz").json()
    assert ready["status"] == "ready" and set(ready["checks"]) >= {
        "customers",
        "reporting",
        "marketing",
        "sales",
        "service_desk",
    }


def test_status_seed_and_dlq_commands(suite, admin):
    status = suite.crm("status")
    assert status.returncode == 0, status.stdout + status.stderr
    assert status.stdout.count("ok") >= 16 and "DOWN" not in status.stdout
    before = _total(admin)
    seed = suite.crm("seed", "--demo", "--count", "15")
    assert seed.returncode == 0, seed.stdout + seed.stderr
    assert "customers: 15/15" in seed.stdout
    # The sales demo data was loaded too, not skipped.
    assert "sales: opportunities" in seed.stdout and "sales: skipped" not in seed.stdout
    # The marketing demo converts leads, which adds customers of its own: the read model must come
    # to hold every customer there is (at least the 15 seeded).
    eventually(
        lambda: (total := _total(admin)) >= before + 15 and total == _count_customers(admin),
        timeout=30,
        what="seeded customers in the summary",
    )
    dlq = suite.crm("dlq", "list")
    assert dlq.returncode == 0 and "0 parked message(s)" in dlq.stdout


def test_ctrl_c_stops_every_process(suite):
    suite.proc.send_signal(signal.SIGINT)
    assert suite.proc.wait(60) == 0
    log = suite.log.read_text()
    assert "crm stopped" in log

    def port_closed(port: int) -> bool:
        with socket.socket() as s:
            return s.connect_ex(("127.0.0.1", port)) != 0

    for port in [*range(suite.grpc_base, suite.grpc_base + 5), int(suite.env["CRM_GATEWAY_PORT"])]:
        assert port_closed(port), f"port {port} still open after stop"
