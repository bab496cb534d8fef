"""SQL repositories of the service desk: records <-> rows, conditional updates by version, the grab
claim checked by affected rows (D2), keyset-paged lists with crm_chassis.listing."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, Generic, TypeVar

from sqlalchemy import Table, and_, func, insert, select, update
from sqlalchemy.engine import Row
from sqlalchemy.orm import Session

from crm_chassis.db import conflict_insert
from crm_chassis.listing import Field, Listing
from service_desk.domain import complaints as cm
from service_desk.domain import dispatch as dp
from service_desk.domain import entitlement as en
from service_desk.domain import knowledge as kb
from service_desk.domain import returns as rt
from service_desk.domain import sla as sl
from service_desk.domain import visits as vs
from service_desk.domain import workorder as wo
from service_desk.domain.common import ListRequest, Page
from service_desk.domain.customers import CustomerRef
from service_desk.persistence import codec as c
from service_desk.persistence import tables as t

T = TypeVar("T")


class SqlRecords(Generic[T]):
    """Rows of `table` <-> records through `to_row` / `from_row`, with compare-and-set updates."""

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

    def get(self, record_id: str, *, for_update: bool = False) -> T | None:
        stmt = select(self.table).where(self.table.c.id == record_id)
        if for_update:
            stmt = stmt.with_for_update()
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

    def page(self, request: ListRequest, *, where: Callable[[Table], Any] | None = None) -> Page[T]:
        assert self.listing is not None
        query = self.listing.compile(request.filter, request.order_by)
        stmt = select(self.table)
        if request.visible_owners is not None and self.owner_column is not None:
            stmt = stmt.where(self.table.c[self.owner_column].in_(sorted(request.visible_owners)))
        if where is not None:
            stmt = stmt.where(where(self.table))
        rows = self.session.execute(query.apply(stmt, cursor=request.cursor, limit=request.limit)).all()
        items, cursor = query.page(rows, request.limit)
        return Page([self.from_row(r) for r in items], cursor)


def _fields(table: Table, spec: dict[str, str]) -> list[Field]:
    return [Field(name, table.c[name], kind) for name, kind in spec.items()]


# ---------------------------------------------------------------- local copies


class SqlCustomerRefs:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, customer_id: str) -> CustomerRef | None:
        r = self.session.execute(select(t.customer_refs).where(t.customer_refs.c.id == customer_id)).first()
        if r is None:
            return None
        return CustomerRef(
            r.id,
            r.name,
            r.owner_id,
            r.classification,
            r.latitude,
            r.longitude,
            r.deleted,
            r.merged_into_id,
            r.version,
            c.utc(r.updated_at),
        )  # type: ignore[arg-type]

    def put(self, ref: CustomerRef) -> None:
        values = dataclasses.asdict(ref)
        stmt = conflict_insert(self.session, t.customer_refs).values(**values)
        stmt = stmt.on_conflict_do_update(index_elements=["id"], set_={k: v for k, v in values.items() if k != "id"})
        self.session.execute(stmt)

    def repoint(self, victim_id: str, survivor_id: str) -> int:
        moved = 0
        for table in (t.work_orders, t.complaints, t.return_visits, t.visits, t.service_charges):
            values: dict[str, Any] = {"customer_id": survivor_id, "version": table.c.version + 1}
            moved += self.session.execute(
                update(table).where(table.c.customer_id == victim_id).values(**values)
            ).rowcount
        for table in (t.fulfilled_orders, t.owned_products, t.contract_copies):
            moved += self.session.execute(
                update(table).where(table.c.customer_id == victim_id).values(customer_id=survivor_id)
            ).rowcount
        return moved


class SqlOwnedProducts:
    def __init__(self, session: Session) -> None:
        self.session = session

    def put_order(
        self, order_id: str, customer_id: str, owner_id: str, version: int, items: list[en.OwnedProduct]
    ) -> bool:
        """Stores a fulfilled order's lines unless the same or a newer version is held; True if stored."""
        o = t.fulfilled_orders
        held = self.session.execute(select(o.c.version).where(o.c.id == order_id)).scalar_one_or_none()
        if held is not None and held >= version:
            return False
        fulfilled_on = items[0].fulfilled_on if items else date.today()
        if held is None:
            self.session.execute(
                insert(o).values(
                    id=order_id, customer_id=customer_id, owner_id=owner_id, fulfilled_on=fulfilled_on, version=version
                )
            )
        else:
            self.session.execute(
                update(o)
                .where(o.c.id == order_id)
                .values(customer_id=customer_id, owner_id=owner_id, fulfilled_on=fulfilled_on, version=version)
            )
            self.session.execute(t.owned_products.delete().where(t.owned_products.c.order_id == order_id))
        for i, item in enumerate(items):
            self.session.execute(
                insert(t.owned_products).values(
                    order_id=order_id,
                    line_no=i,
                    customer_id=item.customer_id,
                    product_id=item.product_id,
                    warranty_months=item.warranty_months,
                    fulfilled_on=item.fulfilled_on,
                    serial_number=item.serial_number,
                )
            )
        return True

    def for_customer(self, customer_id: str) -> list[en.OwnedProduct]:
        p = t.owned_products
        rows = self.session.execute(select(p).where(p.c.customer_id == customer_id).order_by(p.c.order_id, p.c.line_no))
        return [
            en.OwnedProduct(r.order_id, r.customer_id, r.product_id, r.warranty_months, r.fulfilled_on, r.serial_number)
            for r in rows
        ]

    def customer_of(self, order_id: str) -> str:
        o = t.fulfilled_orders
        return self.session.execute(select(o.c.customer_id).where(o.c.id == order_id)).scalar_one_or_none() or ""

    def orders_without_return(self, limit: int) -> list[tuple[str, str, str, date]]:
        o, r = t.fulfilled_orders, t.return_visits
        taken = select(r.c.source_id).where(r.c.rule == "order_fulfilled")
        rows = self.session.execute(
            select(o.c.id, o.c.customer_id, o.c.owner_id, o.c.fulfilled_on)
            .where(o.c.id.not_in(taken))
            .order_by(o.c.id)
            .limit(limit)
        ).all()
        return [(r.id, r.customer_id, r.owner_id, r.fulfilled_on) for r in rows]


