"""Quote use cases: priced lines, revisions, special-price approval, send, accept (→ order), decline."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from crm_chassis import approvals as ap
from crm_chassis.errors import FailedPrecondition, InvalidArgument
from crm_chassis.identity import Caller
from sales.domain import quote as qt
from sales.domain.commands import approvals
from sales.domain.commands.base import UowFactory, customer, new_id, number, owner_for, price_lines, readable, today
from sales.domain.commands.orders import order_from_quote
from sales.domain.common import (
    Page,
    actor_of,
    bounded,
    check_paths,
    check_version,
    concurrent_write,
    currency,
    format_money,
    found,
    list_request,
    now,
    percent,
)
from sales.domain.events import QuoteAccepted, QuoteSent
from sales.domain.lines import LineInput
from sales.domain.order import Order
from sales.domain.ports import SalesUnitOfWork


def _money_text(amount: Decimal, code: str) -> str:
    return format_money(amount, code)


def _summary(q: qt.Quote) -> str:
    discount = max((ln.discount_percent for ln in q.lines), default=Decimal(0))
    total = _money_text(q.totals.total, q.currency)
    return f"Quote {q.number} r{q.revision}: {total}, max discount {discount.normalize():f}%"


def _load(uow: SalesUnitOfWork, caller: Caller, quote_id: str) -> qt.Quote:
    record = uow.quotes.get(quote_id, for_update=True) if quote_id else None
    return found(record, "quote", quote_id, caller)


def _save(uow: SalesUnitOfWork, updated: qt.Quote, was: int) -> None:
    if not uow.quotes.update(updated, expected_version=was):
        raise concurrent_write(f"quote {updated.id}")


def create_quote(
    uow_factory: UowFactory, caller: Caller, fields: Mapping[str, Any], lines: list[LineInput]
) -> qt.Quote:
    at = now()
    with uow_factory() as uow:
        settings = uow.settings.load()
        day = today(settings, at)
        ref = customer(uow, fields.get("customer_id", ""))
        owner = fields.get("owner_id", "")
        opportunity_id = fields.get("opportunity_id", "")
        code = currency(fields.get("currency", ""))
        if opportunity_id:
            opp = found(uow.opportunities.get(opportunity_id), "opportunity", opportunity_id, caller)
            if opp.customer_id != ref.id:
                raise InvalidArgument(
                    "the opportunity belongs to another customer",
                    code="quote.opportunity_mismatch",
                    field="opportunity_id",
                )
            if opp.status == "lost":
                raise FailedPrecondition(
                    "the opportunity is lost", code="quote.opportunity_lost", field="opportunity_id"
                )
            owner = owner or opp.owner_id
        priced = price_lines(uow, lines, customer=ref, currency=code, on=day)
        q = qt.Quote(
            id=new_id(),
            number=number(uow, "Q", day),
            title=bounded(fields.get("title", ""), "title"),
            customer_id=ref.id,
            opportunity_id=opportunity_id,
            owner_id=owner_for(caller, owner),
            currency=code,
            lines=priced,
            tax_rate=percent(fields.get("tax_rate", ""), "tax_rate", default=settings.default_tax_rate),
            valid_until=qt.check_valid_until(fields.get("valid_until"), day),
            terms=bounded(fields.get("terms", ""), "terms", max_len=5000),
            status=qt.DRAFT,
            revision=1,
            order_id="",
            sent_at=None,
            accepted_at=None,
            version=1,
            created_at=at,
            updated_at=at,
            created_by=actor_of(caller),
        )
        uow.quotes.add(q)
        uow.commit()
    return q


def get_quote(uow_factory: UowFactory, caller: Caller, quote_id: str) -> tuple[qt.Quote, date, Decimal]:
    """The quote, today's date (for the expired flag) and the approval threshold."""
    with uow_factory(read_only=True) as uow:
        q = readable(uow, uow.quotes.get(quote_id) if quote_id else None, "quote", quote_id, caller)
        settings = uow.settings.load()
        return q, today(settings), settings.discount_approval_percent


def list_quotes(uow_factory: UowFactory, caller: Caller, **page: Any) -> tuple[Page[qt.Quote], date, Decimal]:
    """A page of quotes, today's date and the approval threshold (for the derived flags)."""
    with uow_factory(read_only=True) as uow:
        settings = uow.settings.load()
        return uow.quotes.page(list_request(caller, **page)), today(settings), settings.discount_approval_percent


def list_revisions(uow_factory: UowFactory, caller: Caller, quote_id: str) -> list[qt.Quote]:
    with uow_factory(read_only=True) as uow:
        q = readable(uow, uow.quotes.get(quote_id) if quote_id else None, "quote", quote_id, caller)
        return uow.quotes.revisions(q.id)


