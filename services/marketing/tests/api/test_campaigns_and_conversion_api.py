"""Campaigns (approval flow, costs, members) and lead conversion through the events of the
customers and sales services, on a real database."""

import threading
from collections import Counter

import grpc
import pytest
from marketing_support import ADMIN, APPROVER, MARKETER, Api, cny, code_of, rep

from crm.customers.v1 import customers_events_pb2 as cev
from crm.customers.v1 import customers_service_pb2 as cpb
from crm.marketing.v1 import marketing_service_pb2 as pb
from crm.sales.v1 import sales_events_pb2 as sev
from crm.sales.v1 import sales_service_pb2 as spb

pytestmark = pytest.mark.integration


def new_campaign(api, budget=8_000_000, metadata=MARKETER):
    fields = pb.CampaignFields(
        name="Spring expo", type="exhibition", channel="offline", budget=cny(budget), expected_revenue=cny(30_000_000)
    )
    return api.stub.CreateCampaign(pb.CreateCampaignRequest(campaign=fields), metadata=metadata).campaign


def move(api, c, action, metadata=MARKETER, comment=""):
    request = pb.TransitionCampaignRequest(id=c.id, action=action, expected_version=c.version, comment=comment)
    return api.stub.TransitionCampaign(request, metadata=metadata).campaign


def test_campaign_approval_flow_and_costs(api):
    c = new_campaign(api)
    assert c.status == "draft" and c.owner_id == "mk1"
    pending = move(api, c, "submit")
    assert pending.status == "pending_approval" and pending.needs_approval
    with pytest.raises(grpc.RpcError) as e:
        move(api, pending, "approve")  # the submitter
    assert code_of(e.value) == (grpc.StatusCode.PERMISSION_DENIED, "approval.self_approval")
    rejected = move(api, pending, "reject", APPROVER, "trim the booth")
    assert rejected.status == "draft" and rejected.approval_status == "rejected"
    approved = move(api, move(api, rejected, "submit"), "approve", APPROVER, "fine")
    assert approved.status == "approved"
    assert [h.action for h in approved.approval_history] == ["submitted", "rejected", "submitted", "approved"]
    running = move(api, approved, "start")
    for amount in (120_000, 80_050):
        r = api.stub.RecordCampaignCost(
            pb.RecordCampaignCostRequest(campaign_id=c.id, amount=cny(amount), description="booth"), metadata=MARKETER
        )
    assert r.campaign.actual_cost.minor_units == 200_050
    costs = api.stub.ListCampaignCosts(pb.ListCampaignCostsRequest(campaign_id=c.id), metadata=MARKETER)
    assert [x.amount.minor_units for x in costs.costs] == [120_000, 80_050]
    with pytest.raises(grpc.RpcError) as e:
        move(api, running, "start")  # stale version
    assert code_of(e.value)[0] == grpc.StatusCode.ABORTED
    types = api.event_types()
    assert types.count("campaign_approved") == 1 and types.count("campaign_cost_recorded") == 2
    assert types.count("campaign_status_changed") == 5 and types[0] == "campaign_created"


def test_a_small_budget_is_approved_on_submission(api):
    c = move(api, new_campaign(api, budget=100_000), "submit")
    assert c.status == "approved" and c.approval_status == "approved_without_review"
    approved = [b for k, b in api.events() if k == "campaign_approved"]
    assert approved and approved[0]["data"].get("reviewed", False) is False


def test_members_from_leads_with_response_status(api):
    c = new_campaign(api)
    lead = api.lead(contact_name="Ada", company="Lumen")
    added = api.stub.AddCampaignMembers(
        pb.AddCampaignMembersRequest(campaign_id=c.id, lead_ids=[lead.id, lead.id]), metadata=MARKETER
    )
    assert (added.added, added.campaign.member_count) == (1, 1)
    again = api.stub.AddCampaignMembers(
        pb.AddCampaignMembersRequest(campaign_id=c.id, lead_ids=[lead.id]), metadata=MARKETER
    )
    assert (again.added, again.skipped) == (0, 1)
    member = api.stub.ListCampaignMembers(pb.ListCampaignMembersRequest(campaign_id=c.id), metadata=MARKETER).members[0]
    assert member.response_status == "sent" and member.name == "Lumen"
    updated = api.stub.UpdateCampaignMember(
        pb.UpdateCampaignMemberRequest(campaign_id=c.id, member_id=member.id, response_status="responded"),
        metadata=MARKETER,
    ).member
    assert updated.response_status == "responded"
    with pytest.raises(grpc.RpcError) as e:
        api.stub.AddCampaignMembers(
            pb.AddCampaignMembersRequest(campaign_id=c.id, lead_ids=["nope"]), metadata=MARKETER
        )
    assert code_of(e.value) == (grpc.StatusCode.INVALID_ARGUMENT, "members.lead_not_found")
    # converting the lead marks its membership converted
    api.stub.ConvertLead(pb.ConvertLeadRequest(id=lead.id), metadata=MARKETER)
    member = api.stub.ListCampaignMembers(pb.ListCampaignMembersRequest(campaign_id=c.id), metadata=MARKETER).members[0]
    assert member.response_status == "converted"


def convert(api, lead, *, opportunity=True, metadata=None):
    request = pb.ConvertLeadRequest(
        id=lead.id,
        expected_version=lead.version,
        create_opportunity=opportunity,
        opportunity=pb.OpportunityAsk(name="Lumen: scanners", amount=cny(4_000_000), expected_close_date="2027-06-30"),
    )
    return api.stub.ConvertLead(request, metadata=metadata or rep(lead.owner_id)).lead


