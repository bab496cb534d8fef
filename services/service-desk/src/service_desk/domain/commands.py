"""Use cases of the service desk: each opens a unit of work, applies the pure rules, saves with a
version check and records its events in the same transaction. `uow_factory(read_only=True)` is used
for queries."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from crm_chassis.errors import FailedPrecondition, InvalidArgument, NotFound
from crm_chassis.identity import Caller
from service_desk.domain import complaints as cm
from service_desk.domain import dispatch as dp
from service_desk.domain import entitlement as en
from service_desk.domain import events as ev
from service_desk.domain import knowledge as kb
from service_desk.domain import returns as rt
from service_desk.domain import sla as sl
from service_desk.domain import visits as vs
from service_desk.domain import workorder as wo
from service_desk.domain.common import (
    Page,
    actor_of,
    bounded,
    check_paths,
    check_point,
    check_version,
    concurrent_write,
    found,
    new_id,
    now,
    one_of,
    required_text,
)
from service_desk.domain.customers import CustomerRef, usable
from service_desk.domain.settings import DeskSettings

UowFactory = Callable[..., Any]


def local_date(at: datetime, settings: DeskSettings) -> date:
    return at.astimezone(ZoneInfo(settings.calendar.time_zone)).date()


def _number(uow: Any, prefix: str, at: datetime) -> str:
    series = f"{prefix}{at.year}"
    return f"{series}-{uow.numbers.next(series):05d}"


def _customer(uow: Any, customer_id: str) -> CustomerRef:
    return usable(uow.customers.get(customer_id) if customer_id else None, customer_id)


def _save(repo: Any, item: Any, expected: int, what: str) -> None:
    if not repo.update(item, expected_version=expected):
        raise concurrent_write(what)


# ---------------------------------------------------------------- entitlement


def entitlement_for(
    uow: Any,
    *,
    customer_id: str,
    work_type: str,
    product_id: str,
    serial_number: str,
    order_id: str,
    contract_id: str,
    on: date,
) -> en.Decision:
    """The entitlement from the local copy of this customer's fulfilled orders and contracts."""
    return en.decide(
        work_type=work_type,
        product_id=product_id,
        serial_number=serial_number,
        on=on,
        owned=uow.owned.for_customer(customer_id),
        covers=uow.contracts.covers_for(customer_id),
        order_id=order_id,
        contract_id=contract_id,
    )


def check_entitlement(uow_factory: UowFactory, settings: DeskSettings, caller: Caller, **fields: str) -> en.Decision:
    """The entitlement a work order with these fields would get now (nothing written)."""
    work_type = one_of(fields.get("work_type", ""), wo.TYPES, "type", default="repair")
    with uow_factory(read_only=True) as uow:
        customer = _customer(uow, fields.get("customer_id", ""))
        return entitlement_for(
            uow,
            customer_id=customer.id,
            work_type=work_type,
            product_id=fields.get("product_id", ""),
            serial_number=fields.get("serial_number", ""),
            order_id=fields.get("order_id", ""),
            contract_id=fields.get("contract_id", ""),
            on=local_date(now(), settings),
        )


# ---------------------------------------------------------------- work orders


@dataclasses.dataclass(frozen=True)
class WorkOrderInput:
    type: str = ""
    channel: str = ""
    customer_id: str = ""
    contact_id: str = ""
    product_id: str = ""
    serial_number: str = ""
    order_id: str = ""
    contract_id: str = ""
    priority: str = ""
    description: str = ""
    attachments: tuple[wo.Attachment, ...] = ()
    team: str = ""
    owner_id: str = ""
    reported_at: datetime | None = None


def _reported(reported_at: datetime | None, at: datetime) -> datetime:
    """The intake time: `reported_at` when given (not in the future, at most 366 days ago), else now."""
    if reported_at is None:
        return at
    if reported_at > at or at - reported_at > timedelta(days=366):
        raise InvalidArgument("reported_at must be in the past year", code="reported_at_invalid", field="reported_at")
    return reported_at


