"""Lead use cases: intake (with duplicate merging and rule-based assignment), edits, the lead pool
(grab with a daily claim limit, release, manager assignment), disqualification and conversion."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import datetime, timedelta

from crm_chassis.errors import FailedPrecondition, InvalidArgument, NotFound
from crm_chassis.identity import Caller
from marketing.domain import assignment as asg
from marketing.domain import events as ev
from marketing.domain import lead as ld
from marketing.domain.common import (
    Page,
    actor_of,
    check_version,
    concurrent_write,
    found,
    list_request,
    local_date,
    new_id,
    now,
)
from marketing.domain.ports import UowFactory
from marketing.domain.settings import MarketingSettings

MERGED = "duplicate intake merged"
MANAGER_ROLES = frozenset({"admin", "marketer", "sales_manager"})


@dataclasses.dataclass(frozen=True)
class Intake:
    """Where one intake landed: a new lead, or a touch on the duplicate it matched."""

    lead: ld.Lead
    merged: bool
    touch: ld.Touch


@dataclasses.dataclass(frozen=True)
class Origin:
    """Where an intake comes from."""

    source: str  # manual | web_form | import | api
    form_id: str = ""
    submission_id: str = ""
    # Hand-entered leads stay with their creator (M4) unless auto-assignment is asked for.
    creator_keeps: bool = False
    # Evaluate the assignment rules (False: unowned intake goes straight to the pool).
    route: bool = True


def is_manager(caller: Caller) -> bool:
    return bool(MANAGER_ROLES & set(caller.roles)) or caller.caller_service is not None


def _get(uow, caller: Caller, lead_id: str, *, for_update: bool = False) -> ld.Lead:  # type: ignore[no-untyped-def]
    lead = uow.leads.get(lead_id, for_update=for_update)
    return found(lead, "lead", lead_id, caller, lead.owner_id if lead else None)


def _save(uow, before: ld.Lead, after: ld.Lead) -> None:  # type: ignore[no-untyped-def]
    if not uow.leads.update(after, expected_version=before.version):
        raise concurrent_write("lead")


# -- intake ----------------------------------------------------------------------------------------


def route(uow, settings: MarketingSettings, fields: ld.LeadFields, at: datetime) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """(owner, rule id) from the first matching rule with an eligible member, else ("", "") = pool.

    The rule's row is locked while its turn is taken (M3), so concurrent intakes on any replica
    never take the same turn; the member states are updated in the same transaction."""
    day = local_date(at, settings.time_zone).isoformat()
    for rule in asg.ordered(uow.rules.all()):
        if not asg.matches(rule, fields):
            continue
        turn = uow.rules.take_turn(rule.id)  # row lock + the rule's turn counter, incremented
        states = uow.rules.states(rule.id)
        counts = uow.leads.open_counts(rule.member_ids) if rule.target == asg.LEAST_OPEN else {}
        member = asg.pick(rule, states, counts, day=day)
        if member is None:
            continue
        if rule.target != asg.USER:
            uow.rules.save_state(rule.id, asg.took_turn(states.get(member), member, sequence=turn, at=at, day=day))
        return member, rule.id
    return "", ""


def intake_in(
    uow,  # type: ignore[no-untyped-def]
    caller: Caller,
    settings: MarketingSettings,
    fields: ld.LeadFields,
    origin: Origin,
    *,
    at: datetime,
    utm: tuple[tuple[str, str], ...] = (),
) -> Intake:
    """Intake inside an open unit of work (the caller commits). Idempotent on submission_id; a
    lead with the same phone or email key seen within the dedupe window gets a touch instead of a
    second lead (the keys are locked first, so two concurrent intakes cannot both create)."""
    actor = actor_of(caller)
    if origin.submission_id:
        earlier = uow.touches.by_submission(origin.submission_id)
        if earlier is not None:
            lead = uow.leads.get(earlier.lead_id)
            return Intake(lead, earlier.detail == MERGED, earlier)
    keys = ld.match_keys(fields)
    uow.leads.lock_keys(keys)
    since = at - timedelta(seconds=settings.dedupe_window_seconds)
    for candidate in uow.leads.by_keys(keys, since=since):
        if ld.within_window(candidate, at, settings.dedupe_window_seconds):
            updated = ld.touched(candidate, at)
            _save(uow, candidate, updated)
            uow.leads.add_keys(updated.id, keys, at)
            touch = ld.Touch(
                new_id(),
                updated.id,
                at,
                fields.source or origin.source,
                fields.campaign_id,
                origin.form_id,
                origin.submission_id,
                utm or fields.utm,
                MERGED,
            )
            uow.touches.add(touch)
            return Intake(updated, True, touch)
    owner, rule_id, reason = "", "", ""
    if origin.creator_keeps and caller.user_id:
        owner, reason = caller.user_id, "creator"
    elif origin.route:
        owner, rule_id = route(uow, settings, fields, at)
        reason = "rule" if owner else ""
    if not fields.source:
        fields = dataclasses.replace(fields, source=origin.source)
    lead = ld.new_lead(new_id(), fields, owner_id=owner, actor=actor, at=at, form_id=origin.form_id, rule_id=rule_id)
    uow.leads.add(lead)
    uow.leads.add_keys(lead.id, keys, at)
    touch = ld.Touch(
        new_id(),
        lead.id,
        at,
        fields.source,
        fields.campaign_id,
        origin.form_id,
        origin.submission_id,
        utm or fields.utm,
        "first intake",
    )
    uow.touches.add(touch)
    uow.record(ev.LeadCreated(lead))
    if owner:
        uow.record(ev.LeadAssigned(lead, "", reason, rule_id, actor))
    return Intake(lead, False, touch)


def intake(
    uow_factory: UowFactory,
    caller: Caller,
    settings: MarketingSettings,
    fields: ld.LeadFields,
    origin: Origin,
    *,
    utm: tuple[tuple[str, str], ...] = (),
) -> Intake:
    """One intake in its own transaction (see intake_in)."""
    with uow_factory() as uow:
        result = intake_in(uow, caller, settings, fields, origin, at=now(), utm=utm)
        uow.commit()
    # A merge into a pool lead must not show a rep the contact data others gave.
    return dataclasses.replace(result, lead=ld.as_seen_by(result.lead, privileged=is_manager(caller)))


# -- reads and edits -------------------------------------------------------------------------------


def get_lead(uow_factory: UowFactory, caller: Caller, lead_id: str) -> ld.Lead:
    """The lead as the caller may see it (a pool lead's contact data masked for reps)."""
    with uow_factory(read_only=True) as uow:
        return ld.as_seen_by(_get(uow, caller, lead_id), privileged=is_manager(caller))


def list_leads(uow_factory: UowFactory, caller: Caller, *, pool_only: bool, **page: object) -> Page[ld.Lead]:
    """Leads in the caller's scope plus the pool (pool leads have no owner); or only the pool."""
    request = list_request(caller, **page)  # type: ignore[arg-type]
    with uow_factory(read_only=True) as uow:
        found_page = uow.leads.page(request, pool_only=pool_only)
    privileged = is_manager(caller)
    return Page([ld.as_seen_by(x, privileged=privileged) for x in found_page.items], found_page.next_cursor)


def list_touches(uow_factory: UowFactory, caller: Caller, lead_id: str, *, limit: int, cursor: str) -> Page[ld.Touch]:
    request = list_request(caller, limit=limit, cursor=cursor, filter="", order_by="")
    with uow_factory(read_only=True) as uow:
        _get(uow, caller, lead_id)
        return uow.touches.page(lead_id, request)


def update_lead(
    uow_factory: UowFactory,
    caller: Caller,
    lead_id: str,
    *,
    expected_version: int,
    build: Callable[[ld.Lead], ld.LeadFields],
    status: str,
    names: list[str],
) -> ld.Lead:
    """Replaces the named fields; `status` moves to contacted or qualified. A closed lead is read-only."""
    unknown = sorted(set(names) - ld.EDITABLE)
    if unknown or not names:
        raise InvalidArgument(
            f"cannot update {', '.join(unknown) or 'nothing'}", code="update_mask.unknown_field", field="fields"
        )
    at = now()
    actor = actor_of(caller)
    with uow_factory() as uow:
        current = _get(uow, caller, lead_id, for_update=True)
        check_version(current.version, expected_version, "lead")
        if current.status in ld.CLOSED:
            raise FailedPrecondition(f"a {current.status} lead is read-only", code="lead.closed", field="status")
        updated = current
        if set(names) - {"status"}:
            # `build` validates the patch over the current fields (names not in the patch stay).
            updated = dataclasses.replace(current, fields=build(current), updated_at=at, version=current.version + 1)
        if "status" in names and status != current.status:
            moved = ld.move(updated, status, at=at)
            updated = dataclasses.replace(moved, version=current.version + 1)
            uow.record(ev.LeadStatusChanged(updated, current.status, updated.status, actor))
        _save(uow, current, updated)
        uow.leads.add_keys(updated.id, ld.match_keys(updated.fields), at)
        uow.commit()
    return updated


# -- pool and assignment ---------------------------------------------------------------------------


def assign_lead(
    uow_factory: UowFactory, caller: Caller, lead_id: str, owner_id: str, *, expected_version: int
) -> ld.Lead:
    """A manager gives the lead (pool or owned) to `owner_id`; no claim limit applies (C12)."""
    actor = actor_of(caller)
    with uow_factory() as uow:
        current = uow.leads.get(lead_id, for_update=True)
        if current is None or (current.owner_id and not caller.can_see_owner(current.owner_id)):
            raise NotFound(f"lead {lead_id} not found", code="lead.not_found", field="id")
        check_version(current.version, expected_version, "lead")
        updated = ld.assign(current, owner_id.strip(), at=now())
        _save(uow, current, updated)
        uow.record(ev.LeadAssigned(updated, current.owner_id, "manager", "", actor))
        uow.commit()
    return updated


def grab_lead(uow_factory: UowFactory, caller: Caller, settings: MarketingSettings, lead_id: str) -> ld.Lead:
    """The caller takes a pool lead: a conditional update (owner still empty, same version) and the
    caller's daily claim counter, locked and incremented in the same transaction (C9, C12)."""
    user = caller.user_id
    if not user:
        raise InvalidArgument("grab needs a user", code="lead.grab_needs_user", field="id")
    at = now()
    day = local_date(at, settings.time_zone).isoformat()
    with uow_factory() as uow:
        current = uow.leads.get(lead_id)
        if current is None or not current.in_pool:
            if current is None or (current.owner_id and not caller.can_see_owner(current.owner_id)):
                raise NotFound(f"lead {lead_id} not found", code="lead.not_found", field="id")
            raise FailedPrecondition("the lead is not in the pool", code="lead.not_in_pool", field="id")
        used = uow.claims.lock_and_count(user, day)
        if used >= settings.pool_claim_limit:
            raise FailedPrecondition(
                f"daily claim limit of {settings.pool_claim_limit} reached",
                code="lead_pool.claim_limit",
                field="id",
                details={"limit": str(settings.pool_claim_limit)},
            )
        updated = ld.grab(current, user, at=at)
        if not uow.leads.update(updated, expected_version=current.version):
            raise FailedPrecondition("someone else took the lead", code="lead.already_taken", field="id")
        uow.claims.increment(user, day)
        uow.record(ev.LeadAssigned(updated, "", "grab", "", user))
        uow.commit()
    return updated


def release_lead(
    uow_factory: UowFactory, caller: Caller, lead_id: str, *, expected_version: int, reason: str
) -> ld.Lead:
    """The owner (or a manager) returns the lead to the pool."""
    actor = actor_of(caller)
    with uow_factory() as uow:
        current = _get(uow, caller, lead_id, for_update=True)
        check_version(current.version, expected_version, "lead")
        ld.require_owner_or_manager(current, actor, is_manager(caller))
        updated = ld.release(current, at=now())
        _save(uow, current, updated)
        uow.record(ev.LeadReturnedToPool(updated, current.owner_id, (reason or "release").strip()[:100], actor))
        uow.commit()
    return updated


def disqualify_lead(
    uow_factory: UowFactory, caller: Caller, lead_id: str, *, expected_version: int, reason: str
) -> ld.Lead:
    actor = actor_of(caller)
    with uow_factory() as uow:
        current = _get(uow, caller, lead_id, for_update=True)
        check_version(current.version, expected_version, "lead")
        updated = ld.disqualify(current, reason, at=now())
        _save(uow, current, updated)
        uow.record(ev.LeadDisqualified(updated, updated.disqualify_reason, actor))
        uow.commit()
    return updated


# -- conversion ------------------------------------------------------------------------------------


def convert_lead(
    uow_factory: UowFactory,
    caller: Caller,
    lead_id: str,
    *,
    expected_version: int,
    create_opportunity: bool,
    opportunity: dict[str, object] | None,
    customer_id: str,
) -> ld.Lead:
    """The lead becomes converted with a pending conversion and `lead_converted` is published (in
    the same transaction); the customers and sales services answer with events."""
    actor = actor_of(caller)
    with uow_factory() as uow:
        current = _get(uow, caller, lead_id, for_update=True)
        check_version(current.version, expected_version, "lead")
        if customer_id and uow.customers.get(customer_id) is None:
            raise NotFound(f"customer {customer_id} not found", code="customer.not_found", field="customer_id")
        updated = ld.convert(
            current, new_id(), actor=actor, at=now(), create_opportunity=create_opportunity, opportunity=opportunity
        )
        _save(uow, current, updated)
        uow.members.lead_converted(lead_id, updated.updated_at)
        uow.record(ev.LeadStatusChanged(updated, current.status, updated.status, actor))
        uow.record(ev.LeadConverted(updated, customer_id, actor))
        uow.commit()
    return updated
