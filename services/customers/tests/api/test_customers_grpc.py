"""The customers gRPC API in-process, on migrated SQLite and PostgreSQL databases."""

import json

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc
from sqlalchemy import func, select

from crm.common.v1 import paging_pb2
from crm.customers.v1 import customers_service_pb2 as pb
from crm.customers.v1 import customers_service_pb2_grpc as pb_grpc
from crm_chassis.db import make_engine, make_session_factory
from crm_chassis.grpc_server import GrpcApp
from crm_chassis.migrations import upgrade
from customers.config import SPEC
from customers.grpc_api.server import build
from customers.persistence.tables import customers, outbox

pytestmark = pytest.mark.integration

ADMIN = [("x-crm-user-id", "admin"), ("x-crm-roles", "admin")]


def rep(user, *visible):
    return [
        ("x-crm-user-id", user),
        ("x-crm-roles", "sales_rep"),
        ("x-crm-visible-owners", ",".join(visible or (user,))),
    ]


@pytest.fixture
def api(database_url):
    upgrade(database_url, SPEC.migrations_dir, echo=lambda *_: None)
    engine = make_engine(database_url)
    factory = make_session_factory(engine)
    register, table = build(None, factory)
    app = GrpcApp(register=register, error_table=table, host="127.0.0.1", port=0)
    app.start()
    channel = grpc.insecure_channel(f"127.0.0.1:{app.port}")
    yield pb_grpc.CustomersServiceStub(channel), factory, channel
    channel.close()
    app.stop(grace=1)
    engine.dispose()


def _counts(factory):
    with factory() as s:
        return (
            s.execute(select(func.count()).select_from(customers)).scalar(),
            s.execute(select(func.count()).select_from(outbox)).scalar(),
        )


def test_health_is_serving(api):
    _, _, channel = api
    resp = health_pb2_grpc.HealthStub(channel).Check(
        health_pb2.HealthCheckRequest(service="crm.customers.v1.CustomersService")
    )
    assert resp.status == health_pb2.HealthCheckResponse.SERVING


def test_create_stores_the_customer_and_its_event_in_one_go(api):
    stub, factory, _ = api
    created = stub.CreateCustomer(pb.CreateCustomerRequest(name="Acme", level="A"), metadata=ADMIN).customer
    assert created.owner_id == "admin" and created.version == 1 and created.created_at.seconds > 0
    assert stub.GetCustomer(pb.GetCustomerRequest(id=created.id), metadata=ADMIN).customer == created
    with factory() as s:
        row = s.execute(select(outbox)).one()
    body = json.loads(row.body)
    assert (row.exchange, row.routing_key) == ("customers.events", "customer_created")
    assert body["aggregate_id"] == created.id and body["aggregate_version"] == 1 and body["actor_user_id"] == "admin"
    assert body["data"]["customer"]["name"] == "Acme"


def test_invalid_input_is_refused_with_a_code_and_writes_nothing(api):
    stub, factory, _ = api
    with pytest.raises(grpc.RpcError) as err:
        stub.CreateCustomer(pb.CreateCustomerRequest(name="  "), metadata=ADMIN)
    assert err.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    trailers = dict(err.value.trailing_metadata())
    assert trailers["x-crm-error-code"] == "customer.name_required" and trailers["x-crm-error-field"] == "name"
    assert _counts(factory) == (0, 0)


def test_a_customer_outside_the_callers_scope_is_not_found(api):
    stub, _, _ = api
    theirs = stub.CreateCustomer(pb.CreateCustomerRequest(name="Theirs", owner_id="u2"), metadata=ADMIN).customer
    with pytest.raises(grpc.RpcError) as err:
        stub.GetCustomer(pb.GetCustomerRequest(id=theirs.id), metadata=rep("u1"))
    assert err.value.code() == grpc.StatusCode.NOT_FOUND
    assert (
        stub.GetCustomer(pb.GetCustomerRequest(id=theirs.id), metadata=rep("u1", "u1", "u2")).customer.id == theirs.id
    )


def test_list_pages_newest_first_within_scope(api):
    stub, _, _ = api
    mine = [
        stub.CreateCustomer(pb.CreateCustomerRequest(name=f"C{i}", owner_id="u1"), metadata=ADMIN).customer.id
        for i in range(5)
    ]
    stub.CreateCustomer(pb.CreateCustomerRequest(name="other", owner_id="u2"), metadata=ADMIN)
    seen, cursor, pages = [], "", 0
    while True:
        resp = stub.ListCustomers(
            pb.ListCustomersRequest(page=paging_pb2.PageRequest(limit=2, cursor=cursor)), metadata=rep("u1")
        )
        seen += [c.id for c in resp.customers]
        pages += 1
        cursor = resp.page.next_cursor
        if not cursor:
            break
    assert seen == list(reversed(mine)) and pages == 3
    everyone = stub.ListCustomers(pb.ListCustomersRequest(), metadata=ADMIN).customers
    assert len(everyone) == 6
    only_u2 = stub.ListCustomers(pb.ListCustomersRequest(owner_id="u2"), metadata=ADMIN).customers
    assert [c.name for c in only_u2] == ["other"]


@pytest.mark.parametrize("page", [paging_pb2.PageRequest(limit=500), paging_pb2.PageRequest(cursor="garbage")])
def test_bad_paging_is_invalid_argument(api, page):
    stub, _, _ = api
    with pytest.raises(grpc.RpcError) as err:
        stub.ListCustomers(pb.ListCustomersRequest(page=page), metadata=ADMIN)
    assert err.value.code() == grpc.StatusCode.INVALID_ARGUMENT
