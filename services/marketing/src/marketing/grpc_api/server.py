"""Wires the marketing servicer for the chassis gRPC bootstrap."""

from __future__ import annotations

import functools

import grpc
from sqlalchemy.orm import Session, sessionmaker

from crm.marketing.v1 import marketing_service_pb2 as pb
from crm.marketing.v1 import marketing_service_pb2_grpc as pb_grpc
from marketing.config import load_marketing
from marketing.grpc_api.customers_client import GrpcCustomerDirectory
from marketing.grpc_api.errors import ERROR_TABLE
from marketing.grpc_api.servicer import MarketingServicer
from marketing.persistence.uow import SqlMarketingUnitOfWork


def build(settings, session_factory: sessionmaker[Session]):  # type: ignore[no-untyped-def]
    """(register(server) -> service names, error table) for GrpcApp."""
    env = load_marketing()  # fail fast on a bad setting

    def register(server: grpc.Server) -> list[str]:
        servicer = MarketingServicer(
            functools.partial(SqlMarketingUnitOfWork, session_factory),
            env.business(),
            GrpcCustomerDirectory(env.customers_target),
        )
        pb_grpc.add_MarketingServiceServicer_to_server(servicer, server)
        return [pb.DESCRIPTOR.services_by_name["MarketingService"].full_name]

    return register, ERROR_TABLE
