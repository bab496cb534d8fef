"""The sales gRPC API: bad input is refused with a clear status and writes nothing, data scope,
lists with filter / order_by, versions, PDFs, targets, settings and the local customer copy."""

import io
from datetime import UTC, datetime, timedelta

import grpc
import pytest
from google.protobuf.field_mask_pb2 import FieldMask
from grpc_health.v1 import health_pb2, health_pb2_grpc
from pypdf import PdfReader
from sales_support import ADMIN, FINANCE, MANAGER, cny, code_of, rep

from crm.common.v1 import money_pb2, paging_pb2
from crm.customers.v1 import customers_events_pb2 as cev
from crm.customers.v1 import customers_service_pb2 as cpb
from crm.sales.v1 import sales_service_pb2 as pb
from sales.persistence import tables as t

pytestmark = pytest.mark.integration

TODAY = datetime.now(UTC).date()
REP1 = rep("rep1")


def d(days: int) -> str:
    return (TODAY + timedelta(days=days)).isoformat()


def product(stub, sku="P-1", price=10_000, warranty=0):
    return stub.CreateProduct(
        pb.CreateProductRequest(
            product=pb.ProductFields(
                sku=sku, name=f"Product {sku}", list_price=cny(price), warranty_months=warranty, active=True
            )
        ),
        metadata=ADMIN,
    ).product


def won_opportunity(stub, customer_id="cust-1", md=REP1):
    opp = stub.CreateOpportunity(
        pb.CreateOpportunityRequest(
            opportunity=pb.OpportunityFields(customer_id=customer_id, name="Deal", amount=cny(50_000))
        ),
        metadata=md,
    ).opportunity
    return stub.WinOpportunity(pb.WinOpportunityRequest(id=opp.id), metadata=md).opportunity


def active_contract(api):
    """A confirmed order, an approved and active contract over it (value = order total)."""
    stub = api.stub
    p = product(stub, warranty=24)
    opp = won_opportunity(stub)
    order = stub.CreateOrder(
        pb.CreateOrderRequest(
            order=pb.OrderFields(
                customer_id="cust-1", opportunity_id=opp.id, lines=[pb.LineInput(product_id=p.id, quantity="5")]
            )
        ),
        metadata=REP1,
    ).order
    stub.ConfirmOrder(pb.ConfirmOrderRequest(id=order.id), metadata=REP1)
    contract = stub.CreateContract(
        pb.CreateContractRequest(
            contract=pb.ContractFields(
                customer_id="cust-1",
                order_ids=[order.id],
                currency="CNY",
                start_date=d(0),
                end_date=d(200),
                terms="Net 30.",
            )
        ),
        metadata=REP1,
    ).contract
    stub.SubmitContract(pb.SubmitContractRequest(id=contract.id), metadata=REP1)
    stub.ApproveRecord(pb.ApproveRecordRequest(record_type="contract", record_id=contract.id), metadata=MANAGER)
    stub.ApproveRecord(pb.ApproveRecordRequest(record_type="contract", record_id=contract.id), metadata=FINANCE)
    contract = stub.SignContract(pb.SignContractRequest(id=contract.id), metadata=REP1).contract
    assert contract.status == "active" and contract.value.minor_units == 50_000
    return p, order, contract


def refused(call, status, code):
    with pytest.raises(grpc.RpcError) as err:
        call()
    assert code_of(err.value) == (status, code), err.value.details()
    return err.value


def test_health_is_serving(api):
    resp = health_pb2_grpc.HealthStub(api.channel).Check(
        health_pb2.HealthCheckRequest(service="crm.sales.v1.SalesService")
    )
    assert resp.status == health_pb2.HealthCheckResponse.SERVING


