"""Revoked access tokens: a Redis deny-list by `jti` and by login (refresh-token family), each
entry kept until the longest-lived access token it could cover has expired.

If Redis is unavailable the check lets requests through (logged by RedisGuard), like the rate
limiter: refresh tokens are revoked in the database regardless, and access tokens live minutes.
"""

from __future__ import annotations

import time
from typing import Any

from gateway.redis_store import RedisGuard, RedisUnavailable


class Revocations:
    def __init__(self, redis: RedisGuard, *, access_ttl_seconds: int) -> None:
        self._redis = redis
        self._ttl = access_ttl_seconds + 60  # leeway on top of the token lifetime

    def _jti_key(self, jti: str) -> str:
        return self._redis.key("deny", "jti", jti)

    def _family_key(self, family_id: str) -> str:
        return self._redis.key("deny", "fam", family_id)

    async def revoke_token(self, jti: str, expires_at: int) -> None:
        """Deny one access token until it expires. Raises RedisUnavailable."""
        ttl = max(1, int(expires_at - time.time()) + 60)
        key = self._jti_key(jti)
        await self._redis.run(lambda client: client.set(key, "1", ex=ttl))

    async def revoke_family(self, family_id: str) -> None:
        """Deny every access token issued by one login. Raises RedisUnavailable."""
        key = self._family_key(family_id)
        await self._redis.run(lambda client: client.set(key, "1", ex=self._ttl))

    async def is_revoked(self, jti: str, family_id: str | None) -> bool:
        """True when the token or its login was revoked; False also when Redis cannot answer."""
        keys = [self._jti_key(jti)]
        if family_id is not None:
            keys.append(self._family_key(family_id))

        async def count(client: Any) -> int:
            return int(await client.exists(*keys))

        try:
            return await self._redis.run(count) > 0
        except RedisUnavailable:
            return False
