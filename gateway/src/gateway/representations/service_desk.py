"""How service-desk records look on the public API, and the route builders every service-desk area
shares (work orders, visits, complaints, return visits, SLA policies, technicians, knowledge base,
work-order queues).

A record's JSON is its proto message field by field (`gateway.protojson.to_json`: proto field names,
empty strings and unset messages as null, timestamps ISO-8601 UTC), money as
`{"currency": "CNY", "amount": "1234.50"}` exactly as on the sales routes (`sales_json`). Response
models are derived from the proto descriptors. The builders are `gateway.routes.record_routes`
bound to `crm.service_desk.v1.ServiceDeskService`.
"""

from crm.service_desk.v1 import service_desk_service_pb2 as pb
from gateway.representations.sales import StrictModel, model_for, page_model, sales_json
from gateway.routes.record_routes import (
    CREATED_HEADERS,
    UPSTREAM_ERRORS,
    IdPath,
    RecordRoutes,
    body_values,
    filter_with,
    proto,
)

__all__ = [
    "CREATED_HEADERS",
    "UPSTREAM_ERRORS",
    "IdPath",
    "StrictModel",
    "body_values",
    "filter_with",
    "page_model",
    "proto",
]

desk_json = sales_json  # the same rendering: proto fields, money as {currency, amount}

WorkOrder = model_for(pb.WorkOrder.DESCRIPTOR, "WorkOrder")
Visit = model_for(pb.Visit.DESCRIPTOR, "ServiceVisit")
ServiceCharge = model_for(pb.ServiceCharge.DESCRIPTOR, "ServiceCharge")
Complaint = model_for(pb.Complaint.DESCRIPTOR, "Complaint")
ReturnVisit = model_for(pb.ReturnVisit.DESCRIPTOR, "ReturnVisit")
SlaPolicy = model_for(pb.SlaPolicy.DESCRIPTOR, "SlaPolicy")
Technician = model_for(pb.Technician.DESCRIPTOR, "Technician")
Article = model_for(pb.Article.DESCRIPTOR, "KnowledgeArticle")
Entitlement = model_for(pb.Entitlement.DESCRIPTOR, "Entitlement")
CheckedOut = model_for(pb.CheckOutVisitResponse.DESCRIPTOR, "VisitCheckedOut")
ReturnVisitCompleted = model_for(pb.CompleteReturnVisitResponse.DESCRIPTOR, "ReturnVisitCompleted")
SweepCounts = model_for(pb.RunSweepsResponse.DESCRIPTOR, "ServiceDeskSweepCounts")


_routes = RecordRoutes("service_desk", pb.ListOptions, desk_json)
call = _routes.call
answer = _routes.answer
options_of = _routes.list_options
add_list = _routes.add_list
add_get = _routes.add_get
add_create = _routes.add_create
add_patch = _routes.add_patch
add_action = _routes.add_action
