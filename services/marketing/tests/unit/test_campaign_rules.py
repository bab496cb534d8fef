"""Campaign rules: approval over the budget threshold, nobody approves their own, rejection back to
draft with a comment, the rest of the status machine, and cost entries accumulating."""

from datetime import UTC, date, datetime

import pytest

from crm_chassis.errors import FailedPrecondition, InvalidArgument, PermissionDenied
from marketing.domain import campaign as cp

AT = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
THRESHOLD = 1_000_000


def campaign(budget=2_000_000):
    f = cp.clean_fields(
        name="Expo",
        type="exhibition",
        channel="offline",
        start_date="2027-04-01",
        end_date="2027-04-03",
        owner_id="mk1",
        budget=(budget, "CNY"),
        expected_revenue=(9_000_000, ""),
        description="",
    )
    return cp.new_campaign("c1", f, actor="mk1", at=AT)


def move(c, action, actor="mk1", comment=""):
    return cp.transition(c, action, actor=actor, at=AT, threshold_minor=THRESHOLD, approval_id="a1", comment=comment)


def test_over_threshold_needs_an_approver_who_is_not_the_submitter():
    pending = move(campaign(), "submit")
    assert pending.status == "pending_approval" and pending.needs_approval
    with pytest.raises(PermissionDenied):
        move(pending, "approve", actor="mk1")
    approved = move(pending, "approve", actor="boss", comment="ok")
    assert approved.status == "approved"
    assert [e.action for e in approved.approval.history] == ["submitted", "approved"]


def test_under_threshold_is_approved_without_review():
    c = move(campaign(budget=THRESHOLD), "submit")
    assert c.status == "approved" and not c.needs_approval
    assert c.approval.status == "approved_without_review"


def test_rejection_needs_a_comment_and_returns_to_draft_then_resubmits():
    pending = move(campaign(), "submit")
    with pytest.raises(InvalidArgument):
        move(pending, "reject", actor="boss")
    rejected = move(pending, "reject", actor="boss", comment="too expensive")
    assert rejected.status == "draft" and rejected.approval.status == "rejected"
    again = move(rejected, "submit")
    assert again.status == "pending_approval" and again.approval.round == 2


def test_running_and_closing():
    c = move(move(campaign(budget=0), "submit"), "start")
    assert c.status == "running"
    with pytest.raises(FailedPrecondition):
        move(c, "start")
    assert move(c, "complete").status == "completed"
    with pytest.raises(FailedPrecondition):
        move(move(c, "complete"), "cancel")
    with pytest.raises(FailedPrecondition):
        move(campaign(), "start")


def test_costs_accumulate_and_are_refused_on_a_draft():
    c = move(campaign(budget=0), "submit")
    c, _ = cp.add_cost(c, "e1", cp.Money(30_000, "CNY"), date(2027, 4, 1), "booth", actor="mk1", at=AT)
    c, _ = cp.add_cost(c, "e2", cp.Money(12_500, "CNY"), date(2027, 4, 2), "print", actor="mk1", at=AT)
    assert c.actual_cost == cp.Money(42_500, "CNY")
    with pytest.raises(InvalidArgument):
        cp.add_cost(c, "e3", cp.Money(1, "USD"), date(2027, 4, 2), "", actor="mk1", at=AT)
    with pytest.raises(FailedPrecondition):
        cp.add_cost(campaign(), "e4", cp.Money(1, "CNY"), date(2027, 4, 2), "", actor="mk1", at=AT)
