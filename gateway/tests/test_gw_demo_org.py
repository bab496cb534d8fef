"""`crm seed --demo` (runner/src/crm_runner/seed.py) against a real gateway server (uvicorn on a
free port, fake services): the demo organisation is created once, every demo user signs in with
the documented password and holds the documented role, and the demo customers belong to the
demo sales people."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
import uvicorn

from crm_runner.seed import CUSTOMER_OWNERS, DEMO_DEPARTMENTS, DEMO_PASSWORD, DEMO_USERS, seed_demo
from gateway.app import create_app
from gateway.config import load_settings


@pytest.fixture
def gateway_url(base_env, users) -> Iterator[str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    app = create_app(load_settings(base_env))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "gateway did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


def test_seed_builds_the_demo_organisation_once(gateway_url, users, upstreams):
    lines: list[str] = []
    assert seed_demo(gateway_url, "admin", users["admin"].password, 5, echo=lines.append) == 5
    assert seed_demo(gateway_url, "admin", users["admin"].password, 3, echo=lines.append) == 3
    assert lines[0] == f"  departments: {len(DEMO_DEPARTMENTS)}" and DEMO_PASSWORD in lines[1]
    assert "  customers: 5/5" in lines and "  customers: 3/3" in lines
    with httpx.Client(base_url=gateway_url, timeout=10) as client:
        token = client.post("/v1/auth/login", json={"username": "admin", "password": users["admin"].password})
        client.headers["Authorization"] = f"Bearer {token.json()['access_token']}"
        listed = client.get("/v1/users", params={"limit": 200}).json()["items"]
        demo = {u["username"]: u for u in listed if u["username"] in DEMO_USERS}
        assert set(demo) == set(DEMO_USERS)  # created once, reused on the second run
        names = {d["id"]: d["name"] for d in client.get("/v1/departments", params={"limit": 200}).json()["items"]}
        for username, (_, role, dept) in DEMO_USERS.items():
            assert demo[username]["roles"] == [role]
            expected = DEMO_DEPARTMENTS[dept][0] if dept else None
            assert names.get(demo[username]["department_id"]) == expected
            login = client.post("/v1/auth/login", json={"username": username, "password": DEMO_PASSWORD})
            assert login.status_code == 200, username
    # Customers released to the pool have no owner; every other one belongs to a demo seller.
    owners = {c.owner_id for c in upstreams.world.customers} - {""}
    assert owners and owners <= {demo[name]["id"] for name in CUSTOMER_OWNERS}
