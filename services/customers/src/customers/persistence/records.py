"""SQL storage of the customer file's side records: duplicate keys, history, owner history,
shares and custom field definitions."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import and_, delete, insert, or_, select, update
from sqlalchemy.orm import Session

from crm_chassis.db import as_utc, conflict_insert
from crm_chassis.errors import InvalidArgument
from crm_chassis.paging import decode_cursor, encode_cursor
from customers.crypto import FieldCrypto
from customers.domain import keys as k
from customers.domain.access import Share
from customers.domain.custom_fields import FieldDefinition
from customers.domain.exemptions import ContractFact
from customers.domain.lead_conversions import Resolution
from customers.domain.ports import HistoryEntry, Match, OwnerPeriod, Page
from customers.persistence import tables
from customers.persistence.codec import utc

keys_t = tables.customer_keys
customers_t = tables.customers


class SqlKeys:
    """Duplicate keys; sensitive values (phones, emails, a person's mobile) as blind-index hashes."""

    def __init__(self, session: Session, crypto: FieldCrypto) -> None:
        self.session = session
        self.crypto = crypto

    def _stored(self, key: k.Key) -> str:
        if key.key_type in k.SENSITIVE_KEY_TYPES:
            return self.crypto.blind_index(key.key_type, key.value)
        return key.value

    def _owner_rows(self, conditions: list[Any], exclude_customer_id: str | None) -> list[Match]:
        stmt = (
            select(keys_t.c.key_type, keys_t.c.customer_id, keys_t.c.contact_id, customers_t.c.owner_id)
            .join(customers_t, customers_t.c.id == keys_t.c.customer_id)
            .where(keys_t.c.deleted_at.is_(None), customers_t.c.deleted_at.is_(None), or_(*conditions))
        )
        if exclude_customer_id:
            stmt = stmt.where(keys_t.c.customer_id != exclude_customer_id)
        return [
            Match(r.key_type, r.key_type in k.HARD_KEY_TYPES, r.customer_id, r.owner_id, r.contact_id)
            for r in self.session.execute(stmt.order_by(keys_t.c.id).limit(200)).all()
        ]

    def _condition(self, key: k.Key) -> Any:
        return and_(keys_t.c.key_type == key.key_type, keys_t.c.key_value == self._stored(key))

    def replace(self, customer_id: str, contact_id: str | None, keys: list[k.Key], *, now: datetime) -> list[Match]:
        if contact_id is None:
            old = and_(keys_t.c.customer_id == customer_id, keys_t.c.contact_id.is_(None))
        else:
            old = keys_t.c.contact_id == contact_id
        self.session.execute(delete(keys_t).where(old))
        conflicts: list[Match] = []
        for key in keys:
            values = {
                "key_type": key.key_type,
                "key_value": self._stored(key),
                "customer_id": customer_id,
                "contact_id": contact_id,
                "hard": key.hard,
                "normaliser_version": k.NORMALISER_VERSION,
                "created_at": now,
                "deleted_at": None,
            }
            if not key.hard:
                self.session.execute(insert(keys_t).values(**values))
                continue
            # The partial unique index decides (C24): a concurrent save of the same key waits for
            # the other transaction and then inserts nothing; a check-then-insert would let both in.
            stmt = conflict_insert(self.session, keys_t).values(**values).on_conflict_do_nothing()
            if self.session.execute(stmt).rowcount != 1:
                holders = [m for m in self._owner_rows([self._condition(key)], customer_id) if m.hard]
                conflicts.extend(holders or [Match(key.key_type, True, "", None)])
        return conflicts

    def matches(self, keys: list[k.Key], *, exclude_customer_id: str | None) -> list[Match]:
        if not keys:
            return []
        return self._owner_rows([self._condition(key) for key in keys], exclude_customer_id)

    def release(self, customer_id: str, *, at: datetime, contact_id: str | None = None) -> None:
        stmt = update(keys_t).where(keys_t.c.customer_id == customer_id, keys_t.c.deleted_at.is_(None))
        if contact_id is not None:
            stmt = stmt.where(keys_t.c.contact_id == contact_id)
        self.session.execute(stmt.values(deleted_at=at))

    def holders(self, key: k.Key, *, limit: int) -> list[tuple[str, str | None]]:
        stmt = (
            select(keys_t.c.customer_id, keys_t.c.contact_id)
            .where(self._condition(key), keys_t.c.deleted_at.is_(None))
            .order_by(keys_t.c.id)
            .limit(limit)
        )
        return [(r.customer_id, r.contact_id) for r in self.session.execute(stmt).all()]

    def move_contacts(self, from_customer: str, to_customer: str) -> None:
        self.session.execute(
            update(keys_t)
            .where(keys_t.c.customer_id == from_customer, keys_t.c.contact_id.is_not(None))
            .values(customer_id=to_customer)
        )


h = tables.customer_history


def _history_context(customer_id: str, entity_id: str, field: str) -> str:
    return f"history:{customer_id}:{entity_id}:{field}"


class SqlHistory:
    """Audit history; values of sensitive fields are encrypted like the fields themselves."""

    def __init__(self, session: Session, crypto: FieldCrypto) -> None:
        self.session = session
        self.crypto = crypto

    def _dump(self, entry: HistoryEntry, value: Any) -> str | None:
        if value is None:
            return None
        text = json.dumps(value, ensure_ascii=False, sort_keys=True, default=_json_default)
        if entry.sensitive:
            return self.crypto.encrypt(text, _history_context(entry.customer_id, entry.entity_id, entry.field))
        return text

    def _load(self, row: Any, value: str | None) -> Any:
        if value is None:
            return None
        if value.startswith("v1:"):  # encrypted (JSON never starts like this)
            value = self.crypto.decrypt(value, _history_context(row.customer_id, row.entity_id, row.field))
        return json.loads(value)

    def add(self, entries: list[HistoryEntry]) -> None:
        if not entries:
            return
        self.session.execute(
            insert(h),
            [
                {
                    "customer_id": e.customer_id,
                    "entity_type": e.entity_type,
                    "entity_id": e.entity_id,
                    "change_id": e.change_id,
                    "field": e.field,
                    "old_value": self._dump(e, e.old),
                    "new_value": self._dump(e, e.new),
                    "actor_id": e.actor_id,
                    "changed_at": e.changed_at,
                    "reason": e.reason,
                    "version": e.version,
                }
                for e in entries
            ],
        )

    def page(self, customer_id: str, *, limit: int, cursor: str) -> Page[HistoryEntry]:
        stmt = select(h).where(h.c.customer_id == customer_id)
        if cursor:
            _, last_id = decode_cursor(cursor)
            try:
                stmt = stmt.where(h.c.id < int(last_id))
            except ValueError:
                raise InvalidArgument("cursor is not valid", code="page.cursor_invalid", field="cursor") from None
        rows = self.session.execute(stmt.order_by(h.c.id.desc()).limit(limit + 1)).all()
        items = [
            HistoryEntry(
                customer_id=r.customer_id,
                entity_type=r.entity_type,
                entity_id=r.entity_id,
                field=r.field,
                old=self._load(r, r.old_value),
                new=self._load(r, r.new_value),
                actor_id=r.actor_id,
                changed_at=as_utc(r.changed_at),
                reason=r.reason,
                change_id=r.change_id,
                version=r.version,
                sensitive=bool(r.old_value and r.old_value.startswith("v1:"))
                or bool(r.new_value and r.new_value.startswith("v1:")),
                id=str(r.id),
            )
            for r in rows[:limit]
        ]
        last = rows[limit - 1] if len(rows) > limit else None
        return Page(items, encode_cursor(as_utc(last.changed_at), str(last.id)) if last is not None else "")

    def fields_changed_after(self, customer_id: str, version: int) -> list[str]:
        stmt = (
            select(h.c.field)
            .where(h.c.customer_id == customer_id, h.c.entity_type == "customer", h.c.version > version)
            .distinct()
        )
        return sorted(r.field for r in self.session.execute(stmt).all())


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, tuple | set | frozenset):
        return list(value)
    return str(value)