def create_work_order(
    uow_factory: UowFactory, settings: DeskSettings, caller: Caller, data: WorkOrderInput, *, at: datetime | None = None
) -> wo.WorkOrder:
    """A new work order for a known customer with its entitlement decision and SLA targets."""
    at = _reported(data.reported_at, at or now())
    work_type, channel, priority, description = wo.check_fields(
        data.type, data.channel, data.priority, data.description
    )
    attachments = wo.check_attachments(list(data.attachments))
    with uow_factory() as uow:
        customer = _customer(uow, data.customer_id)
        decision = entitlement_for(
            uow,
            customer_id=customer.id,
            work_type=work_type,
            product_id=data.product_id.strip(),
            serial_number=data.serial_number.strip(),
            order_id=data.order_id.strip(),
            contract_id=data.contract_id.strip(),
            on=local_date(at, settings),
        )
        policy = sl.choose_policy(uow.policies.all(), priority, customer.classification)
        order = wo.WorkOrder(
            id=new_id(),
            number=_number(uow, "W", at),
            type=work_type,
            channel=channel,
            customer_id=customer.id,
            customer_name=customer.name,
            contact_id=bounded(data.contact_id, "contact_id", max_len=64),
            product_id=bounded(data.product_id, "product_id", max_len=64),
            serial_number=bounded(data.serial_number, "serial_number", max_len=100),
            order_id=data.order_id.strip() or decision.order_id,
            contract_id=data.contract_id.strip() or decision.contract_id,
            priority=priority,
            description=description,
            attachments=attachments,
            status="new",
            entitlement=decision,
            entitlement_at=at,
            sla=sl.start_sla(settings.calendar, policy, priority, at),
            team=bounded(data.team, "team", max_len=64),
            assignee_id="",
            owner_id=(data.owner_id or "").strip() or caller.user_id or customer.owner_id,
            dispatch=None,
            resolution="",
            reopen_count=0,
            article_ids=(),
            history=(wo.StatusChange("", "new", "create", "", actor_of(caller), at),),
            resolved_at=None,
            closed_at=None,
            version=1,
            created_at=at,
            updated_at=at,
            created_by=actor_of(caller),
        )
        uow.work_orders.add(order)
        uow.record(ev.WorkOrderCreated(order))
        uow.commit()
        return order


def get_work_order(uow_factory: UowFactory, caller: Caller, work_order_id: str) -> wo.WorkOrder:
    with uow_factory(read_only=True) as uow:
        item = uow.work_orders.get(work_order_id)
        return found(item, "work_order", work_order_id, caller, item.owner_id if item else None)


def list_work_orders(uow_factory: UowFactory, request: Any) -> Page[wo.WorkOrder]:
    with uow_factory(read_only=True) as uow:
        return uow.work_orders.page(request)


def _load(uow: Any, caller: Caller, work_order_id: str, expected: int) -> wo.WorkOrder:
    item = uow.work_orders.get(work_order_id, for_update=True)
    item = found(item, "work_order", work_order_id, caller, item.owner_id if item else None)
    check_version(item.version, expected, "work_order")
    return item


UPDATABLE = frozenset({"description", "priority", "contact_id", "attachments", "team", "serial_number"})


def update_work_order(
    uow_factory: UowFactory,
    settings: DeskSettings,
    caller: Caller,
    work_order_id: str,
    expected_version: int,
    patch: WorkOrderInput,
    paths: list[str],
) -> wo.WorkOrder:
    """Changes the masked fields of an open work order; a priority change recomputes the SLA due
    times from the original creation time (D4)."""
    check_paths(paths, UPDATABLE)
    at = now()
    with uow_factory() as uow:
        current = _load(uow, caller, work_order_id, expected_version)
        if not current.is_open:
            raise FailedPrecondition(
                f"a {current.status} work order cannot be edited", code="work_order.not_open", field="id"
            )
        changes: dict[str, Any] = {}
        if "description" in paths:
            changes["description"] = bounded(patch.description, "description", max_len=4000)
        if "contact_id" in paths:
            changes["contact_id"] = bounded(patch.contact_id, "contact_id", max_len=64)
        if "serial_number" in paths:
            changes["serial_number"] = bounded(patch.serial_number, "serial_number", max_len=100)
        if "team" in paths:
            changes["team"] = bounded(patch.team, "team", max_len=64)
        if "attachments" in paths:
            changes["attachments"] = wo.check_attachments(list(patch.attachments))
        if "priority" in paths:
            priority = one_of(patch.priority, sl.PRIORITIES, "priority")
            if priority != current.priority:
                customer = uow.customers.get(current.customer_id)
                policy = sl.choose_policy(uow.policies.all(), priority, customer.classification if customer else "")
                fresh = sl.start_sla(settings.calendar, policy, priority, current.created_at)
                changes["priority"] = priority
                changes["sla"] = dataclasses.replace(
                    current.sla,
                    policy_id=fresh.policy_id,
                    first_response_target=fresh.first_response_target,
                    resolution_target=fresh.resolution_target,
                    at_risk_percent=fresh.at_risk_percent,
                    round_the_clock=fresh.round_the_clock,
                    first_response_due_at=fresh.first_response_due_at,
                    resolution_due_at=fresh.resolution_due_at,
                )
        updated = dataclasses.replace(current, **changes, version=current.version + 1, updated_at=at)
        _save(uow.work_orders, updated, current.version, "work_order")
        uow.commit()
        return updated


