"""SQL storage of customers: rows, scope (owner or share), whitelisted lists, purge."""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Text, and_, case, cast, delete, exists, insert, or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement

from crm_chassis.errors import InvalidArgument
from crm_chassis.listing import Field, Listing
from crm_chassis.paging import decode_cursor, encode_cursor
from customers.crypto import FieldCrypto
from customers.domain import keys as k
from customers.domain.access import Scope
from customers.domain.custom_fields import FieldDefinition
from customers.domain.customer import CLASSIFICATIONS, KINDS, STATUSES, Customer
from customers.domain.ports import CustomerQuery, Page
from customers.persistence import tables
from customers.persistence.codec import customer_from_row, customer_values
from customers.persistence.records import SqlCustomFields
from customers.persistence.scope import visible_clause

t = tables.customers
keys_t = tables.customer_keys


# -- list fields (ARCHITECTURE §8, C30) -------------------------------------------------------------


def _compare(column: Any, op: str, value: Any) -> ColumnElement[bool]:
    if op == "in":
        return column.in_(value)
    if op == "has":
        return column.is_not(None)
    if op in ("=", ":"):
        return column == value
    if op == "!=":
        return or_(column != value, column.is_(None))
    return {"<": column < value, "<=": column <= value, ">": column > value, ">=": column >= value}[op]


def _json_list_predicate(column: Any) -> Any:
    """Membership in a JSON list of strings (tags, multi-choice values): `=`/`:` a member, `in` any of."""

    def member(value: str) -> ColumnElement[bool]:
        needle = json.dumps(value)  # the stored form, quotes included
        escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return cast(column, Text).like(f"%{escaped}%", escape="\\")

    def predicate(op: str, value: Any) -> ColumnElement[bool]:
        if op == "has":
            return and_(column.is_not(None), cast(column, Text) != "[]")
        if op == "in":
            return or_(*(member(v) for v in value))
        if op in ("=", ":"):
            return member(value)
        if op == "!=":
            return or_(column.is_(None), ~member(value))
        raise InvalidArgument(
            f"lists cannot be filtered with {op!r}", code="filter.unsupported_operator", field="filter"
        )

    return predicate


def _blind_index_predicate(session: Session, crypto: FieldCrypto, key_type: str) -> Any:
    """`phone = "..."` / `email = "..."`: equality through the blind index (values are encrypted)."""

    def key_of(raw: str) -> str:
        if key_type == k.PHONE:
            pk = k.phone_key(raw)
            if pk is None:
                raise InvalidArgument(f"{raw!r} is not a phone number", code="filter.invalid_value", field="filter")
            return crypto.blind_index(k.PHONE, pk.value)
        ek = k.email_key(raw)
        if ek is None:
            raise InvalidArgument(f"{raw!r} is not an email address", code="filter.invalid_value", field="filter")
        return crypto.blind_index(k.EMAIL, ek)

    def holds(values: list[str]) -> ColumnElement[bool]:
        return exists().where(
            keys_t.c.customer_id == t.c.id,
            keys_t.c.contact_id.is_(None),
            keys_t.c.deleted_at.is_(None),
            keys_t.c.key_type == key_type,
            keys_t.c.key_value.in_(values),
        )

    def predicate(op: str, value: Any) -> ColumnElement[bool]:
        if op == "=":
            return holds([key_of(value)])
        if op == "in":
            return holds([key_of(v) for v in value])
        if op == "!=":
            return ~holds([key_of(value)])
        if op == "has":
            column = t.c.phones_enc if key_type == k.PHONE else t.c.emails_enc
            return column.is_not(None)
        raise InvalidArgument(
            f"{key_type} can only be matched exactly", code="filter.unsupported_operator", field="filter"
        )

    return predicate


