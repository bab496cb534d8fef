"""The local copy of customers, kept from the customers service's events (a work order, complaint
or return visit points only at a customer that exists here)."""

from __future__ import annotations

import dataclasses
from datetime import datetime

from crm_chassis.errors import InvalidArgument


@dataclasses.dataclass(frozen=True)
class CustomerRef:
    id: str
    name: str
    owner_id: str
    classification: str
    latitude: float | None
    longitude: float | None
    deleted: bool
    merged_into_id: str
    version: int  # the customer's own version in the customers service
    updated_at: datetime


def newer(current: CustomerRef | None, incoming: CustomerRef) -> bool:
    """Events apply monotonically by the customer's version: an older one changes nothing."""
    return current is None or incoming.version > current.version


def usable(ref: CustomerRef | None, customer_id: str, field: str = "customer_id") -> CustomerRef:
    """The customer if it exists and is not deleted; InvalidArgument `customer.unknown` otherwise."""
    if not customer_id:
        raise InvalidArgument("customer_id is required", code="customer_id_required", field=field)
    if ref is None or ref.deleted:
        merged = f" (merged into {ref.merged_into_id})" if ref is not None and ref.merged_into_id else ""
        raise InvalidArgument(
            f"customer {customer_id} does not exist{merged}",
            code="customer.unknown",
            field=field,
            details={"merged_into_id": ref.merged_into_id} if ref is not None and ref.merged_into_id else None,
        )
    return ref
