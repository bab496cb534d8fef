"""Live notifications across two gateway replicas (issue 9): a customer transferred to a rep, and
a work order assigned to the technician the rep signs in as, through gateway A reach that rep's
Server-Sent Events stream open on gateway B (the notice is announced on the user's Redis
channel); the notice is in the rep's inbox on either replica, once, and is marked read; a
malformed message on the gateway's queue is parked, not dropped; another user's stream hears
nothing of it."""

from __future__ import annotations

import json
import queue
import threading
import uuid

import httpx
import pika
import pytest

from crm_runner.suite import Process
from crm_testkit.cluster import Cluster, free_port_block
from crm_testkit.wait import eventually

pytestmark = [pytest.mark.e2e, pytest.mark.integration]

SERVICES = ("customers", "service-desk")
PROCS = (*(f"{service}-{kind}" for service in SERVICES for kind in ("grpc", "worker", "relay")), "gateway")
PASSWORD = "notify-me-2026"


@pytest.fixture(scope="module")
def cluster(tmp_path_factory, redis_url):
    from crm_testkit.infra import Vhost

    vhost = Vhost()
    c = Cluster(
        tmp_path_factory.mktemp("notify") / "var",
        vhost.url,
        redis_url,
        f"crm_notify_{uuid.uuid4().hex[:8]}",
        extra_env={"CRM_RATE_LIMIT_PER_MINUTE": "100000"},
    )
    try:
        c.prepare()
        c.start(*PROCS)
        # Replica B: the same gateway on another port, consuming nothing (only A reads the bus).
        a = next(p for p in c.config.processes() if p.name == "gateway")
        port = free_port_block(1)
        env = {**a.env, "CRM_GATEWAY_PORT": str(port), "CRM_GATEWAY_NOTIFICATIONS": "off"}
        c.supervisor.start(Process("gateway-b", a.argv, env))
        c.gateway_b_url = f"http://127.0.0.1:{port}"
        c.wait_ready("customers-grpc", "service-desk-grpc")
        for url in (c.gateway_url, c.gateway_b_url):
            eventually(lambda url=url: httpx.get(f"{url}/healthz").status_code == 200, timeout=60, what=f"{url} up")
        yield c
    finally:
        c.close()
        vhost.close()


def _login(url: str, username: str, password: str) -> dict[str, str]:
    reply = httpx.post(f"{url}/v1/auth/login", json={"username": username, "password": password})
    assert reply.status_code == 200, reply.text
    return {"Authorization": f"Bearer {reply.json()['access_token']}"}


@pytest.fixture(scope="module")
def people(cluster):
    admin = _login(cluster.gateway_url, "admin", "test-admin-pw")
    out = {"admin": admin}
    for key in ("rep", "other"):
        username = f"{key}-{uuid.uuid4().hex[:6]}"
        body = {"username": username, "password": PASSWORD, "display_name": key, "roles": ["sales_rep"]}
        made = httpx.post(f"{cluster.gateway_url}/v1/users", json=body, headers=admin)
        assert made.status_code == 201, made.text
        out[f"{key}_id"] = made.json()["id"]
        out[key] = _login(cluster.gateway_url, username, PASSWORD)
    return out


class Stream:
    """An SSE client in a thread: every `event: notification` data line lands in `events`."""

    def __init__(self, url: str, headers: dict[str, str]) -> None:
        self.events: queue.Queue[dict] = queue.Queue()
        self.connected = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(url, headers), daemon=True)
        self._thread.start()

    def _run(self, url: str, headers: dict[str, str]) -> None:
        try:
            with (
                httpx.Client(timeout=httpx.Timeout(5, read=30)) as client,
                client.stream("GET", f"{url}/v1/notifications/stream", headers=headers) as reply,
            ):
                assert reply.status_code == 200 and reply.headers["content-type"].startswith("text/event-stream")
                event = ""
                for line in reply.iter_lines():
                    if self._stop.is_set():
                        return
                    if line.startswith(": connected"):
                        self.connected.set()
                    elif line.startswith("event: "):
                        event = line[7:]
                    elif line.startswith("data: ") and event == "notification":
                        self.events.put(json.loads(line[6:]))
        except httpx.HTTPError:
            if not self._stop.is_set():
                raise

    def close(self) -> None:
        """Stop reading (the next heartbeat or event ends the thread; the test does not wait)."""
        self._stop.set()


