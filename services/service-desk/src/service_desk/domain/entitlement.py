"""Entitlement at intake (pure): from the local copy of fulfilled order lines (product, warranty
months, fulfilment date) and contracts (coverage by product and date, status), decide whether a
request is in warranty, covered by contract, billable or not eligible, and say why."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date

IN_WARRANTY = "in_warranty"
COVERED = "covered_by_contract"
BILLABLE = "billable"
NOT_ELIGIBLE = "not_eligible"

# Work order types that are about a product's service (warranty / contract may cover them).
SERVICE_TYPES = frozenset({"repair", "installation", "maintenance", "return"})


@dataclasses.dataclass(frozen=True)
class OwnedProduct:
    """A product a customer received on a fulfilled order (one per order line)."""

    order_id: str
    customer_id: str
    product_id: str
    warranty_months: int
    fulfilled_on: date
    serial_number: str = ""


@dataclasses.dataclass(frozen=True)
class ContractCover:
    """A contract's coverage of one product until a date, with the contract's dates and status."""

    contract_id: str
    customer_id: str
    # "" = every product of the customer; None = no coverage (the contract only governs its orders).
    product_id: str | None
    until: date | None
    start_date: date | None
    end_date: date | None
    status: str  # active, expired, terminated, ...
    # The orders the contract was made for: their products' warranty is governed by the contract.
    order_ids: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True)
class Decision:
    decision: str
    reason: str
    order_id: str = ""
    contract_id: str = ""
    covered_until: date | None = None


def add_months(day: date, months: int) -> date:
    """`day` plus whole months, clamped to the month's last day (Jan 31 + 1 month = Feb 28/29)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def warranty_end(item: OwnedProduct) -> date | None:
    """The last day of warranty (fulfilment + months - 1 day), None when the product has none."""
    if item.warranty_months <= 0:
        return None
    return date.fromordinal(add_months(item.fulfilled_on, item.warranty_months).toordinal() - 1)


def contract_in_force(cover: ContractCover, on: date) -> bool:
    """An active contract whose dates include `on` and whose coverage has not run out."""
    if cover.status != "active":
        return False
    if cover.start_date and on < cover.start_date:
        return False
    if cover.end_date and on > cover.end_date:
        return False
    return not (cover.until and on > cover.until)


def decide(
    *,
    work_type: str,
    product_id: str,
    serial_number: str,
    on: date,
    owned: Iterable[OwnedProduct],
    covers: Iterable[ContractCover],
    order_id: str = "",
    contract_id: str = "",
) -> Decision:
    """In warranty beats contract cover beats billable. Consultations and disputes are not eligible
    for service (no charge, no warranty question). Without a product the request is billable unless a
    whole-customer contract covers it. A serial number, when both sides know one, must match.
    An order listed on a contract is governed by that contract: its lines' own warranty no longer
    applies, the contract's coverage does (so when the contract ends, the request is billable)."""
    if work_type not in SERVICE_TYPES:
        return Decision(NOT_ELIGIBLE, f"a {work_type} request is handled without entitlement")
    items = [
        o
        for o in owned
        if product_id
        and o.product_id == product_id
        and (not order_id or o.order_id == order_id)
        and (not serial_number or not o.serial_number or o.serial_number == serial_number)
    ]
    if product_id and not items and order_id:
        return Decision(NOT_ELIGIBLE, f"order {order_id} has no fulfilled line for product {product_id}", order_id)
    covers = list(covers)
    governed = {oid: c for c in covers for oid in c.order_ids}
    live = [(o, warranty_end(o)) for o in items if o.order_id not in governed]
    in_warranty = sorted(((end, o) for o, end in live if end is not None and on <= end), key=lambda x: x[0])
    if in_warranty:
        end, o = in_warranty[-1]
        return Decision(
            IN_WARRANTY,
            f"order {o.order_id} fulfilled {o.fulfilled_on.isoformat()} with {o.warranty_months} months warranty "
            f"(until {end.isoformat()})",
            order_id=o.order_id,
            covered_until=end,
        )
    candidates = [
        c
        for c in covers
        if (not contract_id or c.contract_id == contract_id)
        and c.product_id is not None
        and (c.product_id == "" or c.product_id == product_id)
    ]
    active = [c for c in candidates if contract_in_force(c, on)]
    if active:
        best = max(active, key=lambda c: (c.until or c.end_date or date.max, c.contract_id))
        until = best.until or best.end_date
        what = f"product {product_id}" if best.product_id else "every product"
        return Decision(
            COVERED,
            f"contract {best.contract_id} covers {what}" + (f" until {until.isoformat()}" if until else ""),
            contract_id=best.contract_id,
            covered_until=until,
        )
    reasons = []
    for o in items:
        if o.order_id in governed:
            c = governed[o.order_id]
            reasons.append(f"order {o.order_id} is governed by contract {c.contract_id}, which is {c.status}")
            break
    expired = [(o, end) for o, end in live if end is not None]
    if expired:
        o, end = max(expired, key=lambda x: x[1])
        reasons.append(f"warranty of order {o.order_id} ended {end.isoformat()}")
    elif items and not reasons:
        reasons.append("the product was sold without warranty")
    elif product_id:
        reasons.append(f"no fulfilled order of product {product_id} for this customer")
    if not reasons or not any("governed" in r for r in reasons):
        if candidates:
            c = candidates[0]
            reasons.append(f"contract {c.contract_id} is {c.status if c.status != 'active' else 'not in force'}")
        else:
            reasons.append("no contract covers it")
    first = next((o for o, _ in expired), items[0] if items else None)
    return Decision(BILLABLE, "; ".join(reasons), order_id=first.order_id if first else "")


@dataclasses.dataclass(frozen=True)
class ContractCopy:
    """The local copy of a sales contract (from contract_activated / _expired / _terminated)."""

    id: str
    customer_id: str
    status: str
    start_date: date | None
    end_date: date | None
    order_ids: tuple[str, ...]
    # (product_id, until) per coverage line
    coverage: tuple[tuple[str, date | None], ...]
    version: int

    def covers(self) -> list[ContractCover]:
        """One cover per coverage line; a contract without coverage still governs its orders."""
        base = dict(
            contract_id=self.id,
            customer_id=self.customer_id,
            start_date=self.start_date,
            end_date=self.end_date,
            status=self.status,
            order_ids=self.order_ids,
        )
        if not self.coverage:
            return [ContractCover(product_id=None, until=None, **base)]  # type: ignore[arg-type]
        return [ContractCover(product_id=p, until=u, **base) for p, u in self.coverage]  # type: ignore[arg-type]
