"""SQL storage of saved views and import jobs, and the unit of work that offers them.

The import writes new customers in bulk (one multi-row INSERT per table per batch) and checks
hard keys with one query per batch: per-row inserts would not reach the 2,000 rows/s target.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import and_, delete, func, insert, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from crm_chassis.db import as_utc
from crm_chassis.envelope import new_envelope
from crm_chassis.errors import InvalidArgument
from crm_chassis.identity import Caller
from crm_chassis.outbox import exchange_for
from crm_chassis.paging import decode_cursor, encode_cursor
from customers.crypto import FieldCrypto
from customers.domain import imports as di
from customers.domain import keys as k
from customers.domain.access import Scope
from customers.domain.customer import Customer
from customers.domain.events import CustomerCreated
from customers.domain.ports import Page
from customers.domain.views import CustomerView
from customers.events.outgoing import translate
from customers.persistence import tables
from customers.persistence.codec import customer_from_row, customer_values, utc
from customers.persistence.records import SqlCustomFields
from customers.persistence.repository import customer_listing
from customers.persistence.scope import visible_clause
from customers.persistence.uow import SqlCustomersUnitOfWork

v = tables.customer_views
jobs_t = tables.customer_import_jobs
rows_t = tables.customer_import_rows
staged_t = tables.customer_import_keys
keys_t = tables.customer_keys
customers_t = tables.customers
# Parameters per statement stay well under SQLite's limit (32766) and PostgreSQL's (65535).
_CHUNK = 500


def _chunks(items: list[Any], size: int = _CHUNK) -> Iterable[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _by_type(stored: dict[tuple[str, str], Any]) -> list[tuple[str, list[str]]]:
    grouped: dict[str, list[str]] = {}
    for key_type, value in stored:
        grouped.setdefault(key_type, []).append(value)
    return sorted(grouped.items())


class SqlViews:
    def __init__(self, session: Session, crypto: FieldCrypto) -> None:
        self.session = session
        self.crypto = crypto

    @staticmethod
    def _view(r: Any) -> CustomerView:
        return CustomerView(
            id=r.id,
            owner_id=r.owner_id,
            name=r.name,
            filter=r.filter,
            order_by=r.order_by,
            columns=tuple(r.columns or ()),
            shared=bool(r.shared),
            version=r.version,
            created_at=as_utc(r.created_at),
            updated_at=as_utc(r.updated_at),
        )

    @staticmethod
    def _values(view: CustomerView) -> dict[str, Any]:
        return {
            "id": view.id,
            "owner_id": view.owner_id,
            "name": view.name,
            "filter": view.filter,
            "order_by": view.order_by,
            "columns": list(view.columns),
            "shared": view.shared,
            "version": view.version,
            "created_at": view.created_at,
            "updated_at": view.updated_at,
        }

    def add(self, view: CustomerView) -> None:
        self.session.execute(insert(v).values(**self._values(view)))

    def get(self, view_id: str) -> CustomerView | None:
        row = self.session.execute(select(v).where(v.c.id == view_id)).first()
        return None if row is None else self._view(row)

    def update(self, view: CustomerView, *, expected_version: int) -> bool:
        values = self._values(view)
        for name in ("id", "owner_id", "created_at"):
            values.pop(name)
        stmt = update(v).where(v.c.id == view.id, v.c.version == expected_version).values(**values)
        return self.session.execute(stmt).rowcount == 1

    def delete(self, view_id: str) -> bool:
        return self.session.execute(delete(v).where(v.c.id == view_id)).rowcount == 1

    def visible_to(self, user_id: str) -> list[CustomerView]:
        stmt = select(v).where(or_(v.c.owner_id == user_id, v.c.shared.is_(True))).order_by(v.c.name, v.c.id)
        return [self._view(r) for r in self.session.execute(stmt).all()]

    def count_owned(self, user_id: str) -> int:
        stmt = select(func.count()).select_from(v).where(v.c.owner_id == user_id)
        return int(self.session.execute(stmt).scalar() or 0)

    def _listing(self) -> Any:
        return customer_listing(self.session, self.crypto, SqlCustomFields(self.session).definitions("customer"))

    def check_list(self, filter: str, order_by: str) -> None:
        self._listing().compile(filter, order_by)

    def neighbours(
        self, customer_id: str, *, filter: str, order_by: str, scope: Scope
    ) -> tuple[Customer | None, Customer | None] | None:
        compiled = self._listing().compile(filter, order_by)
        base = select(customers_t).where(customers_t.c.deleted_at.is_(None), visible_clause(scope))
        anchor_stmt = base.where(customers_t.c.id == customer_id)
        if compiled.where is not None:
            anchor_stmt = anchor_stmt.where(compiled.where)
        anchor = self.session.execute(anchor_stmt.add_columns(*compiled.sort_columns())).first()
        if anchor is None:
            return None
        previous_stmt, next_stmt = compiled.neighbours(base, compiled.values_of(anchor))
        previous = self.session.execute(previous_stmt).first()
        following = self.session.execute(next_stmt).first()
        return (
            None if previous is None else customer_from_row(previous, self.crypto),
            None if following is None else customer_from_row(following, self.crypto),
        )


def _caller_json(caller: Caller) -> dict[str, Any]:
    return {
        "user_id": caller.user_id,
        "roles": list(caller.roles),
        "visible_owners": None if caller.visible_owners is None else sorted(caller.visible_owners),
        "department_id": caller.department_id,
        "correlation_id": caller.correlation_id,
        "request_id": caller.request_id,
    }


def _caller_of(data: dict[str, Any]) -> Caller:
    owners = data.get("visible_owners")
    return Caller(
        user_id=data.get("user_id"),
        roles=tuple(data.get("roles") or ()),
        visible_owners=None if owners is None else frozenset(owners),
        department_id=data.get("department_id"),
        correlation_id=data.get("correlation_id"),
        request_id=data.get("request_id"),
    )


def _payload_context(job_id: str) -> str:
    return f"import:{job_id}:payload"


class SqlImports:
    def __init__(self, session: Session, crypto: FieldCrypto) -> None:
        self.session = session
        self.crypto = crypto

    # -- jobs

    @staticmethod
    def _job(r: Any) -> di.ImportJob:
        return di.ImportJob(
            id=r.id,
            status=r.status,
            mode=r.mode,
            dry_run=bool(r.dry_run),
            file_name=r.file_name,
            created_by=r.created_by,
            caller=_caller_of(r.caller or {}),
            column_map=dict(r.column_map or {}),
            total_rows=r.total_rows,
            processed_rows=r.processed_rows,
            counts=di.Counts(r.created, r.updated, r.skipped, r.duplicates, r.invalid),
            created_at=as_utc(r.created_at),
            updated_at=as_utc(r.updated_at),
            finished_at=utc(r.finished_at),
            error=r.error or "",
        )

    def add_job(self, job: di.ImportJob, payload: bytes) -> None:
        text = payload.decode("utf-8-sig")
        self.session.execute(
            insert(jobs_t).values(
                id=job.id,
                status=job.status,
                mode=job.mode,
                dry_run=job.dry_run,
                file_name=job.file_name,
                created_by=job.created_by,
                caller=_caller_json(job.caller),
                column_map=dict(job.column_map),
                payload=self.crypto.encrypt(text, _payload_context(job.id)),
                total_rows=job.total_rows,
                processed_rows=0,
                created=0,
                updated=0,
                skipped=0,
                duplicates=0,
                invalid=0,
                error=None,
                created_at=job.created_at,
                updated_at=job.updated_at,
                finished_at=None,
            )
        )

    _JOB_COLUMNS = [c for c in jobs_t.c if c.name != "payload"]

    def get_job(self, job_id: str) -> di.ImportJob | None:
        row = self.session.execute(select(*self._JOB_COLUMNS).where(jobs_t.c.id == job_id)).first()
        return None if row is None else self._job(row)

    def page_jobs(self, *, created_by: str | None, limit: int, cursor: str) -> Page[di.ImportJob]:
        stmt = select(*self._JOB_COLUMNS)
        if created_by is not None:
            stmt = stmt.where(jobs_t.c.created_by == created_by)
        if cursor:
            at, last_id = decode_cursor(cursor)
            stmt = stmt.where(or_(jobs_t.c.created_at < at, and_(jobs_t.c.created_at == at, jobs_t.c.id < last_id)))
        stmt = stmt.order_by(jobs_t.c.created_at.desc(), jobs_t.c.id.desc()).limit(limit + 1)
        rows = self.session.execute(stmt).all()
        items = [self._job(r) for r in rows[:limit]]
        next_cursor = encode_cursor(items[-1].created_at, items[-1].id) if len(rows) > limit else ""
        return Page(items, next_cursor)

    def pending_jobs(self, *, limit: int) -> list[str]:
        stmt = (
            select(jobs_t.c.id)
            .where(jobs_t.c.status.in_((di.PENDING, di.RUNNING)))
            .order_by(jobs_t.c.created_at, jobs_t.c.id)
            .limit(limit)
        )
        return [r.id for r in self.session.execute(stmt).all()]

    def payload(self, job_id: str) -> bytes | None:
        token = self.session.execute(select(jobs_t.c.payload).where(jobs_t.c.id == job_id)).scalar()
        if not token:
            return None
        return self.crypto.decrypt(token, _payload_context(job_id)).encode()

    def claim(self, job_id: str, processed_rows: int, *, at: datetime) -> bool:
        stmt = (
            update(jobs_t)
            .where(
                jobs_t.c.id == job_id,
                jobs_t.c.processed_rows == processed_rows,
                jobs_t.c.status.in_((di.PENDING, di.RUNNING)),
            )
            .values(status=di.RUNNING, updated_at=at)
        )
        return self.session.execute(stmt).rowcount == 1

    def advance(self, job: di.ImportJob, *, at: datetime) -> None:
        c = job.counts
        values: dict[str, Any] = {
            "status": job.status,
            "processed_rows": job.processed_rows,
            "created": c.created,
            "updated": c.updated,
            "skipped": c.skipped,
            "duplicates": c.duplicates,
            "invalid": c.invalid,
            "error": job.error or None,
            "updated_at": at,
            "finished_at": job.finished_at,
        }
        if job.done:
            values["payload"] = None  # personal data: not kept once the job is over
            self.session.execute(delete(staged_t).where(staged_t.c.job_id == job.id))
        self.session.execute(update(jobs_t).where(jobs_t.c.id == job.id).values(**values))

    # -- results

    def add_results(self, job_id: str, results: list[di.RowResult]) -> None:
        rows = [
            {
                "job_id": job_id,
                "row_no": r.row,
                "outcome": r.outcome,
                "customer_id": r.customer_id or None,
                "code": r.code,
                "field": r.field[:80],
                "reason": r.reason,
            }
            for r in results
        ]
        if rows:
            self.session.execute(insert(rows_t), rows)

    def results(self, job_id: str, *, limit: int, cursor: str, outcomes: tuple[str, ...]) -> Page[di.RowResult]:
        stmt = select(rows_t).where(rows_t.c.job_id == job_id)
        if outcomes:
            stmt = stmt.where(rows_t.c.outcome.in_(outcomes))
        if cursor:
            try:
                after = int(cursor)
            except ValueError:
                raise InvalidArgument("cursor is not valid", code="page.cursor_invalid", field="cursor") from None
            stmt = stmt.where(rows_t.c.row_no > after)
        rows = self.session.execute(stmt.order_by(rows_t.c.row_no).limit(limit + 1)).all()
        items = [
            di.RowResult(r.row_no, r.outcome, r.customer_id or "", r.code, r.field, r.reason) for r in rows[:limit]
        ]
        return Page(items, str(items[-1].row) if len(rows) > limit else "")

    # -- duplicate checks in bulk

    def _stored(self, key: k.Key) -> str:
        if key.key_type in k.SENSITIVE_KEY_TYPES:
            return self.crypto.blind_index(key.key_type, key.value)
        return key.value

    def holders(self, keys: Iterable[k.Key]) -> dict[k.Key, di.Holder]:
        by_stored = {(key.key_type, self._stored(key)): key for key in keys}
        # One `key_type = :t AND key_value IN (...)` per key type: an index range scan on both
        # databases (SQLite scans the table for a row-value IN, which grows with every import).
        # The bare `hard` condition matches the partial unique index's predicate on PostgreSQL; the
        # owners are read by primary key afterwards (no join for a planner with stale statistics
        # of a table an import is filling to pick a scan for).
        held: dict[k.Key, str] = {}
        for key_type, values in _by_type(by_stored):
            for chunk in _chunks(values):
                stmt = select(keys_t.c.key_type, keys_t.c.key_value, keys_t.c.customer_id).where(
                    keys_t.c.key_type == key_type,
                    keys_t.c.key_value.in_(chunk),
                    keys_t.c.hard,
                    keys_t.c.deleted_at.is_(None),
                )
                for r in self.session.execute(stmt).all():
                    held[by_stored[(r.key_type, r.key_value)]] = r.customer_id
        owners: dict[str, str | None] = {}
        for chunk in _chunks(sorted(set(held.values()))):
            stmt = select(customers_t.c.id, customers_t.c.owner_id).where(
                customers_t.c.id.in_(chunk), customers_t.c.deleted_at.is_(None)
            )
            owners.update((r.id, r.owner_id) for r in self.session.execute(stmt).all())
        return {key: di.Holder(cid, owners[cid]) for key, cid in held.items() if cid in owners}

    def staged(self, job_id: str, keys: Iterable[k.Key]) -> dict[k.Key, int]:
        by_stored = {(key.key_type, self._stored(key)): key for key in keys}
        found: dict[k.Key, int] = {}
        for key_type, values in _by_type(by_stored):
            for chunk in _chunks(values):
                stmt = select(staged_t).where(
                    staged_t.c.job_id == job_id, staged_t.c.key_type == key_type, staged_t.c.key_value.in_(chunk)
                )
                for r in self.session.execute(stmt).all():
                    found[by_stored[(r.key_type, r.key_value)]] = r.row_no
        return found

    def stage(self, job_id: str, keys: dict[k.Key, int]) -> None:
        rows = [
            {"job_id": job_id, "key_type": key.key_type, "key_value": self._stored(key), "row_no": row}
            for key, row in keys.items()
        ]
        if rows:
            self.session.execute(insert(staged_t), rows)

    def editable(self, customer_ids: list[str], scope: Scope) -> set[str]:
        if not customer_ids:
            return set()
        out: set[str] = set()
        for chunk in _chunks(customer_ids):
            stmt = select(customers_t.c.id).where(
                customers_t.c.id.in_(chunk), customers_t.c.deleted_at.is_(None), visible_clause(scope, edit=True)
            )
            out.update(r.id for r in self.session.execute(stmt).all())
        return out

    # -- bulk create

    def add_customers(
        self, customers: list[Customer], *, caller: Caller, at: datetime, keys: dict[str, list[k.Key]] | None = None
    ) -> None:
        customer_rows, key_rows, owner_rows, event_rows, history = [], [], [], [], []
        actor = caller.user_id or caller.caller_service or ""
        for c in customers:
            customer_rows.append(customer_values(c, self.crypto))
            for key in keys[c.id] if keys is not None else c.keys():
                key_rows.append(
                    {
                        "key_type": key.key_type,
                        "key_value": self._stored(key),
                        "customer_id": c.id,
                        "contact_id": None,
                        "hard": key.hard,
                        "normaliser_version": k.NORMALISER_VERSION,
                        "created_at": at,
                        "deleted_at": None,
                    }
                )
            owner_rows.append(
                {
                    "customer_id": c.id,
                    "from_owner": None,
                    "to_owner": c.owner_id,
                    "started_at": at,
                    "ended_at": None,
                    "reason_code": "import",
                    "rule_id": None,
                    "rule_version": None,
                    "actor": actor,
                }
            )
            history.extend(di.created_history(c, caller, at))
            event_type, payload, aggregate_id, version = translate(CustomerCreated(c))
            envelope = new_envelope(
                producer="customers",
                event_type=event_type,
                payload=payload,
                aggregate_id=aggregate_id,
                aggregate_version=version,
                correlation_id=caller.correlation_id,
                causation_id=caller.request_id,
                actor_user_id=caller.user_id,
            )
            event_rows.append(
                {
                    "event_id": envelope.event_id,
                    "event_type": envelope.event_type,
                    "exchange": exchange_for(envelope.producer),
                    "routing_key": envelope.event_type,
                    "body": _envelope_json(envelope),
                    "created_at": datetime.now(UTC),
                    "attempts": 0,
                }
            )
        # executemany (batched "insertmanyvalues" on PostgreSQL, one cached statement each); a hard
        # key taken meanwhile by a concurrent save fails the unique index and rolls the whole batch
        # back (it is retried and then reports the duplicate).
        for table, rows in (
            (customers_t, customer_rows),
            (keys_t, key_rows),
            (tables.owner_history, owner_rows),
            (tables.outbox, event_rows),
        ):
            if rows:
                self.session.execute(insert(table), rows)
        from customers.persistence.records import SqlHistory

        SqlHistory(self.session, self.crypto).add(history)


class SqlViewsImportsUnitOfWork(SqlCustomersUnitOfWork):
    """The customers unit of work plus saved views and import jobs."""

    views: SqlViews
    imports: SqlImports

    def __init__(self, session_factory: sessionmaker[Session], *, crypto: FieldCrypto, read_only: bool = False) -> None:
        super().__init__(session_factory, crypto=crypto, read_only=read_only)

    def __enter__(self) -> SqlViewsImportsUnitOfWork:
        super().__enter__()
        self.views = SqlViews(self.session, self.crypto)
        self.imports = SqlImports(self.session, self.crypto)
        return self

    def savepoint(self) -> Any:
        return self.session.begin_nested()


def _envelope_json(envelope: Any) -> str:
    """Envelope.to_json() without its deep copy (dataclasses.asdict): the same JSON, a third of the
    import's CPU less."""
    shallow = {f.name: getattr(envelope, f.name) for f in dataclasses.fields(envelope)}
    return json.dumps(shallow, separators=(",", ":"), ensure_ascii=False)
