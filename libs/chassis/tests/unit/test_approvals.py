"""The generic approval engine: sequential steps, any/all modes, no self-approval, auto-pass of
consecutive steps held by the same person, withdraw, resubmit from step one, history."""

from datetime import UTC, datetime, timedelta

import pytest

from crm_chassis import approvals as ap
from crm_chassis.errors import FailedPrecondition, InvalidArgument, PermissionDenied

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
REP = ap.Actor("rep", frozenset({"sales_rep"}))
MANAGER = ap.Actor("boss", frozenset({"sales_manager"}))
FINANCE = ap.Actor("fin", frozenset({"finance"}))
TWO_STEPS = ap.Flow("contract", (ap.Step("manager", role="sales_manager"), ap.Step("finance", role="finance")), 3)


def submitted(flow=TWO_STEPS, submitter="rep", previous=None):
    return ap.submit(
        flow, approval_id="a1", record_type="contract", record_id="c1", submitter=submitter, at=T0, previous=previous
    )


def test_sequential_steps_approve_the_record_after_the_last_one():
    a = submitted()
    assert (a.status, a.current_step, a.round, a.flow_version, a.version) == ("in_review", 0, 1, 3, 1)
    assert a.awaits(MANAGER) and not a.awaits(FINANCE) and not a.awaits(REP)
    a = ap.approve(a, MANAGER, at=T0 + timedelta(hours=1), comment="ok")
    assert (a.status, a.current_step) == ("in_review", 1)
    assert a.awaits(FINANCE) and not a.awaits(MANAGER)
    a = ap.approve(a, FINANCE, at=T0 + timedelta(hours=2))
    assert a.status == "approved" and a.passed and a.current_step is None and a.decided_at == T0 + timedelta(hours=2)
    assert [(e.action, e.actor_id, e.step) for e in a.history] == [
        ("submitted", "rep", None),
        ("approved", "boss", 0),
        ("approved", "fin", 1),
    ]
    assert a.version == 3


def test_no_flow_means_approved_without_review():
    a = submitted(flow=None)
    assert a.status == "approved_without_review" and a.passed
    assert [e.action for e in a.history] == ["submitted", "approved_without_review"]
    assert ap.submit(ap.Flow("quote", ()), approval_id="x", record_type="q", record_id="1", submitter="u", at=T0).passed


def test_nobody_approves_their_own_submission():
    boss_submits = submitted(submitter="boss")
    with pytest.raises(PermissionDenied) as err:
        ap.approve(boss_submits, MANAGER, at=T0)
    assert err.value.code == "approval.self_approval"
    assert not boss_submits.awaits(MANAGER)
    other_manager = ap.Actor("boss2", frozenset({"sales_manager"}))
    assert ap.approve(boss_submits, other_manager, at=T0).current_step == 1


def test_only_holders_of_the_step_decide():
    with pytest.raises(PermissionDenied) as err:
        ap.approve(submitted(), FINANCE, at=T0)
    assert err.value.code == "approval.not_an_approver"


def test_the_same_person_on_consecutive_steps_passes_the_later_ones_automatically():
    both = ap.Actor("cfo", frozenset({"sales_manager", "finance"}))
    a = ap.approve(submitted(), both, at=T0)
    assert a.status == "approved"
    assert [(e.action, e.step) for e in a.history][-2:] == [("approved", 0), ("auto_approved", 1)]


def test_non_consecutive_steps_need_the_person_again():
    flow = ap.Flow(
        "f", (ap.Step("a", role="sales_manager"), ap.Step("b", role="finance"), ap.Step("c", role="sales_manager"))
    )
    a = ap.approve(submitted(flow), MANAGER, at=T0)
    a = ap.approve(a, FINANCE, at=T0)
    assert a.current_step == 2 and a.awaits(MANAGER)
    assert ap.approve(a, MANAGER, at=T0).status == "approved"


