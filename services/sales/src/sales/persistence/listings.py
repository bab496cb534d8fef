"""The fields each list may filter and sort on (everything else is refused, C30)."""

from __future__ import annotations

from crm_chassis.listing import Field, Listing
from sales.domain import contract as ct
from sales.domain import invoice as iv
from sales.domain import order as od
from sales.domain import quote as qt
from sales.domain import target as tg
from sales.persistence import tables as t


def _common(table, *names: str) -> list[Field]:  # type: ignore[no-untyped-def]
    return [Field(n, table.c[n], "timestamp") for n in ("created_at", "updated_at") if n in table.c] + [
        Field(n, table.c[n]) for n in names
    ]


PRODUCTS = Listing(
    [
        *_common(t.products, "sku", "name", "category", "unit", "currency"),
        Field("list_price", t.products.c.list_price, "integer"),
        Field("warranty_months", t.products.c.warranty_months, "integer"),
        Field("active", t.products.c.active, "boolean"),
    ],
    tiebreak=t.products.c.id,
    default_order="name",
)

PRICE_LISTS = Listing(
    [
        *_common(t.price_lists, "name", "currency", "customer_classification", "region"),
        Field("effective_from", t.price_lists.c.effective_from, "date"),
        Field("effective_to", t.price_lists.c.effective_to, "date"),
        Field("active", t.price_lists.c.active, "boolean"),
    ],
    tiebreak=t.price_lists.c.id,
    default_order="effective_from desc",
)

OPPORTUNITIES = Listing(
    [
        *_common(
            t.opportunities, "name", "customer_id", "contact_id", "currency", "stage", "owner_id", "source_campaign_id"
        ),
        Field("status", t.opportunities.c.status, choices=frozenset({"open", "won", "lost"})),
        Field("amount", t.opportunities.c.amount, "integer"),
        Field("probability", t.opportunities.c.probability, "integer"),
        Field("expected_close_date", t.opportunities.c.expected_close_date, "date"),
        Field("closed_at", t.opportunities.c.closed_at, "timestamp"),
    ],
    tiebreak=t.opportunities.c.id,
)

QUOTES = Listing(
    [
        *_common(t.quotes, "number", "title", "customer_id", "opportunity_id", "owner_id", "currency", "order_id"),
        Field("status", t.quotes.c.status, choices=frozenset(qt.STATUSES)),
        Field("total", t.quotes.c.total, "integer"),
        Field("revision", t.quotes.c.revision, "integer"),
        Field("valid_until", t.quotes.c.valid_until, "date"),
        Field("sent_at", t.quotes.c.sent_at, "timestamp"),
    ],
    tiebreak=t.quotes.c.id,
)

ORDERS = Listing(
    [
        *_common(t.orders, "number", "customer_id", "opportunity_id", "quote_id", "owner_id", "currency"),
        Field("status", t.orders.c.status, choices=frozenset(od.STATUSES)),
        Field("total", t.orders.c.total, "integer"),
        Field("confirmed_at", t.orders.c.confirmed_at, "timestamp"),
    ],
    tiebreak=t.orders.c.id,
)

CONTRACTS = Listing(
    [
        *_common(t.contracts, "number", "title", "customer_id", "owner_id", "currency", "credited_owner_id"),
        Field("status", t.contracts.c.status, choices=frozenset(ct.STATUSES)),
        Field("value", t.contracts.c.value, "integer"),
        Field("start_date", t.contracts.c.start_date, "date"),
        Field("end_date", t.contracts.c.end_date, "date"),
        Field("signed_on", t.contracts.c.signed_on, "date"),
    ],
    tiebreak=t.contracts.c.id,
)

PLANS = Listing(
    [
        *_common(t.payment_plans, "contract_id", "order_id", "customer_id", "owner_id", "currency"),
        Field("total", t.payment_plans.c.total, "integer"),
    ],
    tiebreak=t.payment_plans.c.id,
)

RECEIPTS = Listing(
    [
        *_common(
            t.receipts,
            "contract_id",
            "order_id",
            "plan_id",
            "customer_id",
            "owner_id",
            "currency",
            "method",
            "reference",
        ),
        Field("status", t.receipts.c.status),
        Field("amount", t.receipts.c.amount, "integer"),
        Field("received_on", t.receipts.c.received_on, "date"),
    ],
    tiebreak=t.receipts.c.id,
)

INVOICES = Listing(
    [
        *_common(
            t.invoices, "contract_id", "order_id", "receipt_id", "customer_id", "owner_id", "currency", "invoice_number"
        ),
        Field("status", t.invoices.c.status, choices=frozenset(iv.STATUSES)),
        Field("amount", t.invoices.c.amount, "integer"),
        Field("issued_on", t.invoices.c.issued_on, "date"),
        Field("billing_title", t.invoices.c.billing_title),
    ],
    tiebreak=t.invoices.c.id,
)

TARGETS = Listing(
    [
        *_common(t.targets, "month", "scope_id", "currency", "updated_by"),
        Field("metric", t.targets.c.metric, choices=frozenset(tg.METRICS)),
        Field("scope_type", t.targets.c.scope_type, choices=frozenset(tg.SCOPES)),
        Field("value", t.targets.c.value, "integer"),
    ],
    tiebreak=t.targets.c.id,
    default_order="month desc",
)
