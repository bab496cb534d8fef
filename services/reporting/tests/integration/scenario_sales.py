"""A known customers + sales history (owners a and b; departments d1 = {a}, d2 = {b}) whose report
figures are worked out by hand in test_sales_reports.py."""

from __future__ import annotations

from typing import Any

from reporting_support import at, money


def customer(cid: str, owner: str, version: int, created: str, **extra: Any) -> dict[str, Any]:
    return {"id": cid, "name": cid, "owner_id": owner, "version": str(version), "created_at": at(created), **extra}


def opp(oid: str, owner: str, version: int, created: str, stage: str, amount: int, prob: int, close: str, **extra):
    return {
        "id": oid,
        "owner_id": owner,
        "customer_id": "c1",
        "name": oid,
        "stage": stage,
        "status": extra.pop("status", "open"),
        "amount": money(amount),
        "probability": prob,
        "expected_close_date": close,
        "version": str(version),
        "created_at": at(created),
        **extra,
    }


def order(
    oid: str, owner: str, version: int, status: str, confirmed: str, total: int, lines: list[tuple[str, str, int]]
):
    return {
        "id": oid,
        "owner_id": owner,
        "customer_id": "c1",
        "status": status,
        "confirmed_at": at(confirmed),
        "totals": {"total": money(total)},
        "lines": [{"product_id": p, "name": n, "net": money(v), "quantity": "1"} for p, n, v in lines],
        "version": str(version),
    }