class SqlContracts:
    def __init__(self, session: Session) -> None:
        self.session = session

    def put(self, k: en.ContractCopy) -> bool:
        """Upserts the contract unless the same or a newer version is held; True if stored."""
        tc = t.contract_copies
        held = self.session.execute(select(tc.c.version).where(tc.c.id == k.id)).scalar_one_or_none()
        if held is not None and held >= k.version:
            return False
        values = dict(
            customer_id=k.customer_id,
            status=k.status,
            start_date=k.start_date,
            end_date=k.end_date,
            order_ids=list(k.order_ids),
            coverage=[[p, c.enc(u)] for p, u in k.coverage],
            version=k.version,
        )
        if held is None:
            self.session.execute(insert(tc).values(id=k.id, **values))
        else:
            self.session.execute(update(tc).where(tc.c.id == k.id).values(**values))
        return True

    def get(self, contract_id: str) -> en.ContractCopy | None:
        r = self.session.execute(select(t.contract_copies).where(t.contract_copies.c.id == contract_id)).first()
        return None if r is None else self._copy(r)

    def _copy(self, r: Row) -> en.ContractCopy:
        return en.ContractCopy(
            r.id,
            r.customer_id,
            r.status,
            r.start_date,
            r.end_date,
            tuple(r.order_ids),
            tuple((p, c.day(u)) for p, u in r.coverage),
            r.version,
        )

    def covers_for(self, customer_id: str) -> list[en.ContractCover]:
        tc = t.contract_copies
        rows = self.session.execute(select(tc).where(tc.c.customer_id == customer_id).order_by(tc.c.id)).all()
        return [cover for r in rows for cover in self._copy(r).covers()]


class SqlNumbers:
    def __init__(self, session: Session) -> None:
        self.session = session

    def next(self, series: str) -> int:
        n = t.number_sequences
        self.session.execute(conflict_insert(self.session, n).values(series=series, value=0).on_conflict_do_nothing())
        return int(
            self.session.execute(
                update(n).where(n.c.series == series).values(value=n.c.value + 1).returning(n.c.value)
            ).scalar_one()
        )


