"""Campaigns: fields, the status machine with budget approval, cost entries and target-list members.

draft → pending_approval → approved → running → completed, or cancelled from any open status.
Submitting a campaign whose budget is over the configured threshold opens an approval (the chassis
approval engine, one step decided by holders of `campaigns:approve`); under the threshold the
submission is approved without review. A rejection (comment required) returns it to draft.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

from crm_chassis import approvals as ap
from crm_chassis.errors import FailedPrecondition, InvalidArgument
from marketing.domain.common import Money, bounded, choice, money, parse_date, required_text

TYPES = ("exhibition", "seminar", "online_ads", "email", "sms", "referral", "other")
DRAFT, PENDING, APPROVED, RUNNING, COMPLETED, CANCELLED = (
    "draft",
    "pending_approval",
    "approved",
    "running",
    "completed",
    "cancelled",
)
STATUSES = (DRAFT, PENDING, APPROVED, RUNNING, COMPLETED, CANCELLED)
ACTIONS = ("submit", "approve", "reject", "start", "complete", "cancel")
# The permission (passed by the gateway as a role marker) that decides campaign approvals.
APPROVER_ROLE = "campaigns:approve"
FLOW = ap.Flow(key="campaign_budget", steps=(ap.Step(name="budget", role=APPROVER_ROLE),))
RESPONSES = ("sent", "responded", "converted")
EDITABLE = frozenset({DRAFT})


@dataclasses.dataclass(frozen=True)
class CampaignFields:
    name: str
    type: str
    channel: str
    start_date: date | None
    end_date: date | None
    owner_id: str
    budget: Money
    expected_revenue: Money
    description: str


@dataclasses.dataclass(frozen=True)
class Campaign:
    id: str
    name: str
    type: str
    channel: str
    start_date: date | None
    end_date: date | None
    owner_id: str
    budget: Money
    expected_revenue: Money
    actual_cost: Money
    status: str
    needs_approval: bool
    approval: ap.Approval | None
    description: str
    member_count: int
    version: int
    created_at: datetime
    updated_at: datetime
    created_by: str


@dataclasses.dataclass(frozen=True)
class CostEntry:
    id: str
    campaign_id: str
    amount: Money
    incurred_on: date
    description: str
    recorded_by: str
    recorded_at: datetime


@dataclasses.dataclass(frozen=True)
class Member:
    id: str
    campaign_id: str
    member_type: str  # lead | customer
    lead_id: str
    customer_id: str
    name: str
    response_status: str
    added_at: datetime
    updated_at: datetime
    version: int


def clean_fields(
    *,
    name: str,
    type: str,
    channel: str,
    start_date: str,
    end_date: str,
    owner_id: str,
    budget: tuple[int, str],
    expected_revenue: tuple[int, str],
    description: str,
) -> CampaignFields:
    """Validated campaign fields; InvalidArgument naming the first bad field."""
    start = parse_date(start_date, "start_date")
    end = parse_date(end_date, "end_date")
    if start and end and end < start:
        raise InvalidArgument("end_date is before start_date", code="campaign.dates_reversed", field="end_date")
    b = money(budget[0], budget[1], "budget")
    r = money(expected_revenue[0], expected_revenue[1] or b.currency, "expected_revenue")
    if r.currency != b.currency:
        raise InvalidArgument(
            "expected_revenue must be in the budget's currency",
            code="campaign.currency_mismatch",
            field="expected_revenue",
        )
    return CampaignFields(
        name=required_text(name, "name"),
        type=choice(type, "type", TYPES),
        channel=bounded(channel, "channel", max_len=100),
        start_date=start,
        end_date=end,
        owner_id=bounded(owner_id, "owner_id", max_len=64),
        budget=b,
        expected_revenue=r,
        description=bounded(description, "description", max_len=4000),
    )


def new_campaign(campaign_id: str, fields: CampaignFields, *, actor: str, at: datetime) -> Campaign:
    return Campaign(
        id=campaign_id,
        name=fields.name,
        type=fields.type,
        channel=fields.channel,
        start_date=fields.start_date,
        end_date=fields.end_date,
        owner_id=fields.owner_id or actor,
        budget=fields.budget,
        expected_revenue=fields.expected_revenue,
        actual_cost=Money(0, fields.budget.currency),
        status=DRAFT,
        needs_approval=False,
        approval=None,
        description=fields.description,
        member_count=0,
        version=1,
        created_at=at,
        updated_at=at,
        created_by=actor,
    )


def edit(campaign: Campaign, fields: CampaignFields, names: list[str], *, at: datetime) -> Campaign:
    """The campaign with the named fields replaced; only a draft is editable (cost currency stays)."""
    if campaign.status not in EDITABLE:
        raise FailedPrecondition(
            f"a {campaign.status} campaign cannot be edited", code="campaign.not_editable", field="status"
        )
    unknown = sorted(set(names) - {f.name for f in dataclasses.fields(CampaignFields)})
    if unknown or not names:
        raise InvalidArgument(
            f"cannot update {', '.join(unknown) or 'nothing'}", code="update_mask.unknown_field", field="fields"
        )
    changes = {n: getattr(fields, n) for n in names}
    updated = dataclasses.replace(campaign, **changes, updated_at=at, version=campaign.version + 1)
    if updated.start_date and updated.end_date and updated.end_date < updated.start_date:
        raise InvalidArgument("end_date is before start_date", code="campaign.dates_reversed", field="end_date")
    if updated.budget.currency != campaign.actual_cost.currency and campaign.actual_cost.minor_units:
        raise InvalidArgument(
            "budget currency cannot change after costs", code="campaign.currency_mismatch", field="budget"
        )
    if updated.budget.currency != campaign.actual_cost.currency:
        updated = dataclasses.replace(updated, actual_cost=Money(0, updated.budget.currency))
    return updated


def _refuse(campaign: Campaign, action: str) -> FailedPrecondition:
    return FailedPrecondition(
        f"cannot {action} a {campaign.status} campaign", code="campaign.invalid_transition", field="status"
    )


def transition(
    campaign: Campaign,
    action: str,
    *,
    actor: str,
    at: datetime,
    threshold_minor: int,
    approval_id: str,
    comment: str = "",
) -> Campaign:
    """The campaign after `action` (see the module docstring); FailedPrecondition when not allowed.

    approve / reject go through the chassis approval engine: nobody approves their own submission."""
    action = choice(action, "action", ACTIONS)
    bumped = {"updated_at": at, "version": campaign.version + 1}
    if action == "submit":
        if campaign.status != DRAFT:
            raise _refuse(campaign, action)
        needs = campaign.budget.minor_units > threshold_minor
        previous = campaign.approval
        if previous is not None and previous.status in ap.PASSED:
            previous = None
        approval = ap.submit(
            FLOW if needs else None,
            approval_id=approval_id,
            record_type="campaign",
            record_id=campaign.id,
            submitter=actor,
            at=at,
            previous=previous,
            comment=comment,
        )
        status = APPROVED if approval.passed else PENDING
        return dataclasses.replace(campaign, status=status, needs_approval=needs, approval=approval, **bumped)
    if action in ("approve", "reject"):
        if campaign.status != PENDING or campaign.approval is None:
            raise _refuse(campaign, action)
        who = ap.Actor(actor, frozenset({APPROVER_ROLE}))
        if action == "approve":
            decided = ap.approve(campaign.approval, who, at=at, comment=comment)
            status = APPROVED if decided.passed else PENDING
        else:
            decided = ap.reject(campaign.approval, who, at=at, comment=comment)
            status = DRAFT
        return dataclasses.replace(campaign, status=status, approval=decided, **bumped)
    if action == "start":
        if campaign.status != APPROVED:
            raise _refuse(campaign, action)
        return dataclasses.replace(campaign, status=RUNNING, **bumped)
    if action == "complete":
        if campaign.status != RUNNING:
            raise _refuse(campaign, action)
        return dataclasses.replace(campaign, status=COMPLETED, **bumped)
    # cancel
    if campaign.status in (COMPLETED, CANCELLED):
        raise _refuse(campaign, action)
    approval = campaign.approval
    if approval is not None and approval.is_open:
        approval = ap.withdraw(approval, ap.Actor(approval.submitted_by), at=at, comment=comment or "cancelled")
    return dataclasses.replace(campaign, status=CANCELLED, approval=approval, **bumped)


def add_cost(
    campaign: Campaign, entry_id: str, amount: Money, incurred_on: date, description: str, *, actor: str, at: datetime
) -> tuple[Campaign, CostEntry]:
    """Records a cost: actual cost accumulates. Not on a cancelled or draft campaign."""
    if campaign.status in (DRAFT, CANCELLED):
        raise FailedPrecondition(
            f"costs are recorded on approved, running or completed campaigns, not {campaign.status}",
            code="campaign.cost_not_allowed",
            field="status",
        )
    if amount.minor_units <= 0:
        raise InvalidArgument("amount must be greater than 0", code="amount_not_positive", field="amount")
    total = campaign.actual_cost.plus(amount)
    entry = CostEntry(
        entry_id, campaign.id, amount, incurred_on, bounded(description, "description", max_len=500), actor, at
    )
    return dataclasses.replace(campaign, actual_cost=total, updated_at=at, version=campaign.version + 1), entry


def respond(member: Member, status: str, *, at: datetime) -> Member:
    return dataclasses.replace(
        member, response_status=choice(status, "response_status", RESPONSES), updated_at=at, version=member.version + 1
    )
