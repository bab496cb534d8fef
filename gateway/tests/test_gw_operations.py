"""Probes, degradation, rate limits, OpenAPI, metrics and the error envelope of the gateway itself."""

from __future__ import annotations

import json
import re
import threading
import time

import pytest
from fastapi import APIRouter

from gateway.app import create_app

pytestmark = pytest.mark.anyio

PROBLEM = "application/problem+json"
UPSTREAMS = ("customers", "marketing", "sales", "service_desk", "reporting")


async def test_healthz_is_always_200(client):
    reply = await client.get("/healthz")
    assert reply.status_code == 200 and reply.json() == {"status": "alive"}


async def test_readyz_reports_every_upstream_redis_and_database(client):
    reply = await client.get("/readyz")
    assert reply.status_code == 200, reply.text
    assert reply.json() == {
        "status": "ready",
        "checks": {**dict.fromkeys(UPSTREAMS, "SERVING"), "redis": "ok", "database": "ok"},
    }


async def test_readyz_reflects_an_upstream_not_serving(client, upstreams):
    upstreams.set_health("marketing", False)
    reply = await client.get("/readyz")
    assert reply.status_code == 503
    body = reply.json()
    assert body["status"] == "degraded"
    assert body["checks"]["marketing"] == "NOT_SERVING"
    assert body["checks"]["customers"] == "SERVING"


async def test_stopped_upstream_gives_503_with_retry_after_quickly(make_client, auth, dead_target):
    async with make_client(CRM_CUSTOMERS_GRPC_TARGET=dead_target) as client:
        started = time.monotonic()
        reply = await client.post("/v1/customers", json={"name": "Acme"}, headers=auth())
        elapsed = time.monotonic() - started
        assert reply.status_code == 503
        assert reply.headers["content-type"] == PROBLEM
        assert int(reply.headers["retry-after"]) > 0
        assert reply.json()["code"] == "upstream.unavailable"
        assert dead_target not in reply.text  # no internal addresses in the answer
        assert elapsed < 2  # well within the 2 s deadline: no hang
        ready = await client.get("/readyz")
        assert ready.status_code == 503
        assert ready.json()["checks"]["customers"] == "UNAVAILABLE"


async def test_slow_upstream_hits_the_deadline_as_504(make_client, auth, upstreams):
    upstreams.world.slow = threading.Event()
    async with make_client(CRM_GATEWAY_DEADLINE_SECONDS="0.3") as client:
        reply = await client.post("/v1/customers", json={"name": "Slowpoke"}, headers=auth())
    upstreams.world.slow.set()
    assert reply.status_code == 504
    assert reply.json()["code"] == "upstream.timeout"


async def test_redis_down_degrades_rate_limits_and_shows_in_readyz(make_client, auth, dead_target):
    async with make_client(CRM_REDIS_URL=f"redis://{dead_target}/0") as client:
        for _ in range(3):
            listed = await client.get("/v1/customers", headers=auth())
            assert listed.status_code == 200, listed.text
        ready = await client.get("/readyz")
        assert ready.status_code == 503
        assert ready.json()["checks"]["redis"].startswith("error")
        # An Idempotency-Key cannot be honoured without Redis: refused honestly, not a 500.
        keyed = await client.post("/v1/customers", json={"name": "Acme"}, headers=auth(**{"Idempotency-Key": "k1"}))
        assert keyed.status_code == 503 and keyed.json()["code"] == "idempotency.unavailable"


async def test_rate_limit_per_user_answers_429_with_retry_after(make_client, auth, run_prefix):
    async with make_client(CRM_RATE_LIMIT_PER_MINUTE="3", CRM_REDIS_PREFIX=f"{run_prefix}:rl-user") as client:
        statuses = [(await client.get("/v1/customers", headers=auth("rep1"))).status_code for _ in range(4)]
        assert statuses == [200, 200, 200, 429]
        limited = await client.get("/v1/customers", headers=auth("rep1"))
        assert limited.headers["content-type"] == PROBLEM
        assert limited.json()["code"] == "rate_limited"
        assert 1 <= int(limited.headers["retry-after"]) <= 60
        # Another user has their own budget.
        assert (await client.get("/v1/customers", headers=auth("rep2"))).status_code == 200


async def test_login_is_rate_limited_per_client_address(make_client, users, run_prefix):
    overrides = {"CRM_LOGIN_RATE_LIMIT_PER_MINUTE": "2", "CRM_REDIS_PREFIX": f"{run_prefix}:rl-login"}
    async with make_client(**overrides) as client:
        attempts = [
            (await client.post("/v1/auth/login", json={"username": "admin", "password": "wrong"})).status_code
            for _ in range(3)
        ]
        assert attempts == [401, 401, 429]
        limited = await client.post("/v1/auth/login", json={"username": "admin", "password": users["admin"].password})
        assert limited.status_code == 429 and "retry-after" in limited.headers