class SqlJobMarks:
    def __init__(self, session: Session) -> None:
        self.session = session

    def claim(self, job: str, entity_id: str, threshold: str, at: datetime) -> bool:
        """True when this (job, entity, threshold) had not been acted on (and now is, in this transaction)."""
        stmt = conflict_insert(self.session, t.job_marks).values(
            job=job, entity_id=entity_id, threshold=threshold, acted_at=at
        )
        return self.session.execute(stmt.on_conflict_do_nothing()).rowcount == 1


# ---------------------------------------------------------------- records


class SqlPolicies(SqlRecords[sl.SlaPolicy]):
    table = t.sla_policies
    owner_column = None
    listing = Listing(
        _fields(
            t.sla_policies,
            {
                "name": "string",
                "priority": "string",
                "classification": "string",
                "active": "boolean",
                "created_at": "timestamp",
                "resolution_minutes": "integer",
            },
        ),
        tiebreak=t.sla_policies.c.id,
        default_order="priority, classification",
    )

    def to_row(self, p: sl.SlaPolicy) -> dict[str, Any]:
        return dataclasses.asdict(p)

    def from_row(self, r: Row) -> sl.SlaPolicy:
        return sl.SlaPolicy(
            r.id,
            r.name,
            r.priority,
            r.classification,
            r.first_response_minutes,
            r.resolution_minutes,
            r.at_risk_percent,
            r.round_the_clock,
            r.active,
            r.version,
            c.utc(r.created_at),
            c.utc(r.updated_at),
        )

    def all(self) -> list[sl.SlaPolicy]:
        return [self.from_row(r) for r in self.session.execute(select(self.table).order_by(self.table.c.id))]


class SqlTechnicians(SqlRecords[dp.Technician]):
    table = t.technicians
    owner_column = None
    listing = Listing(
        _fields(
            t.technicians,
            {
                "name": "string",
                "team": "string",
                "user_id": "string",
                "active": "boolean",
                "capacity": "integer",
                "created_at": "timestamp",
            },
        ),
        tiebreak=t.technicians.c.id,
        default_order="name",
    )

    def to_row(self, x: dp.Technician) -> dict[str, Any]:
        row = dataclasses.asdict(x)
        row["skills"] = list(x.skills)
        row["working_days"] = list(x.working_days)
        return row

    def from_row(self, r: Row) -> dp.Technician:
        return dp.Technician(
            r.id,
            r.user_id,
            r.name,
            r.team,
            tuple(r.skills),
            r.capacity,
            tuple(r.working_days),
            r.latitude,
            r.longitude,
            c.utc(r.location_updated_at),
            r.active,
            r.manager_id,
            c.utc(r.last_assigned_at),
            r.version,
            c.utc(r.created_at),
            c.utc(r.updated_at),
        )

    def all_active(self) -> list[dp.Technician]:
        rows = self.session.execute(select(self.table).where(self.table.c.active.is_(True)).order_by(self.table.c.id))
        return [self.from_row(r) for r in rows]

    def by_user(self, user_id: str) -> dp.Technician | None:
        if not user_id:
            return None
        r = self.session.execute(select(self.table).where(self.table.c.user_id == user_id)).first()
        return None if r is None else self.from_row(r)

    def touch_assigned(self, tech_id: str, at: datetime) -> None:
        """Remembers when the technician last got work (the dispatch tie-break spreads work by it)."""
        self.session.execute(update(self.table).where(self.table.c.id == tech_id).values(last_assigned_at=at))

    def manager_of(self, tech_id: str) -> str:
        return (
            self.session.execute(select(self.table.c.manager_id).where(self.table.c.id == tech_id)).scalar_one_or_none()
            or ""
        )


