"""Wires the reporting servicer for the chassis gRPC bootstrap."""

from __future__ import annotations

import functools

import grpc
from sqlalchemy.orm import Session, sessionmaker

from crm.reporting.v1 import reporting_service_pb2 as pb
from crm.reporting.v1 import reporting_service_pb2_grpc as pb_grpc
from crm_chassis.db import read_transaction, transaction
from reporting.config import reporting_settings
from reporting.grpc_api.errors import ERROR_TABLE
from reporting.grpc_api.servicer import ReportingServicer


def build(settings, session_factory: sessionmaker[Session]):  # type: ignore[no-untyped-def]
    """(register(server) -> service names, error table) for GrpcApp."""
    zone = reporting_settings().org_timezone

    def register(server: grpc.Server) -> list[str]:
        pb_grpc.add_ReportingServiceServicer_to_server(
            ReportingServicer(
                functools.partial(read_transaction, session_factory),
                zone,
                functools.partial(transaction, session_factory),
            ),
            server,
        )
        return [pb.DESCRIPTOR.services_by_name["ReportingService"].full_name]

    return register, ERROR_TABLE
