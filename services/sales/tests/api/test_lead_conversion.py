"""Lead conversion on the sales side: marketing's `lead_converted` and the customers service's
`lead_conversion_resolved` arrive in either order and open exactly one opportunity, carrying the
lead and its campaign; a conflict or a conversion without an opportunity opens none; order lines
carry the product's warranty for after-sales."""

import uuid
from datetime import date, timedelta

import grpc
import pytest
from sales_support import ADMIN, cny, rep

from crm.customers.v1 import customers_events_pb2 as cev
from crm.marketing.v1 import marketing_events_pb2 as mev
from crm.sales.v1 import sales_service_pb2 as pb
from crm_chassis.envelope import new_envelope
from sales.persistence import tables as t

pytestmark = pytest.mark.integration


def converted(lead_id: str, conversion_id: str, *, opportunity: bool = True, stage: str = "") -> mev.LeadConverted:
    return mev.LeadConverted(
        lead_id=lead_id,
        conversion_id=conversion_id,
        owner_id="rep7",
        converted_by="rep7",
        company="Lumen Optics",
        contact_name="Ada Li",
        campaign_id="camp-42",
        create_opportunity=opportunity,
        opportunity=mev.OpportunityRequest(
            name="Lumen: 40 scanners", amount=cny(4_000_000), expected_close_date="2027-02-01", stage=stage
        ),
    )


def resolved(lead_id: str, conversion_id: str, outcome: str = "created", customer_id: str = "cust-lumen"):
    return cev.LeadConversionResolved(
        lead_id=lead_id,
        conversion_id=conversion_id,
        outcome=outcome,
        customer_id=customer_id if outcome != "conflict" else "",
        customer_name="Lumen Optics",
        owner_id="rep7",
        conflict_owner_id="rep9" if outcome == "conflict" else "",
        campaign_id="camp-42",
    )


def opportunities_of(api, lead_id: str) -> list[pb.Opportunity]:
    page = api.stub.ListOpportunities(pb.ListOpportunitiesRequest(filter=f'lead_id = "{lead_id}"'), metadata=ADMIN)
    return list(page.opportunities)


def deliver_request(api, lead_id, conversion_id, **kw):
    return api.event("marketing", "lead_converted", converted(lead_id, conversion_id, **kw), lead_id, 5)


def deliver_resolution(api, lead_id, conversion_id, outcome="created"):
    return api.event(
        "customers", "lead_conversion_resolved", resolved(lead_id, conversion_id, outcome), "cust-lumen", 1
    )


@pytest.mark.parametrize("request_first", [True, False], ids=["request-first", "resolution-first"])
def test_both_halves_in_either_order_open_one_opportunity_with_lead_and_campaign(api, request_first):
    lead, conversion = str(uuid.uuid4()), str(uuid.uuid4())
    first, second = (deliver_request, deliver_resolution) if request_first else (deliver_resolution, deliver_request)
    first(api, lead, conversion)
    assert api.count(t.opportunities) == 0  # one half is not enough
    second(api, lead, conversion)

    [opp] = [o for o in api.stub.ListOpportunities(pb.ListOpportunitiesRequest(), metadata=ADMIN).opportunities]
    assert (opp.lead_id, opp.source_campaign_id, opp.customer_id, opp.owner_id) == (
        lead,
        "camp-42",
        "cust-lumen",
        "rep7",
    )
    assert (opp.name, opp.amount.minor_units, opp.expected_close_date, opp.created_by) == (
        "Lumen: 40 scanners",
        4_000_000,
        "2027-02-01",
        "system:lead-conversion",
    )
    created = [body for kind, body in api.events() if kind == "opportunity_created"]
    assert len(created) == 1 and lead in str(created[0])
    # The converting rep can see and work on it, as on any of their opportunities.
    mine = api.stub.GetOpportunity(pb.GetOpportunityRequest(id=opp.id), metadata=rep("rep7"))
    assert mine.opportunity.id == opp.id