class SqlWorkOrders(SqlRecords[wo.WorkOrder]):
    table = t.work_orders
    listing = Listing(
        _fields(
            t.work_orders,
            {
                "number": "string",
                "type": "string",
                "channel": "string",
                "customer_id": "string",
                "customer_name": "string",
                "product_id": "string",
                "serial_number": "string",
                "order_id": "string",
                "contract_id": "string",
                "priority": "string",
                "status": "string",
                "entitlement_decision": "string",
                "team": "string",
                "assignee_id": "string",
                "owner_id": "string",
                "sla_breached": "boolean",
                "reopen_count": "integer",
                "created_at": "timestamp",
                "updated_at": "timestamp",
                "resolved_at": "timestamp",
                "closed_at": "timestamp",
            },
        ),
        tiebreak=t.work_orders.c.id,
    )

    def to_row(self, x: wo.WorkOrder) -> dict[str, Any]:
        return dict(
            id=x.id,
            number=x.number,
            type=x.type,
            channel=x.channel,
            customer_id=x.customer_id,
            customer_name=x.customer_name,
            contact_id=x.contact_id,
            product_id=x.product_id,
            serial_number=x.serial_number,
            order_id=x.order_id,
            contract_id=x.contract_id,
            priority=x.priority,
            description=x.description,
            attachments=c.enc(x.attachments),
            status=x.status,
            entitlement_decision=x.entitlement.decision,
            entitlement={**c.enc(x.entitlement), "decided_at": c.enc(x.entitlement_at)},
            sla=c.enc(x.sla),
            sla_breached=x.sla.first_response_breached or x.sla.resolution_breached,
            team=x.team,
            assignee_id=x.assignee_id,
            owner_id=x.owner_id,
            dispatch=c.enc(x.dispatch) if x.dispatch else None,
            resolution=x.resolution,
            reopen_count=x.reopen_count,
            article_ids=list(x.article_ids),
            history=c.enc(x.history),
            resolved_at=x.resolved_at,
            closed_at=x.closed_at,
            created_by=x.created_by,
            version=x.version,
            created_at=x.created_at,
            updated_at=x.updated_at,
        )

    def from_row(self, r: Row) -> wo.WorkOrder:
        return wo.WorkOrder(
            r.id,
            r.number,
            r.type,
            r.channel,
            r.customer_id,
            r.customer_name,
            r.contact_id,
            r.product_id,
            r.serial_number,
            r.order_id,
            r.contract_id,
            r.priority,
            r.description,
            c.attachments(r.attachments),
            r.status,
            c.entitlement(r.entitlement),
            c.ts(r.entitlement.get("decided_at")),  # type: ignore[arg-type]
            c.sla(r.sla),
            r.team,
            r.assignee_id,
            r.owner_id,
            c.dispatch(r.dispatch),
            r.resolution,
            r.reopen_count,
            tuple(r.article_ids),
            c.history(r.history),
            c.utc(r.resolved_at),
            c.utc(r.closed_at),
            r.version,
            c.utc(r.created_at),
            c.utc(r.updated_at),
            r.created_by,  # type: ignore[arg-type]
        )

    def claim(self, item: wo.WorkOrder, *, expected_version: int) -> bool:
        """The grab: UPDATE ... WHERE id AND status='new' AND assignee_id='' AND version, by affected rows."""
        row = self.to_row(item)
        result = self.session.execute(
            update(self.table)
            .where(
                self.table.c.id == item.id,
                self.table.c.status == "new",
                self.table.c.assignee_id == "",
                self.table.c.version == expected_version,
            )
            .values(**row)
        )
        return result.rowcount == 1

    def open_counts(self) -> dict[str, int]:
        """Open work orders per assignee (the workload dispatch weighs)."""
        rows = self.session.execute(
            select(self.table.c.assignee_id, func.count())
            .where(self.table.c.status.in_(sorted(wo.OPEN)), self.table.c.assignee_id != "")
            .group_by(self.table.c.assignee_id)
        )
        return {a: n for a, n in rows}

    def open_ids(self, after: str, limit: int) -> list[str]:
        stmt = select(self.table.c.id).where(self.table.c.status.in_(sorted(wo.OPEN)), self.table.c.id > after)
        return list(self.session.execute(stmt.order_by(self.table.c.id).limit(limit)).scalars())

    def waiting_ids(self, created_before: datetime, limit: int) -> list[str]:
        """New, unassigned work orders created before the instant, oldest first."""
        stmt = select(self.table.c.id).where(
            self.table.c.status == "new", self.table.c.assignee_id == "", self.table.c.created_at <= created_before
        )
        return list(
            self.session.execute(stmt.order_by(self.table.c.created_at, self.table.c.id).limit(limit)).scalars()
        )

    def queue(self, team: str, limit: int, cursor: str) -> Page[wo.WorkOrder]:
        listing = Listing(
            [Field("created_at", self.table.c.created_at, "timestamp")],
            tiebreak=self.table.c.id,
            default_order="created_at",
        )
        query = listing.compile("", "")
        stmt = select(self.table).where(
            self.table.c.team == team, self.table.c.status == "new", self.table.c.assignee_id == ""
        )
        rows = self.session.execute(query.apply(stmt, cursor=cursor, limit=limit)).all()
        items, next_cursor = query.page(rows, limit)
        return Page([self.from_row(r) for r in items], next_cursor)

    def closed_without_return(self, limit: int) -> list[wo.WorkOrder]:
        r = t.return_visits
        taken = select(r.c.source_id).where(r.c.rule == "work_order_closed")
        stmt = select(self.table).where(self.table.c.status == "closed", self.table.c.id.not_in(taken))
        return [self.from_row(x) for x in self.session.execute(stmt.order_by(self.table.c.id).limit(limit))]


