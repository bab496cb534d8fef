"""Apply read-model writes (reporting.domain.facts) with SQL, and keep the event archive.

Every write is one statement that keeps the monotonic-version rule atomically (an upsert whose
update only fires for a newer version), so concurrent handlers and any delivery order give the
same rows.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import tzinfo
from typing import Any

from sqlalchemy import bindparam, delete, func, insert, select
from sqlalchemy.orm import Session

from crm_chassis.db import as_utc, conflict_insert
from crm_chassis.envelope import Envelope, occurred_at, parse_envelope
from reporting.domain.facts import Children, Event, Insert, Remove, Upsert, Write, writes_for
from reporting.persistence import tables

TABLES = {t.name: t for t in tables.metadata.sorted_tables}

# Statements built once per (dialect, table, columns, kind) and executed with parameters: building
# an upsert per event costs more than running it.
_STATEMENTS: dict[tuple[Any, ...], Any] = {}


def _cached(session: Session, key: tuple[Any, ...], build: Callable[[], Any]) -> Any:
    full = (session.get_bind().dialect.name, *key)
    stmt = _STATEMENTS.get(full)
    if stmt is None:
        stmt = _STATEMENTS[full] = build()
    return stmt


def _values(columns: tuple[str, ...]) -> dict[str, Any]:
    return {c: bindparam(c) for c in columns}


def to_event(envelope: Envelope) -> Event:
    return Event(
        event_id=envelope.event_id,
        producer=envelope.producer,
        event_type=envelope.event_type,
        aggregate_id=envelope.aggregate_id,
        aggregate_version=int(envelope.aggregate_version or 0),
        occurred_at=occurred_at(envelope),
        data=envelope.data,
    )


def archive(session: Session, envelope: Envelope) -> bool:
    """Keep the raw event (envelope and payload) once per event id; True if it was new."""
    t = tables.event_archive
    row = {
        "event_id": envelope.event_id,
        "producer": envelope.producer,
        "event_type": envelope.event_type,
        "aggregate_id": envelope.aggregate_id,
        "aggregate_version": int(envelope.aggregate_version or 0),
        "occurred_at": occurred_at(envelope),
        "body": envelope.to_json(),
    }
    stmt = _cached(
        session,
        ("archive",),
        lambda: (
            conflict_insert(session, t)
            .values(_values(tuple(row)))
            .on_conflict_do_nothing(index_elements=[t.c.event_id])
        ),
    )
    return session.execute(stmt, row).rowcount == 1


def apply(session: Session, writes: list[Write]) -> int:
    """Apply `writes`; answer how many changed a row."""
    changed = 0
    for w in writes:
        if isinstance(w, Upsert) and w.table == tables.opportunities.name:
            changed += _upsert_opportunity(session, w)
        elif isinstance(w, Upsert):
            changed += _upsert(session, w)
        elif isinstance(w, Insert):
            changed += _insert(session, w)
        elif isinstance(w, Remove):
            t = TABLES[w.table]
            changed += session.execute(
                delete(t).where(t.c[w.key_col] == w.key, t.c.version <= w.up_to_version)
            ).rowcount
    return changed


def _upsert(session: Session, w: Upsert) -> int:
    t = TABLES[w.table]
    columns = tuple(w.row)

    def build() -> Any:
        stmt = conflict_insert(session, t).values(_values(columns))
        return stmt.on_conflict_do_update(
            index_elements=[t.c[w.key]],
            set_={k: stmt.excluded[k] for k in columns if k != w.key},
            where=t.c.version < stmt.excluded.version,
        )

    stmt = _cached(session, ("upsert", w.table, w.key, columns), build)
    if session.execute(stmt, w.row).rowcount != 1:
        return 0
    for children in w.children:
        _replace(session, children, w.row[w.key])
    return 1


# Pre-aggregates of rm_opportunities: (table, key columns, with the weighted amount).
_CUBES = (
    (tables.opp_by_created, ("owner_id", "status", "stage", "created_day", "close_month"), True),
    (tables.opp_by_closed, ("owner_id", "status", "closed_day", "lost_reason"), False),
    (tables.opp_by_campaign, ("campaign_id", "status", "created_day"), False),
)


def _upsert_opportunity(session: Session, w: Upsert) -> int:
    """The opportunity upsert, plus moving its contribution between pre-aggregate rows: the old
    row's is taken out, the new one's added, in the same transaction. Handlers of the same
    opportunity are serialised (PostgreSQL: an advisory lock on its id; SQLite: one writer), so
    the old row read here is the one replaced."""
    t = tables.opportunities
    oid = w.row["id"]
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_advisory_xact_lock(func.hashtext(oid))))
    old = session.execute(select(t).where(t.c.id == oid)).mappings().first()
    if old is not None and old["version"] >= w.row["version"]:
        return 0
    if not _upsert(session, w):
        return 0
    if old is not None:
        _bump(session, dict(old), -1)
    _bump(session, w.row, 1)
    return 1


def _bump(session: Session, row: dict[str, Any], sign: int) -> None:
    amount = int(row.get("amount") or 0)
    for cube, keys, weighted in _CUBES:
        key = {k: (row.get(k) or "") for k in keys}
        values = {**key, "n": sign, "amount": sign * amount}
        if weighted:
            values["weighted_x100"] = sign * amount * int(row.get("probability") or 0)
        columns = tuple(values)

        def build(cube: Any = cube, columns: tuple[str, ...] = columns, keys: tuple[str, ...] = keys) -> Any:
            stmt = conflict_insert(session, cube).values(_values(columns))
            return stmt.on_conflict_do_update(
                index_elements=[cube.c[k] for k in keys],
                set_={c: cube.c[c] + stmt.excluded[c] for c in columns if c not in keys},
            )

        session.execute(_cached(session, ("bump", cube.name), build), values)
        if sign < 0:
            session.execute(delete(cube).where(*(cube.c[k] == v for k, v in key.items()), cube.c.n <= 0))


def _replace(session: Session, children: Children, parent_id: str) -> None:
    t = TABLES[children.table]
    session.execute(delete(t).where(t.c[children.parent_col] == parent_id))
    if children.rows:
        session.execute(insert(t), list(children.rows))


def _insert(session: Session, w: Insert) -> int:
    t = TABLES[w.table]
    columns = tuple(w.row)

    def build() -> Any:
        keys = list(t.primary_key.columns)
        stmt = conflict_insert(session, t).values(_values(columns))
        if w.min_col is None:
            return stmt.on_conflict_do_nothing(index_elements=keys)
        col = t.c[w.min_col]
        return stmt.on_conflict_do_update(
            index_elements=keys, set_={w.min_col: stmt.excluded[w.min_col]}, where=col > stmt.excluded[w.min_col]
        )

    stmt = _cached(session, ("insert", w.table, w.min_col, columns), build)
    return session.execute(stmt, w.row).rowcount


def fold(session: Session, envelope: Envelope, zone: tzinfo) -> int:
    """Archive the event and fold it into every read model it touches."""
    archive(session, envelope)
    return apply(session, writes_for(to_event(envelope), zone))


def archived_count(session: Session) -> int:
    return int(session.execute(select(func.count()).select_from(tables.event_archive)).scalar() or 0)


def archived(session: Session, *, batch: int = 1000) -> Iterator[list[Envelope]]:
    """The archive in occurrence order, in batches (keyset paging on (occurred_at, event_id))."""
    t = tables.event_archive
    last = None
    while True:
        query = select(t.c.occurred_at, t.c.event_id, t.c.body).order_by(t.c.occurred_at, t.c.event_id).limit(batch)
        if last is not None:
            at, eid = last
            query = query.where((t.c.occurred_at > at) | ((t.c.occurred_at == at) & (t.c.event_id > eid)))
        rows = session.execute(query).all()
        if not rows:
            return
        last = (as_utc(rows[-1].occurred_at), rows[-1].event_id)
        yield [parse_envelope(json.loads(r.body)) for r in rows]


def empty_projections(session: Session) -> None:
    """Delete every projection row (the archive, inbox, definitions and dashboards stay)."""
    for t in tables.PROJECTIONS:
        session.execute(delete(t))


def refill_opportunity_aggregates(session: Session) -> None:
    """Recompute the opportunity pre-aggregates from rm_opportunities (bulk loads, repairs)."""
    o = tables.opportunities
    for cube, keys, weighted in _CUBES:
        session.execute(delete(cube))
        dims = [func.coalesce(o.c[k], "").label(k) if k.endswith("_day") else o.c[k] for k in keys]
        measures = [func.count().label("n"), func.sum(o.c.amount).label("amount")]
        if weighted:
            measures.append(func.sum(o.c.amount * o.c.probability).label("weighted_x100"))
        query = select(*dims, *measures).group_by(*dims)
        session.execute(
            insert(cube).from_select([*keys, "n", "amount", *(["weighted_x100"] if weighted else [])], query)
        )
