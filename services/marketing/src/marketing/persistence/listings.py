"""The fields each list may filter and sort on (everything else is refused, C30)."""

from __future__ import annotations

from crm_chassis.listing import Field, Listing
from marketing.domain import campaign as cp
from marketing.domain import lead as ld
from marketing.persistence import tables as t


def _times(table, *names: str) -> list[Field]:  # type: ignore[no-untyped-def]
    return [Field(n, table.c[n], "timestamp") for n in names]


CAMPAIGNS = Listing(
    [
        *_times(t.campaigns, "created_at", "updated_at"),
        *(Field(n, t.campaigns.c[n]) for n in ("name", "channel", "owner_id", "currency", "created_by")),
        Field("type", t.campaigns.c.type, choices=frozenset(cp.TYPES)),
        Field("status", t.campaigns.c.status, choices=frozenset(cp.STATUSES)),
        Field("approval_status", t.campaigns.c.approval_status),
        Field("needs_approval", t.campaigns.c.needs_approval, "boolean"),
        Field("budget", t.campaigns.c.budget, "integer"),
        Field("expected_revenue", t.campaigns.c.expected_revenue, "integer"),
        Field("actual_cost", t.campaigns.c.actual_cost, "integer"),
        Field("member_count", t.campaigns.c.member_count, "integer"),
        Field("start_date", t.campaigns.c.start_date, "date"),
        Field("end_date", t.campaigns.c.end_date, "date"),
    ],
    tiebreak=t.campaigns.c.id,
)

LEADS = Listing(
    [
        *_times(
            t.leads,
            "created_at",
            "updated_at",
            "assigned_at",
            "contacted_at",
            "last_touch_at",
            "pool_entered_at",
            "reminded_at",
        ),
        *(
            Field(n, t.leads.c[n])
            for n in (
                "company",
                "contact_name",
                "title",
                "region",
                "industry",
                "source",
                "campaign_id",
                "product_interest",
                "owner_id",
                "previous_owner_id",
                "assignment_rule_id",
                "form_id",
                "converted_customer_id",
                "created_by",
            )
        ),
        Field("status", t.leads.c.status, choices=frozenset(ld.STATUSES)),
        Field("conversion_state", t.leads.c.conversion_state),
        Field("in_pool", t.leads.c.in_pool, "boolean"),
        Field("touch_count", t.leads.c.touch_count, "integer"),
        Field("estimated_budget", t.leads.c.estimated_budget, "integer"),
    ],
    tiebreak=t.leads.c.id,
)

MEMBERS = Listing(
    [
        *_times(t.campaign_members, "added_at", "updated_at"),
        *(Field(n, t.campaign_members.c[n]) for n in ("lead_id", "customer_id", "name")),
        Field("member_type", t.campaign_members.c.member_type, choices=frozenset({"lead", "customer"})),
        Field("response_status", t.campaign_members.c.response_status, choices=frozenset(cp.RESPONSES)),
    ],
    tiebreak=t.campaign_members.c.id,
    default_order="added_at",
)

COSTS = Listing([*_times(t.campaign_costs, "recorded_at")], tiebreak=t.campaign_costs.c.id, default_order="recorded_at")

TOUCHES = Listing([*_times(t.lead_touches, "at")], tiebreak=t.lead_touches.c.id, default_order="at")

FORMS = Listing(
    [
        *_times(t.forms, "created_at", "updated_at"),
        *(Field(n, t.forms.c[n]) for n in ("key", "name", "campaign_id")),
        Field("active", t.forms.c.active, "boolean"),
    ],
    tiebreak=t.forms.c.id,
)
