"""Who hears what: the notification rules on event payloads as services publish them."""

from __future__ import annotations

from gateway.notifications.rules import notices_for


def test_an_assigned_or_transferred_customer_tells_the_new_owner_and_a_claim_tells_nobody():
    data = {"customer": {"id": "c1", "name": "Acme"}, "from_owner_id": "u1", "to_owner_id": "u2", "reason": "assign"}
    [notice] = notices_for("customers", "customer_owner_changed", data)
    assert (notice.user_id, notice.kind, notice.link) == ("u2", "assignment", "/v1/customers/c1")
    assert "Acme" in notice.body
    assert notices_for("customers", "customer_owner_changed", {**data, "reason": "claim"}) == []
    assert notices_for("customers", "customer_owner_changed", {**data, "reason": "recycle", "to_owner_id": ""}) == []


def test_reminders_go_to_the_owner():
    due = {"activity": {"customer_id": "c1", "content": "call back"}, "owner_id": "u3", "customer_name": "Acme"}
    [notice] = notices_for("customers", "follow_up_due", due)
    assert (notice.user_id, notice.kind) == ("u3", "reminder") and "call back" in notice.body
    warning = {"customer": {"id": "c1", "name": "Acme"}, "owner_id": "u3", "days_left": 3, "recycle_on": "2026-12-01"}
    [pool] = notices_for("customers", "pool_recycle_warning", warning)
    assert pool.kind == "pool" and "2026-12-01" in pool.body
    assert notices_for("customers", "follow_up_due", {**due, "owner_id": ""}) == []  # a pool customer


def test_leads_and_work_orders_tell_their_assignee_but_a_grab_tells_nobody():
    lead = {"lead": {"id": "l1", "company": "Lumen"}, "to_owner_id": "u4", "reason": "rule"}
    [notice] = notices_for("marketing", "lead_assigned", lead)
    assert (notice.user_id, notice.link) == ("u4", "/v1/leads/l1")
    assert notices_for("marketing", "lead_assigned", {**lead, "reason": "grab"}) == []
    wo = {
        "work_order": {"id": "w1", "number": "W2026-00001", "assignee_id": "tech-1", "description": "Printer jams"},
        "assignee_user_id": "u5",
    }
    [assigned] = notices_for("service_desk", "work_order_assigned", wo)
    # The technician's login hears it, never the technician id.
    assert (assigned.user_id, assigned.link) == ("u5", "/v1/work-orders/w1") and "W2026-00001" in assigned.body
    assert notices_for("service_desk", "work_order_assigned", {**wo, "assignee_user_id": ""}) == []


def test_a_breach_tells_the_escalation_target_and_the_owner_once_each():
    wo = {"id": "w1", "assignee_id": "tech-1", "owner_id": "u1", "priority": "urgent"}
    data = {"work_order": wo, "target": "first_response"}
    breached = notices_for("service_desk", "sla_breached", {**data, "notify_user_id": "m1"})
    assert [n.user_id for n in breached] == ["m1", "u1"] and all(n.kind == "sla" for n in breached)
    assert [n.user_id for n in notices_for("service_desk", "sla_breached", {**data, "notify_user_id": "u1"})] == ["u1"]
    at_risk = notices_for("service_desk", "sla_at_risk", data)
    assert [n.user_id for n in at_risk] == ["u1"] and "first response" in at_risk[0].title


def test_events_no_rule_knows_cause_nothing():
    assert notices_for("sales", "quote_sent", {"quote": {"owner_id": "u1"}}) == []
    assert notices_for("nobody", "customer_owner_changed", {"to_owner_id": "u1", "reason": "assign"}) == []
