"""Login, tokens and refusal of bad credentials."""

from __future__ import annotations

import time

import jwt
import pytest

from gateway.identity.tokens import AUDIENCE, ISSUER

pytestmark = pytest.mark.anyio

PROBLEM = "application/problem+json"


async def _login(client, username, password):
    return await client.post("/v1/auth/login", json={"username": username, "password": password})


async def test_login_returns_a_bearer_token_pair(client, users):
    reply = await _login(client, "admin", users["admin"].password)
    assert reply.status_code == 200
    assert reply.headers["cache-control"] == "no-store"
    body = reply.json()
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == 15 * 60
    claims = jwt.decode(body["access_token"], options={"verify_signature": False})
    assert claims["sub"] == users["admin"].id
    assert claims["roles"] == ["admin"]
    assert claims["typ"] == "access"
    assert claims["jti"] and claims["exp"] > time.time()
    assert jwt.get_unverified_header(body["access_token"])["alg"] == "HS256"


async def test_login_is_case_insensitive_on_username(client, users):
    assert (await _login(client, "ADMIN", users["admin"].password)).status_code == 200


async def test_wrong_password_and_unknown_user_get_the_same_401(client):
    wrong = await _login(client, "admin", "not-the-password")
    unknown = await _login(client, "nobody-by-that-name", "whatever")
    for reply in (wrong, unknown):
        assert reply.status_code == 401
        assert reply.headers["content-type"] == PROBLEM
        assert reply.json()["code"] == "auth.invalid_credentials"
    strip = lambda body: {k: v for k, v in body.items() if k != "request_id"}  # noqa: E731
    assert strip(wrong.json()) == strip(unknown.json())


async def test_login_rejects_unknown_fields_and_wrong_types(client):
    extra = await client.post("/v1/auth/login", json={"username": "admin", "password": "x", "otp": "1"})
    assert extra.status_code == 400 and extra.json()["code"] == "request.invalid"
    typed = await client.post("/v1/auth/login", json={"username": 1, "password": "x"})
    assert typed.status_code == 400
    assert typed.json()["errors"][0]["field"] == "username"


async def test_protected_route_without_token_is_401(client):
    reply = await client.get("/v1/customers")
    assert reply.status_code == 401
    assert reply.headers["content-type"] == PROBLEM
    assert reply.headers["www-authenticate"] == "Bearer"
    assert reply.json()["code"] == "auth.required"


def _forge(claims, secret, algorithm="HS256"):
    return jwt.encode(claims, secret, algorithm=algorithm)


@pytest.mark.parametrize("kind", ["garbage", "wrong_secret", "alg_none", "expired", "refresh_as_access"])
async def test_bad_access_tokens_are_401(client, users, base_env, kind):
    now = int(time.time())
    good = {
        "iss": ISSUER,
        "aud": AUDIENCE,
        "sub": users["admin"].id,
        "roles": ["admin"],
        "typ": "access",
        "jti": "j",
        "iat": now,
        "exp": now + 600,
    }
    secret = base_env["CRM_JWT_SECRET"]
    token = {
        "garbage": "not.a.token",
        "wrong_secret": _forge(good, "another-secret-that-is-long-enough-000000"),
        "alg_none": _forge(good, None, algorithm="none"),
        "expired": _forge({**good, "iat": now - 3600, "exp": now - 1800}, secret),
        "refresh_as_access": _forge({**good, "typ": "refresh", "fam": "f"}, secret),
    }[kind]
    reply = await client.get("/v1/customers", headers={"Authorization": f"Bearer {token}"})
    assert reply.status_code == 401
    assert reply.json()["code"] == ("auth.token_expired" if kind == "expired" else "auth.invalid_token")
    assert "invalid_token" in reply.headers["www-authenticate"]


async def test_refresh_rotates_and_a_replayed_refresh_token_ends_the_family(client, users):
    first = (await _login(client, "rep1", users["rep1"].password)).json()
    rotated = await client.post("/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert rotated.status_code == 200
    second = rotated.json()
    assert second["refresh_token"] != first["refresh_token"]
    listed = await client.get("/v1/customers", headers={"Authorization": f"Bearer {second['access_token']}"})
    assert listed.status_code == 200
    # The first refresh token was used: presenting it again is refused and revokes its successor too.
    replay = await client.post("/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert replay.status_code == 401 and replay.json()["code"] == "auth.invalid_token"
    after = await client.post("/v1/auth/refresh", json={"refresh_token": second["refresh_token"]})
    assert after.status_code == 401


async def test_logout_revokes_the_refresh_token(client, users):
    pair = (await _login(client, "rep2", users["rep2"].password)).json()
    token = {"refresh_token": pair["refresh_token"]}
    assert (await client.post("/v1/auth/logout", json=token)).status_code == 204
    assert (await client.post("/v1/auth/refresh", json=token)).status_code == 401


async def test_an_access_token_is_not_a_refresh_token(client, tokens):
    reply = await client.post("/v1/auth/refresh", json={"refresh_token": tokens["admin"]})
    assert reply.status_code == 401
