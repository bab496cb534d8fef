"""Stage rules (configurable stages, default probabilities, history, terminal won/lost, reopen) and
the quote's special-price approval, send, accept and expiry rules."""

import dataclasses
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from crm_chassis.errors import FailedPrecondition, InvalidArgument
from sales.domain import opportunity as op
from sales.domain import quote as qt
from sales.domain.lines import Line
from sales.domain.settings import SalesSettings, Stage, validate

T = datetime(2026, 3, 1, 9, tzinfo=UTC)
S = SalesSettings()


def new(**fields):
    opp, change = op.create(
        id="o1",
        customer_id="c1",
        owner_id="u1",
        fields={"name": "Deal", "amount": Decimal(1000), "currency": "cny", **fields},
        settings=S,
        actor_id="u1",
        at=T,
        change_id="h1",
    )
    return opp, change


def test_a_new_opportunity_starts_at_the_first_stage_with_its_default_probability():
    opp, change = new()
    assert (opp.stage, opp.probability, opp.currency, opp.status) == ("qualification", 10, "CNY", "open")
    assert (change.from_stage, change.to_stage, change.reason) == ("", "qualification", "create")
    assert new(stage="proposal")[0].probability == 50
    assert new(stage="proposal", probability=65)[0].probability == 65


@pytest.mark.parametrize(("stage", "code"), [("won", "stage.terminal"), ("closing", "stage.unknown")])
def test_stages_outside_the_configuration_are_refused(stage, code):
    with pytest.raises(InvalidArgument) as err:
        new(stage=stage)
    assert err.value.code == code


def test_stage_changes_take_the_stage_probability_and_are_recorded():
    opp, _ = new()
    moved, change = op.change_stage(opp, "negotiation", S, at=T, actor_id="u2", change_id="h2")
    assert (moved.stage, moved.probability, moved.version) == ("negotiation", 80, 2)
    assert (change.from_stage, change.to_stage, change.actor_id, change.probability) == (
        "qualification",
        "negotiation",
        "u2",
        80,
    )
    with pytest.raises(FailedPrecondition):
        op.change_stage(moved, "negotiation", S, at=T, actor_id="u2", change_id="h3")


def test_won_and_lost_are_terminal_until_reopened_with_a_reason():
    opp, _ = new(stage="negotiation")
    won, change = op.win(opp, at=T, actor_id="u1", change_id="h2")
    assert (won.status, won.probability, won.closed_at, change.to_stage) == ("won", 100, T, "won")
    with pytest.raises(FailedPrecondition) as err:
        op.change_stage(won, "proposal", S, at=T, actor_id="u1", change_id="h3")
    assert err.value.code == "opportunity.closed"
    with pytest.raises(FailedPrecondition):
        op.lose(won, reason="x", at=T, actor_id="u1", change_id="h3")
    with pytest.raises(InvalidArgument):
        op.reopen(won, reason=" ", to_stage="", settings=S, at=T, actor_id="u1", change_id="h3")
    back, change = op.reopen(
        won, reason="customer came back", to_stage="proposal", settings=S, at=T, actor_id="u1", change_id="h3"
    )
    assert (back.status, back.stage, back.probability, back.closed_at) == ("open", "proposal", 50, None)
    assert change.reason == "reopen: customer came back"
    with pytest.raises(InvalidArgument):
        op.lose(opp, reason="", at=T, actor_id="u1", change_id="h4")


def test_configured_stages_and_their_validation():
    custom = validate(dataclasses.replace(S, stages=(Stage("lead", "Lead", 5), Stage("demo", "Demo", 40))))
    assert custom.open_stage("demo").probability == 40 and custom.stage("won").probability == 100
    for bad in ((Stage("won", "x", 1),), (Stage("a", "A", 101),), (Stage("a", "A", 1), Stage("a", "A", 2)), ()):
        with pytest.raises(InvalidArgument):
            validate(dataclasses.replace(S, stages=bad))


def quote(discounts, status=qt.DRAFT, valid_until=date(2026, 3, 31)):
    lines = tuple(
        Line("p", "S", "n", "pcs", "", Decimal(1), Decimal(1000), Decimal(d), "list_price", "", None, "")
        for d in discounts
    )
    return qt.Quote(
        "q1",
        "Q2026-00001",
        "",
        "c1",
        "",
        "u1",
        "CNY",
        lines,
        Decimal(0),
        valid_until,
        "",
        status,
        1,
        "",
        None,
        None,
        1,
        T,
        T,
        "u1",
    )


def test_a_discount_beyond_the_threshold_needs_approval_before_sending():
    today = date(2026, 3, 1)
    assert not quote(["10"]).needs_approval(Decimal(10))  # at the threshold: no approval
    special = quote(["5", "10.5"])
    assert special.needs_approval(Decimal(10))
    with pytest.raises(FailedPrecondition) as err:
        qt.send(special, threshold=Decimal(10), today=today, at=T)
    assert err.value.code == "quote.approval_required" and err.value.details["max_discount"] == "10.5"
    pending = qt.submitted(special, T)
    with pytest.raises(FailedPrecondition):
        qt.send(pending, threshold=Decimal(10), today=today, at=T)
    with pytest.raises(FailedPrecondition):  # no edits in review (S1)
        qt.edited(pending, T, terms="x")
    approved = qt.approval_outcome(pending, True, T)
    assert qt.send(approved, threshold=Decimal(10), today=today, at=T).status == "sent"
    # Editing an approved quote returns it to draft: the approval covered other values.
    assert qt.edited(approved, T, terms="x").status == "draft"
    assert qt.approval_outcome(pending, False, T).status == "draft"


def test_accepting_needs_a_sent_quote_within_its_validity():
    sent = quote(["0"], status=qt.SENT, valid_until=date(2026, 3, 10))
    assert qt.accept(sent, order_id="o1", today=date(2026, 3, 10), at=T).status == "accepted"
    with pytest.raises(FailedPrecondition) as err:
        qt.accept(sent, order_id="o1", today=date(2026, 3, 11), at=T)
    assert err.value.code == "quote.expired"
    assert sent.expired(date(2026, 3, 11)) and not qt.accept(sent, order_id="o", today=date(2026, 3, 1), at=T).expired(
        date(2027, 1, 1)
    )
    with pytest.raises(FailedPrecondition):
        qt.accept(quote(["0"]), order_id="o1", today=date(2026, 3, 1), at=T)
