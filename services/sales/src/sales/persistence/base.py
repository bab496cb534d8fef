"""A generic SQL store of versioned records: insert, get (optionally locked), compare-and-set update,
and whitelisted, scoped, keyset-paged lists."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Generic, TypeVar

from sqlalchemy import Table, insert, or_, select, update
from sqlalchemy.engine import Row
from sqlalchemy.orm import Session

from crm_chassis.db import as_utc
from crm_chassis.listing import Listing
from sales.domain.common import ListRequest, Page
from sales.persistence.tables import customer_refs

T = TypeVar("T")


def utc(value: datetime | None) -> datetime | None:
    return None if value is None else as_utc(value)


def dec(value: Any) -> Decimal:
    return Decimal(value)


def iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


class SqlRecords(Generic[T]):
    """Rows of `table` <-> records through `to_row` / `from_row`."""

    table: Table
    listing: Listing | None = None
    # The column holding the owner for data scope (None: the records are not owned).
    owner_column: str | None = "owner_id"

    def __init__(self, session: Session) -> None:
        self.session = session

    # -- mapping (override) -------------------------------------------------------------------
    def to_row(self, item: T) -> dict[str, Any]:
        raise NotImplementedError

    def from_row(self, row: Row) -> T:
        raise NotImplementedError

    # -- storage -----------------------------------------------------------------------------
    def add(self, item: T) -> None:
        self.session.execute(insert(self.table).values(**self.to_row(item)))

    def _select(self):  # type: ignore[no-untyped-def]
        return select(self.table)

    def get(self, record_id: str, *, for_update: bool = False) -> T | None:
        stmt = self._select().where(self.table.c.id == record_id)
        if for_update:
            stmt = stmt.with_for_update()
        row = self.session.execute(stmt).first()
        return None if row is None else self.from_row(row)

    def find(self, *conditions: Any, order_by: Sequence[Any] = (), limit: int | None = None) -> list[T]:
        stmt = self._select().where(*conditions).order_by(*order_by)
        if limit is not None:
            stmt = stmt.limit(limit)
        return [self.from_row(r) for r in self.session.execute(stmt).all()]

    def update(self, item: T, *, expected_version: int) -> bool:
        row = self.to_row(item)
        result = self.session.execute(
            update(self.table)
            .where(self.table.c.id == row["id"], self.table.c.version == expected_version)
            .values(**row)
        )
        return result.rowcount == 1

    def page(self, request: ListRequest, *, where: Callable[[Any], Any] | None = None) -> Page[T]:
        assert self.listing is not None
        query = self.listing.compile(request.filter, request.order_by)
        stmt = self._select()
        if request.visible_owners is not None and self.owner_column is not None:
            owners = sorted(request.visible_owners)
            visible = self.table.c[self.owner_column].in_(owners)
            if "customer_id" in self.table.c:
                # G4: a customer's owner reads every sales record of the customer.
                held = select(customer_refs.c.id).where(customer_refs.c.owner_id.in_(owners))
                visible = or_(visible, self.table.c.customer_id.in_(held))
            stmt = stmt.where(visible)
        if where is not None:
            stmt = stmt.where(where(self.table))
        rows = self.session.execute(query.apply(stmt, cursor=request.cursor, limit=request.limit)).all()
        items, cursor = query.page(rows, request.limit)
        return Page([self.from_row(r) for r in items], cursor)
