"""`/v1/technicians`: field technicians with skills, team, capacity, working days and current
location (`POST /{id}/location`). `technicians:view` reads; creating, changing and location updates
need `technicians:create` / `technicians:edit`."""

from typing import Annotated

from fastapi import APIRouter
from pydantic import Field

from crm.service_desk.v1 import service_desk_service_pb2 as pb
from gateway.list_query import ListQuery
from gateway.representations.service_desk import (
    StrictModel,
    Technician,
    add_action,
    add_create,
    add_get,
    add_list,
    add_patch,
    body_values,
    page_model,
    proto,
)
from gateway.route_kit import ID_PATTERN

VIEW, CREATE, EDIT = "technicians:view", "technicians:create", "technicians:edit"
SKILL = r"^[a-z0-9_.-]{1,40}$"
TEAM = r"^[A-Za-z0-9_-]{1,64}$"

# ISO weekday: 1 = Monday .. 7 = Sunday.
Weekday = Annotated[int, Field(ge=1, le=7)]
router = APIRouter(prefix="/v1/technicians", tags=["technicians"])


class TechnicianPatch(StrictModel):
    name: str | None = Field(default=None, min_length=1, max_length=200)
    team: str | None = Field(default=None, pattern=TEAM)
    skills: list[str] | None = Field(default=None, max_length=50)
    capacity: int | None = Field(default=None, ge=1, le=100)
    working_days: list[Weekday] | None = Field(default=None, max_length=7)
    active: bool | None = None
    manager_id: str | None = Field(default=None, pattern=ID_PATTERN)


class TechnicianCreate(StrictModel):
    name: str = Field(min_length=1, max_length=200)
    team: str = Field(pattern=TEAM)
    skills: list[str] = Field(max_length=50, description="e.g. repair, installation, maintenance")
    capacity: int | None = Field(default=None, ge=1, le=100, description="Open work orders at once; default 5")
    working_days: list[Weekday] | None = Field(default=None, max_length=7, description="ISO weekdays; default 1-5")
    user_id: str | None = Field(default=None, pattern=ID_PATTERN, description="The user acting as this technician")
    manager_id: str | None = Field(default=None, pattern=ID_PATTERN, description="Notified of SLA breaches")
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)

    model_config = {"extra": "forbid", "strict": False}


class LocationBody(StrictModel):
    latitude: float = Field(ge=-90, le=90)
    longitude: float = Field(ge=-180, le=180)

    model_config = {"extra": "forbid", "strict": False}


class TechnicianQuery(ListQuery):
    team: str | None = Field(default=None, pattern=TEAM)
    active: bool | None = None


add_list(
    router,
    permission=VIEW,
    rpc="ListTechnicians",
    request_type=pb.ListTechniciansRequest,
    items_field="technicians",
    page_model=page_model(Technician, "TechnicianPage"),
    query_model=TechnicianQuery,
    summary="List technicians (with their open work orders)",
    terms=lambda q: {"team": q.team, **({"active": q.active} if q.active is not None else {})},
)
add_create(
    router,
    permission=CREATE,
    rpc="CreateTechnician",
    body_model=TechnicianCreate,
    build=lambda b: pb.CreateTechnicianRequest(technician=proto(pb.Technician, body_values(b))),
    reply_field="technician",
    model=Technician,
    summary="Add a technician",
    location="/v1/technicians",
)
add_get(
    router,
    permission=VIEW,
    rpc="GetTechnician",
    request_type=pb.GetTechnicianRequest,
    reply_field="technician",
    model=Technician,
    summary="Get one technician",
)
add_patch(
    router,
    permission=EDIT,
    rpc="UpdateTechnician",
    request_type=pb.UpdateTechnicianRequest,
    body_model=TechnicianPatch,
    reply_field="technician",
    model=Technician,
    summary="Change a technician (If-Match required)",
)
add_action(
    router,
    "location",
    permission=EDIT,
    rpc="UpdateTechnicianLocation",
    body_model=LocationBody,
    reply_field="technician",
    model=Technician,
    build=lambda i, b, v: proto(pb.UpdateTechnicianLocationRequest, {"id": i, **body_values(b)}),
    summary="Update the technician's current location",
)