def test_all_must_step_waits_for_every_named_approver():
    flow = ap.Flow("f", (ap.Step("board", approver_ids=("x", "y"), mode="all"),))
    a = submitted(flow)
    a = ap.approve(a, ap.Actor("x"), at=T0)
    assert a.status == "in_review" and not a.awaits(ap.Actor("x")) and a.awaits(ap.Actor("y"))
    with pytest.raises(FailedPrecondition):
        ap.approve(a, ap.Actor("x"), at=T0)
    assert ap.approve(a, ap.Actor("y"), at=T0).status == "approved"


def test_reject_needs_a_comment_and_ends_the_round():
    a = submitted()
    with pytest.raises(InvalidArgument) as err:
        ap.reject(a, MANAGER, at=T0, comment="  ")
    assert err.value.code == "approval.comment_required"
    rejected = ap.reject(a, MANAGER, at=T0, comment="price too low")
    assert rejected.status == "rejected" and rejected.history[-1].comment == "price too low"
    with pytest.raises(FailedPrecondition):
        ap.approve(rejected, MANAGER, at=T0)


def test_withdraw_is_the_submitters_until_the_final_decision():
    a = ap.approve(submitted(), MANAGER, at=T0)
    with pytest.raises(PermissionDenied):
        ap.withdraw(a, MANAGER, at=T0)
    withdrawn = ap.withdraw(a, REP, at=T0, comment="fixing the amount")
    assert withdrawn.status == "withdrawn"
    done = ap.approve(a, FINANCE, at=T0)
    with pytest.raises(FailedPrecondition):
        ap.withdraw(done, REP, at=T0)


def test_resubmission_restarts_at_the_first_step_with_the_current_flow_and_keeps_history():
    a = ap.approve(submitted(), MANAGER, at=T0)
    a = ap.reject(a, FINANCE, at=T0, comment="no")
    new_flow = ap.Flow("contract", (ap.Step("finance only", role="finance"),), 4)
    again = submitted(new_flow, previous=a)
    assert (again.round, again.current_step, again.flow_version, again.id) == (2, 0, 4, "a1")
    assert again.steps == new_flow.steps and again.awaits(FINANCE)
    assert [e.action for e in again.history] == ["submitted", "approved", "rejected", "submitted"]
    # Approvals of the first round do not count in the second.
    assert again.approvers_of_current_step() == frozenset()
    with pytest.raises(FailedPrecondition) as err:
        submitted(previous=again)
    assert err.value.code == "approval.already_in_review"
    approved = ap.approve(again, FINANCE, at=T0)
    with pytest.raises(FailedPrecondition):
        submitted(previous=approved)
    voided = ap.void(approved, MANAGER, at=T0, comment="customer cancelled")
    assert voided.status == "voided"


def test_pending_for_lists_what_waits_for_the_actor():
    mine = submitted()
    theirs = ap.approve(submitted(), MANAGER, at=T0)
    assert ap.pending_for([mine, theirs], MANAGER) == [mine]
    assert ap.pending_for([mine, theirs], FINANCE) == [theirs]


@pytest.mark.parametrize(
    ("step", "code"),
    [
        (ap.Step("x"), "approval.step_without_approver"),
        (ap.Step("x", role="r", mode="some"), "approval.mode_invalid"),
        (ap.Step("x", role="r", mode="all"), "approval.all_needs_approvers"),
        (ap.Step("x", approver_ids=("a", "a")), "approval.duplicate_approver"),
    ],
)
def test_invalid_flows_are_refused(step, code):
    with pytest.raises(InvalidArgument) as err:
        ap.validate_flow(ap.Flow("f", (step,)))
    assert err.value.code == code


def test_steps_and_entries_round_trip_as_plain_data():
    step = ap.Step("board", role="r", approver_ids=("x",), mode="all")
    assert ap.Step.from_dict(step.to_dict()) == step
    entry = ap.Entry(T0, "u", "approved", 2, 1, "fine")
    assert ap.Entry.from_dict(entry.to_dict()) == entry
