"""Fixed-window rate limits in Redis, one atomic Lua call per request.

The window of an identity starts at its first request and lasts `window_seconds`; the counter's
remaining TTL is the Retry-After. When Redis is unreachable the request is allowed (logged by the
RedisGuard): losing rate limiting for a while beats refusing every request.
"""

from __future__ import annotations

import hashlib
import logging
import math
from dataclasses import dataclass

from gateway.problems import ProblemError
from gateway.redis_store import RedisGuard, RedisUnavailable

log = logging.getLogger("gateway.ratelimit")

_HIT = """
local count = redis.call('INCR', KEYS[1])
if count == 1 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
"""


@dataclass(frozen=True)
class Decision:
    allowed: bool
    limit: int
    remaining: int
    reset_seconds: int


class RateLimiter:
    def __init__(self, redis: RedisGuard, *, window_seconds: int = 60) -> None:
        self._redis = redis
        self._window_ms = window_seconds * 1000

    async def hit(self, bucket: str, identity: str, limit: int) -> Decision | None:
        """Count one request; None when not limited (limit 0) or Redis is unavailable."""
        if limit <= 0:
            return None
        ident = hashlib.sha256(identity.encode()).hexdigest()[:32]
        key = self._redis.key("rl", bucket, ident)
        try:
            count, ttl_ms = await self._redis.run(
                lambda client: client.eval(_HIT, 1, key, self._window_ms)  # type: ignore[arg-type]
            )
        except RedisUnavailable:
            return None
        count, ttl_ms = int(count), int(ttl_ms)
        reset = max(1, math.ceil(ttl_ms / 1000))
        return Decision(count <= limit, limit, max(0, limit - count), reset)

    async def enforce(self, bucket: str, identity: str, limit: int) -> None:
        """Raise 429 problem+json with Retry-After when `identity` is over `limit` per window."""
        decision = await self.hit(bucket, identity, limit)
        if decision is None or decision.allowed:
            return
        raise ProblemError(
            429,
            "rate_limited",
            f"Too many requests; at most {decision.limit} per minute. Retry in {decision.reset_seconds}s.",
            headers={
                "Retry-After": str(decision.reset_seconds),
                "RateLimit-Limit": str(decision.limit),
                "RateLimit-Remaining": "0",
                "RateLimit-Reset": str(decision.reset_seconds),
            },
        )