def _assign(
    uow: Any, current: wo.WorkOrder, tech: dp.Technician, decision: dp.Decision, at: datetime, actor: str, reason: str
) -> wo.WorkOrder:
    moved = wo.transition(current, "assign", at=at, actor=actor, reason=reason or decision.reason)
    updated = dataclasses.replace(
        moved,
        assignee_id=tech.id,
        team=current.team or tech.team,
        dispatch=decision,
        version=current.version + 1,
    )
    _save(uow.work_orders, updated, current.version, "work_order")
    uow.technicians.touch_assigned(tech.id, at)
    uow.record(ev.WorkOrderAssigned(updated, current.assignee_id, tech.user_id))
    if current.status != updated.status:
        uow.record(ev.WorkOrderStatusChanged(updated, updated.history[-1]))
    return updated


def assign_work_order(
    uow_factory: UowFactory,
    settings: DeskSettings,
    caller: Caller,
    work_order_id: str,
    expected_version: int,
    *,
    mode: str,
    technician_id: str,
    reason: str = "",
) -> wo.WorkOrder:
    """Manual assignment to a named technician, or automatic dispatch (skills, workload, distance)
    with the decision and its candidates stored on the work order."""
    mode = one_of(mode, ("manual", "automatic"), "mode", default="manual" if technician_id else "automatic")
    at = now()
    actor = actor_of(caller)
    with uow_factory() as uow:
        current = _load(uow, caller, work_order_id, expected_version)
        wo.transition(current, "assign", at=at, actor=actor)  # status check before any work
        if mode == "manual":
            if not technician_id:
                raise InvalidArgument(
                    "technician_id is required for a manual assignment",
                    code="technician_id_required",
                    field="technician_id",
                )
            tech = uow.technicians.get(technician_id)
            if tech is None or not tech.active:
                raise InvalidArgument(
                    f"technician {technician_id} does not exist or is inactive",
                    code="technician.unknown",
                    field="technician_id",
                )
            decision = dp.Decision(
                "manual", tech.id, bounded(reason, "reason", max_len=500) or "assigned by hand", (), at, actor
            )
        else:
            tech, decision = automatic_choice(uow, settings, current, at, actor)
            if tech is None:
                raise FailedPrecondition(decision.reason, code="dispatch.no_eligible_technician", field="id")
        updated = _assign(uow, current, tech, decision, at, actor, reason)
        uow.commit()
        return updated


def automatic_choice(
    uow: Any, settings: DeskSettings, current: wo.WorkOrder, at: datetime, actor: str
) -> tuple[dp.Technician | None, dp.Decision]:
    """The automatic dispatch decision for a work order (technician None when nobody is eligible)."""
    customer = uow.customers.get(current.customer_id)
    tech, candidates, why = dp.choose(
        uow.technicians.all_active(),
        uow.work_orders.open_counts(),
        skills=dp.required_skills(current.type),
        latitude=customer.latitude if customer else None,
        longitude=customer.longitude if customer else None,
        on=local_date(at, settings),
        team=current.team,
    )
    return tech, dp.Decision("automatic", tech.id if tech else "", why, candidates, at, actor)


def auto_assign(uow: Any, settings: DeskSettings, current: wo.WorkOrder, at: datetime) -> wo.WorkOrder | None:
    """D2: a work order nobody grabbed in time goes to automatic dispatch (None when nobody is eligible:
    it keeps waiting in its queue)."""
    tech, decision = automatic_choice(uow, settings, current, at, "service-desk")
    if tech is None:
        return None
    return _assign(
        uow,
        current,
        tech,
        dataclasses.replace(decision, reason="not grabbed in time; " + decision.reason),
        at,
        "service-desk",
        "",
    )


def grab_work_order(uow_factory: UowFactory, caller: Caller, work_order_id: str, technician_id: str) -> wo.WorkOrder:
    """The calling technician takes an unassigned work order from its team queue. The claim is a
    conditional UPDATE (status new, no assignee) checked by affected rows (D2): of two grabbers, one
    wins and the other gets FailedPrecondition `work_order.already_taken`."""
    at = now()
    actor = actor_of(caller)
    with uow_factory() as uow:
        tech = uow.technicians.get(technician_id) if technician_id else uow.technicians.by_user(caller.user_id or "")
        if tech is None or not tech.active:
            raise FailedPrecondition(
                "only an active technician can grab work orders", code="technician.unknown", field="technician_id"
            )
        current = uow.work_orders.get(work_order_id)
        current = found(current, "work_order", work_order_id)
        if current.team and current.team != tech.team:
            raise FailedPrecondition(
                f"the work order is in team {current.team}'s queue", code="work_order.other_team", field="id"
            )
        if current.status != "new" or current.assignee_id:
            raise FailedPrecondition("the work order was already taken", code="work_order.already_taken", field="id")
        decision = dp.Decision("grab", tech.id, f"grabbed from the {current.team or 'shared'} queue", (), at, actor)
        moved = wo.transition(current, "assign", at=at, actor=actor, reason=decision.reason)
        updated = dataclasses.replace(
            moved,
            assignee_id=tech.id,
            team=current.team or tech.team,
            dispatch=decision,
            version=current.version + 1,
        )
        if not uow.work_orders.claim(updated, expected_version=current.version):
            raise FailedPrecondition("the work order was already taken", code="work_order.already_taken", field="id")
        uow.technicians.touch_assigned(tech.id, at)
        uow.record(ev.WorkOrderAssigned(updated, "", tech.user_id))
        uow.record(ev.WorkOrderStatusChanged(updated, updated.history[-1]))
        uow.commit()
        return updated


