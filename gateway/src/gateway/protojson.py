"""Protobuf values as the JSON the public API promises (ints as numbers, timestamps as ISO-8601 UTC)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from google.protobuf import json_format
from google.protobuf.descriptor import FieldDescriptor
from google.protobuf.message import Message
from google.protobuf.timestamp_pb2 import Timestamp


def optional_text(value: str) -> str | None:
    """proto3 strings have no 'unset': empty means absent, answered as null."""
    return value or None


def timestamp_of(moment: datetime | None) -> Timestamp | None:
    """`moment` as a protobuf Timestamp (None stays None, i.e. unset)."""
    if moment is None:
        return None
    stamp = Timestamp()
    stamp.FromDatetime(moment)
    return stamp


def timestamp_text(message: Message, field: str) -> str | None:
    """A Timestamp field as `2025-01-31T09:30:00.250Z`, or None when unset."""
    if not message.HasField(field):
        return None
    return getattr(message, field).ToJsonString()


def to_json(message: Message) -> dict[str, Any]:
    """Every field of `message` as public-API JSON: proto field names; empty strings, unset
    messages and unset `optional` scalars as null; 64-bit ints as numbers; timestamps as ISO-8601
    UTC; `Struct` as a JSON object; enums by name; bytes left out (null). Routes pick and rename
    from this where they must."""
    out: dict[str, Any] = {}
    for fd in message.DESCRIPTOR.fields:
        value = getattr(message, fd.name)
        if _is_map(fd):
            value_fd = fd.message_type.fields_by_name["value"]
            out[fd.name] = {k: _value(value_fd, v) for k, v in value.items()}
        elif fd.is_repeated:
            out[fd.name] = [_value(fd, v, repeated=True) for v in value]
        elif fd.has_presence:  # messages and proto3 `optional` scalars: unset is null
            out[fd.name] = _value(fd, value) if message.HasField(fd.name) else None
        else:
            out[fd.name] = _value(fd, value)
    return out


def _is_map(fd: FieldDescriptor) -> bool:
    return fd.is_repeated and fd.type == FieldDescriptor.TYPE_MESSAGE and fd.message_type.GetOptions().map_entry


def _value(fd: FieldDescriptor, value: Any, *, repeated: bool = False) -> Any:
    if fd.type == FieldDescriptor.TYPE_MESSAGE:
        full_name = fd.message_type.full_name
        if full_name == "google.protobuf.Timestamp":
            return value.ToJsonString()
        if full_name in ("google.protobuf.Struct", "google.protobuf.Value", "google.protobuf.ListValue"):
            return json_format.MessageToDict(value)
        return to_json(value)
    if fd.type == FieldDescriptor.TYPE_ENUM:
        return fd.enum_type.values_by_number[value].name if value in fd.enum_type.values_by_number else value
    if fd.type == FieldDescriptor.TYPE_STRING:
        return value if repeated else (value or None)
    if fd.type == FieldDescriptor.TYPE_BYTES:
        return None
    return value
