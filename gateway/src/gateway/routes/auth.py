"""`/v1/auth/...`: log in, refresh, log out."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, ConfigDict, Field
from starlette.responses import JSONResponse, Response

from gateway.bodies import json_body, request_body_doc
from gateway.identity.accounts import InvalidCredentials, LockedOut, TokenPair
from gateway.identity.policy import FieldAccess
from gateway.identity.principal import Principal, client_rate_limit, current_principal
from gateway.identity.tokens import TokenError
from gateway.openapi import problem_responses
from gateway.problems import ProblemError
from gateway.runtime import runtime_of

router = APIRouter(prefix="/v1/auth", tags=["auth"])

_NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}


class LoginRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    username: str = Field(min_length=1, max_length=150)
    password: str = Field(min_length=1, max_length=1024)


class RefreshRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    refresh_token: str = Field(min_length=1, max_length=4096)


class TokenResponse(BaseModel):
    access_token: str
    refresh_token: str
    token_type: str = Field(description="Always `bearer`")
    expires_in: int = Field(description="Seconds until the access token expires")
    refresh_expires_in: int = Field(description="Seconds until the refresh token expires")


class Me(BaseModel):
    user_id: str
    username: str
    roles: list[str] = Field(description="As stored now")
    permissions: list[str] = Field(description="`<module>:<action>` granted by any role (`*` = everything)")
    fields: dict[str, dict[str, str]] = Field(
        description="resource -> field -> `hidden` / `masked` / `read_only`, for every field that is not editable"
    )


def _tokens(pair: TokenPair) -> JSONResponse:
    body = {
        "access_token": pair.access_token,
        "refresh_token": pair.refresh_token,
        "token_type": "bearer",
        "expires_in": pair.expires_in,
        "refresh_expires_in": pair.refresh_expires_in,
    }
    return JSONResponse(body, headers=_NO_STORE)


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    return value.strip() or None if scheme.lower() == "bearer" else None


def _bad_token(exc: TokenError) -> ProblemError:
    return ProblemError(401, exc.code, exc.detail, headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})


@router.post(
    "/login",
    summary="Log in with username and password",
    response_model=TokenResponse,
    responses=problem_responses(400, 401, 413, 415, 429),
    openapi_extra=request_body_doc(LoginRequest),
    dependencies=[Depends(client_rate_limit("login"))],
)
async def login(request: Request, body: Annotated[LoginRequest, Depends(json_body(LoginRequest))]) -> Response:
    try:
        pair = await runtime_of(request).accounts.login(body.username, body.password)
    except InvalidCredentials:
        raise ProblemError(401, "auth.invalid_credentials", "Wrong username or password.") from None
    except LockedOut as exc:
        raise ProblemError(
            429,
            "auth.locked_out",
            f"Too many failed logins for this username; try again in {exc.retry_after}s.",
            headers={"Retry-After": str(exc.retry_after)},
        ) from None
    return _tokens(pair)


@router.post(
    "/refresh",
    summary="Trade a refresh token for a new token pair (the old refresh token stops working)",
    response_model=TokenResponse,
    responses=problem_responses(400, 401, 413, 415, 429),
    openapi_extra=request_body_doc(RefreshRequest),
    dependencies=[Depends(client_rate_limit("refresh"))],
)
async def refresh(request: Request, body: Annotated[RefreshRequest, Depends(json_body(RefreshRequest))]) -> Response:
    try:
        pair = await runtime_of(request).accounts.refresh(body.refresh_token)
    except TokenError as exc:
        raise _bad_token(exc) from None
    return _tokens(pair)


@router.post(
    "/logout",
    summary="End a login: revoke its refresh tokens and its access tokens",
    description="Send the refresh token in the body; the access tokens of the same login stop working "
    "at once (and the bearer access token, when sent, too).",
    status_code=204,
    responses=problem_responses(400, 401, 413, 415, 429),
    openapi_extra=request_body_doc(RefreshRequest),
    dependencies=[Depends(client_rate_limit("refresh"))],
)
async def logout(request: Request, body: Annotated[RefreshRequest, Depends(json_body(RefreshRequest))]) -> Response:
    try:
        await runtime_of(request).accounts.revoke(body.refresh_token, access_token=_bearer(request))
    except TokenError as exc:
        raise _bad_token(exc) from None
    return Response(status_code=204)


@router.get(
    "/me",
    summary="Who you are and what you may do (for frontends deciding what to show)",
    response_model=Me,
    responses=problem_responses(401, 429),
)
async def me(principal: Annotated[Principal, Depends(current_principal)]) -> Response:
    fields: dict[str, dict[str, str]] = {}
    named = {key for grant in principal.access.grants for key in grant.field_rules}
    for resource, field_name in sorted(named):
        access = principal.field_access(resource, field_name)
        if access is not FieldAccess.EDITABLE:
            fields.setdefault(resource, {})[field_name] = access.label
    body = {
        "user_id": principal.user_id,
        "username": principal.username,
        "roles": list(principal.roles),
        "permissions": sorted(principal.access.permissions),
        "fields": fields,
    }
    return JSONResponse(body, headers={"Cache-Control": "private, no-cache"})
