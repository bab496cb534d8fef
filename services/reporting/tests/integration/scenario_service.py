"""A known marketing + service-desk history (plus one lead conversion answer) whose report
figures are worked out by hand in test_service_reports.py."""

from __future__ import annotations

from typing import Any

from reporting_support import at, money

Event = tuple[str, dict[str, Any], str, int, str]


def lead(
    lid: str, owner: str, version: int, created: str, source: str, status: str, campaign: str = "", **extra: Any
) -> dict[str, Any]:
    return {
        "id": lid,
        "owner_id": owner,
        "source": source,
        "campaign_id": campaign,
        "status": status,
        "version": str(version),
        "created_at": at(created),
        **extra,
    }


def wo(
    wid: str,
    version: int,
    created: str,
    type_: str,
    priority: str,
    status: str,
    owner: str,
    assignee: str,
    sla: dict[str, Any],
    **extra: Any,
) -> dict[str, Any]:
    return {
        "id": wid,
        "version": str(version),
        "created_at": at(created),
        "type": type_,
        "priority": priority,
        "status": status,
        "owner_id": owner,
        "assignee_id": assignee,
        "sla": sla,
        **extra,
    }


def visit(vid: str, version: int, wid: str, tech: str, status: str, day: str, labour: int = 0) -> dict[str, Any]:
    done = {"checked_out_at": at(f"{day}T04:00")} if status == "completed" else {}
    return {
        "id": vid,
        "version": str(version),
        "work_order_id": wid,
        "technician_id": tech,
        "status": status,
        "window_start": at(f"{day}T02:00"),
        "labour_minutes": labour,
        **done,
    }


def complaint(
    cid: str, version: int, category: str, severity: str, created: str, resolved: str | None
) -> dict[str, Any]:
    out = {
        "id": cid,
        "version": str(version),
        "category": category,
        "severity": severity,
        "owner_id": "a",
        "created_at": at(created),
        "status": "resolved" if resolved else "open",
    }
    if resolved:
        out["resolved_at"] = at(resolved)
    return out


def rv(
    rid: str, version: int, status: str, score: int = 0, nps: int = 0, completed: str | None = None
) -> dict[str, Any]:
    out = {"id": rid, "version": str(version), "status": status, "assignee_id": "t1", "score": score, "nps": nps}
    if completed:
        out["completed_at"] = at(completed)
    return out


