"""The event envelope (ARCHITECTURE §4): building it from a proto payload and reading it back."""

from __future__ import annotations

import dataclasses
import json
import uuid
from datetime import UTC, datetime
from typing import Any

from google.protobuf import json_format
from google.protobuf.message import Message

REQUIRED_KEYS = ("event_id", "event_type", "schema", "occurred_at", "producer", "aggregate_id", "data")


class EnvelopeError(ValueError):
    """A message body is not a valid event envelope."""


@dataclasses.dataclass(frozen=True)
class Envelope:
    event_id: str
    event_type: str
    schema: str
    occurred_at: str
    producer: str
    aggregate_id: str
    aggregate_version: int
    correlation_id: str | None
    causation_id: str | None
    actor_user_id: str | None
    data: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), separators=(",", ":"), ensure_ascii=False)

    def payload(self, message_cls: type[Message]) -> Message:
        """The `data` parsed into `message_cls`, ignoring fields this consumer does not know."""
        return json_format.ParseDict(self.data, message_cls(), ignore_unknown_fields=True)


def new_envelope(
    *,
    producer: str,
    event_type: str,
    payload: Message,
    aggregate_id: str,
    aggregate_version: int,
    correlation_id: str | None = None,
    causation_id: str | None = None,
    actor_user_id: str | None = None,
) -> Envelope:
    """A fresh envelope with a new event id and the current UTC time."""
    return Envelope(
        event_id=str(uuid.uuid4()),
        event_type=event_type,
        schema=payload.DESCRIPTOR.full_name,
        occurred_at=datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z"),
        producer=producer,
        aggregate_id=aggregate_id,
        aggregate_version=aggregate_version,
        correlation_id=correlation_id,
        causation_id=causation_id,
        actor_user_id=actor_user_id,
        data=json_format.MessageToDict(payload, preserving_proto_field_name=True),
    )


def parse_envelope(body: Any) -> Envelope:
    """An Envelope from a decoded JSON body (dict) or raw bytes/str; EnvelopeError if malformed."""
    if isinstance(body, bytes | str):
        try:
            body = json.loads(body)
        except (ValueError, UnicodeDecodeError) as exc:
            raise EnvelopeError(f"body is not JSON: {exc}") from exc
    if not isinstance(body, dict):
        raise EnvelopeError("body is not a JSON object")
    missing = [k for k in REQUIRED_KEYS if k not in body]
    if missing:
        raise EnvelopeError(f"envelope lacks {', '.join(missing)}")
    if not isinstance(body["data"], dict):
        raise EnvelopeError("envelope data is not an object")
    try:
        version = int(body.get("aggregate_version") or 0)
    except (TypeError, ValueError) as exc:
        raise EnvelopeError("aggregate_version is not a number") from exc
    return Envelope(
        event_id=str(body["event_id"]),
        event_type=str(body["event_type"]),
        schema=str(body["schema"]),
        occurred_at=str(body["occurred_at"]),
        producer=str(body["producer"]),
        aggregate_id=str(body["aggregate_id"]),
        aggregate_version=version,
        correlation_id=body.get("correlation_id"),
        causation_id=body.get("causation_id"),
        actor_user_id=body.get("actor_user_id"),
        data=body["data"],
    )


def occurred_at(envelope: Envelope) -> datetime:
    """The envelope's occurred_at as an aware UTC datetime."""
    return datetime.fromisoformat(envelope.occurred_at.replace("Z", "+00:00"))
