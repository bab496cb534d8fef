"""SalesService: proto in, use case, proto out. No rules here."""

from __future__ import annotations

from decimal import Decimal

from crm.common.v1 import paging_pb2
from crm.sales.v1 import sales_service_pb2 as pb
from crm.sales.v1 import sales_service_pb2_grpc as pb_grpc
from crm_chassis import identity
from sales.documents import pdf
from sales.domain.commands import (
    approvals,
    catalogue,
    contracts,
    documents,
    invoices,
    opportunities,
    orders,
    payments,
    quotes,
    targets,
)
from sales.domain.commands import settings as settings_cmd
from sales.domain.commands.base import UowFactory
from sales.grpc_api import mapping as m


def _page(options: pb.ListOptions) -> dict[str, object]:
    return {
        "limit": options.page.limit,
        "cursor": options.page.cursor,
        "filter": options.filter,
        "order_by": options.order_by,
    }


def _next(cursor: str) -> paging_pb2.PageResponse:
    return paging_pb2.PageResponse(next_cursor=cursor)


class SalesServicer(pb_grpc.SalesServiceServicer):
    def __init__(self, uow_factory: UowFactory, template: pdf.DocumentTemplate) -> None:
        self.uow = uow_factory
        self.template = template

    # -- catalogue ---------------------------------------------------------------------------
    def CreateProduct(self, request, context):  # type: ignore[no-untyped-def]
        product = catalogue.create_product(self.uow, identity.current(), m.product_fields(request.product))
        return pb.CreateProductResponse(product=m.product_to_proto(product))

    def GetProduct(self, request, context):  # type: ignore[no-untyped-def]
        return pb.GetProductResponse(
            product=m.product_to_proto(catalogue.get_product(self.uow, identity.current(), request.id))
        )

    def ListProducts(self, request, context):  # type: ignore[no-untyped-def]
        page = catalogue.list_products(self.uow, identity.current(), **_page(request.options))
        return pb.ListProductsResponse(
            products=[m.product_to_proto(p) for p in page.items], page=_next(page.next_cursor)
        )

    def UpdateProduct(self, request, context):  # type: ignore[no-untyped-def]
        paths = m.paths_of(request.update_mask)
        if "list_price" in paths:
            paths.append("currency")
        product = catalogue.update_product(
            self.uow,
            identity.current(),
            request.id,
            expected_version=request.expected_version,
            patch=m.product_fields(request.patch),
            paths=paths,
        )
        return pb.UpdateProductResponse(product=m.product_to_proto(product))

    def CreatePriceList(self, request, context):  # type: ignore[no-untyped-def]
        price_list = catalogue.create_price_list(self.uow, identity.current(), m.price_list_fields(request.price_list))
        return pb.CreatePriceListResponse(price_list=m.price_list_to_proto(price_list))

    def GetPriceList(self, request, context):  # type: ignore[no-untyped-def]
        price_list = catalogue.get_price_list(self.uow, identity.current(), request.id)
        return pb.GetPriceListResponse(price_list=m.price_list_to_proto(price_list))

    def ListPriceLists(self, request, context):  # type: ignore[no-untyped-def]
        page = catalogue.list_price_lists(self.uow, identity.current(), **_page(request.options))
        return pb.ListPriceListsResponse(
            price_lists=[m.price_list_to_proto(p) for p in page.items], page=_next(page.next_cursor)
        )

    def UpdatePriceList(self, request, context):  # type: ignore[no-untyped-def]
        price_list = catalogue.update_price_list(
            self.uow,
            identity.current(),
            request.id,
            expected_version=request.expected_version,
            patch=m.price_list_fields(request.patch),
            paths=m.paths_of(request.update_mask),
        )
        return pb.UpdatePriceListResponse(price_list=m.price_list_to_proto(price_list))

    def ResolvePrice(self, request, context):  # type: ignore[no-untyped-def]
        product, resolution = catalogue.resolve_price(
            self.uow,
            identity.current(),
            customer_id=request.customer_id,
            product_id=request.product_id,
            quantity=request.quantity,
            on=m.date_of(request.on_date, "on_date"),
            currency_code=request.currency,
        )
        code = request.currency.upper() or product.currency
        return pb.ResolvePriceResponse(
            product=m.product_to_proto(product), resolution=m.resolution_to_proto(resolution, code)
        )

    # -- opportunities -----------------------------------------------------------------------
    def CreateOpportunity(self, request, context):  # type: ignore[no-untyped-def]
        opp = opportunities.create_opportunity(self.uow, identity.current(), m.opportunity_fields(request.opportunity))
        return pb.CreateOpportunityResponse(opportunity=m.opportunity_to_proto(opp))

    def GetOpportunity(self, request, context):  # type: ignore[no-untyped-def]
        opp, history = opportunities.get_opportunity(self.uow, identity.current(), request.id)
        return pb.GetOpportunityResponse(
            opportunity=m.opportunity_to_proto(opp), stage_history=[m.stage_change_to_proto(h) for h in history]
        )

    def ListOpportunities(self, request, context):  # type: ignore[no-untyped-def]
        page = opportunities.list_opportunities(self.uow, identity.current(), **_page(request.options))
        return pb.ListOpportunitiesResponse(
            opportunities=[m.opportunity_to_proto(o) for o in page.items], page=_next(page.next_cursor)
        )

    def UpdateOpportunity(self, request, context):  # type: ignore[no-untyped-def]
        paths = m.paths_of(request.update_mask)
        if "amount" in paths:
            paths.append("currency")
        opp = opportunities.update_opportunity(
            self.uow,
            identity.current(),
            request.id,
            expected_version=request.expected_version,
            patch=m.opportunity_fields(request.patch),
            paths=paths,
        )
        return pb.UpdateOpportunityResponse(opportunity=m.opportunity_to_proto(opp))

    def ChangeOpportunityStage(self, request, context):  # type: ignore[no-untyped-def]
        opp = opportunities.change_stage(
            self.uow,
            identity.current(),
            request.id,
            to_stage=request.to_stage,
            probability=request.probability if request.HasField("probability") else None,
            expected_version=request.expected_version,
        )
        return pb.ChangeOpportunityStageResponse(opportunity=m.opportunity_to_proto(opp))

    def WinOpportunity(self, request, context):  # type: ignore[no-untyped-def]
        amount = Decimal(request.amount.minor_units) if request.HasField("amount") else None
        opp = opportunities.win(
            self.uow, identity.current(), request.id, amount=amount, expected_version=request.expected_version
        )
        return pb.WinOpportunityResponse(opportunity=m.opportunity_to_proto(opp))

    def LoseOpportunity(self, request, context):  # type: ignore[no-untyped-def]
        opp = opportunities.lose(
            self.uow,
            identity.current(),
            request.id,
            reason=request.lost_reason,
            expected_version=request.expected_version,
        )
        return pb.LoseOpportunityResponse(opportunity=m.opportunity_to_proto(opp))

    def ReopenOpportunity(self, request, context):  # type: ignore[no-untyped-def]
        opp = opportunities.reopen(
            self.uow,
            identity.current(),
            request.id,
            reason=request.reason,
            to_stage=request.to_stage,
            expected_version=request.expected_version,
        )
        return pb.ReopenOpportunityResponse(opportunity=m.opportunity_to_proto(opp))

    # -- quotes ------------------------------------------------------------------------------
    def _quote(self, q, caller=None):  # type: ignore[no-untyped-def]
        _, day, threshold = quotes.get_quote(self.uow, caller or identity.current(), q.id)
        return m.quote_to_proto(q, today=day, threshold=threshold)

    def CreateQuote(self, request, context):  # type: ignore[no-untyped-def]
        q = quotes.create_quote(
            self.uow, identity.current(), m.quote_fields(request.quote), m.line_inputs(request.quote.lines)
        )
        return pb.CreateQuoteResponse(quote=self._quote(q))

    def GetQuote(self, request, context):  # type: ignore[no-untyped-def]
        q, day, threshold = quotes.get_quote(self.uow, identity.current(), request.id)
        return pb.GetQuoteResponse(quote=m.quote_to_proto(q, today=day, threshold=threshold))

    def ListQuotes(self, request, context):  # type: ignore[no-untyped-def]
        page, day, threshold = quotes.list_quotes(self.uow, identity.current(), **_page(request.options))
        return pb.ListQuotesResponse(
            quotes=[m.quote_to_proto(q, today=day, threshold=threshold) for q in page.items],
            page=_next(page.next_cursor),
        )

    def UpdateQuote(self, request, context):  # type: ignore[no-untyped-def]
        q = quotes.update_quote(
            self.uow,
            identity.current(),
            request.id,
            expected_version=request.expected_version,
            patch=m.quote_fields(request.patch),
            paths=m.paths_of(request.update_mask),
            lines=m.line_inputs(request.patch.lines),
        )
        return pb.UpdateQuoteResponse(quote=self._quote(q))

    def SubmitQuote(self, request, context):  # type: ignore[no-untyped-def]
        q, approval = quotes.submit_quote(
            self.uow, identity.current(), request.id, comment=request.comment, expected_version=request.expected_version
        )
        return pb.SubmitQuoteResponse(quote=self._quote(q), approval=m.approval_to_proto(approval))

    def SendQuote(self, request, context):  # type: ignore[no-untyped-def]
        q = quotes.send_quote(self.uow, identity.current(), request.id, expected_version=request.expected_version)
        return pb.SendQuoteResponse(quote=self._quote(q))

    def AcceptQuote(self, request, context):  # type: ignore[no-untyped-def]
        q, order = quotes.accept_quote(
            self.uow, identity.current(), request.id, expected_version=request.expected_version
        )
        return pb.AcceptQuoteResponse(quote=self._quote(q), order=m.order_to_proto(order))

    def DeclineQuote(self, request, context):  # type: ignore[no-untyped-def]
        q = quotes.decline_quote(self.uow, identity.current(), request.id, expected_version=request.expected_version)
        return pb.DeclineQuoteResponse(quote=self._quote(q))

    def ReviseQuote(self, request, context):  # type: ignore[no-untyped-def]
        q = quotes.revise_quote(self.uow, identity.current(), request.id, expected_version=request.expected_version)
        return pb.ReviseQuoteResponse(quote=self._quote(q))

    def ListQuoteRevisions(self, request, context):  # type: ignore[no-untyped-def]
        revisions = quotes.list_revisions(self.uow, identity.current(), request.id)
        return pb.ListQuoteRevisionsResponse(revisions=[m.quote_to_proto(q) for q in revisions])

    def RenderQuotePdf(self, request, context):  # type: ignore[no-untyped-def]
        doc = documents.quote_document(self.uow, identity.current(), request.id)
        content = pdf.render_quote(doc.quote, customer_name=doc.customer_name, today=doc.today, template=self.template)
        return pb.RenderQuotePdfResponse(
            filename=f"{doc.quote.number}-r{doc.quote.revision}.pdf", content_type="application/pdf", content=content
        )

    # -- orders ------------------------------------------------------------------------------
    def CreateOrder(self, request, context):  # type: ignore[no-untyped-def]
        order = orders.create_order(
            self.uow, identity.current(), m.order_fields(request.order), m.line_inputs(request.order.lines)
        )
        return pb.CreateOrderResponse(order=m.order_to_proto(order))

    def GetOrder(self, request, context):  # type: ignore[no-untyped-def]
        return pb.GetOrderResponse(order=m.order_to_proto(orders.get_order(self.uow, identity.current(), request.id)))

    def ListOrders(self, request, context):  # type: ignore[no-untyped-def]
        page = orders.list_orders(self.uow, identity.current(), **_page(request.options))
        return pb.ListOrdersResponse(orders=[m.order_to_proto(o) for o in page.items], page=_next(page.next_cursor))

    def UpdateOrder(self, request, context):  # type: ignore[no-untyped-def]
        order = orders.update_order(
            self.uow,
            identity.current(),
            request.id,
            expected_version=request.expected_version,
            patch=m.order_fields(request.patch),
            paths=m.paths_of(request.update_mask),
            lines=m.line_inputs(request.patch.lines),
        )
        return pb.UpdateOrderResponse(order=m.order_to_proto(order))

    def ConfirmOrder(self, request, context):  # type: ignore[no-untyped-def]
        order = orders.confirm_order(
            self.uow, identity.current(), request.id, expected_version=request.expected_version
        )
        return pb.ConfirmOrderResponse(order=m.order_to_proto(order))

    def FulfilOrder(self, request, context):  # type: ignore[no-untyped-def]
        order = orders.fulfil_order(self.uow, identity.current(), request.id, expected_version=request.expected_version)
        return pb.FulfilOrderResponse(order=m.order_to_proto(order))

    def CancelOrder(self, request, context):  # type: ignore[no-untyped-def]
        order = orders.cancel_order(
            self.uow, identity.current(), request.id, reason=request.reason, expected_version=request.expected_version
        )
        return pb.CancelOrderResponse(order=m.order_to_proto(order))

    # -- contracts ---------------------------------------------------------------------------
    def CreateContract(self, request, context):  # type: ignore[no-untyped-def]
        contract = contracts.create_contract(self.uow, identity.current(), m.contract_fields(request.contract))
        return pb.CreateContractResponse(contract=m.contract_to_proto(contract))

    def GetContract(self, request, context):  # type: ignore[no-untyped-def]
        contract = contracts.get_contract(self.uow, identity.current(), request.id)
        return pb.GetContractResponse(contract=m.contract_to_proto(contract))

    def ListContracts(self, request, context):  # type: ignore[no-untyped-def]
        page = contracts.list_contracts(self.uow, identity.current(), **_page(request.options))
        return pb.ListContractsResponse(
            contracts=[m.contract_to_proto(c) for c in page.items], page=_next(page.next_cursor)
        )

    def UpdateContract(self, request, context):  # type: ignore[no-untyped-def]
        contract = contracts.update_contract(
            self.uow,
            identity.current(),
            request.id,
            expected_version=request.expected_version,
            patch=m.contract_fields(request.patch),
            paths=m.paths_of(request.update_mask),
        )
        return pb.UpdateContractResponse(contract=m.contract_to_proto(contract))

    def SubmitContract(self, request, context):  # type: ignore[no-untyped-def]
        contract, approval = contracts.submit_contract(
            self.uow, identity.current(), request.id, comment=request.comment, expected_version=request.expected_version
        )
        return pb.SubmitContractResponse(contract=m.contract_to_proto(contract), approval=m.approval_to_proto(approval))

    def SignContract(self, request, context):  # type: ignore[no-untyped-def]
        contract = contracts.sign_contract(
            self.uow,
            identity.current(),
            request.id,
            signed_on=m.date_of(request.signed_on, "signed_on"),
            expected_version=request.expected_version,
        )
        return pb.SignContractResponse(contract=m.contract_to_proto(contract))

    def TerminateContract(self, request, context):  # type: ignore[no-untyped-def]
        contract = contracts.terminate_contract(
            self.uow, identity.current(), request.id, reason=request.reason, expected_version=request.expected_version
        )
        return pb.TerminateContractResponse(contract=m.contract_to_proto(contract))

    def RenderContractPdf(self, request, context):  # type: ignore[no-untyped-def]
        doc = documents.contract_document(self.uow, identity.current(), request.id)
        content = pdf.render_contract(
            doc.contract,
            customer_name=doc.customer_name,
            lines=doc.lines,
            tax_rate=doc.tax_rate,
            order_numbers=doc.order_numbers,
            product_names=doc.product_names,
            today=doc.today,
            template=self.template,
        )
        return pb.RenderContractPdfResponse(
            filename=f"{doc.contract.number}.pdf", content_type="application/pdf", content=content
        )

    def ListRenewalsDue(self, request, context):  # type: ignore[no-untyped-def]
        due = contracts.renewals_due(
            self.uow,
            identity.current(),
            as_of=m.date_of(request.as_of, "as_of"),
            days_before=request.days_before if request.HasField("days_before") else None,
        )
        return pb.ListRenewalsDueResponse(contracts=[m.contract_to_proto(c) for c in due])

    # -- approvals ---------------------------------------------------------------------------
    def _decide(self, request, action):  # type: ignore[no-untyped-def]
        return approvals.decide(
            self.uow,
            identity.current(),
            record_type=request.record_type,
            record_id=request.record_id,
            action=action,
            comment=request.comment,
            expected_version=request.expected_version,
        )

    def ApproveRecord(self, request, context):  # type: ignore[no-untyped-def]
        return pb.ApproveRecordResponse(approval=m.approval_to_proto(self._decide(request, "approve")))

    def RejectRecord(self, request, context):  # type: ignore[no-untyped-def]
        return pb.RejectRecordResponse(approval=m.approval_to_proto(self._decide(request, "reject")))

    def WithdrawRecord(self, request, context):  # type: ignore[no-untyped-def]
        return pb.WithdrawRecordResponse(approval=m.approval_to_proto(self._decide(request, "withdraw")))

    def GetApproval(self, request, context):  # type: ignore[no-untyped-def]
        approval = approvals.get_approval(
            self.uow, identity.current(), record_type=request.record_type, record_id=request.record_id
        )
        return pb.GetApprovalResponse(approval=m.approval_to_proto(approval))

    def ListPendingApprovals(self, request, context):  # type: ignore[no-untyped-def]
        page = approvals.list_pending(
            self.uow, identity.current(), limit=request.page.limit, cursor=request.page.cursor
        )
        return pb.ListPendingApprovalsResponse(
            items=[
                pb.PendingApproval(approval=m.approval_to_proto(i.approval), owner_id=i.owner_id, summary=i.summary)
                for i in page.items
            ],
            page=_next(page.next_cursor),
        )

    # -- payments ----------------------------------------------------------------------------
    def CreatePaymentPlan(self, request, context):  # type: ignore[no-untyped-def]
        view = payments.create_plan(
            self.uow,
            identity.current(),
            request.contract_id,
            m.instalment_inputs(request.instalments),
            order_id=request.order_id,
        )
        return pb.CreatePaymentPlanResponse(plan=m.plan_to_proto(view.plan, view))

    def GetPaymentPlan(self, request, context):  # type: ignore[no-untyped-def]
        view = payments.get_plan(
            self.uow,
            identity.current(),
            plan_id=request.id,
            contract_id=request.contract_id,
            as_of=m.date_of(request.as_of, "as_of"),
            order_id=request.order_id,
        )
        return pb.GetPaymentPlanResponse(plan=m.plan_to_proto(view.plan, view))

    def ListPaymentPlans(self, request, context):  # type: ignore[no-untyped-def]
        page = payments.list_plans(self.uow, identity.current(), **_page(request.options))
        return pb.ListPaymentPlansResponse(plans=[m.plan_to_proto(p) for p in page.items], page=_next(page.next_cursor))

    def UpdatePaymentPlan(self, request, context):  # type: ignore[no-untyped-def]
        view = payments.update_plan(
            self.uow,
            identity.current(),
            request.id,
            expected_version=request.expected_version,
            instalments=m.instalment_inputs(request.instalments),
        )
        return pb.UpdatePaymentPlanResponse(plan=m.plan_to_proto(view.plan, view))

    def RecordReceipt(self, request, context):  # type: ignore[no-untyped-def]
        receipt = payments.record_receipt(
            self.uow,
            identity.current(),
            contract_id=request.contract_id,
            amount=Decimal(request.amount.minor_units),
            received_on=m.date_of(request.received_on, "received_on"),
            method=request.method,
            reference=request.reference,
            note=request.note,
            allocations=m.allocations_of(request.allocations),
            order_id=request.order_id,
        )
        return pb.RecordReceiptResponse(receipt=m.receipt_to_proto(receipt))

    def GetReceipt(self, request, context):  # type: ignore[no-untyped-def]
        return pb.GetReceiptResponse(
            receipt=m.receipt_to_proto(payments.get_receipt(self.uow, identity.current(), request.id))
        )

    def ListReceipts(self, request, context):  # type: ignore[no-untyped-def]
        page = payments.list_receipts(self.uow, identity.current(), **_page(request.options))
        return pb.ListReceiptsResponse(
            receipts=[m.receipt_to_proto(r) for r in page.items], page=_next(page.next_cursor)
        )

    def UpdateReceipt(self, request, context):  # type: ignore[no-untyped-def]
        patch = {"method": request.patch.method, "reference": request.patch.reference, "note": request.patch.note}
        receipt = payments.update_receipt(
            self.uow,
            identity.current(),
            request.id,
            expected_version=request.expected_version,
            patch=patch,
            paths=m.paths_of(request.update_mask),
        )
        return pb.UpdateReceiptResponse(receipt=m.receipt_to_proto(receipt))

    def VoidReceipt(self, request, context):  # type: ignore[no-untyped-def]
        receipt = payments.void_receipt(
            self.uow, identity.current(), request.id, reason=request.reason, expected_version=request.expected_version
        )
        return pb.VoidReceiptResponse(receipt=m.receipt_to_proto(receipt))

    # -- invoices ----------------------------------------------------------------------------
    def RequestInvoice(self, request, context):  # type: ignore[no-untyped-def]
        invoice = invoices.request_invoice(
            self.uow,
            identity.current(),
            contract_id=request.contract_id,
            amount=Decimal(request.amount.minor_units),
            tax_rate=request.tax_rate,
            billing=m.billing_of(request.billing),
            order_id=request.order_id,
            receipt_id=request.receipt_id,
            note=request.note,
        )
        return pb.RequestInvoiceResponse(invoice=m.invoice_to_proto(invoice))

    def GetInvoice(self, request, context):  # type: ignore[no-untyped-def]
        return pb.GetInvoiceResponse(
            invoice=m.invoice_to_proto(invoices.get_invoice(self.uow, identity.current(), request.id))
        )

    def ListInvoices(self, request, context):  # type: ignore[no-untyped-def]
        page = invoices.list_invoices(self.uow, identity.current(), **_page(request.options))
        return pb.ListInvoicesResponse(
            invoices=[m.invoice_to_proto(i) for i in page.items], page=_next(page.next_cursor)
        )

    def UpdateInvoice(self, request, context):  # type: ignore[no-untyped-def]
        invoice = invoices.update_invoice(
            self.uow,
            identity.current(),
            request.id,
            expected_version=request.expected_version,
            patch={"billing": m.billing_of(request.patch.billing), "note": request.patch.note},
            paths=m.paths_of(request.update_mask),
        )
        return pb.UpdateInvoiceResponse(invoice=m.invoice_to_proto(invoice))

    def IssueInvoice(self, request, context):  # type: ignore[no-untyped-def]
        invoice = invoices.issue_invoice(
            self.uow,
            identity.current(),
            request.id,
            invoice_number=request.invoice_number,
            issued_on=m.date_of(request.issued_on, "issued_on"),
            expected_version=request.expected_version,
        )
        return pb.IssueInvoiceResponse(invoice=m.invoice_to_proto(invoice))

    def VoidInvoice(self, request, context):  # type: ignore[no-untyped-def]
        invoice = invoices.void_invoice(
            self.uow, identity.current(), request.id, reason=request.reason, expected_version=request.expected_version
        )
        return pb.VoidInvoiceResponse(invoice=m.invoice_to_proto(invoice))

    # -- targets -----------------------------------------------------------------------------
    def CreateTarget(self, request, context):  # type: ignore[no-untyped-def]
        target = targets.create_target(
            self.uow,
            identity.current(),
            month=request.month,
            metric=request.metric,
            scope_type=request.scope_type,
            scope_id=request.scope_id,
            value=Decimal(request.value),
            currency_code=request.currency,
        )
        return pb.CreateTargetResponse(target=m.target_to_proto(target))

    def GetTarget(self, request, context):  # type: ignore[no-untyped-def]
        return pb.GetTargetResponse(
            target=m.target_to_proto(targets.get_target(self.uow, identity.current(), request.id))
        )

    def ListTargets(self, request, context):  # type: ignore[no-untyped-def]
        page = targets.list_targets(self.uow, identity.current(), **_page(request.options))
        return pb.ListTargetsResponse(targets=[m.target_to_proto(t) for t in page.items], page=_next(page.next_cursor))

    def UpdateTarget(self, request, context):  # type: ignore[no-untyped-def]
        target = targets.update_target(
            self.uow,
            identity.current(),
            request.id,
            value=Decimal(request.value),
            currency_code=request.currency,
            expected_version=request.expected_version,
        )
        return pb.UpdateTargetResponse(target=m.target_to_proto(target))

    # -- settings ----------------------------------------------------------------------------
    def GetSalesSettings(self, request, context):  # type: ignore[no-untyped-def]
        return pb.GetSalesSettingsResponse(
            settings=m.settings_to_proto(settings_cmd.get_settings(self.uow, identity.current()))
        )

    def UpdateSalesSettings(self, request, context):  # type: ignore[no-untyped-def]
        updated = settings_cmd.update_settings(
            self.uow,
            identity.current(),
            expected_version=request.expected_version,
            patch=m.settings_patch(request.settings),
            paths=m.paths_of(request.update_mask),
        )
        return pb.UpdateSalesSettingsResponse(settings=m.settings_to_proto(updated))
