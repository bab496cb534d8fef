"""What the quote and contract documents show (the PDF rendering itself is sales.documents)."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

from crm_chassis.identity import Caller
from sales.domain.commands.base import UowFactory, readable, today
from sales.domain.contract import Contract
from sales.domain.lines import Line
from sales.domain.quote import Quote


@dataclasses.dataclass(frozen=True)
class QuoteDocument:
    quote: Quote
    customer_name: str
    today: date


@dataclasses.dataclass(frozen=True)
class ContractDocument:
    contract: Contract
    customer_name: str
    lines: tuple[Line, ...]
    # None when the orders were taxed at different rates (no combined totals then).
    tax_rate: Decimal | None
    order_numbers: tuple[str, ...]
    product_names: dict[str, str]
    today: date


def quote_document(uow_factory: UowFactory, caller: Caller, quote_id: str) -> QuoteDocument:
    with uow_factory(read_only=True) as uow:
        q = readable(uow, uow.quotes.get(quote_id) if quote_id else None, "quote", quote_id, caller)
        ref = uow.customers.get(q.customer_id)
        return QuoteDocument(q, ref.name if ref else q.customer_id, today(uow.settings.load()))


def contract_document(uow_factory: UowFactory, caller: Caller, contract_id: str) -> ContractDocument:
    with uow_factory(read_only=True) as uow:
        c = readable(uow, uow.contracts.get(contract_id) if contract_id else None, "contract", contract_id, caller)
        ref = uow.customers.get(c.customer_id)
        by_id = uow.orders.many(c.order_ids)
        orders = [by_id[i] for i in c.order_ids if i in by_id]
        rates = {o.tax_rate for o in orders}
        products = uow.products.many({x.product_id for x in c.coverage})
        return ContractDocument(
            contract=c,
            customer_name=ref.name if ref else c.customer_id,
            lines=tuple(ln for o in orders for ln in o.lines),
            tax_rate=rates.pop() if len(rates) == 1 else None,
            order_numbers=tuple(o.number for o in orders),
            product_names={p.id: f"{p.sku} {p.name}" for p in products.values()},
            today=today(uow.settings.load()),
        )
