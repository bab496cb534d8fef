"""Two worker replicas racing on the same breach (real PostgreSQL and Redis): the breach is
escalated once, whether the Redis lock separates them or not (the job marks do)."""

from __future__ import annotations

import functools
import threading
from datetime import UTC, datetime, timedelta

import redis
from desk_support import ADMIN

from crm.service_desk.v1 import service_desk_service_pb2 as pb
from crm_chassis.db import make_engine, make_session_factory
from service_desk.config import desk_settings
from service_desk.domain import jobs
from service_desk.events.jobs import run_timers
from service_desk.persistence.uow import SqlServiceDeskUnitOfWork


def _breachable(api, n: int) -> datetime:  # type: ignore[no-untyped-def]
    api.customer("c1", classification="vip")
    api.stub.CreateSlaPolicy(
        pb.CreateSlaPolicyRequest(
            policy=pb.SlaPolicy(
                name="vip high",
                priority="high",
                classification="vip",
                first_response_minutes=1,
                resolution_minutes=3,
                round_the_clock=True,
            )
        ),
        metadata=ADMIN,
    )
    for _ in range(n):
        api.work_order("c1", priority="high")
    return datetime.now(UTC) + timedelta(minutes=10)


def _race(targets) -> None:  # type: ignore[no-untyped-def]
    barrier = threading.Barrier(len(targets))
    errors: list[BaseException] = []

    def run(target):  # type: ignore[no-untyped-def]
        try:
            barrier.wait()
            target()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(t,)) for t in targets]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors, errors


def test_two_replicas_without_the_lock_still_escalate_each_breach_once(pg_api):
    as_of = _breachable(pg_api, 8)
    settings = desk_settings({})
    engines = [make_engine(pg_api.engine.url.render_as_string(hide_password=False)) for _ in range(2)]
    factories = [functools.partial(SqlServiceDeskUnitOfWork, make_session_factory(e)) for e in engines]
    results: list[tuple[int, int]] = []
    _race([lambda f=f: results.append(jobs.sla_sweep(f, settings, as_of=as_of)) for f in factories])
    for e in engines:
        e.dispose()
    # each work order breached both targets once: 8 x (first response + resolution) in total
    assert sum(b for _, b in results) == 16
    kinds = pg_api.event_types()
    assert kinds.count("sla_breached") == 16
    orders = pg_api.stub.ListWorkOrders(pb.ListWorkOrdersRequest(), metadata=ADMIN).work_orders
    assert {w.sla.escalation_level for w in orders} == {2}
    assert {w.priority for w in orders} == {"urgent"}


def test_two_replicas_with_the_lock_one_runs_the_other_skips_or_finds_nothing(pg_api, redis_url, redis_prefix):
    as_of = _breachable(pg_api, 3)
    settings = desk_settings({})
    clients = [redis.Redis.from_url(redis_url) for _ in range(2)]
    results: list[dict] = []
    _race(
        [
            lambda c=c: results.append(run_timers(pg_api.uow_factory, settings, c, redis_prefix, as_of=as_of))
            for c in clients
        ]
    )
    for c in clients:
        c.close()
    assert pg_api.event_types().count("sla_breached") == 6
    acted = [r["sla"] for r in results if r["sla"]]
    assert acted and sum(b for _, b in acted) == 6
    # a rerun (e.g. the next tick) acts on nothing
    again = run_timers(pg_api.uow_factory, settings, redis.Redis.from_url(redis_url), redis_prefix, as_of=as_of)
    assert again["sla"] == (0, 0)
