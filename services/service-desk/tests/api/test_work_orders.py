"""Work orders through the real gRPC API: entitlement from the local copies, dispatch, the status
machine, visits and charges, return visits and complaints, SLA breaches, bad input."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import grpc
import pytest
from desk_support import ADMIN, code_of, stamp

from crm.service_desk.v1 import service_desk_service_pb2 as pb
from service_desk.persistence import tables


def test_entitlement_follows_warranty_then_contract_then_billable(api):
    api.customer("c1")
    api.order_fulfilled("o1", "c1", [("p1", 12)])
    first = api.work_order("c1", product_id="p1")
    assert first.entitlement.decision == "in_warranty"
    assert "12 months warranty" in first.entitlement.reason
    assert first.order_id == "o1"

    api.contract("contract_activated", "k1", "c1", status="active", order_ids=["o1"], coverage=[("p1", "2099-01-01")])
    assert api.work_order("c1", product_id="p1").entitlement.decision == "covered_by_contract"

    api.contract("contract_terminated", "k1", "c1", status="terminated", order_ids=["o1"], version=6)
    after = api.work_order("c1", product_id="p1")
    assert after.entitlement.decision == "billable"
    assert "contract k1" in after.entitlement.reason
    # an older contract event (redelivered out of order) changes nothing
    api.contract("contract_activated", "k1", "c1", status="active", order_ids=["o1"], version=5)
    assert api.work_order("c1", product_id="p1").entitlement.decision == "billable"
    assert api.work_order("c1", type="consultation").entitlement.decision == "not_eligible"
    assert api.event_types().count("work_order_created") == 5


def test_unknown_customer_is_refused_and_nothing_is_written(api):
    with pytest.raises(grpc.RpcError) as err:
        api.work_order("nobody", product_id="p1")
    assert code_of(err.value) == (grpc.StatusCode.INVALID_ARGUMENT, "customer.unknown")
    assert api.count(tables.work_orders) == 0
    assert api.count(tables.outbox) == 0


def test_bad_fields_are_refused(api):
    api.customer("c1")
    for fields, code in [({"type": "magic"}, "type_invalid"), ({"priority": "asap"}, "priority_invalid")]:
        with pytest.raises(grpc.RpcError) as err:
            api.work_order("c1", **fields)
        assert code_of(err.value) == (grpc.StatusCode.INVALID_ARGUMENT, code)
    assert api.count(tables.work_orders) == 0


def test_automatic_dispatch_picks_the_nearest_skilled_technician_with_spare_capacity(api):
    api.customer("c1", lat=31.2304, lon=121.4737)  # Shanghai People's Square
    near_unskilled = api.technician("Near but installer", 31.2310, 121.4740, skills=("installation",))
    full = api.technician("Near but full", 31.2320, 121.4750, capacity=1)
    mid = api.technician("Pudong", 31.2215, 121.5440)  # ~7 km
    api.technician("Hangzhou", 30.2741, 120.1551)  # ~165 km
    busy = api.work_order("c1")
    api.stub.AssignWorkOrder(pb.AssignWorkOrderRequest(id=busy.id, technician_id=full.id), metadata=ADMIN)

    order = api.work_order("c1")
    assigned = api.stub.AssignWorkOrder(pb.AssignWorkOrderRequest(id=order.id, mode="automatic"), metadata=ADMIN)
    wo = assigned.work_order
    assert wo.assignee_id == mid.id and wo.status == "assigned"
    assert wo.dispatch.mode == "automatic"
    assert "Pudong" in wo.dispatch.reason and "km away" in wo.dispatch.reason
    why = {c.technician_id: c.excluded_because for c in wo.dispatch.candidates}
    assert why[near_unskilled.id] == "missing skill repair"
    assert why[full.id] == "at capacity (1/1)"
    assert wo.dispatch.candidates[0].technician_id == mid.id
    assert "work_order_assigned" in api.event_types()


def test_status_machine_visits_charges_close_return_visit_and_low_score_complaint(api):
    api.customer("c1")
    tech = api.technician("Li", 31.23, 121.47)
    wo = api.work_order("c1", product_id="p9", priority="high")
    assert wo.entitlement.decision == "billable"

    # impossible transition: clear error, nothing written
    before = api.count(tables.outbox)
    with pytest.raises(grpc.RpcError) as err:
        api.act(wo, "close")
    assert code_of(err.value) == (grpc.StatusCode.FAILED_PRECONDITION, "work_order.transition_not_allowed")
    assert api.count(tables.outbox) == before
    assert api.stub.GetWorkOrder(pb.GetWorkOrderRequest(id=wo.id), metadata=ADMIN).work_order.version == wo.version

    wo = api.stub.AssignWorkOrder(
        pb.AssignWorkOrderRequest(id=wo.id, expected_version=wo.version, technician_id=tech.id), metadata=ADMIN
    ).work_order
    wo = api.act(wo, "start")
    assert wo.sla.HasField("first_responded_at")

    now = datetime.now(UTC)
    visit = api.stub.ScheduleVisit(
        pb.ScheduleVisitRequest(
            work_order_id=wo.id, window_start=stamp(now), window_end=stamp(now + timedelta(hours=2))
        ),
        metadata=ADMIN,
    ).visit
    assert visit.technician_id == tech.id
    here = pb.GeoPoint(latitude=31.23, longitude=121.47)
    with pytest.raises(grpc.RpcError) as err:
        api.stub.CheckOutVisit(pb.CheckOutVisitRequest(id=visit.id, location=here, labour_minutes=30), metadata=ADMIN)
    assert code_of(err.value) == (grpc.StatusCode.FAILED_PRECONDITION, "visit.not_checked_in")
    assert api.stub.GetVisit(pb.GetVisitRequest(id=visit.id), metadata=ADMIN).visit.status == "scheduled"

    visit = api.stub.CheckInVisit(pb.CheckInVisitRequest(id=visit.id, location=here), metadata=ADMIN).visit
    out = api.stub.CheckOutVisit(
        pb.CheckOutVisitRequest(
            id=visit.id,
            location=here,
            work_done="replaced the pump",
            labour_minutes=90,
            parts=[
                pb.Part(
                    sku="PUMP-1",
                    name="Pump",
                    quantity="1",
                    unit_price=pb.Part().unit_price.__class__(currency_code="CNY", minor_units=50000),
                )
            ],
        ),
        metadata=ADMIN,
    )
    assert out.visit.status == "completed"
    assert out.charge.total.minor_units == 50000 + 18000
    assert "service_charge_recorded" in api.event_types()

    wo = api.stub.GetWorkOrder(pb.GetWorkOrderRequest(id=wo.id), metadata=ADMIN).work_order
    wo = api.act(wo, "wait")
    wo = api.act(wo, "start")
    wo = api.act(wo, "resolve", resolution="pump replaced")
    wo = api.act(wo, "close")
    assert wo.status == "closed"
    visits = api.stub.ListReturnVisits(
        pb.ListReturnVisitsRequest(options=pb.ListOptions(filter=f'work_order_id = "{wo.id}"')), metadata=ADMIN
    ).return_visits
    assert len(visits) == 1 and visits[0].rule == "work_order_closed" and visits[0].status == "planned"
    rv = visits[0]

    with pytest.raises(grpc.RpcError) as err:
        api.stub.CompleteReturnVisit(pb.CompleteReturnVisitRequest(id=rv.id, score=7), metadata=ADMIN)
    assert code_of(err.value) == (grpc.StatusCode.INVALID_ARGUMENT, "return_visit.score_invalid")
    assert api.count(tables.complaints) == 0

    done = api.stub.CompleteReturnVisit(
        pb.CompleteReturnVisitRequest(id=rv.id, expected_version=rv.version, score=1, nps=2, outcome="still leaks"),
        metadata=ADMIN,
    )
    assert done.return_visit.follow_up == "complaint_opened" and done.complaint_id
    complaint = api.stub.GetComplaint(pb.GetComplaintRequest(id=done.complaint_id), metadata=ADMIN).complaint
    assert complaint.work_order_id == wo.id and complaint.category == "satisfaction"
    types = api.event_types()
    for expected in (
        "work_order_resolved",
        "work_order_closed",
        "return_visit_planned",
        "return_visit_completed",
        "complaint_created",
    ):
        assert expected in types

    # rerunning the planning sweep plans nothing new for the same source
    assert api.stub.RunSweeps(pb.RunSweepsRequest(), metadata=ADMIN).return_visits_planned == 0

    # complaint handling: resolve needs root cause; confirm closes
    c = api.stub.ActOnComplaint(
        pb.ActOnComplaintRequest(id=complaint.id, action="resolve", root_cause="bad seal", resolution="new seal"),
        metadata=ADMIN,
    ).complaint
    assert c.status == "resolved" and "complaint_resolved" in api.event_types()
    c = api.stub.ActOnComplaint(pb.ActOnComplaintRequest(id=c.id, action="confirm"), metadata=ADMIN).complaint
    assert c.status == "closed" and c.customer_confirmed


def test_stale_version_is_refused(api):
    api.customer("c1")
    wo = api.work_order("c1")
    req = pb.UpdateWorkOrderRequest(id=wo.id, expected_version=wo.version, patch=pb.WorkOrderFields(description="x"))
    req.update_mask.paths.append("description")
    api.stub.UpdateWorkOrder(req, metadata=ADMIN)
    with pytest.raises(grpc.RpcError) as err:
        api.stub.UpdateWorkOrder(req, metadata=ADMIN)
    assert code_of(err.value) == (grpc.StatusCode.ABORTED, "version_conflict")


def test_unanswered_high_priority_work_order_breaches_and_escalates_once(api):
    api.customer("c1", classification="vip")
    api.stub.CreateSlaPolicy(
        pb.CreateSlaPolicyRequest(
            policy=pb.SlaPolicy(
                name="vip high",
                priority="high",
                classification="vip",
                first_response_minutes=1,
                resolution_minutes=5,
                round_the_clock=True,
            )
        ),
        metadata=ADMIN,
    )
    manager_tech = api.technician("Zhang", 31.2, 121.4, manager_id="boss")
    wo = api.work_order("c1", priority="high")
    api.stub.AssignWorkOrder(pb.AssignWorkOrderRequest(id=wo.id, technician_id=manager_tech.id), metadata=ADMIN)
    assert wo.sla.first_response_target_minutes == 1

    later = stamp(datetime.now(UTC) + timedelta(minutes=2))
    counts = api.stub.RunSweeps(pb.RunSweepsRequest(as_of=later), metadata=ADMIN)
    assert counts.sla_breached == 1
    again = api.stub.RunSweeps(pb.RunSweepsRequest(as_of=later), metadata=ADMIN)
    assert again.sla_breached == 0
    wo = api.stub.GetWorkOrder(pb.GetWorkOrderRequest(id=wo.id), metadata=ADMIN).work_order
    assert wo.priority == "urgent" and wo.sla.first_response_breached and wo.sla.escalation_level == 1
    breaches = [body for kind, body in api.events() if kind == "sla_breached"]
    assert len(breaches) == 1
    assert breaches[0]["data"]["notify_user_id"] == "boss"
    assert breaches[0]["data"]["new_priority"] == "urgent"


def test_grab_from_the_team_queue_first_wins(api):
    api.customer("c1")
    a = api.technician("A", 31.2, 121.4, user_id="u-a")
    api.technician("B", 31.2, 121.4, user_id="u-b")
    wo = api.work_order("c1", team="field")
    queue = api.stub.ListQueue(pb.ListQueueRequest(team="field"), metadata=ADMIN).work_orders
    assert [w.id for w in queue] == [wo.id]
    got = api.stub.GrabWorkOrder(pb.GrabWorkOrderRequest(id=wo.id), metadata=[("x-crm-user-id", "u-a")]).work_order
    assert got.assignee_id == a.id and got.dispatch.mode == "grab"
    with pytest.raises(grpc.RpcError) as err:
        api.stub.GrabWorkOrder(pb.GrabWorkOrderRequest(id=wo.id), metadata=[("x-crm-user-id", "u-b")])
    assert code_of(err.value) == (grpc.StatusCode.FAILED_PRECONDITION, "work_order.already_taken")
    assert api.stub.ListQueue(pb.ListQueueRequest(team="field"), metadata=ADMIN).work_orders == []


def test_knowledge_base_search_and_link(api):
    api.customer("c1")
    a = api.stub.CreateArticle(
        pb.CreateArticleRequest(
            article=pb.Article(
                title="Pump makes noise",
                category="pumps",
                problem="Loud humming after install",
                solution="Tighten the mounting bolts",
                tags=["noise"],
            )
        ),
        metadata=ADMIN,
    ).article
    api.stub.CreateArticle(
        pb.CreateArticleRequest(
            article=pb.Article(
                title="Screen flickers", category="displays", problem="Flicker", solution="Replace cable"
            )
        ),
        metadata=ADMIN,
    )
    found = api.stub.ListArticles(pb.ListArticlesRequest(query="pump humming"), metadata=ADMIN).articles
    assert [x.id for x in found] == [a.id]
    assert api.stub.ListArticles(pb.ListArticlesRequest(query="pump flicker"), metadata=ADMIN).articles == []
    wo = api.work_order("c1")
    linked = api.stub.LinkArticle(pb.LinkArticleRequest(work_order_id=wo.id, article_id=a.id), metadata=ADMIN)
    assert list(linked.work_order.article_ids) == [a.id]


def test_order_fulfilled_plans_one_return_visit_and_customer_events_apply_monotonically(api):
    api.customer("c1", name="Old")
    api.customer("c1", name="New", version=2)
    api.customer("c1", name="Stale", version=1)
    assert api.work_order("c1").customer_name == "New"
    api.order_fulfilled("o1", "c1", [("p1", 12)])
    api.order_fulfilled("o1", "c1", [("p1", 12)])  # the same order again (a new event id): no second visit
    visits = api.stub.ListReturnVisits(
        pb.ListReturnVisitsRequest(options=pb.ListOptions(filter='rule = "order_fulfilled"')), metadata=ADMIN
    ).return_visits
    assert len(visits) == 1 and visits[0].order_id == "o1"