def transition_work_order(
    uow_factory: UowFactory,
    settings: DeskSettings,
    caller: Caller,
    work_order_id: str,
    expected_version: int,
    action: str,
    *,
    reason: str = "",
    resolution: str = "",
    at: datetime | None = None,
) -> wo.WorkOrder:
    """start / wait / resume / resolve / close / reopen / cancel with the SLA clock effect; closing
    plans the return visit (N days later, once per work order)."""
    at = at or now()
    with uow_factory() as uow:
        current = _load(uow, caller, work_order_id, expected_version)
        updated = _move(
            uow, settings, current, action, at=at, actor=actor_of(caller), reason=reason, resolution=resolution
        )
        uow.commit()
        return updated


def _move(
    uow: Any,
    settings: DeskSettings,
    current: wo.WorkOrder,
    action: str,
    *,
    at: datetime,
    actor: str,
    reason: str = "",
    resolution: str = "",
) -> wo.WorkOrder:
    action = (action or "").strip().lower()
    if action == "resolve" and not resolution.strip():
        raise InvalidArgument("resolving needs a resolution", code="resolution_required", field="resolution")
    moved = wo.transition(
        current, action, at=at, actor=actor, reason=reason, reopen_window_days=settings.reopen_window_days
    )
    moved = wo.apply_sla(settings.calendar, current, moved, at)
    if action == "resolve":
        moved = dataclasses.replace(moved, resolution=bounded(resolution, "resolution", max_len=4000))
    updated = dataclasses.replace(moved, version=current.version + 1)
    _save(uow.work_orders, updated, current.version, "work_order")
    uow.record(ev.WorkOrderStatusChanged(updated, updated.history[-1]))
    if updated.status == "resolved":
        uow.record(ev.WorkOrderResolved(updated))
    if updated.status == "closed":
        uow.record(ev.WorkOrderClosed(updated))
        if settings.return_visit_after_close_days > 0:
            _plan_return(
                uow,
                rule="work_order_closed",
                source_kind="work_order",
                source_id=updated.id,
                customer_id=updated.customer_id,
                owner_id=updated.owner_id,
                work_order_id=updated.id,
                order_id=updated.order_id,
                due_on=local_date(at, settings) + timedelta(days=settings.return_visit_after_close_days),
                assignee_id=updated.owner_id,
                at=at,
            )
    return updated


def link_article(
    uow_factory: UowFactory, caller: Caller, work_order_id: str, article_id: str, expected_version: int
) -> wo.WorkOrder:
    """Links a knowledge-base article to a work order (linking twice changes nothing)."""
    with uow_factory() as uow:
        current = _load(uow, caller, work_order_id, expected_version)
        if uow.articles.get(article_id) is None:
            raise NotFound(f"article {article_id} not found", code="article.not_found", field="article_id")
        if article_id in current.article_ids:
            return current
        updated = dataclasses.replace(
            current, article_ids=(*current.article_ids, article_id), version=current.version + 1, updated_at=now()
        )
        _save(uow.work_orders, updated, current.version, "work_order")
        uow.commit()
        return updated


def list_queue(uow_factory: UowFactory, team: str, limit: int, cursor: str) -> Page[wo.WorkOrder]:
    """The team's unassigned new work orders, oldest first."""
    with uow_factory(read_only=True) as uow:
        return uow.work_orders.queue(team, limit, cursor)


# ---------------------------------------------------------------- visits


def schedule_visit(
    uow_factory: UowFactory,
    settings: DeskSettings,
    caller: Caller,
    work_order_id: str,
    technician_id: str,
    start: datetime | None,
    end: datetime | None,
) -> vs.Visit:
    """A visit on an open work order in a time window by an active technician (default: the assignee)."""
    start, end = vs.check_window(start, end)
    at = now()
    with uow_factory() as uow:
        order = uow.work_orders.get(work_order_id)
        order = found(order, "work_order", work_order_id, caller, order.owner_id if order else None)
        if not order.is_open:
            raise FailedPrecondition(
                f"the work order is {order.status}", code="work_order.not_open", field="work_order_id"
            )
        tech_id = technician_id or order.assignee_id
        tech = uow.technicians.get(tech_id) if tech_id else None
        if tech is None or not tech.active:
            raise InvalidArgument(
                "a visit needs an active technician", code="technician.unknown", field="technician_id"
            )
        visit = vs.Visit(
            new_id(),
            order.id,
            order.customer_id,
            order.owner_id,
            tech.id,
            start,
            end,
            "scheduled",
            currency=settings.currency,
            created_at=at,
            updated_at=at,
        )
        uow.visits.add(visit)
        uow.record(ev.VisitScheduled(visit))
        uow.commit()
        return visit


