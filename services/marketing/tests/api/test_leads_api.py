"""The marketing gRPC API on a real database (SQLite and PostgreSQL): form intake with round-robin
assignment, duplicate merging into touches, the pool (grab, claim limit, release, manager assign),
the first-contact timer, disqualification, edits with versions, and CSV import."""

from datetime import timedelta

import grpc
import pytest
from marketing_support import ADMIN, MARKETER, code_of, options, rep

from crm.marketing.v1 import marketing_service_pb2 as pb
from marketing.domain.commands.jobs import run_contact_sweep
from marketing.domain.common import now
from marketing.domain.settings import MarketingSettings
from marketing.persistence import tables as t
from marketing.persistence.uow import SqlMarketingUnitOfWork

pytestmark = pytest.mark.integration


def test_form_submissions_are_assigned_round_robin_and_a_repeat_adds_a_touch(api):
    api.rule("web team", "round_robin", ["ann", "bob"], sources=["web_form"])
    api.form()
    first = api.submit("expo-2027", name="Ada Li", email="ada@example.com")
    second = api.submit("expo-2027", name="Bo Wu", phone="13812345678")
    assert first.thank_you_message == "Thanks, see you at the expo!" and first.lead_id and not first.merged
    assert [api.get(first.lead_id).owner_id, api.get(second.lead_id).owner_id] == ["ann", "bob"]

    again = api.submit("expo-2027", name="Ada L.", email=" ADA@example.com ")
    assert again.merged and again.lead_id == first.lead_id
    lead = api.get(first.lead_id)
    assert lead.touch_count == 2 and lead.contact_name == "Ada Li"
    touches = api.stub.ListLeadTouches(pb.ListLeadTouchesRequest(lead_id=lead.id), metadata=ADMIN).touches
    assert len(touches) == 2
    assert api.count(t.leads) == 2
    assert api.event_types().count("lead_created") == 2
    assert api.event_types().count("lead_assigned") == 2


def test_honeypot_is_accepted_and_stores_nothing_and_bad_input_is_refused(api):
    api.form()
    bot = api.submit("expo-2027", name="x", website="http://spam.example")
    assert bot.thank_you_message and not bot.lead_id
    with pytest.raises(grpc.RpcError) as e:
        api.submit("expo-2027", name="x", email="nope")
    assert code_of(e.value) == (grpc.StatusCode.INVALID_ARGUMENT, "form.email_invalid")
    with pytest.raises(grpc.RpcError) as e:
        api.submit("no-such-form", name="x")
    assert code_of(e.value) == (grpc.StatusCode.NOT_FOUND, "form.not_found")
    assert api.count(t.leads) == 0 and api.count(t.outbox) == 0


def test_unmatched_leads_sit_in_the_pool_and_are_grabbed_once(api):
    api.form(auto_assign=True)
    pooled = api.submit("expo-2027", name="Pool Person", email="pool@example.com")
    lead = api.get(pooled.lead_id)
    assert lead.in_pool and lead.status == "new" and not lead.owner_id
    pool = api.stub.ListLeads(pb.ListLeadsRequest(pool_only=True), metadata=rep("rep1")).leads
    assert [x.id for x in pool] == [lead.id]
    # the pool shows reps masked contact data until the lead is taken (M1 / C14)
    assert pool[0].emails == ["p***@example.com"]
    assert api.stub.GetLead(pb.GetLeadRequest(id=lead.id), metadata=rep("rep1")).lead.emails == ["p***@example.com"]
    assert api.stub.GetLead(pb.GetLeadRequest(id=lead.id), metadata=MARKETER).lead.emails == ["pool@example.com"]
    grabbed = api.stub.GrabLead(pb.GrabLeadRequest(id=lead.id), metadata=rep("rep1")).lead
    assert grabbed.owner_id == "rep1" and grabbed.status == "assigned"
    assert grabbed.emails == ["pool@example.com"]
    with pytest.raises(grpc.RpcError) as e:
        api.stub.GrabLead(pb.GrabLeadRequest(id=lead.id), metadata=rep("rep2", "rep2"))
    assert code_of(e.value)[0] in (grpc.StatusCode.NOT_FOUND, grpc.StatusCode.FAILED_PRECONDITION)
    # rep2 cannot see rep1's lead now
    with pytest.raises(grpc.RpcError) as e:
        api.stub.GetLead(pb.GetLeadRequest(id=lead.id), metadata=rep("rep2"))
    assert code_of(e.value) == (grpc.StatusCode.NOT_FOUND, "lead.not_found")
    released = api.stub.ReleaseLead(
        pb.ReleaseLeadRequest(id=lead.id, expected_version=grabbed.version), metadata=rep("rep1")
    ).lead
    assert released.in_pool and released.status == "returned" and released.previous_owner_id == "rep1"
    assert "lead_returned_to_pool" in api.event_types()
    assigned = api.stub.AssignLead(pb.AssignLeadRequest(id=lead.id, owner_id="rep3"), metadata=ADMIN).lead
    assert assigned.owner_id == "rep3"


def test_claim_limit_counts_successful_grabs_per_day(api, monkeypatch):
    monkeypatch.setenv("CRM_MARKETING_POOL_CLAIM_LIMIT", "2")
    from marketing_support import Api

    limited = Api(api.engine.url.render_as_string(hide_password=False), migrate=False)
    try:
        ids = [limited.lead(contact_name=f"P{i}", metadata=ADMIN).id for i in range(3)]
        for lead_id in ids:  # admin-created leads stay with admin: release them into the pool
            limited.stub.ReleaseLead(pb.ReleaseLeadRequest(id=lead_id), metadata=ADMIN)
        for lead_id in ids[:2]:
            limited.stub.GrabLead(pb.GrabLeadRequest(id=lead_id), metadata=rep("rep1"))
        with pytest.raises(grpc.RpcError) as e:
            limited.stub.GrabLead(pb.GrabLeadRequest(id=ids[2]), metadata=rep("rep1"))
        assert code_of(e.value) == (grpc.StatusCode.FAILED_PRECONDITION, "lead_pool.claim_limit")
        assert limited.get(ids[2]).in_pool
    finally:
        limited.close()


