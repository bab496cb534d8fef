"""Logging in, refreshing and revoking: passwords checked, tokens issued and rotated."""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

import anyio.to_thread
from anyio import CapacityLimiter
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool

from crm_chassis.db import transaction
from gateway.identity.passwords import Passwords
from gateway.identity.tokens import TokenError, TokenService
from gateway.store import users as user_store


@dataclass(frozen=True)
class TokenPair:
    access_token: str
    refresh_token: str
    expires_in: int
    refresh_expires_in: int


class InvalidCredentials(Exception):
    """Unknown user, wrong password or disabled account (deliberately indistinguishable)."""


def _at(epoch: int) -> datetime:
    return datetime.fromtimestamp(epoch, UTC)


class Accounts:
    def __init__(self, sessions: sessionmaker[Session], passwords: Passwords, tokens: TokenService) -> None:
        self._sessions = sessions
        self._passwords = passwords
        self._tokens = tokens
        # argon2 takes ~64 MiB and a core per verification: bound how many run at once, so a burst
        # of logins queues instead of exhausting memory (the rate limit bounds the burst per address).
        self._hashing = CapacityLimiter(max(2, os.cpu_count() or 2))

    def _issue(self, session: Session, user: user_store.UserRecord, family_id: str) -> tuple[TokenPair, str]:
        """A new access + refresh pair (the refresh token recorded); returns it and the refresh jti."""
        access = self._tokens.issue_access(user.id, user.username, user.roles)
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
            raise InvalidCredentials()
        with transaction(self._sessions) as session:
            if self._passwords.needs_rehash(user.password_hash):
                user_store.set_password_hash(session, user.id, self._passwords.hash(password))
            user_store.purge_expired_tokens(session, user.id, now=datetime.now(UTC))
            pair, _ = self._issue(session, user, family_id=str(uuid.uuid4()))
            return pair

    async def login(self, username: str, password: str) -> TokenPair:
        return await anyio.to_thread.run_sync(self._login, username, password, limiter=self._hashing)

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

    def _revoke(self, token: str) -> None:
        claims = self._tokens.decode_refresh(token)
        with transaction(self._sessions) as session:
            user_store.revoke_family(session, claims.family_id, now=datetime.now(UTC))

    async def revoke(self, token: str) -> None:
        await run_in_threadpool(self._revoke, token)
