"""Sales business settings an admin edits (one record, versioned): opportunity stages and their
default probabilities, the special-price discount threshold, approval flows per record type,
payment grace days, renewal reminder lead time and the organisation's time zone."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from crm_chassis import approvals as ap
from crm_chassis.errors import InvalidArgument

WON = "won"
LOST = "lost"
TERMINAL_STAGES = (WON, LOST)
STAGE_KEY = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
# Records that go through the approval engine and the flow each uses.
APPROVAL_RECORD_TYPES = ("quote", "contract", "receipt", "invoice")


# The version of the built-in defaults before anyone saved settings.
DEFAULTS_VERSION = 1


@dataclasses.dataclass(frozen=True)
class Stage:
    key: str
    label: str
    probability: int


DEFAULT_STAGES = (
    Stage("qualification", "Qualification", 10),
    Stage("needs_analysis", "Needs analysis", 30),
    Stage("proposal", "Proposal", 50),
    Stage("negotiation", "Negotiation", 80),
)
WON_STAGE = Stage(WON, "Won", 100)
LOST_STAGE = Stage(LOST, "Lost", 0)

DEFAULT_FLOWS = {
    # A quote goes here only when a line's discount is beyond the threshold (special price).
    "quote": ap.Flow("quote", (ap.Step("sales manager", role="sales_manager"),)),
    "contract": ap.Flow(
        "contract", (ap.Step("sales manager", role="sales_manager"), ap.Step("finance", role="finance"))
    ),
    # No steps: recorded receipts and requested invoices are approved without review (S1) until
    # an admin configures a flow.
    "receipt": ap.Flow("receipt", ()),
    "invoice": ap.Flow("invoice", ()),
}


@dataclasses.dataclass(frozen=True)
class SalesSettings:
    stages: tuple[Stage, ...] = DEFAULT_STAGES
    discount_approval_percent: Decimal = Decimal(10)
    flows: Mapping[str, ap.Flow] = dataclasses.field(default_factory=lambda: dict(DEFAULT_FLOWS))
    payment_grace_days: int = 0
    renewal_reminder_days: int = 30
    time_zone: str = "UTC"
    default_tax_rate: Decimal = Decimal(0)
    version: int = 0

    # -- stages ------------------------------------------------------------------------------
    def all_stages(self) -> tuple[Stage, ...]:
        return (*self.stages, WON_STAGE, LOST_STAGE)

    def stage(self, key: str) -> Stage | None:
        return next((s for s in self.all_stages() if s.key == key), None)

    def open_stage(self, key: str, field: str = "stage") -> Stage:
        """The configured open stage `key` (won and lost are reached by win / lose only)."""
        stage = next((s for s in self.stages if s.key == key), None)
        if stage is None:
            if key in TERMINAL_STAGES:
                raise InvalidArgument(
                    f"use win or lose to close an opportunity, not stage {key}", code="stage.terminal", field=field
                )
            raise InvalidArgument(
                f"{key!r} is not a configured stage ({', '.join(s.key for s in self.stages)})",
                code="stage.unknown",
                field=field,
            )
        return stage

    def flow(self, record_type: str) -> ap.Flow:
        return self.flows.get(record_type) or ap.Flow(record_type, ())

    # -- plain data --------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {
            "stages": [dataclasses.asdict(s) for s in self.stages],
            "discount_approval_percent": str(self.discount_approval_percent),
            "flows": {
                k: {"version": f.version, "steps": [s.to_dict() for s in f.steps]} for k, f in self.flows.items()
            },
            "payment_grace_days": self.payment_grace_days,
            "renewal_reminder_days": self.renewal_reminder_days,
            "time_zone": self.time_zone,
            "default_tax_rate": str(self.default_tax_rate),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], version: int) -> SalesSettings:
        base = cls()
        flows = dict(base.flows)
        for key, raw in (data.get("flows") or {}).items():
            flows[key] = ap.Flow(key, tuple(ap.Step.from_dict(s) for s in raw.get("steps", ())), int(raw["version"]))
        return cls(
            stages=tuple(Stage(**s) for s in data["stages"]) if data.get("stages") else base.stages,
            discount_approval_percent=Decimal(data.get("discount_approval_percent", base.discount_approval_percent)),
            flows=flows,
            payment_grace_days=int(data.get("payment_grace_days", base.payment_grace_days)),
            renewal_reminder_days=int(data.get("renewal_reminder_days", base.renewal_reminder_days)),
            time_zone=str(data.get("time_zone", base.time_zone)),
            default_tax_rate=Decimal(data.get("default_tax_rate", base.default_tax_rate)),
            version=version,
        )


def validate(settings: SalesSettings) -> SalesSettings:
    """The settings if they make sense; InvalidArgument naming the first problem otherwise."""
    if not settings.stages:
        raise InvalidArgument("at least one open stage is needed", code="settings.stages_empty", field="stages")
    seen: set[str] = set()
    for i, stage in enumerate(settings.stages):
        where = f"stages[{i}]"
        if not STAGE_KEY.match(stage.key) or stage.key in TERMINAL_STAGES:
            raise InvalidArgument(
                f"{where}: key must be lower_snake_case and not won/lost",
                code="settings.stage_key_invalid",
                field=where,
            )
        if stage.key in seen:
            raise InvalidArgument(f"{where}: {stage.key} appears twice", code="settings.stage_duplicate", field=where)
        seen.add(stage.key)
        if not 0 <= stage.probability <= 100:
            raise InvalidArgument(
                f"{where}: probability must be 0..100", code="settings.probability_invalid", field=where
            )
    if not 0 <= settings.discount_approval_percent <= 100:
        raise InvalidArgument(
            "discount_approval_percent must be 0..100",
            code="settings.threshold_invalid",
            field="discount_approval_percent",
        )
    if not 0 <= settings.default_tax_rate <= 100:
        raise InvalidArgument("default_tax_rate must be 0..100", code="settings.tax_invalid", field="default_tax_rate")
    for key, flow in settings.flows.items():
        if key not in APPROVAL_RECORD_TYPES:
            raise InvalidArgument(
                f"no record type {key!r} goes through approval here", code="settings.flow_unknown", field="flows"
            )
        ap.validate_flow(flow)
    if not 0 <= settings.payment_grace_days <= 365:
        raise InvalidArgument(
            "payment_grace_days must be 0..365", code="settings.grace_invalid", field="payment_grace_days"
        )
    if not 0 <= settings.renewal_reminder_days <= 365:
        raise InvalidArgument(
            "renewal_reminder_days must be 0..365", code="settings.reminder_invalid", field="renewal_reminder_days"
        )
    try:
        ZoneInfo(settings.time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidArgument(
            f"unknown time zone {settings.time_zone!r}", code="settings.time_zone_invalid", field="time_zone"
        ) from None
    return settings


def with_flows(current: SalesSettings, flows: Mapping[str, tuple[ap.Step, ...]]) -> dict[str, ap.Flow]:
    """The flows after an edit: a flow whose steps change gets the next version (S4)."""
    out = dict(current.flows)
    for key, steps in flows.items():
        before = current.flow(key)
        if before.steps != steps:
            out[key] = ap.Flow(key, steps, before.version + 1)
    return out
