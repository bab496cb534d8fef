"""The customers slice through the gateway, against real in-process gRPC servers."""

from __future__ import annotations

import json
import re
import threading
import uuid

import anyio
import pytest

pytestmark = pytest.mark.anyio

PROBLEM = "application/problem+json"
ISO_UTC = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$")


async def _create(client, headers, **fields):
    body = {"name": "Acme Ltd", **fields}
    return await client.post("/v1/customers", json=body, headers=headers)


def _assert_problem(reply, status, code):
    assert reply.status_code == status, reply.text
    assert reply.headers["content-type"] == PROBLEM
    body = reply.json()
    assert body["status"] == status
    assert body["code"] == code
    assert body["type"] == f"urn:crm:problem:{code}"
    assert body["title"] and body["detail"] and body["instance"]
    assert body["request_id"] == reply.headers["x-request-id"]
    return body


async def test_create_answers_201_with_etag_location_and_the_customer(client, auth, users):
    reply = await _create(client, auth(), level="A", phone="13800001234")
    assert reply.status_code == 201, reply.text
    body = reply.json()
    assert reply.headers["etag"] == '"1"'
    assert reply.headers["location"] == f"/v1/customers/{body['id']}"
    assert body["name"] == "Acme Ltd"
    assert body["owner_id"] == users["admin"].id
    assert body["created_by"] == users["admin"].id
    assert body["level"] == "A" and body["phone"] == "13800001234"
    assert body["industry"] is None and body["email"] is None
    assert body["version"] == 1 and isinstance(body["version"], int)
    assert ISO_UTC.match(body["created_at"]) and ISO_UTC.match(body["updated_at"])
    # Every documented field is present (null when unset), plus the soft-duplicate warnings.
    from gateway.representations.customers import CustomerSaved

    assert set(body) == set(CustomerSaved.model_fields)
    assert body["warnings"] == [] and body["custom_fields"] == {} and body["locked"] is False


async def test_get_returns_the_customer_with_etag_and_honours_if_none_match(client, auth):
    created = (await _create(client, auth())).json()
    url = f"/v1/customers/{created['id']}"
    reply = await client.get(url, headers=auth())
    assert reply.status_code == 200
    assert reply.json() == {k: v for k, v in created.items() if k != "warnings"}
    assert reply.headers["etag"] == '"1"'
    not_modified = await client.get(url, headers=auth(**{"If-None-Match": '"1"'}))
    assert not_modified.status_code == 304
    assert not_modified.content == b""
    assert not_modified.headers["etag"] == '"1"'
    changed = await client.get(url, headers=auth(**{"If-None-Match": '"7", W/"8"'}))
    assert changed.status_code == 200


async def test_get_unknown_customer_is_404_with_the_service_code(client, auth):
    body = _assert_problem(await client.get("/v1/customers/does-not-exist", headers=auth()), 404, "customer.not_found")
    assert "does-not-exist" in body["detail"]


async def test_get_with_an_id_of_forbidden_characters_is_400(client, auth, upstreams):
    _assert_problem(await client.get("/v1/customers/a%20b;drop", headers=auth()), 400, "request.invalid")
    assert upstreams.world.calls_to("GetCustomer") == []


async def test_list_pages_through_customers_passing_the_cursor_through(client, auth, upstreams):
    for n in range(5):
        await _create(client, auth(), name=f"Customer {n}")
    first = await client.get("/v1/customers", params={"limit": 2}, headers=auth())
    assert first.status_code == 200
    page = first.json()
    assert [c["name"] for c in page["items"]] == ["Customer 4", "Customer 3"]
    assert page["next_cursor"]
    second = await client.get("/v1/customers", params={"limit": 2, "cursor": page["next_cursor"]}, headers=auth())
    assert [c["name"] for c in second.json()["items"]] == ["Customer 2", "Customer 1"]
    last = await client.get(
        "/v1/customers", params={"limit": 2, "cursor": second.json()["next_cursor"]}, headers=auth()
    )
    assert [c["name"] for c in last.json()["items"]] == ["Customer 0"]
    assert last.json()["next_cursor"] is None
    sent = upstreams.world.calls_to("ListCustomers")
    assert [(c.request.page.limit, c.request.page.cursor) for c in sent] == [
        (2, ""),
        (2, page["next_cursor"]),
        (2, second.json()["next_cursor"]),
    ]


