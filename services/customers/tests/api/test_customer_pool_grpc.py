"""The customer pool through the gRPC API (in-process, migrated SQLite and PostgreSQL): claim,
release, assign, transfer, the recycle sweep and the reminders, with frozen `as_of` moments."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime, timedelta

import grpc
import pytest
from google.protobuf.timestamp_pb2 import Timestamp
from sqlalchemy import func, select, text

from crm.customers.v1 import customer_pool_service_pb2 as pp
from crm.customers.v1 import customer_pool_service_pb2_grpc as pp_grpc
from crm.customers.v1 import customers_service_pb2 as pb
from crm.customers.v1 import customers_service_pb2_grpc as pb_grpc
from crm_chassis.db import make_engine, make_session_factory
from crm_chassis.grpc_server import GrpcApp
from crm_chassis.migrations import upgrade
from customers.config import SPEC
from customers.grpc_api.server import build
from customers.persistence import tables

pytestmark = pytest.mark.integration

ADMIN = [("x-crm-user-id", "admin"), ("x-crm-roles", "admin")]
POOL = "00000000-0000-4000-8000-000000000001"
# Owned from local noon on 1 January (Asia/Shanghai): with 30 days, recycled on 1 February.
ANCHOR = datetime(2026, 1, 1, 4, 0, tzinfo=UTC)


def rep(user, *visible, dept=None):
    md = [("x-crm-user-id", user), ("x-crm-roles", "sales_rep"), ("x-crm-visible-owners", ",".join(visible or (user,)))]
    if dept:
        md.append(("x-crm-department-id", dept))
    return md


def ts(moment: datetime) -> Timestamp:
    out = Timestamp()
    out.FromDatetime(moment)
    return out


class Api:
    def __init__(self, customers, pool, factory):
        self.customers = customers
        self.pool = pool
        self.factory = factory

    def create(self, name, owner, **fields):
        return self.customers.CreateCustomer(
            pb.CreateCustomerRequest(name=name, owner_id=owner, **fields), metadata=ADMIN
        ).customer

    def get(self, customer_id):
        return self.customers.GetCustomer(pb.GetCustomerRequest(id=customer_id), metadata=ADMIN).customer

    def owned_since(self, customer_id, moment=ANCHOR):
        self.sql(
            "UPDATE customers SET owner_since = :m, last_follow_up_at = NULL WHERE id = :id", m=moment, id=customer_id
        )

    def claim(self, md, *ids):
        return self.pool.ClaimCustomers(pp.ClaimCustomersRequest(customer_ids=list(ids)), metadata=md).customers

    def release(self, md, customer_id, reason="no_interest"):
        return self.pool.ReleaseCustomer(
            pp.ReleaseCustomerRequest(customer_id=customer_id, reason=reason), metadata=md
        ).customer

    def sweep(self, as_of, **flags):
        return self.pool.RunRecycleSweep(pp.RunRecycleSweepRequest(as_of=ts(as_of), **flags), metadata=ADMIN)

    def remind(self, as_of):
        return self.pool.RunReminders(pp.RunRemindersRequest(as_of=ts(as_of)), metadata=ADMIN)

    def events(self, event_type):
        with self.factory() as s:
            rows = s.execute(select(tables.outbox).order_by(tables.outbox.c.id)).all()
        return [b for b in (json.loads(r.body) for r in rows) if b["event_type"] == event_type]

    def periods(self, customer_id):
        with self.factory() as s:
            o = tables.owner_history
            return s.execute(select(o).where(o.c.customer_id == customer_id).order_by(o.c.id)).all()

    def count(self, table):
        with self.factory() as s:
            return s.execute(select(func.count()).select_from(table)).scalar()

    def sql(self, statement, **params):
        with self.factory() as s:
            result = s.execute(text(statement), params)
            out = result.all() if result.returns_rows else None
            s.commit()
            return out


def refused(call, *args, **kwargs):
    with pytest.raises(grpc.RpcError) as err:
        call(*args, **kwargs)
    return err.value.code(), dict(err.value.trailing_metadata() or ())


@pytest.fixture
def api(database_url):
    upgrade(database_url, SPEC.migrations_dir, echo=lambda *_: None)
    engine = make_engine(database_url)
    factory = make_session_factory(engine)
    register, table = build(None, factory)
    app = GrpcApp(register=register, error_table=table, host="127.0.0.1", port=0)
    app.start()
    channel = grpc.insecure_channel(f"127.0.0.1:{app.port}")
    yield Api(pb_grpc.CustomersServiceStub(channel), pp_grpc.CustomerPoolServiceStub(channel), factory)
    channel.close()
    app.stop(grace=1)
    engine.dispose()


def in_pool(api, name, owner="seed"):
    customer = api.create(name, owner)
    api.release(rep(owner), customer.id)
    return customer.id


# -- pools and rules -------------------------------------------------------------------------------


def test_the_migration_creates_the_default_pool_and_rule(api):
    pools = api.pool.ListPools(pp.ListPoolsRequest(), metadata=ADMIN).pools
    assert [p.id for p in pools] == [POOL]
    rule = pools[0].rule
    assert (rule.version, rule.no_follow_up_days, list(rule.remind_days)) == (1, 30, [7, 3, 1])
    assert (rule.reclaim_cooldown_days, rule.daily_claim_limit, rule.owned_cap) == (7, 20, 500)


def test_a_new_rule_previews_and_gives_customers_it_makes_due_a_grace_period(api):
    acme = api.create("Acme", "a").id
    api.owned_since(acme)
    rule = pp.PoolRule(pool_id=POOL, no_follow_up_days=10, remind_days=[7, 3, 1], reclaim_cooldown_days=7)
    preview = api.pool.PreviewPoolRule(pp.PreviewPoolRuleRequest(rule=rule), metadata=ADMIN)
    assert list(preview.due_now) == [acme]
    saved = api.pool.DefinePoolRule(pp.DefinePoolRuleRequest(rule=rule), metadata=ADMIN)
    assert (saved.rule.version, saved.graced, list(saved.due_now)) == (2, 1, [acme])
    now = datetime.now(UTC)
    # Not recycled during the grace (7 days, the largest tier), warned at its start instead.
    assert api.sweep(now).acted == 0
    assert api.remind(now).recycle_warnings == 1
    assert api.events("pool_recycle_warning")[0]["data"]["trigger"] == "grace"
    assert api.get(acme).owner_id == "a"
    code, trailers = refused(
        api.pool.DefinePoolRule,
        pp.DefinePoolRuleRequest(rule=pp.PoolRule(pool_id=POOL, no_follow_up_days=-1)),
        metadata=ADMIN,
    )
    assert (code, trailers["x-crm-error-code"]) == (grpc.StatusCode.INVALID_ARGUMENT, "pool_rule.days_invalid")


# -- claim (C9, C12-C14, C19) ----------------------------------------------------------------------


def test_release_puts_the_customer_in_the_pool_and_the_list_masks_it(api):
    acme = api.create("Acme", "a", phone="13800138000")
    code, trailers = refused(api.release, rep("a"), acme.id, reason="bored")
    assert (code, trailers["x-crm-error-code"]) == (grpc.StatusCode.INVALID_ARGUMENT, "release.reason_invalid")
    released = api.release(rep("a"), acme.id)
    assert (released.owner_id, released.pool_id, released.previous_owner_id) == ("", POOL, "a")
    # Pool visibility is membership, not owner scope: rep b sees it though a owned it (G5).
    listed = api.pool.ListPoolCustomers(pp.ListPoolCustomersRequest(), metadata=rep("b")).customers
    assert [(c.customer.id, c.contact_details_masked) for c in listed] == [(acme.id, True)]
    # Released: gone from a's own list.
    assert api.customers.ListCustomers(pb.ListCustomersRequest(), metadata=rep("a")).customers == []
    assert [e["data"]["reason"] for e in api.events("customer_owner_changed")] == ["release"]
    assert len(api.events("customer_returned_to_pool")) == 1
    assert [p.reason_code for p in api.periods(acme.id)] == ["create", "release"]


def test_two_concurrent_claims_of_one_customer_exactly_one_wins(api):
    acme = in_pool(api, "Acme")
    results, barrier = {}, threading.Barrier(2)

    def claim(user):
        barrier.wait()
        try:
            results[user] = api.claim(rep(user), acme)[0].owner_id
        except grpc.RpcError as exc:
            results[user] = exc.code()

    threads = [threading.Thread(target=claim, args=(u,)) for u in ("b", "c")]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    winners = [u for u, r in results.items() if r == u]
    assert len(winners) == 1, results
    loser = ({"b", "c"} - set(winners)).pop()
    assert results[loser] == grpc.StatusCode.FAILED_PRECONDITION
    assert api.get(acme).owner_id == winners[0]
    assert [p.reason_code for p in api.periods(acme)][-1] == "claim"
    assert api.sql("SELECT user_id, count FROM claim_counters WHERE count > 0") == [(winners[0], 1)]


def test_cooldown_reads_the_full_history(api):
    acme = api.create("Acme", "a").id
    api.release(rep("a"), acme)
    api.claim(rep("b"), acme)
    api.release(rep("b"), acme)
    code, trailers = refused(api.claim, rep("a"), acme)
    assert (code, trailers["x-crm-error-code"]) == (grpc.StatusCode.FAILED_PRECONDITION, "pool.reclaim_cooldown")
    assert trailers["x-crm-detail-failed"] == f"{acme}=pool.reclaim_cooldown"
    # A manager may assign it back to a (not a self-claim, C13), with an audited reason.
    code, trailers = refused(
        api.pool.AssignCustomers, pp.AssignCustomersRequest(customer_ids=[acme], owner_id="a"), metadata=ADMIN
    )
    assert trailers["x-crm-error-code"] == "assign.reason_required"
    assigned = api.pool.AssignCustomers(
        pp.AssignCustomersRequest(customer_ids=[acme], owner_id="a", reason="key account"), metadata=ADMIN
    ).customers
    assert assigned[0].owner_id == "a"
    assert [e["data"]["reason"] for e in api.events("customer_owner_changed")] == [
        "release",
        "claim",
        "release",
        "assign",
    ]
    assert api.events("customer_owner_changed")[-1]["data"]["note"] == "key account"


def test_batch_claim_is_all_or_nothing_and_failed_claims_use_no_quota(api):
    free = in_pool(api, "Free Ltd")
    owned = api.create("Owned Ltd", "x").id
    code, trailers = refused(api.claim, rep("b"), free, owned, "missing")
    assert code == grpc.StatusCode.FAILED_PRECONDITION
    assert trailers["x-crm-error-code"] == "batch.refused"
    failed = dict(item.split("=") for item in trailers["x-crm-detail-failed"].split(","))
    assert failed == {owned: "pool.not_in_pool", "missing": "pool.not_found"}
    assert api.get(free).owner_id == ""
    assert api.sql("SELECT count FROM claim_counters WHERE user_id = 'b'") in ([], [(0,)])
    assert api.claim(rep("b"), free)[0].owner_id == "b"


def test_daily_limit_and_cap_on_the_claimant(api):
    api.pool.DefinePoolRule(
        pp.DefinePoolRuleRequest(
            rule=pp.PoolRule(pool_id=POOL, no_follow_up_days=30, daily_claim_limit=1, owned_cap=5)
        ),
        metadata=ADMIN,
    )
    one, two = in_pool(api, "One Ltd"), in_pool(api, "Two Ltd")
    api.claim(rep("b"), one)
    _, trailers = refused(api.claim, rep("b"), two)
    assert trailers["x-crm-error-code"] == "pool.daily_claim_limit"


# -- transfer (C27, C17) ---------------------------------------------------------------------------


def test_transfer_checks_the_cap_on_the_target(api):
    api.pool.DefinePoolRule(
        pp.DefinePoolRuleRequest(rule=pp.PoolRule(pool_id=POOL, no_follow_up_days=30, owned_cap=1)), metadata=ADMIN
    )
    api.create("Held Ltd", "c")
    moving = api.create("Moving Ltd", "b").id
    code, trailers = refused(
        api.pool.TransferCustomers, pp.TransferCustomersRequest(customer_ids=[moving], owner_id="c"), metadata=ADMIN
    )
    assert trailers["x-crm-error-code"] == "pool.owned_cap_reached"
    assert api.get(moving).owner_id == "b"
    # A manager assigns only to someone in their scope; a rep cannot transfer what they cannot edit.
    code, trailers = refused(
        api.pool.AssignCustomers,
        pp.AssignCustomersRequest(customer_ids=[in_pool(api, "Pooled Ltd")], owner_id="z"),
        metadata=rep("m", "b", "c"),
    )
    assert (code, trailers["x-crm-error-code"]) == (grpc.StatusCode.PERMISSION_DENIED, "owner.out_of_scope")
    code, trailers = refused(
        api.pool.TransferCustomers, pp.TransferCustomersRequest(customer_ids=[moving], owner_id="d"), metadata=rep("x")
    )
    assert (code, trailers["x-crm-detail-failed"]) == (
        grpc.StatusCode.FAILED_PRECONDITION,
        f"{moving}=customer.not_found",
    )
    moved = api.pool.TransferCustomers(
        pp.TransferCustomersRequest(customer_ids=[moving], owner_id="d", cascade=True), metadata=ADMIN
    ).customers
    assert (moved[0].owner_id, moved[0].previous_owner_id) == ("d", "b")
    event = api.events("customer_owner_changed")[-1]["data"]
    assert (event["reason"], event["from_owner_id"], event["to_owner_id"], event["cascade"]) == (
        "transfer",
        "b",
        "d",
        True,
    )


def test_transfer_all_moves_every_customer_with_one_history_row_each(api):
    ids = [api.create(f"Leaver {i} Ltd", "leaver").id for i in range(3)]
    api.create("Stays Ltd", "other")
    moved = api.pool.TransferAllCustomers(
        pp.TransferAllCustomersRequest(from_owner_id="leaver", to_owner_id="heir"), metadata=ADMIN
    ).customer_ids
    assert sorted(moved) == sorted(ids)
    for customer_id in ids:
        assert api.get(customer_id).owner_id == "heir"
        assert [p.reason_code for p in api.periods(customer_id)] == ["create", "transfer"]
    assert len(api.events("customer_owner_changed")) == 3


# -- the sweep and the reminders (C6, C11, O1, O4, O5) ---------------------------------------------


def test_sweep_reminds_first_then_recycles_only_the_due_and_skips_the_locked(api):
    due = api.create("Due Ltd", "a").id
    fresh = api.create("Fresh Ltd", "a").id
    locked = api.create("Locked Ltd", "a").id
    for customer_id in (due, locked):
        api.owned_since(customer_id)
    api.customers.LockCustomer(pb.LockCustomerRequest(id=locked), metadata=ADMIN)

    warned = api.remind(datetime(2026, 1, 25, 4, 0, tzinfo=UTC))
    assert warned.recycle_warnings == 1
    assert api.remind(datetime(2026, 1, 25, 9, 0, tzinfo=UTC)).recycle_warnings == 0  # once (O1)
    warning = api.events("pool_recycle_warning")[0]
    assert (warning["aggregate_id"], warning["data"]["days_left"], warning["data"]["recycle_on"]) == (
        due,
        7,
        "2026-02-01",
    )

    assert api.sweep(datetime(2026, 1, 31, 4, 0, tzinfo=UTC)).acted == 0
    dry = api.sweep(datetime(2026, 2, 1, 4, 0, tzinfo=UTC), dry_run=True)
    assert (list(dry.customer_ids), dry.acted) == ([due], 0)
    assert api.get(due).owner_id == "a"

    result = api.sweep(datetime(2026, 2, 1, 4, 0, tzinfo=UTC))
    assert (result.acted, list(result.customer_ids), result.exempted, result.failed) == (1, [due], 1, 0)
    recycled = api.get(due)
    assert (recycled.owner_id, recycled.pool_id, recycled.previous_owner_id) == ("", POOL, "a")
    assert api.get(fresh).owner_id == "a" and api.get(locked).owner_id == "a"
    changed = api.events("customer_owner_changed")[-1]
    assert (changed["data"]["reason"], changed["data"]["rule_id"], changed["data"]["rule_version"]) == (
        "recycle",
        POOL,
        1,
    )
    assert api.events("customer_returned_to_pool")[-1]["data"]["trigger"] == "no_follow_up"
    period = api.periods(due)[-1]
    assert (period.reason_code, period.rule_id, period.rule_version, period.actor) == ("recycle", POOL, 1, "admin")
    # A rerun acts on nothing more.
    assert api.sweep(datetime(2026, 2, 1, 4, 0, tzinfo=UTC)).acted == 0


def test_a_follow_up_inside_the_window_keeps_the_customer(api):
    kept = api.create("Kept Ltd", "a").id
    api.owned_since(kept)
    api.sql("UPDATE customers SET last_follow_up_at = :m WHERE id = :id", m=datetime(2026, 1, 20, tzinfo=UTC), id=kept)
    assert api.sweep(datetime(2026, 2, 1, 4, 0, tzinfo=UTC)).acted == 0


def test_the_share_guard_stops_a_mass_recycle_until_confirmed(api):
    ids = [api.create(f"Mass {i} Ltd", "a").id for i in range(12)]
    for customer_id in ids:
        api.owned_since(customer_id)
    stopped = api.sweep(datetime(2026, 2, 1, 4, 0, tzinfo=UTC))
    assert (stopped.stopped_by_guard, stopped.acted) == (True, 0)
    assert api.get(ids[0]).owner_id == "a"
    confirmed = api.sweep(datetime(2026, 2, 1, 4, 0, tzinfo=UTC), confirm=True)
    assert confirmed.acted == 12


def test_a_due_follow_up_emits_one_reminder(api):
    acme = api.create("Acme", "a").id
    when = datetime.now(UTC) + timedelta(days=10)
    api.customers.LogActivity(
        pb.LogActivityRequest(customer_id=acme, type="call", content="call back", next_follow_up_at=ts(when)),
        metadata=ADMIN,
    )
    assert api.remind(when - timedelta(hours=1)).follow_ups_due == 0
    assert api.remind(when + timedelta(minutes=1)).follow_ups_due == 1
    assert api.remind(when + timedelta(days=1)).follow_ups_due == 0
    [due] = api.events("follow_up_due")
    assert (due["aggregate_id"], due["data"]["owner_id"]) == (acme, "a")


def test_concurrent_claims_by_one_user_respect_the_daily_limit(api):
    api.pool.DefinePoolRule(
        pp.DefinePoolRuleRequest(rule=pp.PoolRule(pool_id=POOL, no_follow_up_days=30, daily_claim_limit=1)),
        metadata=ADMIN,
    )
    ids = [in_pool(api, f"Race {i} Ltd") for i in range(2)]
    results, barrier = [], threading.Barrier(2)

    def claim(customer_id):
        barrier.wait()
        try:
            api.claim(rep("b"), customer_id)
            results.append("ok")
        except grpc.RpcError as exc:
            results.append(dict(exc.trailing_metadata() or ())["x-crm-error-code"])

    threads = [threading.Thread(target=claim, args=(i,)) for i in ids]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert sorted(results) == ["ok", "pool.daily_claim_limit"]
    assert api.sql("SELECT count FROM claim_counters WHERE user_id = 'b'") == [(1,)]


def test_sweep_skips_a_row_another_transaction_holds_and_retries_it_next_run(api, database_url):
    if not database_url.startswith("postgresql"):
        pytest.skip("row locks: PostgreSQL (SQLite has a single writer)")
    due = api.create("Busy Ltd", "a").id
    api.owned_since(due)
    with api.factory() as holder:
        holder.execute(text("SELECT id FROM customers WHERE id = :id FOR UPDATE"), {"id": due})
        busy = api.sweep(datetime(2026, 2, 1, 4, 0, tzinfo=UTC))
        assert (busy.acted, busy.skipped) == (0, 1)
        holder.rollback()
    assert api.sweep(datetime(2026, 2, 1, 4, 0, tzinfo=UTC)).acted == 1


def test_a_collaborator_with_edit_access_cannot_release_or_transfer(api):
    acme = api.create("Shared Ltd", "a").id
    api.customers.ShareCustomer(
        pb.ShareCustomerRequest(customer_id=acme, grantee_type="user", grantee_id="b", access="edit"), metadata=ADMIN
    )
    code, trailers = refused(api.release, rep("b"), acme)
    assert (code, trailers["x-crm-error-code"]) == (grpc.StatusCode.PERMISSION_DENIED, "release.not_allowed")
    code, trailers = refused(
        api.pool.TransferCustomers, pp.TransferCustomersRequest(customer_ids=[acme], owner_id="b"), metadata=rep("b")
    )
    assert trailers["x-crm-detail-failed"] == f"{acme}=transfer.not_allowed"
    assert api.get(acme).owner_id == "a"
    # Releasing removes the shares (C7).
    api.release(rep("a"), acme)
    assert api.count(tables.customer_shares) == 0


def test_the_previous_owner_may_stay_on_as_a_collaborator_with_an_expiry(api):
    acme = api.create("Kept On Ltd", "b").id
    code, trailers = refused(
        api.pool.TransferCustomers,
        pp.TransferCustomersRequest(customer_ids=[acme], owner_id="c", keep_previous_owner_access="read"),
        metadata=ADMIN,
    )
    assert (code, trailers["x-crm-error-code"]) == (grpc.StatusCode.INVALID_ARGUMENT, "transfer.keep_days_invalid")
    api.pool.TransferCustomers(
        pp.TransferCustomersRequest(
            customer_ids=[acme], owner_id="c", keep_previous_owner_access="read", keep_previous_owner_days=30
        ),
        metadata=ADMIN,
    )
    # b still reads it (shared, read-only), c owns it.
    assert api.customers.GetCustomer(pb.GetCustomerRequest(id=acme), metadata=rep("b")).customer.owner_id == "c"
    code, _ = refused(api.release, rep("b"), acme)
    assert code == grpc.StatusCode.PERMISSION_DENIED
