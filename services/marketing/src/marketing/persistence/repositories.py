"""SQL repositories: records <-> rows, compare-and-set updates, locks, and keyset-paged lists."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Sequence
from datetime import datetime
from typing import Any, Generic, TypeVar

from sqlalchemy import Table, and_, delete, func, insert, or_, select, text, update
from sqlalchemy.engine import Row
from sqlalchemy.orm import Session

from crm_chassis import approvals as ap
from crm_chassis.db import as_utc
from crm_chassis.listing import Listing
from marketing.domain import assignment as asg
from marketing.domain import campaign as cp
from marketing.domain import forms as fm
from marketing.domain import lead as ld
from marketing.domain.common import ListRequest, Money, Page
from marketing.persistence import listings
from marketing.persistence import tables as t

T = TypeVar("T")


def utc(value: datetime | None) -> datetime | None:
    return None if value is None else as_utc(value)


class SqlRecords(Generic[T]):
    """Rows of `table` <-> records through `to_row` / `from_row`."""

    table: Table
    listing: Listing | None = None
    owner_column: str | None = "owner_id"

    def __init__(self, session: Session) -> None:
        self.session = session

    def to_row(self, item: T) -> dict[str, Any]:
        raise NotImplementedError

    def from_row(self, row: Row) -> T:
        raise NotImplementedError

    def add(self, item: T) -> None:
        self.session.execute(insert(self.table).values(**self.to_row(item)))

    def get(self, record_id: str, *, for_update: bool = False, skip_locked: bool = False) -> T | None:
        stmt = select(self.table).where(self.table.c.id == record_id)
        if for_update:
            stmt = stmt.with_for_update(skip_locked=skip_locked)
        row = self.session.execute(stmt).first()
        return None if row is None else self.from_row(row)

    def update(self, item: T, *, expected_version: int) -> bool:
        row = self.to_row(item)
        result = self.session.execute(
            update(self.table)
            .where(self.table.c.id == row["id"], self.table.c.version == expected_version)
            .values(**row)
        )
        return result.rowcount == 1

    def _page(self, request: ListRequest, *conditions: Any) -> Page[T]:
        assert self.listing is not None
        query = self.listing.compile(request.filter, request.order_by)
        stmt = select(self.table).where(*conditions)
        rows = self.session.execute(query.apply(stmt, cursor=request.cursor, limit=request.limit)).all()
        items, cursor = query.page(rows, request.limit)
        return Page([self.from_row(r) for r in items], cursor)

    def page(self, request: ListRequest) -> Page[T]:
        conditions = []
        if request.visible_owners is not None and self.owner_column is not None:
            conditions.append(self.table.c[self.owner_column].in_(sorted(request.visible_owners)))
        return self._page(request, *conditions)


# -- campaigns -------------------------------------------------------------------------------------


def _approval_to_json(a: ap.Approval | None) -> dict[str, Any] | None:
    if a is None:
        return None
    return {
        "id": a.id,
        "flow_key": a.flow_key,
        "flow_version": a.flow_version,
        "steps": [s.to_dict() for s in a.steps],
        "status": a.status,
        "round": a.round,
        "current_step": a.current_step,
        "submitted_by": a.submitted_by,
        "submitted_at": a.submitted_at.isoformat(),
        "decided_at": a.decided_at.isoformat() if a.decided_at else None,
        "history": [e.to_dict() for e in a.history],
        "version": a.version,
    }


def _approval_from_json(d: dict[str, Any] | None, record_id: str) -> ap.Approval | None:
    if not d:
        return None
    return ap.Approval(
        id=d["id"],
        record_type="campaign",
        record_id=record_id,
        flow_key=d["flow_key"],
        flow_version=d["flow_version"],
        steps=tuple(ap.Step.from_dict(s) for s in d["steps"]),
        status=d["status"],
        round=d["round"],
        current_step=d["current_step"],
        submitted_by=d["submitted_by"],
        submitted_at=datetime.fromisoformat(d["submitted_at"]),
        decided_at=datetime.fromisoformat(d["decided_at"]) if d.get("decided_at") else None,
        history=tuple(ap.Entry.from_dict(e) for e in d["history"]),
        version=d["version"],
    )


class SqlCampaigns(SqlRecords[cp.Campaign]):
    table = t.campaigns
    listing = listings.CAMPAIGNS

    def to_row(self, c: cp.Campaign) -> dict[str, Any]:
        return {
            "id": c.id,
            "name": c.name,
            "type": c.type,
            "channel": c.channel,
            "start_date": c.start_date,
            "end_date": c.end_date,
            "owner_id": c.owner_id,
            "currency": c.budget.currency,
            "budget": c.budget.minor_units,
            "expected_revenue": c.expected_revenue.minor_units,
            "actual_cost": c.actual_cost.minor_units,
            "status": c.status,
            "needs_approval": c.needs_approval,
            "approval_status": c.approval.status if c.approval else "",
            "approval": _approval_to_json(c.approval),
            "description": c.description,
            "member_count": c.member_count,
            "version": c.version,
            "created_at": c.created_at,
            "updated_at": c.updated_at,
            "created_by": c.created_by,
        }

    def from_row(self, r: Row) -> cp.Campaign:
        return cp.Campaign(
            id=r.id,
            name=r.name,
            type=r.type,
            channel=r.channel,
            start_date=r.start_date,
            end_date=r.end_date,
            owner_id=r.owner_id,
            budget=Money(r.budget, r.currency),
            expected_revenue=Money(r.expected_revenue, r.currency),
            actual_cost=Money(r.actual_cost, r.currency),
            status=r.status,
            needs_approval=r.needs_approval,
            approval=_approval_from_json(r.approval, r.id),
            description=r.description,
            member_count=r.member_count,
            version=r.version,
            created_at=utc(r.created_at),  # type: ignore[arg-type]
            updated_at=utc(r.updated_at),  # type: ignore[arg-type]
            created_by=r.created_by,
        )


class SqlCosts:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, e: cp.CostEntry) -> None:
        self.session.execute(
            insert(t.campaign_costs).values(
                id=e.id,
                campaign_id=e.campaign_id,
                currency=e.amount.currency,
                amount=e.amount.minor_units,
                incurred_on=e.incurred_on,
                description=e.description,
                recorded_by=e.recorded_by,
                recorded_at=e.recorded_at,
            )
        )

    def page(self, campaign_id: str, request: ListRequest) -> Page[cp.CostEntry]:
        query = listings.COSTS.compile("", "")
        stmt = select(t.campaign_costs).where(t.campaign_costs.c.campaign_id == campaign_id)
        rows = self.session.execute(query.apply(stmt, cursor=request.cursor, limit=request.limit)).all()
        items, cursor = query.page(rows, request.limit)
        return Page(
            [
                cp.CostEntry(
                    r.id,
                    r.campaign_id,
                    Money(r.amount, r.currency),
                    r.incurred_on,
                    r.description,
                    r.recorded_by,
                    utc(r.recorded_at),  # type: ignore[arg-type]
                )
                for r in items
            ],
            cursor,
        )


class SqlMembers(SqlRecords[cp.Member]):
    table = t.campaign_members
    listing = listings.MEMBERS
    owner_column = None

    def to_row(self, m: cp.Member) -> dict[str, Any]:
        return dataclasses.asdict(m)

    def from_row(self, r: Row) -> cp.Member:
        return cp.Member(
            r.id,
            r.campaign_id,
            r.member_type,
            r.lead_id,
            r.customer_id,
            r.name,
            r.response_status,
            utc(r.added_at),
            utc(r.updated_at),
            r.version,  # type: ignore[arg-type]
        )

    def keys(self, campaign_id: str) -> tuple[set[str], set[str]]:
        rows = self.session.execute(
            select(t.campaign_members.c.lead_id, t.campaign_members.c.customer_id).where(
                t.campaign_members.c.campaign_id == campaign_id
            )
        ).all()
        return {r.lead_id for r in rows if r.lead_id}, {r.customer_id for r in rows if r.customer_id}

    def page(self, campaign_id: str, request: ListRequest) -> Page[cp.Member]:  # type: ignore[override]
        return self._page(request, t.campaign_members.c.campaign_id == campaign_id)

    def lead_converted(self, lead_id: str, at: datetime) -> int:
        """Every membership of the lead now responds `converted` (its campaigns' conversions)."""
        m = t.campaign_members
        result = self.session.execute(
            update(m)
            .where(m.c.lead_id == lead_id, m.c.response_status != "converted")
            .values(response_status="converted", updated_at=at, version=m.c.version + 1)
        )
        return result.rowcount or 0

    def repoint_customer(self, victim_id: str, survivor_id: str) -> int:
        result = self.session.execute(
            update(t.campaign_members)
            .where(t.campaign_members.c.customer_id == victim_id)
            .values(customer_id=survivor_id)
        )
        return result.rowcount or 0


# -- leads -----------------------------------------------------------------------------------------


class SqlLeads(SqlRecords[ld.Lead]):
    table = t.leads
    listing = listings.LEADS

    def to_row(self, lead: ld.Lead) -> dict[str, Any]:
        f = lead.fields
        c = lead.conversion
        return {
            "id": lead.id,
            "company": f.company,
            "contact_name": f.contact_name,
            "title": f.title,
            "phones": list(f.phones),
            "emails": list(f.emails),
            "region": f.region,
            "industry": f.industry,
            "source": f.source,
            "campaign_id": f.campaign_id,
            "product_interest": f.product_interest,
            "budget_currency": f.estimated_budget.currency if f.estimated_budget else "",
            "estimated_budget": f.estimated_budget.minor_units if f.estimated_budget else None,
            "notes": f.notes,
            "utm": dict(f.utm),
            "owner_id": lead.owner_id,
            "status": lead.status,
            "in_pool": lead.in_pool,
            "disqualify_reason": lead.disqualify_reason,
            "pool_entered_at": lead.pool_entered_at,
            "assigned_at": lead.assigned_at,
            "contacted_at": lead.contacted_at,
            "reminded_at": lead.reminded_at,
            "previous_owner_id": lead.previous_owner_id,
            "assignment_rule_id": lead.assignment_rule_id,
            "touch_count": lead.touch_count,
            "last_touch_at": lead.last_touch_at,
            "form_id": lead.form_id,
            "conversion": c.to_dict() if c else None,
            "conversion_state": c.state if c else "",
            "converted_customer_id": c.customer_id if c else "",
            "version": lead.version,
            "created_at": lead.created_at,
            "updated_at": lead.updated_at,
            "created_by": lead.created_by,
        }

    def from_row(self, r: Row) -> ld.Lead:
        fields = ld.LeadFields(
            company=r.company,
            contact_name=r.contact_name,
            title=r.title,
            phones=tuple(r.phones or ()),
            emails=tuple(r.emails or ()),
            region=r.region,
            industry=r.industry,
            source=r.source,
            campaign_id=r.campaign_id,
            product_interest=r.product_interest,
            estimated_budget=None if r.estimated_budget is None else Money(r.estimated_budget, r.budget_currency),
            notes=r.notes,
            utm=tuple(sorted((r.utm or {}).items())),
        )
        return ld.Lead(
            id=r.id,
            fields=fields,
            owner_id=r.owner_id,
            status=r.status,
            disqualify_reason=r.disqualify_reason,
            pool_entered_at=utc(r.pool_entered_at),
            assigned_at=utc(r.assigned_at),
            contacted_at=utc(r.contacted_at),
            reminded_at=utc(r.reminded_at),
            previous_owner_id=r.previous_owner_id,
            assignment_rule_id=r.assignment_rule_id,
            touch_count=r.touch_count,
            last_touch_at=utc(r.last_touch_at),  # type: ignore[arg-type]
            form_id=r.form_id,
            conversion=ld.Conversion.from_dict(r.conversion) if r.conversion else None,
            version=r.version,
            created_at=utc(r.created_at),  # type: ignore[arg-type]
            updated_at=utc(r.updated_at),  # type: ignore[arg-type]
            created_by=r.created_by,
        )

    def page(self, request: ListRequest, *, pool_only: bool = False) -> Page[ld.Lead]:  # type: ignore[override]
        if pool_only:
            return self._page(request, t.leads.c.in_pool.is_(True))
        if request.visible_owners is None:
            return self._page(request)
        return self._page(
            request, or_(t.leads.c.owner_id.in_(sorted(request.visible_owners)), t.leads.c.in_pool.is_(True))
        )

    def lock_keys(self, keys: Sequence[tuple[str, str]]) -> None:
        """Serialises intakes sharing a key: PostgreSQL transaction advisory locks in a fixed
        order (no deadlock); SQLite's write transaction already serialises every writer."""
        if self.session.get_bind().dialect.name != "postgresql":
            return
        for key_type, value in sorted(keys):
            digest = int.from_bytes(
                hashlib.sha256(f"lead:{key_type}:{value}".encode()).digest()[:8], "big", signed=True
            )
            self.session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": digest})

    def by_keys(self, keys: Sequence[tuple[str, str]], *, since: datetime) -> list[ld.Lead]:
        """Open leads holding one of the keys, seen since `since`, most recently touched first."""
        if not keys:
            return []
        k = t.lead_keys
        match = or_(*(and_(k.c.key_type == kt, k.c.key_value == kv) for kt, kv in keys))
        ids = select(k.c.lead_id).where(match, k.c.seen_at >= since)
        rows = self.session.execute(
            select(t.leads)
            .where(t.leads.c.id.in_(ids), t.leads.c.status.not_in(sorted(ld.CLOSED)))
            .order_by(t.leads.c.last_touch_at.desc(), t.leads.c.id)
            .with_for_update()
        ).all()
        return [self.from_row(r) for r in rows]

    def add_keys(self, lead_id: str, keys: Sequence[tuple[str, str]], at: datetime) -> None:
        k = t.lead_keys
        for key_type, value in keys:
            done = self.session.execute(
                update(k)
                .where(k.c.key_type == key_type, k.c.key_value == value, k.c.lead_id == lead_id)
                .values(seen_at=at)
            )
            if not done.rowcount:
                self.session.execute(insert(k).values(key_type=key_type, key_value=value, lead_id=lead_id, seen_at=at))

    def open_counts(self, owner_ids: Sequence[str]) -> dict[str, int]:
        rows = self.session.execute(
            select(t.leads.c.owner_id, func.count())
            .where(t.leads.c.owner_id.in_(list(owner_ids)), t.leads.c.status.in_(sorted(ld.OPEN)))
            .group_by(t.leads.c.owner_id)
        ).all()
        return {owner: n for owner, n in rows}

    def uncontacted_ids(self, *, assigned_before: datetime, after_id: str, limit: int) -> list[str]:
        c = t.leads.c
        return list(
            self.session.execute(
                select(c.id)
                .where(
                    c.status == ld.ASSIGNED,
                    c.owner_id != "",
                    c.contacted_at.is_(None),
                    c.assigned_at <= assigned_before,
                    c.id > after_id,
                )
                .order_by(c.id)
                .limit(limit)
            ).scalars()
        )

    def converted_to(self, customer_id: str) -> list[ld.Lead]:
        rows = self.session.execute(
            select(t.leads).where(t.leads.c.converted_customer_id == customer_id).with_for_update()
        ).all()
        return [self.from_row(r) for r in rows]

    def counts_by_status(self) -> dict[str, int]:
        rows = self.session.execute(select(t.leads.c.status, func.count()).group_by(t.leads.c.status)).all()
        return {s: n for s, n in rows}


class SqlTouches:
    def __init__(self, session: Session) -> None:
        self.session = session

    @staticmethod
    def _from(r: Row) -> ld.Touch:
        return ld.Touch(
            r.id,
            r.lead_id,
            utc(r.at),
            r.source,
            r.campaign_id,
            r.form_id,
            r.submission_id or "",  # type: ignore[arg-type]
            tuple(sorted((r.utm or {}).items())),
            r.detail,
        )

    def add(self, touch: ld.Touch) -> None:
        row = dataclasses.asdict(touch)
        row["utm"] = dict(touch.utm)
        row["submission_id"] = touch.submission_id or None
        self.session.execute(insert(t.lead_touches).values(**row))

    def by_submission(self, submission_id: str) -> ld.Touch | None:
        row = self.session.execute(
            select(t.lead_touches).where(t.lead_touches.c.submission_id == submission_id)
        ).first()
        return None if row is None else self._from(row)

    def page(self, lead_id: str, request: ListRequest) -> Page[ld.Touch]:
        query = listings.TOUCHES.compile("", "")
        stmt = select(t.lead_touches).where(t.lead_touches.c.lead_id == lead_id)
        rows = self.session.execute(query.apply(stmt, cursor=request.cursor, limit=request.limit)).all()
        items, cursor = query.page(rows, request.limit)
        return Page([self._from(r) for r in items], cursor)


# -- rules, claims, forms, customers ---------------------------------------------------------------


class SqlRules:
    def __init__(self, session: Session) -> None:
        self.session = session

    @staticmethod
    def _row(r: asg.Rule) -> dict[str, Any]:
        return {
            "id": r.id,
            "name": r.name,
            "position": r.position,
            "active": r.active,
            "conditions": {
                "regions": list(r.regions),
                "industries": list(r.industries),
                "sources": list(r.sources),
                "campaign_ids": list(r.campaign_ids),
            },
            "target": r.target,
            "user_id": r.user_id,
            "member_ids": list(r.member_ids),
            "daily_capacity": r.daily_capacity,
            "version": r.version,
            "created_at": r.created_at,
            "updated_at": r.updated_at,
        }

    @staticmethod
    def _from(r: Row) -> asg.Rule:
        cond = r.conditions or {}
        return asg.Rule(
            id=r.id,
            name=r.name,
            position=r.position,
            active=r.active,
            regions=tuple(cond.get("regions", ())),
            industries=tuple(cond.get("industries", ())),
            sources=tuple(cond.get("sources", ())),
            campaign_ids=tuple(cond.get("campaign_ids", ())),
            target=r.target,
            user_id=r.user_id,
            member_ids=tuple(r.member_ids or ()),
            daily_capacity=r.daily_capacity,
            version=r.version,
            created_at=utc(r.created_at),  # type: ignore[arg-type]
            updated_at=utc(r.updated_at),  # type: ignore[arg-type]
        )

    def add(self, rule: asg.Rule) -> None:
        self.session.execute(insert(t.assignment_rules).values(**self._row(rule), turn=0))

    def get(self, rule_id: str, *, for_update: bool = False) -> asg.Rule | None:
        stmt = select(t.assignment_rules).where(t.assignment_rules.c.id == rule_id)
        if for_update:
            stmt = stmt.with_for_update()
        row = self.session.execute(stmt).first()
        return None if row is None else self._from(row)

    def all(self, *, include_inactive: bool = False) -> list[asg.Rule]:
        stmt = select(t.assignment_rules)
        if not include_inactive:
            stmt = stmt.where(t.assignment_rules.c.active.is_(True))
        return [self._from(r) for r in self.session.execute(stmt).all()]

    def update(self, rule: asg.Rule, *, expected_version: int) -> bool:
        result = self.session.execute(
            update(t.assignment_rules)
            .where(t.assignment_rules.c.id == rule.id, t.assignment_rules.c.version == expected_version)
            .values(**self._row(rule))
        )
        return result.rowcount == 1

    def delete(self, rule_id: str) -> None:
        self.session.execute(delete(t.assignment_state).where(t.assignment_state.c.rule_id == rule_id))
        self.session.execute(delete(t.assignment_rules).where(t.assignment_rules.c.id == rule_id))

    def take_turn(self, rule_id: str) -> int:
        """Locks the rule's row and returns its next turn number (M3: one turn per intake)."""
        self.session.execute(
            update(t.assignment_rules)
            .where(t.assignment_rules.c.id == rule_id)
            .values(turn=t.assignment_rules.c.turn + 1)
        )
        return int(
            self.session.execute(
                select(t.assignment_rules.c.turn).where(t.assignment_rules.c.id == rule_id)
            ).scalar_one()
        )

    def states(self, rule_id: str) -> dict[str, asg.MemberState]:
        rows = self.session.execute(select(t.assignment_state).where(t.assignment_state.c.rule_id == rule_id)).all()
        return {
            r.member_id: asg.MemberState(r.member_id, utc(r.last_assigned_at), r.sequence, r.day, r.day_count)
            for r in rows
        }

    def save_state(self, rule_id: str, state: asg.MemberState) -> None:
        values = {
            "last_assigned_at": state.last_assigned_at,
            "sequence": state.sequence,
            "day": state.day,
            "day_count": state.day_count,
        }
        s = t.assignment_state
        done = self.session.execute(
            update(s).where(s.c.rule_id == rule_id, s.c.member_id == state.member_id).values(**values)
        )
        if not done.rowcount:
            self.session.execute(insert(s).values(rule_id=rule_id, member_id=state.member_id, **values))


class SqlClaims:
    def __init__(self, session: Session) -> None:
        self.session = session

    def lock_and_count(self, user_id: str, day: str) -> int:
        """The user's successful grabs today, with their counter row locked (created at 0)."""
        c = t.pool_claims
        stmt = select(c.c.count).where(c.c.user_id == user_id, c.c.day == day).with_for_update()
        count = self.session.execute(stmt).scalar()
        if count is None:
            self.session.execute(insert(c).values(user_id=user_id, day=day, count=0))
            count = self.session.execute(stmt).scalar_one()
        return int(count)

    def increment(self, user_id: str, day: str) -> None:
        c = t.pool_claims
        self.session.execute(update(c).where(c.c.user_id == user_id, c.c.day == day).values(count=c.c.count + 1))


class SqlForms(SqlRecords[fm.Form]):
    table = t.forms
    listing = listings.FORMS
    owner_column = None

    def to_row(self, f: fm.Form) -> dict[str, Any]:
        return {
            "id": f.id,
            "key": f.key,
            "name": f.name,
            "campaign_id": f.campaign_id,
            "fields": [dataclasses.asdict(x) | {"options": list(x.options)} for x in f.fields],
            "mapping": dict(f.mapping),
            "thank_you_message": f.thank_you_message,
            "honeypot_field": f.honeypot_field,
            "active": f.active,
            "auto_assign": f.auto_assign,
            "version": f.version,
            "created_at": f.created_at,
            "updated_at": f.updated_at,
            "created_by": f.created_by,
        }

    def from_row(self, r: Row) -> fm.Form:
        return fm.Form(
            id=r.id,
            key=r.key,
            name=r.name,
            campaign_id=r.campaign_id,
            fields=tuple(fm.FormField(**{**x, "options": tuple(x.get("options", ()))}) for x in r.fields),
            mapping=tuple(sorted(r.mapping.items())),
            thank_you_message=r.thank_you_message,
            honeypot_field=r.honeypot_field,
            active=r.active,
            auto_assign=r.auto_assign,
            version=r.version,
            created_at=utc(r.created_at),  # type: ignore[arg-type]
            updated_at=utc(r.updated_at),  # type: ignore[arg-type]
            created_by=r.created_by,
        )

    def by_key(self, key: str) -> fm.Form | None:
        row = self.session.execute(select(t.forms).where(t.forms.c.key == key)).first()
        return None if row is None else self.from_row(row)


@dataclasses.dataclass(frozen=True)
class CustomerRef:
    id: str
    name: str
    owner_id: str
    merged_into_id: str


class SqlCustomers:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, customer_id: str) -> CustomerRef | None:
        row = self.session.execute(select(t.customer_refs).where(t.customer_refs.c.id == customer_id)).first()
        return None if row is None else CustomerRef(row.id, row.name, row.owner_id, row.merged_into_id)

    def upsert(self, customer_id: str, *, name: str, owner_id: str, version: int, at: datetime) -> None:
        c = t.customer_refs
        done = self.session.execute(
            update(c)
            .where(c.c.id == customer_id, c.c.version <= version)
            .values(name=name, owner_id=owner_id, version=version, updated_at=at)
        )
        if not done.rowcount and self.get(customer_id) is None:
            self.session.execute(
                insert(c).values(
                    id=customer_id, name=name, owner_id=owner_id, merged_into_id="", version=version, updated_at=at
                )
            )

    def mark_merged(self, victim_id: str, survivor_id: str, *, at: datetime) -> None:
        c = t.customer_refs
        self.session.execute(update(c).where(c.c.id == victim_id).values(merged_into_id=survivor_id, updated_at=at))