async def test_list_defaults_and_owner_filter(client, auth, users, upstreams):
    await _create(client, auth())
    await _create(client, auth(), owner_id=users["rep1"].id)
    reply = await client.get("/v1/customers", params={"owner_id": users["rep1"].id}, headers=auth())
    assert [c["owner_id"] for c in reply.json()["items"]] == [users["rep1"].id]
    await client.get("/v1/customers", headers=auth())
    assert upstreams.world.calls_to("ListCustomers")[-1].request.page.limit == 50


async def test_a_cursor_refused_by_the_service_names_the_query_field(client, auth):
    reply = await client.get("/v1/customers", params={"cursor": "not-a-cursor"}, headers=auth())
    body = _assert_problem(reply, 400, "page.cursor_invalid")
    assert body["errors"] == [
        {
            "field": "cursor",
            "location": "query",
            "message": "cursor is not valid",
            "type": "page.cursor_invalid",
        }
    ]


@pytest.mark.parametrize(
    "params",
    [{"limit": 0}, {"limit": 201}, {"limit": "ten"}, {"cursor": ""}, {"owner_id": "a b"}, {"colour": "red"}],
)
async def test_list_rejects_bad_query_parameters(client, auth, upstreams, params):
    body = _assert_problem(await client.get("/v1/customers", params=params, headers=auth()), 400, "request.invalid")
    assert body["errors"] and body["errors"][0]["location"] == "query"
    assert body["errors"][0]["field"] == next(iter(params))
    assert upstreams.world.calls_to("ListCustomers") == []


async def test_summary_counts_by_owner(client, auth, users):
    await _create(client, auth())
    await _create(client, auth(), owner_id=users["rep1"].id)
    await _create(client, auth(), owner_id=users["rep1"].id)
    reply = await client.get("/v1/reports/customers/summary", headers=auth())
    assert reply.status_code == 200
    body = reply.json()
    assert body["total"] == 3
    assert sorted((r["owner_id"], r["count"]) for r in body["by_owner"]) == sorted(
        [(users["admin"].id, 1), (users["rep1"].id, 2)]
    )
    assert ISO_UTC.match(body["as_of"])


async def test_summary_of_an_empty_read_model(client, auth):
    reply = await client.get("/v1/reports/customers/summary", headers=auth())
    assert reply.json() == {"total": 0, "by_owner": [], "as_of": None}


async def test_identity_metadata_is_forwarded(client, auth, users, upstreams):
    ids = {"X-Request-ID": "req-123", "X-Correlation-ID": "corr-456"}
    await _create(client, auth("admin", **ids))
    await _create(client, auth("rep1"))
    admin_call, rep_call = upstreams.world.calls_to("CreateCustomer")
    assert admin_call.metadata["x-crm-user-id"] == users["admin"].id
    assert admin_call.metadata["x-crm-roles"] == "admin"
    assert "x-crm-visible-owners" not in admin_call.metadata
    assert admin_call.metadata["x-request-id"] == "req-123"
    assert admin_call.metadata["x-correlation-id"] == "corr-456"
    assert rep_call.metadata["x-crm-user-id"] == users["rep1"].id
    assert rep_call.metadata["x-crm-roles"] == "sales_rep"
    assert rep_call.metadata["x-crm-visible-owners"] == users["rep1"].id
    assert rep_call.metadata["x-request-id"] and rep_call.metadata["x-correlation-id"]


async def test_a_sales_rep_sees_only_their_own_customers(client, auth, users):
    await _create(client, auth())
    mine = (await _create(client, auth("rep1"))).json()
    assert mine["owner_id"] == users["rep1"].id
    listed = (await client.get("/v1/customers", headers=auth("rep1"))).json()["items"]
    assert [c["id"] for c in listed] == [mine["id"]]
    summary = (await client.get("/v1/reports/customers/summary", headers=auth("rep1"))).json()
    assert summary["total"] == 1


