"""Payment plans must add up, receipts are allocated (given lines, then FIFO by due date), statuses
and overdue are derived with as_of, receipts and invoices never exceed the contract."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from crm_chassis.errors import InvalidArgument
from sales.domain import payments as pm
from sales.domain.contract import Contract, activate_if_due, add_months, expire_if_due, renewal_due, sign
from sales.domain.invoice import BillingProfile, Invoice, check_within_contract
from sales.domain.target import Target, period_sum, quarter_months

T = datetime(2026, 1, 1, tzinfo=UTC)
_ids = iter(range(1000))


def ids():
    return f"i{next(_ids)}"


def instalments(*pairs, value=None):
    inputs = [pm.InstalmentInput(due, Decimal(amount)) for due, amount in pairs]
    total = Decimal(value if value is not None else sum(a for _, a in pairs))
    return pm.build_instalments("plan", inputs, contract_value=total, new_id=ids)


def test_instalments_must_add_up_to_the_contract_value():
    with pytest.raises(InvalidArgument) as err:
        instalments((date(2026, 2, 1), 400), (date(2026, 3, 1), 500), value=1000)
    assert err.value.code == "plan.total_mismatch" and err.value.details == {
        "planned": "900", "contract_value": "1000", "gap": "100",
    }  # fmt: skip
    with pytest.raises(InvalidArgument):
        instalments((date(2026, 2, 1), 1100), (date(2026, 3, 1), -100), value=1000)
    with pytest.raises(InvalidArgument):
        instalments(value=1000)
    plan = instalments((date(2026, 3, 1), 500), (date(2026, 2, 1), 500), value=1000)
    assert [(i.seq, i.due_date) for i in plan] == [(1, date(2026, 2, 1)), (2, date(2026, 3, 1))]


def test_receipts_are_allocated_fifo_by_due_date_after_the_given_lines():
    a, b, c = instalments((date(2026, 1, 10), 300), (date(2026, 2, 10), 300), (date(2026, 3, 10), 400))
    assert pm.allocate(Decimal(450), (c, a, b), {}, []) == (
        pm.Allocation(a.id, Decimal(300)),
        pm.Allocation(b.id, Decimal(150)),
    )
    # Already reserved amounts are skipped; explicit lines come first.
    got = pm.allocate(Decimal(500), (a, b, c), {a.id: Decimal(300)}, [pm.Allocation(c.id, Decimal(100))])
    assert got == (pm.Allocation(b.id, Decimal(300)), pm.Allocation(c.id, Decimal(200)))
    for amount, explicit, code in (
        (Decimal(1001), [], "receipt.exceeds_plan"),
        (Decimal(100), [pm.Allocation(a.id, Decimal(301))], "allocation.exceeds_instalment"),
        (Decimal(100), [pm.Allocation("elsewhere", Decimal(1))], "allocation.unknown_instalment"),
        (Decimal(100), [pm.Allocation(a.id, Decimal(200))], "allocation.exceeds_receipt"),
    ):
        with pytest.raises(InvalidArgument) as err:
            pm.allocate(amount, (a, b, c), {}, explicit)
        assert err.value.code == code


def receipt(status, *allocs):
    return pm.Receipt(
        ids(), "k", "plan", "c", "u", sum((Decimal(x) for _, x in allocs), Decimal(0)), "CNY", date(2026, 1, 1),
        "bank", "", "", status, tuple(pm.Allocation(i, Decimal(x)) for i, x in allocs), None, 1, T, T, "u",
    )  # fmt: skip


def test_overdue_and_statuses_are_derived_with_as_of():
    a, b, c = instalments((date(2026, 1, 10), 300), (date(2026, 2, 10), 300), (date(2026, 3, 10), 400))
    plan = pm.PaymentPlan("plan", "k", "c", "u", "CNY", (a, b, c), 1, T, T, "u")
    receipts = [
        receipt("approved_without_review", (a.id, 300)),
        receipt("approved", (b.id, 100)),
        receipt("in_review", (c.id, 400)),  # reserves, but does not count as received
        receipt("voided", (c.id, 50)),
    ]

    def statuses(as_of, grace=0, contract="active"):
        states = pm.plan_states(plan, receipts, as_of=as_of, grace_days=grace, contract_status=contract)
        return [(s.status, s.received, s.days_overdue) for s in states]

    assert statuses(date(2026, 2, 10)) == [("completed", 300, 0), ("partially_received", 100, 0), ("due", 0, 0)]
    # due_date + grace < as_of: the day after the due date it is overdue, not on it.
    assert statuses(date(2026, 2, 11)) == [("completed", 300, 0), ("overdue", 100, 1), ("due", 0, 0)]
    assert statuses(date(2026, 2, 13), grace=3)[1][0] == "partially_received"
    assert statuses(date(2026, 2, 14), grace=3)[1][:1] == ("overdue",)
    assert statuses(date(2026, 5, 1))[2] == ("overdue", 0, 52)
    assert {s for s, _, _ in statuses(date(2026, 5, 1), contract="draft")} == {"pending_effective"}
    assert [s for s, _, _ in statuses(date(2026, 5, 1), contract="terminated")] == ["completed", "void", "void"]
    assert pm.received_by_instalment(receipts, counting=False) == {a.id: 300, b.id: 100, c.id: 400}


def test_replanning_keeps_instalments_with_receipts():
    a, b = instalments((date(2026, 1, 10), 500), (date(2026, 2, 10), 500))
    plan = pm.PaymentPlan("plan", "k", "c", "u", "CNY", (a, b), 1, T, T, "u")
    new_inputs = [
        pm.InstalmentInput(date(2026, 3, 1), Decimal(250)),
        pm.InstalmentInput(date(2026, 4, 1), Decimal(250)),
    ]
    updated = pm.replan(plan, new_inputs, touched={a.id}, contract_value=Decimal(1000), new_id=ids, at=T)
    assert [(i.seq, i.amount) for i in updated.instalments] == [(1, 500), (2, 250), (3, 250)]
    assert updated.instalments[0] == a and updated.version == 2
    with pytest.raises(InvalidArgument):
        pm.replan(plan, new_inputs[:1], touched={a.id}, contract_value=Decimal(1000), new_id=ids, at=T)


def test_receipts_and_invoices_never_exceed_the_contract():
    pm.check_receipt_within_contract(
        Decimal(500), [receipt("approved", ("x", 500)), receipt("rejected", ("x", 900))], Decimal(1000)
    )
    with pytest.raises(InvalidArgument):
        pm.check_receipt_within_contract(Decimal(501), [receipt("in_review", ("x", 500))], Decimal(1000))

    def invoice(status, amount):
        return Invoice(
            ids(), "k", "", "", "c", "u", Decimal(amount), "CNY", Decimal(13), BillingProfile("A"), "", status, "",
            None, "", 1, T, T, "u",
        )  # fmt: skip

    check_within_contract(
        Decimal(400), [invoice("issued", 600), invoice("void", 900), invoice("rejected", 900)], Decimal(1000)
    )
    with pytest.raises(InvalidArgument) as err:
        check_within_contract(Decimal(401), [invoice("issued", 600)], Decimal(1000))
    assert err.value.code == "invoice.exceeds_contract"
    tax_inside = invoice("issued", 113_000)
    assert (tax_inside.tax_amount, tax_inside.net_amount) == (Decimal(13_000), Decimal(100_000))


def contract(status="approved", start=date(2026, 3, 1), end=date(2027, 2, 28)):
    return Contract(
        "k", "C2026-00001", "", "c", "u", (), Decimal(1000), "CNY", start, end, "", (), status, None, "u", None, None,
        "", 1, T, T, "u",
    )  # fmt: skip


def test_contract_activation_expiry_and_renewal_with_as_of():
    signed = sign(contract(), signed_on=date(2026, 2, 20), today=date(2026, 2, 20), at=T)
    assert signed.status == "signed" and activate_if_due(signed, today=date(2026, 2, 28), at=T) is None
    active = activate_if_due(signed, today=date(2026, 3, 1), at=T)
    assert active.status == "active" and active.activated_at == T
    assert sign(contract(), signed_on=date(2026, 3, 2), today=date(2026, 3, 2), at=T).status == "active"
    assert expire_if_due(active, today=date(2027, 2, 28), at=T) is None
    assert expire_if_due(active, today=date(2027, 3, 1), at=T).status == "expired"
    assert not renewal_due(active, as_of=date(2027, 1, 28), days_before=30)
    assert renewal_due(active, as_of=date(2027, 1, 29), days_before=30)
    assert renewal_due(active, as_of=date(2027, 2, 28), days_before=30)
    assert not renewal_due(active, as_of=date(2027, 3, 1), days_before=30)
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28) and add_months(date(2026, 11, 15), 3) == date(
        2027, 2, 15
    )


def test_quarter_and_year_targets_are_sums_of_months():
    targets = [
        Target(ids(), f"2026-{m:02d}", "receipts", "company", "", Decimal(100 * m), "CNY", 1, T, T, "u")
        for m in range(1, 13)
    ]
    assert period_sum(targets, quarter_months(2026, 1)) == Decimal(600)
    assert period_sum(targets, [f"2026-{m:02d}" for m in range(1, 13)]) == Decimal(7800)
