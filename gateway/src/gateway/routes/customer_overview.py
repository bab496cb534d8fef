"""`/v1/customers/{id}/overview` (the web detail page's 360 view) and
`/v1/callcenter/screen-pop?phone=` (what an agent sees when a call comes in): the customer and the
latest records of every related module, fetched from the services in parallel within a deadline.
A section whose service is down answers `unavailable` and the rest is still returned."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from pydantic import BaseModel, Field
from starlette.responses import JSONResponse, Response

from crm.customers.v1 import customers_service_pb2 as pb
from gateway.fanout import gather_sections
from gateway.identity.policy import CUSTOMERS_VIEW
from gateway.identity.principal import Principal, require
from gateway.openapi import problem_responses
from gateway.overview_sections import OVERVIEW, SCREEN_POP
from gateway.representations.customers import contact_json, customer_json
from gateway.route_kit import ID_PATTERN, PRIVATE, upstream_call
from gateway.runtime import runtime_of

router = APIRouter(tags=["customer 360"])
# Digits with the usual separators, optionally an extension (`ext 12`, `x12`, `#12`, `转12`).
PHONE_PATTERN = r"^[0-9+()\-. ]{3,30}( ?(ext\.?|x|#|转) ?[0-9]{1,6})?$"
_call = upstream_call("customers")


class SectionAnswer(BaseModel):
    status: str = Field(description="`ok`, `unavailable` (service down or past the deadline) or `forbidden`")
    reason: str | None = Field(default=None, description="Why a section is unavailable")
    count: int | None = Field(default=None, description="How many records the section carries")
    items: list[dict[str, Any]]
    link: str = Field(description="The full list of this module for the customer")


class Overview(BaseModel):
    customer: dict[str, Any]
    sections: dict[str, SectionAnswer]


class ScreenPop(BaseModel):
    phone: str
    customer: dict[str, Any] | None = Field(description="The best match (null for an unknown number)")
    matched_contacts: list[dict[str, Any]] = Field(description="Contacts holding the number")
    other_customers: list[dict[str, Any]] = Field(description="Further customers holding the number")
    sections: dict[str, SectionAnswer]


async def _sections(request: Request, principal: Principal, customer_id: str, which: tuple) -> dict[str, Any]:
    deadline = runtime_of(request).settings.fanout_deadline_seconds
    return await gather_sections(request, principal, customer_id, which, deadline=deadline)


@router.get(
    "/v1/customers/{customer_id}/overview",
    summary="The customer with the latest records of every related module (each section links to its list)",
    response_model=Overview,
    responses=problem_responses(400, 401, 403, 404, 429, 502, 503, 504),
)
async def customer_overview(
    request: Request,
    principal: Annotated[Principal, Depends(require(CUSTOMERS_VIEW))],
    customer_id: Annotated[str, Path(pattern=ID_PATTERN)],
) -> Response:
    reply = await _call(request, principal, "GetCustomer", pb.GetCustomerRequest(id=customer_id))
    sections = await _sections(request, principal, customer_id, OVERVIEW)
    return JSONResponse({"customer": customer_json(reply.customer, principal), "sections": sections}, headers=PRIVATE)


@router.get(
    "/v1/callcenter/screen-pop",
    summary="Who is calling: the customer holding the number, its contacts, deals, orders, contracts, activities",
    response_model=ScreenPop,
    responses=problem_responses(400, 401, 403, 429, 502, 503, 504),
)
async def screen_pop(
    request: Request,
    principal: Annotated[Principal, Depends(require(CUSTOMERS_VIEW))],
    phone: Annotated[
        str,
        Query(
            min_length=3,
            max_length=40,
            pattern=PHONE_PATTERN,
            description="The calling number in any common format (digits, spaces, + - ( ) . and an extension)",
        ),
    ],
) -> Response:
    found = await _call(request, principal, "FindByPhone", pb.FindByPhoneRequest(phone=phone), field_location="query")
    customers = list(found.customers)
    by_contact = {c.customer_id for c in found.contacts}
    # A customer whose own number matched comes before one matched through a contact.
    customers.sort(key=lambda c: c.id in by_contact)
    best = customers[0] if customers else None
    sections = await _sections(request, principal, best.id, SCREEN_POP) if best is not None else {}
    body = {
        "phone": phone,
        "customer": customer_json(best, principal) if best is not None else None,
        "matched_contacts": [contact_json(c, principal) for c in found.contacts],
        "other_customers": [customer_json(c, principal) for c in customers[1:]],
        "sections": sections,
    }
    return JSONResponse(body, headers=PRIVATE)
