"""Work order status machine, visits, complaints and return visits."""

import dataclasses
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from crm_chassis.errors import FailedPrecondition, InvalidArgument
from service_desk.domain import complaints as cm
from service_desk.domain import entitlement as e
from service_desk.domain import returns as rt
from service_desk.domain import sla as s
from service_desk.domain import visits as v
from service_desk.domain import workorder as w

T0 = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


def order(status="new", assignee=""):
    return w.WorkOrder(
        "w1",
        "W2026-00001",
        "repair",
        "phone",
        "c1",
        "Acme",
        "",
        "p1",
        "",
        "",
        "",
        "high",
        "",
        (),
        status,
        e.Decision(e.BILLABLE, "x"),
        T0,
        s.SlaState(first_response_target=10, resolution_target=100),
        "",
        assignee,
        "u1",
        None,
        "",
        0,
        (),
        (),
        None,
        None,
        1,
        T0,
        T0,
        "u1",
    )


def test_happy_path_and_history():
    wo = w.transition(order(), "assign", at=T0, actor="m")
    wo = dataclasses.replace(wo, assignee_id="t1")
    for action, status in [
        ("start", "in_progress"),
        ("wait", "waiting_for_customer"),
        ("start", "in_progress"),
        ("resolve", "resolved"),
        ("close", "closed"),
    ]:
        wo = w.transition(wo, action, at=T0, actor="t")
        assert wo.status == status
    assert [h.action for h in wo.history] == ["assign", "start", "wait", "start", "resolve", "close"]
    assert wo.closed_at == T0


@pytest.mark.parametrize(
    ("status", "action"),
    [
        ("new", "start"),
        ("new", "resolve"),
        ("new", "close"),
        ("assigned", "close"),
        ("closed", "start"),
        ("cancelled", "reopen"),
        ("resolved", "wait"),
        ("in_progress", "close"),
    ],
)
def test_impossible_transitions_are_refused(status, action):
    with pytest.raises(FailedPrecondition) as err:
        w.transition(order(status, assignee="t1"), action, at=T0, actor="x")
    assert err.value.code == "work_order.transition_not_allowed"


def test_start_needs_an_assignee():
    with pytest.raises(FailedPrecondition):
        w.transition(order("assigned"), "start", at=T0, actor="x")


def test_reopen_within_the_window_only():
    resolved = dataclasses.replace(order("resolved", "t1"), resolved_at=T0)
    again = w.transition(resolved, "reopen", at=T0 + timedelta(days=7), actor="x", reason="still broken")
    assert again.status == "in_progress" and again.reopen_count == 1 and again.resolved_at is None
    with pytest.raises(FailedPrecondition) as err:
        w.transition(resolved, "reopen", at=T0 + timedelta(days=7, seconds=1), actor="x", reason="late")
    assert err.value.code == "work_order.reopen_window_passed"
    with pytest.raises(InvalidArgument):
        w.transition(resolved, "reopen", at=T0, actor="x", reason=" ")


def test_waiting_pauses_the_sla_clock():
    cal = s.BusinessCalendar().always()
    started = dataclasses.replace(order("in_progress", "t1"))
    waiting = w.apply_sla(
        cal, started, w.transition(started, "wait", at=T0 + timedelta(minutes=5), actor="t"), T0 + timedelta(minutes=5)
    )
    assert waiting.sla.paused_since == T0 + timedelta(minutes=5)
    back = w.transition(waiting, "start", at=T0 + timedelta(minutes=65), actor="t")
    back = w.apply_sla(cal, waiting, back, T0 + timedelta(minutes=65))
    assert back.sla.paused_minutes == 60 and back.sla.paused_since is None


def visit():
    return v.Visit("v1", "w1", "c1", "u1", "t1", T0, T0 + timedelta(hours=2), "scheduled")


def test_check_out_before_check_in_is_refused():
    with pytest.raises(FailedPrecondition) as err:
        v.check_out(visit(), T0, (1, 1), "", (), 30)
    assert err.value.code == "visit.not_checked_in"
    inside = v.check_in(visit(), T0, (31.2, 121.4))
    done = v.check_out(inside, T0 + timedelta(hours=1), (31.2, 121.4), "fixed", (), 30)
    assert done.status == "completed"
    with pytest.raises(FailedPrecondition):
        v.check_in(done, T0, (1, 1))


def test_window_and_parts_validation_and_charges():
    with pytest.raises(InvalidArgument):
        v.check_window(T0, T0)
    with pytest.raises(InvalidArgument):
        v.check_window(T0, T0 + timedelta(hours=25))
    parts = v.parse_parts([("F-1", "Filter", "2", 1550, "CNY"), ("", "Screw", "0.5", 3, "")], "CNY")
    assert parts[1].quantity == Decimal("0.5")
    assert v.charges(parts, 90, 12000) == (3102, 18000)  # 3100 + 1.5 -> 2; 1.5 h x 120.00
    with pytest.raises(InvalidArgument):
        v.parse_parts([("F", "x", "0", 1, "")], "CNY")
    with pytest.raises(InvalidArgument):
        v.parse_parts([("F", "x", "1", 1, "USD")], "CNY")


def complaint(status="open"):
    return cm.Complaint(
        "k1",
        "K1",
        "c1",
        "",
        "",
        "",
        "",
        "billing",
        "high",
        "d",
        "",
        "",
        "u1",
        status,
        T0 + timedelta(hours=24),
        (),
        "",
        "",
        False,
        0,
        None,
        1,
        T0,
        T0,
        "u1",
    )


def test_complaint_flow_and_refusals():
    with pytest.raises(InvalidArgument):
        cm.act(complaint(), "resolve", at=T0, actor="x", root_cause="", resolution="r")
    done = cm.act(complaint(), "resolve", at=T0, actor="x", root_cause="rc", resolution="fixed")
    assert done.status == "resolved"
    with pytest.raises(FailedPrecondition):
        cm.act(done, "add_step", at=T0, actor="x", note="n")
    assert cm.act(done, "confirm", at=T0, actor="x").customer_confirmed
    assert cm.act(done, "reject", at=T0, actor="x").status == "in_progress"


def test_complaint_overdue_levels():
    c = complaint()
    assert cm.overdue_levels(c, T0 + timedelta(hours=23, minutes=59)) == 0
    assert cm.overdue_levels(c, T0 + timedelta(hours=24)) == 1
    assert cm.overdue_levels(c, T0 + timedelta(hours=48)) == 2
    assert cm.overdue_levels(c, T0 + timedelta(days=30)) == 3
    assert cm.overdue_levels(complaint("resolved"), T0 + timedelta(days=3)) == 0


@pytest.mark.parametrize(("score", "nps"), [(0, None), (6, None), (7, 5), (3, 11), (3, -1)])
def test_scores_out_of_range_are_refused(score, nps):
    with pytest.raises(InvalidArgument):
        rt.check_score(score, nps)


def test_low_score_follow_up_per_configuration():
    assert rt.follow_up(3, threshold=2, action="complaint", has_work_order=True) == "none"
    assert rt.follow_up(2, threshold=2, action="complaint", has_work_order=True) == "complaint_opened"
    assert rt.follow_up(1, threshold=2, action="reopen", has_work_order=True) == "work_order_reopened"
    assert rt.follow_up(1, threshold=2, action="reopen", has_work_order=False) == "complaint_opened"


def test_the_person_complained_about_never_handles_the_complaint():
    cm.check_assignee("u1", "u2")
    cm.check_assignee("", "u2")
    with pytest.raises(InvalidArgument) as err:
        cm.check_assignee("u2", "u2")
    assert err.value.code == "complaint.assignee_is_subject"