def get_visit(uow_factory: UowFactory, caller: Caller, visit_id: str) -> vs.Visit:
    with uow_factory(read_only=True) as uow:
        item = uow.visits.get(visit_id)
        return found(item, "visit", visit_id, caller, item.owner_id if item else None)


def _load_visit(uow: Any, caller: Caller, visit_id: str, expected: int) -> vs.Visit:
    item = uow.visits.get(visit_id, for_update=True)
    item = found(item, "visit", visit_id, caller, item.owner_id if item else None)
    check_version(item.version, expected, "visit")
    return item


def check_in_visit(
    uow_factory: UowFactory, caller: Caller, visit_id: str, expected_version: int, location: tuple[float, float] | None
) -> vs.Visit:
    """Arrival at the customer's with time (now) and location."""
    if location is None:
        raise InvalidArgument("location is required", code="location_required", field="location")
    point = check_point(*location)
    with uow_factory() as uow:
        current = _load_visit(uow, caller, visit_id, expected_version)
        updated = dataclasses.replace(vs.check_in(current, now(), point), version=current.version + 1)
        _save(uow.visits, updated, current.version, "visit")
        uow.commit()
        return updated


def check_out_visit(
    uow_factory: UowFactory,
    settings: DeskSettings,
    caller: Caller,
    visit_id: str,
    expected_version: int,
    location: tuple[float, float] | None,
    work_done: str,
    parts: list[tuple[str, str, str, int, str]],
    labour_minutes: int,
) -> tuple[vs.Visit, vs.ServiceCharge | None]:
    """Departure with work done, parts and labour; on a billable work order the parts and labour
    become a service charge record (covered work costs the customer nothing)."""
    if location is None:
        raise InvalidArgument("location is required", code="location_required", field="location")
    point = check_point(*location)
    checked_parts = vs.parse_parts(parts, settings.currency)
    at = now()
    with uow_factory() as uow:
        current = _load_visit(uow, caller, visit_id, expected_version)
        done = vs.check_out(current, at, point, work_done, checked_parts, labour_minutes)
        order = uow.work_orders.get(current.work_order_id)
        charge = None
        parts_minor, labour_minor = vs.charges(checked_parts, labour_minutes, settings.labour_rate_minor)
        if order is not None and order.entitlement.decision == en.BILLABLE and parts_minor + labour_minor > 0:
            charge = vs.ServiceCharge(
                new_id(),
                order.id,
                current.id,
                order.customer_id,
                order.owner_id,
                settings.currency,
                parts_minor,
                labour_minor,
                parts_minor + labour_minor,
                f"billable: {order.entitlement.reason}",
                at,
            )
            uow.charges.add(charge)
            done = dataclasses.replace(done, charge_minor=charge.total_minor, service_charge_id=charge.id)
        updated = dataclasses.replace(done, version=current.version + 1)
        _save(uow.visits, updated, current.version, "visit")
        uow.record(ev.VisitCompleted(updated))
        if charge is not None:
            uow.record(ev.ServiceChargeRecorded(charge))
        uow.commit()
        return updated, charge


# ---------------------------------------------------------------- complaints


@dataclasses.dataclass(frozen=True)
class ComplaintInput:
    customer_id: str = ""
    work_order_id: str = ""
    order_id: str = ""
    contract_id: str = ""
    category: str = ""
    severity: str = ""
    description: str = ""
    responsible_department_id: str = ""
    assignee_id: str = ""
    owner_id: str = ""
    subject_user_id: str = ""


def _new_complaint(
    uow: Any, settings: DeskSettings, caller: Caller, data: ComplaintInput, at: datetime, return_visit_id: str = ""
) -> cm.Complaint:
    category = one_of(data.category, cm.CATEGORIES, "category")
    severity = one_of(data.severity, cm.SEVERITIES, "severity", default="medium")
    cm.check_assignee(data.assignee_id.strip(), data.subject_user_id.strip())
    customer = _customer(uow, data.customer_id)
    if data.work_order_id:
        order = uow.work_orders.get(data.work_order_id)
        if order is None or order.customer_id != customer.id:
            raise InvalidArgument(
                f"work order {data.work_order_id} is not this customer's",
                code="complaint.work_order_unknown",
                field="work_order_id",
            )
    complaint = cm.Complaint(
        id=new_id(),
        number=_number(uow, "K", at),
        customer_id=customer.id,
        work_order_id=data.work_order_id,
        order_id=bounded(data.order_id, "order_id", max_len=64),
        contract_id=bounded(data.contract_id, "contract_id", max_len=64),
        return_visit_id=return_visit_id,
        category=category,
        severity=severity,
        description=required_text(data.description, "description", max_len=4000),
        responsible_department_id=bounded(data.responsible_department_id, "responsible_department_id", max_len=64),
        assignee_id=bounded(data.assignee_id, "assignee_id", max_len=64),
        owner_id=(data.owner_id or "").strip() or caller.user_id or customer.owner_id,
        status="open",
        deadline_at=cm.deadline(at, settings.complaint_deadline_hours(severity)),
        steps=(),
        root_cause="",
        resolution="",
        customer_confirmed=False,
        escalation_level=0,
        resolved_at=None,
        version=1,
        created_at=at,
        updated_at=at,
        created_by=actor_of(caller),
        subject_user_id=bounded(data.subject_user_id, "subject_user_id", max_len=64),
    )
    uow.complaints.add(complaint)
    uow.record(ev.ComplaintCreated(complaint))
    return complaint


