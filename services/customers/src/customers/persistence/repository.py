"""SQL storage of customers."""

from __future__ import annotations

from sqlalchemy import and_, insert, or_, select
from sqlalchemy.engine import Row
from sqlalchemy.orm import Session

from crm_chassis.db import as_utc
from crm_chassis.paging import decode_cursor, encode_cursor
from customers.domain.customer import Customer
from customers.domain.ports import Page
from customers.persistence.tables import customers as t


def _to_customer(row: Row) -> Customer:
    return Customer(
        id=row.id,
        name=row.name,
        owner_id=row.owner_id,
        level=row.level,
        industry=row.industry,
        phone=row.phone,
        email=row.email,
        version=row.version,
        created_at=as_utc(row.created_at),
        updated_at=as_utc(row.updated_at),
        created_by=row.created_by,
    )


class SqlCustomerRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, customer: Customer) -> None:
        self.session.execute(
            insert(t).values(
                id=customer.id,
                name=customer.name,
                owner_id=customer.owner_id,
                level=customer.level,
                industry=customer.industry,
                phone=customer.phone,
                email=customer.email,
                version=customer.version,
                created_at=customer.created_at,
                updated_at=customer.updated_at,
                created_by=customer.created_by,
            )
        )

    def get(self, customer_id: str) -> Customer | None:
        row = self.session.execute(select(t).where(t.c.id == customer_id)).first()
        return None if row is None else _to_customer(row)

    def page(self, *, limit: int, cursor: str, owner_id: str | None, visible_owners: frozenset[str] | None) -> Page:
        query = select(t)
        if owner_id is not None:
            query = query.where(t.c.owner_id == owner_id)
        if visible_owners is not None:
            query = query.where(t.c.owner_id.in_(sorted(visible_owners)))
        if cursor:
            created_at, row_id = decode_cursor(cursor)
            query = query.where(or_(t.c.created_at < created_at, and_(t.c.created_at == created_at, t.c.id < row_id)))
        rows = self.session.execute(query.order_by(t.c.created_at.desc(), t.c.id.desc()).limit(limit + 1)).all()
        items = [_to_customer(r) for r in rows[:limit]]
        next_cursor = encode_cursor(rows[limit - 1].created_at, rows[limit - 1].id) if len(rows) > limit else ""
        return Page(items=items, next_cursor=next_cursor)
