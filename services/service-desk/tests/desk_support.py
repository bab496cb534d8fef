"""Test helpers: a real gRPC server on a migrated database, and customers / sales events fed through
the service-desk worker's own handlers (inbox included), as those services would publish them."""

from __future__ import annotations

import functools
import json
from datetime import UTC, datetime
from types import SimpleNamespace

import grpc
from google.protobuf.timestamp_pb2 import Timestamp
from sqlalchemy import func, select

from crm.customers.v1 import customers_events_pb2 as cev
from crm.customers.v1 import customers_service_pb2 as cpb
from crm.sales.v1 import sales_events_pb2 as sev
from crm.sales.v1 import sales_service_pb2 as spb
from crm.service_desk.v1 import service_desk_service_pb2 as pb
from crm.service_desk.v1 import service_desk_service_pb2_grpc as pb_grpc
from crm_chassis.db import make_engine, make_session_factory
from crm_chassis.envelope import new_envelope
from crm_chassis.grpc_server import GrpcApp
from crm_chassis.handling import HandlerRuntime
from crm_chassis.inbox import Inbox
from crm_chassis.migrations import upgrade
from service_desk.config import SPEC
from service_desk.grpc_api.server import build
from service_desk.persistence import tables
from service_desk.persistence.uow import SqlServiceDeskUnitOfWork

ADMIN = [("x-crm-user-id", "admin"), ("x-crm-roles", "admin")]


def agent(user: str, *visible: str) -> list[tuple[str, str]]:
    return [
        ("x-crm-user-id", user),
        ("x-crm-roles", "service_agent"),
        ("x-crm-visible-owners", ",".join(visible or (user,))),
    ]


def stamp(at: datetime) -> Timestamp:
    out = Timestamp()
    out.FromDatetime(at.astimezone(UTC))
    return out


class Api:
    def __init__(self, database_url: str) -> None:
        upgrade(database_url, SPEC.migrations_dir, echo=lambda *_: None)
        self.engine = make_engine(database_url)
        self.factory = make_session_factory(self.engine)
        register, table = build(None, self.factory)
        self.app = GrpcApp(register=register, error_table=table, host="127.0.0.1", port=0)
        self.app.start()
        self.channel = grpc.insecure_channel(f"127.0.0.1:{self.app.port}")
        self.stub = pb_grpc.ServiceDeskServiceStub(self.channel)
        self.runtime = HandlerRuntime(
            "service_desk", Inbox(self.factory, tables.inbox), "amqp://unused", max_attempts=1
        )
        self.uow_factory = functools.partial(SqlServiceDeskUnitOfWork, self.factory)

    def close(self) -> None:
        self.channel.close()
        self.app.stop(grace=1)
        self.engine.dispose()

    # -- consumed events, through the worker's handlers ------------------------------------------
    def event(self, producer: str, event_type: str, payload, aggregate_id: str, version: int) -> str:  # type: ignore[no-untyped-def]
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
        from service_desk.events.worker import Worker  # nameko import only where needed

        handler = getattr(Worker, f"on_{envelope.event_type}")
        fake_worker = SimpleNamespace(name="service_desk", runtime=self.runtime)
        return handler(fake_worker, json.loads(envelope.to_json()))

    def customer(
        self,
        customer_id: str,
        name: str = "Acme",
        *,
        owner: str = "rep1",
        version: int = 1,
        classification: str = "standard",
        lat: float | None = 31.2304,
        lon: float | None = 121.4737,
    ) -> str:
        c = cpb.Customer(id=customer_id, name=name, owner_id=owner, version=version, classification=classification)
        if lat is not None:
            c.latitude, c.longitude = lat, lon
        return self.event("customers", "customer_created", cev.CustomerCreated(customer=c), customer_id, version)

    def order_fulfilled(
        self,
        order_id: str,
        customer_id: str,
        lines: list[tuple[str, int]],
        *,
        at: datetime | None = None,
        owner: str = "rep1",
        version: int = 3,
    ) -> str:
        order = spb.Order(
            id=order_id,
            customer_id=customer_id,
            owner_id=owner,
            status="fulfilled",
            version=version,
            lines=[spb.Line(product_id=p, warranty_months=m) for p, m in lines],
            fulfilled_at=stamp(at or datetime.now(UTC)),
        )
        return self.event("sales", "order_fulfilled", sev.OrderFulfilled(order=order), order_id, version)

    def contract(
        self,
        event_type: str,
        contract_id: str,
        customer_id: str,
        *,
        status: str,
        order_ids=(),
        coverage=(),
        start="2020-01-01",
        end="2099-12-31",
        version: int = 5,
    ) -> str:  # type: ignore[no-untyped-def]
        k = spb.Contract(
            id=contract_id,
            customer_id=customer_id,
            status=status,
            start_date=start,
            end_date=end,
            order_ids=list(order_ids),
            version=version,
            coverage=[spb.Coverage(product_id=p, until=u) for p, u in coverage],
        )
        message = {
            "contract_activated": sev.ContractActivated,
            "contract_expired": sev.ContractExpired,
            "contract_terminated": sev.ContractTerminated,
        }[event_type](contract=k)
        return self.event("sales", event_type, message, contract_id, version)

    # -- calls ----------------------------------------------------------------------------------
    def technician(
        self,
        name: str,
        lat: float,
        lon: float,
        *,
        skills=("repair",),
        capacity: int = 3,
        team: str = "field",
        user_id: str = "",
        manager_id: str = "",
    ) -> pb.Technician:  # type: ignore[no-untyped-def]
        t = pb.Technician(
            name=name,
            team=team,
            skills=list(skills),
            capacity=capacity,
            user_id=user_id,
            working_days=[1, 2, 3, 4, 5, 6, 7],
            latitude=lat,
            longitude=lon,
            manager_id=manager_id,
        )
        return self.stub.CreateTechnician(pb.CreateTechnicianRequest(technician=t), metadata=ADMIN).technician

    def work_order(self, customer_id: str, *, metadata=ADMIN, **fields) -> pb.WorkOrder:  # type: ignore[no-untyped-def]
        f = pb.WorkOrderFields(customer_id=customer_id, type=fields.pop("type", "repair"), **fields)
        return self.stub.CreateWorkOrder(pb.CreateWorkOrderRequest(work_order=f), metadata=metadata).work_order

    def act(self, wo: pb.WorkOrder, action: str, **kw) -> pb.WorkOrder:  # type: ignore[no-untyped-def]
        req = pb.TransitionWorkOrderRequest(id=wo.id, expected_version=wo.version, action=action, **kw)
        return self.stub.TransitionWorkOrder(req, metadata=ADMIN).work_order

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
