"""The demo set is built through the use cases and is coherent: every stage, orders, active or
expired contracts with plans that add up, receipts over the last months, targets."""

import pytest
from sqlalchemy import func, select

from sales.domain.commands.demo import build_demo
from sales.persistence import tables as t
from sales.persistence.uow import SqlSalesUnitOfWork

pytestmark = pytest.mark.integration


def test_demo_set(api):
    customers = [(f"cust-{i}", f"rep{i % 3}") for i in range(9)]
    for cid, owner in customers:
        api.customer(cid, f"Customer {cid}", owner=owner, classification="vip" if cid.endswith("1") else "normal")
    made = build_demo(lambda **kw: SqlSalesUnitOfWork(api.factory, **kw), customers=customers)
    assert (made.products, made.opportunities, made.orders) == (5, 9, 2)
    assert made.contracts == 2 and made.receipts >= 2
    with api.factory() as s:
        stages = {r[0] for r in s.execute(select(t.opportunities.c.stage).distinct())}
        plans = s.execute(select(t.payment_plans.c.total, t.contracts.c.value).join(
            t.contracts, t.contracts.c.id == t.payment_plans.c.contract_id)).all()  # fmt: skip
        targets = s.execute(select(func.count()).select_from(t.targets)).scalar_one()
    assert stages == {"qualification", "needs_analysis", "proposal", "negotiation", "won", "lost"}
    assert plans and all(total == value for total, value in plans)
    assert targets == 12
    kinds = set(api.event_types())
    assert {"opportunity_won", "opportunity_lost", "quote_accepted", "contract_activated", "payment_received"} <= kinds
