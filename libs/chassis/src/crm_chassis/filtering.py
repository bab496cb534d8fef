"""The list query language of the public API (ARCHITECTURE §8), parsed into plain data.

`filter` is a subset of Google AIP-160:

- comparisons ``field = value``, ``!=``, ``<``, ``<=``, ``>``, ``>=``;
- ``field : value`` (contains, case-insensitive) and ``field:*`` (has a value; ``NOT field:*`` is empty);
- ``field = "abc*"`` (starts with: a trailing ``*`` on a quoted string);
- ``field IN (a, b, c)`` (an extension: one of the values);
- ``AND``, ``OR``, ``NOT`` / ``-`` prefix, parentheses; as in AIP-160, ``OR`` binds tighter than
  ``AND``, and terms separated only by whitespace are ANDed;
- values: quoted strings (``"..."`` or ``'...'``, backslash escapes), numbers, ``true``/``false``,
  ISO dates and timestamps, bare words; custom fields are named ``custom.<key>``.

`order_by` is ``field [asc|desc], ...``: at most four keys, each field once.

Nothing here knows SQL: `crm_chassis.listing` compiles the result against a whitelist of fields,
and the gateway uses `fields_of` to refuse fields hidden from the caller before a service sees them.
Errors are `InvalidArgument` with codes ``filter.*`` / ``order_by.*`` and field ``filter`` / ``order_by``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from crm_chassis.errors import InvalidArgument

MAX_FILTER_LENGTH = 2000
MAX_RESTRICTIONS = 50
MAX_DEPTH = 8
MAX_SORT_KEYS = 4

COMPARATORS = ("=", "!=", "<", "<=", ">", ">=", ":")
_FIELD = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$")
_TOKEN = re.compile(
    r"""\s*(?:
        (?P<string>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')
      | (?P<timestamp>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)
      | (?P<op><=|>=|!=|=|<|>|:)
      | (?P<punct>[(),])
      | (?P<word>[^\s()=!<>:,"']+)
    )""",
    re.VERBOSE,
)


@dataclasses.dataclass(frozen=True)
class Value:
    """A literal as written: `text` without quotes, `quoted` when it was a string literal."""

    text: str
    quoted: bool = False


@dataclasses.dataclass(frozen=True)
class Restriction:
    """`field op value`; op ``in`` carries `values`; op ``has`` is ``field:*``."""

    field: str
    op: str
    value: Value | None = None
    values: tuple[Value, ...] = ()


@dataclasses.dataclass(frozen=True)
class Not:
    operand: Node


@dataclasses.dataclass(frozen=True)
class And:
    operands: tuple[Node, ...]


@dataclasses.dataclass(frozen=True)
class Or:
    operands: tuple[Node, ...]


Node = Restriction | Not | And | Or


@dataclasses.dataclass(frozen=True)
class SortKey:
    field: str
    descending: bool = False


def _filter_error(message: str, code: str = "filter.syntax") -> InvalidArgument:
    return InvalidArgument(message, code=code, field="filter")


@dataclasses.dataclass
class _Token:
    kind: str  # string, op, punct, word, keyword
    text: str
    at: int


def _tokens(text: str) -> list[_Token]:
    out: list[_Token] = []
    pos = 0
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        match = _TOKEN.match(text, pos)
        if match is None or match.end() == pos:
            raise _filter_error(f"unexpected character {text[pos:].lstrip()[:1]!r} at position {pos}")
        group = match.lastgroup or "word"
        raw, at = match.group(group), match.start(group)
        kind = "word" if group == "timestamp" else group
        if kind == "string":
            raw = re.sub(r"\\(.)", r"\1", raw[1:-1])
        elif kind == "word" and raw in ("AND", "OR", "NOT", "IN"):
            kind = "keyword"
        out.append(_Token(kind, raw, at))
        pos = match.end()
    return out


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens = _tokens(text)
        self.pos = 0
        self.restrictions = 0

    def peek(self) -> _Token | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.peek()
        if token is None:
            raise _filter_error("the filter ends too early")
        self.pos += 1
        return token

    def expect(self, kind: str, text: str) -> None:
        token = self.take()
        if token.kind != kind or token.text != text:
            raise _filter_error(f"expected {text!r} at position {token.at}, found {token.text!r}")

    def parse(self) -> Node:
        node = self.expression(0)
        token = self.peek()
        if token is not None:
            raise _filter_error(f"unexpected {token.text!r} at position {token.at}")
        return node

    def expression(self, depth: int) -> Node:
        if depth > MAX_DEPTH:
            raise _filter_error(f"the filter nests deeper than {MAX_DEPTH} levels", "filter.too_complex")
        operands = [self.factor(depth)]
        while True:
            token = self.peek()
            if token is None or (token.kind == "punct" and token.text == ")"):
                break
            if token.kind == "keyword" and token.text == "AND":
                self.take()
            operands.append(self.factor(depth))
        return operands[0] if len(operands) == 1 else And(tuple(operands))

    def factor(self, depth: int) -> Node:
        operands = [self.term(depth)]
        while (token := self.peek()) is not None and token.kind == "keyword" and token.text == "OR":
            self.take()
            operands.append(self.term(depth))
        return operands[0] if len(operands) == 1 else Or(tuple(operands))

    def term(self, depth: int) -> Node:
        token = self.peek()
        if token is not None and token.kind == "keyword" and token.text == "NOT":
            self.take()
            return Not(self.simple(depth))
        if token is not None and token.kind == "word" and token.text == "-":
            self.take()
            return Not(self.simple(depth))
        if token is not None and token.kind == "word" and token.text.startswith("-") and len(token.text) > 1:
            # `-field = x` negates; split the minus off the field name.
            token.text = token.text[1:]
            return Not(self.simple(depth))
        return self.simple(depth)

    def simple(self, depth: int) -> Node:
        token = self.peek()
        if token is not None and token.kind == "punct" and token.text == "(":
            self.take()
            node = self.expression(depth + 1)
            self.expect("punct", ")")
            return node
        return self.restriction()

    def restriction(self) -> Restriction:
        token = self.take()
        if token.kind != "word" or not _FIELD.match(token.text):
            raise _filter_error(f"expected a field name at position {token.at}, found {token.text!r}")
        self.restrictions += 1
        if self.restrictions > MAX_RESTRICTIONS:
            raise _filter_error(f"the filter has more than {MAX_RESTRICTIONS} conditions", "filter.too_complex")
        name = token.text
        op = self.take()
        if op.kind == "keyword" and op.text == "IN":
            return Restriction(name, "in", values=self.value_list())
        if op.kind != "op":
            raise _filter_error(f"expected a comparator after {name!r} at position {op.at}")
        value = self.take()
        if value.kind not in ("string", "word"):
            raise _filter_error(f"expected a value after {name} {op.text} at position {value.at}")
        if op.text == ":" and value.kind == "word" and value.text == "*":
            return Restriction(name, "has")
        return Restriction(name, op.text, Value(value.text, quoted=value.kind == "string"))

    def value_list(self) -> tuple[Value, ...]:
        self.expect("punct", "(")
        values: list[Value] = []
        while True:
            token = self.take()
            if token.kind not in ("string", "word"):
                raise _filter_error(f"expected a value in the IN list at position {token.at}")
            values.append(Value(token.text, quoted=token.kind == "string"))
            closing = self.take()
            if closing.kind == "punct" and closing.text == ")":
                return tuple(values)
            if not (closing.kind == "punct" and closing.text == ","):
                raise _filter_error(f"expected ',' or ')' in the IN list at position {closing.at}")


def parse_filter(text: str) -> Node | None:
    """The filter as a tree, or None for an empty filter; InvalidArgument (`filter.syntax`,
    `filter.too_complex`) when it is not in the language."""
    if len(text) > MAX_FILTER_LENGTH:
        raise _filter_error(f"the filter is longer than {MAX_FILTER_LENGTH} characters", "filter.too_complex")
    if not text.strip():
        return None
    return _Parser(text).parse()


def parse_order_by(text: str) -> list[SortKey]:
    """The sort keys of `order_by` (empty for an empty text); InvalidArgument (`order_by.syntax`,
    `order_by.too_many_keys`, `order_by.duplicate_key`) otherwise."""
    keys: list[SortKey] = []
    if not text.strip():
        return keys
    for part in text.split(","):
        words = part.split()
        if not words or len(words) > 2 or not _FIELD.match(words[0]):
            raise InvalidArgument(
                f"cannot read the sort key {part.strip()!r}", code="order_by.syntax", field="order_by"
            )
        direction = words[1].lower() if len(words) == 2 else "asc"
        if direction not in ("asc", "desc"):
            raise InvalidArgument(
                f"sort direction must be asc or desc, not {words[1]!r}", code="order_by.syntax", field="order_by"
            )
        if any(k.field == words[0] for k in keys):
            raise InvalidArgument(
                f"{words[0]} appears twice in order_by", code="order_by.duplicate_key", field="order_by"
            )
        keys.append(SortKey(words[0], direction == "desc"))
    if len(keys) > MAX_SORT_KEYS:
        raise InvalidArgument(
            f"order_by takes at most {MAX_SORT_KEYS} keys, not {len(keys)}",
            code="order_by.too_many_keys",
            field="order_by",
        )
    return keys


def restrictions(node: Node | None) -> Iterator[Restriction]:
    """Every restriction in the tree, in reading order."""
    if node is None:
        return
    if isinstance(node, Restriction):
        yield node
    elif isinstance(node, Not):
        yield from restrictions(node.operand)
    else:
        for operand in node.operands:
            yield from restrictions(operand)


def fields_of(filter_text: str, order_by_text: str) -> tuple[set[str], set[str]]:
    """(fields the filter reads, fields the sort reads); raises like the parsers."""
    filtered = {r.field for r in restrictions(parse_filter(filter_text))}
    sorted_by = {k.field for k in parse_order_by(order_by_text)}
    return filtered, sorted_by
