"""Products, price lists and how the price of a line is resolved (with the reason shown)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal

from crm_chassis.errors import InvalidArgument
from sales.domain.common import bounded, currency, money, parse_decimal, required_text

MAX_TIERS = 500


@dataclasses.dataclass(frozen=True)
class Product:
    id: str
    sku: str
    name: str
    category: str
    unit: str
    list_price: Decimal  # minor units
    currency: str
    warranty_months: int
    active: bool
    version: int
    created_at: datetime
    updated_at: datetime


@dataclasses.dataclass(frozen=True)
class PriceTier:
    """From `min_quantity` up, the product costs `unit_price` (minor units) on this list."""

    product_id: str
    min_quantity: Decimal
    unit_price: Decimal


@dataclasses.dataclass(frozen=True)
class PriceList:
    id: str
    name: str
    currency: str
    # Empty = any classification / any region.
    customer_classification: str
    region: str
    effective_from: date
    effective_to: date | None  # inclusive; None = open-ended
    active: bool
    tiers: tuple[PriceTier, ...]
    version: int
    created_at: datetime
    updated_at: datetime

    @property
    def specificity(self) -> int:
        """2 = classification and region, 1 = one of them, 0 = everyone."""
        return int(bool(self.customer_classification)) + int(bool(self.region))

    def applies(self, *, classification: str, region: str, on: date, currency: str) -> bool:
        return (
            self.active
            and self.currency == currency
            and self.effective_from <= on
            and (self.effective_to is None or on <= self.effective_to)
            and (not self.customer_classification or self.customer_classification == classification)
            and (not self.region or self.region.lower() == region.lower())
        )

    def best_tier(self, product_id: str, quantity: Decimal) -> PriceTier | None:
        """The tier with the highest minimum quantity the line reaches."""
        reached = [t for t in self.tiers if t.product_id == product_id and t.min_quantity <= quantity]
        return max(reached, key=lambda t: t.min_quantity, default=None)


@dataclasses.dataclass(frozen=True)
class PriceResolution:
    unit_price: Decimal
    source: str  # "price_list" | "list_price"
    price_list_id: str
    price_list_name: str
    tier_min_quantity: Decimal | None
    reason: str


def resolve_price(
    product: Product,
    price_lists: Iterable[PriceList],
    *,
    classification: str,
    region: str,
    on: date,
    quantity: Decimal,
    currency: str,
) -> PriceResolution:
    """The unit price of `quantity` of `product` for a customer on date `on`.

    The most specific list in effect (classification and region, then one of them, then a
    general list; among equals the one that took effect last) that prices the product for this
    quantity wins, with its best tier; without one, the product's list price applies."""
    candidates = sorted(
        (
            pl
            for pl in price_lists
            if pl.applies(classification=classification, region=region, on=on, currency=currency)
        ),
        key=lambda pl: (-pl.specificity, -pl.effective_from.toordinal(), pl.id),
    )
    for pl in candidates:
        tier = pl.best_tier(product.id, quantity)
        if tier is None:
            continue
        scope = (
            " and ".join(
                part
                for part in (
                    f"classification {pl.customer_classification}" if pl.customer_classification else "",
                    f"region {pl.region}" if pl.region else "",
                )
                if part
            )
            or "every customer"
        )
        return PriceResolution(
            unit_price=tier.unit_price,
            source="price_list",
            price_list_id=pl.id,
            price_list_name=pl.name,
            tier_min_quantity=tier.min_quantity,
            reason=(
                f"price list {pl.name!r} ({scope}, effective {pl.effective_from.isoformat()}"
                f"{' to ' + pl.effective_to.isoformat() if pl.effective_to else ''}), "
                f"tier from quantity {tier.min_quantity.normalize():f}"
            ),
        )
    if product.currency != currency:
        raise InvalidArgument(
            f"product {product.sku} has no price in {currency} (list price is in {product.currency})",
            code="price.no_price_in_currency",
            field="currency",
        )
    return PriceResolution(
        unit_price=product.list_price,
        source="list_price",
        price_list_id="",
        price_list_name="",
        tier_min_quantity=None,
        reason="list price: no price list in effect prices this product for this customer and quantity",
    )


# -- validation ---------------------------------------------------------------------------------


def clean_product_fields(
    *, sku: str, name: str, category: str, unit: str, list_price: Decimal, currency_code: str, warranty_months: int
) -> dict[str, object]:
    if warranty_months < 0 or warranty_months > 1200:
        raise InvalidArgument(
            "warranty_months must be 0..1200", code="product.warranty_invalid", field="warranty_months"
        )
    return {
        "sku": required_text(sku, "sku", max_len=64).upper(),
        "name": required_text(name, "name"),
        "category": bounded(category, "category", max_len=100),
        "unit": bounded(unit, "unit", max_len=20) or "pcs",
        "list_price": money(list_price, "list_price"),
        "currency": currency(currency_code),
        "warranty_months": warranty_months,
    }


def clean_tiers(raw: Iterable[tuple[str, str, Decimal]]) -> tuple[PriceTier, ...]:
    """Tiers from (product id, min quantity text, unit price): quantities > 0, prices >= 0, no
    (product, min quantity) twice."""
    tiers = []
    seen: set[tuple[str, Decimal]] = set()
    for i, (product_id, min_qty, price) in enumerate(raw):
        where = f"tiers[{i}]"
        if not product_id:
            raise InvalidArgument(f"{where}: product_id is required", code="price_list.product_required", field=where)
        qty = parse_decimal(min_qty, "min_quantity", default=Decimal(1))
        if qty <= 0:
            raise InvalidArgument(
                f"{where}: min_quantity must be greater than 0", code="price_list.min_quantity_invalid", field=where
            )
        key = (product_id, qty.normalize())
        if key in seen:
            raise InvalidArgument(
                f"{where}: the product already has a tier from {qty}", code="price_list.tier_duplicate", field=where
            )
        seen.add(key)
        tiers.append(PriceTier(product_id, qty, money(price, "unit_price")))
    if len(tiers) > MAX_TIERS:
        raise InvalidArgument(f"a price list has at most {MAX_TIERS} tiers", code="price_list.too_many_tiers")
    return tuple(tiers)


def check_period(effective_from: date | None, effective_to: date | None) -> date:
    if effective_from is None:
        raise InvalidArgument("effective_from is required", code="effective_from_required", field="effective_from")
    if effective_to is not None and effective_to < effective_from:
        raise InvalidArgument(
            "effective_to must not be before effective_from", code="price_list.period_invalid", field="effective_to"
        )
    return effective_from
