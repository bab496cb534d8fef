"""`/v1/custom-fields/{entity}`: admin-defined fields of customers and contacts. Values are
validated by the customers service on every write; definitions are read by every signed-in user
(a form needs them)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Request
from pydantic import BaseModel, ConfigDict, Field
from starlette.responses import JSONResponse, Response

from crm.customers.v1 import customers_service_pb2 as pb
from gateway.bodies import json_body, request_body_doc
from gateway.conditional import expected_version
from gateway.identity.policy import CUSTOMERS_VIEW
from gateway.identity.principal import Principal, require
from gateway.openapi import problem_responses
from gateway.protojson import to_json
from gateway.route_kit import (
    ETAG_HEADER_DOC,
    IDEMPOTENCY_PARAMETER,
    PRIVATE,
    idempotent,
    if_match_parameter,
    record_response,
)
from gateway.runtime import runtime_of

router = APIRouter(prefix="/v1/custom-fields/{entity}", tags=["custom fields"])

CUSTOMERS_ADMIN = "customers:admin"
Entity = Annotated[Literal["customer", "contact"], Path(description="`customer` or `contact`")]
Key = Annotated[str, Path(pattern=r"^[a-z][a-z0-9_]{0,39}$", description="Field key")]
_UPSTREAM_ERRORS = (429, 502, 503, 504)


class FieldDefinition(BaseModel):
    entity: str
    key: str
    label: str
    type: str = Field(description="`text`, `number`, `date`, `choice`, `multi_choice` or `boolean`")
    required: bool
    options: list[str]
    version: int
    created_at: str | None
    updated_at: str | None


class FieldDefinitionList(BaseModel):
    items: list[FieldDefinition]


class DefineField(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    key: str = Field(pattern=r"^[a-z][a-z0-9_]{0,39}$", description="Values live under `custom_fields.<key>`")
    label: str = Field(min_length=1, max_length=100)
    type: Literal["text", "number", "date", "choice", "multi_choice", "boolean"]
    required: bool = False
    options: list[str] = Field(default_factory=list, max_length=200)


class ChangeField(BaseModel):
    """The new label, required flag and options (the type cannot change)."""

    model_config = ConfigDict(extra="forbid", strict=True)

    label: str = Field(min_length=1, max_length=100)
    required: bool = False
    options: list[str] = Field(default_factory=list, max_length=200)


def _json(definition: pb.CustomFieldDefinition) -> dict[str, object]:
    out = to_json(definition)
    out["label"] = out["label"] or ""
    return out


@router.get(
    "",
    summary="The custom fields of customers or contacts",
    response_model=FieldDefinitionList,
    responses=problem_responses(400, 401, 403, *_UPSTREAM_ERRORS),
)
async def list_fields(
    request: Request,
    principal: Annotated[Principal, Depends(require(CUSTOMERS_VIEW))],
    entity: Entity,
) -> Response:
    reply = await runtime_of(request).upstreams.call(
        "customers", "ListCustomFields", pb.ListCustomFieldsRequest(entity=entity), principal.caller(request)
    )
    return JSONResponse({"items": [_json(d) for d in reply.definitions]}, headers=PRIVATE)


@router.post(
    "",
    summary="Define a custom field (admin)",
    status_code=201,
    response_model=FieldDefinition,
    responses={
        201: {"description": "Defined", "headers": ETAG_HEADER_DOC},
        **problem_responses(400, 401, 403, 409, 413, 415, 422, *_UPSTREAM_ERRORS),
    },
    openapi_extra={**request_body_doc(DefineField), "parameters": [IDEMPOTENCY_PARAMETER]},
)
async def define_field(
    request: Request,
    principal: Annotated[Principal, Depends(require(CUSTOMERS_ADMIN))],
    entity: Entity,
    body: Annotated[DefineField, Depends(json_body(DefineField))],
) -> Response:
    message = pb.DefineCustomFieldRequest(entity=entity, **body.model_dump())

    async def produce() -> Response:
        reply = await runtime_of(request).upstreams.call(
            "customers", "DefineCustomField", message, principal.caller(request)
        )
        return record_response(_json(reply.definition), reply.definition.version, status=201)

    return await idempotent(request, principal, produce)


@router.put(
    "/{key}",
    summary="Change a custom field's label, required flag and options (admin)",
    response_model=FieldDefinition,
    responses={
        200: {"description": "Changed", "headers": ETAG_HEADER_DOC},
        **problem_responses(400, 401, 403, 404, 409, 412, 413, 415, *_UPSTREAM_ERRORS),
    },
    openapi_extra={**request_body_doc(ChangeField), "parameters": [if_match_parameter(required=False)]},
)
async def change_field(
    request: Request,
    principal: Annotated[Principal, Depends(require(CUSTOMERS_ADMIN))],
    entity: Entity,
    key: Key,
    body: Annotated[ChangeField, Depends(json_body(ChangeField))],
) -> Response:
    version = expected_version(request.headers.get("if-match"), required=False)
    message = pb.UpdateCustomFieldRequest(entity=entity, key=key, expected_version=version, **body.model_dump())
    reply = await runtime_of(request).upstreams.call(
        "customers", "UpdateCustomField", message, principal.caller(request), conditional=version > 0
    )
    return record_response(_json(reply.definition), reply.definition.version)
