"""Proto <-> domain translation for the marketing API (no rules here)."""

from __future__ import annotations

from datetime import datetime

from google.protobuf.timestamp_pb2 import Timestamp

from crm.common.v1 import money_pb2
from crm.marketing.v1 import marketing_service_pb2 as pb
from marketing.domain import assignment as asg
from marketing.domain import campaign as cp
from marketing.domain import forms as fm
from marketing.domain import lead as ld
from marketing.domain.common import Money


def ts(value: datetime | None) -> Timestamp | None:
    if value is None:
        return None
    out = Timestamp()
    out.FromDatetime(value)
    return out


def money_to_proto(m: Money | None) -> money_pb2.Money | None:
    return None if m is None else money_pb2.Money(currency_code=m.currency, minor_units=m.minor_units)


def money_in(m: money_pb2.Money, default_currency: str = "CNY") -> tuple[int, str]:
    return m.minor_units, m.currency_code or default_currency


# -- campaigns -------------------------------------------------------------------------------------


def campaign_fields(f: pb.CampaignFields) -> cp.CampaignFields:
    return cp.clean_fields(
        name=f.name,
        type=f.type,
        channel=f.channel,
        start_date=f.start_date,
        end_date=f.end_date,
        owner_id=f.owner_id,
        budget=money_in(f.budget),
        expected_revenue=money_in(f.expected_revenue, f.budget.currency_code or "CNY"),
        description=f.description,
    )


def patch_fields(current: cp.Campaign, f: pb.CampaignFields, names: list[str]) -> cp.CampaignFields:
    """Validated fields: the named ones from the patch, the rest from the current campaign."""

    def pick(name: str, new, old):  # type: ignore[no-untyped-def]
        return new if name in names else old

    return cp.clean_fields(
        name=pick("name", f.name, current.name),
        type=pick("type", f.type, current.type),
        channel=pick("channel", f.channel, current.channel),
        start_date=pick("start_date", f.start_date, current.start_date.isoformat() if current.start_date else ""),
        end_date=pick("end_date", f.end_date, current.end_date.isoformat() if current.end_date else ""),
        owner_id=pick("owner_id", f.owner_id, current.owner_id),
        budget=pick(
            "budget", money_in(f.budget, current.budget.currency), (current.budget.minor_units, current.budget.currency)
        ),
        expected_revenue=pick(
            "expected_revenue",
            money_in(f.expected_revenue, current.budget.currency),
            (current.expected_revenue.minor_units, current.expected_revenue.currency),
        ),
        description=pick("description", f.description, current.description),
    )


def campaign_to_proto(c: cp.Campaign) -> pb.Campaign:
    history = []
    if c.approval is not None:
        history = [
            pb.ApprovalEntry(at=ts(e.at), actor_id=e.actor_id, action=e.action, round=e.round, comment=e.comment)
            for e in c.approval.history
        ]
    return pb.Campaign(
        id=c.id,
        name=c.name,
        type=c.type,
        channel=c.channel,
        start_date=c.start_date.isoformat() if c.start_date else "",
        end_date=c.end_date.isoformat() if c.end_date else "",
        owner_id=c.owner_id,
        budget=money_to_proto(c.budget),
        expected_revenue=money_to_proto(c.expected_revenue),
        actual_cost=money_to_proto(c.actual_cost),
        status=c.status,
        needs_approval=c.needs_approval,
        approval_status=c.approval.status if c.approval else "",
        approval_history=history,
        description=c.description,
        member_count=c.member_count,
        version=c.version,
        created_at=ts(c.created_at),
        updated_at=ts(c.updated_at),
        created_by=c.created_by,
    )


def cost_to_proto(e: cp.CostEntry) -> pb.CostEntry:
    return pb.CostEntry(
        id=e.id,
        campaign_id=e.campaign_id,
        amount=money_to_proto(e.amount),
        incurred_on=e.incurred_on.isoformat(),
        description=e.description,
        recorded_by=e.recorded_by,
        recorded_at=ts(e.recorded_at),
    )


def member_to_proto(m: cp.Member) -> pb.CampaignMember:
    return pb.CampaignMember(
        id=m.id,
        campaign_id=m.campaign_id,
        member_type=m.member_type,
        lead_id=m.lead_id,
        customer_id=m.customer_id,
        name=m.name,
        response_status=m.response_status,
        added_at=ts(m.added_at),
        updated_at=ts(m.updated_at),
        version=m.version,
    )


# -- leads -----------------------------------------------------------------------------------------


def utm_in(u: pb.Utm) -> dict[str, str]:
    return {k: getattr(u, k) for k in ld.UTM_KEYS}


def utm_to_proto(pairs: tuple[tuple[str, str], ...]) -> pb.Utm:
    return pb.Utm(**{k: v for k, v in pairs if k in ld.UTM_KEYS})


def lead_fields(f: pb.LeadFields, has_budget: bool) -> ld.LeadFields:
    return ld.clean_fields(
        texts={name: getattr(f, name) for name in ld.TEXT_FIELDS},
        phones=list(f.phones),
        emails=list(f.emails),
        budget=money_in(f.estimated_budget) if has_budget else None,
        utm=utm_in(f.utm),
    )


