"""Campaign use cases: create, edit, move through the status machine, record costs, members."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date

from crm_chassis.errors import FailedPrecondition, InvalidArgument
from crm_chassis.identity import SYSTEM, Caller
from marketing.domain import campaign as cp
from marketing.domain import events as ev
from marketing.domain.common import (
    Money,
    Page,
    actor_of,
    check_version,
    concurrent_write,
    found,
    list_request,
    new_id,
    now,
)
from marketing.domain.ports import CustomerDirectory, DependencyUnavailable, UowFactory
from marketing.domain.settings import MarketingSettings


def _get(uow, caller: Caller, campaign_id: str, *, for_update: bool = False) -> cp.Campaign:  # type: ignore[no-untyped-def]
    c = uow.campaigns.get(campaign_id, for_update=for_update)
    return found(c, "campaign", campaign_id, caller, c.owner_id if c else None)


def _save(uow, before: cp.Campaign, after: cp.Campaign) -> None:  # type: ignore[no-untyped-def]
    if not uow.campaigns.update(after, expected_version=before.version):
        raise concurrent_write("campaign")


def create_campaign(uow_factory: UowFactory, caller: Caller, fields: cp.CampaignFields) -> cp.Campaign:
    """A new draft campaign (owner: the one named, else the caller); publishes campaign_created."""
    campaign = cp.new_campaign(new_id(), fields, actor=actor_of(caller), at=now())
    with uow_factory() as uow:
        uow.campaigns.add(campaign)
        uow.record(ev.CampaignCreated(campaign))
        uow.commit()
    return campaign


def get_campaign(uow_factory: UowFactory, caller: Caller, campaign_id: str) -> cp.Campaign:
    with uow_factory(read_only=True) as uow:
        return _get(uow, caller, campaign_id)


def list_campaigns(uow_factory: UowFactory, caller: Caller, **page: object) -> Page[cp.Campaign]:
    request = list_request(caller, **page)  # type: ignore[arg-type]
    with uow_factory(read_only=True) as uow:
        return uow.campaigns.page(request)


def update_campaign(
    uow_factory: UowFactory,
    caller: Caller,
    campaign_id: str,
    *,
    expected_version: int,
    build: Callable[[cp.Campaign], cp.CampaignFields],
    names: list[str],
) -> cp.Campaign:
    with uow_factory() as uow:
        current = _get(uow, caller, campaign_id, for_update=True)
        check_version(current.version, expected_version, "campaign")
        updated = cp.edit(current, build(current), names, at=now())
        _save(uow, current, updated)
        uow.commit()
    return updated


def transition(
    uow_factory: UowFactory,
    caller: Caller,
    settings: MarketingSettings,
    campaign_id: str,
    action: str,
    *,
    expected_version: int,
    comment: str = "",
) -> cp.Campaign:
    """Moves the campaign (submit/approve/reject/start/complete/cancel). The gateway lets only
    holders of `campaigns:approve` call approve/reject; the engine refuses self-approval."""
    actor = actor_of(caller)
    # An approver decides campaigns outside their own data scope (the gateway checked
    # `campaigns:approve`); every other move needs the campaign in the caller's scope.
    deciding = action.strip().lower() in ("approve", "reject")
    with uow_factory() as uow:
        current = _get(uow, SYSTEM if deciding else caller, campaign_id, for_update=True)
        check_version(current.version, expected_version, "campaign")
        updated = cp.transition(
            current,
            action,
            actor=actor,
            at=now(),
            threshold_minor=settings.approval_threshold_minor,
            approval_id=new_id(),
            comment=comment,
        )
        _save(uow, current, updated)
        uow.record(ev.CampaignStatusChanged(updated, current.status, updated.status, actor, comment))
        if updated.status == cp.APPROVED and current.status != cp.APPROVED:
            uow.record(ev.CampaignApproved(updated, actor, comment, reviewed=updated.needs_approval))
        uow.commit()
    return updated


def record_cost(
    uow_factory: UowFactory, caller: Caller, campaign_id: str, amount: Money, incurred_on: date | None, description: str
) -> tuple[cp.Campaign, cp.CostEntry]:
    """Adds a cost entry; the campaign's actual cost accumulates (one transaction, row locked)."""
    at = now()
    with uow_factory() as uow:
        current = _get(uow, caller, campaign_id, for_update=True)
        updated, entry = cp.add_cost(
            current, new_id(), amount, incurred_on or at.date(), description, actor=actor_of(caller), at=at
        )
        _save(uow, current, updated)
        uow.costs.add(entry)
        uow.record(ev.CampaignCostRecorded(updated, entry))
        uow.commit()
    return updated, entry