async def test_a_sales_rep_cannot_create_for_another_owner(client, auth, users, upstreams):
    reply = await _create(client, auth("rep1"), owner_id=users["rep2"].id)
    _assert_problem(reply, 403, "customers.owner_out_of_scope")
    assert upstreams.world.calls_to("CreateCustomer") == []


async def test_a_user_without_the_permission_is_403(client, auth, upstreams):
    _assert_problem(await _create(client, auth("guest")), 403, "permission.denied")
    _assert_problem(await client.get("/v1/customers", headers=auth("guest")), 403, "permission.denied")
    assert upstreams.world.calls == []


async def test_request_ids_are_echoed(client, auth):
    reply = await client.get("/v1/customers", headers=auth(**{"X-Request-ID": "abc-1"}))
    assert reply.headers["x-request-id"] == "abc-1"
    assert reply.headers["x-correlation-id"] == "abc-1"
    generated = await client.get("/v1/customers", headers=auth(**{"X-Request-ID": "bad id with spaces"}))
    assert re.fullmatch(r"[0-9a-f]{32}", generated.headers["x-request-id"])


# ------------------------------------------------------------------ bad input


async def test_blank_name_is_refused_by_the_service_as_400_with_its_code(client, auth, upstreams):
    body = _assert_problem(await _create(client, auth(), name="   "), 400, "customer.name_required")
    assert body["detail"] == "A customer needs a name."
    assert body["errors"] == [
        {
            "field": "name",
            "location": "body",
            "message": "A customer needs a name.",
            "type": "customer.name_required",
        }
    ]
    assert len(upstreams.world.calls_to("CreateCustomer")) == 1
    assert upstreams.world.customers == []


async def test_malformed_json_is_400(client, auth, upstreams):
    headers = auth(**{"Content-Type": "application/json"})
    for raw in (b'{"name": ', b"", b"[1, 2", b'{"name": NaN}', b"\xff\xfe"):
        _assert_problem(await client.post("/v1/customers", content=raw, headers=headers), 400, "request.malformed_json")
    assert upstreams.world.calls == []


async def test_unknown_field_is_400_naming_it(client, auth, upstreams):
    body = _assert_problem(await _create(client, auth(), nickname="ACME"), 400, "request.invalid")
    assert body["errors"] == [
        {
            "field": "nickname",
            "location": "body",
            "message": "Extra inputs are not permitted",
            "type": "extra_forbidden",
        }
    ]
    assert upstreams.world.calls == []


async def test_wrong_types_are_400_per_field(client, auth, upstreams):
    reply = await client.post("/v1/customers", json={"name": 42, "level": ["A"], "phone": 138}, headers=auth())
    body = _assert_problem(reply, 400, "request.invalid")
    assert sorted(e["field"] for e in body["errors"]) == ["level", "name", "phone"]
    not_object = await client.post("/v1/customers", json=["Acme"], headers=auth())
    _assert_problem(not_object, 400, "request.invalid")
    missing = await client.post("/v1/customers", json={}, headers=auth())
    assert _assert_problem(missing, 400, "request.invalid")["errors"][0]["type"] == "missing"
    assert upstreams.world.calls == []


async def test_non_json_media_type_is_415(client, auth, upstreams):
    reply = await client.post("/v1/customers", content=b"name=Acme", headers=auth(**{"Content-Type": "text/plain"}))
    _assert_problem(reply, 415, "request.unsupported_media_type")
    assert upstreams.world.calls == []


async def test_ten_megabyte_body_is_413_without_reaching_the_service(client, auth, upstreams):
    payload = json.dumps({"name": "x" * (10 * 1024 * 1024)}).encode()
    reply = await client.post("/v1/customers", content=payload, headers=auth(**{"Content-Type": "application/json"}))
    _assert_problem(reply, 413, "request.too_large")
    assert upstreams.world.calls == []


