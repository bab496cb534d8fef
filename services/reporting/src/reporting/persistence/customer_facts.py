"""SQL storage of the customer facts read model."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from crm_chassis.db import as_utc, conflict_insert
from reporting.domain.customer_summary import CustomerFact
from reporting.persistence.tables import customer_facts as t


class SqlCustomerFacts:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, customer_id: str) -> CustomerFact | None:
        row = self.session.execute(select(t).where(t.c.customer_id == customer_id)).first()
        if row is None:
            return None
        return CustomerFact(
            row.customer_id,
            row.owner_id,
            as_utc(row.created_at),
            row.version,
            as_utc(row.event_at),
            deleted=bool(row.deleted),
        )

    def put_if_newer(self, fact: CustomerFact) -> bool:
        values = {
            "customer_id": fact.customer_id,
            "owner_id": fact.owner_id,
            "created_at": fact.created_at,
            "version": fact.version,
            "event_at": fact.event_at,
            "deleted": fact.deleted,
        }
        stmt = conflict_insert(self.session, t).values(**values)
        # Versions apply monotonically (customer_summary.supersedes), in one statement.
        stmt = stmt.on_conflict_do_update(
            index_elements=[t.c.customer_id],
            set_={k: stmt.excluded[k] for k in values if k != "customer_id"},
            where=t.c.version < stmt.excluded.version,
        )
        return self.session.execute(stmt).rowcount == 1

    def remove(self, customer_id: str, *, up_to_version: int) -> bool:
        stmt = delete(t).where(t.c.customer_id == customer_id, t.c.version <= up_to_version)
        return self.session.execute(stmt).rowcount == 1

    def counts_by_owner(self, visible_owners: frozenset[str] | None) -> dict[str, int]:
        query = select(t.c.owner_id, func.count()).where(t.c.deleted.is_(False)).group_by(t.c.owner_id)
        if visible_owners is not None:
            query = query.where(t.c.owner_id.in_(sorted(visible_owners)))
        return {owner: int(n) for owner, n in self.session.execute(query).all()}

    def newest_event_at(self) -> datetime | None:
        newest = self.session.execute(select(func.max(t.c.event_at))).scalar()
        return None if newest is None else as_utc(newest)
