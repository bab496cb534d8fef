"""Protobuf values as the JSON the public API promises (ints as numbers, timestamps as ISO-8601 UTC)."""

from __future__ import annotations

from google.protobuf.message import Message


def optional_text(value: str) -> str | None:
    """proto3 strings have no 'unset': empty means absent, answered as null."""
    return value or None


def timestamp_text(message: Message, field: str) -> str | None:
    """A Timestamp field as `2025-01-31T09:30:00.250Z`, or None when unset."""
    if not message.HasField(field):
        return None
    return getattr(message, field).ToJsonString()
