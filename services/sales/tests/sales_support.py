"""Test helpers: a real gRPC server on a migrated database, and customers events fed through the
sales worker's own handlers (inbox included), as the customers service would publish them."""

from __future__ import annotations

import json
from types import SimpleNamespace

import grpc
from sqlalchemy import func, select

from crm.common.v1 import money_pb2
from crm.customers.v1 import customers_events_pb2 as cev
from crm.customers.v1 import customers_service_pb2 as cpb
from crm.sales.v1 import sales_service_pb2_grpc as pb_grpc
from crm_chassis.db import make_engine, make_session_factory
from crm_chassis.envelope import new_envelope
from crm_chassis.grpc_server import GrpcApp
from crm_chassis.handling import HandlerRuntime
from crm_chassis.inbox import Inbox
from crm_chassis.migrations import upgrade
from sales.config import SPEC
from sales.grpc_api.server import build
from sales.persistence import tables

ADMIN = [("x-crm-user-id", "admin"), ("x-crm-roles", "admin")]
MANAGER = [("x-crm-user-id", "boss"), ("x-crm-roles", "sales_manager")]
FINANCE = [("x-crm-user-id", "fin"), ("x-crm-roles", "finance")]


def rep(user: str, *visible: str) -> list[tuple[str, str]]:
    return [
        ("x-crm-user-id", user),
        ("x-crm-roles", "sales_rep"),
        ("x-crm-visible-owners", ",".join(visible or (user,))),
    ]


def cny(minor: int) -> money_pb2.Money:
    return money_pb2.Money(currency_code="CNY", minor_units=minor)


class Api:
    def __init__(self, database_url: str) -> None:
        upgrade(database_url, SPEC.migrations_dir, echo=lambda *_: None)
        self.engine = make_engine(database_url)
        self.factory = make_session_factory(self.engine)
        register, table = build(None, self.factory)
        self.app = GrpcApp(register=register, error_table=table, host="127.0.0.1", port=0)
        self.app.start()
        self.channel = grpc.insecure_channel(f"127.0.0.1:{self.app.port}")
        self.stub = pb_grpc.SalesServiceStub(self.channel)
        self.runtime = HandlerRuntime("sales", Inbox(self.factory, tables.inbox), "amqp://unused", max_attempts=1)

    def close(self) -> None:
        self.channel.close()
        self.app.stop(grace=1)
        self.engine.dispose()

    # -- consumed events, through the worker's handlers ------------------------------------------
    def customer_event(self, event_type: str, payload, aggregate_id: str, version: int) -> str:  # type: ignore[no-untyped-def]
        return self.event("customers", event_type, payload, aggregate_id, version)

    def event(self, producer: str, event_type: str, payload, aggregate_id: str, version: int) -> str:  # type: ignore[no-untyped-def]
        """Deliver one new event (a fresh envelope) to the worker's handler for it."""
        return self.deliver(
            new_envelope(
                producer=producer,
                event_type=event_type,
                payload=payload,
                aggregate_id=aggregate_id,
                aggregate_version=version,
            )
        )

    def deliver(self, envelope) -> str:  # type: ignore[no-untyped-def]
        """Deliver an envelope (again, for redelivery tests) to the worker's handler for its type."""
        from sales.events.worker import Worker  # nameko import only where needed

        handler = getattr(Worker, f"on_{envelope.event_type}")
        fake_worker = SimpleNamespace(name="sales", runtime=self.runtime)
        return handler(fake_worker, json.loads(envelope.to_json()))

    def customer(self, customer_id: str, name: str = "Acme", *, owner: str = "rep1", version: int = 1, **fields) -> str:  # type: ignore[no-untyped-def]
        c = cpb.Customer(id=customer_id, name=name, owner_id=owner, version=version, **fields)
        return self.customer_event("customer_created", cev.CustomerCreated(customer=c), customer_id, version)

    # -- database facts -------------------------------------------------------------------------
    def count(self, table) -> int:  # type: ignore[no-untyped-def]
        with self.factory() as s:
            return s.execute(select(func.count()).select_from(table)).scalar_one()

    def events(self) -> list[tuple[str, dict]]:
        with self.factory() as s:
            rows = s.execute(select(tables.outbox).order_by(tables.outbox.c.id)).all()
        return [(r.event_type, json.loads(r.body)) for r in rows]

    def event_types(self) -> list[str]:
        return [e for e, _ in self.events()]


def code_of(err: grpc.RpcError) -> tuple[grpc.StatusCode, str]:
    return err.code(), dict(err.trailing_metadata() or ()).get("x-crm-error-code", "")
