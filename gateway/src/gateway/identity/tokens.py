"""JWT access and refresh tokens (HS256).

Access token claims: iss, aud, sub (user id), name (username), roles, typ="access", jti, iat, exp.
Refresh token claims: iss, aud, sub, typ="refresh", fam (rotation family), jti, iat, exp. Refresh
tokens are also rows in the gateway database, so they can be rotated and revoked; access tokens are
short-lived and not stored.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import jwt

ISSUER = "crm-gateway"
AUDIENCE = "crm"
ALGORITHM = "HS256"
LEEWAY_SECONDS = 5


class TokenError(Exception):
    """A token that must not be accepted; `code` is the problem code answered with 401."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class IssuedToken:
    token: str
    jti: str
    issued_at: int
    expires_at: int


@dataclass(frozen=True)
class AccessClaims:
    user_id: str
    username: str
    roles: tuple[str, ...]
    jti: str
    expires_at: int
    # The login (refresh-token family) this access token belongs to; None for tokens without one.
    family_id: str | None = None


@dataclass(frozen=True)
class RefreshClaims:
    user_id: str
    family_id: str
    jti: str
    expires_at: int


class TokenService:
    def __init__(
        self,
        secret: str,
        *,
        access_ttl_seconds: int,
        refresh_ttl_seconds: int,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._secret = secret
        self.access_ttl_seconds = access_ttl_seconds
        self.refresh_ttl_seconds = refresh_ttl_seconds
        self._clock = clock

    def _issue(self, claims: dict[str, Any], ttl: int) -> IssuedToken:
        now = int(self._clock())
        jti = str(uuid.uuid4())
        payload = {"iss": ISSUER, "aud": AUDIENCE, "iat": now, "exp": now + ttl, "jti": jti, **claims}
        return IssuedToken(jwt.encode(payload, self._secret, algorithm=ALGORITHM), jti, now, now + ttl)

    def issue_access(
        self, user_id: str, username: str, roles: Sequence[str], *, family_id: str | None = None
    ) -> IssuedToken:
        claims: dict[str, Any] = {"sub": user_id, "name": username, "roles": list(roles), "typ": "access"}
        if family_id is not None:
            claims["fam"] = family_id
        return self._issue(claims, self.access_ttl_seconds)

    def issue_refresh(self, user_id: str, family_id: str) -> IssuedToken:
        return self._issue({"sub": user_id, "fam": family_id, "typ": "refresh"}, self.refresh_ttl_seconds)

    def _decode(self, token: str, expected_type: str) -> dict[str, Any]:
        try:
            claims = jwt.decode(
                token,
                self._secret,
                algorithms=[ALGORITHM],  # pinned: "none" and other algorithms are refused
                audience=AUDIENCE,
                issuer=ISSUER,
                leeway=LEEWAY_SECONDS,
                options={"require": ["exp", "iat", "sub", "jti", "typ", "iss", "aud"]},
            )
        except jwt.ExpiredSignatureError as exc:
            raise TokenError("auth.token_expired", "The token has expired.") from exc
        except jwt.PyJWTError as exc:
            raise TokenError("auth.invalid_token", "The token is not valid.") from exc
        if claims.get("typ") != expected_type:
            raise TokenError("auth.invalid_token", "The token is not valid.")
        if not isinstance(claims.get("sub"), str) or not isinstance(claims.get("jti"), str):
            raise TokenError("auth.invalid_token", "The token is not valid.")
        return claims

    def decode_access(self, token: str) -> AccessClaims:
        claims = self._decode(token, "access")
        roles = claims.get("roles")
        if not isinstance(roles, list) or not all(isinstance(r, str) for r in roles):
            raise TokenError("auth.invalid_token", "The token is not valid.")
        return AccessClaims(
            user_id=claims["sub"],
            username=str(claims.get("name", "")),
            roles=tuple(roles),
            jti=claims["jti"],
            expires_at=int(claims["exp"]),
            family_id=claims["fam"] if isinstance(claims.get("fam"), str) else None,
        )

    def decode_refresh(self, token: str) -> RefreshClaims:
        claims = self._decode(token, "refresh")
        family = claims.get("fam")
        if not isinstance(family, str):
            raise TokenError("auth.invalid_token", "The token is not valid.")
        return RefreshClaims(claims["sub"], family, claims["jti"], int(claims["exp"]))