def test_bad_input_is_refused_and_writes_nothing(api):
    stub = api.stub
    api.customer("cust-1")
    p = product(stub)
    opp = won_opportunity(stub)
    before = {table.name: api.count(table) for table in (t.orders, t.quotes, t.payment_plans, t.instalments, t.outbox)}
    INVALID = grpc.StatusCode.INVALID_ARGUMENT

    # An order for a customer that does not exist.
    refused(
        lambda: stub.CreateOrder(
            pb.CreateOrderRequest(
                order=pb.OrderFields(
                    customer_id="nobody", opportunity_id=opp.id, lines=[pb.LineInput(product_id=p.id, quantity="1")]
                )
            ),
            metadata=REP1,
        ),
        INVALID,
        "customer.unknown",
    )

    def quote(qty, discount):
        return lambda: stub.CreateQuote(
            pb.CreateQuoteRequest(
                quote=pb.QuoteFields(
                    customer_id="cust-1",
                    currency="CNY",
                    valid_until=d(10),
                    lines=[pb.LineInput(product_id=p.id, quantity=qty, discount_percent=discount)],
                )
            ),
            metadata=REP1,
        )

    refused(quote("-2", ""), INVALID, "line.quantity_not_positive")
    refused(quote("0", ""), INVALID, "line.quantity_not_positive")
    refused(quote("1", "150"), INVALID, "line.discount_out_of_range")
    refused(quote("1", "-1"), INVALID, "line.discount_out_of_range")
    refused(quote("lots", ""), INVALID, "lines[0].quantity_invalid")

    # A plan that does not add up to the contract value.
    _, _, contract = active_contract_for(api, p, opp)
    before = {table.name: api.count(table) for table in (t.orders, t.quotes, t.payment_plans, t.instalments, t.outbox)}
    err = refused(
        lambda: stub.CreatePaymentPlan(
            pb.CreatePaymentPlanRequest(
                contract_id=contract.id,
                instalments=[
                    pb.InstalmentInput(due_date=d(10), amount=cny(20_000)),
                    pb.InstalmentInput(due_date=d(40), amount=cny(20_000)),
                ],
            ),
            metadata=REP1,
        ),
        INVALID,
        "plan.total_mismatch",
    )
    assert dict(err.trailing_metadata())["x-crm-detail-gap"] == "10000"
    refused(
        lambda: stub.CreatePaymentPlan(
            pb.CreatePaymentPlanRequest(
                contract_id=contract.id, instalments=[pb.InstalmentInput(due_date=d(10), amount=cny(-50_000))]
            ),
            metadata=REP1,
        ),
        INVALID,
        "instalments[0].amount_not_positive",
    )
    after = {table.name: api.count(table) for table in (t.orders, t.quotes, t.payment_plans, t.instalments, t.outbox)}
    assert after == before


def active_contract_for(api, p, opp):
    stub = api.stub
    order = stub.CreateOrder(
        pb.CreateOrderRequest(
            order=pb.OrderFields(
                customer_id="cust-1", opportunity_id=opp.id, lines=[pb.LineInput(product_id=p.id, quantity="5")]
            )
        ),
        metadata=REP1,
    ).order
    stub.ConfirmOrder(pb.ConfirmOrderRequest(id=order.id), metadata=REP1)
    contract = stub.CreateContract(
        pb.CreateContractRequest(
            contract=pb.ContractFields(
                customer_id="cust-1", order_ids=[order.id], currency="CNY", start_date=d(0), end_date=d(200)
            )
        ),
        metadata=REP1,
    ).contract
    return p, order, contract


def test_a_stale_version_is_aborted_and_changes_nothing(api):
    api.customer("cust-1")
    stub = api.stub
    opp = stub.CreateOpportunity(
        pb.CreateOpportunityRequest(
            opportunity=pb.OpportunityFields(customer_id="cust-1", name="Deal", amount=cny(100))
        ),
        metadata=REP1,
    ).opportunity
    renamed = stub.UpdateOpportunity(
        pb.UpdateOpportunityRequest(
            id=opp.id,
            expected_version=1,
            patch=pb.OpportunityFields(name="Renamed"),
            update_mask=FieldMask(paths=["name"]),
        ),
        metadata=REP1,
    ).opportunity
    assert (renamed.name, renamed.version) == ("Renamed", 2)
    err = refused(
        lambda: stub.UpdateOpportunity(
            pb.UpdateOpportunityRequest(
                id=opp.id,
                expected_version=1,
                patch=pb.OpportunityFields(name="Mine"),
                update_mask=FieldMask(paths=["name"]),
            ),
            metadata=REP1,
        ),
        grpc.StatusCode.ABORTED,
        "version_conflict",
    )
    assert dict(err.trailing_metadata())["x-crm-detail-current-version"] == "2"
    refused(
        lambda: stub.ChangeOpportunityStage(
            pb.ChangeOpportunityStageRequest(id=opp.id, to_stage="proposal", expected_version=1), metadata=REP1
        ),
        grpc.StatusCode.ABORTED,
        "version_conflict",
    )
    current = stub.GetOpportunity(pb.GetOpportunityRequest(id=opp.id), metadata=REP1).opportunity
    assert (current.name, current.stage, current.version) == ("Renamed", "qualification", 2)
    assert api.event_types() == ["opportunity_created"]


