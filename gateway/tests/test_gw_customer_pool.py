"""The customer pool routes through the gateway, against the in-process fake customers service."""

from __future__ import annotations

import pytest

from crm.customers.v1 import customers_service_pb2 as cpb

pytestmark = pytest.mark.anyio


def _pooled(upstreams, customer_id="pool-1"):
    customer = cpb.Customer(
        id=customer_id,
        name="Acme Ltd",
        owner_id="",
        version=3,
        phone="13800001234",
        phones=["13800001234"],
        email="buyer@acme.example",
        emails=["buyer@acme.example"],
    )
    with upstreams.world.lock:
        upstreams.world.customers.append(customer)
    return customer


async def test_the_pool_masks_phones_and_emails_even_for_an_admin(client, auth, upstreams):
    _pooled(upstreams)
    reply = await client.get("/v1/customer-pool", headers=auth())
    assert reply.status_code == 200, reply.text
    [item] = reply.json()["items"]
    assert item["contact_details_masked"] is True
    assert item["phone"] == "138****1234" and item["phones"] == ["138****1234"]
    assert item["email"] == "b***@acme.example"


async def test_the_pool_refuses_filtering_on_masked_fields(client, auth):
    reply = await client.get("/v1/customer-pool", params={"filter": 'phone = "13800001234"'}, headers=auth())
    assert reply.status_code == 400 and reply.json()["code"] == "filter.field_masked"


async def test_claim_forwards_the_caller_and_answers_the_customer(client, auth, upstreams, users):
    _pooled(upstreams)
    reply = await client.post("/v1/customers/pool-1/claim", headers=auth())
    assert reply.status_code == 200, reply.text
    assert reply.json()["owner_id"] == users["admin"].id and reply.headers["etag"] == '"4"'
    [call] = upstreams.world.calls_to("ClaimCustomers")
    assert list(call.request.customer_ids) == ["pool-1"]
    again = await client.post("/v1/customer-pool/claim", json={"customer_ids": ["pool-1"]}, headers=auth())
    assert again.status_code == 409 and again.json()["code"] == "pool.not_in_pool"


async def test_bad_bodies_are_refused_before_the_service(client, auth, upstreams):
    empty = await client.post("/v1/customer-pool/claim", json={"customer_ids": []}, headers=auth())
    assert empty.status_code == 400
    bad_time = await client.post("/v1/customer-pool/sweep", json={"as_of": "yesterday"}, headers=auth())
    assert bad_time.status_code == 400 and bad_time.json()["code"] == "request.as_of_invalid"
    naive = await client.post("/v1/customer-pool/sweep", json={"as_of": "2026-01-01T00:00:00"}, headers=auth())
    assert naive.status_code == 400
    assert upstreams.world.calls_to("ClaimCustomers") == []
