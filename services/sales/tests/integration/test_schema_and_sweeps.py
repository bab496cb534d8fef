"""The migrations build exactly the tables the code declares, and the daily sweep (contracts
activated / expired, overdue flags) acts once per date on SQLite and PostgreSQL."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from crm_chassis.db import make_engine, make_session_factory
from crm_chassis.migrations import upgrade
from sales.config import SPEC
from sales.domain import contract as ct
from sales.domain.commands.jobs import run_daily
from sales.persistence.tables import metadata
from sales.persistence.uow import SqlSalesUnitOfWork

pytestmark = pytest.mark.integration


def test_migrations_match_the_tables(database_url):
    upgrade(database_url, SPEC.migrations_dir, echo=lambda *_: None)
    engine = make_engine(database_url)
    try:
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata)
    finally:
        engine.dispose()
    assert diff == []


def _contract(cid: str, status: str, start: date, end: date) -> ct.Contract:
    at = datetime(2026, 1, 1, tzinfo=UTC)
    return ct.Contract(
        cid, f"C-{cid}", "", "cust", "u1", (), Decimal(1000), "CNY", start, end, "", (), status, start, "u1",
        None, None, "", 1, at, at, "u1",
    )  # fmt: skip


def test_daily_sweep_activates_and_expires_contracts_once(database_url):
    upgrade(database_url, SPEC.migrations_dir, echo=lambda *_: None)
    engine = make_engine(database_url)
    factory = make_session_factory(engine)

    def uow(**kw):
        return SqlSalesUnitOfWork(factory, **kw)

    day = date(2026, 6, 1)
    try:
        with uow() as u:
            u.contracts.add(_contract("starts", "signed", day, day + timedelta(days=100)))
            u.contracts.add(_contract("later", "signed", day + timedelta(days=1), day + timedelta(days=100)))
            u.contracts.add(_contract("ends", "active", day - timedelta(days=100), day - timedelta(days=1)))
            u.contracts.add(_contract("lasts", "active", day - timedelta(days=100), day))
            u.commit()
        first = run_daily(uow, as_of=day)
        assert (first.contracts.activated, first.contracts.expired, first.overdue.flagged) == (1, 1, 0)
        again = run_daily(uow, as_of=day)
        assert (again.contracts.activated, again.contracts.expired) == (0, 0)
        with uow(read_only=True) as u:
            statuses = {cid: u.contracts.get(cid).status for cid in ("starts", "later", "ends", "lasts")}
            kinds = [r.event_type for r in u.session.execute(u._outbox.select()).all()]  # type: ignore[attr-defined]
        assert statuses == {"starts": "active", "later": "signed", "ends": "expired", "lasts": "active"}
        assert sorted(kinds) == ["contract_activated", "contract_expired"]
    finally:
        engine.dispose()
