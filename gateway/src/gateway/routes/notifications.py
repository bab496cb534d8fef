"""`/v1/notifications`: the signed-in user's notification inbox (assignments, follow-up and payment
reminders, SLA at risk / breached, approval decisions, pool warnings) and its live stream as
Server-Sent Events. Any gateway replica serves any user: notices are announced on the user's Redis
channel, which every replica's streams listen to."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Annotated

import redis.asyncio as aioredis
from fastapi import APIRouter, Depends, Path, Query, Request
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse, Response, StreamingResponse

from crm_chassis.db import transaction
from crm_chassis.errors import InvalidArgument
from gateway.identity.principal import Principal, current_principal
from gateway.notifications import store
from gateway.notifications.consumer import channel_name
from gateway.openapi import problem_responses
from gateway.problems import ProblemError
from gateway.route_kit import ID_PATTERN, PRIVATE
from gateway.runtime import runtime_of

router = APIRouter(prefix="/v1/notifications", tags=["notifications"])
# A comment line this often keeps proxies from closing an idle stream.
HEARTBEAT_SECONDS = 15.0


class Notification(BaseModel):
    id: str
    kind: str = Field(description="assignment, reminder, sla, approval or pool")
    title: str
    body: str
    link: str = Field(description="The API path of the record it is about")
    created_at: str
    read: bool


class NotificationPage(BaseModel):
    items: list[Notification]
    next_cursor: str | None
    unread: int = Field(description="How many of the user's notices are unread")


@router.get(
    "",
    summary="Your notifications, newest first",
    response_model=NotificationPage,
    responses=problem_responses(400, 401, 429),
)
async def list_notifications(
    request: Request,
    principal: Annotated[Principal, Depends(current_principal)],
    unread: Annotated[bool, Query(description="Only the unread ones")] = False,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
) -> Response:
    sessions = runtime_of(request).sessions

    def read() -> tuple[list[store.StoredNotice], str, int]:
        with transaction(sessions) as session:
            items, next_cursor = store.page(
                session, principal.user_id, unread_only=unread, limit=limit, cursor=cursor or ""
            )
            return items, next_cursor, store.unread_count(session, principal.user_id)

    try:
        items, next_cursor, count = await run_in_threadpool(read)
    except InvalidArgument as exc:
        raise ProblemError(400, "page.cursor_invalid", str(exc)) from None
    body = {"items": [n.to_json() for n in items], "next_cursor": next_cursor or None, "unread": count}
    return JSONResponse(body, headers=PRIVATE)


@router.post(
    "/{notification_id}/read",
    summary="Mark one of your notifications read",
    status_code=204,
    responses=problem_responses(400, 401, 404, 429),
)
async def mark_read(
    request: Request,
    principal: Annotated[Principal, Depends(current_principal)],
    notification_id: Annotated[str, Path(pattern=ID_PATTERN)],
) -> Response:
    sessions = runtime_of(request).sessions

    def write() -> bool:
        with transaction(sessions) as session:
            if not store.exists(session, principal.user_id, notification_id):
                return False
            store.mark_read(session, principal.user_id, notification_id, datetime.now(UTC))
            return True

    if not await run_in_threadpool(write):
        raise ProblemError(404, "notification.not_found", f"You have no notification {notification_id!r}.")
    return Response(status_code=204)


@router.post(
    "/read-all",
    summary="Mark all your notifications read",
    responses=problem_responses(401, 429),
)
async def mark_all_read(request: Request, principal: Annotated[Principal, Depends(current_principal)]) -> Response:
    sessions = runtime_of(request).sessions

    def write() -> int:
        with transaction(sessions) as session:
            return store.mark_read(session, principal.user_id, None, datetime.now(UTC))

    return JSONResponse({"marked": await run_in_threadpool(write)}, headers=PRIVATE)


@router.get(
    "/stream",
    summary="Your notifications as they happen (Server-Sent Events: `event: notification`, JSON data)",
    response_class=StreamingResponse,
    responses={
        200: {"description": "An endless `text/event-stream`", "content": {"text/event-stream": {}}},
        **problem_responses(401, 429),
    },
)
async def stream(request: Request, principal: Annotated[Principal, Depends(current_principal)]) -> Response:
    settings = runtime_of(request).settings
    channel = channel_name(settings.redis_prefix, principal.user_id)

    async def events() -> AsyncIterator[str]:
        # Its own connection: a subscription blocks, and the shared client has short timeouts.
        client = aioredis.Redis.from_url(settings.redis_url)
        pubsub = client.pubsub()
        try:
            await pubsub.subscribe(channel)
            yield ": connected\n\n"
            while not await request.is_disconnected():
                message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=HEARTBEAT_SECONDS)
                if message is None:
                    yield ": keep-alive\n\n"
                    continue
                data = message["data"].decode() if isinstance(message["data"], bytes) else str(message["data"])
                yield f"event: notification\ndata: {data}\n\n"
        finally:
            await pubsub.aclose()
            await client.aclose()

    return StreamingResponse(events(), media_type="text/event-stream", headers={**PRIVATE, "X-Accel-Buffering": "no"})
