"""Wires the sales servicer for the chassis gRPC bootstrap."""

from __future__ import annotations

import functools

import grpc
from sqlalchemy.orm import Session, sessionmaker

from crm.sales.v1 import sales_service_pb2 as pb
from crm.sales.v1 import sales_service_pb2_grpc as pb_grpc
from sales.documents.pdf import load_template
from sales.grpc_api.errors import ERROR_TABLE
from sales.grpc_api.servicer import SalesServicer
from sales.persistence.uow import SqlSalesUnitOfWork


def build(settings, session_factory: sessionmaker[Session]):  # type: ignore[no-untyped-def]
    """(register(server) -> service names, error table) for GrpcApp."""
    template = load_template()  # fail fast on a broken template

    def register(server: grpc.Server) -> list[str]:
        servicer = SalesServicer(functools.partial(SqlSalesUnitOfWork, session_factory), template)
        pb_grpc.add_SalesServiceServicer_to_server(servicer, server)
        return [pb.DESCRIPTOR.services_by_name["SalesService"].full_name]

    return register, ERROR_TABLE