def test_data_scope_and_lists_with_filter_and_order(api):
    api.customer("cust-1", owner="rep1")
    api.customer("cust-2", owner="rep2")
    stub = api.stub
    names = []
    for i, (cust, md) in enumerate([("cust-1", REP1)] * 3 + [("cust-2", rep("rep2"))] * 2):
        opp = stub.CreateOpportunity(
            pb.CreateOpportunityRequest(
                opportunity=pb.OpportunityFields(customer_id=cust, name=f"Deal {i}", amount=cny(1000 * (i + 1)))
            ),
            metadata=md,
        ).opportunity
        names.append(opp)
    theirs = names[3]
    refused(
        lambda: stub.GetOpportunity(pb.GetOpportunityRequest(id=theirs.id), metadata=REP1),
        grpc.StatusCode.NOT_FOUND,
        "opportunity.not_found",
    )
    assert (
        stub.GetOpportunity(pb.GetOpportunityRequest(id=theirs.id), metadata=rep("rep1", "rep1", "rep2")).opportunity.id
        == theirs.id
    )

    def listed(md, filter_text="", order_by="", limit=0):
        seen, cursor = [], ""
        while True:
            resp = stub.ListOpportunities(
                pb.ListOpportunitiesRequest(
                    options=pb.ListOptions(
                        page=paging_pb2.PageRequest(limit=limit, cursor=cursor), filter=filter_text, order_by=order_by
                    )
                ),
                metadata=md,
            )
            seen += [o.name for o in resp.opportunities]
            cursor = resp.page.next_cursor
            if not cursor:
                return seen

    assert listed(REP1, order_by="amount desc", limit=2) == ["Deal 2", "Deal 1", "Deal 0"]
    assert listed(ADMIN, filter_text="amount >= 3000", order_by="amount") == ["Deal 2", "Deal 3", "Deal 4"]
    assert listed(ADMIN, filter_text='owner_id = "rep2"', order_by="name") == ["Deal 3", "Deal 4"]
    assert listed(ADMIN, filter_text='status = "open" AND name:"deal 1"') == ["Deal 1"]
    for bad, code in (
        ({"filter_text": "secret = 1"}, "filter.unknown_field"),
        ({"order_by": "nonsense"}, "order_by.unknown_field"),
        ({"filter_text": 'status = "floating"'}, "filter.invalid_value"),
    ):
        refused(lambda bad=bad: listed(ADMIN, **bad), grpc.StatusCode.INVALID_ARGUMENT, code)


