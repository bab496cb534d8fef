"""More rules through the real gRPC API: complaint escalation by the timer (once per level), the
low score reopening the work order when configured, customer merge and delete, data scope,
technician location, reported_at, SLA policy edits."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import grpc
import pytest
from desk_support import ADMIN, Api, agent, code_of, stamp

from crm.customers.v1 import customers_events_pb2 as cev
from crm.customers.v1 import customers_service_pb2 as cpb
from crm.service_desk.v1 import service_desk_service_pb2 as pb
from service_desk.persistence import tables


def test_overdue_complaints_escalate_once_per_level(api):
    api.customer("c1")
    c = api.stub.CreateComplaint(
        pb.CreateComplaintRequest(
            complaint=pb.ComplaintFields(
                customer_id="c1", category="billing", severity="critical", description="double charged"
            )
        ),
        metadata=ADMIN,
    ).complaint
    deadline = c.deadline_at.ToDatetime(tzinfo=UTC)
    assert deadline - c.created_at.ToDatetime(tzinfo=UTC) == timedelta(hours=8)
    early = api.stub.RunSweeps(pb.RunSweepsRequest(as_of=stamp(deadline - timedelta(minutes=1))), metadata=ADMIN)
    assert early.complaints_escalated == 0
    assert api.stub.RunSweeps(pb.RunSweepsRequest(as_of=stamp(deadline)), metadata=ADMIN).complaints_escalated == 1
    assert api.stub.RunSweeps(pb.RunSweepsRequest(as_of=stamp(deadline)), metadata=ADMIN).complaints_escalated == 0
    later = stamp(deadline + timedelta(hours=8))
    assert api.stub.RunSweeps(pb.RunSweepsRequest(as_of=later), metadata=ADMIN).complaints_escalated == 1
    got = api.stub.GetComplaint(pb.GetComplaintRequest(id=c.id), metadata=ADMIN).complaint
    assert got.escalation_level == 2 and [s.kind for s in got.steps] == ["escalated", "escalated"]


def test_low_score_reopens_the_work_order_when_configured(postgres_url, monkeypatch):
    monkeypatch.setenv("CRM_SERVICE_DESK_LOW_SCORE_ACTION", "reopen")
    monkeypatch.setenv("CRM_SERVICE_DESK_LOW_SCORE", "3")
    api = Api(postgres_url)
    try:
        api.customer("c1")
        tech = api.technician("Li", 31.2, 121.4)
        wo = api.work_order("c1")
        wo = api.stub.AssignWorkOrder(
            pb.AssignWorkOrderRequest(id=wo.id, technician_id=tech.id), metadata=ADMIN
        ).work_order
        wo = api.act(api.act(api.act(wo, "start"), "resolve", resolution="done"), "close")
        rv = api.stub.ListReturnVisits(pb.ListReturnVisitsRequest(), metadata=ADMIN).return_visits[0]
        done = api.stub.CompleteReturnVisit(pb.CompleteReturnVisitRequest(id=rv.id, score=3), metadata=ADMIN)
        assert done.return_visit.follow_up == "work_order_reopened" and not done.complaint_id
        again = api.stub.GetWorkOrder(pb.GetWorkOrderRequest(id=wo.id), metadata=ADMIN).work_order
        assert again.status == "in_progress" and again.reopen_count == 1
        assert api.count(tables.complaints) == 0
    finally:
        api.close()


def test_customer_merge_repoints_and_delete_refuses_new_work(api):
    api.customer("victim", "Old Co")
    api.customer("survivor", "New Co")
    wo = api.work_order("victim")
    merged = cev.CustomerMerged(
        survivor=cpb.Customer(id="survivor", name="New Co", owner_id="rep1", version=2),
        victim=cpb.Customer(id="victim", name="Old Co", owner_id="rep1", version=2),
    )
    api.event("customers", "customer_merged", merged, "survivor", 2)
    assert api.stub.GetWorkOrder(pb.GetWorkOrderRequest(id=wo.id), metadata=ADMIN).work_order.customer_id == "survivor"
    with pytest.raises(grpc.RpcError) as err:
        api.work_order("victim")
    assert code_of(err.value) == (grpc.StatusCode.INVALID_ARGUMENT, "customer.unknown")
    deleted = cev.CustomerDeleted(customer=cpb.Customer(id="survivor", name="New Co", version=3))
    api.event("customers", "customer_deleted", deleted, "survivor", 3)
    with pytest.raises(grpc.RpcError):
        api.work_order("survivor")


def test_data_scope_hides_other_owners_work(api):
    api.customer("c1")
    mine = api.work_order("c1", metadata=agent("u1"))
    theirs = api.work_order("c1", metadata=agent("u2"))
    listed = api.stub.ListWorkOrders(pb.ListWorkOrdersRequest(), metadata=agent("u1")).work_orders
    assert [w.id for w in listed] == [mine.id]
    with pytest.raises(grpc.RpcError) as err:
        api.stub.GetWorkOrder(pb.GetWorkOrderRequest(id=theirs.id), metadata=agent("u1"))
    assert code_of(err.value) == (grpc.StatusCode.NOT_FOUND, "work_order.not_found")


def test_reported_at_counts_the_sla_from_the_report(api):
    api.customer("c1")
    reported = datetime.now(UTC) - timedelta(days=3)
    f = pb.WorkOrderFields(customer_id="c1", type="repair", reported_at=stamp(reported))
    wo = api.stub.CreateWorkOrder(pb.CreateWorkOrderRequest(work_order=f), metadata=ADMIN).work_order
    assert abs(wo.created_at.ToDatetime(tzinfo=UTC) - reported) < timedelta(seconds=1)
    future = pb.WorkOrderFields(
        customer_id="c1", type="repair", reported_at=stamp(datetime.now(UTC) + timedelta(hours=1))
    )
    with pytest.raises(grpc.RpcError) as err:
        api.stub.CreateWorkOrder(pb.CreateWorkOrderRequest(work_order=future), metadata=ADMIN)
    assert code_of(err.value) == (grpc.StatusCode.INVALID_ARGUMENT, "reported_at_invalid")


def test_technician_location_and_policy_edits(api):
    tech = api.technician("Li", 31.2, 121.4)
    moved = api.stub.UpdateTechnicianLocation(
        pb.UpdateTechnicianLocationRequest(id=tech.id, latitude=30.27, longitude=120.15), metadata=ADMIN
    ).technician
    assert (moved.latitude, moved.longitude) == (30.27, 120.15)
    with pytest.raises(grpc.RpcError) as err:
        api.stub.UpdateTechnicianLocation(
            pb.UpdateTechnicianLocationRequest(id=tech.id, latitude=91, longitude=0), metadata=ADMIN
        )
    assert code_of(err.value)[0] == grpc.StatusCode.INVALID_ARGUMENT
    policy = api.stub.CreateSlaPolicy(
        pb.CreateSlaPolicyRequest(
            policy=pb.SlaPolicy(name="p", priority="low", first_response_minutes=60, resolution_minutes=600)
        ),
        metadata=ADMIN,
    ).policy
    with pytest.raises(grpc.RpcError) as err:
        api.stub.CreateSlaPolicy(
            pb.CreateSlaPolicyRequest(
                policy=pb.SlaPolicy(name="p2", priority="low", first_response_minutes=60, resolution_minutes=600)
            ),
            metadata=ADMIN,
        )
    assert code_of(err.value) == (grpc.StatusCode.ALREADY_EXISTS, "sla_policy.duplicate")
    req = pb.UpdateSlaPolicyRequest(
        id=policy.id, expected_version=policy.version, patch=pb.SlaPolicy(resolution_minutes=30)
    )
    req.update_mask.paths.append("resolution_minutes")
    with pytest.raises(grpc.RpcError) as err:
        api.stub.UpdateSlaPolicy(req, metadata=ADMIN)
    assert code_of(err.value) == (grpc.StatusCode.INVALID_ARGUMENT, "sla_policy.target_invalid")


def test_a_work_order_nobody_grabs_goes_to_automatic_dispatch(postgres_url, monkeypatch):
    monkeypatch.setenv("CRM_SERVICE_DESK_AUTO_ASSIGN_AFTER_MINUTES", "5")
    api = Api(postgres_url)
    try:
        api.customer("c1")
        tech = api.technician("Li", 31.2, 121.4, team="field")
        wo = api.work_order("c1", team="field")
        soon = stamp(datetime.now(UTC) + timedelta(minutes=4))
        api.stub.RunSweeps(pb.RunSweepsRequest(as_of=soon), metadata=ADMIN)
        assert api.stub.GetWorkOrder(pb.GetWorkOrderRequest(id=wo.id), metadata=ADMIN).work_order.status == "new"
        later = stamp(datetime.now(UTC) + timedelta(minutes=6))
        api.stub.RunSweeps(pb.RunSweepsRequest(as_of=later), metadata=ADMIN)
        got = api.stub.GetWorkOrder(pb.GetWorkOrderRequest(id=wo.id), metadata=ADMIN).work_order
        assert got.status == "assigned" and got.assignee_id == tech.id
        assert got.dispatch.mode == "automatic" and got.dispatch.reason.startswith("not grabbed in time")
        api.stub.RunSweeps(pb.RunSweepsRequest(as_of=later), metadata=ADMIN)
        assert api.event_types().count("work_order_assigned") == 1
    finally:
        api.close()


def test_a_complaint_is_never_assigned_to_the_person_it_is_about(api):
    api.customer("c1")
    fields = pb.ComplaintFields(
        customer_id="c1", category="service_attitude", description="rude", assignee_id="u7", subject_user_id="u7"
    )
    with pytest.raises(grpc.RpcError) as err:
        api.stub.CreateComplaint(pb.CreateComplaintRequest(complaint=fields), metadata=ADMIN)
    assert code_of(err.value) == (grpc.StatusCode.INVALID_ARGUMENT, "complaint.assignee_is_subject")
    assert api.count(tables.complaints) == 0
    fields.assignee_id = "u8"
    made = api.stub.CreateComplaint(pb.CreateComplaintRequest(complaint=fields), metadata=ADMIN).complaint
    assert made.subject_user_id == "u7" and made.assignee_id == "u8"
