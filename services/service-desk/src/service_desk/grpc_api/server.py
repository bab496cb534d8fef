"""Wires the service-desk gRPC API (no RPCs yet: health and reflection only)."""

from __future__ import annotations

import grpc
from sqlalchemy.orm import Session, sessionmaker

from crm.service_desk.v1 import service_desk_service_pb2 as pb
from crm.service_desk.v1 import service_desk_service_pb2_grpc as pb_grpc
from service_desk.grpc_api.errors import ERROR_TABLE


def build(settings, session_factory: sessionmaker[Session]):  # type: ignore[no-untyped-def]
    """(register(server) -> service names, error table) for GrpcApp."""

    def register(server: grpc.Server) -> list[str]:
        pb_grpc.add_ServiceDeskServiceServicer_to_server(pb_grpc.ServiceDeskServiceServicer(), server)
        return [pb.DESCRIPTOR.services_by_name["ServiceDeskService"].full_name]

    return register, ERROR_TABLE