def test_uncontacted_leads_are_reminded_then_returned_to_the_pool(api):
    a = api.lead(contact_name="Slow", metadata=rep("rep1"))
    b = api.lead(contact_name="Fast", metadata=rep("rep1"))
    api.stub.UpdateLead(
        pb.UpdateLeadRequest(id=b.id, patch=pb.LeadFields(status="contacted"), fields=["status"]), metadata=rep("rep1")
    )
    settings = MarketingSettings(contact_deadline_seconds=3600, contact_reminder_seconds=1800)
    factory = lambda **kw: SqlMarketingUnitOfWork(api.factory, **kw)  # noqa: E731
    first = run_contact_sweep(factory, settings, as_of=now() + timedelta(hours=2))
    assert (first.reminded, first.returned) == (1, 0)
    assert api.get(a.id).HasField("reminded_at") and api.get(a.id).owner_id == "rep1"
    second = run_contact_sweep(factory, settings, as_of=now() + timedelta(hours=2))
    assert (second.reminded, second.returned) == (0, 1)
    back = api.get(a.id)
    assert back.in_pool and back.status == "returned" and back.previous_owner_id == "rep1"
    assert api.get(b.id).owner_id == "rep1"
    returned = [body for kind, body in api.events() if kind == "lead_returned_to_pool"]
    assert returned[-1]["data"]["reason"] == "uncontacted"


def test_edits_carry_versions_and_closed_leads_are_read_only(api):
    lead = api.lead(contact_name="Ada", metadata=rep("rep1"))
    edited = api.stub.UpdateLead(
        pb.UpdateLeadRequest(
            id=lead.id, expected_version=lead.version, patch=pb.LeadFields(industry="optics"), fields=["industry"]
        ),
        metadata=rep("rep1"),
    ).lead
    assert edited.industry == "optics" and edited.contact_name == "Ada" and edited.version == lead.version + 1
    with pytest.raises(grpc.RpcError) as e:
        api.stub.UpdateLead(
            pb.UpdateLeadRequest(
                id=lead.id, expected_version=lead.version, patch=pb.LeadFields(title="x"), fields=["title"]
            ),
            metadata=rep("rep1"),
        )
    assert code_of(e.value) == (grpc.StatusCode.ABORTED, "version_conflict")
    gone = api.stub.DisqualifyLead(pb.DisqualifyLeadRequest(id=lead.id, reason="no budget"), metadata=rep("rep1")).lead
    assert gone.status == "disqualified" and gone.disqualify_reason == "no budget"
    with pytest.raises(grpc.RpcError) as e:
        api.stub.UpdateLead(
            pb.UpdateLeadRequest(id=lead.id, patch=pb.LeadFields(title="x"), fields=["title"]), metadata=ADMIN
        )
    assert code_of(e.value) == (grpc.StatusCode.FAILED_PRECONDITION, "lead.closed")
    assert "lead_disqualified" in api.event_types()


def test_lists_filter_sort_and_refuse_unknown_fields(api):
    for i, region in enumerate(["east", "west", "east"]):
        api.lead(contact_name=f"L{i}", region=region, metadata=MARKETER)
    east = api.stub.ListLeads(
        pb.ListLeadsRequest(options=options('region = "east"', "contact_name desc")), metadata=ADMIN
    ).leads
    assert [x.contact_name for x in east] == ["L2", "L0"]
    page = api.stub.ListLeads(pb.ListLeadsRequest(options=options(limit=2)), metadata=ADMIN)
    assert len(page.leads) == 2 and page.page.next_cursor
    with pytest.raises(grpc.RpcError) as e:
        api.stub.ListLeads(pb.ListLeadsRequest(options=options("salary > 3")), metadata=ADMIN)
    assert code_of(e.value) == (grpc.StatusCode.INVALID_ARGUMENT, "filter.unknown_field")


def test_csv_import_dry_run_writes_nothing_and_the_real_run_merges_duplicates(api):
    csv = (
        b"contact_name,company,phone,email,region\n"
        b"Ada,Lumen,13812345678,ada@example.com,east\n"
        b"Ada again,Lumen,+86 138 1234 5678,,east\n"
        b",,,,\n"
        b"Bo,Acme,,bo@example,west\n"
    )
    dry = api.stub.ImportLeads(pb.ImportLeadsRequest(csv=csv, dry_run=True), metadata=MARKETER)
    assert (dry.created, dry.merged, dry.invalid) == (1, 1, 2)
    assert api.count(t.leads) == 0 and api.count(t.outbox) == 0
    real = api.stub.ImportLeads(pb.ImportLeadsRequest(csv=csv), metadata=MARKETER)
    assert (real.created, real.merged, real.invalid) == (1, 1, 2)
    assert [r.code for r in real.rows if r.outcome == "invalid"] == ["lead.empty", "lead.email_invalid"]
    assert api.count(t.leads) == 1
    with pytest.raises(grpc.RpcError) as e:
        api.stub.ImportLeads(pb.ImportLeadsRequest(csv=b"salary\n3\n"), metadata=MARKETER)
    assert code_of(e.value) == (grpc.StatusCode.INVALID_ARGUMENT, "import.unknown_column")
