"""`/v1/work-order-queues/{team}`: the team's unassigned new work orders, oldest first, for
technicians to grab (`POST /v1/work-orders/{id}/grab`). Needs `work_orders:view`."""

from fastapi import APIRouter, Depends, Path, Query, Request
from pydantic import BaseModel, ConfigDict, Field
from starlette.responses import Response

from crm.common.v1 import paging_pb2
from crm.service_desk.v1 import service_desk_service_pb2 as pb
from gateway.identity.principal import Principal, require
from gateway.openapi import problem_responses
from gateway.representations.service_desk import UPSTREAM_ERRORS, WorkOrder, call, desk_json, page_model
from gateway.route_kit import page_response

VIEW = "work_orders:view"

router = APIRouter(prefix="/v1/work-order-queues", tags=["work orders"])


class QueueQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    limit: int = Field(default=50, ge=1, le=200, description="Page size, 1..200")
    cursor: str | None = Field(default=None, min_length=1, max_length=1024, description="From `next_cursor`")


async def team_queue(
    request: Request,
    team: str = Path(pattern=r"^[A-Za-z0-9_-]{1,64}$", description="Team name"),
    query: QueueQuery = Query(),
    principal: Principal = Depends(require(VIEW)),
) -> Response:
    message = pb.ListQueueRequest(team=team, page=paging_pb2.PageRequest(limit=query.limit, cursor=query.cursor or ""))
    reply = await call(request, principal, "ListQueue", message, field_location="query")
    return page_response([desk_json(w) for w in reply.work_orders], reply.page.next_cursor)


router.add_api_route(
    "/{team}",
    team_queue,
    methods=["GET"],
    summary="The team's queue: unassigned new work orders, oldest first",
    response_model=page_model(WorkOrder, "WorkOrderQueuePage"),
    responses=problem_responses(400, 401, 403, *UPSTREAM_ERRORS),
)
