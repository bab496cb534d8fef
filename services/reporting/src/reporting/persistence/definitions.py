"""Saved report definitions and per-user dashboards (SQL)."""

from __future__ import annotations

import dataclasses
import json
import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, insert, or_, select, update
from sqlalchemy.orm import Session

from crm_chassis.db import as_utc
from crm_chassis.errors import NotFound, PermissionDenied, VersionConflict
from reporting.persistence.tables import dashboards, report_definitions


@dataclasses.dataclass
class Definition:
    id: str
    name: str
    owner_id: str
    shared: bool
    query: dict[str, Any]
    version: int
    created_at: datetime


def _definition(row: Any) -> Definition:
    return Definition(
        row.id, row.name, row.owner_id, bool(row.shared), json.loads(row.body), int(row.version), as_utc(row.created_at)
    )


class SqlDefinitions:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, definition_id: str, user_id: str) -> Definition:
        """The definition if the user owns it or it is shared; NotFound otherwise."""
        t = report_definitions
        row = self.session.execute(
            select(t).where(t.c.id == definition_id, or_(t.c.owner_id == user_id, t.c.shared.is_(True)))
        ).first()
        if row is None:
            raise NotFound(f"no report definition {definition_id}", code="report.definition_not_found")
        return _definition(row)

    def list(self, user_id: str) -> list[Definition]:
        t = report_definitions
        rows = self.session.execute(
            select(t).where(or_(t.c.owner_id == user_id, t.c.shared.is_(True))).order_by(t.c.name, t.c.id)
        ).all()
        return [_definition(r) for r in rows]

    def create(self, user_id: str, name: str, shared: bool, query: dict[str, Any]) -> Definition:
        d = Definition(str(uuid.uuid4()), name, user_id, shared, query, 1, datetime.now(UTC))
        self.session.execute(
            insert(report_definitions).values(
                id=d.id,
                owner_id=user_id,
                name=name,
                shared=shared,
                body=json.dumps(query),
                version=1,
                created_at=d.created_at,
            )
        )
        return d

    def replace(
        self, definition_id: str, user_id: str, expected_version: int, name: str, shared: bool, query: dict[str, Any]
    ) -> Definition:
        current = self.get(definition_id, user_id)
        if current.owner_id != user_id:
            raise PermissionDenied("only the owner changes a report definition", code="report.definition_not_owner")
        t = report_definitions
        done = self.session.execute(
            update(t)
            .where(t.c.id == definition_id, t.c.version == expected_version)
            .values(name=name, shared=shared, body=json.dumps(query), version=expected_version + 1)
        ).rowcount
        if done != 1:
            raise VersionConflict(
                f"report definition {definition_id} is at version {current.version}, not {expected_version}",
                code="report.definition_version",
            )
        return dataclasses.replace(current, name=name, shared=shared, query=query, version=expected_version + 1)

    def delete(self, definition_id: str, user_id: str) -> None:
        current = self.get(definition_id, user_id)
        if current.owner_id != user_id:
            raise PermissionDenied("only the owner deletes a report definition", code="report.definition_not_owner")
        self.session.execute(delete(report_definitions).where(report_definitions.c.id == definition_id))


class SqlDashboards:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, user_id: str) -> tuple[list[dict[str, Any]], int]:
        row = self.session.execute(select(dashboards).where(dashboards.c.user_id == user_id)).first()
        return ([], 0) if row is None else (json.loads(row.body), int(row.version))

    def save(self, user_id: str, items: list[dict[str, Any]], expected_version: int) -> int:
        """Store the items; VersionConflict unless `expected_version` is the stored one (0 = none yet)."""
        body = json.dumps(items)
        if expected_version == 0:
            exists = self.session.execute(select(dashboards.c.version).where(dashboards.c.user_id == user_id)).first()
            if exists is None:
                self.session.execute(insert(dashboards).values(user_id=user_id, body=body, version=1))
                return 1
            raise VersionConflict(f"the dashboard is at version {exists[0]}, not 0", code="report.dashboard_version")
        done = self.session.execute(
            update(dashboards)
            .where(dashboards.c.user_id == user_id, dashboards.c.version == expected_version)
            .values(body=body, version=expected_version + 1)
        ).rowcount
        if done != 1:
            raise VersionConflict(
                f"the dashboard is not at version {expected_version}", code="report.dashboard_version"
            )
        return expected_version + 1
