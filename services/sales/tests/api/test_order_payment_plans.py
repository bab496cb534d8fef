"""Payment plans on orders (a sale without a contract, issue 6): once the order is confirmed its
plan adds up to the order total, receipts are matched against it, and the overdue sweep flags its
instalments; a draft order, both or neither of contract and order, a total that does not add up
or a second plan are refused and write nothing."""

import functools
import json
from datetime import UTC, datetime, timedelta

import grpc
import pytest
from sales_support import ADMIN, cny, code_of, rep

from crm.sales.v1 import sales_service_pb2 as pb
from sales.domain.commands.payments import flag_overdue
from sales.persistence import tables as t
from sales.persistence.uow import SqlSalesUnitOfWork

pytestmark = pytest.mark.integration

REP1 = rep("rep1")
TODAY = datetime.now(UTC).date()


def d(days: int) -> str:
    return (TODAY + timedelta(days=days)).isoformat()


def refused(call, status, code):
    with pytest.raises(grpc.RpcError) as err:
        call()
    assert code_of(err.value) == (status, code), err.value.details()


def draft_order(api):
    stub = api.stub
    api.customer("cust-1")
    p = stub.CreateProduct(
        pb.CreateProductRequest(product=pb.ProductFields(sku="OP-1", name="Kit", list_price=cny(10_000), active=True)),
        metadata=ADMIN,
    ).product
    opp = stub.CreateOpportunity(
        pb.CreateOpportunityRequest(
            opportunity=pb.OpportunityFields(customer_id="cust-1", name="Deal", amount=cny(30_000))
        ),
        metadata=REP1,
    ).opportunity
    stub.WinOpportunity(pb.WinOpportunityRequest(id=opp.id), metadata=REP1)
    return stub.CreateOrder(
        pb.CreateOrderRequest(
            order=pb.OrderFields(
                customer_id="cust-1", opportunity_id=opp.id, lines=[pb.LineInput(product_id=p.id, quantity="3")]
            )
        ),
        metadata=REP1,
    ).order


def plan_request(order_id: str, *amounts: int, **kw) -> pb.CreatePaymentPlanRequest:
    return pb.CreatePaymentPlanRequest(
        order_id=order_id,
        instalments=[pb.InstalmentInput(due_date=d(5 + 10 * i), amount=cny(a)) for i, a in enumerate(amounts)],
        **kw,
    )


