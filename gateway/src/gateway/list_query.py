"""The query parameters every list route takes (`limit`, `cursor`, `filter`, `order_by`) and the
gateway's part of checking them.

The services own the whitelist of fields a list offers and compile the query; the gateway parses
it with the same chassis code first, so that a field the caller may not see never reaches a
service (C30): filtering or sorting on a hidden field is a 400, and on a masked field only exact
matches are allowed (a `contains` or prefix search, or a sort, would reveal the value bit by bit).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from crm_chassis.errors import InvalidArgument
from crm_chassis.filtering import MAX_FILTER_LENGTH, parse_filter, parse_order_by, restrictions
from gateway.field_rules import ResourceFields
from gateway.identity.policy import FieldAccess
from gateway.identity.principal import Principal
from gateway.problems import ProblemError

FILTER_DOC = (
    "AIP-160 subset: `field = value`, `!=`, `<`, `<=`, `>`, `>=`, `field:value` (contains), `field:*` (has a value), "
    '`field = "abc*"` (starts with), `field IN (a, b)`, `AND`, `OR`, `NOT`, parentheses; custom fields as '
    '`custom.<key>`. Example: `status = "active" AND (region = "east" OR region = "west")`.'
)
ORDER_BY_DOC = "Up to four keys, e.g. `name, created_at desc`; `id` is always the final tie-breaker."


class ListQuery(BaseModel):
    """Paging, filter and sort of a list route (subclasses add the route's own parameters)."""

    model_config = ConfigDict(extra="forbid")

    limit: int = Field(default=50, ge=1, le=200, description="Page size, 1..200")
    cursor: str | None = Field(default=None, min_length=1, max_length=1024, description="From `next_cursor`")
    filter: str | None = Field(default=None, max_length=MAX_FILTER_LENGTH, description=FILTER_DOC)
    order_by: str | None = Field(default=None, max_length=200, description=ORDER_BY_DOC)


def _refuse(parameter: str, code: str, detail: str) -> ProblemError:
    return ProblemError(
        400,
        code,
        detail,
        errors=[{"field": parameter, "location": "query", "message": detail, "type": code}],
    )


def check_list_query(principal: Principal, fields: ResourceFields, query: ListQuery) -> None:
    """400 problem when `filter` / `order_by` are not in the language, or read a governed field
    of the resource (or a custom field) that is hidden from the caller, or search
    or sort a masked one other than by exact value. Fields unknown to the list are left to the
    service, which owns the whitelist."""
    try:
        tree = parse_filter(query.filter or "")
        keys = parse_order_by(query.order_by or "")
    except InvalidArgument as exc:
        raise _refuse(exc.field or "filter", exc.code, exc.message) from None

    def access(name: str) -> FieldAccess | None:
        return fields.access(principal, name) if fields.governs(name) else None

    for restriction in restrictions(tree):
        seen = access(restriction.field)
        if seen is FieldAccess.HIDDEN:
            raise _refuse("filter", "filter.field_hidden", f"{restriction.field} is hidden from your roles.")
        exact = restriction.op in ("=", "!=", "in", "has") and not (
            restriction.value is not None and restriction.value.quoted and restriction.value.text.endswith("*")
        )
        if seen is FieldAccess.MASKED and not exact:
            raise _refuse(
                "filter",
                "filter.field_masked",
                f"{restriction.field} is masked for your roles: only exact matches (=, !=, IN) are allowed.",
            )
    for key in keys:
        seen = access(key.field)
        if seen is FieldAccess.HIDDEN:
            raise _refuse("order_by", "order_by.field_hidden", f"{key.field} is hidden from your roles.")
        if seen is FieldAccess.MASKED:
            raise _refuse(
                "order_by", "order_by.field_masked", f"{key.field} is masked for your roles: no sorting on it."
            )
