"""The FastAPI application factory."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from starlette.middleware.cors import CORSMiddleware

from gateway import __version__
from gateway.config import Settings, load_settings
from gateway.middleware import BodyLimitMiddleware, RequestContextMiddleware
from gateway.openapi import install_openapi
from gateway.problems import install_handlers
from gateway.routes import (
    activities,
    approvals,
    assignment_rules,
    audit_log,
    auth,
    callcenter,
    campaigns,
    complaints,
    contacts,
    contracts,
    custom_fields,
    customer_imports,
    customer_overview,
    customer_pool,
    customer_sharing,
    customer_views,
    customers,
    dashboards,
    explain,
    exports,
    forms,
    health,
    invoices,
    knowledge_base,
    lead_imports,
    lead_pool,
    leads,
    notifications,
    opportunities,
    orders,
    organisation,
    payments,
    products,
    public_forms,
    quotes,
    recycle_bin,
    report_definitions,
    reports,
    return_visits,
    roles,
    sales_settings,
    sla_policies,
    targets,
    technicians,
    users,
    visits,
    work_order_queues,
    work_orders,
)
from gateway.runtime import Runtime

DESCRIPTION = """\
The CRM suite's public HTTP API. Sign in with `POST /v1/auth/login`, then send
`Authorization: Bearer <access_token>`.

Conventions: errors are RFC 9457 `application/problem+json` with a stable `code`; lists are
`{"items": [...], "next_cursor": ...}` with `?limit=&cursor=`; records carry an `ETag`
(their version); `POST` accepts an `Idempotency-Key`; rate limits answer `429` with
`Retry-After`; every response echoes `X-Request-ID`.
"""

OPENAPI_TAGS = [
    {"name": "auth", "description": "Tokens"},
    {"name": "customers", "description": "The customer file: customers, sharing, recycle bin, exports"},
    {"name": "contacts", "description": "People at a customer"},
    {"name": "activities", "description": "The follow-up log of a customer"},
    {"name": "notifications", "description": "Your notification inbox and its live stream (Server-Sent Events)"},
    {"name": "customer 360", "description": "A customer with every related module at once; the call-center screen pop"},
    {"name": "custom fields", "description": "Admin-defined fields of customers and contacts"},
    {"name": "products", "description": "The sales catalogue: products, price lists, price resolution"},
    {"name": "opportunities", "description": "Deals through their stages to won or lost"},
    {"name": "quotes", "description": "Priced quotes, special-price approval, PDF"},
    {"name": "orders", "description": "Orders from accepted quotes or won opportunities"},
    {"name": "contracts", "description": "Contracts with approval, signature, coverage, PDF"},
    {"name": "payments", "description": "Payment plans of contracts (or of orders without one) and receipts"},
    {"name": "invoices", "description": "Invoices against contracts, orders or receipts"},
    {"name": "targets", "description": "Sales targets per month, metric and company / department / user"},
    {"name": "sales settings", "description": "Stages, thresholds, approval flows, time zone and tax of sales"},
    {"name": "approvals", "description": "The approval inbox: quotes, contracts, receipts, invoices"},
    {"name": "work orders", "description": "After-sale work orders: entitlement, SLA, dispatch, team queues"},
    {"name": "visits", "description": "On-site visits: check-in / check-out, parts, labour, charges"},
    {"name": "complaints", "description": "Complaints with deadlines, handling steps and escalation"},
    {"name": "return visits", "description": "Satisfaction calls after service and after delivery"},
    {"name": "SLA policies", "description": "Response and resolution targets by priority and classification"},
    {"name": "technicians", "description": "Field technicians: skills, capacity, location"},
    {"name": "knowledge base", "description": "Problem / solution articles"},
    {"name": "reports", "description": "Read-only reports"},
    {"name": "organisation", "description": "Users, departments, positions, groups, roles, audit log (admin)"},
    {"name": "health", "description": "Probes"},
]


CORS_METHODS = ("GET", "POST", "PATCH", "PUT", "DELETE", "OPTIONS")
CORS_REQUEST_HEADERS = (
    "Authorization",
    "Content-Type",
    "Idempotency-Key",
    "If-Match",
    "If-None-Match",
    "X-Request-ID",
    "X-Correlation-ID",
)
CORS_EXPOSED_HEADERS = (
    "ETag",
    "Location",
    "Retry-After",
    "Idempotency-Replayed",
    "RateLimit-Limit",
    "RateLimit-Remaining",
    "RateLimit-Reset",
    "X-Request-ID",
    "X-Correlation-ID",
)


def create_app(settings: Settings | None = None, *, runtime: Runtime | None = None) -> FastAPI:
    """A gateway app; resources (channels, Redis) open in its lifespan and close after it."""
    settings = settings or load_settings()
    rt = runtime or Runtime(settings)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        await rt.start()
        try:
            yield
        finally:
            await rt.close()

    app = FastAPI(
        title="CRM gateway",
        version=__version__,
        description=DESCRIPTION,
        openapi_tags=OPENAPI_TAGS,
        lifespan=lifespan,
        redirect_slashes=False,
        docs_url="/docs",
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.runtime = rt
    install_handlers(app)
    for module in (
        health,
        auth,
        customers,
        customer_overview,
        callcenter,
        notifications,
        customer_pool,
        customer_views,
        customer_imports,
        contacts,
        activities,
        customer_sharing,
        custom_fields,
        recycle_bin,
        exports,
        products,
        opportunities,
        quotes,
        orders,
        contracts,
        payments,
        invoices,
        targets,
        sales_settings,
        approvals,
        reports,
        report_definitions,
        dashboards,
        organisation,
        roles,
        users,
        audit_log,
        explain,
        work_orders,
        work_order_queues,
        visits,
        complaints,
        return_visits,
        sla_policies,
        technicians,
        knowledge_base,
        # marketing (issue 5)
        campaigns,
        leads,
        lead_pool,
        assignment_rules,
        forms,
        public_forms,
        lead_imports,
    ):
        app.include_router(module.router)
    # Areas with more than one router (sales: price lists and price resolution, payment plans).
    for extra in (products.price_lists, products.prices, payments.plans, payments.order_plans, visits.by_work_order):
        app.include_router(extra)
    install_openapi(app)
    # Added last = outermost: ids, logs and metrics wrap everything, the body limit included.
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    if origins := settings.cors_origin_list():
        app.add_middleware(
            CORSMiddleware,
            allow_origins=origins,
            allow_methods=list(CORS_METHODS),
            allow_headers=list(CORS_REQUEST_HEADERS),
            expose_headers=list(CORS_EXPOSED_HEADERS),
            max_age=600,
        )
    app.add_middleware(RequestContextMiddleware, metrics=rt.metrics)
    return app
