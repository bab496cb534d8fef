"""`Idempotency-Key` on POST: the first successful answer is kept in Redis and replayed.

Record key: `<prefix>:gateway:idem:<user id>:<sha256(key)>`, so keys of different users never
collide. The first request takes a short lease (SET NX); on a 2xx answer the record becomes the
stored response for `CRM_IDEMPOTENCY_TTL_SECONDS` (24 h). On an error the lease is dropped, so a
retry runs again (errors are not replayed). A repeat with the same key:

- same method, path and JSON body, first one finished -> the stored response, `Idempotency-Replayed: true`;
- first one still running -> 409 `idempotency.in_progress` with Retry-After;
- different body -> 422 `idempotency.key_reused`.

Without Redis the guarantee cannot be kept, so a request carrying the header is answered 503
(requests without it are unaffected).
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from gateway.problems import ProblemError
from gateway.redis_store import RedisGuard, RedisUnavailable

log = logging.getLogger("gateway.idempotency")

HEADER = "Idempotency-Key"
REPLAYED_HEADER = "Idempotency-Replayed"
# Status for "same key, different request": 422 (the API conventions of issue 3 replace the
# foundation's 409). One constant, documented in the README.
KEY_REUSED_STATUS = 422
_REPLAYED_HEADERS = ("etag", "location", "content-type")
_MAX_KEY_LENGTH = 255


def _valid_key(value: str) -> bool:
    return 0 < len(value) <= _MAX_KEY_LENGTH and all(0x21 <= ord(c) <= 0x7E for c in value)


def fingerprint(method: str, path: str, payload: Any) -> str:
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(f"{method} {path}\n{canonical}".encode()).hexdigest()


class IdempotencyStore:
    def __init__(self, redis: RedisGuard, *, ttl_seconds: int, lease_seconds: int) -> None:
        self._redis = redis
        self._ttl = ttl_seconds
        self._lease = lease_seconds

    def _key(self, user_id: str, key: str) -> str:
        return self._redis.key("idem", user_id, hashlib.sha256(key.encode()).hexdigest())

    async def begin(self, user_id: str, key: str, fp: str) -> dict[str, Any] | None:
        """Take the lease (None) or return the existing record."""
        rkey = self._key(user_id, key)
        lease = json.dumps({"state": "running", "fp": fp})

        async def take(client: Any) -> Any:
            if await client.set(rkey, lease, nx=True, ex=self._lease):
                return None
            return await client.get(rkey)

        existing = await self._redis.run(take)
        if existing is None:
            return None
        try:
            return json.loads(existing)
        except ValueError:
            return {"state": "running", "fp": ""}

    async def complete(self, user_id: str, key: str, fp: str, response: Response) -> None:
        record = {
            "state": "done",
            "fp": fp,
            "status": response.status_code,
            "headers": {k: v for k, v in response.headers.items() if k.lower() in _REPLAYED_HEADERS},
            "body": base64.b64encode(bytes(response.body)).decode(),
        }
        rkey = self._key(user_id, key)
        await self._redis.run(lambda client: client.set(rkey, json.dumps(record), ex=self._ttl))

    async def abandon(self, user_id: str, key: str) -> None:
        rkey = self._key(user_id, key)
        with contextlib.suppress(RedisUnavailable):  # if Redis is gone, the lease expires on its own
            await self._redis.run(lambda client: client.delete(rkey))


def _replay(record: dict[str, Any]) -> Response:
    headers = dict(record.get("headers") or {})
    headers[REPLAYED_HEADER] = "true"
    return Response(
        content=base64.b64decode(record.get("body", "")),
        status_code=int(record.get("status", 200)),
        headers=headers,
    )


async def run_idempotent(
    request: Request,
    store: IdempotencyStore,
    user_id: str,
    payload: Any,
    produce: Callable[[], Awaitable[Response]],
) -> Response:
    """Run `produce` at most once per (user, Idempotency-Key) while the record lives."""
    key = request.headers.get(HEADER)
    if key is None:
        return await produce()
    if not _valid_key(key):
        raise ProblemError(
            400,
            "idempotency.invalid_key",
            f"{HEADER} must be 1 to {_MAX_KEY_LENGTH} visible ASCII characters.",
        )
    fp = fingerprint(request.method, request.url.path, payload)
    try:
        existing = await store.begin(user_id, key, fp)
    except RedisUnavailable as exc:
        raise ProblemError(
            503,
            "idempotency.unavailable",
            f"{HEADER} cannot be honoured right now; retry later or send the request without it.",
            headers={"Retry-After": "5"},
        ) from exc
    if existing is not None:
        if existing.get("fp") != fp:
            raise ProblemError(
                KEY_REUSED_STATUS,
                "idempotency.key_reused",
                f"This {HEADER} was already used with a different request.",
            )
        if existing.get("state") == "done":
            return _replay(existing)
        raise ProblemError(
            409,
            "idempotency.in_progress",
            f"A request with this {HEADER} is still being processed.",
            headers={"Retry-After": "1"},
        )
    try:
        response = await produce()
    except BaseException:
        await store.abandon(user_id, key)
        raise
    if 200 <= response.status_code < 300:
        try:
            await store.complete(user_id, key, fp, response)
        except RedisUnavailable:
            log.warning("idempotency record not stored; a retry with this key would run again")
    else:
        await store.abandon(user_id, key)
    return response
