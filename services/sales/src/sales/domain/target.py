"""Sales targets (S14): one value per month x metric x company / department / user.

Quarter and year targets are sums of the months (no separate entry); a department's target is set
independently of its members' sum. Attainment is computed by reporting."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal

from crm_chassis.errors import InvalidArgument
from sales.domain.common import currency, money

MONEY_METRICS = ("contract_amount", "won_amount", "order_amount", "receipts")
COUNT_METRICS = ("new_customers",)
METRICS = MONEY_METRICS + COUNT_METRICS
SCOPES = ("company", "department", "user")
MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


@dataclasses.dataclass(frozen=True)
class Target:
    id: str
    month: str  # YYYY-MM
    metric: str
    scope_type: str
    scope_id: str  # "" for the company
    value: Decimal  # minor units for money metrics, a count otherwise
    currency: str  # "" for counts
    version: int
    created_at: datetime
    updated_at: datetime
    updated_by: str

    @property
    def owner_id(self) -> str:
        """Data scope: a user's target belongs to the user; company and department targets to nobody."""
        return self.scope_id if self.scope_type == "user" else ""


def clean_key(month: str, metric: str, scope_type: str, scope_id: str) -> tuple[str, str, str, str]:
    if not MONTH.match(month or ""):
        raise InvalidArgument("month must be YYYY-MM", code="target.month_invalid", field="month")
    if metric not in METRICS:
        raise InvalidArgument(
            f"metric must be one of {', '.join(METRICS)}", code="target.metric_invalid", field="metric"
        )
    if scope_type not in SCOPES:
        raise InvalidArgument(
            f"scope_type must be one of {', '.join(SCOPES)}", code="target.scope_invalid", field="scope_type"
        )
    scope_id = (scope_id or "").strip()
    if scope_type == "company":
        scope_id = ""
    elif not scope_id:
        raise InvalidArgument(
            f"a {scope_type} target names its {scope_type}", code="target.scope_id_required", field="scope_id"
        )
    return month, metric, scope_type, scope_id


def clean_value(metric: str, value: Decimal, currency_code: str) -> tuple[Decimal, str]:
    amount = money(value, "value")
    if metric in COUNT_METRICS:
        return amount, ""
    return amount, currency(currency_code)


def period_sum(targets: Iterable[Target], months: Iterable[str]) -> Decimal:
    """A quarter's or year's target: the sum of its months."""
    wanted = set(months)
    return sum((t.value for t in targets if t.month in wanted), Decimal(0))


def quarter_months(year: int, quarter: int) -> list[str]:
    return [f"{year}-{m:02d}" for m in range(3 * quarter - 2, 3 * quarter + 1)]
