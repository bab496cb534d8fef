"""Filtered, sorted, keyset-paginated lists over a whitelist of fields (ARCHITECTURE §8, C30).

A service declares which fields a list may filter and sort on (`Field`, bound to an SQL
expression) and compiles the caller's `filter` / `order_by` text (parsed by
`crm_chassis.filtering`) into a `ListQuery`. Only whitelisted fields reach SQL, and every value
is a bound parameter. Pages continue after the last row's sort values (a keyset, with `id` as the
final tie-breaker), so a page never repeats or skips rows when others are inserted or edited.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
from collections.abc import Callable, Sequence
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import and_, case, false, func, not_, or_
from sqlalchemy.sql import ColumnElement, Select

from crm_chassis.errors import InvalidArgument
from crm_chassis.filtering import And, Node, Not, Or, Restriction, Value, parse_filter, parse_order_by

KINDS = ("string", "integer", "number", "timestamp", "date", "boolean")
_ALL_OPS = frozenset({"=", "!=", "<", "<=", ">", ">=", ":", "in", "has"})
_ORDERED_OPS = frozenset({"=", "!=", "<", "<=", ">", ">=", "in", "has"})
_OPS_BY_KIND = {
    "string": _ALL_OPS,
    "integer": _ORDERED_OPS,
    "number": _ORDERED_OPS,
    "timestamp": _ORDERED_OPS,
    "date": _ORDERED_OPS,
    "boolean": frozenset({"=", "!=", "has"}),
}

# A custom predicate builds the SQL condition for `op` and the already-typed value(s) itself.
Predicate = Callable[[str, Any], ColumnElement[bool]]


@dataclasses.dataclass(frozen=True)
class Field:
    """A field a list may filter or sort on.

    `column`: the SQL expression (a column, or e.g. a JSON path for custom fields).
    `kind`: how values are read from the filter text (string, integer, number, timestamp, date, boolean).
    `ops`: the comparators allowed (default: all that make sense for the kind).
    `predicate`: builds the condition itself (e.g. equality through a blind index); it receives
    the op and the typed value (a tuple of values for ``in``, None for ``has``).
    `choices`: the allowed values of an enumerated string field.
    """

    name: str
    column: Any
    kind: str = "string"
    sortable: bool = True
    filterable: bool = True
    ops: frozenset[str] | None = None
    predicate: Predicate | None = None
    choices: frozenset[str] | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown field kind {self.kind!r}")

    def allowed_ops(self) -> frozenset[str]:
        return self.ops if self.ops is not None else _OPS_BY_KIND[self.kind]

    @property
    def nullable(self) -> bool:
        return bool(getattr(self.column, "nullable", True))


def _bad_value(field: Field, value: Value, expected: str) -> InvalidArgument:
    return InvalidArgument(
        f"{field.name} takes {expected}, not {value.text!r}", code="filter.invalid_value", field="filter"
    )


def _typed(field: Field, value: Value) -> Any:
    """The filter literal as the Python value the field's kind needs."""
    text = value.text
    if field.kind == "string":
        if field.choices is not None and text.rstrip("*") not in field.choices and not text.endswith("*"):
            raise _bad_value(field, value, "one of " + ", ".join(sorted(field.choices)))
        return text
    if field.kind == "integer":
        try:
            return int(text)
        except ValueError:
            raise _bad_value(field, value, "a whole number") from None
    if field.kind == "number":
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise _bad_value(field, value, "a number") from None
        if not number.is_finite():
            raise _bad_value(field, value, "a finite number")
        return number
    if field.kind == "boolean":
        if text.lower() not in ("true", "false"):
            raise _bad_value(field, value, "true or false")
        return text.lower() == "true"
    if field.kind == "date":
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise _bad_value(field, value, "an ISO date (2025-01-31)") from None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise _bad_value(field, value, "an ISO timestamp (2025-01-31T09:30:00Z)") from None
    return moment


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _condition(field: Field, r: Restriction) -> ColumnElement[bool]:
    if r.op not in field.allowed_ops():
        raise InvalidArgument(
            f"{field.name} cannot be filtered with {r.op!r}", code="filter.unsupported_operator", field="filter"
        )
    if r.op == "in":
        values = tuple(_typed(field, v) for v in r.values)
        if field.predicate is not None:
            return field.predicate("in", values)
        return field.column.in_(values)
    if r.op == "has":
        if field.predicate is not None:
            return field.predicate("has", None)
        present = field.column.is_not(None)
        return and_(present, field.column != "") if field.kind == "string" else present
    assert r.value is not None
    if field.kind == "string" and r.op in ("=", ":") and r.value.quoted and r.value.text.endswith("*"):
        prefix = r.value.text.rstrip("*")
        if field.predicate is not None:
            return field.predicate("prefix", prefix)
        return field.column.ilike(_escape_like(prefix) + "%", escape="\\")
    value = _typed(field, r.value)
    if field.predicate is not None:
        return field.predicate(r.op, value)
    column = field.column
    if r.op == ":":
        return column.ilike("%" + _escape_like(value) + "%", escape="\\")
    if r.op == "=":
        return column == value
    if r.op == "!=":
        # "not equal" includes rows without a value, as a user reading the list expects.
        return or_(column != value, column.is_(None))
    return {"<": column < value, "<=": column <= value, ">": column > value, ">=": column >= value}[r.op]


