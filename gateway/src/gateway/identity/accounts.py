"""Logging in, refreshing and revoking: passwords checked, tokens issued and rotated."""

from __future__ import annotations

import logging
import os
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

import anyio.to_thread
from anyio import CapacityLimiter
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool

from crm_chassis.db import transaction
from gateway.identity.lockout import Lockout
from gateway.identity.passwords import Passwords
from gateway.identity.revocation import Revocations
from gateway.identity.tokens import TokenError, TokenService
from gateway.redis_store import RedisUnavailable
from gateway.store import audit
from gateway.store import users as user_store

log = logging.getLogger("gateway.accounts")


@dataclass(frozen=True)
class TokenPair:
    access_token: str
    refresh_token: str
    expires_in: int
    refresh_expires_in: int


class InvalidCredentials(Exception):
    """Unknown user, wrong password or disabled account (deliberately indistinguishable)."""


class LockedOut(Exception):
    """Too many wrong passwords for this username; `retry_after` seconds until the next try."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"locked out for {retry_after}s")
        self.retry_after = retry_after


def _at(epoch: int) -> datetime:
    return datetime.fromtimestamp(epoch, UTC)


class Accounts:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        passwords: Passwords,
        tokens: TokenService,
        *,
        lockout: Lockout | None = None,
        revocations: Revocations | None = None,
    ) -> None:
        self._sessions = sessions
        self._passwords = passwords
        self._tokens = tokens
        self._lockout = lockout
        self._revocations = revocations
        # argon2 takes ~64 MiB and a core per verification: bound how many run at once, so a burst
        # of logins queues instead of exhausting memory (the rate limit bounds the burst per address).
        self._hashing = CapacityLimiter(max(2, os.cpu_count() or 2))

    def _issue(self, session: Session, user: user_store.UserRecord, family_id: str) -> tuple[TokenPair, str]:
        """A new access + refresh pair (the refresh token recorded); returns it and the refresh jti."""
        access = self._tokens.issue_access(user.id, user.username, user.roles, family_id=family_id)
        refresh = self._tokens.issue_refresh(user.id, family_id)
        user_store.add_refresh_token(
            session,
            jti=refresh.jti,
            user_id=user.id,
            family_id=family_id,
            issued_at=_at(refresh.issued_at),
            expires_at=_at(refresh.expires_at),
        )
        pair = TokenPair(
            access.token,
            refresh.token,
            self._tokens.access_ttl_seconds,
            self._tokens.refresh_ttl_seconds,
        )
        return pair, refresh.jti

    def _login(self, username: str, password: str) -> TokenPair:
        with transaction(self._sessions) as session:
            user = user_store.find_by_username(session, username)
        # Always one argon2 verification, whether the user exists or not.
        ok = self._passwords.verify(user.password_hash if user else None, password)
        if not ok or user is None or not user.active:
            with transaction(self._sessions) as session:
                reason = "unknown user" if user is None else ("disabled" if ok else "wrong password")
                audit.record(
                    session,
                    actor_id=None if user is None else user.id,
                    action="auth.login_failed",
                    target_type="user",
                    target_id=None if user is None else user.id,
                    detail={"username": user_store.normalize_username(username)[:150], "reason": reason},
                )
            raise InvalidCredentials()
        with transaction(self._sessions) as session:
            audit.record(session, actor_id=user.id, action="auth.login", target_type="user", target_id=user.id)
            if self._passwords.needs_rehash(user.password_hash):
                user_store.set_password_hash(session, user.id, self._passwords.hash(password))
            user_store.purge_expired_tokens(session, user.id, now=datetime.now(UTC))
            pair, _ = self._issue(session, user, family_id=str(uuid.uuid4()))
            return pair

    async def hash_password(self, password: str) -> str:
        """An argon2 hash of `password`, computed off the event loop within the hashing limit."""
        return await anyio.to_thread.run_sync(self._passwords.hash, password, limiter=self._hashing)

    async def login(self, username: str, password: str) -> TokenPair:
        """A token pair; InvalidCredentials, or LockedOut after too many failures for `username`."""
        if self._lockout is not None and (wait := await self._lockout.locked_for(username)):
            raise LockedOut(wait)
        try:
            pair = await anyio.to_thread.run_sync(self._login, username, password, limiter=self._hashing)
        except InvalidCredentials:
            if self._lockout is not None:
                await self._lockout.failed(username)
            raise
        if self._lockout is not None:
            await self._lockout.succeeded(username)
        return pair

    def _refresh(self, token: str) -> TokenPair:
        claims = self._tokens.decode_refresh(token)
        now = datetime.now(UTC)
        invalid = TokenError("auth.invalid_token", "The refresh token is not valid.")
        with transaction(self._sessions) as session:
            row = user_store.find_refresh_token(session, claims.jti)
            if row is None or row.user_id != claims.user_id:
                raise invalid
            if row.revoked_at is not None:
                # A used or revoked token presented again: assume theft, end the whole family.
                user_store.revoke_family(session, row.family_id, now=now)
                reuse = True
            else:
                reuse = False
        if reuse:
            raise invalid
        with transaction(self._sessions) as session:
            user = user_store.find_by_id(session, claims.user_id)
            if user is None or not user.active or row.expires_at <= now:
                raise invalid
            new_pair, new_jti = self._issue(session, user, family_id=row.family_id)
            if not user_store.consume_refresh_token(session, claims.jti, replaced_by=new_jti, now=now):
                raise invalid  # a concurrent refresh won; this transaction rolls back
            return new_pair

    async def refresh(self, token: str) -> TokenPair:
        return await run_in_threadpool(self._refresh, token)

    def _revoke(self, token: str) -> str:
        claims = self._tokens.decode_refresh(token)
        with transaction(self._sessions) as session:
            user_store.revoke_family(session, claims.family_id, now=datetime.now(UTC))
            audit.record(
                session, actor_id=claims.user_id, action="auth.logout", target_type="user", target_id=claims.user_id
            )
        return claims.family_id

    async def revoke(self, token: str, *, access_token: str | None = None) -> None:
        """End a login: its refresh tokens (database) and its access tokens (Redis deny-list by
        login family, plus the presented access token's jti)."""
        family_id = await run_in_threadpool(self._revoke, token)
        if self._revocations is None:
            return
        try:
            await self._revocations.revoke_family(family_id)
            if access_token is not None:
                try:
                    claims = self._tokens.decode_access(access_token)
                except TokenError:
                    return
                await self._revocations.revoke_token(claims.jti, claims.expires_at)
        except RedisUnavailable:
            log.warning("access tokens of a logout not deny-listed (Redis unavailable); they expire on their own")
