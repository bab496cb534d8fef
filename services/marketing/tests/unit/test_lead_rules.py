"""Lead rules: validation, match keys, the dedupe window, the status machine, the first-contact
timer (reminder first, then return) and the conversion state."""

from datetime import UTC, datetime, timedelta

import pytest

from crm_chassis.errors import FailedPrecondition, InvalidArgument
from marketing.domain import lead as ld

AT = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)


def fields(**kw):
    base = {"texts": {"contact_name": "Ada Li"}, "phones": [], "emails": [], "budget": None, "utm": {}}
    base.update(kw)
    return ld.clean_fields(**base)


def lead(owner="rep1", **kw):
    return ld.new_lead("l1", fields(**kw), owner_id=owner, actor="mk1", at=AT)


def test_keys_normalise_phone_and_email():
    f = fields(phones=["138-1234-5678", "+86 138 1234 5678"], emails=[" Ada@Example.COM "])
    assert ld.match_keys(f) == [("phone", "+8613812345678"), ("email", "ada@example.com")]


def test_bad_contact_data_and_an_empty_lead_are_refused():
    with pytest.raises(InvalidArgument) as e:
        fields(emails=["not-an-email"])
    assert e.value.code == "lead.email_invalid"
    with pytest.raises(InvalidArgument) as e:
        ld.clean_fields(texts={}, phones=[], emails=[], budget=None, utm={})
    assert e.value.code == "lead.empty"


def test_the_dedupe_window_counts_from_the_last_touch():
    window = 7 * 86400
    x = lead()
    assert ld.within_window(x, AT + timedelta(days=7), window)
    assert not ld.within_window(x, AT + timedelta(days=7, seconds=1), window)
    touched = ld.touched(x, AT + timedelta(days=6))
    assert ld.within_window(touched, AT + timedelta(days=12), window)
    assert not ld.within_window(ld.disqualify(x, "spam", at=AT), AT, window)


def test_status_machine():
    x = lead()
    assert x.status == "assigned" and not x.in_pool
    contacted = ld.move(x, "contacted", at=AT)
    assert contacted.contacted_at == AT
    assert ld.move(contacted, "qualified", at=AT).status == "qualified"
    with pytest.raises(FailedPrecondition):
        ld.move(ld.move(contacted, "qualified", at=AT), "contacted", at=AT)
    with pytest.raises(InvalidArgument):
        ld.move(x, "converted", at=AT)
    released = ld.release(x, at=AT)
    assert released.in_pool and released.status == "returned" and released.previous_owner_id == "rep1"
    assert ld.grab(released, "rep2", at=AT).status == "assigned"
    with pytest.raises(FailedPrecondition):
        ld.grab(x, "rep2", at=AT)


def test_unowned_new_lead_is_in_the_pool():
    assert lead(owner="").in_pool


def test_first_contact_timer_reminds_before_it_returns():
    x = lead()
    day, two = 86400, 2 * 86400
    assert not ld.reminder_due(x, AT + timedelta(hours=23), day)
    assert ld.reminder_due(x, AT + timedelta(days=1), day)
    # past the deadline but never reminded: reminded first, returned on the next run
    assert not ld.return_due(x, AT + timedelta(days=3), two, day)
    reminded = ld.reminded(x, AT + timedelta(days=3))
    assert ld.return_due(reminded, AT + timedelta(days=3), two, day)
    assert not ld.return_due(ld.move(reminded, "contacted", at=AT), AT + timedelta(days=9), two, day)


def test_conversion_waits_for_customer_and_opportunity_and_shows_conflicts():
    x = ld.convert(lead(), "c1", actor="rep1", at=AT, create_opportunity=True, opportunity={"name": "o"})
    assert x.status == "converted" and x.conversion.state == "pending"
    with pytest.raises(FailedPrecondition):
        ld.convert(x, "c2", actor="rep1", at=AT, create_opportunity=False, opportunity=None)
    resolved, reverted = ld.resolve(
        x, "c1", outcome="created", customer_id="cu1", contact_id="co1", conflict_owner_id="", detail="", at=AT
    )
    assert reverted is None and resolved.conversion.state == "pending" and resolved.converted_customer_id == "cu1"
    done = ld.opportunity_opened(resolved, "op1", at=AT)
    assert done.conversion.state == "done" and done.conversion.opportunity_id == "op1"
    again, _ = ld.resolve(
        done, "c1", outcome="created", customer_id="x", contact_id="", conflict_owner_id="", detail="", at=AT
    )
    assert again is done
    conflict, reverted = ld.resolve(
        x, "c1", outcome="conflict", customer_id="", contact_id="", conflict_owner_id="rep9", detail="phone", at=AT
    )
    assert reverted == "qualified" and conflict.status == "qualified"
    assert conflict.conversion.state == "conflict" and conflict.conversion.conflict_owner_id == "rep9"


def test_opportunity_before_customer_completes_when_the_customer_arrives():
    x = ld.convert(lead(), "c1", actor="rep1", at=AT, create_opportunity=True, opportunity={})
    early = ld.opportunity_opened(x, "op1", at=AT)
    assert early.conversion.state == "pending"
    done, _ = ld.resolve(
        early, "c1", outcome="linked", customer_id="cu1", contact_id="", conflict_owner_id="", detail="", at=AT
    )
    assert done.conversion.state == "done"


def test_pool_leads_are_masked_for_reps_until_taken():
    pooled = lead(owner="", phones=["13812345678"], emails=["ada@example.com"])
    seen = ld.as_seen_by(pooled, privileged=False)
    assert seen.fields.phones == ("138****5678",) and seen.fields.emails == ("a***@example.com",)
    assert ld.as_seen_by(pooled, privileged=True) is pooled
    owned = ld.grab(pooled, "rep1", at=AT)
    assert ld.as_seen_by(owned, privileged=False).fields.emails == ("ada@example.com",)