def events() -> list[tuple[str, dict[str, Any], str, int, str]]:
    """(event type, payload, aggregate id, version, occurred at) in a plausible live order."""
    c = customer
    out: list[tuple[str, dict[str, Any], str, int, str]] = [
        (
            "customer_created",
            {
                "customer": c(
                    "c1", "a", 1, "2026-01-10T03:00", classification="vip", industry="tech", region="east", source="web"
                )
            },
            "c1",
            1,
            "2026-01-10T03:00",
        ),
        (
            "customer_created",
            {
                "customer": c(
                    "c2",
                    "a",
                    1,
                    "2026-01-20T03:00",
                    classification="important",
                    industry="retail",
                    region="west",
                    source="fair",
                )
            },
            "c2",
            1,
            "2026-01-20T03:00",
        ),
        (
            "customer_owner_changed",
            {
                "customer": c(
                    "c2",
                    "",
                    2,
                    "2026-01-20T03:00",
                    classification="important",
                    industry="retail",
                    region="west",
                    source="fair",
                    pool_id="p1",
                ),
                "from_owner_id": "a",
                "to_owner_id": "",
                "reason": "release",
                "pool_id": "p1",
            },
            "c2",
            2,
            "2026-02-01T03:00",
        ),
        (
            "customer_owner_changed",
            {
                "customer": c(
                    "c2",
                    "b",
                    3,
                    "2026-01-20T03:00",
                    classification="important",
                    industry="retail",
                    region="west",
                    source="fair",
                ),
                "from_owner_id": "",
                "to_owner_id": "b",
                "reason": "claim",
                "pool_id": "p1",
            },
            "c2",
            3,
            "2026-02-05T03:00",
        ),
        (
            "customer_created",
            {
                "customer": c(
                    "c3", "b", 1, "2026-02-15T03:00", classification="vip", industry="tech", region="east", source="web"
                )
            },
            "c3",
            1,
            "2026-02-15T03:00",
        ),
        (
            "customer_updated",
            {
                "customer": c(
                    "c3",
                    "b",
                    2,
                    "2026-02-15T03:00",
                    classification="vip",
                    industry="tech",
                    region="east",
                    source="web",
                    last_follow_up_at=at("2026-03-01T02:00"),
                ),
                "changed_fields": ["last_follow_up_at"],
            },
            "c3",
            2,
            "2026-03-01T02:00",
        ),
        (
            "customer_created",
            {
                "customer": c(
                    "c4",
                    "",
                    1,
                    "2026-02-20T03:00",
                    classification="potential",
                    industry="retail",
                    region="west",
                    source="web",
                    pool_id="p1",
                )
            },
            "c4",
            1,
            "2026-02-20T03:00",
        ),
        (
            "customer_owner_changed",
            {
                "customer": c(
                    "c4",
                    "a",
                    2,
                    "2026-02-20T03:00",
                    classification="potential",
                    industry="retail",
                    region="west",
                    source="web",
                ),
                "from_owner_id": "",
                "to_owner_id": "a",
                "reason": "claim",
                "pool_id": "p1",
            },
            "c4",
            2,
            "2026-02-21T03:00",
        ),
    ]
    for aid, owner, when in (
        ("x1", "a", "2026-03-02T03:00"),
        ("x2", "a", "2026-03-03T03:00"),
        ("x3", "b", "2026-03-04T03:00"),
        ("x4", "a", "2026-03-10T03:00"),
    ):
        activity = {"id": aid, "customer_id": "c1", "type": "call", "actor_id": owner, "occurred_at": at(when)}
        out.append(("activity_logged", {"activity": activity, "counts_as_follow_up": True}, "c1", 0, when))
    o1 = opp("o1", "a", 1, "2026-01-05T03:00", "qualify", 100000, 20, "2026-04-15")
    o1b = opp("o1", "a", 2, "2026-01-05T03:00", "proposal", 100000, 50, "2026-04-15")
    o2 = opp("o2", "a", 1, "2026-01-06T03:00", "qualify", 200000, 20, "2026-03-20", source_campaign_id="cmp1")
    o2w = opp(
        "o2",
        "a",
        2,
        "2026-01-06T03:00",
        "won",
        200000,
        100,
        "2026-03-20",
        status="won",
        closed_at=at("2026-03-10T03:00"),
        source_campaign_id="cmp1",
    )
    o3 = opp("o3", "b", 1, "2026-01-07T03:00", "proposal", 50000, 50, "2026-04-30")
    o3l = opp(
        "o3",
        "b",
        2,
        "2026-01-07T03:00",
        "lost",
        50000,
        0,
        "2026-04-30",
        status="lost",
        lost_reason="price",
        closed_at=at("2026-03-12T03:00"),
    )
    o4 = opp("o4", "b", 1, "2026-02-01T03:00", "proposal", 300000, 50, "2026-05-31")
    o5 = opp("o5", "a", 1, "2026-02-02T03:00", "qualify", 10000, 10, "2026-04-10")
    out += [
        ("opportunity_created", {"opportunity": o1}, "o1", 1, "2026-01-05T03:00"),
        ("opportunity_created", {"opportunity": o2}, "o2", 1, "2026-01-06T03:00"),
        ("opportunity_created", {"opportunity": o3}, "o3", 1, "2026-01-07T03:00"),
        (
            "opportunity_stage_changed",
            {
                "opportunity": o1b,
                "change": {"id": "s1", "from_stage": "qualify", "to_stage": "proposal", "at": at("2026-02-01T03:00")},
            },
            "o1",
            2,
            "2026-02-01T03:00",
        ),
        ("opportunity_created", {"opportunity": o4}, "o4", 1, "2026-02-01T03:00"),
        ("opportunity_created", {"opportunity": o5}, "o5", 1, "2026-02-02T03:00"),
        (
            "opportunity_won",
            {
                "opportunity": o2w,
                "change": {
                    "id": "s2",
                    "from_stage": "qualify",
                    "to_stage": "won",
                    "reason": "win",
                    "at": at("2026-03-10T03:00"),
                },
            },
            "o2",
            2,
            "2026-03-10T03:00",
        ),
        (
            "opportunity_lost",
            {
                "opportunity": o3l,
                "change": {
                    "id": "s3",
                    "from_stage": "proposal",
                    "to_stage": "lost",
                    "reason": "lose",
                    "at": at("2026-03-12T03:00"),
                },
            },
            "o3",
            2,
            "2026-03-12T03:00",
        ),
        (
            "order_confirmed",
            {
                "order": order(
                    "ord1",
                    "a",
                    2,
                    "confirmed",
                    "2026-03-11T03:00",
                    200000,
                    [("P1", "Widget", 150000), ("P2", "Service", 50000)],
                )
            },
            "ord1",
            2,
            "2026-03-11T03:00",
        ),
        (
            "order_confirmed",
            {"order": order("ord2", "b", 2, "confirmed", "2026-03-15T03:00", 80000, [("P1", "Widget", 80000)])},
            "ord2",
            2,
            "2026-03-15T03:00",
        ),
        (
            "order_fulfilled",
            {"order": order("ord2", "b", 3, "fulfilled", "2026-03-15T03:00", 80000, [("P1", "Widget", 80000)])},
            "ord2",
            3,
            "2026-03-18T03:00",
        ),
        (
            "order_confirmed",
            {"order": order("ord3", "b", 2, "confirmed", "2026-03-16T03:00", 10000, [("P2", "Service", 10000)])},
            "ord3",
            2,
            "2026-03-16T03:00",
        ),
        (
            "order_cancelled",
            {"order": order("ord3", "b", 3, "cancelled", "2026-03-16T03:00", 10000, [("P2", "Service", 10000)])},
            "ord3",
            3,
            "2026-03-17T03:00",
        ),
        (
            "contract_activated",
            {
                "contract": {
                    "id": "k1",
                    "owner_id": "a",
                    "credited_owner_id": "a",
                    "customer_id": "c1",
                    "status": "active",
                    "value": money(200000),
                    "signed_on": "2026-03-12",
                    "version": "4",
                }
            },
            "k1",
            4,
            "2026-03-12T03:00",
        ),
        (
            "payment_plan_created",
            {
                "plan": {
                    "id": "pl1",
                    "contract_id": "k1",
                    "customer_id": "c1",
                    "owner_id": "a",
                    "version": "1",
                    "total": money(200000),
                    "instalments": [
                        {"id": "i1", "seq": 1, "due_date": "2026-03-15", "amount": money(100000)},
                        {"id": "i2", "seq": 2, "due_date": "2026-04-15", "amount": money(100000)},
                    ],
                }
            },
            "pl1",
            1,
            "2026-03-12T04:00",
        ),
        (
            "payment_received",
            {
                "receipt": {
                    "id": "r1",
                    "plan_id": "pl1",
                    "contract_id": "k1",
                    "customer_id": "c1",
                    "owner_id": "a",
                    "amount": money(60000),
                    "received_on": "2026-03-20",
                    "status": "approved",
                    "allocations": [{"instalment_id": "i1", "amount": money(60000)}],
                    "version": "2",
                }
            },
            "r1",
            2,
            "2026-03-20T03:00",
        ),
        (
            "target_set",
            {
                "target": {
                    "id": "t1",
                    "month": "2026-03",
                    "metric": "contract_amount",
                    "scope_type": "user",
                    "scope_id": "a",
                    "value": "250000",
                    "version": "1",
                }
            },
            "t1",
            1,
            "2026-01-01T03:00",
        ),
        (
            "target_set",
            {
                "target": {
                    "id": "t2",
                    "month": "2026-03",
                    "metric": "won_amount",
                    "scope_type": "department",
                    "scope_id": "d1",
                    "value": "150000",
                    "version": "1",
                }
            },
            "t2",
            1,
            "2026-01-01T03:00",
        ),
        (
            "target_set",
            {
                "target": {
                    "id": "t3",
                    "month": "2026-03",
                    "metric": "receipts",
                    "scope_type": "company",
                    "value": "100000",
                    "version": "1",
                }
            },
            "t3",
            1,
            "2026-01-01T03:00",
        ),
        # Notifications and approvals: archived, no read-model change.
        ("follow_up_due", {"owner_id": "a", "customer_name": "c1"}, "c1", 0, "2026-03-05T03:00"),
        ("approval_requested", {"owner_id": "a", "summary": "quote"}, "ap1", 1, "2026-03-05T03:00"),
    ]
    return out


DEPARTMENTS = {"a": "d1", "b": "d2"}
