"""Cut RabbitMQ (through a TCP proxy) while customers are being created: nothing lost, nothing doubled."""

import threading

import pytest
from sqlalchemy import create_engine, func, select

from crm_testkit.wait import eventually
from customers.persistence.tables import outbox

pytestmark = [pytest.mark.fault, pytest.mark.integration]


def _unpublished(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(
                select(func.count()).select_from(outbox).where(outbox.c.published_at.is_(None))
            ).scalar()
    finally:
        engine.dispose()


def test_broker_outage_during_writes(slice_factory):
    s = slice_factory(through_proxy=True)
    created: list[str] = []
    stop = threading.Event()

    def writer() -> None:
        i = 0
        while not stop.is_set():
            created.append(s.create(f"c-{i}", owner=f"u{i % 3}"))
            i += 1

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    eventually(lambda: s.summary().total >= 10, timeout=20, what="events flowing before the outage")
    s.proxy.cut()
    # The broker is gone: writes still commit, their events wait in the outbox.
    db_url = s.cluster.config.database_urls["customers"]
    eventually(lambda: _unpublished(db_url) >= 30, timeout=30, what="events piling up in the outbox")
    s.proxy.restore()
    eventually(lambda: len(created) >= 150, timeout=60, what="writes continuing after the outage")
    stop.set()
    thread.join(10)
    eventually(lambda: s.summary().total == len(created), timeout=60, what="every customer in the read model")
    summary = s.summary()
    assert summary.total == len(created)
    assert sum(o.count for o in summary.by_owner) == len(created)
    assert _unpublished(db_url) == 0