def lead_patch(current: ld.Lead, f: pb.LeadFields, names: list[str]) -> ld.LeadFields:
    """Validated fields for an update: each named field from the patch, others unchanged."""
    cur = current.fields
    texts = {n: (getattr(f, n) if n in names else getattr(cur, n)) for n in ld.TEXT_FIELDS}
    budget = None
    if "estimated_budget" in names:
        budget = money_in(f.estimated_budget) if f.HasField("estimated_budget") else None
    elif cur.estimated_budget is not None:
        budget = (cur.estimated_budget.minor_units, cur.estimated_budget.currency)
    return ld.clean_fields(
        texts=texts,
        phones=list(f.phones) if "phones" in names else list(cur.phones),
        emails=list(f.emails) if "emails" in names else list(cur.emails),
        budget=budget,
        utm=utm_in(f.utm) if "utm" in names else dict(cur.utm),
    )


def conversion_to_proto(c: ld.Conversion | None) -> pb.LeadConversion | None:
    if c is None:
        return None
    return pb.LeadConversion(
        conversion_id=c.conversion_id,
        state=c.state,
        outcome=c.outcome,
        customer_id=c.customer_id,
        contact_id=c.contact_id,
        opportunity_id=c.opportunity_id,
        create_opportunity=c.create_opportunity,
        conflict_owner_id=c.conflict_owner_id,
        detail=c.detail,
        requested_by=c.requested_by,
        requested_at=ts(c.requested_at),
        resolved_at=ts(c.resolved_at),
    )


def lead_to_proto(lead: ld.Lead) -> pb.Lead:
    f = lead.fields
    c = lead.conversion
    return pb.Lead(
        id=lead.id,
        company=f.company,
        contact_name=f.contact_name,
        title=f.title,
        phones=list(f.phones),
        emails=list(f.emails),
        region=f.region,
        industry=f.industry,
        source=f.source,
        campaign_id=f.campaign_id,
        product_interest=f.product_interest,
        estimated_budget=money_to_proto(f.estimated_budget),
        notes=f.notes,
        utm=utm_to_proto(f.utm),
        owner_id=lead.owner_id,
        status=lead.status,
        disqualify_reason=lead.disqualify_reason,
        in_pool=lead.in_pool,
        pool_entered_at=ts(lead.pool_entered_at),
        assigned_at=ts(lead.assigned_at),
        contacted_at=ts(lead.contacted_at),
        reminded_at=ts(lead.reminded_at),
        previous_owner_id=lead.previous_owner_id,
        assignment_rule_id=lead.assignment_rule_id,
        touch_count=lead.touch_count,
        last_touch_at=ts(lead.last_touch_at),
        form_id=lead.form_id,
        conversion=conversion_to_proto(c),
        converted_customer_id=c.customer_id if c else "",
        converted_contact_id=c.contact_id if c else "",
        converted_opportunity_id=c.opportunity_id if c else "",
        version=lead.version,
        created_at=ts(lead.created_at),
        updated_at=ts(lead.updated_at),
        created_by=lead.created_by,
    )


def touch_to_proto(touch: ld.Touch) -> pb.Touch:
    return pb.Touch(
        id=touch.id,
        lead_id=touch.lead_id,
        at=ts(touch.at),
        source=touch.source,
        campaign_id=touch.campaign_id,
        form_id=touch.form_id,
        submission_id=touch.submission_id,
        utm=utm_to_proto(touch.utm),
        detail=touch.detail,
    )


# -- rules and forms -------------------------------------------------------------------------------


def rule_draft(r: pb.AssignmentRule) -> dict[str, object]:
    return {
        "name": r.name,
        "position": r.position,
        "active": r.active,
        "regions": list(r.regions),
        "industries": list(r.industries),
        "sources": list(r.sources),
        "campaign_ids": list(r.campaign_ids),
        "target": r.target,
        "user_id": r.user_id,
        "member_ids": list(r.member_ids),
        "daily_capacity": r.daily_capacity,
    }


def rule_to_proto(r: asg.Rule) -> pb.AssignmentRule:
    return pb.AssignmentRule(
        id=r.id,
        name=r.name,
        position=r.position,
        active=r.active,
        regions=list(r.regions),
        industries=list(r.industries),
        sources=list(r.sources),
        campaign_ids=list(r.campaign_ids),
        target=r.target,
        user_id=r.user_id,
        member_ids=list(r.member_ids),
        daily_capacity=r.daily_capacity,
        version=r.version,
        created_at=ts(r.created_at),
        updated_at=ts(r.updated_at),
    )


def form_draft(f: pb.Form) -> dict[str, object]:
    return {
        "key": f.key,
        "name": f.name,
        "campaign_id": f.campaign_id,
        "fields": [fm.FormField(x.name, x.label, x.type, x.required, x.max_length, tuple(x.options)) for x in f.fields],
        "mapping": dict(f.mapping),
        "thank_you_message": f.thank_you_message,
        "honeypot_field": f.honeypot_field,
        "active": f.active,
        "auto_assign": f.auto_assign,
    }


def form_to_proto(f: fm.Form) -> pb.Form:
    return pb.Form(
        id=f.id,
        key=f.key,
        name=f.name,
        campaign_id=f.campaign_id,
        fields=[
            pb.FormField(
                name=x.name,
                label=x.label,
                type=x.type,
                required=x.required,
                max_length=x.max_length,
                options=list(x.options),
            )
            for x in f.fields
        ],
        mapping=dict(f.mapping),
        thank_you_message=f.thank_you_message,
        honeypot_field=f.honeypot_field,
        active=f.active,
        auto_assign=f.auto_assign,
        version=f.version,
        created_at=ts(f.created_at),
        updated_at=ts(f.updated_at),
        created_by=f.created_by,
    )