def test_a_transfer_through_replica_a_reaches_the_stream_on_replica_b(cluster, people):
    mine = Stream(cluster.gateway_b_url, people["rep"])
    theirs = Stream(cluster.gateway_b_url, people["other"])
    try:
        assert mine.connected.wait(10) and theirs.connected.wait(10)
        admin = people["admin"]
        made = httpx.post(
            f"{cluster.gateway_url}/v1/customers", json={"name": f"Notify Co {uuid.uuid4().hex[:6]}"}, headers=admin
        )
        assert made.status_code == 201, made.text
        customer = made.json()
        moved = httpx.post(
            f"{cluster.gateway_url}/v1/customers/{customer['id']}/transfer",
            json={"owner_id": people["rep_id"], "reason": "territory"},
            headers=admin,
        )
        assert moved.status_code == 200, moved.text
        notice = mine.events.get(timeout=20)
        assert notice["kind"] == "assignment" and customer["name"] in notice["body"]
        assert notice["link"] == f"/v1/customers/{customer['id']}"
        assert theirs.events.empty()
    finally:
        mine.close()
        theirs.close()

    # The inbox holds it once, on either replica; marking it read empties the unread list.
    inbox = httpx.get(
        f"{cluster.gateway_b_url}/v1/notifications", params={"unread": "true"}, headers=people["rep"]
    ).json()
    assert [n["id"] for n in inbox["items"]] == [notice["id"]] and inbox["unread"] == 1
    read = httpx.post(f"{cluster.gateway_url}/v1/notifications/{notice['id']}/read", headers=people["rep"])
    assert read.status_code == 204
    assert httpx.get(f"{cluster.gateway_url}/v1/notifications", headers=people["rep"]).json()["unread"] == 0
    # Another user cannot mark it, and sees none of it.
    foreign = httpx.post(f"{cluster.gateway_url}/v1/notifications/{notice['id']}/read", headers=people["other"])
    assert foreign.status_code == 404
    assert httpx.get(f"{cluster.gateway_url}/v1/notifications", headers=people["other"]).json()["items"] == []


def test_a_malformed_message_is_parked_in_the_dead_letter_queue(cluster):
    queue_name = "evt-customers-customer_owner_changed--gateway.notify"
    connection = pika.BlockingConnection(pika.URLParameters(cluster.config.amqp_url))
    try:
        channel = connection.channel()
        channel.basic_publish("", queue_name, b"{not an envelope")

        def parked() -> bool:
            return channel.queue_declare(f"{queue_name}.dlq", passive=True).method.message_count >= 1

        eventually(parked, timeout=20, what="the poison message parked")
    finally:
        connection.close()


def test_a_work_order_assignment_reaches_the_technicians_stream_on_the_other_replica(cluster, people):
    admin, a, b = people["admin"], cluster.gateway_url, cluster.gateway_b_url
    tech = httpx.post(
        f"{a}/v1/technicians",
        json={
            "name": f"Tech {uuid.uuid4().hex[:6]}",
            "team": "field",
            "skills": ["repair"],
            "user_id": people["rep_id"],
        },
        headers=admin,
    )
    assert tech.status_code == 201, tech.text
    made = httpx.post(f"{a}/v1/customers", json={"name": f"Broken Co {uuid.uuid4().hex[:6]}"}, headers=admin)
    assert made.status_code == 201, made.text

    def opened() -> dict | None:
        body = {"type": "repair", "customer_id": made.json()["id"], "description": "It hums"}
        reply = httpx.post(f"{a}/v1/work-orders", json=body, headers=admin)
        return reply.json() if reply.status_code == 201 else None

    work_order = eventually(opened, timeout=30, what="the service desk to learn the customer")
    stream = Stream(b, people["rep"])
    try:
        assert stream.connected.wait(10)
        assigned = httpx.post(
            f"{a}/v1/work-orders/{work_order['id']}/assign", json={"technician_id": tech.json()["id"]}, headers=admin
        )
        assert assigned.status_code == 200, assigned.text
        notice = stream.events.get(timeout=20)
        assert (notice["kind"], notice["link"]) == ("assignment", f"/v1/work-orders/{work_order['id']}")
    finally:
        stream.close()