def create_complaint(
    uow_factory: UowFactory, settings: DeskSettings, caller: Caller, data: ComplaintInput
) -> cm.Complaint:
    """A complaint about a known customer; its deadline comes from the severity."""
    with uow_factory() as uow:
        complaint = _new_complaint(uow, settings, caller, data, now())
        uow.commit()
        return complaint


def get_complaint(uow_factory: UowFactory, caller: Caller, complaint_id: str) -> cm.Complaint:
    with uow_factory(read_only=True) as uow:
        item = uow.complaints.get(complaint_id)
        return found(item, "complaint", complaint_id, caller, item.owner_id if item else None)


def act_on_complaint(
    uow_factory: UowFactory,
    caller: Caller,
    complaint_id: str,
    expected_version: int,
    action: str,
    *,
    note: str = "",
    root_cause: str = "",
    resolution: str = "",
) -> cm.Complaint:
    """add_step / resolve / confirm / reject / escalate; resolving publishes complaint_resolved."""
    with uow_factory() as uow:
        item = uow.complaints.get(complaint_id, for_update=True)
        current = found(item, "complaint", complaint_id, caller, item.owner_id if item else None)
        check_version(current.version, expected_version, "complaint")
        changed = cm.act(
            current,
            (action or "").strip().lower(),
            at=now(),
            actor=actor_of(caller),
            note=note,
            root_cause=root_cause,
            resolution=resolution,
        )
        updated = dataclasses.replace(changed, version=current.version + 1)
        _save(uow.complaints, updated, current.version, "complaint")
        if updated.status == "resolved" and current.status != "resolved":
            uow.record(ev.ComplaintResolved(updated))
        uow.commit()
        return updated


# ---------------------------------------------------------------- return visits


def _plan_return(
    uow: Any,
    *,
    rule: str,
    source_kind: str,
    source_id: str,
    customer_id: str,
    owner_id: str,
    work_order_id: str,
    order_id: str,
    due_on: date,
    assignee_id: str,
    at: datetime,
) -> rt.ReturnVisit | None:
    """One return visit per (rule, source): a second planning for the same source does nothing."""
    if uow.return_visits.exists(rule, source_id):
        return None
    visit = rt.ReturnVisit(
        new_id(),
        rule,
        source_kind,
        source_id,
        customer_id,
        owner_id,
        work_order_id,
        order_id,
        due_on,
        assignee_id,
        "planned",
        created_at=at,
        updated_at=at,
    )
    if not uow.return_visits.add_once(visit):
        return None
    uow.record(ev.ReturnVisitPlanned(visit))
    return visit


def create_return_visit(
    uow_factory: UowFactory,
    settings: DeskSettings,
    caller: Caller,
    *,
    work_order_id: str,
    order_id: str,
    due_on: str,
    assignee_id: str,
) -> rt.ReturnVisit:
    """A return visit planned by hand for a work order (or an order the service knows)."""
    at = now()
    try:
        due = date.fromisoformat(due_on) if due_on else local_date(at, settings)
    except ValueError:
        raise InvalidArgument("due_on must be an ISO date", code="due_on_invalid", field="due_on") from None
    with uow_factory() as uow:
        if work_order_id:
            order = uow.work_orders.get(work_order_id)
            order = found(order, "work_order", work_order_id, caller, order.owner_id if order else None)
            customer_id, owner, source_kind, source_id = order.customer_id, order.owner_id, "work_order", order.id
            order_id = order_id or order.order_id
        elif order_id:
            customer_id = uow.owned.customer_of(order_id)
            if not customer_id:
                raise InvalidArgument(f"order {order_id} is not known here", code="order.unknown", field="order_id")
            owner, source_kind, source_id = caller.user_id or "", "order", order_id
        else:
            raise InvalidArgument(
                "work_order_id or order_id is required", code="source_required", field="work_order_id"
            )
        visit = rt.ReturnVisit(
            new_id(),
            "manual",
            source_kind,
            source_id,
            customer_id,
            owner,
            work_order_id,
            order_id,
            due,
            assignee_id or caller.user_id or owner,
            "planned",
            created_at=at,
            updated_at=at,
        )
        uow.return_visits.add(visit)
        uow.record(ev.ReturnVisitPlanned(visit))
        uow.commit()
        return visit


