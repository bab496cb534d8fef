"""Wires the customers servicer for the chassis gRPC bootstrap."""

from __future__ import annotations

import functools

import grpc
from sqlalchemy.orm import Session, sessionmaker

from crm.customers.v1 import customers_service_pb2 as pb
from crm.customers.v1 import customers_service_pb2_grpc as pb_grpc
from customers.grpc_api.errors import ERROR_TABLE
from customers.grpc_api.servicer import CustomersServicer
from customers.persistence.uow import SqlCustomersUnitOfWork


def build(settings, session_factory: sessionmaker[Session]):  # type: ignore[no-untyped-def]
    """(register(server) -> service names, error table) for GrpcApp."""

    def register(server: grpc.Server) -> list[str]:
        servicer = CustomersServicer(functools.partial(SqlCustomersUnitOfWork, session_factory))
        pb_grpc.add_CustomersServiceServicer_to_server(servicer, server)
        return [pb.DESCRIPTOR.services_by_name["CustomersService"].full_name]

    return register, ERROR_TABLE
