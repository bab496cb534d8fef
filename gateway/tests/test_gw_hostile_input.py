"""Hostile input on every documented route: SQL/JSON injection strings in every query parameter
(`filter` and `order_by` included wherever a list declares them), path traversal in every path id
of every method, NUL characters, operator objects in JSON bodies, oversized bodies. Each is a
clear 4xx problem, never a 5xx, and the answer leaks nothing from the inside.

Routes and their parameters are read from the OpenAPI document, so routes added later are
covered without editing this file."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.routing import APIRoute

from gateway.app import create_app

pytestmark = pytest.mark.anyio

PROBLEM = "application/problem+json"
HOSTILE = [
    "' OR '1'='1",
    "1; DROP TABLE users;--",
    "1' UNION SELECT password_hash FROM users--",
    '"; DELETE FROM customers WHERE "1"="1',
    '{"$gt": ""}',
    '{"$where": "sleep(1000)"}',
    "../../etc/passwd",
    "..%2F..%2Fetc%2Fpasswd",
    "%00",
    "\u202e\u0000x",
    "\U0001f600' OR 1=1",
    "a" * 5000,
]
# Strings in the list language (`filter`, `order_by`) that try to break out of it.
LIST_LANGUAGE_HOSTILE = [
    'name = "x") OR (1=1',
    "name = x; DROP TABLE customers",
    "name = 'x' OR '1'='1'",
    'name = "x" OR 1 = 1 --',
    "custom.a'b = 1",
    "name IN (SELECT id FROM users)",
    "(" * 50 + 'name = "x"' + ")" * 50,
    "name, created_at desc; DROP TABLE customers",
    "name desc, (SELECT 1)",
    "a, b, c, d, e",
    "name asc desc",
    "1 = 1",
]
# Valid filters whose quoted value is an injection attempt: the value stays a literal the service
# binds as a parameter (checked against real SQL in tests/e2e/test_schema_driven.py).
FILTER_LITERALS = [
    'name = "x\\" OR \\"1\\" = \\"1"',
    "name = \"x' OR '1'='1\"",
    'name = "1; DROP TABLE customers;--"',
    'name : "%\\\\%_"',
]
# Inside knowledge an answer must never carry: stack traces, file paths, driver and SQL error text.
LEAKS = re.compile(
    r"Traceback|File \"|/work/|/site-packages/|\.py\b|sqlalchemy|sqlite|psycopg|OperationalError|"
    r"ProgrammingError|IntegrityError|DataError|syntax error at or near|\bSELECT\b.+\bFROM\b|"
    r"\bINSERT INTO\b|\bUPDATE\b.+\bSET\b|grpc\._|StatusCode\.|_pb2\b",
    re.IGNORECASE | re.DOTALL,
)


def _assert_clean_4xx(reply, sent: str = "") -> None:
    """A 4xx problem+json whose body, with the caller's own input taken out, says nothing inside."""
    assert 400 <= reply.status_code < 500, (reply.request.url, reply.status_code, reply.text[:500])
    assert reply.headers["content-type"] == PROBLEM, reply.headers["content-type"]
    body = reply.json()
    assert body["status"] == reply.status_code and body["code"] and body["request_id"]
    text = reply.text
    for echo in {sent, json.dumps(sent)[1:-1]} - {""}:
        text = text.replace(echo, "")
    assert not LEAKS.search(text), text[:1000]


