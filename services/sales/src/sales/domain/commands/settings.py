"""Reading and changing the sales business settings (admin; the gateway checks the permission)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from crm_chassis.approvals import Step
from crm_chassis.identity import Caller
from sales.domain import settings as st
from sales.domain.commands.base import UowFactory
from sales.domain.common import check_paths, check_version, concurrent_write, percent

UPDATABLE = frozenset(
    {
        "stages",
        "discount_approval_percent",
        "flows",
        "payment_grace_days",
        "renewal_reminder_days",
        "time_zone",
        "default_tax_rate",
    }
)


def get_settings(uow_factory: UowFactory, caller: Caller) -> st.SalesSettings:
    with uow_factory(read_only=True) as uow:
        return uow.settings.load()


def update_settings(
    uow_factory: UowFactory, caller: Caller, *, expected_version: int, patch: Mapping[str, Any], paths: list[str]
) -> st.SalesSettings:
    """`patch["flows"]` maps record types to their new steps; a flow whose steps change gets the
    next version (open approvals keep the steps they started with)."""
    check_paths(paths, UPDATABLE)
    with uow_factory() as uow:
        current = uow.settings.load()
        check_version(current.version, expected_version, "sales settings")
        changes: dict[str, Any] = {}
        for path in paths:
            value = patch.get(path)
            if path == "flows":
                steps: Mapping[str, tuple[Step, ...]] = value or {}
                changes["flows"] = st.with_flows(current, steps)
            elif path in ("discount_approval_percent", "default_tax_rate"):
                changes[path] = percent(value or "", path, default=Decimal(0))
            elif path == "stages":
                changes[path] = tuple(value or ())
            elif path in ("payment_grace_days", "renewal_reminder_days"):
                changes[path] = int(value or 0)
            else:
                changes[path] = str(value or "")
        updated = st.validate(dataclasses.replace(current, **changes))
        if updated.to_dict() == current.to_dict():
            return current
        updated = dataclasses.replace(updated, version=current.version + 1)
        if not uow.settings.save(updated, expected_version=current.version):
            raise concurrent_write("sales settings")
        uow.commit()
    return updated
