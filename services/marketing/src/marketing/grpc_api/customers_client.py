"""The customers service's list, read over gRPC with the caller's identity (CustomerDirectory)."""

from __future__ import annotations

import grpc

from crm.common.v1 import paging_pb2
from crm.customers.v1 import customers_service_pb2 as cpb
from crm.customers.v1 import customers_service_pb2_grpc as cpb_grpc
from crm_chassis import identity
from crm_chassis.errors import InvalidArgument
from marketing.domain.ports import CustomerSummary, DependencyUnavailable

PAGE = 200
DEADLINE = 10.0


class GrpcCustomerDirectory:
    def __init__(self, target: str) -> None:
        self.channel = grpc.insecure_channel(target)
        self.stub = cpb_grpc.CustomersServiceStub(self.channel)

    def matching(self, caller: identity.Caller, filter_text: str, limit: int) -> list[CustomerSummary]:
        """Customers matching the filter in the caller's scope (metadata forwarded), at most `limit`."""
        out: list[CustomerSummary] = []
        cursor = ""
        metadata = identity.to_metadata(caller)
        while len(out) < limit:
            request = cpb.ListCustomersRequest(
                page=paging_pb2.PageRequest(limit=min(PAGE, limit - len(out)), cursor=cursor), filter=filter_text
            )
            try:
                answer = self.stub.ListCustomers(request, metadata=metadata, timeout=DEADLINE)
            except grpc.RpcError as exc:
                if exc.code() == grpc.StatusCode.INVALID_ARGUMENT:
                    raise InvalidArgument(
                        f"customer_filter: {exc.details()}",
                        code="members.customer_filter_invalid",
                        field="customer_filter",
                    ) from None
                raise DependencyUnavailable(
                    f"the customers service did not answer ({exc.code().name})", code="customers.unavailable"
                ) from None
            out += [CustomerSummary(c.id, c.name) for c in answer.customers]
            cursor = answer.page.next_cursor
            if not cursor:
                break
        return out[:limit]
