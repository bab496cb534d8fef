"""The sections of a customer's 360 view and of the call-center screen pop: which service answers
each, with what request, rendered through which field rules (gateway.fanout runs them)."""

from __future__ import annotations

from typing import Any

from crm.common.v1 import paging_pb2
from crm.customers.v1 import customers_service_pb2 as cpb
from crm.marketing.v1 import marketing_service_pb2 as mpb
from crm.sales.v1 import sales_service_pb2 as spb
from crm.service_desk.v1 import service_desk_service_pb2 as dpb
from gateway.fanout import Section
from gateway.identity.policy import CUSTOMERS_VIEW
from gateway.identity.principal import Principal
from gateway.representations.customers import activity_json, contact_json
from gateway.representations.sales import sales_json

# How many of the latest records each section carries (the link leads to the full list).
LATEST = 5


def _page() -> paging_pb2.PageRequest:
    return paging_pb2.PageRequest(limit=LATEST)


def _listed(request_type: type, options_type: type, filter_text: str) -> Any:
    """A List request of the latest records matching `filter_text` (`{id}`: the customer)."""

    def build(customer_id: str) -> Any:
        return request_type(
            options=options_type(page=_page(), filter=filter_text.format(id=customer_id), order_by="created_at desc")
        )

    return build


def _sales_list(request_type: type, filter_text: str) -> Any:
    return _listed(request_type, spb.ListOptions, filter_text)


def _desk_list(request_type: type, filter_text: str) -> Any:
    return _listed(request_type, dpb.ListOptions, filter_text)


def _items(field: str, render: Any) -> Any:
    def out(reply: Any, principal: Principal) -> list[dict[str, Any]]:
        return [render(item, principal) for item in getattr(reply, field)]

    return out


def _sales(item: Any, _: Principal) -> dict[str, Any]:
    return sales_json(item)


CONTACTS = Section(
    "contacts",
    CUSTOMERS_VIEW,
    "customers",
    "ListContacts",
    lambda cid: cpb.ListContactsRequest(customer_id=cid, page=_page()),
    _items("contacts", contact_json),
    "/v1/customers/{id}/contacts",
)
ACTIVITIES = Section(
    "activities",
    CUSTOMERS_VIEW,
    "customers",
    "ListActivities",
    lambda cid: cpb.ListActivitiesRequest(customer_id=cid, page=_page()),
    _items("activities", lambda a, _: activity_json(a)),
    "/v1/customers/{id}/activities",
)
OPEN_OPPORTUNITIES = Section(
    "opportunities",
    "opportunities:view",
    "sales",
    "ListOpportunities",
    _sales_list(spb.ListOpportunitiesRequest, 'customer_id = "{id}" AND status = "open"'),
    _items("opportunities", _sales),
    "/v1/opportunities?customer_id={id}&status=open",
)
QUOTES = Section(
    "quotes",
    "quotes:view",
    "sales",
    "ListQuotes",
    _sales_list(spb.ListQuotesRequest, 'customer_id = "{id}"'),
    _items("quotes", _sales),
    "/v1/quotes?customer_id={id}",
)
RECENT_ORDERS = Section(
    "orders",
    "orders:view",
    "sales",
    "ListOrders",
    _sales_list(spb.ListOrdersRequest, 'customer_id = "{id}"'),
    _items("orders", _sales),
    "/v1/orders?customer_id={id}",
)
ACTIVE_CONTRACTS = Section(
    "contracts",
    "contracts:view",
    "sales",
    "ListContracts",
    _sales_list(spb.ListContractsRequest, 'customer_id = "{id}" AND status = "active"'),
    _items("contracts", _sales),
    "/v1/contracts?customer_id={id}&status=active",
)
RECEIVABLES = Section(
    "receivables",
    "payments:view",
    "sales",
    "ListPaymentPlans",
    _sales_list(spb.ListPaymentPlansRequest, 'customer_id = "{id}"'),
    _items("plans", _sales),
    "/v1/receipts?customer_id={id}",
)

OPEN_WORK_ORDERS = Section(
    "work_orders",
    "work_orders:view",
    "service_desk",
    "ListWorkOrders",
    _desk_list(dpb.ListWorkOrdersRequest, 'customer_id = "{id}" AND status != "closed"'),
    _items("work_orders", _sales),
    "/v1/work-orders?customer_id={id}",
)
COMPLAINTS = Section(
    "complaints",
    "complaints:view",
    "service_desk",
    "ListComplaints",
    _desk_list(dpb.ListComplaintsRequest, 'customer_id = "{id}"'),
    _items("complaints", _sales),
    "/v1/complaints?customer_id={id}",
)
RETURN_VISITS = Section(
    "return_visits",
    "return_visits:view",
    "service_desk",
    "ListReturnVisits",
    _desk_list(dpb.ListReturnVisitsRequest, 'customer_id = "{id}"'),
    _items("return_visits", _sales),
    "/v1/return-visits?customer_id={id}",
)
ORIGINATING_LEADS = Section(
    "leads",
    "leads:view",
    "marketing",
    "ListLeads",
    _listed(mpb.ListLeadsRequest, mpb.ListOptions, 'converted_customer_id = "{id}"'),
    _items("leads", _sales),
    "/v1/leads?filter=converted_customer_id%3D%22{id}%22",
)

# What an agent needs while the customer is on the line.
SCREEN_POP = (
    CONTACTS,
    ACTIVITIES,
    OPEN_OPPORTUNITIES,
    RECENT_ORDERS,
    ACTIVE_CONTRACTS,
    OPEN_WORK_ORDERS,
    COMPLAINTS,
)
# The web detail page: every related module.
OVERVIEW = (
    CONTACTS,
    ACTIVITIES,
    OPEN_OPPORTUNITIES,
    QUOTES,
    RECENT_ORDERS,
    ACTIVE_CONTRACTS,
    RECEIVABLES,
    OPEN_WORK_ORDERS,
    COMPLAINTS,
    RETURN_VISITS,
    ORIGINATING_LEADS,
)
