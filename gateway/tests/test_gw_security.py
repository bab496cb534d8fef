"""Brute-force lockout, revocation of access tokens on logout, CORS and security headers."""

from __future__ import annotations

import uuid

import pytest

pytestmark = pytest.mark.anyio

PASSWORD = "Lockout-test-42"


async def _user(client, auth) -> str:
    username = f"sec-{uuid.uuid4().hex[:8]}"
    reply = await client.post(
        "/v1/users",
        json={"username": username, "password": PASSWORD, "display_name": username, "roles": ["sales_rep"]},
        headers=auth(),
    )
    assert reply.status_code == 201, reply.text
    return username


async def test_repeated_failures_lock_the_username_out(make_client, client, auth):
    username = await _user(client, auth)
    async with make_client(CRM_LOGIN_MAX_FAILURES="3", CRM_LOGIN_LOCKOUT_SECONDS="120") as strict:
        for _ in range(3):
            wrong = await strict.post("/v1/auth/login", json={"username": username, "password": "wrong-guess-1"})
            assert wrong.status_code == 401
        locked = await strict.post("/v1/auth/login", json={"username": username, "password": PASSWORD})
        assert locked.status_code == 429 and locked.json()["code"] == "auth.locked_out"
        assert 0 < int(locked.headers["retry-after"]) <= 120
        assert PASSWORD not in locked.text
        # Another username is unaffected.
        other = await _user(client, auth)
        assert (await strict.post("/v1/auth/login", json={"username": other, "password": PASSWORD})).status_code == 200


async def test_a_good_login_clears_earlier_failures(make_client, client, auth):
    username = await _user(client, auth)
    async with make_client(CRM_LOGIN_MAX_FAILURES="2") as strict:
        await strict.post("/v1/auth/login", json={"username": username, "password": "wrong-guess-1"})
        assert (
            await strict.post("/v1/auth/login", json={"username": username, "password": PASSWORD})
        ).status_code == 200
        await strict.post("/v1/auth/login", json={"username": username, "password": "wrong-guess-2"})
        assert (
            await strict.post("/v1/auth/login", json={"username": username, "password": PASSWORD})
        ).status_code == 200


async def test_logout_revokes_the_access_tokens_of_that_login(client, auth):
    username = await _user(client, auth)
    first = (await client.post("/v1/auth/login", json={"username": username, "password": PASSWORD})).json()
    second = (await client.post("/v1/auth/login", json={"username": username, "password": PASSWORD})).json()
    bearer = {"Authorization": f"Bearer {first['access_token']}"}
    assert (await client.get("/v1/customers", headers=bearer)).status_code == 200
    out = await client.post("/v1/auth/logout", json={"refresh_token": first["refresh_token"]}, headers=bearer)
    assert out.status_code == 204
    refused = await client.get("/v1/customers", headers=bearer)
    assert refused.status_code == 401 and refused.json()["code"] == "auth.token_revoked"
    # The refresh token of that login is dead too; another login of the same user is not.
    again = await client.post("/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert again.status_code == 401
    other = {"Authorization": f"Bearer {second['access_token']}"}
    assert (await client.get("/v1/customers", headers=other)).status_code == 200


async def test_cors_allows_only_configured_origins(make_client):
    async with make_client(CRM_GATEWAY_CORS_ORIGINS="https://crm.example.com, https://cc.example.com") as app:
        preflight = await app.options(
            "/v1/customers",
            headers={
                "Origin": "https://crm.example.com",
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "Authorization, Content-Type, Idempotency-Key",
            },
        )
        assert preflight.status_code == 200
        assert preflight.headers["access-control-allow-origin"] == "https://crm.example.com"
        assert "POST" in preflight.headers["access-control-allow-methods"]
        assert "idempotency-key" in preflight.headers["access-control-allow-headers"].lower()
        simple = await app.get("/healthz", headers={"Origin": "https://cc.example.com"})
        assert simple.headers["access-control-allow-origin"] == "https://cc.example.com"
        assert "etag" in simple.headers["access-control-expose-headers"].lower()
        foreign = await app.get("/healthz", headers={"Origin": "https://evil.example.net"})
        assert "access-control-allow-origin" not in foreign.headers
        denied = await app.options(
            "/v1/customers", headers={"Origin": "https://evil.example.net", "Access-Control-Request-Method": "POST"}
        )
        assert denied.status_code == 400 and "access-control-allow-origin" not in denied.headers


async def test_without_configured_origins_there_is_no_cors(client):
    reply = await client.get("/healthz", headers={"Origin": "https://crm.example.com"})
    assert "access-control-allow-origin" not in reply.headers


async def test_security_headers_on_every_answer(client, auth):
    for reply in (
        await client.get("/healthz"),
        await client.get("/v1/customers"),
        await client.get("/v1/customers", headers=auth()),
        await client.get("/nowhere"),
    ):
        assert reply.headers["x-content-type-options"] == "nosniff"
        assert reply.headers["x-frame-options"] == "DENY"
        assert reply.headers["referrer-policy"] == "no-referrer"
        assert reply.headers["content-security-policy"] == "default-src 'none'; frame-ancestors 'none'"
    docs = await client.get("/docs")
    assert docs.status_code == 200 and "content-security-policy" not in docs.headers
