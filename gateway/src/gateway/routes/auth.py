"""`/v1/auth/...`: log in, refresh, log out."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, ConfigDict, Field
from starlette.responses import JSONResponse, Response

from gateway.bodies import json_body, request_body_doc
from gateway.identity.accounts import InvalidCredentials, TokenPair
from gateway.identity.principal import client_rate_limit
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


def _tokens(pair: TokenPair) -> JSONResponse:
    body = {
        "access_token": pair.access_token,
        "refresh_token": pair.refresh_token,
        "token_type": "bearer",
        "expires_in": pair.expires_in,
        "refresh_expires_in": pair.refresh_expires_in,
    }
    return JSONResponse(body, headers=_NO_STORE)


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
    summary="Revoke a refresh token and every token rotated from the same login",
    status_code=204,
    responses=problem_responses(400, 401, 413, 415, 429),
    openapi_extra=request_body_doc(RefreshRequest),
    dependencies=[Depends(client_rate_limit("refresh"))],
)
async def logout(request: Request, body: Annotated[RefreshRequest, Depends(json_body(RefreshRequest))]) -> Response:
    try:
        await runtime_of(request).accounts.revoke(body.refresh_token)
    except TokenError as exc:
        raise _bad_token(exc) from None
    return Response(status_code=204)