o = tables.owner_history


class SqlOwnerHistory:
    """Append-only periods of ownership (C16): a new period closes the open one."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def start(self, period: OwnerPeriod) -> None:
        self.session.execute(
            update(o)
            .where(o.c.customer_id == period.customer_id, o.c.ended_at.is_(None))
            .values(ended_at=period.started_at)
        )
        self.session.execute(
            insert(o).values(
                customer_id=period.customer_id,
                from_owner=period.from_owner,
                to_owner=period.to_owner,
                started_at=period.started_at,
                ended_at=None,
                reason_code=period.reason_code,
                rule_id=period.rule_id,
                rule_version=period.rule_version,
                actor=period.actor_id,
            )
        )

    def periods(self, customer_id: str) -> list[OwnerPeriod]:
        rows = self.session.execute(select(o).where(o.c.customer_id == customer_id).order_by(o.c.id)).all()
        return [
            OwnerPeriod(
                customer_id=r.customer_id,
                from_owner=r.from_owner,
                to_owner=r.to_owner,
                started_at=as_utc(r.started_at),
                reason_code=r.reason_code,
                actor_id=r.actor,
                rule_id=r.rule_id,
                rule_version=r.rule_version,
                ended_at=utc(r.ended_at),
            )
            for r in rows
        ]


sh = tables.customer_shares


class SqlShares:
    def __init__(self, session: Session) -> None:
        self.session = session

    def of(self, customer_id: str) -> list[Share]:
        rows = self.session.execute(
            select(sh).where(sh.c.customer_id == customer_id).order_by(sh.c.grantee_type, sh.c.grantee_id)
        ).all()
        return [
            Share(
                r.customer_id,
                r.grantee_type,
                r.grantee_id,
                r.access,
                utc(r.expires_at),
                as_utc(r.created_at),
                r.created_by,
            )
            for r in rows
        ]

    def put(self, share: Share) -> None:
        values = {
            "customer_id": share.customer_id,
            "grantee_type": share.grantee_type,
            "grantee_id": share.grantee_id,
            "access": share.access,
            "expires_at": share.expires_at,
            "created_at": share.created_at,
            "created_by": share.created_by,
        }
        stmt = conflict_insert(self.session, sh).values(**values)
        stmt = stmt.on_conflict_do_update(
            index_elements=[sh.c.customer_id, sh.c.grantee_type, sh.c.grantee_id],
            set_={name: stmt.excluded[name] for name in ("access", "expires_at", "created_at", "created_by")},
        )
        self.session.execute(stmt)

    def remove(self, customer_id: str, grantee_type: str, grantee_id: str) -> bool:
        stmt = delete(sh).where(
            sh.c.customer_id == customer_id, sh.c.grantee_type == grantee_type, sh.c.grantee_id == grantee_id
        )
        return self.session.execute(stmt).rowcount == 1


cf = tables.custom_field_definitions


class SqlCustomFields:
    def __init__(self, session: Session) -> None:
        self.session = session

    def definitions(self, entity: str) -> dict[str, FieldDefinition]:
        rows = self.session.execute(select(cf).where(cf.c.entity == entity)).all()
        return {
            r.key: FieldDefinition(
                entity=r.entity,
                key=r.key,
                label=r.label,
                type=r.type,
                required=bool(r.required),
                options=tuple(r.options or ()),
                version=r.version,
                created_at=as_utc(r.created_at),
                updated_at=as_utc(r.updated_at),
            )
            for r in rows
        }

    def _values(self, d: FieldDefinition) -> dict[str, Any]:
        return {
            "entity": d.entity,
            "key": d.key,
            "label": d.label,
            "type": d.type,
            "required": d.required,
            "options": list(d.options),
            "version": d.version,
            "created_at": d.created_at,
            "updated_at": d.updated_at,
        }

    def add(self, definition: FieldDefinition) -> bool:
        stmt = conflict_insert(self.session, cf).values(**self._values(definition)).on_conflict_do_nothing()
        return self.session.execute(stmt).rowcount == 1

    def update(self, definition: FieldDefinition, *, expected_version: int) -> bool:
        values = self._values(definition)
        for name in ("entity", "key", "created_at"):
            values.pop(name)
        stmt = (
            update(cf)
            .where(cf.c.entity == definition.entity, cf.c.key == definition.key, cf.c.version == expected_version)
            .values(**values)
        )
        return self.session.execute(stmt).rowcount == 1


class SqlLeadConversions:
    """Resolutions of marketing lead conversions (one row per conversion id)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, conversion_id: str) -> Resolution | None:
        t = tables.lead_conversions
        r = self.session.execute(select(t).where(t.c.conversion_id == conversion_id)).first()
        if r is None:
            return None
        return Resolution(
            lead_id=r.lead_id,
            conversion_id=r.conversion_id,
            outcome=r.outcome,
            customer_id=r.customer_id,
            contact_id=r.contact_id,
            conflict_owner_id=r.conflict_owner_id,
            detail=r.detail,
        )

    def add(self, resolution: Resolution, *, at: datetime) -> None:
        self.session.execute(
            insert(tables.lead_conversions).values(
                conversion_id=resolution.conversion_id,
                lead_id=resolution.lead_id,
                outcome=resolution.outcome,
                customer_id=resolution.customer_id,
                contact_id=resolution.contact_id,
                conflict_owner_id=resolution.conflict_owner_id,
                detail=resolution.detail[:500],
                created_at=at,
            )
        )