def test_customer_copy_follows_customers_events(api):
    stub = api.stub
    assert api.customer("cust-1", "Acme", version=1) == "applied"
    opp = stub.CreateOpportunity(
        pb.CreateOpportunityRequest(opportunity=pb.OpportunityFields(customer_id="cust-1", name="Deal", amount=cny(1))),
        metadata=REP1,
    ).opportunity
    # An older event changes nothing; a repeated one is a duplicate (inbox).
    updated = cpb.Customer(id="cust-1", name="Acme v3", owner_id="rep1", version=3)
    assert api.customer_event("customer_updated", cev.CustomerUpdated(customer=updated), "cust-1", 3) == "applied"
    older = cpb.Customer(id="cust-1", name="Acme v2", owner_id="rep1", version=2)
    assert api.customer_event("customer_updated", cev.CustomerUpdated(customer=older), "cust-1", 2) == "applied"
    with api.factory() as s:
        row = s.execute(t.customer_refs.select().where(t.customer_refs.c.id == "cust-1")).one()
    assert (row.name, row.version) == ("Acme v3", 3)

    # A merge re-points the victim's records to the survivor; the victim is no longer usable.
    api.customer("cust-2", "Acme Group", version=1)
    survivor = cpb.Customer(id="cust-2", name="Acme Group", owner_id="rep1", version=2)
    victim = cpb.Customer(id="cust-1", name="Acme v3", owner_id="rep1", version=4, merged_into_id="cust-2")
    victim.deleted_at.GetCurrentTime()
    api.customer_event("customer_merged", cev.CustomerMerged(survivor=survivor, victim=victim), "cust-2", 2)
    moved = stub.GetOpportunity(pb.GetOpportunityRequest(id=opp.id), metadata=REP1).opportunity
    assert (moved.customer_id, moved.version) == ("cust-2", 2)
    err = refused(
        lambda: stub.CreateOpportunity(
            pb.CreateOpportunityRequest(
                opportunity=pb.OpportunityFields(customer_id="cust-1", name="x", amount=cny(1))
            ),
            metadata=REP1,
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "customer.unknown",
    )
    assert dict(err.trailing_metadata())["x-crm-detail-merged-into-id"] == "cust-2"

    # A deleted customer takes no new orders; restored, it does again.
    deleted = cpb.Customer(id="cust-2", name="Acme Group", owner_id="rep1", version=3)
    deleted.deleted_at.GetCurrentTime()
    api.customer_event("customer_deleted", cev.CustomerDeleted(customer=deleted), "cust-2", 3)
    create = lambda: stub.CreateOpportunity(  # noqa: E731
        pb.CreateOpportunityRequest(opportunity=pb.OpportunityFields(customer_id="cust-2", name="y", amount=cny(1))),
        metadata=REP1,
    )
    refused(create, grpc.StatusCode.INVALID_ARGUMENT, "customer.unknown")
    restored = cpb.Customer(id="cust-2", name="Acme Group", owner_id="rep1", version=4)
    api.customer_event("customer_restored", cev.CustomerRestored(customer=restored), "cust-2", 4)
    assert create().opportunity.customer_id == "cust-2"


def test_pdfs_contain_the_lines_and_totals(api):
    api.customer("cust-1", "Acme Ltd")
    stub = api.stub
    p = product(stub, "PDF-1", price=123_456)
    q = stub.CreateQuote(
        pb.CreateQuoteRequest(
            quote=pb.QuoteFields(
                customer_id="cust-1",
                currency="CNY",
                tax_rate="13",
                valid_until=d(15),
                terms="Delivery in two weeks.",
                lines=[pb.LineInput(product_id=p.id, quantity="3", discount_percent="5")],
            )
        ),
        metadata=REP1,
    ).quote
    doc = stub.RenderQuotePdf(pb.RenderQuotePdfRequest(id=q.id), metadata=REP1)
    assert (
        doc.content.startswith(b"%PDF")
        and doc.content_type == "application/pdf"
        and doc.filename == f"{q.number}-r1.pdf"
    )
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(doc.content)).pages)
    # 3 x 1,234.56 = 3,703.68; -5 % = 185.18 -> 3,518.50; tax 13 % = 457.41; total 3,975.91
    for expected in (
        f"Quotation {q.number}",
        "Acme Ltd",
        "PDF-1",
        "1,234.56 CNY",
        "3,518.50 CNY",
        "457.41 CNY",
        "3,975.91 CNY",
        "Delivery in two weeks.",
    ):
        assert expected in text, expected
    assert q.totals.total.minor_units == 397_591

    _, order, contract = active_contract(api)
    doc = stub.RenderContractPdf(pb.RenderContractPdfRequest(id=contract.id), metadata=REP1)
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(doc.content)).pages)
    for expected in (
        f"Contract {contract.number}",
        order.number,
        "P-1",
        "500.00 CNY",
        "Net 30.",
        "Warranty / service scope",
    ):
        assert expected in text, expected
    refused(
        lambda: stub.RenderContractPdf(pb.RenderContractPdfRequest(id=contract.id), metadata=rep("rep9")),
        grpc.StatusCode.NOT_FOUND,
        "contract.not_found",
    )