def events() -> list[Event]:
    cmp1 = {
        "id": "cmp1",
        "name": "Spring fair",
        "owner_id": "m",
        "status": "draft",
        "budget": money(80000),
        "version": "1",
    }
    cmp1_cost = {**cmp1, "status": "active", "actual_cost": money(50000), "version": "3"}
    cmp2 = {"id": "cmp2", "name": "Webinar", "owner_id": "m", "status": "draft", "version": "1"}
    out: list[Event] = [
        ("campaign_created", {"campaign": cmp1}, "cmp1", 1, "2026-01-01T01:00"),
        (
            "campaign_approved",
            {"campaign": {**cmp1, "status": "approved", "version": "2"}, "approver_id": "m"},
            "cmp1",
            2,
            "2026-01-01T02:00",
        ),
        (
            "campaign_cost_recorded",
            {"campaign": cmp1_cost, "cost": {"id": "cost1", "amount": money(50000)}},
            "cmp1",
            3,
            "2026-01-02T01:00",
        ),
        ("campaign_created", {"campaign": cmp2}, "cmp2", 1, "2026-01-01T03:00"),
        (
            "lead_created",
            {"lead": lead("L1", "a", 1, "2026-01-02T03:00", "web", "new", "cmp1")},
            "L1",
            1,
            "2026-01-02T03:00",
        ),
        (
            "lead_created",
            {"lead": lead("L2", "a", 1, "2026-01-03T03:00", "web", "new", "cmp1")},
            "L2",
            1,
            "2026-01-03T03:00",
        ),
        ("lead_created", {"lead": lead("L3", "b", 1, "2026-01-04T03:00", "fair", "new")}, "L3", 1, "2026-01-04T03:00"),
        ("lead_created", {"lead": lead("L4", "b", 1, "2026-01-05T03:00", "fair", "new")}, "L4", 1, "2026-01-05T03:00"),
        (
            "lead_assigned",
            {
                "lead": lead("L2", "a", 2, "2026-01-03T03:00", "web", "new", "cmp1"),
                "to_owner_id": "a",
                "reason": "rule",
            },
            "L2",
            2,
            "2026-01-03T04:00",
        ),
        (
            "lead_status_changed",
            {
                "lead": lead(
                    "L1", "a", 2, "2026-01-02T03:00", "web", "contacted", "cmp1", contacted_at=at("2026-01-03T03:00")
                ),
                "to_status": "contacted",
            },
            "L1",
            2,
            "2026-01-03T03:00",
        ),
        (
            "lead_status_changed",
            {
                "lead": lead(
                    "L1", "a", 3, "2026-01-02T03:00", "web", "qualified", "cmp1", contacted_at=at("2026-01-03T03:00")
                ),
                "to_status": "qualified",
            },
            "L1",
            3,
            "2026-01-05T03:00",
        ),
        (
            "lead_converted",
            {"lead_id": "L1", "conversion_id": "cv1", "owner_id": "a", "campaign_id": "cmp1"},
            "L1",
            3,
            "2026-01-08T03:00",
        ),
        (
            "lead_conversion_resolved",
            {
                "lead_id": "L1",
                "conversion_id": "cv1",
                "outcome": "created",
                "customer_id": "c9",
                "owner_id": "a",
                "campaign_id": "cmp1",
            },
            "c9",
            1,
            "2026-01-08T03:01",
        ),
        (
            "lead_status_changed",
            {
                "lead": lead(
                    "L1", "a", 4, "2026-01-02T03:00", "web", "converted", "cmp1", contacted_at=at("2026-01-03T03:00")
                ),
                "to_status": "converted",
            },
            "L1",
            4,
            "2026-01-08T03:02",
        ),
        (
            "lead_status_changed",
            {
                "lead": lead(
                    "L2", "a", 3, "2026-01-03T03:00", "web", "contacted", "cmp1", contacted_at=at("2026-01-04T03:00")
                ),
                "to_status": "contacted",
            },
            "L2",
            3,
            "2026-01-04T03:00",
        ),
        (
            "lead_disqualified",
            {"lead": lead("L3", "b", 2, "2026-01-04T03:00", "fair", "disqualified"), "reason": "spam"},
            "L3",
            2,
            "2026-01-06T03:00",
        ),
        (
            "lead_returned_to_pool",
            {
                "lead": lead("L4", "", 2, "2026-01-05T03:00", "fair", "new", in_pool=True),
                "from_owner_id": "b",
                "reason": "release",
            },
            "L4",
            2,
            "2026-01-05T05:00",
        ),
        (
            "lead_status_changed",
            {"lead": lead("L4", "b", 3, "2026-01-05T03:00", "fair", "qualified"), "to_status": "qualified"},
            "L4",
            3,
            "2026-01-07T03:00",
        ),
        ("lead_converted", {"lead_id": "L4", "conversion_id": "cv4", "owner_id": "b"}, "L4", 3, "2026-01-09T03:00"),
        (
            "lead_status_changed",
            {"lead": lead("L4", "b", 4, "2026-01-05T03:00", "fair", "converted"), "to_status": "converted"},
            "L4",
            4,
            "2026-01-09T03:01",
        ),
    ]
    ok_sla = {"first_responded_at": at("2026-02-01T01:30"), "first_response_minutes": 30}
    wo1 = [
        (
            "work_order_created",
            {"work_order": wo("wo1", 1, "2026-02-01T01:00", "repair", "high", "new", "a", "", {})},
            "wo1",
            1,
            "2026-02-01T01:00",
        ),
        (
            "work_order_assigned",
            {"work_order": wo("wo1", 2, "2026-02-01T01:00", "repair", "high", "assigned", "a", "t1", {})},
            "wo1",
            2,
            "2026-02-01T01:10",
        ),
        (
            "work_order_status_changed",
            {
                "work_order": wo("wo1", 3, "2026-02-01T01:00", "repair", "high", "in_progress", "a", "t1", ok_sla),
                "change": {"to_status": "in_progress"},
            },
            "wo1",
            3,
            "2026-02-01T01:30",
        ),
        (
            "work_order_resolved",
            {
                "work_order": wo(
                    "wo1",
                    4,
                    "2026-02-01T01:00",
                    "repair",
                    "high",
                    "resolved",
                    "a",
                    "t1",
                    {**ok_sla, "resolution_minutes": 240},
                    resolved_at=at("2026-02-01T05:00"),
                )
            },
            "wo1",
            4,
            "2026-02-01T05:00",
        ),
        (
            "work_order_closed",
            {
                "work_order": wo(
                    "wo1",
                    5,
                    "2026-02-01T01:00",
                    "repair",
                    "high",
                    "closed",
                    "a",
                    "t1",
                    {**ok_sla, "resolution_minutes": 240},
                    resolved_at=at("2026-02-01T05:00"),
                )
            },
            "wo1",
            5,
            "2026-02-02T01:00",
        ),
    ]
    bad_sla = {
        "first_responded_at": at("2026-02-02T02:30"),
        "first_response_minutes": 90,
        "first_response_breached": True,
    }
    wo2 = [
        (
            "work_order_created",
            {"work_order": wo("wo2", 1, "2026-02-02T01:00", "repair", "normal", "assigned", "b", "t1", {})},
            "wo2",
            1,
            "2026-02-02T01:00",
        ),
        (
            "sla_breached",
            {
                "work_order": wo(
                    "wo2",
                    2,
                    "2026-02-02T01:00",
                    "repair",
                    "normal",
                    "assigned",
                    "b",
                    "t1",
                    {"first_response_breached": True},
                ),
                "target": "first_response",
            },
            "wo2",
            2,
            "2026-02-02T02:00",
        ),
        (
            "work_order_status_changed",
            {"work_order": wo("wo2", 3, "2026-02-02T01:00", "repair", "normal", "in_progress", "b", "t1", bad_sla)},
            "wo2",
            3,
            "2026-02-02T02:30",
        ),
        (
            "sla_at_risk",
            {
                "work_order": wo(
                    "wo2",
                    4,
                    "2026-02-02T01:00",
                    "repair",
                    "normal",
                    "in_progress",
                    "b",
                    "t1",
                    {**bad_sla, "resolution_at_risk": True},
                ),
                "target": "resolution",
            },
            "wo2",
            4,
            "2026-02-03T01:00",
        ),
        (
            "work_order_resolved",
            {
                "work_order": wo(
                    "wo2",
                    5,
                    "2026-02-02T01:00",
                    "repair",
                    "normal",
                    "resolved",
                    "b",
                    "t1",
                    {**bad_sla, "resolution_breached": True, "resolution_minutes": 600},
                    resolved_at=at("2026-02-04T05:00"),
                    reopen_count=1,
                )
            },
            "wo2",
            5,
            "2026-02-04T05:00",
        ),
    ]
    wo3 = [
        (
            "work_order_created",
            {"work_order": wo("wo3", 1, "2026-02-03T01:00", "install", "normal", "assigned", "a", "t2", {})},
            "wo3",
            1,
            "2026-02-03T01:00",
        ),
        (
            "sla_breached",
            {
                "work_order": wo(
                    "wo3",
                    2,
                    "2026-02-03T01:00",
                    "install",
                    "normal",
                    "assigned",
                    "a",
                    "t2",
                    {"first_response_breached": True},
                ),
                "target": "first_response",
            },
            "wo3",
            2,
            "2026-02-03T05:00",
        ),
    ]
    field = [
        (
            "visit_scheduled",
            {"visit": visit("v1", 1, "wo1", "t1", "scheduled", "2026-02-01")},
            "v1",
            1,
            "2026-02-01T01:20",
        ),
        (
            "visit_completed",
            {"visit": visit("v1", 3, "wo1", "t1", "completed", "2026-02-01", 60)},
            "v1",
            3,
            "2026-02-01T04:00",
        ),
        (
            "visit_completed",
            {"visit": visit("v2", 3, "wo2", "t1", "completed", "2026-02-02", 30)},
            "v2",
            3,
            "2026-02-02T04:00",
        ),
        (
            "visit_completed",
            {"visit": visit("v3", 3, "wo2", "t1", "completed", "2026-02-04", 45)},
            "v3",
            3,
            "2026-02-04T04:00",
        ),
        (
            "service_charge_recorded",
            {"charge": {"id": "sc1", "work_order_id": "wo2", "visit_id": "v3", "total": money(12000), "version": "1"}},
            "sc1",
            1,
            "2026-02-04T04:01",
        ),
        (
            "visit_scheduled",
            {"visit": visit("v4", 1, "wo3", "t2", "scheduled", "2026-02-05")},
            "v4",
            1,
            "2026-02-03T02:00",
        ),
        (
            "complaint_created",
            {"complaint": complaint("cp1", 1, "quality", "high", "2026-02-05T01:00", None)},
            "cp1",
            1,
            "2026-02-05T01:00",
        ),
        (
            "complaint_resolved",
            {"complaint": complaint("cp1", 3, "quality", "high", "2026-02-05T01:00", "2026-02-05T05:00")},
            "cp1",
            3,
            "2026-02-05T05:00",
        ),
        (
            "complaint_created",
            {"complaint": complaint("cp2", 1, "quality", "high", "2026-02-06T01:00", None)},
            "cp2",
            1,
            "2026-02-06T01:00",
        ),
        (
            "complaint_created",
            {"complaint": complaint("cp3", 1, "service", "low", "2026-02-07T01:00", None)},
            "cp3",
            1,
            "2026-02-07T01:00",
        ),
        (
            "complaint_resolved",
            {"complaint": complaint("cp3", 2, "service", "low", "2026-02-07T01:00", "2026-02-08T01:00")},
            "cp3",
            2,
            "2026-02-08T01:00",
        ),
        ("return_visit_planned", {"return_visit": rv("rv1", 1, "planned")}, "rv1", 1, "2026-02-08T01:00"),
        (
            "return_visit_completed",
            {"return_visit": rv("rv1", 2, "completed", 5, 10, "2026-02-10T01:00")},
            "rv1",
            2,
            "2026-02-10T01:00",
        ),
        (
            "return_visit_completed",
            {"return_visit": rv("rv2", 2, "completed", 3, 5, "2026-02-12T01:00")},
            "rv2",
            2,
            "2026-02-12T01:00",
        ),
        (
            "return_visit_completed",
            {"return_visit": rv("rv3", 2, "completed", 4, 8, "2026-03-01T01:00")},
            "rv3",
            2,
            "2026-03-01T01:00",
        ),
        ("return_visit_planned", {"return_visit": rv("rv4", 1, "planned")}, "rv4", 1, "2026-03-02T01:00"),
    ]
    return out + wo1 + wo2 + wo3 + field
