"""The customer summary read model: rules for folding customer events into facts."""

from __future__ import annotations

import dataclasses
from datetime import datetime


@dataclasses.dataclass(frozen=True)
class CustomerFact:
    """What reporting keeps of one customer (its latest known state)."""

    customer_id: str
    owner_id: str
    created_at: datetime
    version: int
    event_at: datetime
    # In the recycle bin (deleted or merged away): kept for the version rule, left out of counts.
    deleted: bool = False


@dataclasses.dataclass(frozen=True)
class OwnerCount:
    owner_id: str
    count: int


@dataclasses.dataclass(frozen=True)
class CustomerSummary:
    total: int
    by_owner: list[OwnerCount]
    as_of: datetime | None


def supersedes(incoming: CustomerFact, stored: CustomerFact | None) -> bool:
    """True if `incoming` is newer than what is stored (versions apply monotonically)."""
    return stored is None or incoming.version > stored.version


def summarize(counts: dict[str, int], as_of: datetime | None) -> CustomerSummary:
    """Summary with owners ordered by count (desc) then id, total = sum of the visible counts."""
    by_owner = [OwnerCount(o, n) for o, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    return CustomerSummary(total=sum(counts.values()), by_owner=by_owner, as_of=as_of)
