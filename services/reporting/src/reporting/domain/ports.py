"""Storage the reporting read models need (implemented in reporting.persistence)."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from reporting.domain.customer_summary import CustomerFact


class CustomerFacts(Protocol):
    def get(self, customer_id: str) -> CustomerFact | None: ...

    def put_if_newer(self, fact: CustomerFact) -> bool:
        """Store `fact` unless a fact with the same or a higher version is stored; True if stored.

        Must apply `customer_summary.supersedes` atomically (one statement), so concurrent
        handlers cannot interleave a read and a write.
        """
        ...

    def remove(self, customer_id: str, *, up_to_version: int) -> bool:
        """Forget the customer (purged for good) unless a newer version is stored; True if removed."""
        ...

    def counts_by_owner(self, visible_owners: frozenset[str] | None) -> dict[str, int]:
        """Live (not deleted) customers per owner."""
        ...

    def newest_event_at(self) -> datetime | None: ...