async def test_openapi_documents_routes_errors_and_bearer_auth(client):
    reply = await client.get("/openapi.json")
    assert reply.status_code == 200
    doc = reply.json()
    assert doc["info"]["title"] == "CRM gateway" and doc["info"]["version"]
    paths = doc["paths"]
    assert {"get", "post"} <= set(paths["/v1/customers"])
    for path in ("/v1/customers/{customer_id}", "/v1/reports/customers/summary", "/healthz", "/readyz"):
        assert "get" in paths[path]
    assert "post" in paths["/v1/auth/login"]
    assert doc["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"
    create = paths["/v1/customers"]["post"]
    assert create["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith("/CustomerCreate")
    assert create["responses"]["400"]["content"][PROBLEM]["schema"]["$ref"].endswith("/Problem")
    assert create["security"] == [{"bearer": []}]
    assert {"CustomerCreate", "Problem", "FieldError", "Customer"} <= set(doc["components"]["schemas"])
    # FastAPI's validation 422 is gone everywhere; the one 422 left is the Idempotency-Key reuse problem.
    assert "HTTPValidationError" not in reply.text
    assert create["responses"]["422"]["content"][PROBLEM]["schema"]["$ref"].endswith("/Problem")
    assert "422" not in paths["/v1/customers"]["get"]["responses"]
    assert "422" not in paths["/v1/auth/login"]["post"]["responses"]


async def test_every_operation_documents_its_answers(client):
    """What a generated client needs, route by route (so routes added later follow suit): a success
    model, problem+json for every error, the errors its inputs can cause, unique operation ids,
    Retry-After with 429/503, and references that resolve."""
    doc = (await client.get("/openapi.json")).json()
    schemas = doc["components"]["schemas"]
    missing: list[str] = []
    operation_ids: dict[str, str] = {}
    for path, item in doc["paths"].items():
        for method, op in item.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            name = f"{method.upper()} {path}"
            responses = op["responses"]
            params = op.get("parameters", [])
            kinds = {p["in"] for p in params}
            headers = {p["name"].lower() for p in params if p["in"] == "header"}

            def need(statuses, why, responses=responses, name=name):
                missing.extend(f"{name}: {s} ({why})" for s in statuses if str(s) not in responses)

            if op.get("operationId") in operation_ids:
                missing.append(f"{name}: operationId also used by {operation_ids[op['operationId']]}")
            operation_ids[op.get("operationId", name)] = name
            if not op.get("summary"):
                missing.append(f"{name}: summary")
            successes = [s for s in responses if s.startswith("2")]
            if not successes:
                missing.append(f"{name}: a 2xx answer")
            for status in successes:
                if status != "204" and not responses[status].get("content"):
                    missing.append(f"{name}: {status} has no content schema")
            for status, answer in responses.items():
                if status[0] in "45" and path != "/readyz":  # /readyz 503 is its report, not a problem
                    content = answer.get("content", {})
                    if content.get(PROBLEM, {}).get("schema", {}).get("$ref") != "#/components/schemas/Problem":
                        missing.append(f"{name}: {status} is not problem+json")
                if status in ("429", "503") and path != "/readyz" and "Retry-After" not in answer.get("headers", {}):
                    missing.append(f"{name}: {status} without Retry-After")
            if op.get("security"):
                need((401, 429), "signed-in route")
            if "requestBody" in op:
                need((400, 413, 415), "takes a body")
            if kinds & {"query", "path"}:
                need((400,), "validated parameters")
            if "idempotency-key" in headers:
                need((409, 422), "Idempotency-Key")
            if "if-match" in headers:
                need((412,), "If-Match")
    refs = set(re.findall(r'"\$ref": ?"#/components/schemas/([^"]+)"', json.dumps(doc)))
    missing.extend(f"dangling $ref {r}" for r in sorted(refs - set(schemas)))
    assert not missing, "\n".join(missing)


async def test_docs_page_is_served(client):
    reply = await client.get("/docs")
    assert reply.status_code == 200 and "swagger" in reply.text.lower()


async def test_metrics_count_requests_by_route_template(client, auth):
    created = await client.post("/v1/customers", json={"name": "Metered"}, headers=auth())
    await client.get(f"/v1/customers/{created.json()['id']}", headers=auth())
    text = (await client.get("/metrics")).text
    assert 'crm_gateway_http_requests_total{method="GET",route="/v1/customers/{customer_id}",status="200"}' in text
    assert "crm_gateway_http_request_duration_seconds_bucket" in text
    assert 'crm_gateway_upstream_calls_total{code="OK",method="GetCustomer",upstream="customers"}' in text


async def test_unknown_route_and_wrong_method_are_problems(client):
    missing = await client.get("/v1/nothing-here")
    assert missing.status_code == 404 and missing.headers["content-type"] == PROBLEM
    assert missing.json()["code"] == "route.not_found"
    wrong = await client.delete("/v1/customers")
    assert wrong.status_code == 405 and wrong.headers["content-type"] == PROBLEM
    assert wrong.json()["code"] == "method.not_allowed"
    assert wrong.headers["allow"] == "GET, POST"


async def test_unhandled_errors_are_a_generic_500(make_client, make_settings, caplog):
    app = create_app(make_settings())
    broken = APIRouter()

    @broken.get("/v1/broken")
    async def explode() -> None:
        raise RuntimeError("secret-internal-state")

    app.include_router(broken)
    async with make_client(app) as client:
        reply = await client.get("/v1/broken", headers={"X-Request-ID": "r-500"})
    assert reply.status_code == 500
    assert reply.headers["content-type"] == PROBLEM
    body = reply.json()
    assert body["code"] == "internal" and body["request_id"] == "r-500"
    assert "secret" not in reply.text and "Traceback" not in reply.text
    logged = [r for r in caplog.records if r.exc_info and "secret-internal-state" in str(r.exc_info[1])]
    assert logged and logged[0].levelname == "ERROR"  # the trace stays server-side


async def test_the_gateway_database_unreachable_is_503_not_500(make_client, make_settings):
    from sqlalchemy.exc import OperationalError

    app = create_app(make_settings())
    broken = APIRouter()

    @broken.get("/v1/db-down")
    async def db_down() -> None:
        raise OperationalError("SELECT 1", {}, ConnectionRefusedError("connection refused to 10.0.0.9"))

    app.include_router(broken)
    async with make_client(app) as client:
        reply = await client.get("/v1/db-down")
    assert reply.status_code == 503 and reply.headers["content-type"] == PROBLEM
    assert reply.json()["code"] == "database.unavailable" and int(reply.headers["Retry-After"]) > 0
    assert "10.0.0.9" not in reply.text
