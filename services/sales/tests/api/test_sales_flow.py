"""Issue 6 acceptance at the service level, through the real gRPC API on SQLite and PostgreSQL:
opportunity through stages to won -> quote with a special-price discount needs approval -> accepted
-> order confirmed -> contract approved and activated -> plan of three instalments -> one receipt on
time, one partial, one overdue flagged by the sweep -> invoice issued; every step's event in the
outbox with the record's version."""

from datetime import UTC, datetime, timedelta

import grpc
import pytest
from google.protobuf.field_mask_pb2 import FieldMask
from sales_support import ADMIN, FINANCE, MANAGER, cny, code_of, rep

from crm.sales.v1 import sales_service_pb2 as pb
from sales.domain.commands.payments import flag_overdue
from sales.persistence.uow import SqlSalesUnitOfWork

pytestmark = pytest.mark.integration

TODAY = datetime.now(UTC).date()
REP1 = rep("rep1")


def d(days: int) -> str:
    return (TODAY + timedelta(days=days)).isoformat()


def catalogue(stub):
    laptop = stub.CreateProduct(
        pb.CreateProductRequest(
            product=pb.ProductFields(
                sku="lap-1",
                name="Laptop",
                category="hardware",
                unit="pcs",
                list_price=cny(100_000),
                warranty_months=12,
                active=True,
            )
        ),
        metadata=ADMIN,
    ).product
    support = stub.CreateProduct(
        pb.CreateProductRequest(
            product=pb.ProductFields(sku="SUP-1", name="Support day", unit="day", list_price=cny(50_000), active=True)
        ),
        metadata=ADMIN,
    ).product
    stub.CreatePriceList(
        pb.CreatePriceListRequest(
            price_list=pb.PriceListFields(
                name="Everyone",
                currency="CNY",
                effective_from=d(-100),
                active=True,
                tiers=[pb.PriceTier(product_id=laptop.id, min_quantity="1", unit_price=cny(95_000))],
            )
        ),
        metadata=ADMIN,
    )
    vip = stub.CreatePriceList(
        pb.CreatePriceListRequest(
            price_list=pb.PriceListFields(
                name="VIP East",
                currency="CNY",
                customer_classification="vip",
                region="East",
                effective_from=d(-30),
                effective_to=d(30),
                active=True,
                tiers=[
                    pb.PriceTier(product_id=laptop.id, min_quantity="1", unit_price=cny(90_000)),
                    pb.PriceTier(product_id=laptop.id, min_quantity="10", unit_price=cny(80_000)),
                ],
            )
        ),
        metadata=ADMIN,
    ).price_list
    return laptop, support, vip


