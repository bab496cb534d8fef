"""Lead conversions: a marketing lead becomes an opportunity once the customers service has
resolved its customer. The two halves (the request and the resolution) arrive as separate events in
either order; the opportunity is opened exactly once, when both are known."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

from crm_chassis.errors import InvalidArgument
from sales.domain.common import parse_date

# Outcomes of the customers service's resolution that give the lead a customer to sell to.
RESOLVED_WITH_CUSTOMER = frozenset({"created", "linked"})
# The actor recorded on opportunities opened by a conversion (a system principal, never a user).
CONVERSION_ACTOR = "system:lead-conversion"
# Used when the lead's request names no currency (the organisation's home currency).
DEFAULT_CURRENCY = "CNY"


@dataclasses.dataclass(frozen=True)
class OpportunityRequest:
    """What the converting user asked for (from marketing's `lead_converted`)."""

    lead_id: str
    owner_id: str
    campaign_id: str
    name: str
    amount: Decimal  # minor units
    currency: str
    expected_close_date: str
    stage: str

    def to_dict(self) -> dict[str, Any]:
        row = dataclasses.asdict(self)
        row["amount"] = str(self.amount)
        return row

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> OpportunityRequest:
        return cls(**{**d, "amount": Decimal(d["amount"])})


@dataclasses.dataclass(frozen=True)
class LeadConversion:
    conversion_id: str
    lead_id: str
    request: OpportunityRequest | None  # None: no opportunity asked for, or not arrived yet
    customer_id: str = ""
    outcome: str = ""  # "" until the customers service has resolved it
    opportunity_id: str = ""

    def ready(self) -> bool:
        """True when the opportunity should be opened now (both halves known, not opened yet)."""
        return (
            self.request is not None
            and self.outcome in RESOLVED_WITH_CUSTOMER
            and bool(self.customer_id)
            and not self.opportunity_id
        )

    def opportunity_fields(self) -> dict[str, Any]:
        """The create-opportunity fields for this conversion (only when ready())."""
        assert self.request is not None
        req = self.request
        fields: dict[str, Any] = {
            "name": req.name,
            "amount": req.amount,
            "currency": req.currency,
            "stage": req.stage,
            "source_campaign_id": req.campaign_id,
            "lead_id": req.lead_id,
        }
        try:
            fields["expected_close_date"] = parse_date(req.expected_close_date, "expected_close_date")
        except InvalidArgument:
            # Marketing validated it; a date it let through that sales cannot read is dropped, not fatal.
            fields["expected_close_date"] = None
        return fields