def _custom_field(definition: FieldDefinition) -> Field:
    name = f"custom.{definition.key}"
    element = t.c.custom[definition.key]
    if definition.type in ("text", "choice"):
        choices = frozenset(definition.options) if definition.type == "choice" else None
        return Field(name, element.as_string(), "string", choices=choices)
    if definition.type == "number":
        column = element.as_float()

        def number(op: str, value: Any) -> ColumnElement[bool]:
            converted = (
                tuple(float(v) for v in value)
                if op == "in"
                else (float(value) if isinstance(value, Decimal) else value)
            )
            return _compare(column, op, converted)

        return Field(name, column, "number", predicate=number)
    if definition.type == "date":
        column = element.as_string()

        def on_date(op: str, value: Any) -> ColumnElement[bool]:
            converted = tuple(v.isoformat() for v in value) if op == "in" else (value.isoformat() if value else value)
            return _compare(column, op, converted)

        return Field(name, column, "date", predicate=on_date)
    if definition.type == "boolean":
        return Field(name, element.as_boolean(), "boolean")
    # multi_choice: a JSON list, filtered by membership, not sortable.
    return Field(
        name,
        t.c.custom[definition.key],
        "string",
        sortable=False,
        ops=frozenset({"=", ":", "!=", "in", "has"}),
        predicate=_json_list_predicate(t.c.custom[definition.key]),
        choices=frozenset(definition.options),
    )


def customer_listing(session: Session, crypto: FieldCrypto, definitions: dict[str, FieldDefinition]) -> Listing:
    def custom(key: str) -> Field | None:
        definition = definitions.get(key)
        return None if definition is None else _custom_field(definition)

    exact = frozenset({"=", "!=", "in", "has"})
    return Listing(
        [
            Field("id", t.c.id, ops=exact),
            Field("name", t.c.name),
            Field("owner_id", t.c.owner_id, ops=exact),
            Field("level", t.c.level, choices=frozenset({"", "A", "B", "C"})),
            Field("industry", t.c.industry),
            Field("kind", t.c.kind, choices=frozenset(KINDS)),
            Field("classification", t.c.classification, choices=frozenset(CLASSIFICATIONS)),
            Field("status", t.c.status, choices=frozenset(STATUSES)),
            Field("region", t.c.region),
            Field("source", t.c.source),
            Field("address", t.c.address),
            Field("website", t.c.website),
            Field("uscc", t.c.uscc),
            Field("created_by", t.c.created_by, ops=exact),
            Field("latitude", t.c.latitude, "number"),
            Field("longitude", t.c.longitude, "number"),
            Field("version", t.c.version, "integer"),
            Field("locked", t.c.locked, "boolean"),
            Field("created_at", t.c.created_at, "timestamp"),
            Field("updated_at", t.c.updated_at, "timestamp"),
            Field("owner_since", t.c.owner_since, "timestamp"),
            Field("last_follow_up_at", t.c.last_follow_up_at, "timestamp"),
            Field("deal_at", t.c.deal_at, "timestamp"),
            Field("pool_id", t.c.pool_id, ops=exact),
            Field("pool_entered_at", t.c.pool_entered_at, "timestamp"),
            Field("previous_owner_id", t.c.previous_owner_id, ops=exact),
            Field("exemption_ended_at", t.c.exemption_ended_at, "timestamp"),
            Field(
                "tags",
                t.c.tags,
                sortable=False,
                ops=frozenset({"=", ":", "!=", "in", "has"}),
                predicate=_json_list_predicate(t.c.tags),
            ),
            Field(
                "phone",
                t.c.phones_enc,
                sortable=False,
                ops=exact,
                predicate=_blind_index_predicate(session, crypto, k.PHONE),
            ),
            Field(
                "email",
                t.c.emails_enc,
                sortable=False,
                ops=exact,
                predicate=_blind_index_predicate(session, crypto, k.EMAIL),
            ),
        ],
        tiebreak=t.c.id,
        default_order="created_at desc",
        custom=custom,
    )


def _differs(column: Any, value: datetime | None) -> Any:
    """SQL: the column does not hold `value` (NULL-aware)."""
    if value is None:
        return column.is_not(None)
    return or_(column.is_(None), column != value)


