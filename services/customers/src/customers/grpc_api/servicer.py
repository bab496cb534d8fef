"""CustomersService: proto in, use case, proto out. No rules here."""

from __future__ import annotations

from crm.common.v1 import paging_pb2
from crm.customers.v1 import customers_service_pb2 as pb
from crm.customers.v1 import customers_service_pb2_grpc as pb_grpc
from crm_chassis import identity
from customers.domain import commands
from customers.grpc_api.mapping import customer_to_proto, new_customer_from_proto


class CustomersServicer(pb_grpc.CustomersServiceServicer):
    def __init__(self, uow_factory: commands.UowFactory) -> None:
        self.uow = uow_factory

    def CreateCustomer(self, request, context):  # type: ignore[no-untyped-def]
        customer = commands.create_customer(self.uow, identity.current(), new_customer_from_proto(request))
        return pb.CreateCustomerResponse(customer=customer_to_proto(customer))

    def GetCustomer(self, request, context):  # type: ignore[no-untyped-def]
        customer = commands.get_customer(self.uow, identity.current(), request.id)
        return pb.GetCustomerResponse(customer=customer_to_proto(customer))

    def ListCustomers(self, request, context):  # type: ignore[no-untyped-def]
        page = commands.list_customers(
            self.uow,
            identity.current(),
            limit=request.page.limit,
            cursor=request.page.cursor,
            owner_id=request.owner_id,
        )
        return pb.ListCustomersResponse(
            customers=[customer_to_proto(c) for c in page.items],
            page=paging_pb2.PageResponse(next_cursor=page.next_cursor),
        )
