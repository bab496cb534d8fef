"""The worker's timers as plain functions (O1: an explicit `as_of`, reruns act once).

Each action is keyed by (job, entity, threshold) in a job-marks table written in the same
transaction as the action, so two worker replicas (or a rerun) never escalate the same breach
twice even if the Redis lock were lost; the Redis lock only saves the duplicate work."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

from service_desk.domain import complaints as cm
from service_desk.domain import events as ev
from service_desk.domain import sla as sl
from service_desk.domain.commands import UowFactory, _plan_return, auto_assign, local_date
from service_desk.domain.settings import DeskSettings

BATCH = 500


@dataclasses.dataclass(frozen=True)
class SweepCounts:
    sla_at_risk: int = 0
    sla_breached: int = 0
    return_visits_planned: int = 0
    complaints_escalated: int = 0


def sla_sweep(uow_factory: UowFactory, settings: DeskSettings, *, as_of: datetime) -> tuple[int, int]:
    """At-risk and breached work orders: flag each threshold once per work order, target and reopen
    cycle; a breach escalates (priority one step up, the manager notified by `sla_breached`).
    Returns (at risk, breached) acted on by this run."""
    at_risk = breached = 0
    after = ""
    while True:
        with uow_factory(read_only=True) as uow:
            ids = uow.work_orders.open_ids(after, BATCH)
        if not ids:
            break
        after = ids[-1]
        for work_order_id in ids:
            with uow_factory() as uow:
                order = uow.work_orders.get(work_order_id, for_update=True)
                if order is None or not order.is_open:
                    continue
                findings = sl.evaluate(settings.calendar, order.sla, order.created_at, as_of)
                current = order
                acted = False
                for finding in findings:
                    key = f"{finding.target}:{finding.kind}:{current.reopen_count}"
                    if not uow.job_marks.claim("sla", current.id, key, as_of):
                        continue
                    sla = sl.flag(current.sla, finding)
                    if finding.kind == "at_risk":
                        current = dataclasses.replace(current, sla=sla)
                        uow.record(ev.SlaAtRisk(dataclasses.replace(current, version=current.version + 1), finding))
                        at_risk += 1
                    else:
                        previous = current.priority
                        current = dataclasses.replace(current, sla=sla, priority=sl.raised(previous))
                        notify = (
                            (uow.technicians.manager_of(current.assignee_id) if current.assignee_id else "")
                            or settings.escalation_user_id
                            or current.owner_id
                        )
                        uow.record(
                            ev.SlaBreached(
                                dataclasses.replace(current, version=current.version + 1),
                                finding,
                                notify,
                                previous,
                                current.priority,
                            )
                        )
                        breached += 1
                    acted = True
                    current = dataclasses.replace(current, version=current.version + 1, updated_at=as_of)
                if acted:
                    # one row update for every finding of this run (version moved once per event)
                    if not uow.work_orders.update(current, expected_version=order.version):
                        continue
                    uow.commit()
    return at_risk, breached


def plan_return_visits(uow_factory: UowFactory, settings: DeskSettings, *, as_of: datetime) -> int:
    """Return visits for closed work orders and fulfilled orders that have none yet (one per source and
    rule, so rerunning plans nothing new)."""
    planned = 0
    if settings.return_visit_after_close_days > 0:
        with uow_factory(read_only=True) as uow:
            closed = uow.work_orders.closed_without_return(BATCH)
        for order in closed:
            with uow_factory() as uow:
                closed_on = local_date(order.closed_at or as_of, settings)
                if _plan_return(
                    uow,
                    rule="work_order_closed",
                    source_kind="work_order",
                    source_id=order.id,
                    customer_id=order.customer_id,
                    owner_id=order.owner_id,
                    work_order_id=order.id,
                    order_id=order.order_id,
                    due_on=closed_on + timedelta(days=settings.return_visit_after_close_days),
                    assignee_id=order.owner_id,
                    at=as_of,
                ):
                    planned += 1
                    uow.commit()
    if settings.return_visit_after_fulfilment_days > 0:
        with uow_factory(read_only=True) as uow:
            orders = uow.owned.orders_without_return(BATCH)
        for order_id, customer_id, owner_id, fulfilled_on in orders:
            with uow_factory() as uow:
                if _plan_return(
                    uow,
                    rule="order_fulfilled",
                    source_kind="order",
                    source_id=order_id,
                    customer_id=customer_id,
                    owner_id=owner_id,
                    work_order_id="",
                    order_id=order_id,
                    due_on=fulfilled_on + timedelta(days=settings.return_visit_after_fulfilment_days),
                    assignee_id=owner_id,
                    at=as_of,
                ):
                    planned += 1
                    uow.commit()
    return planned


def escalate_complaints(uow_factory: UowFactory, settings: DeskSettings, *, as_of: datetime) -> int:
    """Open complaints past their deadline go one level up per deadline span overdue (at most 3),
    each level once."""
    escalated = 0
    with uow_factory(read_only=True) as uow:
        overdue = uow.complaints.overdue_ids(as_of, BATCH)
    for complaint_id in overdue:
        with uow_factory() as uow:
            current = uow.complaints.get(complaint_id, for_update=True)
            if current is None:
                continue
            levels = cm.overdue_levels(current, as_of)
            updated = current
            for level in range(current.escalation_level + 1, levels + 1):
                if uow.job_marks.claim("complaint_escalation", current.id, str(level), as_of):
                    updated = cm.escalate(
                        updated,
                        at=as_of,
                        actor="service-desk",
                        note=f"overdue since {current.deadline_at.isoformat()}: level {level}",
                    )
                    escalated += 1
            if updated is not current:
                updated = dataclasses.replace(updated, version=current.version + 1)
                if uow.complaints.update(updated, expected_version=current.version):
                    uow.commit()
    return escalated


def auto_assign_waiting(uow_factory: UowFactory, settings: DeskSettings, *, as_of: datetime) -> int:
    """D2: new, unassigned work orders older than `auto_assign_after_minutes` go to automatic dispatch,
    once per work order and reopen cycle; those with nobody eligible keep waiting (retried next run)."""
    if settings.auto_assign_after_minutes <= 0:
        return 0
    assigned = 0
    with uow_factory(read_only=True) as uow:
        ids = uow.work_orders.waiting_ids(as_of - timedelta(minutes=settings.auto_assign_after_minutes), BATCH)
    for work_order_id in ids:
        with uow_factory() as uow:
            order = uow.work_orders.get(work_order_id, for_update=True)
            if order is None or order.status != "new" or order.assignee_id:
                continue
            if auto_assign(uow, settings, order, as_of) is None:
                continue
            if uow.job_marks.claim("auto_assign", order.id, str(order.reopen_count), as_of):
                assigned += 1
                uow.commit()
    return assigned


def run_sweeps(uow_factory: UowFactory, settings: DeskSettings, *, as_of: datetime) -> SweepCounts:
    """Every timer once, in order: SLA, return-visit planning, complaint escalation."""
    risk, breach = sla_sweep(uow_factory, settings, as_of=as_of)
    auto_assign_waiting(uow_factory, settings, as_of=as_of)
    return SweepCounts(
        risk,
        breach,
        plan_return_visits(uow_factory, settings, as_of=as_of),
        escalate_complaints(uow_factory, settings, as_of=as_of),
    )