# ---------------------------------------------------------------- cursors


def _encode_value(value: Any) -> list[Any]:
    if value is None:
        return ["n"]
    if isinstance(value, bool):
        return ["b", value]
    if isinstance(value, int):
        return ["i", value]
    if isinstance(value, float):
        return ["f", value]
    if isinstance(value, Decimal):
        return ["m", str(value)]
    if isinstance(value, datetime):
        return ["t", value.isoformat()]
    if isinstance(value, date):
        return ["d", value.isoformat()]
    return ["s", str(value)]


def _decode_value(item: list[Any]) -> Any:
    tag = item[0]
    if tag == "n":
        return None
    raw = item[1]
    if tag in ("b", "i", "f", "s"):
        return raw
    if tag == "m":
        return Decimal(raw)
    if tag == "t":
        return datetime.fromisoformat(raw)
    if tag == "d":
        return date.fromisoformat(raw)
    raise ValueError(tag)


def _cursor_invalid() -> InvalidArgument:
    return InvalidArgument(
        "cursor is not valid for this list (it belongs to another filter or sort, or is damaged)",
        code="page.cursor_invalid",
        field="cursor",
    )


@dataclasses.dataclass(frozen=True)
class _Key:
    name: str
    expr: Any
    descending: bool
    nullable: bool

    def order(self, reverse: bool) -> list[Any]:
        descending = self.descending != reverse
        clauses = []
        if self.nullable:
            # Nulls after values ascending, before them descending (each direction the mirror of the other).
            flag = case((self.expr.is_(None), 1), else_=0)
            clauses.append(flag.desc() if descending else flag.asc())
        clauses.append(self.expr.desc() if descending else self.expr.asc())
        return clauses


@dataclasses.dataclass(frozen=True)
class ListQuery:
    """A compiled list request: the WHERE condition and the sort keys (with the tie-breaker)."""

    where: ColumnElement[bool] | None
    keys: tuple[_Key, ...]
    fingerprint: str

    def _labels(self) -> list[str]:
        return [f"_sort{i}" for i in range(len(self.keys))]

    def sort_columns(self) -> list[Any]:
        """The sort expressions, labelled; `apply` adds them to the select so pages can read them."""
        return [key.expr.label(label) for key, label in zip(self.keys, self._labels(), strict=True)]

    def _beyond(self, values: Sequence[Any], reverse: bool) -> ColumnElement[bool]:
        """Rows strictly after `values` in this order (before them when `reverse`)."""
        conditions = []
        equal_so_far: list[ColumnElement[bool]] = []
        for key, value in zip(self.keys, values, strict=True):
            descending = key.descending != reverse
            expr = key.expr
            if key.nullable:
                if value is None:
                    # Among nulls nothing is "after" on this key: only non-nulls, when they come later.
                    after = expr.is_not(None) if descending else false()
                    equal = expr.is_(None)
                else:
                    later = expr < value if descending else expr > value
                    after = or_(later, expr.is_(None)) if not descending else and_(later, expr.is_not(None))
                    equal = expr == value
            else:
                after = expr < value if descending else expr > value
                equal = expr == value
            conditions.append(and_(*equal_so_far, after) if equal_so_far else after)
            equal_so_far.append(equal)
        return or_(*conditions)

    def apply(self, stmt: Select[Any], *, cursor: str = "", limit: int) -> Select[Any]:
        """`stmt` filtered, positioned after `cursor`, ordered, with the sort columns added and
        `limit + 1` rows (the extra row tells whether there is a next page)."""
        if self.where is not None:
            stmt = stmt.where(self.where)
        if cursor:
            stmt = stmt.where(self._beyond(self.decode(cursor), reverse=False))
        return stmt.add_columns(*self.sort_columns()).order_by(*self.order()).limit(limit + 1)

    def order(self, reverse: bool = False) -> list[Any]:
        return [clause for key in self.keys for clause in key.order(reverse)]

    def neighbours(self, stmt: Select[Any], anchor: Sequence[Any]) -> tuple[Select[Any], Select[Any]]:
        """(previous, next) one-row selects around a record whose sort values are `anchor`
        (read them with `values_of` from a select that includes `sort_columns()`)."""
        if self.where is not None:
            stmt = stmt.where(self.where)
        stmt = stmt.add_columns(*self.sort_columns())
        previous = stmt.where(self._beyond(anchor, reverse=True)).order_by(*self.order(reverse=True)).limit(1)
        following = stmt.where(self._beyond(anchor, reverse=False)).order_by(*self.order()).limit(1)
        return previous, following

    def values_of(self, row: Any) -> list[Any]:
        mapping = row._mapping
        return [mapping[label] for label in self._labels()]

    def encode(self, row: Any) -> str:
        payload = {"f": self.fingerprint, "v": [_encode_value(v) for v in self.values_of(row)]}
        raw = json.dumps(payload, separators=(",", ":")).encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    def decode(self, cursor: str) -> list[Any]:
        try:
            raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
            payload = json.loads(raw)
            values = [_decode_value(item) for item in payload["v"]]
        except (ValueError, TypeError, KeyError, IndexError):
            raise _cursor_invalid() from None
        if payload.get("f") != self.fingerprint or len(values) != len(self.keys):
            raise _cursor_invalid()
        return values

    def page(self, rows: Sequence[Any], limit: int) -> tuple[list[Any], str]:
        """(the rows of this page, the cursor of the next page or "")."""
        items = list(rows[:limit])
        return items, self.encode(items[-1]) if len(rows) > limit and items else ""


