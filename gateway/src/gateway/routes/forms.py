"""`/v1/forms`: web forms for lead capture — fields, the mapping of each field to a lead field,
the campaign, the thank-you message and the honeypot field. Public submissions go to
`POST /v1/public/forms/{key}/submissions`. `PUT /{id}` replaces a form (its key stays)."""

from typing import Literal

from fastapi import APIRouter
from pydantic import Field

from crm.marketing.v1 import marketing_service_pb2 as pb
from gateway.list_query import ListQuery
from gateway.representations.marketing import Form, FormPage
from gateway.representations.sales import StrictModel
from gateway.route_kit import ID_PATTERN
from gateway.routes.marketing_common import add_create, add_get, add_list, add_patch, body_values, proto

VIEW, CREATE, EDIT = "forms:view", "forms:create", "forms:edit"
LeadField = Literal[
    "company", "contact_name", "title", "phone", "email", "region", "industry", "product_interest", "notes"
]

router = APIRouter(prefix="/v1/forms", tags=["leads"])


class FormFieldIn(StrictModel):
    name: str = Field(pattern=r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")
    label: str | None = Field(default=None, max_length=200)
    type: Literal["text", "email", "phone", "textarea", "select"] = "text"
    required: bool = False
    max_length: int | None = Field(default=None, ge=1, le=4000)
    options: list[str] = Field(default_factory=list, max_length=100)


class FormIn(StrictModel):
    key: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{2,62}$", description="Public key (fixed after creation)")
    name: str = Field(min_length=1, max_length=200)
    campaign_id: str | None = Field(default=None, pattern=ID_PATTERN)
    fields: list[FormFieldIn] = Field(min_length=1, max_length=40)
    mapping: dict[str, LeadField] = Field(description="Form field name -> lead field")
    thank_you_message: str | None = Field(default=None, max_length=2000)
    honeypot_field: str | None = Field(default=None, pattern=r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")
    active: bool = True
    auto_assign: bool = Field(default=True, description="Assign by the rules (else every lead goes to the pool)")


class FormQuery(ListQuery):
    active: bool | None = None
    campaign_id: str | None = Field(default=None, pattern=ID_PATTERN)


add_list(
    router,
    permission=VIEW,
    rpc="ListForms",
    build=lambda q, options: pb.ListFormsRequest(options=options),
    items_field="forms",
    page_model=FormPage,
    query_model=FormQuery,
    summary="List the web forms",
    terms=lambda q: {"active": q.active, "campaign_id": q.campaign_id},
)
add_create(
    router,
    permission=CREATE,
    rpc="CreateForm",
    body_model=FormIn,
    build=lambda b: pb.CreateFormRequest(form=proto(pb.Form, body_values(b))),
    reply_field="form",
    model=Form,
    summary="Create a web form (409 `form.key_taken` when the key is used)",
    location="/v1/forms",
)
add_get(
    router,
    permission=VIEW,
    rpc="GetForm",
    request_type=pb.GetFormRequest,
    reply_field="form",
    model=Form,
    summary="Get one form (by id or key)",
)
add_patch(
    router,
    permission=EDIT,
    rpc="UpdateForm",
    build=lambda id, version, body, paths: pb.UpdateFormRequest(
        id=id, expected_version=version, form=proto(pb.Form, body_values(body))
    ),
    body_model=FormIn,
    reply_field="form",
    model=Form,
    summary="Replace a form (If-Match required; the key stays)",
    method="PUT",
)
