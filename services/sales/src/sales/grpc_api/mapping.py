"""Proto <-> domain translation for the sales API (also used for event payloads)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from google.protobuf.timestamp_pb2 import Timestamp

from crm.common.v1 import money_pb2
from crm.sales.v1 import sales_service_pb2 as pb
from crm_chassis import approvals as ap
from crm_chassis.errors import InvalidArgument
from sales.domain import catalogue as cat
from sales.domain import contract as ct
from sales.domain import invoice as iv
from sales.domain import opportunity as op
from sales.domain import order as od
from sales.domain import payments as pm
from sales.domain import quote as qt
from sales.domain import settings as st
from sales.domain import target as tg
from sales.domain.commands.payments import PlanView
from sales.domain.common import parse_date
from sales.domain.lines import Line, LineInput, Totals

# -- scalars ------------------------------------------------------------------------------------


def ts(value: datetime | None) -> Timestamp | None:
    if value is None:
        return None
    out = Timestamp()
    out.FromDatetime(value)
    return out


def day(value: date | None) -> str:
    return "" if value is None else value.isoformat()


def dec_text(value: Decimal | None) -> str:
    return "" if value is None else f"{value.normalize():f}"


def money(amount: Decimal, currency: str) -> money_pb2.Money:
    return money_pb2.Money(currency_code=currency, minor_units=int(amount))


def amount_of(m: money_pb2.Money, field: str, *, currency: str | None = None) -> Decimal:
    """The amount of a Money in minor units; its currency must be `currency` when given."""
    if currency is not None and m.currency_code and m.currency_code.upper() != currency:
        raise InvalidArgument(
            f"{field} is in {m.currency_code}, expected {currency}", code="currency_mismatch", field=field
        )
    return Decimal(m.minor_units)


def date_of(text: str, field: str) -> date | None:
    return parse_date(text, field)


def paths_of(mask) -> list[str]:  # type: ignore[no-untyped-def]
    return list(mask.paths)


# -- catalogue ----------------------------------------------------------------------------------


def product_to_proto(p: cat.Product) -> pb.Product:
    return pb.Product(
        id=p.id,
        sku=p.sku,
        name=p.name,
        category=p.category,
        unit=p.unit,
        list_price=money(p.list_price, p.currency),
        warranty_months=p.warranty_months,
        active=p.active,
        version=p.version,
        created_at=ts(p.created_at),
        updated_at=ts(p.updated_at),
    )


def product_fields(f: pb.ProductFields) -> dict[str, object]:
    return {
        "sku": f.sku,
        "name": f.name,
        "category": f.category,
        "unit": f.unit,
        "list_price": Decimal(f.list_price.minor_units),
        "currency": f.list_price.currency_code,
        "warranty_months": f.warranty_months,
        "active": f.active,
    }


def price_list_to_proto(p: cat.PriceList) -> pb.PriceList:
    return pb.PriceList(
        id=p.id,
        name=p.name,
        currency=p.currency,
        customer_classification=p.customer_classification,
        region=p.region,
        effective_from=day(p.effective_from),
        effective_to=day(p.effective_to),
        active=p.active,
        tiers=[
            pb.PriceTier(
                product_id=t.product_id,
                min_quantity=dec_text(t.min_quantity),
                unit_price=money(t.unit_price, p.currency),
            )
            for t in p.tiers
        ],
        version=p.version,
        created_at=ts(p.created_at),
        updated_at=ts(p.updated_at),
    )


def price_list_fields(f: pb.PriceListFields) -> dict[str, object]:
    """The fields; each tier carries its price's currency, checked against the list's by the use case."""
    return {
        "name": f.name,
        "currency": f.currency,
        "customer_classification": f.customer_classification,
        "region": f.region,
        "effective_from": date_of(f.effective_from, "effective_from"),
        "effective_to": date_of(f.effective_to, "effective_to"),
        "active": f.active,
        "tiers": [
            (t.product_id, t.min_quantity, Decimal(t.unit_price.minor_units), t.unit_price.currency_code.upper())
            for t in f.tiers
        ],
    }


def resolution_to_proto(r: cat.PriceResolution, currency: str) -> pb.PriceResolution:
    return pb.PriceResolution(
        unit_price=money(r.unit_price, currency),
        source=r.source,
        price_list_id=r.price_list_id,
        price_list_name=r.price_list_name,
        tier_min_quantity=dec_text(r.tier_min_quantity),
        reason=r.reason,
    )


# -- lines --------------------------------------------------------------------------------------


def line_inputs(lines) -> list[LineInput]:  # type: ignore[no-untyped-def]
    return [LineInput(x.product_id, x.quantity, x.discount_percent, x.description) for x in lines]


def line_to_proto(ln: Line, currency: str) -> pb.Line:
    return pb.Line(
        product_id=ln.product_id,
        sku=ln.sku,
        name=ln.name,
        unit=ln.unit,
        description=ln.description,
        quantity=dec_text(ln.quantity),
        unit_price=money(ln.unit_price, currency),
        discount_percent=dec_text(ln.discount_percent),
        gross=money(ln.gross, currency),
        discount=money(ln.discount, currency),
        net=money(ln.net, currency),
        price_source=ln.price_source,
        price_list_id=ln.price_list_id,
        tier_min_quantity=dec_text(ln.tier_min_quantity),
        price_reason=ln.price_reason,
        warranty_months=ln.warranty_months,
    )


def totals_to_proto(t: Totals, currency: str) -> pb.Totals:
    return pb.Totals(
        subtotal=money(t.subtotal, currency),
        discount=money(t.discount, currency),
        net=money(t.net, currency),
        tax=money(t.tax, currency),
        total=money(t.total, currency),
    )


# -- opportunities ------------------------------------------------------------------------------


def competitor_to_proto(c: op.Competitor, currency: str) -> pb.Competitor:
    out = pb.Competitor(name=c.name, strengths=c.strengths)
    if c.price is not None:
        out.price.CopyFrom(money(c.price, currency))
    return out


def competitors_of(items, currency: str) -> list[op.Competitor]:  # type: ignore[no-untyped-def]
    return [
        op.Competitor(
            c.name,
            c.strengths,
            amount_of(c.price, f"competitors[{i}].price", currency=currency) if c.HasField("price") else None,
        )
        for i, c in enumerate(items)
    ]


def opportunity_to_proto(o: op.Opportunity) -> pb.Opportunity:
    return pb.Opportunity(
        id=o.id,
        customer_id=o.customer_id,
        contact_id=o.contact_id,
        name=o.name,
        amount=money(o.amount, o.currency),
        stage=o.stage,
        status=o.status,
        probability=o.probability,
        expected_close_date=day(o.expected_close_date),
        source_campaign_id=o.source_campaign_id,
        lead_id=o.lead_id,
        owner_id=o.owner_id,
        competitors=[competitor_to_proto(c, o.currency) for c in o.competitors],
        next_step=o.next_step,
        lost_reason=o.lost_reason,
        closed_at=ts(o.closed_at),
        version=o.version,
        created_at=ts(o.created_at),
        updated_at=ts(o.updated_at),
        created_by=o.created_by,
    )


def stage_change_to_proto(c: op.StageChange) -> pb.StageChange:
    return pb.StageChange(
        id=c.id,
        opportunity_id=c.opportunity_id,
        at=ts(c.at),
        actor_id=c.actor_id,
        from_stage=c.from_stage,
        to_stage=c.to_stage,
        reason=c.reason,
        probability=c.probability,
    )


def opportunity_fields(f: pb.OpportunityFields) -> dict[str, object]:
    code = f.amount.currency_code.upper()
    return {
        "customer_id": f.customer_id,
        "contact_id": f.contact_id,
        "name": f.name,
        "amount": Decimal(f.amount.minor_units),
        "currency": code,
        "stage": f.stage,
        "probability": f.probability if f.HasField("probability") else None,
        "expected_close_date": date_of(f.expected_close_date, "expected_close_date"),
        "source_campaign_id": f.source_campaign_id,
        "owner_id": f.owner_id,
        "competitors": competitors_of(f.competitors, code),
        "next_step": f.next_step,
    }


# -- quotes and orders --------------------------------------------------------------------------


def quote_to_proto(q: qt.Quote, *, today: date | None = None, threshold: Decimal | None = None) -> pb.Quote:
    return pb.Quote(
        id=q.id,
        number=q.number,
        title=q.title,
        customer_id=q.customer_id,
        opportunity_id=q.opportunity_id,
        owner_id=q.owner_id,
        currency=q.currency,
        lines=[line_to_proto(ln, q.currency) for ln in q.lines],
        tax_rate=dec_text(q.tax_rate),
        totals=totals_to_proto(q.totals, q.currency),
        valid_until=day(q.valid_until),
        terms=q.terms,
        status=q.status,
        revision=q.revision,
        order_id=q.order_id,
        needs_approval=q.needs_approval(threshold) if threshold is not None else False,
        expired=q.expired(today) if today is not None else False,
        sent_at=ts(q.sent_at),
        accepted_at=ts(q.accepted_at),
        version=q.version,
        created_at=ts(q.created_at),
        updated_at=ts(q.updated_at),
        created_by=q.created_by,
    )


def quote_fields(f: pb.QuoteFields) -> dict[str, object]:
    return {
        "customer_id": f.customer_id,
        "opportunity_id": f.opportunity_id,
        "owner_id": f.owner_id,
        "currency": f.currency,
        "tax_rate": f.tax_rate,
        "valid_until": date_of(f.valid_until, "valid_until"),
        "terms": f.terms,
        "title": f.title,
    }


def order_to_proto(o: od.Order) -> pb.Order:
    return pb.Order(
        id=o.id,
        number=o.number,
        customer_id=o.customer_id,
        owner_id=o.owner_id,
        opportunity_id=o.opportunity_id,
        quote_id=o.quote_id,
        currency=o.currency,
        lines=[line_to_proto(ln, o.currency) for ln in o.lines],
        tax_rate=dec_text(o.tax_rate),
        totals=totals_to_proto(o.totals, o.currency),
        notes=o.notes,
        status=o.status,
        cancel_reason=o.cancel_reason,
        confirmed_at=ts(o.confirmed_at),
        fulfilled_at=ts(o.fulfilled_at),
        cancelled_at=ts(o.cancelled_at),
        version=o.version,
        created_at=ts(o.created_at),
        updated_at=ts(o.updated_at),
        created_by=o.created_by,
    )


def order_fields(f: pb.OrderFields) -> dict[str, object]:
    return {
        "customer_id": f.customer_id,
        "opportunity_id": f.opportunity_id,
        "owner_id": f.owner_id,
        "currency": f.currency,
        "tax_rate": f.tax_rate,
        "notes": f.notes,
    }


# -- contracts ----------------------------------------------------------------------------------


def contract_to_proto(c: ct.Contract) -> pb.Contract:
    return pb.Contract(
        id=c.id,
        number=c.number,
        title=c.title,
        customer_id=c.customer_id,
        owner_id=c.owner_id,
        order_ids=list(c.order_ids),
        value=money(c.value, c.currency),
        start_date=day(c.start_date),
        end_date=day(c.end_date),
        terms=c.terms,
        coverage=[
            pb.Coverage(product_id=x.product_id, until=day(x.until), description=x.description) for x in c.coverage
        ],
        status=c.status,
        signed_on=day(c.signed_on),
        credited_owner_id=c.credited_owner_id,
        activated_at=ts(c.activated_at),
        ended_at=ts(c.ended_at),
        termination_reason=c.termination_reason,
        version=c.version,
        created_at=ts(c.created_at),
        updated_at=ts(c.updated_at),
        created_by=c.created_by,
    )


def coverage_of(items) -> list[ct.Coverage]:  # type: ignore[no-untyped-def]
    out = []
    for i, x in enumerate(items):
        until = date_of(x.until, f"coverage[{i}].until")
        if until is None:
            raise InvalidArgument(
                f"coverage[{i}].until is required", code="coverage.until_required", field=f"coverage[{i}]"
            )
        out.append(ct.Coverage(x.product_id, until, x.description))
    return out


def contract_fields(f: pb.ContractFields) -> dict[str, object]:
    code = (f.currency or f.value.currency_code).upper()
    return {
        "customer_id": f.customer_id,
        "order_ids": list(f.order_ids),
        "title": f.title,
        "value": amount_of(f.value, "value", currency=code) if f.HasField("value") else None,
        "currency": code,
        "start_date": date_of(f.start_date, "start_date"),
        "end_date": date_of(f.end_date, "end_date"),
        "terms": f.terms,
        "coverage": coverage_of(f.coverage),
        "owner_id": f.owner_id,
    }


# -- approvals ----------------------------------------------------------------------------------


def step_to_proto(s: ap.Step) -> pb.ApprovalStep:
    return pb.ApprovalStep(name=s.name, role=s.role, approver_ids=list(s.approver_ids), mode=s.mode)


def step_of(s: pb.ApprovalStep) -> ap.Step:
    return ap.Step(name=s.name, role=s.role, approver_ids=tuple(s.approver_ids), mode=s.mode or "any")


def _entry(e: ap.Entry) -> pb.ApprovalEntry:
    out = pb.ApprovalEntry(at=ts(e.at), actor_id=e.actor_id, action=e.action, round=e.round, comment=e.comment)
    if e.step is not None:
        out.step = e.step
    return out


def approval_to_proto(a: ap.Approval) -> pb.Approval:
    out = pb.Approval(
        id=a.id,
        record_type=a.record_type,
        record_id=a.record_id,
        flow_key=a.flow_key,
        flow_version=a.flow_version,
        steps=[step_to_proto(s) for s in a.steps],
        status=a.status,
        round=a.round,
        submitted_by=a.submitted_by,
        submitted_at=ts(a.submitted_at),
        decided_at=ts(a.decided_at),
        history=[_entry(e) for e in a.history],
        version=a.version,
    )
    if a.current_step is not None:
        out.current_step = a.current_step
    return out


# -- payments -----------------------------------------------------------------------------------


def instalment_to_proto(i: pm.Instalment, currency: str, state: pm.InstalmentState | None = None) -> pb.Instalment:
    out = pb.Instalment(id=i.id, seq=i.seq, due_date=day(i.due_date), amount=money(i.amount, currency), note=i.note)
    if state is not None:
        out.received.CopyFrom(money(state.received, currency))
        out.outstanding.CopyFrom(money(state.outstanding, currency))
        out.status = state.status
        out.overdue = state.overdue
        out.days_overdue = state.days_overdue
    return out


def plan_to_proto(p: pm.PaymentPlan, view: PlanView | None = None) -> pb.PaymentPlan:
    states = {s.instalment.id: s for s in view.states} if view is not None else {}
    out = pb.PaymentPlan(
        id=p.id,
        contract_id=p.contract_id,
        order_id=p.order_id,
        customer_id=p.customer_id,
        owner_id=p.owner_id,
        instalments=[instalment_to_proto(i, p.currency, states.get(i.id)) for i in p.instalments],
        total=money(p.total, p.currency),
        version=p.version,
        created_at=ts(p.created_at),
        updated_at=ts(p.updated_at),
        created_by=p.created_by,
    )
    if view is not None:
        out.received.CopyFrom(money(view.received, p.currency))
        out.outstanding.CopyFrom(money(view.outstanding, p.currency))
        out.as_of = day(view.as_of)
        out.contract_status = view.contract_status
    return out


def instalment_inputs(items) -> list[pm.InstalmentInput]:  # type: ignore[no-untyped-def]
    return [
        pm.InstalmentInput(date_of(x.due_date, f"instalments[{i}].due_date"), Decimal(x.amount.minor_units), x.note)
        for i, x in enumerate(items)
    ]


def receipt_to_proto(r: pm.Receipt) -> pb.Receipt:
    return pb.Receipt(
        id=r.id,
        contract_id=r.contract_id,
        order_id=r.order_id,
        plan_id=r.plan_id,
        customer_id=r.customer_id,
        owner_id=r.owner_id,
        amount=money(r.amount, r.currency),
        received_on=day(r.received_on),
        method=r.method,
        reference=r.reference,
        note=r.note,
        status=r.status,
        allocations=[
            pb.Allocation(instalment_id=a.instalment_id, amount=money(a.amount, r.currency)) for a in r.allocations
        ],
        approved_at=ts(r.approved_at),
        version=r.version,
        created_at=ts(r.created_at),
        updated_at=ts(r.updated_at),
        created_by=r.created_by,
    )


def allocations_of(items) -> list[pm.Allocation]:  # type: ignore[no-untyped-def]
    return [pm.Allocation(a.instalment_id, Decimal(a.amount.minor_units)) for a in items]


# -- invoices and targets -----------------------------------------------------------------------


def billing_of(b: pb.BillingProfile) -> iv.BillingProfile:
    return iv.BillingProfile(b.title, b.tax_id, b.bank, b.address)


def invoice_to_proto(i: iv.Invoice) -> pb.Invoice:
    return pb.Invoice(
        id=i.id,
        contract_id=i.contract_id,
        order_id=i.order_id,
        receipt_id=i.receipt_id,
        customer_id=i.customer_id,
        owner_id=i.owner_id,
        amount=money(i.amount, i.currency),
        tax_rate=dec_text(i.tax_rate),
        tax_amount=money(i.tax_amount, i.currency),
        net_amount=money(i.net_amount, i.currency),
        billing=pb.BillingProfile(
            title=i.billing.title, tax_id=i.billing.tax_id, bank=i.billing.bank, address=i.billing.address
        ),
        note=i.note,
        status=i.status,
        invoice_number=i.invoice_number,
        issued_on=day(i.issued_on),
        void_reason=i.void_reason,
        version=i.version,
        created_at=ts(i.created_at),
        updated_at=ts(i.updated_at),
        created_by=i.created_by,
    )


def target_to_proto(t: tg.Target) -> pb.Target:
    return pb.Target(
        id=t.id,
        month=t.month,
        metric=t.metric,
        scope_type=t.scope_type,
        scope_id=t.scope_id,
        value=int(t.value),
        currency=t.currency,
        version=t.version,
        created_at=ts(t.created_at),
        updated_at=ts(t.updated_at),
        updated_by=t.updated_by,
    )


# -- settings -----------------------------------------------------------------------------------


def settings_to_proto(s: st.SalesSettings) -> pb.SalesSettings:
    return pb.SalesSettings(
        stages=[pb.Stage(key=x.key, label=x.label, probability=x.probability) for x in s.stages],
        discount_approval_percent=dec_text(s.discount_approval_percent),
        flows=[
            pb.ApprovalFlow(record_type=k, version=f.version, steps=[step_to_proto(x) for x in f.steps])
            for k, f in sorted(s.flows.items())
        ],
        payment_grace_days=s.payment_grace_days,
        renewal_reminder_days=s.renewal_reminder_days,
        time_zone=s.time_zone,
        default_tax_rate=dec_text(s.default_tax_rate),
        version=s.version,
    )


def settings_patch(s: pb.SalesSettings) -> dict[str, object]:
    return {
        "stages": [st.Stage(x.key, x.label or x.key.replace("_", " ").capitalize(), x.probability) for x in s.stages],
        "discount_approval_percent": s.discount_approval_percent,
        "flows": {f.record_type: tuple(step_of(x) for x in f.steps) for f in s.flows},
        "payment_grace_days": s.payment_grace_days,
        "renewal_reminder_days": s.renewal_reminder_days,
        "time_zone": s.time_zone,
        "default_tax_rate": s.default_tax_rate,
    }