def test_conversion_publishes_lead_converted_and_completes_from_the_answers(api):
    lead = api.lead(
        contact_name="Ada Li",
        company="Lumen Optics",
        emails=["ada@lumen.example"],
        campaign_id="camp-42",
        metadata=rep("rep7"),
    )
    converted = convert(api, lead)
    assert converted.status == "converted" and converted.conversion.state == "pending"
    kind, body = api.events()[-1]
    assert kind == "lead_converted"
    data = body["data"]
    assert data["lead_id"] == lead.id and data["owner_id"] == "rep7" and data["campaign_id"] == "camp-42"
    assert data["create_opportunity"] is True and data["opportunity"]["amount"]["minor_units"] == "4000000"
    assert data["conversion_id"] == converted.conversion.conversion_id
    with pytest.raises(grpc.RpcError) as e:
        convert(api, api.get(lead.id))
    assert code_of(e.value) == (grpc.StatusCode.FAILED_PRECONDITION, "lead.already_converted")

    conversion_id = converted.conversion.conversion_id
    resolved = cev.LeadConversionResolved(
        lead_id=lead.id, conversion_id=conversion_id, outcome="created", customer_id="cust-1", contact_id="con-1"
    )
    api.event("customers", "lead_conversion_resolved", resolved, lead.id)
    mid = api.get(lead.id)
    assert (mid.converted_customer_id, mid.converted_contact_id, mid.conversion.state) == ("cust-1", "con-1", "pending")
    opportunity = spb.Opportunity(id="opp-1", lead_id=lead.id, source_campaign_id="camp-42", customer_id="cust-1")
    envelope_id = api.event("sales", "opportunity_created", sev.OpportunityCreated(opportunity=opportunity), "opp-1")
    done = api.get(lead.id)
    assert done.conversion.state == "done" and done.converted_opportunity_id == "opp-1"
    assert envelope_id is not None

    merged = cev.CustomerMerged(survivor=cpb.Customer(id="cust-2"), victim=cpb.Customer(id="cust-1"))
    api.event("customers", "customer_merged", merged, "cust-2")
    assert api.get(lead.id).converted_customer_id == "cust-2"


def test_a_conflict_is_shown_on_the_lead_and_a_retry_is_possible(api):
    lead = api.lead(contact_name="Ada", metadata=rep("rep7"))
    converted = convert(api, lead, opportunity=False)
    conflict = cev.LeadConversionResolved(
        lead_id=lead.id,
        conversion_id=converted.conversion.conversion_id,
        outcome="conflict",
        conflict_owner_id="rep9",
        detail="phone matches a customer owned by rep9",
    )
    api.event("customers", "lead_conversion_resolved", conflict, lead.id)
    shown = api.get(lead.id)
    assert shown.status == "qualified" and shown.conversion.state == "conflict"
    assert shown.conversion.conflict_owner_id == "rep9" and "rep9" in shown.conversion.detail
    changed = [b["data"] for k, b in api.events() if k == "lead_status_changed"]
    assert changed[-1]["reason"] == "conversion_conflict"
    # a redelivered answer changes nothing
    api.event("customers", "lead_conversion_resolved", conflict, lead.id)
    assert api.get(lead.id).version == shown.version
    retried = convert(api, shown, opportunity=False)
    assert retried.conversion.state == "pending" and retried.conversion.conversion_id != conflict.conversion_id


def test_converting_into_an_existing_customer_needs_a_known_customer(api):
    lead = api.lead(contact_name="Ada", metadata=rep("rep7"))
    request = pb.ConvertLeadRequest(id=lead.id, customer_id="cust-unknown")
    with pytest.raises(grpc.RpcError) as e:
        api.stub.ConvertLead(request, metadata=rep("rep7"))
    assert code_of(e.value) == (grpc.StatusCode.NOT_FOUND, "customer.not_found")
    api.event(
        "customers", "customer_created", cev.CustomerCreated(customer=cpb.Customer(id="cust-9", name="Lumen")), "cust-9"
    )
    request = pb.ConvertLeadRequest(id=lead.id, customer_id="cust-9")
    assert api.stub.ConvertLead(request, metadata=rep("rep7")).lead.status == "converted"
    assert api.events()[-1][1]["data"]["customer_id"] == "cust-9"


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_round_robin_is_fair_across_two_replicas_under_concurrency(api, database_url):
    """Two gRPC servers on one database, 100 concurrent intakes: each member's share within one."""
    other = Api(database_url, migrate=False)
    try:
        members = ["ann", "bob", "cid"]
        api.rule("all", "round_robin", members)
        api.form(key="rr-form")
        errors = []

        def submit(stub_api, i):
            try:
                stub_api.submit("rr-form", name=f"P{i}", email=f"p{i}@example.com")
            except grpc.RpcError as exc:  # pragma: no cover - reported below
                errors.append(exc)

        threads = [threading.Thread(target=submit, args=(api if i % 2 else other, i)) for i in range(100)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        assert not errors
        leads = api.stub.ListLeads(pb.ListLeadsRequest(options={"page": {"limit": 200}}), metadata=ADMIN).leads
        shares = Counter(x.owner_id for x in leads)
        assert len(leads) == 100 and set(shares) == set(members)
        assert max(shares.values()) - min(shares.values()) <= 1, shares
    finally:
        other.close()


def test_intake_of_the_same_person_concurrently_makes_one_lead(api):
    api.form(key="dup-form")
    threads = [
        threading.Thread(target=api.submit, args=("dup-form",), kwargs={"name": "Same", "email": "same@example.com"})
        for _ in range(8)
    ]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    leads = api.stub.ListLeads(pb.ListLeadsRequest(), metadata=ADMIN).leads
    assert len(leads) == 1 and leads[0].touch_count == 8
