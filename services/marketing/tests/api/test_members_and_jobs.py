"""Campaign members from a customers filter against the real customers gRPC service (its data scope
applied with the caller's identity), the first-contact timer under a Redis lock (a second worker
skips), and redelivered events applied once (the inbox)."""

import json
from datetime import timedelta

import grpc
import pytest
import redis
from marketing_support import MARKETER, Api, cny, code_of, rep

from crm.customers.v1 import customers_events_pb2 as cev
from crm.customers.v1 import customers_service_pb2 as cpb
from crm.customers.v1 import customers_service_pb2_grpc as cpb_grpc
from crm.marketing.v1 import marketing_service_pb2 as pb
from crm_chassis.db import make_engine, make_session_factory
from crm_chassis.envelope import new_envelope
from crm_chassis.grpc_server import GrpcApp
from crm_chassis.migrations import upgrade
from marketing.domain.common import now
from marketing.domain.settings import MarketingSettings
from marketing.events.jobs import job_lock, run_locked_sweep
from marketing.persistence.uow import SqlMarketingUnitOfWork

pytestmark = pytest.mark.integration


@pytest.fixture
def customers_target(tmp_path):
    """The real customers gRPC API on its own migrated SQLite database."""
    from customers.config import SPEC as CUSTOMERS
    from customers.grpc_api.server import build

    url = f"sqlite:///{tmp_path}/customers.db"
    upgrade(url, CUSTOMERS.migrations_dir, echo=lambda *_: None)
    engine = make_engine(url)
    register, table = build(None, make_session_factory(engine))
    app = GrpcApp(register=register, error_table=table, host="127.0.0.1", port=0)
    app.start()
    try:
        yield f"127.0.0.1:{app.port}"
    finally:
        app.stop(grace=1)
        engine.dispose()


def test_members_from_a_customers_filter_in_the_callers_scope(database_url, customers_target, monkeypatch):
    monkeypatch.setenv("CRM_CUSTOMERS_GRPC_TARGET", customers_target)
    channel = grpc.insecure_channel(customers_target)
    customers = cpb_grpc.CustomersServiceStub(channel)
    admin = [("x-crm-user-id", "admin"), ("x-crm-roles", "admin")]
    for name, industry, owner in (("Lumen", "optics", "rep1"), ("Prism", "optics", "rep2"), ("Bakery", "food", "rep1")):
        customers.CreateCustomer(
            cpb.CreateCustomerRequest(name=name, industry=industry, owner_id=owner), metadata=admin
        )
    api = Api(database_url)
    try:
        fields = pb.CampaignFields(name="Optics mailing", type="email", budget=cny(1000))
        campaign = api.stub.CreateCampaign(pb.CreateCampaignRequest(campaign=fields), metadata=MARKETER).campaign
        # a marketer whose scope holds only themselves and rep1: one optics customer
        scoped_caller = [*MARKETER, ("x-crm-visible-owners", "mk1,rep1")]
        scoped = api.stub.AddCampaignMembers(
            pb.AddCampaignMembersRequest(campaign_id=campaign.id, customer_filter='industry = "optics"'),
            metadata=scoped_caller,
        )
        assert (scoped.added, scoped.campaign.member_count) == (1, 1)
        everyone = api.stub.AddCampaignMembers(
            pb.AddCampaignMembersRequest(campaign_id=campaign.id, customer_filter='industry = "optics"'),
            metadata=MARKETER,
        )
        assert (everyone.added, everyone.skipped, everyone.campaign.member_count) == (1, 1, 2)
        members = api.stub.ListCampaignMembers(
            pb.ListCampaignMembersRequest(campaign_id=campaign.id), metadata=MARKETER
        ).members
        assert sorted(m.name for m in members) == ["Lumen", "Prism"] and {m.member_type for m in members} == {
            "customer"
        }
        with pytest.raises(grpc.RpcError) as e:
            api.stub.AddCampaignMembers(
                pb.AddCampaignMembersRequest(campaign_id=campaign.id, customer_filter="salary > 3"), metadata=MARKETER
            )
        assert code_of(e.value) == (grpc.StatusCode.INVALID_ARGUMENT, "members.customer_filter_invalid")
    finally:
        api.close()
        channel.close()


def test_members_need_a_reachable_customers_service(database_url, monkeypatch):
    monkeypatch.setenv("CRM_CUSTOMERS_GRPC_TARGET", "127.0.0.1:1")
    api = Api(database_url)
    try:
        fields = pb.CampaignFields(name="x", type="email", budget=cny(1))
        campaign = api.stub.CreateCampaign(pb.CreateCampaignRequest(campaign=fields), metadata=MARKETER).campaign
        with pytest.raises(grpc.RpcError) as e:
            api.stub.AddCampaignMembers(
                pb.AddCampaignMembersRequest(campaign_id=campaign.id, customer_filter='industry = "x"'),
                metadata=MARKETER,
            )
        assert code_of(e.value) == (grpc.StatusCode.UNAVAILABLE, "customers.unavailable")
    finally:
        api.close()


def test_the_contact_sweep_runs_on_one_worker_at_a_time(api, redis_url, redis_prefix):
    lead = api.lead(contact_name="Slow", metadata=rep("rep1"))
    settings = MarketingSettings(contact_deadline_seconds=60, contact_reminder_seconds=0)
    client = redis.Redis.from_url(redis_url)
    factory = lambda **kw: SqlMarketingUnitOfWork(api.factory, **kw)  # noqa: E731
    try:
        with job_lock(client, redis_prefix, "contact_sweep", ttl_ms=60_000) as held:
            assert held
            skipped = run_locked_sweep(factory, settings, client, redis_prefix, as_of=now() + timedelta(minutes=5))
            assert skipped is None and api.get(lead.id).owner_id == "rep1"
        result = run_locked_sweep(factory, settings, client, redis_prefix, as_of=now() + timedelta(minutes=5))
        assert result is not None and result.returned == 1 and api.get(lead.id).in_pool
    finally:
        client.close()


def test_a_redelivered_answer_is_applied_once(api):
    lead = api.lead(contact_name="Ada", metadata=rep("rep7"))
    converted = api.stub.ConvertLead(pb.ConvertLeadRequest(id=lead.id), metadata=rep("rep7")).lead
    answer = cev.LeadConversionResolved(
        lead_id=lead.id, conversion_id=converted.conversion.conversion_id, outcome="linked", customer_id="cust-1"
    )
    envelope = new_envelope(
        producer="customers",
        event_type="lead_conversion_resolved",
        payload=answer,
        aggregate_id=lead.id,
        aggregate_version=1,
    )
    api.deliver(envelope)
    done = api.get(lead.id)
    assert done.conversion.state == "done" and done.converted_customer_id == "cust-1"
    api.deliver(envelope)
    assert api.get(lead.id).version == done.version
    assert json.loads(envelope.to_json())["event_id"]