class Listing:
    """The fields one list offers, and how it sorts when the caller does not say."""

    def __init__(
        self,
        fields: Sequence[Field],
        *,
        tiebreak: Any,
        default_order: str = "created_at desc",
        custom: Callable[[str], Field | None] | None = None,
    ) -> None:
        self.fields = {f.name: f for f in fields}
        self.tiebreak = tiebreak
        self.default_order = parse_order_by(default_order)
        self.custom = custom
        for key in self.default_order:
            self.field(key.field, "order_by")

    def field(self, name: str, where: str) -> Field:
        """The whitelisted field `name`; InvalidArgument `<where>.unknown_field` otherwise."""
        found = self.fields.get(name)
        if found is None and name.startswith("custom.") and self.custom is not None:
            found = self.custom(name.removeprefix("custom."))
        if found is None:
            raise InvalidArgument(
                f"{name} is not a field this list can use", code=f"{where}.unknown_field", field=where
            )
        return found

    def _compile(self, node: Node) -> ColumnElement[bool]:
        if isinstance(node, Restriction):
            field = self.field(node.field, "filter")
            if not field.filterable:
                raise InvalidArgument(
                    f"{node.field} cannot be filtered on", code="filter.unknown_field", field="filter"
                )
            return _condition(field, node)
        if isinstance(node, Not):
            # SQL's NOT of an unknown (NULL) is unknown; a user means "every row this does not match".
            return not_(func.coalesce(self._compile(node.operand), false()))
        if isinstance(node, And):
            return and_(*(self._compile(n) for n in node.operands))
        if isinstance(node, Or):
            return or_(*(self._compile(n) for n in node.operands))
        raise TypeError(node)  # pragma: no cover - the parser makes no other nodes

    def compile(self, filter_text: str = "", order_by_text: str = "") -> ListQuery:
        """The query for the caller's filter and sort; InvalidArgument (codes `filter.*`,
        `order_by.*`) for anything outside the language or the whitelist."""
        tree = parse_filter(filter_text)
        where = None if tree is None else self._compile(tree)
        sort = parse_order_by(order_by_text) or self.default_order
        keys: list[_Key] = []
        for key in sort:
            field = self.field(key.field, "order_by")
            if not field.sortable:
                raise InvalidArgument(
                    f"{key.field} cannot be sorted on", code="order_by.unknown_field", field="order_by"
                )
            keys.append(_Key(key.field, field.column, key.descending, field.nullable))
        last_descending = keys[-1].descending
        keys.append(_Key("id", self.tiebreak, last_descending, nullable=False))
        digest = hashlib.sha256(repr((filter_text.strip(), [(k.name, k.descending) for k in keys])).encode())
        return ListQuery(where, tuple(keys), digest.hexdigest()[:16])
