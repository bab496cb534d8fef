"""Wires the marketing gRPC API (no RPCs yet: health and reflection only)."""

from __future__ import annotations

import grpc
from sqlalchemy.orm import Session, sessionmaker

from crm.marketing.v1 import marketing_service_pb2 as pb
from crm.marketing.v1 import marketing_service_pb2_grpc as pb_grpc
from marketing.grpc_api.errors import ERROR_TABLE


def build(settings, session_factory: sessionmaker[Session]):  # type: ignore[no-untyped-def]
    """(register(server) -> service names, error table) for GrpcApp."""

    def register(server: grpc.Server) -> list[str]:
        pb_grpc.add_MarketingServiceServicer_to_server(pb_grpc.MarketingServiceServicer(), server)
        return [pb.DESCRIPTOR.services_by_name["MarketingService"].full_name]

    return register, ERROR_TABLE