def get_return_visit(uow_factory: UowFactory, caller: Caller, visit_id: str) -> rt.ReturnVisit:
    with uow_factory(read_only=True) as uow:
        item = uow.return_visits.get(visit_id)
        return found(item, "return_visit", visit_id, caller, item.owner_id if item else None)


def complete_return_visit(
    uow_factory: UowFactory,
    settings: DeskSettings,
    caller: Caller,
    visit_id: str,
    expected_version: int,
    *,
    outcome: str,
    score: int,
    nps: int | None,
) -> tuple[rt.ReturnVisit, str]:
    """Records outcome, score and NPS; a score at or below the threshold opens a complaint (or reopens
    the work order, per settings). Returns the visit and the complaint id opened ("" if none)."""
    rt.check_score(score, nps)  # bad input is refused before anything is read or written
    at = now()
    with uow_factory() as uow:
        item = uow.return_visits.get(visit_id, for_update=True)
        current = found(item, "return_visit", visit_id, caller, item.owner_id if item else None)
        check_version(current.version, expected_version, "return_visit")
        done = rt.complete(current, at=at, outcome=outcome, score=score, nps=nps)
        follow = rt.follow_up(
            score,
            threshold=settings.low_score_threshold,
            action=settings.low_score_action,
            has_work_order=bool(current.work_order_id),
        )
        complaint_id = ""
        if follow == "work_order_reopened":
            order = uow.work_orders.get(current.work_order_id, for_update=True)
            try:
                _move(
                    uow, settings, order, "reopen", at=at, actor=actor_of(caller), reason=f"return visit score {score}"
                )
            except FailedPrecondition:
                follow = "complaint_opened"  # past the reopen window: the customer still gets heard
        if follow == "complaint_opened":
            complaint = _new_complaint(
                uow,
                settings,
                caller,
                ComplaintInput(
                    customer_id=current.customer_id,
                    work_order_id=current.work_order_id,
                    order_id=current.order_id,
                    category="satisfaction",
                    severity="high" if score == 1 else "medium",
                    description=f"return visit scored {score}/5: {outcome or 'no comment'}",
                    owner_id=current.owner_id,
                ),
                at,
                return_visit_id=current.id,
            )
            complaint_id = complaint.id
        updated = dataclasses.replace(done, follow_up=follow, complaint_id=complaint_id, version=current.version + 1)
        _save(uow.return_visits, updated, current.version, "return_visit")
        uow.record(ev.ReturnVisitCompleted(updated))
        uow.commit()
        return updated, complaint_id


# ---------------------------------------------------------------- SLA policies


def create_policy(uow_factory: UowFactory, policy: sl.SlaPolicy) -> sl.SlaPolicy:
    """A new SLA policy; ALREADY_EXISTS when one is active for the same priority and classification."""
    at = now()
    policy = sl.check_policy(
        dataclasses.replace(
            policy,
            id=new_id(),
            name=required_text(policy.name, "name"),
            version=1,
            created_at=at,
            updated_at=at,
            classification=bounded(policy.classification, "classification", max_len=64),
        )
    )
    with uow_factory() as uow:
        from crm_chassis.errors import AlreadyExists

        if policy.active and any(
            p.active and p.priority == policy.priority and p.classification == policy.classification
            for p in uow.policies.all()
        ):
            raise AlreadyExists(
                "an active policy exists for this priority and classification",
                code="sla_policy.duplicate",
                field="priority",
            )
        uow.policies.add(policy)
        uow.commit()
        return policy


def update_policy(
    uow_factory: UowFactory, policy_id: str, expected_version: int, patch: sl.SlaPolicy, paths: list[str]
) -> sl.SlaPolicy:
    """Changes the masked fields of a policy (applies to work orders created afterwards)."""
    check_paths(
        paths,
        frozenset(
            {"name", "first_response_minutes", "resolution_minutes", "at_risk_percent", "round_the_clock", "active"}
        ),
    )
    with uow_factory() as uow:
        current = found(uow.policies.get(policy_id, for_update=True), "sla_policy", policy_id)
        check_version(current.version, expected_version, "sla_policy")
        updated = sl.check_policy(
            dataclasses.replace(
                current, **{p: getattr(patch, p) for p in paths}, version=current.version + 1, updated_at=now()
            )
        )
        _save(uow.policies, updated, current.version, "sla_policy")
        uow.commit()
        return updated


# ---------------------------------------------------------------- technicians


