"""Custom field definitions (admin-defined, per entity) and the validation of their values."""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from crm_chassis.errors import InvalidArgument

ENTITIES = ("customer", "contact")
TYPES = ("text", "number", "date", "choice", "multi_choice", "boolean")
KEY = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
LABEL_MAX = 100
TEXT_MAX = 2000
OPTION_MAX = 100
MAX_OPTIONS = 200
MAX_DEFINITIONS = 200


@dataclasses.dataclass(frozen=True)
class FieldDefinition:
    entity: str
    key: str
    label: str
    type: str
    required: bool
    options: tuple[str, ...]
    version: int
    created_at: datetime
    updated_at: datetime


def _entity(raw: str) -> str:
    entity = raw.strip().lower()
    if entity not in ENTITIES:
        raise InvalidArgument(
            f"entity must be one of {', '.join(ENTITIES)}", code="custom_field.entity_invalid", field="entity"
        )
    return entity


def _label(raw: str) -> str:
    label = " ".join(raw.split())
    if not label:
        raise InvalidArgument("label must not be empty", code="custom_field.label_required", field="label")
    if len(label) > LABEL_MAX:
        raise InvalidArgument(
            f"label is longer than {LABEL_MAX} characters", code="custom_field.label_too_long", field="label"
        )
    return label


def _options(raw: Iterable[str], type_: str) -> tuple[str, ...]:
    options: list[str] = []
    for item in raw:
        option = " ".join(item.split())
        if not option:
            continue
        if len(option) > OPTION_MAX:
            raise InvalidArgument(
                f"an option is longer than {OPTION_MAX} characters", code="custom_field.option_invalid", field="options"
            )
        if option in options:
            raise InvalidArgument(
                f"option {option!r} is repeated", code="custom_field.option_repeated", field="options"
            )
        options.append(option)
    if type_ in ("choice", "multi_choice") and not options:
        raise InvalidArgument(
            f"a {type_} field needs at least one option", code="custom_field.options_required", field="options"
        )
    if type_ not in ("choice", "multi_choice") and options:
        raise InvalidArgument(
            f"a {type_} field has no options", code="custom_field.options_not_allowed", field="options"
        )
    if len(options) > MAX_OPTIONS:
        raise InvalidArgument(f"at most {MAX_OPTIONS} options", code="custom_field.too_many_options", field="options")
    return tuple(options)


def clean_entity(raw: str) -> str:
    return _entity(raw)


def define(
    *, entity: str, key: str, label: str, type_: str, required: bool, options: Iterable[str], now: datetime
) -> FieldDefinition:
    """A valid new definition (version 1)."""
    entity = _entity(entity)
    key = key.strip()
    if not KEY.match(key):
        raise InvalidArgument(
            "key must start with a lower-case letter and hold only a-z, 0-9 and _ (at most 40)",
            code="custom_field.key_invalid",
            field="key",
        )
    type_ = type_.strip().lower()
    if type_ not in TYPES:
        raise InvalidArgument(f"type must be one of {', '.join(TYPES)}", code="custom_field.type_invalid", field="type")
    return FieldDefinition(
        entity=entity,
        key=key,
        label=_label(label),
        type=type_,
        required=required,
        options=_options(options, type_),
        version=1,
        created_at=now,
        updated_at=now,
    )


def redefine(
    current: FieldDefinition, *, label: str, required: bool, options: Iterable[str], now: datetime
) -> FieldDefinition:
    """`current` with a new label, required flag and options (the type never changes)."""
    return dataclasses.replace(
        current,
        label=_label(label),
        required=required,
        options=_options(options, current.type),
        version=current.version + 1,
        updated_at=now,
    )


def _bad(key: str, message: str, code: str = "custom.value_invalid") -> InvalidArgument:
    return InvalidArgument(f"custom.{key}: {message}", code=code, field=f"custom.{key}")


def _value(definition: FieldDefinition, value: Any) -> Any:
    key = definition.key
    t = definition.type
    if t == "text":
        if not isinstance(value, str):
            raise _bad(key, "must be text")
        text = value.strip()
        if len(text) > TEXT_MAX:
            raise _bad(key, f"is longer than {TEXT_MAX} characters")
        return text
    if t == "number":
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise _bad(key, "must be a number")
        return int(value) if float(value).is_integer() else float(value)
    if t == "date":
        if not isinstance(value, str):
            raise _bad(key, "must be a date (YYYY-MM-DD)")
        try:
            return date.fromisoformat(value.strip()).isoformat()
        except ValueError as exc:
            raise _bad(key, "must be a date (YYYY-MM-DD)") from exc
    if t == "boolean":
        if not isinstance(value, bool):
            raise _bad(key, "must be true or false")
        return value
    if t == "choice":
        if not isinstance(value, str) or value not in definition.options:
            raise _bad(key, f"must be one of {', '.join(definition.options)}")
        return value
    if t == "multi_choice":
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
            raise _bad(key, "must be a list of options")
        unknown = [v for v in value if v not in definition.options]
        if unknown:
            raise _bad(key, f"{', '.join(unknown)} not among {', '.join(definition.options)}")
        return [o for o in definition.options if o in value]  # option order, no repeats
    raise _bad(key, f"has an unknown type {t}")  # pragma: no cover - definitions are validated


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == ()


def validate_custom(
    values: Mapping[str, Any],
    definitions: Mapping[str, FieldDefinition],
    *,
    check_required: bool,
    only: Iterable[str] | None = None,
) -> dict[str, Any]:
    """The clean custom values, or InvalidArgument naming `custom.<key>`.

    Every value is checked against its definition; unknown keys are refused. `only` limits the
    checks to the keys a write touched (values stored earlier under older options stay valid);
    required fields are checked when `check_required` (on create, and when a write touches custom).
    """
    out: dict[str, Any] = {}
    checked = set(values) if only is None else set(only)
    for key, value in values.items():
        definition = definitions.get(key)
        if key not in checked:
            out[key] = value
            continue
        if definition is None:
            raise _bad(key, "is not a defined field", code="custom.unknown_field")
        if _empty(value):
            continue
        out[key] = _value(definition, value)
    if check_required:
        for key, definition in sorted(definitions.items()):
            if definition.required and _empty(out.get(key)):
                raise _bad(key, "is required", code="custom.required")
    return out
