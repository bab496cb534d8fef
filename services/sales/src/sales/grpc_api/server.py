"""Wires the sales gRPC API (no RPCs yet: health and reflection only)."""

from __future__ import annotations

import grpc
from sqlalchemy.orm import Session, sessionmaker

from crm.sales.v1 import sales_service_pb2 as pb
from crm.sales.v1 import sales_service_pb2_grpc as pb_grpc
from sales.grpc_api.errors import ERROR_TABLE


def build(settings, session_factory: sessionmaker[Session]):  # type: ignore[no-untyped-def]
    """(register(server) -> service names, error table) for GrpcApp."""

    def register(server: grpc.Server) -> list[str]:
        pb_grpc.add_SalesServiceServicer_to_server(pb_grpc.SalesServiceServicer(), server)
        return [pb.DESCRIPTOR.services_by_name["SalesService"].full_name]

    return register, ERROR_TABLE
