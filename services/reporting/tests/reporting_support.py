"""Test support: build events from plain dicts (checked against the proto schemas), deliver them
through `ReportingWorker`'s handlers, run reports and dump the read models."""

from __future__ import annotations

import importlib
import types
import uuid
from datetime import UTC, datetime
from typing import Any

from google.protobuf import json_format
from sqlalchemy import select

from crm_chassis.db import make_engine, make_session_factory, read_transaction
from crm_chassis.handling import HandlerRuntime
from crm_chassis.identity import Caller
from crm_chassis.inbox import Inbox
from crm_chassis.migrations import upgrade
from reporting.config import SPEC
from reporting.domain.query import Scope, parse_period
from reporting.events.registry import CONSUMED
from reporting.events.worker import ReportingWorker
from reporting.persistence import tables
from reporting.persistence.reports import run_standard

SCHEMAS = {event_type: (producer, schema) for producer, event_type, schema in CONSUMED}
from reporting.events.worker import _ZONE as ZONE  # noqa: E402


def message_class(schema: str) -> type:
    package, _, name = schema.rpartition(".")
    module = {
        "crm.customers.v1": "crm.customers.v1.customers_events_pb2",
        "crm.sales.v1": "crm.sales.v1.sales_events_pb2",
        "crm.marketing.v1": "crm.marketing.v1.marketing_events_pb2",
        "crm.service_desk.v1": "crm.service_desk.v1.service_desk_events_pb2",
    }[package]
    return getattr(importlib.import_module(module), name)


def at(text: str) -> str:
    """`2026-03-05T10:00` -> RFC 3339 UTC."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC).isoformat().replace("+00:00", "Z")


def money(minor: int, code: str = "CNY") -> dict[str, Any]:
    return {"currency_code": code, "minor_units": str(minor)}


def envelope(event_type: str, data: dict[str, Any], aggregate_id: str, version: int, when: str) -> dict[str, Any]:
    """An envelope dict as the relay publishes it; `data` must parse as the event's proto message."""
    producer, schema = SCHEMAS[event_type]
    message = json_format.ParseDict(data, message_class(schema)())  # fails on a misspelt field
    return {
        "event_id": str(uuid.uuid4()),
        "event_type": event_type,
        "schema": schema,
        "occurred_at": at(when),
        "producer": producer,
        "aggregate_id": aggregate_id,
        "aggregate_version": version,
        "correlation_id": None,
        "causation_id": None,
        "actor_user_id": None,
        "data": json_format.MessageToDict(message, preserving_proto_field_name=True),
    }


class Feed:
    def __init__(self, database_url: str) -> None:
        upgrade(database_url, SPEC.migrations_dir, echo=lambda *_: None)
        self.engine = make_engine(database_url)
        self.factory = make_session_factory(self.engine)

        def no_parking(_seconds: float) -> None:
            raise AssertionError("a handler failed and its message would be parked")

        runtime = HandlerRuntime(
            "reporting", Inbox(self.factory, tables.inbox), "amqp://unused", max_attempts=1, sleep=no_parking
        )
        self.worker = types.SimpleNamespace(name="reporting", runtime=runtime)
        self.sent: list[dict[str, Any]] = []

    def close(self) -> None:
        self.engine.dispose()

    def deliver(self, body: dict[str, Any]) -> str:
        outcome = getattr(ReportingWorker, f"on_{body['event_type']}")(self.worker, body)
        assert outcome in ("applied", "duplicate"), outcome
        return outcome

    def send(self, event_type: str, data: dict[str, Any], aggregate_id: str, version: int, when: str) -> dict:
        body = envelope(event_type, data, aggregate_id, version, when)
        self.sent.append(body)
        self.deliver(body)
        return body

    def report(
        self,
        name: str,
        period: str | None = None,
        *,
        caller: Caller | None = None,
        owners: set[str] | None = None,
        departments: dict[str, str] | None = None,
        **params: str,
    ) -> list[dict[str, Any]]:
        caller = caller or Caller()
        scope = Scope(
            visible_owners=caller.visible_owners,
            owners=None if owners is None else frozenset(owners),
            period=parse_period(period),
            departments=departments or {},
        )
        with read_transaction(self.factory) as session:
            return run_standard(session, name, scope, params, ZONE).records()

    def dump(self) -> dict[str, list[tuple]]:
        """Every projection's rows (sorted), to compare two ways of building them."""
        out = {}
        with read_transaction(self.factory) as session:
            for t in tables.PROJECTIONS:
                cols = [c for c in t.c if c.name != "event_at"]
                rows = session.execute(select(*cols)).all()
                out[t.name] = sorted((tuple(r) for r in rows), key=repr)
        return out
