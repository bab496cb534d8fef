"""Opaque keyset cursors for newest-first lists (created_at desc, id desc)."""

from __future__ import annotations

import base64
import json
from datetime import datetime

from crm_chassis.errors import InvalidArgument


def encode_cursor(created_at: datetime, row_id: str) -> str:
    raw = json.dumps([created_at.isoformat(), row_id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, str]:
    """The (created_at, id) position inside `cursor`; InvalidArgument if it was not made by encode_cursor."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        created_at, row_id = json.loads(raw)
        return datetime.fromisoformat(created_at), str(row_id)
    except (ValueError, TypeError) as exc:
        raise InvalidArgument("cursor is not valid", code="page.cursor_invalid", field="cursor") from exc
