"""Proto <-> domain translation for the customers API."""

from __future__ import annotations

from google.protobuf.timestamp_pb2 import Timestamp

from crm.customers.v1 import customers_service_pb2 as pb
from customers.domain.customer import Customer, NewCustomer


def _ts(value) -> Timestamp:  # type: ignore[no-untyped-def]
    ts = Timestamp()
    ts.FromDatetime(value)
    return ts


def customer_to_proto(c: Customer) -> pb.Customer:
    return pb.Customer(
        id=c.id,
        name=c.name,
        owner_id=c.owner_id,
        level=c.level,
        industry=c.industry,
        phone=c.phone,
        email=c.email,
        version=c.version,
        created_at=_ts(c.created_at),
        updated_at=_ts(c.updated_at),
        created_by=c.created_by,
    )


def new_customer_from_proto(req: pb.CreateCustomerRequest) -> NewCustomer:
    return NewCustomer(
        name=req.name,
        owner_id=req.owner_id,
        level=req.level,
        industry=req.industry,
        phone=req.phone,
        email=req.email,
    )
