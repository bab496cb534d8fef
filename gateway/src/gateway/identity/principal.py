"""The authenticated caller of one request, and the FastAPI dependencies that produce it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from crm_chassis.identity import Caller
from gateway.identity.policy import Access, FieldAccess
from gateway.identity.tokens import TokenError
from gateway.problems import ProblemError
from gateway.runtime import runtime_of

bearer_scheme = HTTPBearer(
    auto_error=False,
    scheme_name="bearer",
    description="Access token from `POST /v1/auth/login` or `POST /v1/auth/refresh`.",
)


@dataclass(frozen=True)
class Principal:
    user_id: str
    username: str
    roles: tuple[str, ...]
    access: Access
    # The permission the route acts with (set by `require`); its module picks the data scope.
    acting_as: str | None = None
    token_jti: str | None = None

    def allows(self, permission: str) -> bool:
        return self.access.allows(permission)

    @property
    def visible_owner_ids(self) -> frozenset[str] | None:
        """Owners whose records this request may touch (None = all), for the route's permission."""
        if self.acting_as is None:
            return self.access.visible_owner_ids
        return self.access.owners_for(self.acting_as)

    def may_see_owner(self, owner_id: str) -> bool:
        owners = self.visible_owner_ids
        return owners is None or owner_id in owners

    def with_permission(self, permission: str) -> Principal:
        """This principal acting with `permission` (its data scope), without re-checking it."""
        return replace(self, acting_as=permission)

    def field_access(self, resource: str, field_name: str) -> FieldAccess:
        return self.access.field_access(resource, field_name)

    def caller(self, request: Request) -> Caller:
        """Who gRPC calls made for this request act for (sent as metadata; absent owners = all)."""
        state = request.scope.get("state", {})
        request_id = str(state.get("request_id", ""))
        return Caller(
            user_id=self.user_id,
            roles=self.roles,
            visible_owners=self.visible_owner_ids,
            request_id=request_id,
            correlation_id=str(state.get("correlation_id", request_id)),
            department_id=self.access.department_id,
        )


def _unauthorized(code: str, detail: str, *, invalid: bool) -> ProblemError:
    challenge = 'Bearer error="invalid_token"' if invalid else "Bearer"
    return ProblemError(401, code, detail, headers={"WWW-Authenticate": challenge})


async def current_principal(
    request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(bearer_scheme)
) -> Principal:
    """The caller from the bearer access token; 401 without one, 429 over the per-user rate limit."""
    rt = runtime_of(request)
    if credentials is None:
        raise _unauthorized("auth.required", "Sign in and send the access token as a Bearer token.", invalid=False)
    try:
        claims = rt.tokens.decode_access(credentials.credentials)
    except TokenError as exc:
        raise _unauthorized(exc.code, exc.detail, invalid=True) from None
    if await rt.revocations.is_revoked(claims.jti, claims.family_id):
        raise _unauthorized("auth.token_revoked", "The token has been revoked; sign in again.", invalid=True)
    access = await rt.policy.access_for(claims.user_id, claims.roles)
    if not access.active:
        raise _unauthorized("auth.invalid_token", "The account is disabled or no longer exists.", invalid=True)
    roles = claims.roles if access.roles is None else access.roles
    principal = Principal(claims.user_id, claims.username, roles, access, token_jti=claims.jti)
    request.state.principal = principal
    await rt.rate_limiter.enforce("user", principal.user_id, rt.settings.rate_limit_per_minute)
    return principal


def require(permission: str) -> Callable[..., Awaitable[Principal]]:
    """A dependency answering 403 unless the caller holds `permission`."""

    async def check(principal: Principal = Depends(current_principal)) -> Principal:
        if not principal.allows(permission):
            raise ProblemError(403, "permission.denied", f"You do not have the permission {permission!r}.")
        return replace(principal, acting_as=permission)

    check.__name__ = f"require_{permission.replace(':', '_')}"
    return check


def client_rate_limit(bucket: str) -> Callable[[Request], Awaitable[None]]:
    """A dependency limiting unauthenticated endpoints (login, refresh) per client address."""

    async def limit(request: Request) -> None:
        rt = runtime_of(request)
        address = request.client.host if request.client else "unknown"
        await rt.rate_limiter.enforce(bucket, address, rt.settings.login_rate_limit_per_minute)

    limit.__name__ = f"rate_limit_{bucket}"
    return limit
