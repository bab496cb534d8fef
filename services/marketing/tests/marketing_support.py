"""Test helpers: a real gRPC server on a migrated database, and consumed events fed through the
marketing worker's own handlers (inbox included), as the customers and sales services publish them."""

from __future__ import annotations

import json
from types import SimpleNamespace

import grpc
from sqlalchemy import func, select

from crm.common.v1 import money_pb2
from crm.marketing.v1 import marketing_service_pb2 as pb
from crm.marketing.v1 import marketing_service_pb2_grpc as pb_grpc
from crm_chassis.db import make_engine, make_session_factory
from crm_chassis.envelope import new_envelope
from crm_chassis.grpc_server import GrpcApp
from crm_chassis.handling import HandlerRuntime
from crm_chassis.inbox import Inbox
from crm_chassis.migrations import upgrade
from marketing.config import SPEC
from marketing.grpc_api.server import build
from marketing.persistence import tables

ADMIN = [("x-crm-user-id", "admin"), ("x-crm-roles", "admin")]
MARKETER = [("x-crm-user-id", "mk1"), ("x-crm-roles", "marketer")]
APPROVER = [("x-crm-user-id", "boss"), ("x-crm-roles", "sales_manager")]


def rep(user: str, *visible: str) -> list[tuple[str, str]]:
    return [
        ("x-crm-user-id", user),
        ("x-crm-roles", "sales_rep"),
        ("x-crm-visible-owners", ",".join(visible or (user,))),
    ]


def cny(minor: int) -> money_pb2.Money:
    return money_pb2.Money(currency_code="CNY", minor_units=minor)


def options(filter: str = "", order_by: str = "", limit: int = 0) -> pb.ListOptions:
    return pb.ListOptions(filter=filter, order_by=order_by, page={"limit": limit})


class Api:
    def __init__(self, database_url: str, *, migrate: bool = True) -> None:
        if migrate:
            upgrade(database_url, SPEC.migrations_dir, echo=lambda *_: None)
        self.engine = make_engine(database_url)
        self.factory = make_session_factory(self.engine)
        register, table = build(None, self.factory)
        self.app = GrpcApp(register=register, error_table=table, host="127.0.0.1", port=0)
        self.app.start()
        self.channel = grpc.insecure_channel(f"127.0.0.1:{self.app.port}")
        self.stub = pb_grpc.MarketingServiceStub(self.channel)
        self.runtime = HandlerRuntime("marketing", Inbox(self.factory, tables.inbox), "amqp://unused", max_attempts=1)

    def close(self) -> None:
        self.channel.close()
        self.app.stop(grace=1)
        self.engine.dispose()

    def event(self, producer: str, event_type: str, payload, aggregate_id: str, version: int = 1) -> str:  # type: ignore[no-untyped-def]
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
        from marketing.events.worker import Worker  # nameko import only where needed

        handler = getattr(Worker, f"on_{envelope.event_type}")
        fake_worker = SimpleNamespace(name="marketing", runtime=self.runtime)
        return handler(fake_worker, json.loads(envelope.to_json()))

    def count(self, table) -> int:  # type: ignore[no-untyped-def]
        with self.factory() as s:
            return s.execute(select(func.count()).select_from(table)).scalar_one()

    def events(self) -> list[tuple[str, dict]]:
        with self.factory() as s:
            rows = s.execute(select(tables.outbox).order_by(tables.outbox.c.id)).all()
        return [(r.event_type, json.loads(r.body)) for r in rows]

    def event_types(self) -> list[str]:
        return [e for e, _ in self.events()]

    # -- shortcuts ---------------------------------------------------------------------------
    def rule(self, name: str, target: str, members: list[str] = (), user: str = "", position: int = 0, **cond):  # type: ignore[no-untyped-def]
        rule = pb.AssignmentRule(
            name=name, target=target, member_ids=list(members), user_id=user, position=position, active=True, **cond
        )
        return self.stub.CreateAssignmentRule(pb.CreateAssignmentRuleRequest(rule=rule), metadata=ADMIN).rule

    def form(self, key: str = "expo-2027", campaign_id: str = "", auto_assign: bool = True) -> pb.Form:
        form = pb.Form(
            key=key,
            name="Expo sign-up",
            campaign_id=campaign_id,
            fields=[
                pb.FormField(name="name", label="Your name", type="text", required=True),
                pb.FormField(name="company", label="Company", type="text"),
                pb.FormField(name="phone", label="Phone", type="phone"),
                pb.FormField(name="email", label="Email", type="email"),
                pb.FormField(name="city", label="City", type="text"),
            ],
            mapping={
                "name": "contact_name",
                "company": "company",
                "phone": "phone",
                "email": "email",
                "city": "region",
            },
            thank_you_message="Thanks, see you at the expo!",
            honeypot_field="website",
            active=True,
            auto_assign=auto_assign,
        )
        return self.stub.CreateForm(pb.CreateFormRequest(form=form), metadata=ADMIN).form

    def submit(self, key: str, **values: str) -> pb.SubmitFormResponse:
        return self.stub.SubmitForm(pb.SubmitFormRequest(form_key=key, values=values))

    def lead(self, **fields) -> pb.Lead:  # type: ignore[no-untyped-def]
        metadata = fields.pop("metadata", MARKETER)
        auto = fields.pop("auto_assign", False)
        return self.stub.CreateLead(
            pb.CreateLeadRequest(lead=pb.LeadFields(**fields), auto_assign=auto), metadata=metadata
        ).lead

    def get(self, lead_id: str) -> pb.Lead:
        return self.stub.GetLead(pb.GetLeadRequest(id=lead_id), metadata=ADMIN).lead


def code_of(err: grpc.RpcError) -> tuple[grpc.StatusCode, str]:
    return err.code(), dict(err.trailing_metadata() or ()).get("x-crm-error-code", "")