def list_costs(
    uow_factory: UowFactory, caller: Caller, campaign_id: str, *, limit: int, cursor: str
) -> tuple[cp.Campaign, Page[cp.CostEntry]]:
    request = list_request(caller, limit=limit, cursor=cursor, filter="", order_by="")
    with uow_factory(read_only=True) as uow:
        campaign = _get(uow, caller, campaign_id)
        return campaign, uow.costs.page(campaign_id, request)


def add_members(
    uow_factory: UowFactory,
    caller: Caller,
    settings: MarketingSettings,
    directory: CustomerDirectory | None,
    campaign_id: str,
    *,
    lead_ids: list[str],
    customer_filter: str,
    customer_limit: int,
) -> tuple[cp.Campaign, int, int]:
    """Adds target-list members from leads (visible to the caller) and from a customers filter
    (read from the customers service with the caller's identity). Returns (campaign, added, skipped)."""
    if not lead_ids and not customer_filter.strip():
        raise InvalidArgument("name lead_ids or a customer_filter", code="members.empty", field="lead_ids")
    if len(lead_ids) > 1000:
        raise InvalidArgument("at most 1000 lead_ids per call", code="members.too_many", field="lead_ids")
    customers = []
    if customer_filter.strip():
        get_campaign(uow_factory, caller, campaign_id)  # 404 before asking the customers service
        if directory is None:
            raise DependencyUnavailable("the customers service is not configured", code="customers.unavailable")
        limit = min(customer_limit or settings.max_customer_members, settings.max_customer_members)
        customers = directory.matching(caller, customer_filter.strip(), limit)
    at = now()
    added = skipped = 0
    with uow_factory() as uow:
        current = _get(uow, caller, campaign_id, for_update=True)
        if current.status in (cp.COMPLETED, cp.CANCELLED):
            raise FailedPrecondition(
                f"a {current.status} campaign takes no members", code="campaign.closed", field="status"
            )
        existing_leads, existing_customers = uow.members.keys(campaign_id)
        for lead_id in dict.fromkeys(lead_ids):
            lead = uow.leads.get(lead_id)
            if lead is None or (lead.owner_id and not caller.can_see_owner(lead.owner_id)):
                raise InvalidArgument(f"lead {lead_id} not found", code="members.lead_not_found", field="lead_ids")
            if lead_id in existing_leads:
                skipped += 1
                continue
            name = lead.fields.company or lead.fields.contact_name
            uow.members.add(cp.Member(new_id(), campaign_id, "lead", lead_id, "", name, "sent", at, at, 1))
            added += 1
        for c in customers:
            if c.id in existing_customers:
                skipped += 1
                continue
            uow.members.add(cp.Member(new_id(), campaign_id, "customer", "", c.id, c.name, "sent", at, at, 1))
            existing_customers.add(c.id)
            added += 1
        updated = dataclasses.replace(
            current, member_count=current.member_count + added, updated_at=at, version=current.version + 1
        )
        _save(uow, current, updated)
        uow.commit()
    return updated, added, skipped


def list_members(uow_factory: UowFactory, caller: Caller, campaign_id: str, **page: object) -> Page[cp.Member]:
    request = list_request(caller, **page)  # type: ignore[arg-type]
    with uow_factory(read_only=True) as uow:
        _get(uow, caller, campaign_id)
        return uow.members.page(campaign_id, request)


def update_member(
    uow_factory: UowFactory, caller: Caller, campaign_id: str, member_id: str, status: str, *, expected_version: int
) -> cp.Member:
    with uow_factory() as uow:
        _get(uow, caller, campaign_id)
        member = uow.members.get(member_id)
        if member is None or member.campaign_id != campaign_id:
            raise found(None, "member", member_id)
        check_version(member.version, expected_version, "member")
        updated = cp.respond(member, status, at=now())
        if not uow.members.update(updated, expected_version=member.version):
            raise concurrent_write("member")
        uow.commit()
    return updated