def create_technician(uow_factory: UowFactory, tech: dp.Technician) -> dp.Technician:
    at = now()
    if tech.capacity < 1 or tech.capacity > 100:
        raise InvalidArgument("capacity must be 1..100", code="capacity_invalid", field="capacity")
    days = tuple(sorted(set(tech.working_days or (1, 2, 3, 4, 5))))
    if any(d < 1 or d > 7 for d in days):
        raise InvalidArgument("working_days are ISO weekdays 1..7", code="working_days_invalid", field="working_days")
    if (tech.latitude is None) != (tech.longitude is None):
        raise InvalidArgument("give both latitude and longitude", code="location_invalid", field="latitude")
    if tech.latitude is not None:
        check_point(tech.latitude, tech.longitude)
    tech = dataclasses.replace(
        tech,
        id=new_id(),
        name=required_text(tech.name, "name"),
        team=required_text(tech.team, "team", max_len=64),
        skills=tuple(sorted({s.strip().lower() for s in tech.skills if s.strip()})),
        working_days=days,
        location_updated_at=at if tech.latitude is not None else None,
        version=1,
        created_at=at,
        updated_at=at,
    )
    with uow_factory() as uow:
        if tech.user_id and uow.technicians.by_user(tech.user_id) is not None:
            from crm_chassis.errors import AlreadyExists

            raise AlreadyExists(
                f"user {tech.user_id} is already a technician", code="technician.user_taken", field="user_id"
            )
        uow.technicians.add(tech)
        uow.commit()
        return tech


def update_technician(
    uow_factory: UowFactory, tech_id: str, expected_version: int, patch: dp.Technician, paths: list[str]
) -> dp.Technician:
    check_paths(paths, frozenset({"name", "team", "skills", "capacity", "working_days", "active", "manager_id"}))
    with uow_factory() as uow:
        current = found(uow.technicians.get(tech_id, for_update=True), "technician", tech_id)
        check_version(current.version, expected_version, "technician")
        changes = {p: getattr(patch, p) for p in paths}
        if "skills" in changes:
            changes["skills"] = tuple(sorted({s.strip().lower() for s in patch.skills if s.strip()}))
        if "capacity" in changes and not 1 <= patch.capacity <= 100:
            raise InvalidArgument("capacity must be 1..100", code="capacity_invalid", field="capacity")
        if "working_days" in changes:
            changes["working_days"] = tuple(sorted(set(patch.working_days)))
            if any(d < 1 or d > 7 for d in changes["working_days"]):
                raise InvalidArgument(
                    "working_days are ISO weekdays 1..7", code="working_days_invalid", field="working_days"
                )
        updated = dataclasses.replace(current, **changes, version=current.version + 1, updated_at=now())
        _save(uow.technicians, updated, current.version, "technician")
        uow.commit()
        return updated


def update_location(
    uow_factory: UowFactory, caller: Caller, tech_id: str, latitude: float, longitude: float
) -> dp.Technician:
    """The technician's current location (the technician themself, or anyone allowed by the gateway)."""
    lat, lon = check_point(latitude, longitude)
    at = now()
    with uow_factory() as uow:
        current = found(uow.technicians.get(tech_id, for_update=True), "technician", tech_id)
        updated = dataclasses.replace(
            current, latitude=lat, longitude=lon, location_updated_at=at, version=current.version + 1, updated_at=at
        )
        _save(uow.technicians, updated, current.version, "technician")
        uow.commit()
        return updated


# ---------------------------------------------------------------- knowledge base


def create_article(uow_factory: UowFactory, caller: Caller, article: kb.Article) -> kb.Article:
    at = now()
    article = dataclasses.replace(
        article,
        id=new_id(),
        title=required_text(article.title, "title"),
        category=required_text(article.category, "category", max_len=64),
        problem=required_text(article.problem, "problem", max_len=8000),
        solution=required_text(article.solution, "solution", max_len=16000),
        tags=tuple(sorted({t.strip().lower() for t in article.tags if t.strip()})),
        status=one_of(article.status, kb.STATUSES, "status", default="published"),
        version=1,
        created_at=at,
        updated_at=at,
        created_by=actor_of(caller),
    )
    with uow_factory() as uow:
        uow.articles.add(article)
        uow.commit()
        return article


def update_article(
    uow_factory: UowFactory, article_id: str, expected_version: int, patch: kb.Article, paths: list[str]
) -> kb.Article:
    check_paths(paths, frozenset({"title", "category", "problem", "solution", "tags", "status"}))
    with uow_factory() as uow:
        current = found(uow.articles.get(article_id, for_update=True), "article", article_id)
        check_version(current.version, expected_version, "article")
        changes: dict[str, Any] = {p: getattr(patch, p) for p in paths}
        if "status" in changes:
            changes["status"] = one_of(patch.status, kb.STATUSES, "status")
        if "title" in changes:
            changes["title"] = required_text(patch.title, "title")
        if "tags" in changes:
            changes["tags"] = tuple(sorted({t.strip().lower() for t in patch.tags if t.strip()}))
        updated = dataclasses.replace(current, **changes, version=current.version + 1, updated_at=now())
        _save(uow.articles, updated, current.version, "article")
        uow.commit()
        return updated