def _operations(doc: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in doc["paths"].items():
        for method, operation in item.items():
            if method in ("get", "post", "put", "patch", "delete") and path.startswith("/v1/"):
                yield method.upper(), path, operation


def _api_routes(routes: list[Any]) -> Iterator[APIRoute]:
    """Every APIRoute of the app, through the routers it includes."""
    for route in routes:
        if isinstance(route, APIRoute):
            yield route
        elif hasattr(route, "original_router"):  # an included APIRouter (FastAPI keeps it whole)
            yield from _api_routes(route.original_router.routes)


def _resolve(doc: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = doc["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def _list_routes(doc: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """GET operations answering a page (`{"items": [...], ...}`)."""
    for method, path, operation in _operations(doc):
        content = operation["responses"].get("200", {}).get("content", {}).get("application/json", {})
        if method == "GET" and "items" in _resolve(doc, content.get("schema", {})).get("properties", {}):
            yield path, operation


def _valid(parameter: dict[str, Any]) -> str:
    schema = parameter.get("schema", {})
    schema = next((s for s in schema.get("anyOf", []) if s.get("type") != "null"), schema)
    return str(schema["enum"][0]) if "enum" in schema else "abc"


def _fill_path(path: str, operation: dict[str, Any], value: str | None = None) -> str:
    """The path with every parameter set to `value`, or to a valid-looking value when None."""
    for parameter in operation.get("parameters", []):
        if parameter["in"] == "path":
            path = path.replace("{" + parameter["name"] + "}", _valid(parameter) if value is None else value)
    return path


def _required_query(operation: dict[str, Any]) -> dict[str, str]:
    return {p["name"]: _valid(p) for p in operation.get("parameters", []) if p["in"] == "query" and p.get("required")}


async def test_every_list_route_is_enumerated_with_its_filter_parameters(client, make_settings):
    doc = (await client.get("/openapi.json")).json()
    # The document is where the tests here find routes: every /v1 route of the app is in it.
    app_routes = {
        (method, route.path)
        for route in _api_routes(create_app(make_settings()).routes)
        if route.path.startswith("/v1/")
        for method in route.methods
    }
    assert app_routes == {(m, p) for m, p, _ in _operations(doc)}
    lists = dict(_list_routes(doc))
    assert {"/v1/customers", "/v1/users", "/v1/departments", "/v1/audit-log"} <= set(lists)
    # Lists that take the list language declare it, so the tests below send hostile text in it.
    query = {p["name"] for p in lists["/v1/customers"]["parameters"] if p["in"] == "query"}
    assert {"filter", "order_by", "limit", "cursor"} <= query


async def test_injection_strings_in_every_parameter_of_every_list_route_are_4xx(client, auth):
    doc = (await client.get("/openapi.json")).json()
    checked = 0
    for path, operation in _list_routes(doc):
        target = _fill_path(path, operation)
        base = _required_query(operation)
        for parameter in (p for p in operation.get("parameters", []) if p["in"] == "query"):
            name = parameter["name"]
            extra = LIST_LANGUAGE_HOSTILE if name in ("filter", "order_by") else []
            for value in HOSTILE + extra:
                reply = await client.get(target, params={**base, name: value}, headers=auth())
                _assert_clean_4xx(reply, value)
                checked += 1
    assert checked > 300


async def test_injection_strings_quoted_in_a_filter_reach_the_service_verbatim(client, auth, upstreams):
    for value in FILTER_LITERALS:
        reply = await client.get("/v1/customers", params={"filter": value}, headers=auth())
        assert reply.status_code == 200, reply.text
        assert reply.json()["items"] == []
    sent = [call.request.filter for call in upstreams.world.calls_to("ListCustomers")]
    assert sent == FILTER_LITERALS


async def test_injection_strings_in_every_query_parameter_of_every_route_are_never_5xx(client, auth):
    """Not only lists: every GET with query parameters (explain, exports, ...)."""
    doc = (await client.get("/openapi.json")).json()
    checked = 0
    for method, path, operation in _operations(doc):
        names = [p["name"] for p in operation.get("parameters", []) if p["in"] == "query"]
        if method != "GET" or not names:
            continue
        target, base = _fill_path(path, operation), _required_query(operation)
        for name in names:
            for value in HOSTILE:
                reply = await client.get(target, params={**base, name: value}, headers=auth())
                _assert_clean_4xx(reply, value)
                checked += 1
    assert checked > 100


@pytest.mark.parametrize(
    "value",
    [
        "..",
        "..%2Fusers",
        "..%2F..%2Fetc%2Fpasswd",
        "%2e%2e%2f",
        "%252e%252e%252f",
        "..%5c..%5cwindows",
        "..;",
        "%00",
        "abc%00.json",
        "%c0%ae%c0%ae%2f",
        "\u00e9t\u00e9",
        "\u202eabc",
        "\uff0e\uff0e\uff0f",
        "a b",
        "x" * 200,
        "' OR 1=1 --",
    ],
)
async def test_path_traversal_in_ids_is_4xx_on_every_method(client, auth, value):
    # (A raw "../x" is resolved by the HTTP client itself before it is sent, so ids are encoded.)
    doc = (await client.get("/openapi.json")).json()
    checked = 0
    for method, path, operation in _operations(doc):
        if "{" not in path:
            continue
        body = {} if "requestBody" in operation else None
        reply = await client.request(method, _fill_path(path, operation, value), json=body, headers=auth())
        _assert_clean_4xx(reply, value)
        checked += 1
    assert checked > 20


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/v1/customers", {"name": {"$gt": ""}}),
        ("/v1/customers", {"name": "x", "owner_id": {"$ne": None}}),
        ("/v1/customers", {"name": "x", "__proto__": {"admin": True}}),
        ("/v1/users", {"username": "a' OR 1=1", "password": "Good-pass-2026", "display_name": "x", "roles": []}),
        ("/v1/users", {"username": "okname", "password": "Good-pass-2026", "display_name": "x", "roles": ["admin'--"]}),
        ("/v1/departments", {"name": "x", "parent_id": "../../root"}),
        ("/v1/roles", {"name": "r1; drop", "permissions": ["*"]}),
    ],
)
async def test_json_injection_in_bodies_is_400(client, auth, path, body):
    reply = await client.post(path, json=body, headers=auth())
    assert reply.status_code == 400, reply.text
    assert reply.json()["code"] == "request.invalid"
    _assert_clean_4xx(reply)


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("/v1/auth/login", {"username": "ad\u0000min", "password": "x"}, "username"),
        ("/v1/departments", {"name": "Sales\u0000East"}, "name"),
        ("/v1/positions", {"name": "\u0000"}, "name"),
        ("/v1/roles", {"name": "nulrole", "description": "a\u0000b"}, "description"),
        ("/v1/roles", {"name": "nulrole", "field_rules": [{"resource": "a", "field": "b", "access": "x\u0000"}]}, None),
        ("/v1/customers", {"name": "x", "bad\u0000key": 1}, None),
    ],
)
async def test_nul_characters_in_bodies_are_400_before_any_database(client, auth, path, body, field):
    """JSON allows \\u0000, PostgreSQL text does not: refused as invalid input (it was a 500 there)."""
    reply = await client.post(path, json=body, headers=auth())
    assert reply.status_code == 400, reply.text
    problem = reply.json()
    assert problem["code"] == "request.invalid"
    assert all(e["type"] == "string_nul" for e in problem["errors"])
    if field:
        assert [e["field"] for e in problem["errors"]] == [field]
    _assert_clean_4xx(reply)


@pytest.mark.parametrize(
    ("path", "raw"),
    [
        # Beyond int64 (a protobuf field) / the double range (a Struct number): were 500s.
        ("/v1/customers/merge", b'{"survivor_id": "a", "victim_id": "b", "survivor_version": 8383767459184039165952}'),
        ("/v1/customers", b'{"name": "x", "custom_fields": {"n": 1' + b"0" * 400 + b"}}"),
        ("/v1/customers", b'{"name": "x", "custom_fields": {"n": 1e999}}'),
        ("/v1/customers", b'{"name": "x", "custom_fields": {"n": -1e999}}'),
        # Nested past what a service parses back (protobuf's depth limit): was a 502.
        ("/v1/customers", b'{"name": "x", "custom_fields": {"n": ' + b"[" * 150 + b"]" * 150 + b"}}"),
    ],
    ids=["int-beyond-64-bits", "int-beyond-double", "float-overflow", "negative-float-overflow", "deep-nesting"],
)
async def test_numbers_and_nesting_no_field_can_hold_are_400(client, auth, upstreams, path, raw):
    reply = await client.post(path, content=raw, headers=auth(**{"Content-Type": "application/json"}))
    assert reply.status_code == 400, reply.text
    assert reply.json()["code"] == "request.invalid"
    _assert_clean_4xx(reply)
    assert upstreams.world.calls == []


@pytest.mark.parametrize("query", ["filter=name%20%3D%20%22a%00b%22", "cursor=%00", "owner_id=a%00"])
async def test_nul_characters_in_the_url_are_400(client, auth, query, upstreams):
    reply = await client.get(f"/v1/customers?{query}", headers=auth())
    assert reply.status_code == 400 and reply.json()["code"] == "request.invalid"
    _assert_clean_4xx(reply)
    assert upstreams.world.calls == [], "refused before any service call"


async def test_oversized_bodies_are_413_on_every_route_that_takes_one(make_client, auth):
    """Declared (Content-Length) and streamed (chunked) alike, before anything parses them."""
    async with make_client(CRM_MAX_BODY_BYTES="4096") as small:
        doc = (await small.get("/openapi.json")).json()
        oversized = json.dumps({"name": "x" * 5000}).encode()
        checked = 0
        for method, path, operation in _operations(doc):
            if "requestBody" not in operation:
                continue
            target = _fill_path(path, operation)
            headers = auth(**{"Content-Type": "application/json"})
            declared = await small.request(method, target, content=oversized, headers=headers)

            async def chunks():
                for start in range(0, len(oversized), 1000):
                    yield oversized[start : start + 1000]

            streamed = await small.request(method, target, content=chunks(), headers=headers)
            for reply in (declared, streamed):
                assert reply.status_code == 413, (method, path, reply.status_code, reply.text[:300])
                assert reply.json()["code"] == "request.too_large"
                _assert_clean_4xx(reply)
            checked += 1
        assert checked > 15
