"""Masked renderings of sensitive values: `13812341234` -> `138****1234`, `ann@example.com` ->
`a***@example.com`. A mask keeps enough to recognise a value, never enough to use it."""

from __future__ import annotations


def mask(value: str | None) -> str | None:
    """The masked form of `value` (None and "" stay as they are)."""
    if not value:
        return value
    if "@" in value:
        local, _, domain = value.rpartition("@")
        return (local[:1] or "*") + "***@" + domain
    if len(value) >= 8:
        return value[:3] + "*" * (len(value) - 7) + value[-4:]
    if len(value) >= 3:
        return value[:1] + "*" * (len(value) - 2) + value[-1:]
    return "*" * len(value)
