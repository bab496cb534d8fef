"""Everything one running gateway app holds: settings, database, Redis, channels, policy, metrics."""

from __future__ import annotations

import logging
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request

from crm_chassis.db import make_engine, make_session_factory, transaction
from gateway.config import Settings
from gateway.idempotency import IdempotencyStore
from gateway.identity.accounts import Accounts
from gateway.identity.authz_signal import AuthzSignal
from gateway.identity.lockout import Lockout
from gateway.identity.org_policy import DatabasePolicy
from gateway.identity.passwords import Passwords
from gateway.identity.policy import AccessPolicy
from gateway.identity.revocation import Revocations
from gateway.identity.tokens import TokenService
from gateway.metrics import GatewayMetrics
from gateway.notifications.consumer import NotificationConsumer, redis_announcer
from gateway.ratelimit import RateLimiter
from gateway.redis_store import RedisGuard
from gateway.store import audit
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
        self.redis = RedisGuard(
            settings.redis_url, settings.redis_prefix, timeout_seconds=settings.redis_timeout_seconds
        )
        # The organisation as stored (roles, scopes, field rules); tests may pass another policy.
        self.org_policy = DatabasePolicy(self.sessions, AuthzSignal(self.redis))
        self.policy: AccessPolicy = policy or self.org_policy
        self.revocations = Revocations(self.redis, access_ttl_seconds=settings.access_token_ttl_seconds)
        self.lockout = Lockout(
            self.redis, max_failures=settings.login_max_failures, window_seconds=settings.login_lockout_seconds
        )
        self.accounts: Accounts = Accounts(
            self.sessions, self.passwords, self.tokens, lockout=self.lockout, revocations=self.revocations
        )
        self.rate_limiter = RateLimiter(self.redis)
        self.idempotency = IdempotencyStore(
            self.redis,
            ttl_seconds=settings.idempotency_ttl_seconds,
            lease_seconds=max(10, int(settings.deadline_seconds * 3)),
        )
        # Started in start() unless CRM_GATEWAY_NOTIFICATIONS=off.
        self.notification_consumer: NotificationConsumer | None = None
        self.upstreams = Upstreams(
            settings.upstream_targets(),
            deadline_seconds=settings.deadline_seconds,
            health_timeout_seconds=settings.health_timeout_seconds,
            metrics=self.metrics,
        )

    async def audit_event(
        self, actor_id: str | None, action: str, target_type: str, target_id: str | None, detail: dict[str, Any]
    ) -> None:
        """Append one audit entry in its own transaction (off the event loop)."""

        def write() -> None:
            with transaction(self.sessions) as session:
                audit.record(
                    session,
                    actor_id=actor_id,
                    action=action,
                    target_type=target_type,
                    target_id=target_id,
                    detail=detail,
                )

        await run_in_threadpool(write)

    async def start(self) -> None:
        for warning in self.settings.local_default_warnings():
            log.warning(warning)
        await self.upstreams.start()
        if self.settings.notifications == "on":
            self.notification_consumer = NotificationConsumer(
                self.settings.amqp_url,
                self.sessions,
                redis_announcer(self.settings.redis_url, self.settings.redis_prefix),
            )
            self.notification_consumer.start()

    async def close(self) -> None:
        if self.notification_consumer is not None:
            await run_in_threadpool(self.notification_consumer.stop)
        await self.upstreams.close()
        await self.redis.close()
        self.engine.dispose()


def runtime_of(request: Request) -> Runtime:
    return request.app.state.runtime  # type: ignore[no-any-return]