class SqlCustomerRepository:
    def __init__(self, session: Session, crypto: FieldCrypto) -> None:
        self.session = session
        self.crypto = crypto

    def _one(self, row: Any) -> Customer:
        return customer_from_row(row, self.crypto)

    def add(self, customer: Customer) -> None:
        self.session.execute(insert(t).values(**customer_values(customer, self.crypto)))

    def get(self, customer_id: str) -> Customer | None:
        row = self.session.execute(select(t).where(t.c.id == customer_id)).first()
        return None if row is None else self._one(row)

    def update(self, customer: Customer, *, expected_version: int) -> bool:
        values = customer_values(customer, self.crypto)
        values.pop("id")
        values.pop("created_at")
        # Facts other writers move without a version bump (follow-ups, the contract exemption)
        # must not be written back from a copy read earlier: the follow-up time only moves
        # forward, and the exemption columns belong to set_contract_exemption alone.
        values.pop("contract_paused")
        values.pop("exemption_ended_at")
        follow_up = values.pop("last_follow_up_at")
        if follow_up is not None:
            column = t.c.last_follow_up_at
            values["last_follow_up_at"] = case((or_(column.is_(None), column < follow_up), follow_up), else_=column)
        stmt = update(t).where(t.c.id == customer.id, t.c.version == expected_version).values(**values)
        return self.session.execute(stmt).rowcount == 1

    def set_contract_exemption(self, customer_id: str, *, paused: bool, ended_at: datetime | None) -> bool:
        """C4 facts from sales (no version bump: not a user edit); True if the row changed."""
        stmt = (
            update(t)
            .where(
                t.c.id == customer_id,
                or_(t.c.contract_paused != paused, _differs(t.c.exemption_ended_at, ended_at)),
            )
            .values(contract_paused=paused, exemption_ended_at=ended_at)
        )
        return self.session.execute(stmt).rowcount == 1

    def advance_follow_up(self, customer_id: str, at: datetime) -> None:
        self.session.execute(
            update(t)
            .where(t.c.id == customer_id, or_(t.c.last_follow_up_at.is_(None), t.c.last_follow_up_at < at))
            .values(last_follow_up_at=at)
        )

    def page(self, query: CustomerQuery, scope: Scope) -> Page[Customer]:
        definitions = SqlCustomFields(self.session).definitions("customer")
        compiled = customer_listing(self.session, self.crypto, definitions).compile(query.filter, query.order_by)
        stmt = select(t).where(t.c.deleted_at.is_(None), visible_clause(scope))
        if query.owner_id is not None:
            stmt = stmt.where(t.c.owner_id == query.owner_id)
        rows = self.session.execute(compiled.apply(stmt, cursor=query.cursor, limit=query.limit)).all()
        items, next_cursor = compiled.page(rows, query.limit)
        return Page([self._one(r) for r in items], next_cursor)

    def page_deleted(self, *, limit: int, cursor: str, scope: Scope) -> Page[Customer]:
        stmt = select(t).where(t.c.deleted_at.is_not(None), visible_clause(scope))
        if cursor:
            deleted_at, row_id = decode_cursor(cursor)
            stmt = stmt.where(or_(t.c.deleted_at < deleted_at, and_(t.c.deleted_at == deleted_at, t.c.id < row_id)))
        rows = self.session.execute(stmt.order_by(t.c.deleted_at.desc(), t.c.id.desc()).limit(limit + 1)).all()
        items = [self._one(r) for r in rows[:limit]]
        last = items[-1] if items else None
        next_cursor = encode_cursor(last.deleted_at, last.id) if len(rows) > limit and last and last.deleted_at else ""
        return Page(items, next_cursor)

    def visible(self, customer_ids: list[str], scope: Scope) -> list[Customer]:
        if not customer_ids:
            return []
        stmt = (
            select(t)
            .where(t.c.id.in_(customer_ids), t.c.deleted_at.is_(None), visible_clause(scope))
            .order_by(t.c.created_at.desc(), t.c.id.desc())
        )
        return [self._one(r) for r in self.session.execute(stmt).all()]

    def purgeable(self, *, deleted_before: datetime, scope: Scope, limit: int) -> list[Customer]:
        stmt = (
            select(t)
            .where(t.c.deleted_at.is_not(None), t.c.deleted_at < deleted_before, visible_clause(scope))
            .order_by(t.c.deleted_at, t.c.id)
            .limit(limit)
        )
        return [self._one(r) for r in self.session.execute(stmt).all()]

    def purge(self, customer_id: str) -> int:
        contacts = self.session.execute(
            delete(tables.contacts).where(tables.contacts.c.customer_id == customer_id)
        ).rowcount
        for table in (tables.activities, tables.customer_keys, tables.customer_shares):
            self.session.execute(delete(table).where(table.c.customer_id == customer_id))
        for table in (tables.customer_history, tables.owner_history):
            self.session.execute(delete(table).where(table.c.customer_id == customer_id))
        self.session.execute(delete(t).where(t.c.id == customer_id))
        return int(contacts or 0)