def update_quote(
    uow_factory: UowFactory,
    caller: Caller,
    quote_id: str,
    *,
    expected_version: int,
    patch: Mapping[str, Any],
    paths: list[str],
    lines: list[LineInput],
) -> qt.Quote:
    """Change a draft (or approved: back to draft); lines are priced again as of today."""
    check_paths(paths, qt.UPDATABLE)
    at = now()
    with uow_factory() as uow:
        current = _load(uow, caller, quote_id)
        check_version(current.version, expected_version, f"quote {quote_id}")
        qt.ensure_editable(current)
        settings = uow.settings.load()
        day = today(settings, at)
        changes: dict[str, Any] = {}
        if "lines" in paths:
            changes["lines"] = price_lines(
                uow, lines, customer=customer(uow, current.customer_id), currency=current.currency, on=day
            )
        if "tax_rate" in paths:
            changes["tax_rate"] = percent(patch.get("tax_rate", ""), "tax_rate")
        if "valid_until" in paths:
            changes["valid_until"] = qt.check_valid_until(patch.get("valid_until"), day)
        if "terms" in paths:
            changes["terms"] = bounded(patch.get("terms", ""), "terms", max_len=5000)
        if "title" in paths:
            changes["title"] = bounded(patch.get("title", ""), "title")
        if all(getattr(current, k) == v for k, v in changes.items()):
            return current
        updated = qt.edited(current, at, **changes)
        _save(uow, updated, current.version)
        uow.commit()
    return updated


def submit_quote(
    uow_factory: UowFactory, caller: Caller, quote_id: str, *, comment: str, expected_version: int
) -> tuple[qt.Quote, ap.Approval]:
    """Ask for approval of the quote's special price (below the threshold it passes without review)."""
    at = now()
    with uow_factory() as uow:
        current = _load(uow, caller, quote_id)
        check_version(current.version, expected_version, f"quote {quote_id}")
        pending = qt.submitted(current, at)
        _save(uow, pending, current.version)
        subject = approvals.subject_for("quote")
        approval = approvals.submit(uow, subject, pending, pending.id, caller, at, comment)
        final = pending
        if not approval.is_open:
            final = qt.approval_outcome(pending, approval.passed, at)
            _save(uow, final, pending.version)
        uow.commit()
    return final, approval


def send_quote(uow_factory: UowFactory, caller: Caller, quote_id: str, *, expected_version: int) -> qt.Quote:
    at = now()
    with uow_factory() as uow:
        current = _load(uow, caller, quote_id)
        check_version(current.version, expected_version, f"quote {quote_id}")
        settings = uow.settings.load()
        sent = qt.send(current, threshold=settings.discount_approval_percent, today=today(settings, at), at=at)
        _save(uow, sent, current.version)
        uow.record(QuoteSent(sent))
        uow.commit()
    return sent


def accept_quote(
    uow_factory: UowFactory, caller: Caller, quote_id: str, *, expected_version: int
) -> tuple[qt.Quote, Order]:
    """The customer accepted: the quote becomes an order (draft) in the same transaction."""
    at = now()
    with uow_factory() as uow:
        current = _load(uow, caller, quote_id)
        check_version(current.version, expected_version, f"quote {quote_id}")
        settings = uow.settings.load()
        day = today(settings, at)
        ref = customer(uow, current.customer_id)
        order = order_from_quote(uow, current, ref.id, at=at, day=day, actor_id=actor_of(caller))
        accepted = qt.accept(current, order_id=order.id, today=day, at=at)
        _save(uow, accepted, current.version)
        uow.orders.add(order)
        uow.record(QuoteAccepted(accepted))
        uow.commit()
    return accepted, order


def decline_quote(uow_factory: UowFactory, caller: Caller, quote_id: str, *, expected_version: int) -> qt.Quote:
    at = now()
    with uow_factory() as uow:
        current = _load(uow, caller, quote_id)
        check_version(current.version, expected_version, f"quote {quote_id}")
        declined = qt.decline(current, at)
        _save(uow, declined, current.version)
        uow.commit()
    return declined


def revise_quote(uow_factory: UowFactory, caller: Caller, quote_id: str, *, expected_version: int) -> qt.Quote:
    """Keep the sent revision as it was and open the next one as a draft."""
    at = now()
    with uow_factory() as uow:
        current = _load(uow, caller, quote_id)
        check_version(current.version, expected_version, f"quote {quote_id}")
        revised = qt.revise(current, at)
        uow.quotes.add_revision(current)
        _save(uow, revised, current.version)
        uow.commit()
    return revised


def _on_outcome(uow: SalesUnitOfWork, q: qt.Quote, approval: ap.Approval, at: datetime) -> None:
    current = uow.quotes.get(q.id, for_update=True)
    assert current is not None
    updated = qt.approval_outcome(current, approval.passed, at)
    _save(uow, updated, current.version)


approvals.register(
    approvals.Subject(
        record_type="quote",
        load=lambda uow, record_id: uow.quotes.get(record_id),
        owner=lambda q: q.owner_id,
        summary=_summary,
        on_outcome=_on_outcome,
    )
)