def test_quote_revisions_and_expiry(api):
    api.customer("cust-1")
    stub = api.stub
    p = product(stub)
    q = stub.CreateQuote(
        pb.CreateQuoteRequest(
            quote=pb.QuoteFields(
                customer_id="cust-1",
                currency="CNY",
                valid_until=d(5),
                lines=[pb.LineInput(product_id=p.id, quantity="1")],
            )
        ),
        metadata=REP1,
    ).quote
    assert not q.needs_approval
    q = stub.SendQuote(pb.SendQuoteRequest(id=q.id), metadata=REP1).quote  # no special price: sent directly
    refused(
        lambda: stub.UpdateQuote(
            pb.UpdateQuoteRequest(id=q.id, patch=pb.QuoteFields(terms="x"), update_mask=FieldMask(paths=["terms"])),
            metadata=REP1,
        ),
        grpc.StatusCode.FAILED_PRECONDITION,
        "quote.not_editable",
    )
    q = stub.ReviseQuote(pb.ReviseQuoteRequest(id=q.id), metadata=REP1).quote
    assert (q.status, q.revision) == ("draft", 2)
    q = stub.UpdateQuote(
        pb.UpdateQuoteRequest(
            id=q.id,
            expected_version=q.version,
            patch=pb.QuoteFields(lines=[pb.LineInput(product_id=p.id, quantity="4", discount_percent="30")]),
            update_mask=FieldMask(paths=["lines"]),
        ),
        metadata=REP1,
    ).quote
    assert q.needs_approval and q.lines[0].quantity == "4"
    listed = stub.ListQuotes(pb.ListQuotesRequest(options=pb.ListOptions(filter='status = "draft"')), metadata=REP1)
    assert [(x.id, x.needs_approval, x.revision) for x in listed.quotes] == [(q.id, True, 2)]
    revisions = stub.ListQuoteRevisions(pb.ListQuoteRevisionsRequest(id=q.id), metadata=REP1).revisions
    assert [(r.revision, r.status, r.lines[0].quantity) for r in revisions] == [(1, "sent", "1")]
    # Rejected: back to draft; withdrawn likewise; resubmission restarts.
    stub.SubmitQuote(pb.SubmitQuoteRequest(id=q.id), metadata=REP1)
    refused(
        lambda: stub.RejectRecord(pb.RejectRecordRequest(record_type="quote", record_id=q.id), metadata=MANAGER),
        grpc.StatusCode.INVALID_ARGUMENT,
        "approval.comment_required",
    )
    stub.RejectRecord(pb.RejectRecordRequest(record_type="quote", record_id=q.id, comment="too deep"), metadata=MANAGER)
    assert stub.GetQuote(pb.GetQuoteRequest(id=q.id), metadata=REP1).quote.status == "draft"
    stub.SubmitQuote(pb.SubmitQuoteRequest(id=q.id), metadata=REP1)
    refused(
        lambda: stub.WithdrawRecord(pb.WithdrawRecordRequest(record_type="quote", record_id=q.id), metadata=MANAGER),
        grpc.StatusCode.PERMISSION_DENIED,
        "approval.not_submitter",
    )
    approval = stub.WithdrawRecord(
        pb.WithdrawRecordRequest(record_type="quote", record_id=q.id), metadata=REP1
    ).approval
    assert approval.round == 2 and [e.action for e in approval.history] == [
        "submitted",
        "rejected",
        "submitted",
        "withdrawn",
    ]
    got = stub.GetApproval(pb.GetApprovalRequest(record_type="quote", record_id=q.id), metadata=REP1).approval
    assert got.status == "withdrawn"