async def test_streamed_oversized_body_is_cut_off_early(client, auth, upstreams):
    chunk = b"x" * (64 * 1024)
    sent = 0

    async def body():  # no Content-Length: chunked, counted as it arrives
        nonlocal sent
        yield b'{"name": "'
        for _ in range(160):  # 10 MiB in total if fully read
            sent += len(chunk)
            yield chunk
        yield b'"}'

    reply = await client.post("/v1/customers", content=body(), headers=auth(**{"Content-Type": "application/json"}))
    _assert_problem(reply, 413, "request.too_large")
    assert sent <= 1024 * 1024 + 2 * len(chunk)  # reading stopped just past the 1 MiB limit
    assert upstreams.world.calls == []


async def test_unauthenticated_requests_are_refused_before_the_body_is_read(client, upstreams):
    reply = await client.post("/v1/customers", content=b'{"name": ', headers={"Content-Type": "application/json"})
    _assert_problem(reply, 401, "auth.required")
    assert upstreams.world.calls == []


async def test_upstream_internal_errors_are_502_without_leaking_details(client, auth):
    reply = await _create(client, auth(), name="boom")
    body = _assert_problem(reply, 502, "upstream.error")
    assert "secret" not in reply.text and "Traceback" not in reply.text
    assert body["detail"] == "The customers service failed to handle the request."


# ------------------------------------------------------------------ idempotency


async def test_idempotency_key_replays_the_first_response(client, auth, upstreams):
    headers = auth(**{"Idempotency-Key": f"k-{uuid.uuid4()}"})
    first = await _create(client, headers, name="Once Only")
    again = await _create(client, headers, name="Once Only")
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["etag"] == first.headers["etag"]
    assert again.headers["location"] == first.headers["location"]
    assert again.headers["idempotency-replayed"] == "true"
    assert "idempotency-replayed" not in first.headers
    assert len(upstreams.world.calls_to("CreateCustomer")) == 1


async def test_idempotency_key_reused_with_another_body_is_422(client, auth, upstreams):
    headers = auth(**{"Idempotency-Key": f"k-{uuid.uuid4()}"})
    assert (await _create(client, headers, name="First")).status_code == 201
    _assert_problem(await _create(client, headers, name="Second"), 422, "idempotency.key_reused")
    assert len(upstreams.world.calls_to("CreateCustomer")) == 1


async def test_idempotency_keys_are_per_user(client, auth, upstreams):
    key = {"Idempotency-Key": f"k-{uuid.uuid4()}"}
    assert (await _create(client, auth("rep1", **key))).status_code == 201
    again = await _create(client, auth("rep2", **key))
    assert again.status_code == 201 and "idempotency-replayed" not in again.headers
    assert len(upstreams.world.calls_to("CreateCustomer")) == 2


async def test_failed_requests_are_not_replayed(client, auth, upstreams):
    headers = auth(**{"Idempotency-Key": f"k-{uuid.uuid4()}"})
    _assert_problem(await _create(client, headers, name="   "), 400, "customer.name_required")
    _assert_problem(await _create(client, headers, name="   "), 400, "customer.name_required")
    assert len(upstreams.world.calls_to("CreateCustomer")) == 2


async def test_invalid_idempotency_key_is_400(client, auth, upstreams):
    _assert_problem(await _create(client, auth(**{"Idempotency-Key": "k" * 300})), 400, "idempotency.invalid_key")
    assert upstreams.world.calls == []


async def test_a_repeat_while_the_first_is_running_is_409_in_progress(client, auth, upstreams):
    upstreams.world.slow = threading.Event()  # the fake service holds CreateCustomer until released
    headers = auth(**{"Idempotency-Key": f"k-{uuid.uuid4()}"})
    replies = {}

    async def first():
        replies["first"] = await _create(client, headers, name="Slow")

    async with anyio.create_task_group() as tasks:
        tasks.start_soon(first)
        with anyio.fail_after(2):  # wait for the effect: the first call reached the service
            while not upstreams.world.calls_to("CreateCustomer"):
                await anyio.sleep(0.005)
        replies["second"] = await _create(client, headers, name="Slow")
        upstreams.world.slow.set()
    second = _assert_problem(replies["second"], 409, "idempotency.in_progress")
    assert second and replies["second"].headers["retry-after"] == "1"
    assert replies["first"].status_code == 201
    assert len(upstreams.world.calls_to("CreateCustomer")) == 1