def test_an_orders_plan_receipts_and_overdue(api):
    stub = api.stub
    order = draft_order(api)
    total = order.totals.total.minor_units
    assert total == 30_000
    refused(
        lambda: stub.CreatePaymentPlan(plan_request(order.id, total), metadata=REP1),
        grpc.StatusCode.FAILED_PRECONDITION,
        "plan.order_not_confirmed",
    )
    stub.ConfirmOrder(pb.ConfirmOrderRequest(id=order.id), metadata=REP1)
    refused(
        lambda: stub.CreatePaymentPlan(plan_request(order.id, 10_000, 10_000), metadata=REP1),
        grpc.StatusCode.INVALID_ARGUMENT,
        "plan.total_mismatch",
    )
    refused(
        lambda: stub.CreatePaymentPlan(plan_request(order.id, total, contract_id="c-1"), metadata=REP1),
        grpc.StatusCode.INVALID_ARGUMENT,
        "plan.contract_or_order",
    )
    refused(
        lambda: stub.CreatePaymentPlan(plan_request("", total), metadata=REP1),
        grpc.StatusCode.INVALID_ARGUMENT,
        "plan.contract_or_order",
    )
    assert api.count(t.payment_plans) == 0

    created = stub.CreatePaymentPlan(plan_request(order.id, 20_000, 10_000), metadata=REP1).plan
    assert (created.order_id, created.contract_id, created.contract_status) == (order.id, "", "active")
    refused(
        lambda: stub.CreatePaymentPlan(plan_request(order.id, total), metadata=REP1),
        grpc.StatusCode.ALREADY_EXISTS,
        "plan.exists",
    )
    # Another rep's scope does not reach the order.
    refused(
        lambda: stub.GetPaymentPlan(pb.GetPaymentPlanRequest(order_id=order.id), metadata=rep("rep2")),
        grpc.StatusCode.NOT_FOUND,
        "plan.not_found",
    )

    receipt = stub.RecordReceipt(
        pb.RecordReceiptRequest(order_id=order.id, amount=cny(25_000), received_on=d(0)), metadata=REP1
    ).receipt
    assert (receipt.order_id, receipt.contract_id, receipt.status) == (order.id, "", "approved_without_review")
    refused(
        lambda: stub.RecordReceipt(
            pb.RecordReceiptRequest(order_id=order.id, amount=cny(10_000), received_on=d(0)), metadata=REP1
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "receipt.exceeds_contract",
    )
    plan = stub.GetPaymentPlan(pb.GetPaymentPlanRequest(order_id=order.id), metadata=REP1).plan
    assert [(i.status, i.received.minor_units) for i in plan.instalments] == [
        ("completed", 20_000),
        ("partially_received", 5_000),
    ]
    assert (plan.received.minor_units, plan.outstanding.minor_units) == (25_000, 5_000)

    # Weeks after both due dates, the sweep flags the unpaid rest of the second instalment.
    sweep = flag_overdue(functools.partial(SqlSalesUnitOfWork, api.factory), as_of=TODAY + timedelta(days=60))
    assert (sweep.flagged, sweep.already) == (1, 0)
    [overdue] = [body for kind, body in api.events() if kind == "payment_overdue"]
    data = json.dumps(overdue)
    assert order.id in data and order.number in data
    assert api.event_types().count("payment_plan_created") == 1 and "payment_received" in api.event_types()


def test_a_receipt_against_a_draft_order_is_refused(api):
    order = draft_order(api)
    refused(
        lambda: api.stub.RecordReceipt(
            pb.RecordReceiptRequest(order_id=order.id, amount=cny(1_000), received_on=d(0)), metadata=REP1
        ),
        grpc.StatusCode.FAILED_PRECONDITION,
        "receipt.order_not_confirmed",
    )
    assert api.count(t.receipts) == 0


def test_invoices_against_an_order_or_its_receipt_stay_within_the_order_total(api):
    stub = api.stub
    order = draft_order(api)
    billing = pb.BillingProfile(title="Acme Ltd", tax_id="91350100M000100Y43")
    refused(
        lambda: stub.RequestInvoice(
            pb.RequestInvoiceRequest(order_id=order.id, amount=cny(1_000), billing=billing), metadata=REP1
        ),
        grpc.StatusCode.FAILED_PRECONDITION,
        "invoice.order_not_confirmed",
    )
    refused(
        lambda: stub.RequestInvoice(pb.RequestInvoiceRequest(amount=cny(1_000), billing=billing), metadata=REP1),
        grpc.StatusCode.INVALID_ARGUMENT,
        "invoice.basis_required",
    )
    stub.ConfirmOrder(pb.ConfirmOrderRequest(id=order.id), metadata=REP1)
    stub.CreatePaymentPlan(plan_request(order.id, 30_000), metadata=REP1)
    receipt = stub.RecordReceipt(
        pb.RecordReceiptRequest(order_id=order.id, amount=cny(12_000), received_on=d(0)), metadata=REP1
    ).receipt
    # Against the receipt alone: the order is found through it.
    first = stub.RequestInvoice(
        pb.RequestInvoiceRequest(receipt_id=receipt.id, amount=cny(12_000), billing=billing), metadata=REP1
    ).invoice
    assert (first.order_id, first.contract_id, first.receipt_id) == (order.id, "", receipt.id)
    refused(
        lambda: stub.RequestInvoice(
            pb.RequestInvoiceRequest(order_id=order.id, amount=cny(18_001), billing=billing), metadata=REP1
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "invoice.exceeds_contract",
    )
    rest = stub.RequestInvoice(
        pb.RequestInvoiceRequest(order_id=order.id, amount=cny(18_000), billing=billing), metadata=REP1
    ).invoice
    assert rest.order_id == order.id and api.count(t.invoices) == 2
