"""First-come ownership (C24/C25): a hard key held by another live customer refuses the save."""

from __future__ import annotations

from crm_chassis.errors import AlreadyExists
from customers.domain.ports import Match

# The request field a key comes from.
_FIELD_OF_KEY = {"company_name": "name", "uscc": "uscc", "person_mobile": "phones"}


class DuplicateCustomer(AlreadyExists):
    """Another live customer holds a hard key of this one; the first registrant keeps it."""

    default_code = "duplicate_customer"

    def __init__(self, match: Match) -> None:
        owner = f"owned by {match.owner_id}" if match.owner_id else "in the customer pool"
        super().__init__(
            f"a customer with the same {match.key_type.replace('_', ' ')} already exists "
            f"(customer {match.customer_id}, {owner})",
            field=_FIELD_OF_KEY.get(match.key_type, match.key_type),
            details={
                "existing_customer_id": match.customer_id,
                "existing_owner_id": match.owner_id or "",
                "key_type": match.key_type,
            },
        )
        self.match = match


def refuse_conflicts(conflicts: list[Match]) -> None:
    if conflicts:
        raise DuplicateCustomer(sorted(conflicts, key=lambda m: (m.key_type, m.customer_id))[0])


def dedupe(matches: list[Match]) -> list[Match]:
    """One match per (key type, customer, contact), stable order."""
    seen: set[tuple[str, str, str | None]] = set()
    out = []
    for m in sorted(matches, key=lambda m: (not m.hard, m.key_type, m.customer_id, m.contact_id or "")):
        ident = (m.key_type, m.customer_id, m.contact_id)
        if ident not in seen:
            seen.add(ident)
            out.append(m)
    return out
