"""JSON <-> value objects stored on records (datetimes as ISO text, decimals as text)."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from crm_chassis.db import as_utc
from service_desk.domain import complaints as cm
from service_desk.domain import dispatch as dp
from service_desk.domain import entitlement as en
from service_desk.domain import sla as sl
from service_desk.domain import visits as vs
from service_desk.domain import workorder as wo


def enc(value: Any) -> Any:
    """A JSON-able form of a value object (dataclasses, datetimes, dates, decimals, tuples)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: enc(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, datetime):
        return as_utc(value).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, tuple | list):
        return [enc(v) for v in value]
    return value


def ts(text: str | None) -> datetime | None:
    return None if not text else as_utc(datetime.fromisoformat(text))


def day(text: str | None) -> date | None:
    return None if not text else date.fromisoformat(text)


def utc(value: datetime | None) -> datetime | None:
    return None if value is None else as_utc(value)


def entitlement(d: dict) -> en.Decision:
    return en.Decision(
        d["decision"], d["reason"], d.get("order_id", ""), d.get("contract_id", ""), day(d.get("covered_until"))
    )


_SLA_TIMES = ("first_response_due_at", "resolution_due_at", "first_responded_at", "paused_since")


def sla(d: dict) -> sl.SlaState:
    fields = {f.name for f in dataclasses.fields(sl.SlaState)}
    values = {k: (ts(v) if k in _SLA_TIMES else v) for k, v in d.items() if k in fields}
    return sl.SlaState(**values)


def dispatch(d: dict | None) -> dp.Decision | None:
    if not d:
        return None
    return dp.Decision(
        d["mode"],
        d["technician_id"],
        d["reason"],
        tuple(dp.Candidate(**c) for c in d.get("candidates", [])),
        ts(d.get("decided_at")),
        d.get("decided_by", ""),
    )


def history(items: list[dict]) -> tuple[wo.StatusChange, ...]:
    return tuple(
        wo.StatusChange(h["from_status"], h["to_status"], h["action"], h["reason"], h["actor_id"], ts(h["at"]))  # type: ignore[arg-type]
        for h in items
    )


def attachments(items: list[dict]) -> tuple[wo.Attachment, ...]:
    return tuple(wo.Attachment(**a) for a in items)


def parts(items: list[dict]) -> tuple[vs.Part, ...]:
    return tuple(
        vs.Part(p["sku"], p["name"], Decimal(p["quantity"]), p["unit_price_minor"], p["currency"]) for p in items
    )


def steps(items: list[dict]) -> tuple[cm.Step, ...]:
    return tuple(cm.Step(ts(s["at"]), s["actor_id"], s["kind"], s["note"]) for s in items)  # type: ignore[arg-type]


def point(value: list | None) -> tuple[float, float] | None:
    return None if not value else (float(value[0]), float(value[1]))
