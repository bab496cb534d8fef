"""Redis access that degrades instead of failing requests.

Every command has short socket timeouts and no client-side retries. After a failure the breaker
stays open for `cooldown` seconds, during which calls fail at once with `RedisUnavailable` (no
per-request connect timeouts piling up while Redis is down); callers decide how to degrade.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

import redis.asyncio as aioredis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import RedisError

log = logging.getLogger("gateway.redis")

T = TypeVar("T")


class RedisUnavailable(Exception):
    pass


class RedisGuard:
    def __init__(
        self,
        url: str,
        prefix: str,
        *,
        timeout_seconds: float = 0.5,
        cooldown_seconds: float = 5.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._url = url
        self._prefix = prefix.rstrip(":")
        self._timeout = timeout_seconds
        self._cooldown = cooldown_seconds
        self._clock = clock
        self._open_until = 0.0
        self._client: aioredis.Redis | None = None

    def key(self, *parts: str) -> str:
        """`<CRM_REDIS_PREFIX>:gateway:<parts...>`"""
        return ":".join((self._prefix, "gateway", *parts))

    @property
    def client(self) -> aioredis.Redis:
        if self._client is None:
            self._client = aioredis.Redis.from_url(
                self._url,
                socket_connect_timeout=self._timeout,
                socket_timeout=self._timeout,
                retry=Retry(NoBackoff(), 0),
                health_check_interval=30,
            )
        return self._client

    async def run(self, operation: Callable[[aioredis.Redis], Awaitable[T]]) -> T:
        """Run `operation(client)`; RedisUnavailable when Redis fails or the breaker is open."""
        if self._clock() < self._open_until:
            raise RedisUnavailable("redis circuit open")
        try:
            return await operation(self.client)
        except (RedisError, OSError) as exc:
            self._open_until = self._clock() + self._cooldown
            log.warning(
                "redis unavailable; degrading for %.0fs",
                self._cooldown,
                extra={"error": f"{type(exc).__name__}: {exc}"},
            )
            raise RedisUnavailable(str(exc)) from exc

    async def ping(self) -> str:
        """'ok' or a short error, bypassing the breaker (for /readyz)."""
        try:
            await self.client.ping()
        except (RedisError, OSError) as exc:
            return f"error: {type(exc).__name__}"
        self._open_until = 0.0
        return "ok"

    async def close(self) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None