def test_opportunity_to_cash(api):
    stub = api.stub
    assert api.customer("cust-1", "Acme Ltd", owner="rep1", classification="vip", region="East") == "applied"
    laptop, support, vip = catalogue(stub)
    assert laptop.sku == "LAP-1"

    # -- price resolution is shown ------------------------------------------------------------
    resolved = stub.ResolvePrice(
        pb.ResolvePriceRequest(customer_id="cust-1", product_id=laptop.id, quantity="12"), metadata=REP1
    ).resolution
    assert (resolved.source, resolved.price_list_id, resolved.unit_price.minor_units) == ("price_list", vip.id, 80_000)
    assert resolved.tier_min_quantity == "10" and "VIP East" in resolved.reason

    # -- opportunity through the stages to won ---------------------------------------------------
    opp = stub.CreateOpportunity(
        pb.CreateOpportunityRequest(
            opportunity=pb.OpportunityFields(
                customer_id="cust-1",
                name="Laptops for HQ",
                amount=cny(900_000),
                expected_close_date=d(20),
                competitors=[pb.Competitor(name="OtherCo", strengths="cheap", price=cny(850_000))],
            )
        ),
        metadata=REP1,
    ).opportunity
    assert (opp.stage, opp.probability, opp.owner_id, opp.status) == ("qualification", 10, "rep1", "open")
    for stage, probability in (("needs_analysis", 30), ("proposal", 50), ("negotiation", 80)):
        opp = stub.ChangeOpportunityStage(
            pb.ChangeOpportunityStageRequest(id=opp.id, to_stage=stage, expected_version=opp.version), metadata=REP1
        ).opportunity
        assert (opp.stage, opp.probability) == (stage, probability)
    opp = stub.WinOpportunity(
        pb.WinOpportunityRequest(id=opp.id, expected_version=opp.version), metadata=REP1
    ).opportunity
    assert (opp.status, opp.probability, opp.version) == ("won", 100, 5)
    history = stub.GetOpportunity(pb.GetOpportunityRequest(id=opp.id), metadata=REP1).stage_history
    assert [(h.from_stage, h.to_stage) for h in history] == [
        ("", "qualification"),
        ("qualification", "needs_analysis"),
        ("needs_analysis", "proposal"),
        ("proposal", "negotiation"),
        ("negotiation", "won"),
    ]
    assert all(h.actor_id == "rep1" for h in history)

    # -- quote with a special-price discount needs approval before it is sent --------------------
    quote = stub.CreateQuote(
        pb.CreateQuoteRequest(
            quote=pb.QuoteFields(
                customer_id="cust-1",
                opportunity_id=opp.id,
                currency="CNY",
                tax_rate="13",
                valid_until=d(30),
                lines=[
                    pb.LineInput(product_id=laptop.id, quantity="10", discount_percent="15"),
                    pb.LineInput(product_id=support.id, quantity="2"),
                ],
            )
        ),
        metadata=REP1,
    ).quote
    first, second = quote.lines
    assert (first.unit_price.minor_units, first.price_source, first.tier_min_quantity) == (80_000, "price_list", "10")
    assert (second.unit_price.minor_units, second.price_source) == (50_000, "list_price")
    # 10 x 800.00 - 15 % = 6,800.00; + 2 x 500.00 = 7,800.00; tax 13 % = 1,014.00; total 8,814.00
    assert quote.totals.net.minor_units == 780_000 and quote.totals.tax.minor_units == 101_400
    assert quote.totals.total.minor_units == 881_400 and quote.needs_approval and quote.status == "draft"
    with pytest.raises(grpc.RpcError) as err:
        stub.SendQuote(pb.SendQuoteRequest(id=quote.id), metadata=REP1)
    assert code_of(err.value) == (grpc.StatusCode.FAILED_PRECONDITION, "quote.approval_required")

    submitted = stub.SubmitQuote(pb.SubmitQuoteRequest(id=quote.id, comment="strategic account"), metadata=REP1)
    assert submitted.quote.status == "pending_approval" and submitted.approval.status == "in_review"
    inbox = stub.ListPendingApprovals(pb.ListPendingApprovalsRequest(), metadata=MANAGER).items
    assert [(i.approval.record_id, i.owner_id) for i in inbox] == [(quote.id, "rep1")] and "15%" in inbox[0].summary
    with pytest.raises(grpc.RpcError) as err:  # nobody approves their own submission
        stub.ApproveRecord(
            pb.ApproveRecordRequest(record_type="quote", record_id=quote.id),
            metadata=[("x-crm-user-id", "rep1"), ("x-crm-roles", "sales_manager")],
        )
    assert code_of(err.value) == (grpc.StatusCode.PERMISSION_DENIED, "approval.self_approval")
    decided = stub.ApproveRecord(
        pb.ApproveRecordRequest(record_type="quote", record_id=quote.id, comment="ok"), metadata=MANAGER
    ).approval
    assert decided.status == "approved" and [e.action for e in decided.history] == ["submitted", "approved"]
    quote = stub.SendQuote(pb.SendQuoteRequest(id=quote.id), metadata=REP1).quote
    assert quote.status == "sent"

    # -- accepted -> order -> confirmed ----------------------------------------------------------
    accepted = stub.AcceptQuote(pb.AcceptQuoteRequest(id=quote.id, expected_version=quote.version), metadata=REP1)
    order = accepted.order
    assert accepted.quote.status == "accepted" and accepted.quote.order_id == order.id
    assert (order.status, order.quote_id, order.totals.total.minor_units) == ("draft", quote.id, 881_400)
    order = stub.ConfirmOrder(pb.ConfirmOrderRequest(id=order.id, expected_version=order.version), metadata=REP1).order
    assert order.status == "confirmed" and order.number.startswith(f"O{TODAY.year}-")

    # -- contract approved (two steps) and activated -------------------------------------------
    contract = stub.CreateContract(
        pb.CreateContractRequest(
            contract=pb.ContractFields(
                customer_id="cust-1",
                order_ids=[order.id],
                currency="CNY",
                start_date=d(0),
                end_date=d(364),
                title="HQ laptops",
            )
        ),
        metadata=REP1,
    ).contract
    assert contract.value.minor_units == 881_400 and contract.status == "draft"
    assert [(c.product_id, c.until) for c in contract.coverage] == [(laptop.id, _plus_year(TODAY))]
    contract = stub.SubmitContract(pb.SubmitContractRequest(id=contract.id), metadata=REP1).contract
    assert contract.status == "pending_approval"
    step1 = stub.ApproveRecord(pb.ApproveRecordRequest(record_type="contract", record_id=contract.id), metadata=MANAGER)
    assert step1.approval.status == "in_review" and step1.approval.current_step == 1
    with pytest.raises(grpc.RpcError) as err:
        stub.ApproveRecord(pb.ApproveRecordRequest(record_type="contract", record_id=contract.id), metadata=MANAGER)
    assert code_of(err.value) == (grpc.StatusCode.PERMISSION_DENIED, "approval.not_an_approver")
    stub.ApproveRecord(pb.ApproveRecordRequest(record_type="contract", record_id=contract.id), metadata=FINANCE)
    contract = stub.GetContract(pb.GetContractRequest(id=contract.id), metadata=REP1).contract
    assert (contract.status, contract.credited_owner_id) == ("approved", "rep1")
    contract = stub.SignContract(
        pb.SignContractRequest(id=contract.id, expected_version=contract.version), metadata=REP1
    ).contract
    assert (contract.status, contract.signed_on) == ("active", d(0)) and contract.activated_at.seconds > 0

    # -- a plan of three instalments that adds up to the contract value --------------------------
    plan = stub.CreatePaymentPlan(
        pb.CreatePaymentPlanRequest(
            contract_id=contract.id,
            instalments=[
                pb.InstalmentInput(due_date=d(-30), amount=cny(300_000)),
                pb.InstalmentInput(due_date=d(20), amount=cny(281_400)),
                pb.InstalmentInput(due_date=d(-10), amount=cny(300_000)),
            ],
        ),
        metadata=REP1,
    ).plan
    assert [(i.seq, i.due_date) for i in plan.instalments] == [(1, d(-30)), (2, d(-10)), (3, d(20))]
    first_i, second_i, third_i = plan.instalments

    on_time = stub.RecordReceipt(
        pb.RecordReceiptRequest(contract_id=contract.id, amount=cny(300_000), received_on=d(-31), reference="BANK-1"),
        metadata=REP1,
    ).receipt
    assert on_time.status == "approved_without_review"
    assert [(a.instalment_id, a.amount.minor_units) for a in on_time.allocations] == [(first_i.id, 300_000)]
    partial = stub.RecordReceipt(
        pb.RecordReceiptRequest(
            contract_id=contract.id,
            amount=cny(100_000),
            received_on=d(0),
            allocations=[pb.Allocation(instalment_id=third_i.id, amount=cny(100_000))],
        ),
        metadata=REP1,
    ).receipt
    assert [a.instalment_id for a in partial.allocations] == [third_i.id]

    plan = stub.GetPaymentPlan(pb.GetPaymentPlanRequest(contract_id=contract.id), metadata=REP1).plan
    assert [(i.status, i.received.minor_units, i.outstanding.minor_units) for i in plan.instalments] == [
        ("completed", 300_000, 0),
        ("overdue", 0, 300_000),
        ("partially_received", 100_000, 181_400),
    ]
    assert plan.instalments[1].days_overdue == 10
    assert (plan.received.minor_units, plan.outstanding.minor_units) == (400_000, 481_400)
    # Overdue is derived with as_of: the same plan a month earlier had nothing overdue.
    earlier = stub.GetPaymentPlan(pb.GetPaymentPlanRequest(id=plan.id, as_of=d(-20)), metadata=REP1).plan
    assert [i.status for i in earlier.instalments] == ["completed", "due", "partially_received"]

    # The timer's sweep flags the overdue instalment once per local date.
    uow = lambda **kw: SqlSalesUnitOfWork(api.factory, **kw)  # noqa: E731
    assert flag_overdue(uow, as_of=TODAY).flagged == 1
    assert flag_overdue(uow, as_of=TODAY).flagged == 0
    overdue = [body for kind, body in api.events() if kind == "payment_overdue"]
    assert len(overdue) == 1 and overdue[0]["data"]["instalment"]["id"] == second_i.id
    assert overdue[0]["data"]["instalment"]["days_overdue"] == 10 and overdue[0]["data"]["as_of"] == d(0)
    assert (overdue[0]["aggregate_id"], overdue[0]["aggregate_version"]) == (second_i.id, 10)
    assert flag_overdue(uow, as_of=TODAY + timedelta(days=1)).flagged == 1  # daily while overdue

    # -- invoice issued -------------------------------------------------------------------------
    invoice = stub.RequestInvoice(
        pb.RequestInvoiceRequest(
            contract_id=contract.id,
            amount=cny(300_000),
            tax_rate="13",
            receipt_id=on_time.id,
            billing=pb.BillingProfile(title="Acme Ltd", tax_id="91310000XYZ"),
        ),
        metadata=REP1,
    ).invoice
    assert invoice.status == "approved" and invoice.tax_amount.minor_units == 34_513
    with pytest.raises(grpc.RpcError) as err:
        stub.RequestInvoice(
            pb.RequestInvoiceRequest(
                contract_id=contract.id, amount=cny(600_000), billing=pb.BillingProfile(title="Acme")
            ),
            metadata=REP1,
        )
    assert code_of(err.value) == (grpc.StatusCode.INVALID_ARGUMENT, "invoice.exceeds_contract")
    invoice = stub.IssueInvoice(
        pb.IssueInvoiceRequest(id=invoice.id, invoice_number="INV-0001", expected_version=invoice.version),
        metadata=REP1,
    ).invoice
    assert (invoice.status, invoice.invoice_number, invoice.issued_on) == ("issued", "INV-0001", d(0))

    # -- every step's event, with the record's id and version -----------------------------------
    kinds = api.event_types()
    assert kinds == [
        "opportunity_created",
        "opportunity_stage_changed",
        "opportunity_stage_changed",
        "opportunity_stage_changed",
        "opportunity_won",
        "approval_requested",
        "approval_decided",
        "quote_sent",
        "quote_accepted",
        "order_confirmed",
        "approval_requested",
        "approval_requested",
        "approval_decided",
        "contract_activated",
        "payment_plan_created",
        "approval_decided",
        "payment_received",
        "approval_decided",
        "payment_received",
        "payment_overdue",
        "payment_overdue",
        "approval_decided",
        "invoice_issued",
    ]
    events = api.events()
    won = next(body for kind, body in events if kind == "opportunity_won")
    assert (won["aggregate_id"], won["aggregate_version"], won["actor_user_id"]) == (opp.id, 5, "rep1")
    activated = next(body for kind, body in events if kind == "contract_activated")
    assert activated["aggregate_version"] == contract.version and activated["data"]["contract"]["signed_on"] == d(0)
    assert all(body["producer"] == "sales" and body["schema"].startswith("crm.sales.v1.") for _, body in events)


