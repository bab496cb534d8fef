"""Liveness, readiness and metrics."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field
from sqlalchemy import text
from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse, Response

from gateway.runtime import Runtime, runtime_of

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: str = Field(description="`alive`")


class Readiness(BaseModel):
    status: str = Field(description="`ready` when every check is good, else `degraded`")
    checks: dict[str, str] = Field(
        description="Per service the gRPC health status (`SERVING`, `NOT_SERVING`, `UNAVAILABLE`...), "
        "`redis` and `database`: `ok` or an error"
    )


@router.get("/healthz", summary="The process is alive", response_model=Health)
async def healthz() -> Response:
    return JSONResponse({"status": "alive"}, headers={"Cache-Control": "no-store"})


def _database_check(rt: Runtime) -> str:
    try:
        with rt.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:
        return f"error: {type(exc).__name__}"
    return "ok"


async def _bounded(coro, timeout: float) -> str:  # type: ignore[no-untyped-def]
    try:
        return await asyncio.wait_for(coro, timeout)
    except TimeoutError:
        return "error: timeout"


@router.get(
    "/readyz",
    summary="Every upstream service, Redis and the database, checked now",
    response_model=Readiness,
    responses={503: {"description": "At least one check failed", "model": Readiness}},
)
async def readyz(request: Request) -> Response:
    rt = runtime_of(request)
    timeout = rt.settings.health_timeout_seconds
    names = rt.upstreams.names
    results = await asyncio.gather(
        *(rt.upstreams.health(name) for name in names),
        _bounded(rt.redis.ping(), timeout),
        _bounded(run_in_threadpool(_database_check, rt), timeout * 2),
    )
    checks = dict(zip([*names, "redis", "database"], results, strict=True))
    good = all(checks[n] == "SERVING" for n in names) and checks["redis"] == "ok" and checks["database"] == "ok"
    return JSONResponse(
        {"status": "ready" if good else "degraded", "checks": checks},
        status_code=200 if good else 503,
        headers={"Cache-Control": "no-store"},
    )


@router.get("/metrics", include_in_schema=False)
async def metrics(request: Request) -> Response:
    return Response(runtime_of(request).metrics.render(), media_type="text/plain; version=0.0.4; charset=utf-8")