def test_redelivered_and_repeated_events_open_no_second_opportunity(api):
    lead, conversion = str(uuid.uuid4()), str(uuid.uuid4())
    request = new_envelope(
        producer="marketing",
        event_type="lead_converted",
        payload=converted(lead, conversion),
        aggregate_id=lead,
        aggregate_version=5,
    )
    api.deliver(request)
    deliver_resolution(api, lead, conversion)
    api.deliver(request)  # the same envelope again (broker redelivery): the inbox drops it
    deliver_resolution(api, lead, conversion)  # a fresh envelope of the same resolution: nothing new
    deliver_request(api, lead, conversion)
    assert api.count(t.opportunities) == 1
    assert api.event_types().count("opportunity_created") == 1


def test_a_conflict_or_no_opportunity_asked_opens_none(api):
    lead, conversion = str(uuid.uuid4()), str(uuid.uuid4())
    deliver_request(api, lead, conversion)
    deliver_resolution(api, lead, conversion, outcome="conflict")
    lead2, conversion2 = str(uuid.uuid4()), str(uuid.uuid4())
    deliver_request(api, lead2, conversion2, opportunity=False)
    deliver_resolution(api, lead2, conversion2)
    assert api.count(t.opportunities) == 0
    assert "opportunity_created" not in api.event_types()


def test_an_unknown_stage_falls_back_to_the_first_configured_stage(api):
    lead, conversion = str(uuid.uuid4()), str(uuid.uuid4())
    deliver_request(api, lead, conversion, stage="no-such-stage")
    deliver_resolution(api, lead, conversion)
    [opp] = api.stub.ListOpportunities(pb.ListOpportunitiesRequest(), metadata=ADMIN).opportunities
    settings = api.stub.GetSalesSettings(pb.GetSalesSettingsRequest(), metadata=ADMIN).settings
    assert opp.stage == settings.stages[0].key


def test_order_lines_carry_the_products_warranty(api):
    api.customer("cust-w", "Warranty Ltd")
    p = api.stub.CreateProduct(
        pb.CreateProductRequest(
            product=pb.ProductFields(
                sku="W-12", name="Scanner", list_price=cny(10_000), warranty_months=12, active=True
            )
        ),
        metadata=ADMIN,
    ).product
    q = api.stub.CreateQuote(
        pb.CreateQuoteRequest(
            quote=pb.QuoteFields(
                customer_id="cust-w",
                currency="CNY",
                valid_until=(date.today() + timedelta(days=30)).isoformat(),
                lines=[pb.LineInput(product_id=p.id, quantity="1")],
            )
        ),
        metadata=rep("rep1"),
    ).quote
    assert [ln.warranty_months for ln in q.lines] == [12]


def test_a_customers_owner_reads_every_sales_record_of_the_customer_but_edits_only_their_own(api):
    """G4: rep2 owns the customer; rep1 opened the opportunity on it."""
    api.customer("cust-g4", "Owned By Rep2", owner="rep2")
    opp = api.stub.CreateOpportunity(
        pb.CreateOpportunityRequest(
            opportunity=pb.OpportunityFields(customer_id="cust-g4", name="Rep1's deal", amount=cny(1_000))
        ),
        metadata=rep("rep1"),
    ).opportunity
    assert opp.owner_id == "rep1"
    owner_view = api.stub.GetOpportunity(pb.GetOpportunityRequest(id=opp.id), metadata=rep("rep2"))
    assert owner_view.opportunity.id == opp.id
    listed = api.stub.ListOpportunities(pb.ListOpportunitiesRequest(), metadata=rep("rep2")).opportunities
    assert [o.id for o in listed] == [opp.id]
    # Someone else sees nothing of it, and the customer's owner cannot edit another rep's record.
    assert not api.stub.ListOpportunities(pb.ListOpportunitiesRequest(), metadata=rep("rep3")).opportunities
    for md in (rep("rep3"),):
        with pytest.raises(grpc.RpcError) as err:
            api.stub.GetOpportunity(pb.GetOpportunityRequest(id=opp.id), metadata=md)
        assert err.value.code() == grpc.StatusCode.NOT_FOUND
    with pytest.raises(grpc.RpcError) as err:
        api.stub.WinOpportunity(pb.WinOpportunityRequest(id=opp.id), metadata=rep("rep2"))
    assert err.value.code() == grpc.StatusCode.NOT_FOUND