class SqlContractFacts:
    """The customer's contracts as sales reports them (C4)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, contract_id: str) -> ContractFact | None:
        t = tables.customer_contracts
        r = self.session.execute(select(t).where(t.c.contract_id == contract_id)).first()
        return None if r is None else ContractFact(r.contract_id, r.customer_id, r.active, utc(r.ended_at), r.version)

    def put(self, fact: ContractFact) -> None:
        values = {
            "contract_id": fact.contract_id,
            "customer_id": fact.customer_id,
            "active": fact.active,
            "ended_at": fact.ended_at,
            "version": fact.version,
        }
        stmt = conflict_insert(self.session, tables.customer_contracts).values(**values)
        self.session.execute(
            stmt.on_conflict_do_update(
                index_elements=["contract_id"], set_={k: v for k, v in values.items() if k != "contract_id"}
            )
        )

    def for_customer(self, customer_id: str) -> list[ContractFact]:
        t = tables.customer_contracts
        rows = self.session.execute(select(t).where(t.c.customer_id == customer_id).order_by(t.c.contract_id)).all()
        return [ContractFact(r.contract_id, r.customer_id, r.active, utc(r.ended_at), r.version) for r in rows]

    def repoint(self, victim_id: str, survivor_id: str) -> None:
        t = tables.customer_contracts
        self.session.execute(update(t).where(t.c.customer_id == victim_id).values(customer_id=survivor_id))
