"""A coherent demo set built through the use cases (so every rule and event applies): products,
price lists, opportunities in every stage, quotes, orders, contracts with plans and receipts spread
over the last twelve months, targets. The runner's seed calls it once the customers it names are in
the local copy (their customer_created events consumed)."""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Sequence
from datetime import timedelta
from decimal import Decimal

from crm_chassis.identity import Caller
from sales.domain import payments as pm
from sales.domain.commands import approvals, catalogue, contracts, opportunities, orders, payments, quotes, targets
from sales.domain.commands.base import UowFactory, today
from sales.domain.lines import LineInput

PRODUCTS = (
    ("LAP-14", "Business laptop 14in", "hardware", "pcs", 650_000, 24),
    ("MON-27", "Monitor 27in", "hardware", "pcs", 180_000, 36),
    ("DOCK-1", "Docking station", "hardware", "pcs", 120_000, 12),
    ("SUP-DAY", "On-site support day", "service", "day", 250_000, 0),
    ("LIC-OFF", "Office suite licence (year)", "software", "seat", 90_000, 0),
)


@dataclasses.dataclass(frozen=True)
class DemoSet:
    products: int
    opportunities: int
    orders: int
    contracts: int
    receipts: int


def build_demo(
    uow_factory: UowFactory,
    *,
    customers: Sequence[tuple[str, str]],
    manager: str = "demo.salesmanager",
    finance: str = "demo.finance",
    currency: str = "CNY",
    seed: int = 6,
) -> DemoSet:
    """`customers`: (customer id, owner id) pairs already in the local copy."""
    rng = random.Random(seed)
    admin = Caller(user_id="demo.admin", roles=("admin",))
    boss = Caller(user_id=manager, roles=("sales_manager",))
    fin = Caller(user_id=finance, roles=("finance",))
    with uow_factory(read_only=True) as uow:
        day = today(uow.settings.load())
        stages = [s.key for s in uow.settings.load().stages]

    products = [
        catalogue.create_product(
            uow_factory,
            admin,
            {
                "sku": sku,
                "name": name,
                "category": cat,
                "unit": unit,
                "list_price": Decimal(price),
                "currency": currency,
                "warranty_months": warranty,
            },
        )
        for sku, name, cat, unit, price, warranty in PRODUCTS
    ]
    catalogue.create_price_list(
        uow_factory,
        admin,
        {
            "name": "VIP volume prices",
            "currency": currency,
            "customer_classification": "vip",
            "effective_from": day - timedelta(days=365),
            "tiers": [(p.id, "10", p.list_price * Decimal("0.85")) for p in products[:3]],
        },
    )
    catalogue.create_price_list(
        uow_factory,
        admin,
        {
            "name": "Standard volume prices",
            "currency": currency,
            "effective_from": day - timedelta(days=365),
            "tiers": [(p.id, "20", p.list_price * Decimal("0.95")) for p in products],
        },
    )

    counts = {"opportunities": 0, "orders": 0, "contracts": 0, "receipts": 0}
    for n, (customer_id, owner) in enumerate(customers):
        rep = Caller(user_id=owner, roles=("sales_rep",))
        fate = [*stages, "won", "won", "lost"][n % (len(stages) + 3)]
        opp = opportunities.create_opportunity(
            uow_factory,
            rep,
            {
                "customer_id": customer_id,
                "name": f"Workplace refresh {n + 1}",
                "amount": Decimal(rng.randint(20, 200) * 100_000),
                "currency": currency,
                "stage": fate if fate in stages else stages[-1],
                "expected_close_date": day + timedelta(days=rng.randint(5, 90)),
            },
        )
        counts["opportunities"] += 1
        if fate == "lost":
            opportunities.lose(uow_factory, rep, opp.id, reason="chose a competitor", expected_version=0)
            continue
        if fate != "won":
            continue
        opportunities.win(uow_factory, rep, opp.id, amount=None, expected_version=0)
        lines = [
            LineInput(p.id, str(rng.randint(2, 25)), str(rng.choice([0, 0, 5, 8, 12])))
            for p in rng.sample(products, k=rng.randint(1, 3))
        ]
        quote = quotes.create_quote(
            uow_factory,
            rep,
            {
                "customer_id": customer_id,
                "opportunity_id": opp.id,
                "currency": currency,
                "tax_rate": "13",
                "valid_until": day + timedelta(days=30),
            },
            lines,
        )
        quote, approval = quotes.submit_quote(uow_factory, rep, quote.id, comment="", expected_version=0)
        if approval.is_open:
            approvals.decide(
                uow_factory,
                boss,
                record_type="quote",
                record_id=quote.id,
                action="approve",
                comment="",
                expected_version=0,
            )
        quotes.send_quote(uow_factory, rep, quote.id, expected_version=0)
        _, order = quotes.accept_quote(uow_factory, rep, quote.id, expected_version=0)
        orders.confirm_order(uow_factory, rep, order.id, expected_version=0)
        counts["orders"] += 1

        # Contracts start over the last twelve months, so reports have history.
        start = day - timedelta(days=rng.randint(20, 360))
        contract = contracts.create_contract(
            uow_factory,
            rep,
            {
                "customer_id": customer_id,
                "order_ids": [order.id],
                "currency": currency,
                "start_date": start,
                "end_date": start + timedelta(days=364),
                "title": f"Supply contract {n + 1}",
            },
        )
        contracts.submit_contract(uow_factory, rep, contract.id, comment="", expected_version=0)
        for approver in (boss, fin):
            approvals.decide(
                uow_factory,
                approver,
                record_type="contract",
                record_id=contract.id,
                action="approve",
                comment="",
                expected_version=0,
            )
        contracts.sign_contract(uow_factory, rep, contract.id, signed_on=start, expected_version=0)
        counts["contracts"] += 1

        value = contract.value
        parts = [value // 3, value // 3]
        parts.append(value - sum(parts))
        plan = payments.create_plan(
            uow_factory,
            rep,
            contract.id,
            [pm.InstalmentInput(start + timedelta(days=30 + 90 * i), Decimal(a)) for i, a in enumerate(parts)],
        ).plan
        # The first instalment paid on time, the second partly, the rest left (overdue if past due).
        for inst, share in zip(plan.instalments, (Decimal(1), Decimal("0.5")), strict=False):
            paid_on = min(inst.due_date - timedelta(days=rng.randint(0, 5)), day)
            if paid_on < start:
                continue
            payments.record_receipt(
                uow_factory,
                rep,
                contract_id=contract.id,
                amount=(inst.amount * share).to_integral_value(),
                received_on=paid_on,
                method="bank_transfer",
                reference=f"DEMO-{n}-{inst.seq}",
                note="",
                allocations=[],
            )
            counts["receipts"] += 1

    for offset in range(12):
        year, month0 = divmod(day.year * 12 + day.month - 1 - offset, 12)
        targets.create_target(
            uow_factory,
            boss,
            month=f"{year}-{month0 + 1:02d}",
            metric="contract_amount",
            scope_type="company",
            scope_id="",
            value=Decimal(50_000_000),
            currency_code=currency,
        )
    return DemoSet(len(products), **counts)
