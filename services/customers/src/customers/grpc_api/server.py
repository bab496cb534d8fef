"""Wires the customers servicer for the chassis gRPC bootstrap."""

from __future__ import annotations

import functools
import logging

import grpc
from sqlalchemy.orm import Session, sessionmaker

from crm.customers.v1 import customer_pool_service_pb2 as pool_pb
from crm.customers.v1 import customer_pool_service_pb2_grpc as pool_grpc
from crm.customers.v1 import customers_service_pb2 as pb
from crm.customers.v1 import customers_service_pb2_grpc as pb_grpc
from customers.config import load_customers_settings
from customers.crypto import FieldCrypto
from customers.grpc_api.errors import ERROR_TABLE
from customers.grpc_api.pool_servicer import CustomerPoolServicer
from customers.grpc_api.servicer import CustomersServicer
from customers.grpc_api.views_imports_servicer import register_views_imports
from customers.persistence.uow import SqlCustomersUnitOfWork

log = logging.getLogger("crm.customers")


def build(settings, session_factory: sessionmaker[Session]):  # type: ignore[no-untyped-def]
    """(register(server) -> service names, error table) for GrpcApp.

    Reads CRM_CUSTOMERS_FIELD_KEY (ConfigError if malformed: the process does not start)."""
    own = load_customers_settings()
    for warning in own.local_default_warnings():
        log.warning(warning)
    crypto = FieldCrypto(own.field_key)

    def register(server: grpc.Server) -> list[str]:
        uow_factory = functools.partial(SqlCustomersUnitOfWork, session_factory, crypto=crypto)
        pb_grpc.add_CustomersServiceServicer_to_server(CustomersServicer(uow_factory), server)
        pool_grpc.add_CustomerPoolServiceServicer_to_server(CustomerPoolServicer(uow_factory, own), server)
        return [
            pb.DESCRIPTOR.services_by_name["CustomersService"].full_name,
            pool_pb.DESCRIPTOR.services_by_name["CustomerPoolService"].full_name,
            *register_views_imports(server, session_factory, crypto),
        ]

    return register, ERROR_TABLE
