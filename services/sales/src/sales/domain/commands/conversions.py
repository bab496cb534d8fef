"""Lead conversion use cases (worker side): remember marketing's request and the customers
service's resolution, and open the opportunity once both are known — exactly once."""

from __future__ import annotations

import dataclasses
import logging

from crm_chassis.errors import InvalidArgument
from sales.domain import opportunity as op
from sales.domain.commands.base import new_id
from sales.domain.common import now
from sales.domain.conversions import CONVERSION_ACTOR, LeadConversion, OpportunityRequest
from sales.domain.customers import CustomerRef, newer
from sales.domain.events import OpportunityCreated
from sales.domain.ports import SalesUnitOfWork

log = logging.getLogger("crm.sales.conversions")


def record_request(
    uow: SalesUnitOfWork, conversion_id: str, lead_id: str, request: OpportunityRequest | None
) -> LeadConversion:
    """Store marketing's side of the conversion (request None: no opportunity was asked for)."""
    current = uow.conversions.get(conversion_id, for_update=True) or LeadConversion(conversion_id, lead_id, None)
    conversion = dataclasses.replace(current, lead_id=lead_id, request=request)
    return _advance(uow, conversion)


def record_resolution(
    uow: SalesUnitOfWork, conversion_id: str, lead_id: str, outcome: str, customer: CustomerRef | None
) -> LeadConversion:
    """Store the customers service's side; a resolved customer unknown to the local copy yet is
    added at version 0, so its own customer events (version ≥ 1) still overwrite it."""
    if customer is not None and newer(uow.customers.get(customer.id), customer) and customer.version == 0:
        uow.customers.put(customer)
    current = uow.conversions.get(conversion_id, for_update=True) or LeadConversion(conversion_id, lead_id, None)
    conversion = dataclasses.replace(current, outcome=outcome, customer_id=customer.id if customer is not None else "")
    return _advance(uow, conversion)


def _advance(uow: SalesUnitOfWork, conversion: LeadConversion) -> LeadConversion:
    if conversion.ready():
        opportunity = _open_opportunity(uow, conversion)
        conversion = dataclasses.replace(conversion, opportunity_id=opportunity.id)
    uow.conversions.put(conversion)
    return conversion


def _open_opportunity(uow: SalesUnitOfWork, conversion: LeadConversion) -> op.Opportunity:
    assert conversion.request is not None
    at = now()
    settings = uow.settings.load()
    fields = conversion.opportunity_fields()
    try:
        settings.open_stage(fields["stage"] or settings.stages[0].key)
    except InvalidArgument:
        # Stages are configured in sales; a stage key marketing did not know falls back to the first.
        log.warning("conversion %s: unknown stage %r, using the first", conversion.conversion_id, fields["stage"])
        fields["stage"] = ""
    opp, change = op.create(
        id=new_id(),
        customer_id=conversion.customer_id,
        owner_id=conversion.request.owner_id,
        fields=fields,
        settings=settings,
        actor_id=CONVERSION_ACTOR,
        at=at,
        change_id=new_id(),
    )
    uow.opportunities.add(opp)
    uow.opportunities.add_history(change)
    uow.record(OpportunityCreated(opp))
    return opp
