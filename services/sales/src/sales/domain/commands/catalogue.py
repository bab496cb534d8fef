"""Products and price lists, and the price of a line for a customer."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from crm_chassis.errors import AlreadyExists, InvalidArgument, NotFound
from crm_chassis.identity import Caller
from sales.domain import catalogue as cat
from sales.domain.commands.base import UowFactory, customer, new_id, today
from sales.domain.common import (
    Page,
    bounded,
    check_paths,
    check_version,
    concurrent_write,
    currency,
    list_request,
    now,
    required_text,
)
from sales.domain.lines import quantity_of

PRODUCT_FIELDS = frozenset({"sku", "name", "category", "unit", "list_price", "currency", "warranty_months", "active"})
PRICE_LIST_FIELDS = frozenset(
    {"name", "currency", "customer_classification", "region", "effective_from", "effective_to", "active", "tiers"}
)
CLASSIFICATIONS = ("", "potential", "normal", "important", "vip")


def _product_not_found(product_id: str) -> NotFound:
    return NotFound(f"product {product_id} not found", code="product.not_found", field="id")


def create_product(uow_factory: UowFactory, caller: Caller, fields: Mapping[str, Any]) -> cat.Product:
    at = now()
    clean = cat.clean_product_fields(
        sku=fields.get("sku", ""),
        name=fields.get("name", ""),
        category=fields.get("category", ""),
        unit=fields.get("unit", ""),
        list_price=fields.get("list_price", Decimal(0)),
        currency_code=fields.get("currency", ""),
        warranty_months=int(fields.get("warranty_months", 0)),
    )
    product = cat.Product(
        id=new_id(), active=bool(fields.get("active", True)), version=1, created_at=at, updated_at=at, **clean
    )  # type: ignore[arg-type]
    with uow_factory() as uow:
        _sku_free(uow, product.sku, None)
        uow.products.add(product)
        uow.commit()
    return product


def _sku_free(uow, sku: str, except_id: str | None) -> None:  # type: ignore[no-untyped-def]
    holder = uow.products.by_sku(sku)
    if holder is not None and holder.id != except_id:
        raise AlreadyExists(
            f"SKU {sku} is taken by product {holder.name}",
            code="product.sku_taken",
            field="sku",
            details={"product_id": holder.id},
        )


def get_product(uow_factory: UowFactory, caller: Caller, product_id: str) -> cat.Product:
    with uow_factory(read_only=True) as uow:
        product = uow.products.get(product_id) if product_id else None
    if product is None:
        raise _product_not_found(product_id)
    return product


def list_products(uow_factory: UowFactory, caller: Caller, **page: Any) -> Page[cat.Product]:
    request = dataclasses.replace(list_request(caller, **page), visible_owners=None)  # the catalogue is public
    with uow_factory(read_only=True) as uow:
        return uow.products.page(request)


def update_product(
    uow_factory: UowFactory,
    caller: Caller,
    product_id: str,
    *,
    expected_version: int,
    patch: Mapping[str, Any],
    paths: list[str],
) -> cat.Product:
    check_paths(paths, PRODUCT_FIELDS)
    at = now()
    with uow_factory() as uow:
        current = uow.products.get(product_id) if product_id else None
        if current is None:
            raise _product_not_found(product_id)
        check_version(current.version, expected_version, f"product {product_id}")
        merged = {f: patch[f] if f in paths else getattr(current, f) for f in PRODUCT_FIELDS}
        clean = cat.clean_product_fields(
            sku=merged["sku"],
            name=merged["name"],
            category=merged["category"],
            unit=merged["unit"],
            list_price=merged["list_price"],
            currency_code=merged["currency"],
            warranty_months=int(merged["warranty_months"]),
        )
        updated = dataclasses.replace(current, active=bool(merged["active"]), **clean)  # type: ignore[arg-type]
        if updated == current:
            return current
        if updated.sku != current.sku:
            _sku_free(uow, updated.sku, current.id)
        updated = dataclasses.replace(updated, version=current.version + 1, updated_at=at)
        if not uow.products.update(updated, expected_version=current.version):
            raise concurrent_write(f"product {product_id}")
        uow.commit()
    return updated


# -- price lists -------------------------------------------------------------------------------


def _clean_price_list(uow, values: Mapping[str, Any]) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    classification = (values.get("customer_classification") or "").strip().lower()
    if classification not in CLASSIFICATIONS:
        raise InvalidArgument(
            f"customer_classification must be one of {', '.join(c for c in CLASSIFICATIONS if c)} or empty",
            code="price_list.classification_invalid",
            field="customer_classification",
        )
    code = currency(values.get("currency", ""))
    raw_tiers = []
    for i, tier in enumerate(values.get("tiers") or ()):
        # (product id, min quantity, unit price[, the price's currency])
        if len(tier) > 3 and tier[3] and tier[3] != code:
            raise InvalidArgument(
                f"tiers[{i}].unit_price is in {tier[3]}, the list is in {code}",
                code="currency_mismatch",
                field=f"tiers[{i}]",
            )
        raw_tiers.append(tuple(tier[:3]))
    tiers = cat.clean_tiers(raw_tiers)
    known = uow.products.many({t.product_id for t in tiers})
    for i, tier in enumerate(tiers):
        if tier.product_id not in known:
            raise InvalidArgument(
                f"tiers[{i}]: product {tier.product_id} does not exist",
                code="price_list.unknown_product",
                field=f"tiers[{i}]",
            )
    start = cat.check_period(values.get("effective_from"), values.get("effective_to"))
    return {
        "name": required_text(values.get("name", ""), "name"),
        "currency": code,
        "customer_classification": classification,
        "region": bounded(values.get("region", ""), "region", max_len=100),
        "effective_from": start,
        "effective_to": values.get("effective_to"),
        "active": bool(values.get("active", True)),
        "tiers": tiers,
    }


def create_price_list(uow_factory: UowFactory, caller: Caller, fields: Mapping[str, Any]) -> cat.PriceList:
    at = now()
    with uow_factory() as uow:
        clean = _clean_price_list(uow, fields)
        price_list = cat.PriceList(id=new_id(), version=1, created_at=at, updated_at=at, **clean)
        uow.price_lists.add(price_list)
        uow.commit()
    return price_list


def get_price_list(uow_factory: UowFactory, caller: Caller, price_list_id: str) -> cat.PriceList:
    with uow_factory(read_only=True) as uow:
        found = uow.price_lists.get(price_list_id) if price_list_id else None
    if found is None:
        raise NotFound(f"price list {price_list_id} not found", code="price_list.not_found", field="id")
    return found


def list_price_lists(uow_factory: UowFactory, caller: Caller, **page: Any) -> Page[cat.PriceList]:
    request = dataclasses.replace(list_request(caller, **page), visible_owners=None)
    with uow_factory(read_only=True) as uow:
        return uow.price_lists.page(request)


def update_price_list(
    uow_factory: UowFactory,
    caller: Caller,
    price_list_id: str,
    *,
    expected_version: int,
    patch: Mapping[str, Any],
    paths: list[str],
) -> cat.PriceList:
    check_paths(paths, PRICE_LIST_FIELDS)
    at = now()
    with uow_factory() as uow:
        current = uow.price_lists.get(price_list_id) if price_list_id else None
        if current is None:
            raise NotFound(f"price list {price_list_id} not found", code="price_list.not_found", field="id")
        check_version(current.version, expected_version, f"price list {price_list_id}")
        merged: dict[str, Any] = {f: getattr(current, f) for f in PRICE_LIST_FIELDS}
        merged["tiers"] = [(t.product_id, t.min_quantity, t.unit_price) for t in current.tiers]
        merged.update({p: patch[p] for p in paths})
        updated = dataclasses.replace(current, **_clean_price_list(uow, merged))
        if updated == current:
            return current
        updated = dataclasses.replace(updated, version=current.version + 1, updated_at=at)
        if not uow.price_lists.update(updated, expected_version=current.version):
            raise concurrent_write(f"price list {price_list_id}")
        uow.commit()
    return updated


def resolve_price(
    uow_factory: UowFactory,
    caller: Caller,
    *,
    customer_id: str,
    product_id: str,
    quantity: str,
    on: date | None,
    currency_code: str,
) -> tuple[cat.Product, cat.PriceResolution]:
    """The price a line would get, and why (which list, which tier, or the list price)."""
    qty = quantity_of(quantity, "quantity")
    with uow_factory(read_only=True) as uow:
        ref = customer(uow, customer_id)
        product = uow.products.get(product_id) if product_id else None
        if product is None:
            raise _product_not_found(product_id)
        day = on or today(uow.settings.load())
        code = currency(currency_code) if currency_code else product.currency
        resolution = cat.resolve_price(
            product,
            uow.price_lists.in_effect(day, code),
            classification=ref.classification,
            region=ref.region,
            on=day,
            quantity=qty,
            currency=code,
        )
    return product, resolution
