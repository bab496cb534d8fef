"""Wires the service-desk servicer for the chassis gRPC bootstrap."""

from __future__ import annotations

import functools

import grpc
from sqlalchemy.orm import Session, sessionmaker

from crm.service_desk.v1 import service_desk_service_pb2 as pb
from crm.service_desk.v1 import service_desk_service_pb2_grpc as pb_grpc
from service_desk.config import desk_settings
from service_desk.grpc_api.errors import ERROR_TABLE
from service_desk.grpc_api.servicer import ServiceDeskServicer
from service_desk.persistence.uow import SqlServiceDeskUnitOfWork


def build(settings, session_factory: sessionmaker[Session]):  # type: ignore[no-untyped-def]
    """(register(server) -> service names, error table) for GrpcApp; the desk settings are read (and
    validated) here, so a bad variable stops the process before it serves."""
    desk = desk_settings()

    def register(server: grpc.Server) -> list[str]:
        servicer = ServiceDeskServicer(functools.partial(SqlServiceDeskUnitOfWork, session_factory), desk)
        pb_grpc.add_ServiceDeskServiceServicer_to_server(servicer, server)
        return [pb.DESCRIPTOR.services_by_name["ServiceDeskService"].full_name]

    return register, ERROR_TABLE
