"""Everything one running gateway app holds: settings, database, Redis, channels, policy, metrics."""

from __future__ import annotations

import logging

from starlette.requests import Request

from crm_chassis.db import make_engine, make_session_factory
from gateway.config import Settings
from gateway.idempotency import IdempotencyStore
from gateway.identity.accounts import Accounts
from gateway.identity.passwords import Passwords
from gateway.identity.policy import AccessPolicy, StaticRolePolicy
from gateway.identity.tokens import TokenService
from gateway.metrics import GatewayMetrics
from gateway.ratelimit import RateLimiter
from gateway.redis_store import RedisGuard
from gateway.upstreams import Upstreams

log = logging.getLogger("gateway")


class Runtime:
    def __init__(self, settings: Settings, *, policy: AccessPolicy | None = None) -> None:
        self.settings = settings
        self.metrics = GatewayMetrics()
        self.engine = make_engine(settings.database_url)
        self.sessions = make_session_factory(self.engine)
        self.passwords = Passwords()
        self.tokens = TokenService(
            settings.jwt_secret,
            access_ttl_seconds=settings.access_token_ttl_seconds,
            refresh_ttl_seconds=settings.refresh_token_ttl_seconds,
        )
        self.policy: AccessPolicy = policy or StaticRolePolicy()
        self.accounts: Accounts = Accounts(self.sessions, self.passwords, self.tokens)
        self.redis = RedisGuard(settings.redis_url, settings.redis_prefix)
        self.rate_limiter = RateLimiter(self.redis)
        self.idempotency = IdempotencyStore(
            self.redis,
            ttl_seconds=settings.idempotency_ttl_seconds,
            lease_seconds=max(10, int(settings.deadline_seconds * 3)),
        )
        self.upstreams = Upstreams(
            settings.upstream_targets(),
            deadline_seconds=settings.deadline_seconds,
            health_timeout_seconds=settings.health_timeout_seconds,
            metrics=self.metrics,
        )

    async def start(self) -> None:
        for warning in self.settings.local_default_warnings():
            log.warning(warning)
        await self.upstreams.start()

    async def close(self) -> None:
        await self.upstreams.close()
        await self.redis.close()
        self.engine.dispose()


def runtime_of(request: Request) -> Runtime:
    return request.app.state.runtime  # type: ignore[no-any-return]
