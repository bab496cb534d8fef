"""Priced lines and totals, shared by quotes and orders."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from crm_chassis.errors import InvalidArgument
from sales.domain.catalogue import PriceResolution, Product
from sales.domain.common import HUNDRED, minor, parse_decimal, percent

MAX_LINES = 200
MAX_QUANTITY = Decimal(10) ** 9


@dataclasses.dataclass(frozen=True)
class LineInput:
    """A line as the caller asks for it: the price is resolved by the service, never sent in."""

    product_id: str
    quantity: str
    discount_percent: str = ""
    description: str = ""


@dataclasses.dataclass(frozen=True)
class Line:
    product_id: str
    sku: str
    name: str
    unit: str
    description: str
    quantity: Decimal
    unit_price: Decimal  # minor units, from the price resolution
    discount_percent: Decimal
    price_source: str
    price_list_id: str
    tier_min_quantity: Decimal | None
    price_reason: str
    # The product's warranty at pricing time, so a fulfilled order tells after-sales what it covers.
    warranty_months: int = 0

    @property
    def gross(self) -> Decimal:
        return minor(self.quantity * self.unit_price)

    @property
    def discount(self) -> Decimal:
        return minor(self.gross * self.discount_percent / HUNDRED)

    @property
    def net(self) -> Decimal:
        return self.gross - self.discount

    def to_dict(self) -> dict[str, Any]:
        return {
            "product_id": self.product_id,
            "sku": self.sku,
            "name": self.name,
            "unit": self.unit,
            "description": self.description,
            "quantity": str(self.quantity),
            "unit_price": str(self.unit_price),
            "discount_percent": str(self.discount_percent),
            "price_source": self.price_source,
            "price_list_id": self.price_list_id,
            "tier_min_quantity": None if self.tier_min_quantity is None else str(self.tier_min_quantity),
            "price_reason": self.price_reason,
            "warranty_months": self.warranty_months,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Line:
        tier = d.get("tier_min_quantity")
        return cls(
            product_id=d["product_id"],
            sku=d["sku"],
            name=d["name"],
            unit=d["unit"],
            description=d.get("description", ""),
            quantity=Decimal(d["quantity"]),
            unit_price=Decimal(d["unit_price"]),
            discount_percent=Decimal(d["discount_percent"]),
            price_source=d["price_source"],
            price_list_id=d.get("price_list_id", ""),
            tier_min_quantity=None if tier is None else Decimal(tier),
            price_reason=d.get("price_reason", ""),
            warranty_months=int(d.get("warranty_months", 0)),
        )


@dataclasses.dataclass(frozen=True)
class Totals:
    subtotal: Decimal  # sum of quantity x unit price
    discount: Decimal
    net: Decimal
    tax: Decimal
    total: Decimal


def totals(lines: Iterable[Line], tax_rate: Decimal) -> Totals:
    lines = list(lines)
    subtotal = sum((ln.gross for ln in lines), Decimal(0))
    discount = sum((ln.discount for ln in lines), Decimal(0))
    net = subtotal - discount
    tax = minor(net * tax_rate / HUNDRED)
    return Totals(subtotal, discount, net, tax, net + tax)


def quantity_of(text: str, field: str) -> Decimal:
    qty = parse_decimal(text, field)
    if qty <= 0:
        raise InvalidArgument(f"{field} must be greater than 0", code="line.quantity_not_positive", field=field)
    if qty >= MAX_QUANTITY or qty != qty.quantize(Decimal("0.0001")):
        raise InvalidArgument(
            f"{field} must be below 10^9 with at most 4 decimals", code="line.quantity_invalid", field=field
        )
    return qty


def check_inputs(inputs: list[LineInput]) -> list[tuple[LineInput, Decimal, Decimal]]:
    """(input, quantity, discount) for each line, validated before any price is looked up."""
    if not inputs:
        raise InvalidArgument("at least one line is needed", code="lines.empty", field="lines")
    if len(inputs) > MAX_LINES:
        raise InvalidArgument(f"at most {MAX_LINES} lines", code="lines.too_many", field="lines")
    out = []
    for i, line in enumerate(inputs):
        if not line.product_id:
            raise InvalidArgument(
                f"lines[{i}].product_id is required", code="line.product_required", field=f"lines[{i}]"
            )
        qty = quantity_of(line.quantity, f"lines[{i}].quantity")
        try:
            discount = percent(line.discount_percent, f"lines[{i}].discount_percent")
        except InvalidArgument as exc:
            raise InvalidArgument(exc.message, code="line.discount_out_of_range", field=exc.field) from None
        out.append((line, qty, discount))
    return out


def priced(product: Product, resolution: PriceResolution, line: LineInput, qty: Decimal, discount: Decimal) -> Line:
    return Line(
        product_id=product.id,
        sku=product.sku,
        name=product.name,
        unit=product.unit,
        description=line.description.strip()[:500],
        quantity=qty,
        unit_price=resolution.unit_price,
        discount_percent=discount,
        price_source=resolution.source,
        price_list_id=resolution.price_list_id,
        tier_min_quantity=resolution.tier_min_quantity,
        price_reason=resolution.reason,
        warranty_months=product.warranty_months,
    )


def max_discount(lines: Iterable[Line]) -> Decimal:
    return max((ln.discount_percent for ln in lines), default=Decimal(0))