def _plus_year(day):
    from sales.domain.contract import add_months

    return (add_months(day, 12) - timedelta(days=1)).isoformat()


def test_reopen_needs_a_reason_and_returns_to_the_closing_stage(api):
    api.customer("cust-1")
    stub = api.stub
    opp = stub.CreateOpportunity(
        pb.CreateOpportunityRequest(
            opportunity=pb.OpportunityFields(customer_id="cust-1", name="Deal", amount=cny(1000), stage="proposal")
        ),
        metadata=REP1,
    ).opportunity
    lost = stub.LoseOpportunity(pb.LoseOpportunityRequest(id=opp.id, lost_reason="price"), metadata=REP1).opportunity
    assert (lost.status, lost.probability, lost.lost_reason) == ("lost", 0, "price")
    for call in (
        lambda: stub.ChangeOpportunityStage(
            pb.ChangeOpportunityStageRequest(id=opp.id, to_stage="negotiation"), metadata=REP1
        ),
        lambda: stub.UpdateOpportunity(
            pb.UpdateOpportunityRequest(
                id=opp.id, patch=pb.OpportunityFields(name="x"), update_mask=FieldMask(paths=["name"])
            ),
            metadata=REP1,
        ),
    ):
        with pytest.raises(grpc.RpcError) as err:
            call()
        assert code_of(err.value) == (grpc.StatusCode.FAILED_PRECONDITION, "opportunity.closed")
    with pytest.raises(grpc.RpcError) as err:
        stub.ReopenOpportunity(pb.ReopenOpportunityRequest(id=opp.id), metadata=REP1)
    assert code_of(err.value) == (grpc.StatusCode.INVALID_ARGUMENT, "reason_required")
    reopened = stub.ReopenOpportunity(
        pb.ReopenOpportunityRequest(id=opp.id, reason="budget found"), metadata=REP1
    ).opportunity
    assert (reopened.stage, reopened.status, reopened.probability, reopened.lost_reason) == ("proposal", "open", 50, "")
    assert api.event_types() == ["opportunity_created", "opportunity_lost", "opportunity_stage_changed"]
