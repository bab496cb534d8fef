"""SQL storage of the sales records."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, delete, func, insert, or_, select, update
from sqlalchemy.engine import Row

from crm_chassis import approvals as ap
from crm_chassis.db import conflict_insert
from crm_chassis.paging import decode_cursor, encode_cursor
from sales.domain.catalogue import PriceList, PriceTier, Product
from sales.domain.common import ListRequest, Page
from sales.domain.contract import ACTIVE, SIGNED, Contract, Coverage
from sales.domain.conversions import LeadConversion, OpportunityRequest
from sales.domain.customers import CustomerRef
from sales.domain.invoice import BillingProfile, Invoice
from sales.domain.lines import Line
from sales.domain.opportunity import Competitor, Opportunity, StageChange
from sales.domain.order import Order
from sales.domain.payments import RECEIPT_COUNTS, Allocation, Instalment, PaymentPlan, Receipt
from sales.domain.quote import Quote
from sales.domain.settings import DEFAULTS_VERSION, SalesSettings
from sales.domain.target import Target
from sales.persistence import listings
from sales.persistence import tables as t
from sales.persistence.base import SqlRecords, dec, utc


def _lines(lines: Iterable[Line]) -> list[dict[str, Any]]:
    return [ln.to_dict() for ln in lines]


class SqlProducts(SqlRecords[Product]):
    table = t.products
    listing = listings.PRODUCTS
    owner_column = None

    def to_row(self, p: Product) -> dict[str, Any]:
        row = dataclasses.asdict(p)
        row["list_price"] = int(p.list_price)
        return row

    def from_row(self, r: Row) -> Product:
        return Product(
            id=r.id,
            sku=r.sku,
            name=r.name,
            category=r.category,
            unit=r.unit,
            list_price=dec(r.list_price),
            currency=r.currency,
            warranty_months=r.warranty_months,
            active=r.active,
            version=r.version,
            created_at=utc(r.created_at),  # type: ignore[arg-type]
            updated_at=utc(r.updated_at),  # type: ignore[arg-type]
        )

    def by_sku(self, sku: str) -> Product | None:
        found = self.find(self.table.c.sku == sku)
        return found[0] if found else None

    def many(self, ids: Iterable[str]) -> dict[str, Product]:
        wanted = sorted(set(ids))
        return {p.id: p for p in self.find(self.table.c.id.in_(wanted))} if wanted else {}


class SqlPriceLists(SqlRecords[PriceList]):
    table = t.price_lists
    listing = listings.PRICE_LISTS
    owner_column = None

    def to_row(self, p: PriceList) -> dict[str, Any]:
        return {
            "id": p.id,
            "name": p.name,
            "currency": p.currency,
            "customer_classification": p.customer_classification,
            "region": p.region,
            "effective_from": p.effective_from,
            "effective_to": p.effective_to,
            "active": p.active,
            "tiers": [
                {"product_id": x.product_id, "min_quantity": str(x.min_quantity), "unit_price": str(x.unit_price)}
                for x in p.tiers
            ],
            "version": p.version,
            "created_at": p.created_at,
            "updated_at": p.updated_at,
        }

    def from_row(self, r: Row) -> PriceList:
        return PriceList(
            id=r.id,
            name=r.name,
            currency=r.currency,
            customer_classification=r.customer_classification,
            region=r.region,
            effective_from=r.effective_from,
            effective_to=r.effective_to,
            active=r.active,
            tiers=tuple(
                PriceTier(x["product_id"], Decimal(x["min_quantity"]), Decimal(x["unit_price"])) for x in r.tiers
            ),
            version=r.version,
            created_at=utc(r.created_at),  # type: ignore[arg-type]
            updated_at=utc(r.updated_at),  # type: ignore[arg-type]
        )

    def in_effect(self, on: date, currency: str) -> list[PriceList]:
        c = self.table.c
        return self.find(
            c.currency == currency,
            c.active.is_(True),
            c.effective_from <= on,
            or_(c.effective_to.is_(None), c.effective_to >= on),
        )


class SqlOpportunities(SqlRecords[Opportunity]):
    table = t.opportunities
    listing = listings.OPPORTUNITIES

    def to_row(self, o: Opportunity) -> dict[str, Any]:
        row = {f.name: getattr(o, f.name) for f in dataclasses.fields(o)}
        row["amount"] = int(o.amount)
        row["competitors"] = [c.to_dict() for c in o.competitors]
        row["status"] = o.status
        return row

    def from_row(self, r: Row) -> Opportunity:
        return Opportunity(
            id=r.id,
            customer_id=r.customer_id,
            contact_id=r.contact_id,
            name=r.name,
            amount=dec(r.amount),
            currency=r.currency,
            stage=r.stage,
            probability=r.probability,
            expected_close_date=r.expected_close_date,
            source_campaign_id=r.source_campaign_id,
            owner_id=r.owner_id,
            competitors=tuple(Competitor.from_dict(c) for c in r.competitors),
            next_step=r.next_step,
            lost_reason=r.lost_reason,
            closed_at=utc(r.closed_at),
            version=r.version,
            created_at=utc(r.created_at),  # type: ignore[arg-type]
            updated_at=utc(r.updated_at),  # type: ignore[arg-type]
            created_by=r.created_by,
            lead_id=r.lead_id,
        )

    def add_history(self, change: StageChange) -> None:
        self.session.execute(insert(t.opportunity_stage_history).values(**dataclasses.asdict(change)))

    def history(self, opportunity_id: str) -> list[StageChange]:
        h = t.opportunity_stage_history
        rows = self.session.execute(
            select(h).where(h.c.opportunity_id == opportunity_id).order_by(h.c.at, h.c.id)
        ).all()
        return [
            StageChange(
                r.id, r.opportunity_id, utc(r.at), r.actor_id, r.from_stage, r.to_stage, r.reason, r.probability
            )  # type: ignore[arg-type]
            for r in rows
        ]


def _quote_row(q: Quote) -> dict[str, Any]:
    row = {f.name: getattr(q, f.name) for f in dataclasses.fields(q)}
    row["lines"] = _lines(q.lines)
    row["tax_rate"] = str(q.tax_rate)
    row["total"] = int(q.totals.total)
    return row


def _quote_from(r: Any) -> Quote:
    get = r.get if isinstance(r, dict) else lambda k: getattr(r, k)
    return Quote(
        id=get("id"),
        number=get("number"),
        title=get("title"),
        customer_id=get("customer_id"),
        opportunity_id=get("opportunity_id"),
        owner_id=get("owner_id"),
        currency=get("currency"),
        lines=tuple(Line.from_dict(x) for x in get("lines")),
        tax_rate=Decimal(get("tax_rate")),
        valid_until=_date(get("valid_until")),
        terms=get("terms"),
        status=get("status"),
        revision=get("revision"),
        order_id=get("order_id"),
        sent_at=_dt(get("sent_at")),
        accepted_at=_dt(get("accepted_at")),
        version=get("version"),
        created_at=_dt(get("created_at")),  # type: ignore[arg-type]
        updated_at=_dt(get("updated_at")),  # type: ignore[arg-type]
        created_by=get("created_by"),
    )


def _date(value: Any) -> date:
    return date.fromisoformat(value) if isinstance(value, str) else value


def _dt(value: Any) -> datetime | None:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return utc(value)


class SqlQuotes(SqlRecords[Quote]):
    table = t.quotes
    listing = listings.QUOTES

    def to_row(self, q: Quote) -> dict[str, Any]:
        return _quote_row(q)

    def from_row(self, r: Row) -> Quote:
        return _quote_from(r)

    def add_revision(self, quote: Quote) -> None:
        snapshot = {k: (v.isoformat() if isinstance(v, date | datetime) else v) for k, v in _quote_row(quote).items()}
        self.session.execute(
            insert(t.quote_revisions).values(
                quote_id=quote.id, revision=quote.revision, snapshot=snapshot, created_at=datetime.now(UTC)
            )
        )

    def revisions(self, quote_id: str) -> list[Quote]:
        qr = t.quote_revisions
        rows = self.session.execute(select(qr).where(qr.c.quote_id == quote_id).order_by(qr.c.revision)).all()
        return [_quote_from(r.snapshot) for r in rows]


class SqlOrders(SqlRecords[Order]):
    table = t.orders
    listing = listings.ORDERS

    def to_row(self, o: Order) -> dict[str, Any]:
        row = {f.name: getattr(o, f.name) for f in dataclasses.fields(o)}
        row["lines"] = _lines(o.lines)
        row["tax_rate"] = str(o.tax_rate)
        row["total"] = int(o.totals.total)
        return row

    def from_row(self, r: Row) -> Order:
        return Order(
            id=r.id,
            number=r.number,
            customer_id=r.customer_id,
            owner_id=r.owner_id,
            opportunity_id=r.opportunity_id,
            quote_id=r.quote_id,
            currency=r.currency,
            lines=tuple(Line.from_dict(x) for x in r.lines),
            tax_rate=Decimal(r.tax_rate),
            notes=r.notes,
            status=r.status,
            cancel_reason=r.cancel_reason,
            confirmed_at=utc(r.confirmed_at),
            fulfilled_at=utc(r.fulfilled_at),
            cancelled_at=utc(r.cancelled_at),
            version=r.version,
            created_at=utc(r.created_at),  # type: ignore[arg-type]
            updated_at=utc(r.updated_at),  # type: ignore[arg-type]
            created_by=r.created_by,
        )

    def many(self, ids: Iterable[str]) -> dict[str, Order]:
        wanted = sorted(set(ids))
        return {o.id: o for o in self.find(self.table.c.id.in_(wanted))} if wanted else {}


class SqlContracts(SqlRecords[Contract]):
    table = t.contracts
    listing = listings.CONTRACTS

    def to_row(self, c: Contract) -> dict[str, Any]:
        row = {f.name: getattr(c, f.name) for f in dataclasses.fields(c)}
        row["order_ids"] = list(c.order_ids)
        row["coverage"] = [x.to_dict() for x in c.coverage]
        row["value"] = int(c.value)
        return row

    def from_row(self, r: Row) -> Contract:
        return Contract(
            id=r.id,
            number=r.number,
            title=r.title,
            customer_id=r.customer_id,
            owner_id=r.owner_id,
            order_ids=tuple(r.order_ids),
            value=dec(r.value),
            currency=r.currency,
            start_date=r.start_date,
            end_date=r.end_date,
            terms=r.terms,
            coverage=tuple(Coverage.from_dict(x) for x in r.coverage),
            status=r.status,
            signed_on=r.signed_on,
            credited_owner_id=r.credited_owner_id,
            activated_at=utc(r.activated_at),
            ended_at=utc(r.ended_at),
            termination_reason=r.termination_reason,
            version=r.version,
            created_at=utc(r.created_at),  # type: ignore[arg-type]
            updated_at=utc(r.updated_at),  # type: ignore[arg-type]
            created_by=r.created_by,
        )

    def to_activate(self, today: date, limit: int) -> list[Contract]:
        c = self.table.c
        return self.find(c.status == SIGNED, c.start_date <= today, order_by=[c.id], limit=limit)

    def to_expire(self, today: date, limit: int) -> list[Contract]:
        c = self.table.c
        return self.find(c.status == ACTIVE, c.end_date < today, order_by=[c.id], limit=limit)

    def ending_between(self, first: date, last: date, limit: int) -> list[Contract]:
        c = self.table.c
        return self.find(
            c.status == ACTIVE, c.end_date >= first, c.end_date <= last, order_by=[c.end_date, c.id], limit=limit
        )


class SqlPlans(SqlRecords[PaymentPlan]):
    table = t.payment_plans
    listing = listings.PLANS

    def to_row(self, p: PaymentPlan) -> dict[str, Any]:
        return {
            "id": p.id,
            "contract_id": p.contract_id or None,
            "order_id": p.order_id or None,
            "customer_id": p.customer_id,
            "owner_id": p.owner_id,
            "currency": p.currency,
            "total": int(p.total),
            "version": p.version,
            "created_at": p.created_at,
            "updated_at": p.updated_at,
            "created_by": p.created_by,
        }

    def _instalments(self, plan_ids: list[str]) -> dict[str, list[Instalment]]:
        i = t.instalments
        out: dict[str, list[Instalment]] = {pid: [] for pid in plan_ids}
        if plan_ids:
            for r in self.session.execute(
                select(i).where(i.c.plan_id.in_(plan_ids)).order_by(i.c.plan_id, i.c.seq)
            ).all():
                out[r.plan_id].append(Instalment(r.id, r.plan_id, r.seq, r.due_date, dec(r.amount), r.note))
        return out

    def from_row(self, r: Row, instalments: list[Instalment] | None = None) -> PaymentPlan:
        return PaymentPlan(
            id=r.id,
            contract_id=r.contract_id or "",
            order_id=r.order_id or "",
            customer_id=r.customer_id,
            owner_id=r.owner_id,
            currency=r.currency,
            instalments=tuple(instalments if instalments is not None else self._instalments([r.id])[r.id]),
            version=r.version,
            created_at=utc(r.created_at),  # type: ignore[arg-type]
            updated_at=utc(r.updated_at),  # type: ignore[arg-type]
            created_by=r.created_by,
        )

    def _write_instalments(self, plan: PaymentPlan) -> None:
        i = t.instalments
        existing = {r.id for r in self.session.execute(select(i.c.id).where(i.c.plan_id == plan.id)).all()}
        keep = {x.id for x in plan.instalments}
        gone = existing - keep
        if gone:
            self.session.execute(delete(i).where(i.c.id.in_(sorted(gone))))
        for x in plan.instalments:
            values = {"plan_id": plan.id, "seq": x.seq, "due_date": x.due_date, "amount": int(x.amount), "note": x.note}
            if x.id in existing:
                self.session.execute(update(i).where(i.c.id == x.id).values(**values))
            else:
                self.session.execute(insert(i).values(id=x.id, **values))

    def add(self, plan: PaymentPlan) -> None:
        super().add(plan)
        self._write_instalments(plan)

    def update(self, plan: PaymentPlan, *, expected_version: int) -> bool:
        if not super().update(plan, expected_version=expected_version):
            return False
        self._write_instalments(plan)
        return True

    def for_contract(self, contract_id: str) -> PaymentPlan | None:
        found = self.find(self.table.c.contract_id == contract_id)
        return found[0] if found else None

    def for_order(self, order_id: str) -> PaymentPlan | None:
        found = self.find(self.table.c.order_id == order_id)
        return found[0] if found else None

    def page(self, request: ListRequest, **kw: Any) -> Page[PaymentPlan]:
        page = super().page(request, **kw)
        return page  # from_row loads each plan's instalments

    def overdue_candidates(self, due_before: date, after_id: str, limit: int) -> list[tuple[Instalment, Decimal]]:
        i, a, r = t.instalments, t.receipt_allocations, t.receipts
        received = (
            select(func.coalesce(func.sum(a.c.amount), 0))
            .select_from(a.join(r, r.c.id == a.c.receipt_id))
            .where(a.c.instalment_id == i.c.id, r.c.status.in_(sorted(RECEIPT_COUNTS)))
            .scalar_subquery()
        )
        rows = self.session.execute(
            select(i, received.label("received"))
            .where(i.c.due_date < due_before, i.c.id > after_id, received < i.c.amount)
            .order_by(i.c.id)
            .limit(limit)
        ).all()
        return [(Instalment(x.id, x.plan_id, x.seq, x.due_date, dec(x.amount), x.note), dec(x.received)) for x in rows]


class SqlReceipts(SqlRecords[Receipt]):
    table = t.receipts
    listing = listings.RECEIPTS

    def to_row(self, x: Receipt) -> dict[str, Any]:
        row = {f.name: getattr(x, f.name) for f in dataclasses.fields(x) if f.name != "allocations"}
        row["amount"] = int(x.amount)
        return row

    def _allocations(self, receipt_ids: list[str]) -> dict[str, list[Allocation]]:
        a = t.receipt_allocations
        out: dict[str, list[Allocation]] = {rid: [] for rid in receipt_ids}
        if receipt_ids:
            for r in self.session.execute(select(a).where(a.c.receipt_id.in_(receipt_ids))).all():
                out[r.receipt_id].append(Allocation(r.instalment_id, dec(r.amount)))
        return out

    def from_row(self, r: Row, allocations: list[Allocation] | None = None) -> Receipt:
        return Receipt(
            id=r.id,
            contract_id=r.contract_id,
            order_id=r.order_id,
            plan_id=r.plan_id,
            customer_id=r.customer_id,
            owner_id=r.owner_id,
            amount=dec(r.amount),
            currency=r.currency,
            received_on=r.received_on,
            method=r.method,
            reference=r.reference,
            note=r.note,
            status=r.status,
            allocations=tuple(allocations if allocations is not None else self._allocations([r.id])[r.id]),
            approved_at=utc(r.approved_at),
            version=r.version,
            created_at=utc(r.created_at),  # type: ignore[arg-type]
            updated_at=utc(r.updated_at),  # type: ignore[arg-type]
            created_by=r.created_by,
        )

    def add(self, x: Receipt) -> None:
        super().add(x)
        if x.allocations:
            self.session.execute(
                insert(t.receipt_allocations),
                [
                    {"receipt_id": x.id, "instalment_id": a.instalment_id, "amount": int(a.amount)}
                    for a in x.allocations
                ],
            )

    def _with_allocations(self, *conditions: Any) -> list[Receipt]:
        rows = self.session.execute(
            select(self.table).where(*conditions).order_by(self.table.c.created_at, self.table.c.id)
        ).all()
        allocations = self._allocations([r.id for r in rows])
        return [self.from_row(r, allocations[r.id]) for r in rows]

    def for_plan(self, plan_id: str) -> list[Receipt]:
        return self._with_allocations(self.table.c.plan_id == plan_id)

    def for_contract(self, contract_id: str) -> list[Receipt]:
        return self._with_allocations(self.table.c.contract_id == contract_id)


class SqlInvoices(SqlRecords[Invoice]):
    table = t.invoices
    listing = listings.INVOICES

    def to_row(self, x: Invoice) -> dict[str, Any]:
        row = {f.name: getattr(x, f.name) for f in dataclasses.fields(x) if f.name != "billing"}
        row.update(
            amount=int(x.amount),
            tax_rate=str(x.tax_rate),
            billing_title=x.billing.title,
            billing_tax_id=x.billing.tax_id,
            billing_bank=x.billing.bank,
            billing_address=x.billing.address,
        )
        return row

    def from_row(self, r: Row) -> Invoice:
        return Invoice(
            id=r.id,
            contract_id=r.contract_id,
            order_id=r.order_id,
            receipt_id=r.receipt_id,
            customer_id=r.customer_id,
            owner_id=r.owner_id,
            amount=dec(r.amount),
            currency=r.currency,
            tax_rate=Decimal(r.tax_rate),
            billing=BillingProfile(r.billing_title, r.billing_tax_id, r.billing_bank, r.billing_address),
            note=r.note,
            status=r.status,
            invoice_number=r.invoice_number,
            issued_on=r.issued_on,
            void_reason=r.void_reason,
            version=r.version,
            created_at=utc(r.created_at),  # type: ignore[arg-type]
            updated_at=utc(r.updated_at),  # type: ignore[arg-type]
            created_by=r.created_by,
        )

    def for_contract(self, contract_id: str) -> list[Invoice]:
        return self.find(self.table.c.contract_id == contract_id)

    def for_order(self, order_id: str) -> list[Invoice]:
        """Invoices of an order sold without a contract."""
        return self.find(self.table.c.order_id == order_id, self.table.c.contract_id == "")


class SqlTargets(SqlRecords[Target]):
    table = t.targets
    listing = listings.TARGETS
    owner_column = None

    def to_row(self, x: Target) -> dict[str, Any]:
        row = dataclasses.asdict(x)
        row["value"] = int(x.value)
        return row

    def from_row(self, r: Row) -> Target:
        return Target(
            r.id,
            r.month,
            r.metric,
            r.scope_type,
            r.scope_id,
            dec(r.value),
            r.currency,
            r.version,
            utc(r.created_at),
            utc(r.updated_at),
            r.updated_by,  # type: ignore[arg-type]
        )

    def by_key(self, month: str, metric: str, scope_type: str, scope_id: str) -> Target | None:
        c = self.table.c
        found = self.find(c.month == month, c.metric == metric, c.scope_type == scope_type, c.scope_id == scope_id)
        return found[0] if found else None

    def page(self, request: ListRequest, **kw: Any) -> Page[Target]:
        owners = request.visible_owners
        if owners is None:
            return super().page(request)
        # A user's targets are scoped like the user's records; company and department targets are for all.
        return super().page(request, where=lambda tb: or_(tb.c.scope_type != "user", tb.c.scope_id.in_(sorted(owners))))


class SqlApprovals:
    def __init__(self, session) -> None:  # type: ignore[no-untyped-def]
        self.session = session

    @staticmethod
    def _from_row(r: Row) -> ap.Approval:
        return ap.Approval(
            id=r.id,
            record_type=r.record_type,
            record_id=r.record_id,
            flow_key=r.flow_key,
            flow_version=r.flow_version,
            steps=tuple(ap.Step.from_dict(s) for s in r.steps),
            status=r.status,
            round=r.round,
            current_step=r.current_step,
            submitted_by=r.submitted_by,
            submitted_at=utc(r.submitted_at),  # type: ignore[arg-type]
            decided_at=utc(r.decided_at),
            history=tuple(ap.Entry.from_dict(e) for e in r.history),
            version=r.version,
        )

    def for_record(self, record_type: str, record_id: str, *, for_update: bool = False) -> ap.Approval | None:
        a = t.approvals
        stmt = select(a).where(a.c.record_type == record_type, a.c.record_id == record_id)
        if for_update:
            stmt = stmt.with_for_update()
        row = self.session.execute(stmt).first()
        return None if row is None else self._from_row(row)

    def get(self, approval_id: str) -> ap.Approval | None:
        row = self.session.execute(select(t.approvals).where(t.approvals.c.id == approval_id)).first()
        return None if row is None else self._from_row(row)

    def save(self, approval: ap.Approval, *, owner_id: str, summary: str, expected_version: int) -> bool:
        step = approval.step()
        row = {
            "id": approval.id,
            "record_type": approval.record_type,
            "record_id": approval.record_id,
            "flow_key": approval.flow_key,
            "flow_version": approval.flow_version,
            "steps": [s.to_dict() for s in approval.steps],
            "status": approval.status,
            "round": approval.round,
            "current_step": approval.current_step,
            "current_role": step.role if step else "",
            "current_approvers": "," + ",".join(step.approver_ids) + "," if step and step.approver_ids else "",
            "submitted_by": approval.submitted_by,
            "submitted_at": approval.submitted_at,
            "decided_at": approval.decided_at,
            "history": [e.to_dict() for e in approval.history],
            "owner_id": owner_id,
            "summary": summary[:300],
            "version": approval.version,
        }
        a = t.approvals
        if expected_version == 0:
            self.session.execute(insert(a).values(**row))
            return True
        result = self.session.execute(
            update(a).where(a.c.id == approval.id, a.c.version == expected_version).values(**row)
        )
        return result.rowcount == 1

    def pending(self, actor: ap.Actor, limit: int, cursor: str) -> Page[ap.Approval]:
        a = t.approvals
        who = or_(a.c.current_approvers.like(f"%,{actor.user_id},%"))
        if actor.roles:
            who = or_(who, a.c.current_role.in_(sorted(actor.roles)))
        stmt = select(a).where(a.c.status == ap.IN_REVIEW, a.c.submitted_by != actor.user_id, who)
        if cursor:
            at, row_id = decode_cursor(cursor)
            stmt = stmt.where(or_(a.c.submitted_at > at, and_(a.c.submitted_at == at, a.c.id > row_id)))
        rows = self.session.execute(stmt.order_by(a.c.submitted_at, a.c.id).limit(limit + 1)).all()
        page = rows[:limit]
        next_cursor = encode_cursor(utc(page[-1].submitted_at), page[-1].id) if len(rows) > limit else ""  # type: ignore[arg-type]
        return Page([x for x in (self._from_row(r) for r in page) if x.awaits(actor)], next_cursor)

    def summary(self, approval_id: str) -> tuple[str, str]:
        a = t.approvals
        row = self.session.execute(select(a.c.owner_id, a.c.summary).where(a.c.id == approval_id)).one()
        return row.owner_id, row.summary


class SqlCustomerRefs:
    def __init__(self, session) -> None:  # type: ignore[no-untyped-def]
        self.session = session

    def get(self, customer_id: str) -> CustomerRef | None:
        r = self.session.execute(select(t.customer_refs).where(t.customer_refs.c.id == customer_id)).first()
        if r is None:
            return None
        return CustomerRef(
            r.id,
            r.name,
            r.owner_id,
            r.classification,
            r.region,
            r.deleted,
            r.merged_into_id,
            r.version,
            utc(r.updated_at),  # type: ignore[arg-type]
        )

    def put(self, ref: CustomerRef) -> None:
        values = dataclasses.asdict(ref)
        stmt = conflict_insert(self.session, t.customer_refs).values(**values)
        stmt = stmt.on_conflict_do_update(index_elements=["id"], set_={k: v for k, v in values.items() if k != "id"})
        self.session.execute(stmt)

    def repoint(self, victim_id: str, survivor_id: str) -> int:
        moved = 0
        for table in (t.opportunities, t.quotes, t.orders, t.contracts, t.payment_plans, t.receipts, t.invoices):
            result = self.session.execute(
                update(table)
                .where(table.c.customer_id == victim_id)
                .values(customer_id=survivor_id, version=table.c.version + 1)
            )
            moved += result.rowcount
        return moved


class SqlLeadConversions:
    def __init__(self, session) -> None:  # type: ignore[no-untyped-def]
        self.session = session

    def get(self, conversion_id: str, *, for_update: bool = False) -> LeadConversion | None:
        query = select(t.lead_conversions).where(t.lead_conversions.c.conversion_id == conversion_id)
        r = self.session.execute(query.with_for_update() if for_update else query).first()
        if r is None:
            return None
        return LeadConversion(
            conversion_id=r.conversion_id,
            lead_id=r.lead_id,
            request=None if r.request is None else OpportunityRequest.from_dict(r.request),
            customer_id=r.customer_id,
            outcome=r.outcome,
            opportunity_id=r.opportunity_id,
        )

    def put(self, conversion: LeadConversion) -> None:
        values = {
            "conversion_id": conversion.conversion_id,
            "lead_id": conversion.lead_id,
            "request": None if conversion.request is None else conversion.request.to_dict(),
            "customer_id": conversion.customer_id,
            "outcome": conversion.outcome,
            "opportunity_id": conversion.opportunity_id,
            "updated_at": datetime.now(UTC),
        }
        stmt = conflict_insert(self.session, t.lead_conversions).values(**values)
        stmt = stmt.on_conflict_do_update(
            index_elements=["conversion_id"], set_={k: v for k, v in values.items() if k != "conversion_id"}
        )
        self.session.execute(stmt)


class SqlSettings:
    def __init__(self, session) -> None:  # type: ignore[no-untyped-def]
        self.session = session

    def load(self) -> SalesSettings:
        r = self.session.execute(select(t.sales_settings).where(t.sales_settings.c.id == 1)).first()
        # Never-saved defaults are version 1, so their ETag is a real version a stale edit can miss.
        return SalesSettings(version=DEFAULTS_VERSION) if r is None else SalesSettings.from_dict(r.data, r.version)

    def save(self, settings: SalesSettings, *, expected_version: int) -> bool:
        s = t.sales_settings
        result = self.session.execute(
            update(s)
            .where(s.c.id == 1, s.c.version == expected_version)
            .values(data=settings.to_dict(), version=settings.version)
        )
        if result.rowcount == 1:
            return True
        if expected_version != DEFAULTS_VERSION:
            return False
        # The defaults were never stored: the first save inserts them (a concurrent first save loses).
        stmt = conflict_insert(self.session, s).values(id=1, data=settings.to_dict(), version=settings.version)
        return self.session.execute(stmt.on_conflict_do_nothing()).rowcount == 1


class SqlNumbers:
    def __init__(self, session) -> None:  # type: ignore[no-untyped-def]
        self.session = session

    def next(self, series: str) -> int:
        n = t.number_sequences
        self.session.execute(conflict_insert(self.session, n).values(series=series, value=0).on_conflict_do_nothing())
        return int(
            self.session.execute(
                update(n).where(n.c.series == series).values(value=n.c.value + 1).returning(n.c.value)
            ).scalar_one()
        )


class SqlNotices:
    def __init__(self, session) -> None:  # type: ignore[no-untyped-def]
        self.session = session

    def claim(self, key: str, kind: str, day: date) -> bool:
        stmt = conflict_insert(self.session, t.notices).values(
            key=key, kind=kind, day=day, created_at=datetime.now(UTC)
        )
        return self.session.execute(stmt.on_conflict_do_nothing()).rowcount == 1
