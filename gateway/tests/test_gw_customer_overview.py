"""The fan-out of the customer 360 view against fake services: a slow service's sections answer
`unavailable` (reason `deadline`) while the others are returned; each section asks for the
customer's records only (sections outside the caller's permissions: tests/e2e/test_customer_360)."""

from __future__ import annotations

import threading

import pytest

pytestmark = pytest.mark.anyio


async def _customer(client, auth) -> str:
    made = await client.post("/v1/customers", json={"name": "Fan Out Co", "phone": "13700001111"}, headers=auth())
    assert made.status_code == 201, made.text
    return made.json()["id"]


async def test_a_slow_service_marks_its_sections_unavailable_and_the_rest_answers(make_client, auth, upstreams):
    async with make_client(CRM_GATEWAY_FANOUT_DEADLINE_SECONDS="0.3") as client:
        customer_id = await _customer(client, auth)
        upstreams.world.slow = threading.Event()  # the fake sales service holds every call
        try:
            reply = await client.get(f"/v1/customers/{customer_id}/overview", headers=auth())
        finally:
            upstreams.world.slow.set()
    assert reply.status_code == 200, reply.text
    sections = reply.json()["sections"]
    assert sections["contacts"]["status"] == "ok" and sections["activities"]["status"] == "ok"
    for name in ("opportunities", "quotes", "orders", "contracts", "receivables"):
        assert (sections[name]["status"], sections[name]["reason"]) == ("unavailable", "deadline"), name


async def test_each_section_is_read_with_its_modules_scope(client, auth, upstreams):
    customer_id = await _customer(client, auth)
    before = len(upstreams.world.calls_to("ListOpportunities"))
    reply = await client.get(f"/v1/customers/{customer_id}/overview", headers=auth())
    assert reply.status_code == 200, reply.text
    [call] = upstreams.world.calls_to("ListOpportunities")[before:]
    assert f'customer_id = "{customer_id}"' in call.request.options.filter
    assert (
        reply.json()["sections"]["opportunities"]["link"] == f"/v1/opportunities?customer_id={customer_id}&status=open"
    )