class SqlVisits(SqlRecords[vs.Visit]):
    table = t.visits
    listing = Listing(
        _fields(
            t.visits,
            {
                "work_order_id": "string",
                "technician_id": "string",
                "customer_id": "string",
                "status": "string",
                "window_start": "timestamp",
                "created_at": "timestamp",
            },
        ),
        tiebreak=t.visits.c.id,
        default_order="window_start desc",
    )

    def to_row(self, x: vs.Visit) -> dict[str, Any]:
        row = dataclasses.asdict(x)
        row["parts"] = c.enc(x.parts)
        row["check_in_location"] = list(x.check_in_location) if x.check_in_location else None
        row["check_out_location"] = list(x.check_out_location) if x.check_out_location else None
        return row

    def from_row(self, r: Row) -> vs.Visit:
        return vs.Visit(
            r.id,
            r.work_order_id,
            r.customer_id,
            r.owner_id,
            r.technician_id,
            c.utc(r.window_start),  # type: ignore[arg-type]
            c.utc(r.window_end),
            r.status,
            c.utc(r.checked_in_at),
            c.point(r.check_in_location),  # type: ignore[arg-type]
            c.utc(r.checked_out_at),
            c.point(r.check_out_location),
            r.work_done,
            c.parts(r.parts),
            r.labour_minutes,
            r.charge_minor,
            r.currency,
            r.service_charge_id,
            r.version,
            c.utc(r.created_at),
            c.utc(r.updated_at),
        )


class SqlCharges(SqlRecords[vs.ServiceCharge]):
    table = t.service_charges
    listing = Listing(
        _fields(
            t.service_charges,
            {
                "work_order_id": "string",
                "customer_id": "string",
                "visit_id": "string",
                "created_at": "timestamp",
                "total_minor": "integer",
            },
        ),
        tiebreak=t.service_charges.c.id,
    )

    def to_row(self, x: vs.ServiceCharge) -> dict[str, Any]:
        return dataclasses.asdict(x)

    def from_row(self, r: Row) -> vs.ServiceCharge:
        return vs.ServiceCharge(
            r.id,
            r.work_order_id,
            r.visit_id,
            r.customer_id,
            r.owner_id,
            r.currency,
            r.parts_minor,
            r.labour_minor,
            r.total_minor,
            r.reason,
            c.utc(r.created_at),  # type: ignore[arg-type]
            r.version,
        )


class SqlComplaints(SqlRecords[cm.Complaint]):
    table = t.complaints
    listing = Listing(
        _fields(
            t.complaints,
            {
                "number": "string",
                "customer_id": "string",
                "work_order_id": "string",
                "category": "string",
                "severity": "string",
                "status": "string",
                "responsible_department_id": "string",
                "assignee_id": "string",
                "owner_id": "string",
                "escalation_level": "integer",
                "deadline_at": "timestamp",
                "created_at": "timestamp",
                "customer_confirmed": "boolean",
            },
        ),
        tiebreak=t.complaints.c.id,
    )

    def to_row(self, x: cm.Complaint) -> dict[str, Any]:
        row = dataclasses.asdict(x)
        row["steps"] = c.enc(x.steps)
        return row

    def from_row(self, r: Row) -> cm.Complaint:
        return cm.Complaint(
            r.id,
            r.number,
            r.customer_id,
            r.work_order_id,
            r.order_id,
            r.contract_id,
            r.return_visit_id,
            r.category,
            r.severity,
            r.description,
            r.responsible_department_id,
            r.assignee_id,
            r.owner_id,
            r.status,
            c.utc(r.deadline_at),
            c.steps(r.steps),
            r.root_cause,
            r.resolution,  # type: ignore[arg-type]
            r.customer_confirmed,
            r.escalation_level,
            c.utc(r.resolved_at),
            r.version,
            c.utc(r.created_at),  # type: ignore[arg-type]
            c.utc(r.updated_at),
            r.created_by,  # type: ignore[arg-type]
            r.subject_user_id,
        )

    def overdue_ids(self, at: datetime, limit: int) -> list[str]:
        stmt = select(self.table.c.id).where(
            self.table.c.status.in_(("open", "in_progress")), self.table.c.deadline_at <= at
        )
        return list(
            self.session.execute(stmt.order_by(self.table.c.deadline_at, self.table.c.id).limit(limit)).scalars()
        )


