"""Login, tokens and refusal of bad credentials."""

from __future__ import annotations

import base64
import json
import re
import time

import jwt
import pytest

from gateway.identity.tokens import AUDIENCE, ISSUER

pytestmark = [
    pytest.mark.anyio,
    # The HS512 forgery uses the (HS256-sized) test secret on purpose.
    pytest.mark.filterwarnings("ignore::jwt.warnings.InsecureKeyLengthWarning"),
]

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


def _b64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


LEAKS = re.compile(r"Traceback|File \"|\.py\b|/work/|jwt\.|PyJWT|InvalidSignature|DecodeError", re.IGNORECASE)
OTHER_SECRET = "another-secret-that-is-long-enough-000000"


def _bad_token(kind: str, typ: str, user_id: str, secret: str) -> str:
    """A token the gateway must refuse, of one kind of badness, claiming to be of type `typ`."""
    now = int(time.time())
    good = {
        "iss": ISSUER,
        "aud": AUDIENCE,
        "sub": user_id,
        "roles": ["admin"],
        "typ": typ,
        "fam": "f",
        "jti": "j",
        "iat": now,
        "exp": now + 600,
    }
    signed = _forge(good, secret)
    header, payload, signature = signed.split(".")
    return {
        "garbage": "not.a.token",
        "wrong_secret": _forge(good, OTHER_SECRET),
        "alg_none": _forge(good, None, algorithm="none"),
        # `alg: none` written by hand, with and without the real signature kept, in other spellings.
        "alg_none_resigned": f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{payload}.{signature}",
        "alg_None_unsigned": f"{_b64({'alg': 'None', 'typ': 'JWT'})}.{payload}.",
        "alg_hs512": _forge(good, secret, algorithm="HS512"),  # right key, algorithm not the pinned one
        "empty_signature": f"{header}.{payload}.",
        "tampered_payload": f"{header}.{_b64({**good, 'sub': 'someone-else'})}.{signature}",
        "expired": _forge({**good, "iat": now - 3600, "exp": now - 1800}, secret),
        "wrong_audience": _forge({**good, "aud": "another-api"}, secret),
        "wrong_issuer": _forge({**good, "iss": "https://evil.example"}, secret),
        "no_expiry": _forge({k: v for k, v in good.items() if k != "exp"}, secret),
        "other_type": _forge({**good, "typ": "refresh" if typ == "access" else "access"}, secret),
    }[kind]


BAD_KINDS = [
    "garbage",
    "wrong_secret",
    "alg_none",
    "alg_none_resigned",
    "alg_None_unsigned",
    "alg_hs512",
    "empty_signature",
    "tampered_payload",
    "expired",
    "wrong_audience",
    "wrong_issuer",
    "no_expiry",
    "other_type",
]


def _assert_refused_without_leaks(reply, token: str, secret: str, code: str) -> None:
    """401 problem+json with `code`, and the answer echoes neither the token (nor any part of it)
    nor the key, nor anything from the inside."""
    assert reply.status_code == 401, reply.text
    assert reply.headers["content-type"] == PROBLEM
    body = reply.json()
    assert body["code"] == code and body["status"] == 401 and body["request_id"]
    assert "access_token" not in body and "refresh_token" not in body
    for part in [token, *[p for p in token.split(".") if len(p) > 8]]:
        assert part not in reply.text
    assert secret not in reply.text and OTHER_SECRET not in reply.text
    assert not LEAKS.search(reply.text), reply.text


@pytest.mark.parametrize("kind", BAD_KINDS)
async def test_bad_access_tokens_are_401(client, users, base_env, kind):
    """Expired, forged (wrong key, tampered, `alg: none` in any spelling, another algorithm),
    wrong audience or issuer, no expiry, a refresh token used as an access token: 401, nothing leaked."""
    secret = base_env["CRM_JWT_SECRET"]
    token = _bad_token(kind, "access", users["admin"].id, secret)
    reply = await client.get("/v1/customers", headers={"Authorization": f"Bearer {token}"})
    _assert_refused_without_leaks(
        reply, token, secret, "auth.token_expired" if kind == "expired" else "auth.invalid_token"
    )
    assert "invalid_token" in reply.headers["www-authenticate"]


@pytest.mark.parametrize("kind", BAD_KINDS)
@pytest.mark.parametrize("path", ["/v1/auth/refresh", "/v1/auth/logout"])
async def test_bad_refresh_tokens_are_401(client, users, base_env, kind, path):
    """The same refusals where a refresh token is expected (an access token is `other_type`)."""
    secret = base_env["CRM_JWT_SECRET"]
    token = _bad_token(kind, "refresh", users["admin"].id, secret)
    reply = await client.post(path, json={"refresh_token": token})
    _assert_refused_without_leaks(
        reply, token, secret, "auth.token_expired" if kind == "expired" else "auth.invalid_token"
    )


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
