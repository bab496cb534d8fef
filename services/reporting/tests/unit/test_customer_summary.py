from datetime import UTC, datetime, timedelta

from crm_chassis.identity import Caller
from reporting.domain.customer_summary import CustomerFact, supersedes
from reporting.domain.projections import apply_customer_fact, customer_summary

T0 = datetime(2026, 11, 24, tzinfo=UTC)


class MemoryFacts:
    """In-memory CustomerFacts port for rule tests."""

    def __init__(self):
        self.rows = {}

    def get(self, customer_id):
        return self.rows.get(customer_id)

    def put_if_newer(self, fact):
        if not supersedes(fact, self.rows.get(fact.customer_id)):
            return False
        self.rows[fact.customer_id] = fact
        return True

    def remove(self, customer_id, *, up_to_version):
        stored = self.rows.get(customer_id)
        if stored is None or stored.version > up_to_version:
            return False
        del self.rows[customer_id]
        return True

    def counts_by_owner(self, visible_owners):
        counts = {}
        for f in self.rows.values():
            if not f.deleted and (visible_owners is None or f.owner_id in visible_owners):
                counts[f.owner_id] = counts.get(f.owner_id, 0) + 1
        return counts

    def newest_event_at(self):
        return max((f.event_at for f in self.rows.values()), default=None)


def fact(cid, owner, version, minutes=0):
    return CustomerFact(cid, owner, T0, version, T0 + timedelta(minutes=minutes))


def test_versions_apply_monotonically():
    assert supersedes(fact("c", "u1", 2), None)
    assert supersedes(fact("c", "u1", 3), fact("c", "u1", 2))
    assert not supersedes(fact("c", "u2", 2), fact("c", "u1", 2))
    assert not supersedes(fact("c", "u2", 1), fact("c", "u1", 2))


def test_an_old_event_arriving_late_does_not_overwrite_a_newer_one():
    facts = MemoryFacts()
    assert apply_customer_fact(facts, fact("c", "u-new", 2))
    assert not apply_customer_fact(facts, fact("c", "u-old", 1))
    assert facts.get("c").owner_id == "u-new"


def test_summary_counts_only_visible_owners_and_orders_by_count():
    facts = MemoryFacts()
    for i, owner in enumerate(["u1", "u2", "u2", "u3", "u2", "u1"]):
        apply_customer_fact(facts, fact(f"c{i}", owner, 1, minutes=i))
    everyone = customer_summary(facts, Caller(user_id="admin"))
    assert everyone.total == 6
    assert [(o.owner_id, o.count) for o in everyone.by_owner] == [("u2", 3), ("u1", 2), ("u3", 1)]
    assert everyone.as_of == T0 + timedelta(minutes=5)
    rep = customer_summary(facts, Caller(user_id="u1", visible_owners=frozenset({"u1"})))
    assert rep.total == 2 and [o.owner_id for o in rep.by_owner] == ["u1"]


def test_deleted_customers_are_not_counted_and_a_purge_forgets_them():
    from dataclasses import replace

    from reporting.domain.projections import forget_customer

    facts = MemoryFacts()
    apply_customer_fact(facts, fact("c1", "u1", 1))
    apply_customer_fact(facts, fact("c2", "u1", 1))
    apply_customer_fact(facts, replace(fact("c1", "u1", 2), deleted=True))
    assert customer_summary(facts, Caller()).total == 1
    apply_customer_fact(facts, fact("c1", "u1", 3))  # restored
    assert customer_summary(facts, Caller()).total == 2
    assert not forget_customer(facts, "c1", 2)  # an older purge does not remove a newer state
    assert forget_customer(facts, "c1", 4)
    assert facts.get("c1") is None and customer_summary(facts, Caller()).total == 1