class SqlReturnVisits(SqlRecords[rt.ReturnVisit]):
    table = t.return_visits
    listing = Listing(
        _fields(
            t.return_visits,
            {
                "rule": "string",
                "source_id": "string",
                "customer_id": "string",
                "work_order_id": "string",
                "order_id": "string",
                "due_on": "date",
                "assignee_id": "string",
                "status": "string",
                "score": "integer",
                "nps": "integer",
                "follow_up": "string",
                "created_at": "timestamp",
                "owner_id": "string",
            },
        ),
        tiebreak=t.return_visits.c.id,
        default_order="due_on desc",
    )

    def to_row(self, x: rt.ReturnVisit) -> dict[str, Any]:
        row = dataclasses.asdict(x)
        row["once_key"] = None if x.rule == "manual" else f"{x.rule}:{x.source_id}"
        return row

    def from_row(self, r: Row) -> rt.ReturnVisit:
        return rt.ReturnVisit(
            r.id,
            r.rule,
            r.source_kind,
            r.source_id,
            r.customer_id,
            r.owner_id,
            r.work_order_id,
            r.order_id,
            r.due_on,
            r.assignee_id,
            r.status,
            r.outcome,
            r.score,
            r.nps,
            r.follow_up,
            r.complaint_id,
            c.utc(r.completed_at),
            r.version,
            c.utc(r.created_at),
            c.utc(r.updated_at),
        )

    def exists(self, rule: str, source_id: str) -> bool:
        stmt = select(self.table.c.id).where(self.table.c.once_key == f"{rule}:{source_id}")
        return self.session.execute(stmt).first() is not None

    def add_once(self, item: rt.ReturnVisit) -> bool:
        """Inserts unless one exists for the same (rule, source): a racing planner adds nothing."""
        stmt = conflict_insert(self.session, self.table).values(**self.to_row(item))
        return self.session.execute(stmt.on_conflict_do_nothing()).rowcount == 1


class SqlArticles(SqlRecords[kb.Article]):
    table = t.articles
    owner_column = None
    listing = Listing(
        _fields(
            t.articles,
            {
                "title": "string",
                "category": "string",
                "status": "string",
                "created_at": "timestamp",
                "updated_at": "timestamp",
            },
        ),
        tiebreak=t.articles.c.id,
        default_order="updated_at desc",
    )

    def to_row(self, x: kb.Article) -> dict[str, Any]:
        row = dataclasses.asdict(x)
        row["tags"] = list(x.tags)
        row["search_text"] = kb.search_text(x)
        return row

    def from_row(self, r: Row) -> kb.Article:
        return kb.Article(
            r.id,
            r.title,
            r.category,
            r.problem,
            r.solution,
            tuple(r.tags),
            r.status,
            r.version,
            c.utc(r.created_at),
            c.utc(r.updated_at),
            r.created_by,
        )  # type: ignore[arg-type]

    def search(self, request: ListRequest, query: str) -> Page[kb.Article]:
        """Articles whose text has every query word (at a word start), on SQLite and PostgreSQL alike."""
        words = kb.words(query)[:10]
        if not words:
            return self.page(request)

        def where(table: Table) -> Any:
            return and_(*(table.c.search_text.like(f"% {w.replace('%', '').replace('_', '')}%") for w in words))

        return self.page(request, where=where)
