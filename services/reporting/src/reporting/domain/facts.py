"""Pure rules that turn one consumed event into read-model writes.

`writes_for(event)` answers what an event changes, as data (no SQL): upserts of a record's latest
state applied only when its version is newer (`Upsert`), child rows replaced together with their
parent (`Children`), insert-once log rows (`Insert`) and removals (`Remove`). The same function
serves the live handlers and the rebuild from the archive, so both give the same read models.

Payloads are read as the envelope's JSON (`MessageToDict`, proto field names): int64 values are
strings, timestamps RFC 3339 strings, default values absent.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime, tzinfo
from typing import Any

Row = dict[str, Any]


@dataclasses.dataclass(frozen=True)
class Children:
    """Rows of `table` owned by the parent (`parent_col` = the parent's id); replaced as a whole."""

    table: str
    parent_col: str
    rows: tuple[Row, ...]


@dataclasses.dataclass(frozen=True)
class Upsert:
    """Store `row` in `table` (key `key`) unless the same or a newer `version` is stored."""

    table: str
    key: str
    row: Row
    children: tuple[Children, ...] = ()


@dataclasses.dataclass(frozen=True)
class Insert:
    """Insert `row` once (keyed by the table's primary key); with `min_col`, a later insert of the
    same key keeps the smallest value of that column (the earliest time wins whatever the order)."""

    table: str
    row: Row
    min_col: str | None = None


@dataclasses.dataclass(frozen=True)
class Remove:
    """Delete the row `key_col == key` unless a version newer than `up_to_version` is stored."""

    table: str
    key_col: str
    key: str
    up_to_version: int


Write = Upsert | Insert | Remove


@dataclasses.dataclass(frozen=True)
class Event:
    """What a projection needs of an envelope."""

    event_id: str
    producer: str
    event_type: str
    aggregate_id: str
    aggregate_version: int
    occurred_at: datetime
    data: Mapping[str, Any]


# ---------------------------------------------------------------------------- value helpers


def money(value: Mapping[str, Any] | None) -> int:
    """Minor units of a Money dict (0 when absent)."""
    return int((value or {}).get("minor_units") or 0)


def currency(value: Mapping[str, Any] | None) -> str:
    return str((value or {}).get("currency_code") or "")


def ts(value: str | None) -> datetime | None:
    """An RFC 3339 timestamp as an aware UTC datetime (None when absent)."""
    if not value:
        return None
    return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(UTC)


def local_day(value: datetime | None, zone: tzinfo) -> str | None:
    """The ISO local date of `value` in the organisation's time zone."""
    return None if value is None else value.astimezone(zone).date().isoformat()


def iso_day(value: str | None) -> str | None:
    """An ISO date string (YYYY-MM-DD...) cut to the date, None when empty."""
    return value[:10] if value else None


def minutes_between(start: datetime | None, end: datetime | None) -> int | None:
    if start is None or end is None:
        return None
    return int((end - start).total_seconds() // 60)


def _v(event: Event, record: Mapping[str, Any]) -> int:
    return int(event.aggregate_version or record.get("version") or 0)


# ---------------------------------------------------------------------------- customers


def _customer(event: Event, c: Mapping[str, Any], zone: tzinfo, version: int | None = None) -> Upsert:
    created = ts(c.get("created_at")) or event.occurred_at
    return Upsert(
        "customer_facts",
        "customer_id",
        {
            "customer_id": c.get("id") or event.aggregate_id,
            "owner_id": c.get("owner_id", ""),
            "created_at": created,
            "version": version if version is not None else _v(event, c),
            "event_at": event.occurred_at,
            "deleted": bool(c.get("deleted_at")),
            "classification": c.get("classification", ""),
            "industry": c.get("industry", ""),
            "region": c.get("region", ""),
            "source": c.get("source", ""),
            "level": c.get("level", ""),
            "status": c.get("status", ""),
            "created_day": local_day(created, zone),
            "last_follow_up_at": ts(c.get("last_follow_up_at")),
            "pool_id": c.get("pool_id", ""),
        },
    )


def _customers(event: Event, zone: tzinfo) -> list[Write]:
    d, t = event.data, event.event_type
    if t == "customer_created":
        c = d.get("customer", {})
        # The first owner (S16 new customers): a creation move, credited to that owner.
        move = Insert(
            "rm_owner_moves",
            {
                "event_id": event.event_id,
                "customer_id": c.get("id") or event.aggregate_id,
                "at": event.occurred_at,
                "day": local_day(event.occurred_at, zone),
                "from_owner_id": "",
                "to_owner_id": c.get("owner_id", ""),
                "reason": "create",
                "pool_id": c.get("pool_id", ""),
            },
        )
        return [_customer(event, c, zone), move]
    if t in ("customer_updated", "customer_deleted", "customer_restored", "customer_locked"):
        return [_customer(event, d.get("customer", {}), zone)]
    if t == "customer_returned_to_pool":
        return [_customer(event, d.get("customer", {}), zone)]
    if t == "customer_owner_changed":
        c = d.get("customer", {})
        move = Insert(
            "rm_owner_moves",
            {
                "event_id": event.event_id,
                "customer_id": c.get("id") or event.aggregate_id,
                "at": event.occurred_at,
                "day": local_day(event.occurred_at, zone),
                "from_owner_id": d.get("from_owner_id", ""),
                "to_owner_id": d.get("to_owner_id", ""),
                "reason": d.get("reason", ""),
                "pool_id": d.get("pool_id", ""),
            },
        )
        return [_customer(event, c, zone), move]
    if t == "customer_merged":
        victim = d.get("victim", {})
        return [
            _customer(event, d.get("survivor", {}), zone),
            _customer(event, victim, zone, version=int(victim.get("version") or 0)),
        ]
    if t == "customer_purged":
        cid = d.get("customer_id") or event.aggregate_id
        return [Remove("customer_facts", "customer_id", cid, event.aggregate_version)]
    if t == "activity_logged":
        a = d.get("activity", {})
        at = ts(a.get("occurred_at")) or event.occurred_at
        return [
            Insert(
                "rm_activities",
                {
                    "id": a.get("id") or event.event_id,
                    "customer_id": a.get("customer_id", ""),
                    "owner_id": a.get("actor_id", ""),
                    "type": a.get("type", ""),
                    "occurred_at": at,
                    "day": local_day(at, zone),
                    "follow_up": bool(d.get("counts_as_follow_up")),
                },
            )
        ]
    if t == "lead_conversion_resolved":
        return [
            Insert(
                "rm_conversions",
                {
                    "conversion_id": d.get("conversion_id") or event.event_id,
                    "lead_id": d.get("lead_id", ""),
                    "outcome": d.get("outcome", ""),
                    "customer_id": d.get("customer_id", ""),
                    "owner_id": d.get("owner_id", ""),
                    "campaign_id": d.get("campaign_id", ""),
                },
            )
        ]
    # contact_created / contact_updated / pool_recycle_warning / follow_up_due: archive only.
    return []


# ---------------------------------------------------------------------------- sales


def _opportunity(event: Event, zone: tzinfo) -> list[Write]:
    o = event.data.get("opportunity", {})
    created = ts(o.get("created_at"))
    writes: list[Write] = [
        Upsert(
            "rm_opportunities",
            "id",
            {
                "id": o.get("id") or event.aggregate_id,
                "version": _v(event, o),
                "customer_id": o.get("customer_id", ""),
                "owner_id": o.get("owner_id", ""),
                "stage": o.get("stage", ""),
                "status": o.get("status", "") or "open",
                "probability": int(o.get("probability") or 0),
                "amount": money(o.get("amount")),
                "currency": currency(o.get("amount")),
                "close_month": (o.get("expected_close_date") or "")[:7],
                "campaign_id": o.get("source_campaign_id", ""),
                "lead_id": o.get("lead_id", ""),
                "lost_reason": o.get("lost_reason", ""),
                "created_at": created,
                "created_day": local_day(created, zone),
                "closed_day": local_day(ts(o.get("closed_at")), zone),
            },
        )
    ]
    change = event.data.get("change")
    if change is None and event.event_type == "opportunity_created":
        change = {"to_stage": o.get("stage", ""), "reason": "create", "at": o.get("created_at")}
    if change is not None:
        at = ts(change.get("at")) or event.occurred_at
        writes.append(
            Insert(
                "rm_stage_changes",
                {
                    "id": change.get("id") or event.event_id,
                    "opportunity_id": o.get("id") or event.aggregate_id,
                    "owner_id": o.get("owner_id", ""),
                    "at": at,
                    "day": local_day(at, zone),
                    "from_stage": change.get("from_stage", ""),
                    "to_stage": change.get("to_stage", ""),
                    "reason": change.get("reason", ""),
                },
            )
        )
    return writes


def _lines(order_id: str, lines: list[Mapping[str, Any]]) -> tuple[Row, ...]:
    return tuple(
        {
            "order_id": order_id,
            "seq": i,
            "product_id": line.get("product_id", ""),
            "sku": line.get("sku", ""),
            "product_name": line.get("name", ""),
            "category": line.get("category", ""),
            "quantity": line.get("quantity", "0") or "0",
            "net": money(line.get("net")),
        }
        for i, line in enumerate(lines)
    )


def _sales(event: Event, zone: tzinfo) -> list[Write]:
    d, t = event.data, event.event_type
    if t.startswith("opportunity_"):
        return _opportunity(event, zone)
    if t in ("quote_sent", "quote_accepted"):
        q = d.get("quote", {})
        return [
            Upsert(
                "rm_quotes",
                "id",
                {
                    "id": q.get("id") or event.aggregate_id,
                    "version": _v(event, q),
                    "customer_id": q.get("customer_id", ""),
                    "opportunity_id": q.get("opportunity_id", ""),
                    "owner_id": q.get("owner_id", ""),
                    "status": q.get("status", ""),
                    "total": money((q.get("totals") or {}).get("total")),
                    "currency": q.get("currency", ""),
                    "sent_day": local_day(ts(q.get("sent_at")), zone),
                    "accepted_day": local_day(ts(q.get("accepted_at")), zone),
                },
            )
        ]
    if t.startswith("order_"):
        o = d.get("order", {})
        oid = o.get("id") or event.aggregate_id
        return [
            Upsert(
                "rm_orders",
                "id",
                {
                    "id": oid,
                    "version": _v(event, o),
                    "customer_id": o.get("customer_id", ""),
                    "owner_id": o.get("owner_id", ""),
                    "status": o.get("status", ""),
                    "total": money((o.get("totals") or {}).get("total")),
                    "currency": o.get("currency", ""),
                    "created_day": local_day(ts(o.get("created_at")), zone),
                    "confirmed_day": local_day(ts(o.get("confirmed_at")), zone),
                },
                children=(Children("rm_order_lines", "order_id", _lines(oid, o.get("lines", []))),),
            )
        ]
    if t.startswith("contract_"):
        c = d.get("contract", {})
        return [
            Upsert(
                "rm_contracts",
                "id",
                {
                    "id": c.get("id") or event.aggregate_id,
                    "version": _v(event, c),
                    "customer_id": c.get("customer_id", ""),
                    "owner_id": c.get("owner_id", ""),
                    "credited_owner_id": c.get("credited_owner_id", "") or c.get("owner_id", ""),
                    "status": c.get("status", ""),
                    "value": money(c.get("value")),
                    "currency": currency(c.get("value")),
                    "signed_day": iso_day(c.get("signed_on")),
                    "activated_day": local_day(ts(c.get("activated_at")), zone),
                },
            )
        ]
    if t == "payment_plan_created":
        p = d.get("plan", {})
        pid = p.get("id") or event.aggregate_id
        rows = tuple(
            {
                "id": i.get("id") or f"{pid}:{i.get('seq', n)}",
                "plan_id": pid,
                "contract_id": p.get("contract_id", ""),
                "customer_id": p.get("customer_id", ""),
                "owner_id": p.get("owner_id", ""),
                "seq": int(i.get("seq") or n),
                "due_day": iso_day(i.get("due_date")),
                "amount": money(i.get("amount")),
                "status": i.get("status", ""),
            }
            for n, i in enumerate(p.get("instalments", []), start=1)
        )
        return [
            Upsert(
                "rm_payment_plans",
                "id",
                {
                    "id": pid,
                    "version": _v(event, p),
                    "contract_id": p.get("contract_id", ""),
                    "customer_id": p.get("customer_id", ""),
                    "owner_id": p.get("owner_id", ""),
                    "total": money(p.get("total")),
                },
                children=(Children("rm_instalments", "plan_id", rows),),
            )
        ]
    if t == "payment_received":
        r = d.get("receipt", {})
        rid = r.get("id") or event.aggregate_id
        allocs = tuple(
            {"receipt_id": rid, "instalment_id": a.get("instalment_id", ""), "amount": money(a.get("amount"))}
            for a in r.get("allocations", [])
        )
        return [
            Upsert(
                "rm_receipts",
                "id",
                {
                    "id": rid,
                    "version": _v(event, r),
                    "plan_id": r.get("plan_id", ""),
                    "contract_id": r.get("contract_id", ""),
                    "customer_id": r.get("customer_id", ""),
                    "owner_id": r.get("owner_id", ""),
                    "amount": money(r.get("amount")),
                    "received_day": iso_day(r.get("received_on")),
                    "status": r.get("status", ""),
                },
                children=(Children("rm_allocations", "receipt_id", allocs),),
            )
        ]
    if t == "target_set":
        g = d.get("target", {})
        return [
            Upsert(
                "rm_targets",
                "id",
                {
                    "id": g.get("id") or event.aggregate_id,
                    "version": _v(event, g),
                    "month": g.get("month", ""),
                    "metric": g.get("metric", ""),
                    "scope_type": g.get("scope_type", ""),
                    "scope_id": g.get("scope_id", ""),
                    "value": int(g.get("value") or 0),
                },
            )
        ]
    # payment_overdue (derived again from plans and receipts as of any date), invoice_issued,
    # approval_requested, approval_decided: archive only.
    return []


# ---------------------------------------------------------------------------- marketing

LEAD_FUNNEL = ("new", "contacted", "qualified", "converted")


def _marketing(event: Event, zone: tzinfo) -> list[Write]:
    d, t = event.data, event.event_type
    if t.startswith("campaign_"):
        c = d.get("campaign", {})
        return [
            Upsert(
                "rm_campaigns",
                "id",
                {
                    "id": c.get("id") or event.aggregate_id,
                    "version": _v(event, c),
                    "name": c.get("name", ""),
                    "owner_id": c.get("owner_id", ""),
                    "type": c.get("type", ""),
                    "channel": c.get("channel", ""),
                    "status": c.get("status", ""),
                    "budget": money(c.get("budget")),
                    "actual_cost": money(c.get("actual_cost")),
                    "currency": currency(c.get("budget")) or currency(c.get("actual_cost")),
                    "start_day": iso_day(c.get("start_date")),
                },
            )
        ]
    if (t.startswith("lead_") and t != "lead_converted") or (t == "lead_converted" and "lead" in d):
        lead = d.get("lead", {})
        lid = lead.get("id") or event.aggregate_id
        created = ts(lead.get("created_at")) or (event.occurred_at if t == "lead_created" else None)
        status = lead.get("status", "") or "new"
        writes: list[Write] = [
            Upsert(
                "rm_leads",
                "id",
                {
                    "id": lid,
                    "version": _v(event, lead),
                    "owner_id": lead.get("owner_id", ""),
                    "source": lead.get("source", ""),
                    "campaign_id": lead.get("campaign_id", ""),
                    "status": status,
                    "created_at": created,
                    "created_day": local_day(created, zone),
                    "in_pool": bool(lead.get("in_pool")),
                },
            ),
            Insert("rm_lead_statuses", {"lead_id": lid, "status": "new", "at": created or event.occurred_at}, "at"),
            Insert("rm_lead_statuses", {"lead_id": lid, "status": status, "at": event.occurred_at}, "at"),
        ]
        if lead.get("contacted_at"):
            writes.append(
                Insert(
                    "rm_lead_statuses", {"lead_id": lid, "status": "contacted", "at": ts(lead["contacted_at"])}, "at"
                )
            )
        return writes
    if t == "lead_converted":
        # The conversion request: the lead reached "converted" (time to convert from here).
        lid = d.get("lead_id") or event.aggregate_id
        return [Insert("rm_lead_statuses", {"lead_id": lid, "status": "converted", "at": event.occurred_at}, "at")]
    return []


# ---------------------------------------------------------------------------- service desk


def _service_desk(event: Event, zone: tzinfo) -> list[Write]:
    d, t = event.data, event.event_type
    if t.startswith("work_order_") or t.startswith("sla_"):
        w = d.get("work_order", {})
        sla = w.get("sla", {})
        created = ts(w.get("created_at"))
        resolved = ts(w.get("resolved_at"))
        return [
            Upsert(
                "rm_work_orders",
                "id",
                {
                    "id": w.get("id") or event.aggregate_id,
                    "version": _v(event, w),
                    "customer_id": w.get("customer_id", ""),
                    "owner_id": w.get("owner_id", ""),
                    "assignee_id": w.get("assignee_id", ""),
                    "type": w.get("type", ""),
                    "status": w.get("status", ""),
                    "priority": w.get("priority", ""),
                    "channel": w.get("channel", ""),
                    "created_at": created,
                    "created_day": local_day(created, zone),
                    "resolved_at": resolved,
                    "resolution_minutes": (
                        int(sla["resolution_minutes"])
                        if resolved and sla.get("resolution_minutes") is not None
                        else minutes_between(created, resolved)
                    ),
                    "first_response_minutes": (
                        int(sla.get("first_response_minutes") or 0) if sla.get("first_responded_at") else None
                    ),
                    "responded": bool(sla.get("first_responded_at")),
                    "first_response_breached": bool(sla.get("first_response_breached")),
                    "resolution_breached": bool(sla.get("resolution_breached")),
                    "reopen_count": int(w.get("reopen_count") or 0),
                },
            )
        ]
    if t.startswith("visit_"):
        v = d.get("visit", {})
        day = local_day(ts(v.get("checked_out_at")) or ts(v.get("window_start")), zone)
        return [
            Upsert(
                "rm_visits",
                "id",
                {
                    "id": v.get("id") or event.aggregate_id,
                    "version": _v(event, v),
                    "work_order_id": v.get("work_order_id", ""),
                    "technician_id": v.get("technician_id", ""),
                    "status": v.get("status", "") or ("completed" if t == "visit_completed" else "scheduled"),
                    "day": day,
                    "labour_minutes": int(v.get("labour_minutes") or 0),
                    "charge": money(v.get("charge")),
                },
            )
        ]
    if t == "service_charge_recorded":
        c = d.get("charge", {})
        return [
            Upsert(
                "rm_service_charges",
                "id",
                {
                    "id": c.get("id") or event.aggregate_id,
                    "version": _v(event, c),
                    "work_order_id": c.get("work_order_id", ""),
                    "visit_id": c.get("visit_id", ""),
                    "total": money(c.get("total")),
                    "created_at": ts(c.get("created_at")),
                },
            )
        ]
    if t.startswith("complaint_"):
        c = d.get("complaint", {})
        created, resolved = ts(c.get("created_at")), ts(c.get("resolved_at"))
        return [
            Upsert(
                "rm_complaints",
                "id",
                {
                    "id": c.get("id") or event.aggregate_id,
                    "version": _v(event, c),
                    "owner_id": c.get("owner_id", ""),
                    "assignee_id": c.get("assignee_id", ""),
                    "category": c.get("category", ""),
                    "severity": c.get("severity", ""),
                    "status": c.get("status", ""),
                    "created_at": created,
                    "created_day": local_day(created, zone),
                    "resolved_at": resolved,
                    "handling_minutes": minutes_between(created, resolved),
                },
            )
        ]
    if t.startswith("return_visit_"):
        r = d.get("return_visit", {})
        done = t == "return_visit_completed" or r.get("status") == "completed"
        return [
            Upsert(
                "rm_return_visits",
                "id",
                {
                    "id": r.get("id") or event.aggregate_id,
                    "version": _v(event, r),
                    "assignee_id": r.get("assignee_id", ""),
                    "work_order_id": r.get("work_order_id", ""),
                    "status": r.get("status", "") or ("completed" if done else "planned"),
                    "score": int(r.get("score") or 0) if done else None,
                    "nps": int(r.get("nps") or 0) if done else None,
                    "completed_day": local_day(ts(r.get("completed_at")) or event.occurred_at, zone) if done else None,
                },
            )
        ]
    return []


_BY_PRODUCER: dict[str, Callable[[Event, tzinfo], list[Write]]] = {
    "customers": _customers,
    "sales": _sales,
    "marketing": _marketing,
    "service_desk": _service_desk,
}


def writes_for(event: Event, zone: tzinfo) -> list[Write]:
    """The read-model writes one event causes (empty for archive-only events)."""
    fold = _BY_PRODUCER.get(event.producer)
    return [] if fold is None else fold(event, zone)


def days_between(start: str, end: str) -> int:
    """Whole days from ISO date `start` to ISO date `end`."""
    return (date.fromisoformat(end) - date.fromisoformat(start)).days
