"""Domain events of the marketing service -> published event type and proto payload."""

from __future__ import annotations

from google.protobuf.message import Message

from crm.marketing.v1 import marketing_events_pb2 as pe
from marketing.domain import events as de
from marketing.domain.common import Money
from marketing.grpc_api import mapping as m


def _converted(e: de.LeadConverted) -> pe.LeadConverted:
    lead, f = e.lead, e.lead.fields
    c = lead.conversion
    assert c is not None
    asked = c.opportunity or {}
    opportunity = None
    if c.create_opportunity:
        opportunity = pe.OpportunityRequest(
            name=str(asked.get("name", "")),
            amount=m.money_to_proto(Money(int(asked.get("amount", 0)), str(asked.get("currency", "CNY")))),  # type: ignore[call-overload]
            expected_close_date=str(asked.get("expected_close_date", "")),
            stage=str(asked.get("stage", "")),
        )
    return pe.LeadConverted(
        lead_id=lead.id,
        conversion_id=c.conversion_id,
        owner_id=lead.owner_id,
        converted_by=e.converted_by,
        company=f.company,
        contact_name=f.contact_name,
        title=f.title,
        phones=list(f.phones),
        emails=list(f.emails),
        region=f.region,
        industry=f.industry,
        source=f.source,
        campaign_id=f.campaign_id,
        customer_id=e.customer_id,
        create_opportunity=c.create_opportunity,
        opportunity=opportunity,
        notes=f.notes,
    )


def translate(event: object) -> tuple[str, Message, str, int]:
    """(event_type, payload, aggregate_id, aggregate_version) for a domain event."""
    match event:
        case de.CampaignCreated(c):
            return "campaign_created", pe.CampaignCreated(campaign=m.campaign_to_proto(c)), c.id, c.version
        case de.CampaignApproved(c, approver, comment, reviewed):
            payload = pe.CampaignApproved(
                campaign=m.campaign_to_proto(c), approver_id=approver, comment=comment, reviewed=reviewed
            )
            return "campaign_approved", payload, c.id, c.version
        case de.CampaignCostRecorded(c, cost):
            payload = pe.CampaignCostRecorded(campaign=m.campaign_to_proto(c), cost=m.cost_to_proto(cost))
            return "campaign_cost_recorded", payload, c.id, c.version
        case de.CampaignStatusChanged(c, old, new, actor, comment):
            payload = pe.CampaignStatusChanged(
                campaign=m.campaign_to_proto(c), from_status=old, to_status=new, actor_id=actor, comment=comment
            )
            return "campaign_status_changed", payload, c.id, c.version
        case de.LeadCreated(lead):
            return "lead_created", pe.LeadCreated(lead=m.lead_to_proto(lead)), lead.id, lead.version
        case de.LeadAssigned(lead, old, reason, rule_id, actor):
            payload = pe.LeadAssigned(
                lead=m.lead_to_proto(lead),
                from_owner_id=old,
                to_owner_id=lead.owner_id,
                reason=reason,
                rule_id=rule_id,
                actor_id=actor,
            )
            return "lead_assigned", payload, lead.id, lead.version
        case de.LeadReturnedToPool(lead, old, reason, actor):
            payload = pe.LeadReturnedToPool(
                lead=m.lead_to_proto(lead), from_owner_id=old, reason=reason, actor_id=actor
            )
            return "lead_returned_to_pool", payload, lead.id, lead.version
        case de.LeadStatusChanged(lead, old, new, actor, reason):
            payload = pe.LeadStatusChanged(
                lead=m.lead_to_proto(lead), from_status=old, to_status=new, actor_id=actor, reason=reason
            )
            return "lead_status_changed", payload, lead.id, lead.version
        case de.LeadDisqualified(lead, reason, actor):
            payload = pe.LeadDisqualified(lead=m.lead_to_proto(lead), reason=reason, actor_id=actor)
            return "lead_disqualified", payload, lead.id, lead.version
        case de.LeadConverted():
            return "lead_converted", _converted(event), event.lead.id, event.lead.version
    raise TypeError(f"no published event for {type(event).__name__}")
