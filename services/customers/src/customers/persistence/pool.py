"""SQL storage of the customer pool: pools, rule versions, claim counters, grace and job records."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from crm_chassis import pools as engine
from crm_chassis.db import as_utc, conflict_insert
from customers.crypto import FieldCrypto
from customers.domain.activity import Activity
from customers.domain.customer import Customer
from customers.domain.pool import Pool, StoredRule
from customers.domain.ports import CustomerQuery, Page
from customers.persistence import tables
from customers.persistence.codec import activity_from_row, customer_from_row
from customers.persistence.records import SqlCustomFields
from customers.persistence.repository import customer_listing

t = tables.customers
p = tables.customer_pools
r = tables.pool_rules
cc = tables.claim_counters
g = tables.pool_grace
a = tables.activities


def _int_or_none(value: Any) -> int | None:
    return None if value is None else int(value)


class SqlPools:
    def __init__(self, session: Session, crypto: FieldCrypto) -> None:
        self.session = session
        self.crypto = crypto

    @property
    def _postgres(self) -> bool:
        return self.session.get_bind().dialect.name == "postgresql"

    # -- pools and rules ---------------------------------------------------------------------------

    def all(self) -> list[Pool]:
        rows = self.session.execute(select(p).order_by(p.c.priority.desc(), p.c.id)).all()
        return [
            Pool(
                id=row.id,
                name=row.name,
                department_ids=tuple(row.department_ids or ()),
                priority=row.priority,
                active=bool(row.active),
                release_reasons=tuple(row.release_reasons or ()),
            )
            for row in rows
        ]

    def rule(self, pool_id: str) -> StoredRule | None:
        row = self.session.execute(
            select(r).where(r.c.pool_id == pool_id).order_by(r.c.version.desc()).limit(1)
        ).first()
        if row is None:
            return None
        rule = engine.PoolRule(
            rule_id=row.pool_id,
            version=row.version,
            no_follow_up_days=_int_or_none(row.no_follow_up_days),
            no_deal_days=_int_or_none(row.no_deal_days),
            remind_days=tuple(int(d) for d in row.remind_days or ()),
            reclaim_cooldown_days=row.reclaim_cooldown_days,
            claimable_after_days=row.claimable_after_days,
            owned_cap=_int_or_none(row.owned_cap),
            owned_cap_by_level=tuple((str(k), int(v)) for k, v in row.owned_cap_by_level or ()),
            daily_claim_limit=_int_or_none(row.daily_claim_limit),
            exempt_levels=tuple(row.exempt_levels or ()),
        )
        return StoredRule(rule, as_utc(row.created_at), row.created_by)

    def add_rule(self, stored: StoredRule) -> None:
        rule = stored.rule
        self.session.execute(
            insert(r).values(
                pool_id=rule.rule_id,
                version=rule.version,
                no_follow_up_days=rule.no_follow_up_days,
                no_deal_days=rule.no_deal_days,
                remind_days=list(rule.remind_days),
                reclaim_cooldown_days=rule.reclaim_cooldown_days,
                claimable_after_days=rule.claimable_after_days,
                owned_cap=rule.owned_cap,
                owned_cap_by_level=[list(x) for x in rule.owned_cap_by_level],
                daily_claim_limit=rule.daily_claim_limit,
                exempt_levels=list(rule.exempt_levels),
                created_at=stored.created_at,
                created_by=stored.created_by,
            )
        )

    # -- claiming ----------------------------------------------------------------------------------

    def take_from_pool(self, customer_id: str, pool_id: str, owner_id: str, *, at: datetime) -> bool:
        stmt = (
            update(t)
            .where(t.c.id == customer_id, t.c.owner_id.is_(None), t.c.pool_id == pool_id, t.c.deleted_at.is_(None))
            .values(owner_id=owner_id, owner_since=at, pool_id=None, version=t.c.version + 1, updated_at=at)
        )
        return self.session.execute(stmt).rowcount == 1

    def lock_customer(self, customer_id: str) -> Customer | None:
        stmt = select(t).where(t.c.id == customer_id, t.c.deleted_at.is_(None))
        if self._postgres:
            stmt = stmt.with_for_update(skip_locked=True)
        row = self.session.execute(stmt).first()
        return None if row is None else customer_from_row(row, self.crypto)

    def count_claims(self, user_id: str, pool_id: str, day: date) -> int:
        self.session.execute(
            conflict_insert(self.session, cc)
            .values(user_id=user_id, pool_id=pool_id, local_date=day, count=0)
            .on_conflict_do_nothing()
        )
        stmt = select(cc.c.count).where(cc.c.user_id == user_id, cc.c.pool_id == pool_id, cc.c.local_date == day)
        if self._postgres:
            stmt = stmt.with_for_update()
        return int(self.session.execute(stmt).scalar_one())

    def add_claim(self, user_id: str, pool_id: str, day: date) -> None:
        self.session.execute(
            update(cc)
            .where(cc.c.user_id == user_id, cc.c.pool_id == pool_id, cc.c.local_date == day)
            .values(count=cc.c.count + 1)
        )

    def owned_count(self, owner_id: str) -> int:
        stmt = select(func.count()).where(t.c.owner_id == owner_id, t.c.deleted_at.is_(None), t.c.deal_at.is_(None))
        return int(self.session.execute(stmt).scalar_one())

    def owned_ids(self, owner_id: str, *, limit: int) -> list[str]:
        stmt = select(t.c.id).where(t.c.owner_id == owner_id, t.c.deleted_at.is_(None)).order_by(t.c.id).limit(limit)
        return list(self.session.execute(stmt).scalars())

    # -- the jobs ----------------------------------------------------------------------------------

    def owned_batch(self, *, after_id: str, limit: int) -> list[Customer]:
        stmt = (
            select(t)
            .where(t.c.owner_id.is_not(None), t.c.deleted_at.is_(None), t.c.id > after_id)
            .order_by(t.c.id)
            .limit(limit)
        )
        return [customer_from_row(row, self.crypto) for row in self.session.execute(stmt).all()]

    def owned_total(self) -> int:
        stmt = select(func.count()).where(t.c.owner_id.is_not(None), t.c.deleted_at.is_(None))
        return int(self.session.execute(stmt).scalar_one())

    def pool_page(self, query: CustomerQuery, pool_ids: list[str]) -> Page[Customer]:
        definitions = SqlCustomFields(self.session).definitions("customer")
        compiled = customer_listing(self.session, self.crypto, definitions).compile(query.filter, query.order_by)
        stmt = select(t).where(t.c.deleted_at.is_(None), t.c.owner_id.is_(None), t.c.pool_id.in_(pool_ids))
        rows = self.session.execute(compiled.apply(stmt, cursor=query.cursor, limit=query.limit)).all()
        items, next_cursor = compiled.page(rows, query.limit)
        return Page([customer_from_row(row, self.crypto) for row in items], next_cursor)

    def remove_shares(self, customer_id: str) -> int:
        sh = tables.customer_shares
        return int(self.session.execute(delete(sh).where(sh.c.customer_id == customer_id)).rowcount or 0)

    def grace(self, customer_ids: list[str]) -> dict[str, date]:
        if not customer_ids:
            return {}
        rows = self.session.execute(select(g.c.customer_id, g.c.grace_until).where(g.c.customer_id.in_(customer_ids)))
        return {row.customer_id: row.grace_until for row in rows}

    def put_grace(self, customer_id: str, pool_id: str, rule_version: int, until: date) -> None:
        self.session.execute(delete(g).where(g.c.customer_id == customer_id))
        self.session.execute(
            insert(g).values(customer_id=customer_id, pool_id=pool_id, rule_version=rule_version, grace_until=until)
        )

    def clear_grace(self, customer_id: str) -> None:
        self.session.execute(delete(g).where(g.c.customer_id == customer_id))

    def mark_reminder(self, customer_id: str, tier: int, day: date, *, at: datetime) -> bool:
        stmt = (
            conflict_insert(self.session, tables.pool_reminders_sent)
            .values(customer_id=customer_id, tier=tier, local_date=day, sent_at=at)
            .on_conflict_do_nothing()
        )
        return self.session.execute(stmt).rowcount == 1

    def due_follow_ups(self, as_of: datetime, *, limit: int) -> list[Activity]:
        sent = tables.follow_up_reminders_sent
        stmt = (
            select(a)
            .outerjoin(sent, sent.c.activity_id == a.c.id)
            .where(
                a.c.next_follow_up_at.is_not(None),
                a.c.next_follow_up_at <= as_of,
                a.c.deleted_at.is_(None),
                sent.c.activity_id.is_(None),
            )
            .order_by(a.c.next_follow_up_at, a.c.id)
            .limit(limit)
        )
        return [activity_from_row(row) for row in self.session.execute(stmt).all()]

    def mark_follow_up(self, activity_id: str, *, at: datetime) -> bool:
        stmt = (
            conflict_insert(self.session, tables.follow_up_reminders_sent)
            .values(activity_id=activity_id, sent_at=at)
            .on_conflict_do_nothing()
        )
        return self.session.execute(stmt).rowcount == 1
