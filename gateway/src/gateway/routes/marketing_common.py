"""Route builders shared by the marketing areas (campaigns, leads, the lead pool, assignment
rules, forms): `gateway.routes.record_routes` bound to `crm.marketing.v1.MarketingService`.
An action's permission may be a tuple: the caller needs any one of them (assigning a lead is
`lead_pool:transfer` for a sales manager, `leads:transfer` for a marketer)."""

from crm.marketing.v1 import marketing_service_pb2 as pb
from gateway.representations.marketing import marketing_json
from gateway.routes.record_routes import (
    CREATED_HEADERS,
    UPSTREAM_ERRORS,
    IdPath,
    Permission,
    RecordRoutes,
    body_values,
    filter_with,
    proto,
    require_any,
)

__all__ = [
    "CREATED_HEADERS",
    "UPSTREAM_ERRORS",
    "IdPath",
    "Permission",
    "body_values",
    "filter_with",
    "proto",
    "require_any",
]

_routes = RecordRoutes("marketing", pb.ListOptions, marketing_json)
call = _routes.call
answer = _routes.answer
list_options = _routes.list_options
add_list = _routes.add_list
add_get = _routes.add_get
add_create = _routes.add_create
add_patch = _routes.add_patch
add_action = _routes.add_action
