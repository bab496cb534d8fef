"""Brute-force lockout: after `max_failures` wrong passwords for one username within
`window_seconds`, that username cannot log in until the window ends (Redis counter per
username, whether or not the user exists, so a lockout reveals nothing about accounts).
A successful login clears the counter. Without Redis there is no lockout (logged), the
per-address login rate limit still applies when Redis returns.
"""

from __future__ import annotations

import contextlib
import hashlib
from typing import Any

from gateway.redis_store import RedisGuard, RedisUnavailable

_FAIL = """
local count = redis.call('INCR', KEYS[1])
if count == 1 then
  redis.call('EXPIRE', KEYS[1], ARGV[1])
end
return count
"""


class Lockout:
    def __init__(self, redis: RedisGuard, *, max_failures: int, window_seconds: int) -> None:
        self._redis = redis
        self.max_failures = max_failures
        self.window_seconds = window_seconds

    def _key(self, username: str) -> str:
        return self._redis.key("lock", hashlib.sha256(username.strip().lower().encode()).hexdigest()[:32])

    async def locked_for(self, username: str) -> int:
        """Seconds until `username` may try again; 0 when it may try now (or lockout is off)."""
        if self.max_failures <= 0:
            return 0
        key = self._key(username)

        async def read(client: Any) -> tuple[Any, Any]:
            return await client.get(key), await client.ttl(key)

        try:
            count, ttl = await self._redis.run(read)
        except RedisUnavailable:
            return 0
        if count is None or int(count) < self.max_failures:
            return 0
        return max(1, int(ttl))

    async def failed(self, username: str) -> None:
        """Count one wrong password for `username`."""
        if self.max_failures <= 0:
            return
        key = self._key(username)
        with contextlib.suppress(RedisUnavailable):
            await self._redis.run(lambda client: client.eval(_FAIL, 1, key, self.window_seconds))  # type: ignore[arg-type]

    async def succeeded(self, username: str) -> None:
        """Forget the failures of `username` after a good login."""
        key = self._key(username)
        with contextlib.suppress(RedisUnavailable):
            await self._redis.run(lambda client: client.delete(key))
