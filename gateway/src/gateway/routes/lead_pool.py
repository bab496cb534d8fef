"""`/v1/lead-pool`: leads without an owner (new and returned), which reps grab with
`POST /v1/leads/{id}/grab`. Needs `lead_pool:view`; pool leads are visible whatever the data scope."""

from fastapi import APIRouter
from pydantic import Field

from crm.marketing.v1 import marketing_service_pb2 as pb
from gateway.list_query import ListQuery
from gateway.representations.marketing import LeadPage
from gateway.route_kit import ID_PATTERN
from gateway.routes.marketing_common import add_list

router = APIRouter(prefix="/v1/lead-pool", tags=["leads"])


class PoolQuery(ListQuery):
    campaign_id: str | None = Field(default=None, pattern=ID_PATTERN)
    source: str | None = Field(default=None, pattern=r"^[a-z_]{1,50}$")


add_list(
    router,
    permission="lead_pool:view",
    rpc="ListLeads",
    build=lambda q, options: pb.ListLeadsRequest(options=options, pool_only=True),
    items_field="leads",
    page_model=LeadPage,
    query_model=PoolQuery,
    summary="The lead pool (newest first)",
    terms=lambda q: {"campaign_id": q.campaign_id, "source": q.source},
)