def test_targets_and_settings(api):
    stub = api.stub
    target = stub.CreateTarget(
        pb.CreateTargetRequest(
            month="2026-03",
            metric="contract_amount",
            scope_type="user",
            scope_id="rep1",
            value=5_000_000,
            currency="CNY",
        ),
        metadata=MANAGER,
    ).target
    refused(
        lambda: stub.CreateTarget(
            pb.CreateTargetRequest(
                month="2026-03", metric="contract_amount", scope_type="user", scope_id="rep1", value=1, currency="CNY"
            ),
            metadata=MANAGER,
        ),
        grpc.StatusCode.ALREADY_EXISTS,
        "target.exists",
    )
    refused(
        lambda: stub.CreateTarget(
            pb.CreateTargetRequest(month="2026-13", metric="contract_amount", scope_type="company"), metadata=MANAGER
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "target.month_invalid",
    )
    stub.CreateTarget(
        pb.CreateTargetRequest(month="2026-03", metric="new_customers", scope_type="company", value=40),
        metadata=MANAGER,
    )
    updated = stub.UpdateTarget(
        pb.UpdateTargetRequest(id=target.id, expected_version=1, value=6_000_000), metadata=MANAGER
    ).target
    assert (updated.value, updated.currency, updated.version) == (6_000_000, "CNY", 2)
    seen = stub.ListTargets(
        pb.ListTargetsRequest(options=pb.ListOptions(order_by="metric")), metadata=rep("rep2")
    ).targets
    assert [x.metric for x in seen] == ["new_customers"]  # rep1's own target is outside rep2's scope
    assert api.event_types() == ["target_set", "target_set", "target_set"]

    settings = stub.GetSalesSettings(pb.GetSalesSettingsRequest(), metadata=ADMIN).settings
    assert [s.key for s in settings.stages] == ["qualification", "needs_analysis", "proposal", "negotiation"]
    assert settings.discount_approval_percent == "10" and settings.version == 1  # never saved: the defaults
    changed = stub.UpdateSalesSettings(
        pb.UpdateSalesSettingsRequest(
            expected_version=1,
            settings=pb.SalesSettings(
                discount_approval_percent="20",
                payment_grace_days=5,
                flows=[pb.ApprovalFlow(record_type="receipt", steps=[pb.ApprovalStep(name="finance", role="finance")])],
            ),
            update_mask=FieldMask(paths=["discount_approval_percent", "payment_grace_days", "flows"]),
        ),
        metadata=ADMIN,
    ).settings
    receipt_flow = next(f for f in changed.flows if f.record_type == "receipt")
    assert (changed.discount_approval_percent, changed.payment_grace_days, changed.version) == ("20", 5, 2)
    assert receipt_flow.version == 2 and receipt_flow.steps[0].role == "finance"
    refused(
        lambda: stub.UpdateSalesSettings(
            pb.UpdateSalesSettingsRequest(
                expected_version=2,
                settings=pb.SalesSettings(time_zone="Mars/Olympus"),
                update_mask=FieldMask(paths=["time_zone"]),
            ),
            metadata=ADMIN,
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "settings.time_zone_invalid",
    )


def test_receipts_need_an_approved_contract_and_never_exceed_it(api):
    api.customer("cust-1")
    stub = api.stub
    p = product(stub)
    opp = won_opportunity(stub)
    _, _, draft = active_contract_for(api, p, opp)
    stub.CreatePaymentPlan(
        pb.CreatePaymentPlanRequest(
            contract_id=draft.id, instalments=[pb.InstalmentInput(due_date=d(10), amount=cny(50_000))]
        ),
        metadata=REP1,
    )
    plan = stub.GetPaymentPlan(pb.GetPaymentPlanRequest(contract_id=draft.id), metadata=REP1).plan
    assert plan.instalments[0].status == "pending_effective"
    refused(
        lambda: stub.RecordReceipt(
            pb.RecordReceiptRequest(contract_id=draft.id, amount=cny(1_000), received_on=d(0)), metadata=REP1
        ),
        grpc.StatusCode.FAILED_PRECONDITION,
        "receipt.contract_not_approved",
    )
    stub.SubmitContract(pb.SubmitContractRequest(id=draft.id), metadata=REP1)
    stub.ApproveRecord(pb.ApproveRecordRequest(record_type="contract", record_id=draft.id), metadata=MANAGER)
    stub.ApproveRecord(pb.ApproveRecordRequest(record_type="contract", record_id=draft.id), metadata=FINANCE)
    first = stub.RecordReceipt(
        pb.RecordReceiptRequest(contract_id=draft.id, amount=cny(40_000), received_on=d(0)), metadata=REP1
    ).receipt
    refused(
        lambda: stub.RecordReceipt(
            pb.RecordReceiptRequest(contract_id=draft.id, amount=cny(20_000), received_on=d(0)), metadata=REP1
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "receipt.exceeds_contract",
    )
    refused(
        lambda: stub.RecordReceipt(
            pb.RecordReceiptRequest(contract_id=draft.id, amount=cny(1_000), received_on=d(3)), metadata=REP1
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "receipt.received_on_future",
    )
    voided = stub.VoidReceipt(pb.VoidReceiptRequest(id=first.id, reason="bounced"), metadata=REP1).receipt
    assert voided.status == "voided"
    plan = stub.GetPaymentPlan(pb.GetPaymentPlanRequest(contract_id=draft.id), metadata=REP1).plan
    assert (plan.instalments[0].status, plan.received.minor_units) == ("due", 0)
    again = stub.RecordReceipt(
        pb.RecordReceiptRequest(contract_id=draft.id, amount=cny(50_000), received_on=d(0)), metadata=REP1
    )
    assert again.receipt.allocations[0].amount.minor_units == 50_000
    plan = stub.GetPaymentPlan(pb.GetPaymentPlanRequest(contract_id=draft.id), metadata=REP1).plan
    assert plan.instalments[0].status == "completed"


def test_lifecycle_actions_of_catalogue_orders_contracts_plans_and_invoices(api):
    api.customer("cust-1")
    stub = api.stub
    p, order, contract = active_contract(api)
    other = product(stub, "P-2")

    # Catalogue edits: a taken SKU is refused; tiers are replaced whole.
    refused(
        lambda: stub.UpdateProduct(
            pb.UpdateProductRequest(
                id=other.id, patch=pb.ProductFields(sku="p-1"), update_mask=FieldMask(paths=["sku"])
            ),
            metadata=ADMIN,
        ),
        grpc.StatusCode.ALREADY_EXISTS,
        "product.sku_taken",
    )
    repriced = stub.UpdateProduct(
        pb.UpdateProductRequest(
            id=other.id,
            expected_version=1,
            patch=pb.ProductFields(list_price=cny(12_345)),
            update_mask=FieldMask(paths=["list_price"]),
        ),
        metadata=ADMIN,
    ).product
    assert (repriced.list_price.minor_units, repriced.version) == (12_345, 2)
    pl = stub.CreatePriceList(
        pb.CreatePriceListRequest(
            price_list=pb.PriceListFields(
                name="Promo", currency="CNY", effective_from=d(0), active=True,
                tiers=[pb.PriceTier(product_id=other.id, unit_price=cny(9_000))],
            )
        ),
        metadata=ADMIN,
    ).price_list  # fmt: skip
    assert pl.tiers[0].min_quantity == "1"
    pl = stub.UpdatePriceList(
        pb.UpdatePriceListRequest(
            id=pl.id,
            expected_version=1,
            patch=pb.PriceListFields(
                tiers=[pb.PriceTier(product_id=other.id, min_quantity="5", unit_price=cny(8_000))]
            ),
            update_mask=FieldMask(paths=["tiers"]),
        ),
        metadata=ADMIN,
    ).price_list
    assert [(x.min_quantity, x.unit_price.minor_units) for x in pl.tiers] == [("5", 8_000)]
    usd = pb.PriceTier(product_id=other.id, unit_price=money_pb2.Money(currency_code="USD", minor_units=1))
    refused(
        lambda: stub.UpdatePriceList(
            pb.UpdatePriceListRequest(
                id=pl.id, patch=pb.PriceListFields(tiers=[usd]), update_mask=FieldMask(paths=["tiers"])
            ),
            metadata=ADMIN,
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "currency_mismatch",
    )
    refused(
        lambda: stub.UpdatePriceList(
            pb.UpdatePriceListRequest(
                id=pl.id, patch=pb.PriceListFields(effective_to=d(-5)), update_mask=FieldMask(paths=["effective_to"])
            ),
            metadata=ADMIN,
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "price_list.period_invalid",
    )

    # Orders: fulfil a confirmed one; cancel needs a reason and not after fulfilment.
    refused(
        lambda: stub.CancelOrder(pb.CancelOrderRequest(id=order.id), metadata=REP1),
        grpc.StatusCode.INVALID_ARGUMENT,
        "reason_required",
    )
    fulfilled = stub.FulfilOrder(pb.FulfilOrderRequest(id=order.id), metadata=REP1).order
    assert fulfilled.status == "fulfilled" and fulfilled.fulfilled_at.seconds > 0
    refused(
        lambda: stub.CancelOrder(pb.CancelOrderRequest(id=order.id, reason="x"), metadata=REP1),
        grpc.StatusCode.FAILED_PRECONDITION,
        "order.not_cancelable",
    )

    # Coverage from the product's warranty; renewals due within the lead time.
    assert [c.product_id for c in contract.coverage] == [p.id]
    due = stub.ListRenewalsDue(pb.ListRenewalsDueRequest(as_of=d(180), days_before=30), metadata=REP1).contracts
    assert [c.id for c in due] == [contract.id]
    assert not stub.ListRenewalsDue(pb.ListRenewalsDueRequest(as_of=d(100), days_before=30), metadata=REP1).contracts
    assert not stub.ListRenewalsDue(
        pb.ListRenewalsDueRequest(as_of=d(180), days_before=30), metadata=rep("rep2")
    ).contracts

    # Plan: instalments with receipts stay when the plan changes (S10).
    plan = stub.CreatePaymentPlan(
        pb.CreatePaymentPlanRequest(
            contract_id=contract.id,
            instalments=[
                pb.InstalmentInput(due_date=d(10), amount=cny(20_000)),
                pb.InstalmentInput(due_date=d(40), amount=cny(30_000)),
            ],
        ),
        metadata=REP1,
    ).plan
    stub.RecordReceipt(
        pb.RecordReceiptRequest(contract_id=contract.id, amount=cny(5_000), received_on=d(0)), metadata=REP1
    )
    replanned = stub.UpdatePaymentPlan(
        pb.UpdatePaymentPlanRequest(
            id=plan.id,
            expected_version=plan.version,
            instalments=[
                pb.InstalmentInput(due_date=d(50), amount=cny(15_000)),
                pb.InstalmentInput(due_date=d(80), amount=cny(15_000)),
            ],
        ),
        metadata=REP1,
    ).plan
    assert [(i.due_date, i.amount.minor_units, i.received.minor_units) for i in replanned.instalments] == [
        (d(10), 20_000, 5_000),
        (d(50), 15_000, 0),
        (d(80), 15_000, 0),
    ]
    assert replanned.instalments[0].id == plan.instalments[0].id
    refused(
        lambda: stub.UpdatePaymentPlan(
            pb.UpdatePaymentPlanRequest(id=plan.id, instalments=[pb.InstalmentInput(due_date=d(50), amount=cny(1))]),
            metadata=REP1,
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "plan.total_mismatch",
    )

    # Invoice: void an issued one with a reason; then its amount is free again.
    invoice = stub.RequestInvoice(
        pb.RequestInvoiceRequest(contract_id=contract.id, amount=cny(50_000), billing=pb.BillingProfile(title="Acme")),
        metadata=REP1,
    ).invoice
    invoice = stub.IssueInvoice(pb.IssueInvoiceRequest(id=invoice.id, invoice_number="F-1"), metadata=REP1).invoice
    voided = stub.VoidInvoice(pb.VoidInvoiceRequest(id=invoice.id, reason="wrong title"), metadata=REP1).invoice
    assert (voided.status, voided.void_reason) == ("void", "wrong title")
    again = stub.RequestInvoice(
        pb.RequestInvoiceRequest(
            contract_id=contract.id, amount=cny(50_000), billing=pb.BillingProfile(title="Acme Ltd")
        ),
        metadata=REP1,
    ).invoice
    assert again.billing.title == "Acme Ltd" and again.status == "approved"

    # Termination ends the contract; its open instalments become void.
    ended = stub.TerminateContract(
        pb.TerminateContractRequest(id=contract.id, reason="customer insolvent"), metadata=REP1
    ).contract
    assert (ended.status, ended.termination_reason) == ("terminated", "customer insolvent")
    after = stub.GetPaymentPlan(pb.GetPaymentPlanRequest(id=plan.id), metadata=REP1).plan
    assert [i.status for i in after.instalments] == ["void", "void", "void"]
    assert api.event_types()[-1] == "contract_terminated"
