"""A Redis counter, `<prefix>:gateway:authz`, incremented after every committed change to users,
roles or departments. Gateway processes compare it on each request (one GET on a connection that
is open anyway) and go to the database only when it moved, instead of reading the database's
authz version on every request."""

from __future__ import annotations

import contextlib
from typing import Any

from gateway.redis_store import RedisGuard, RedisUnavailable


class AuthzSignal:
    def __init__(self, redis: RedisGuard) -> None:
        self._redis = redis
        self._key = redis.key("authz")

    async def read(self) -> str | None:
        """The counter's value ("0" before any change); None when Redis cannot answer."""

        async def get(client: Any) -> Any:
            return await client.get(self._key)

        try:
            value = await self._redis.run(get)
        except RedisUnavailable:
            return None
        return "0" if value is None else value.decode() if isinstance(value, bytes) else str(value)

    async def bump(self) -> None:
        """Tell every gateway process the organisation changed (best effort; the database's
        version, checked as a backstop, is the source of truth)."""
        with contextlib.suppress(RedisUnavailable):
            await self._redis.run(lambda client: client.incr(self._key))
