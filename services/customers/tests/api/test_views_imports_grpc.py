"""Saved views, neighbours and CSV import through the gRPC API, in-process, on migrated SQLite
and PostgreSQL (the testkit `database_url` fixture)."""

from __future__ import annotations

import grpc
import pytest
from sqlalchemy import func, select

from crm.common.v1 import paging_pb2
from crm.customers.v1 import customer_import_service_pb2 as ipb
from crm.customers.v1 import customer_import_service_pb2_grpc as ipb_grpc
from crm.customers.v1 import customer_views_service_pb2 as vpb
from crm.customers.v1 import customer_views_service_pb2_grpc as vpb_grpc
from crm.customers.v1 import customers_service_pb2 as pb
from crm.customers.v1 import customers_service_pb2_grpc as pb_grpc
from crm_chassis.db import make_engine, make_session_factory
from crm_chassis.grpc_server import GrpcApp
from crm_chassis.migrations import upgrade
from customers.config import SPEC
from customers.crypto import FieldCrypto
from customers.domain import imports as di
from customers.grpc_api.server import build
from customers.persistence import tables
from customers.persistence.views_imports import SqlViewsImportsUnitOfWork

pytestmark = pytest.mark.integration

ADMIN = [("x-crm-user-id", "admin"), ("x-crm-roles", "admin")]
WRITTEN = (
    tables.customers,
    tables.customer_keys,
    tables.customer_history,
    tables.owner_history,
    tables.outbox,
)
USCC_A = "91350100M000100Y43"


def rep(user, *visible):
    return [
        ("x-crm-user-id", user),
        ("x-crm-roles", "sales_rep"),
        ("x-crm-visible-owners", ",".join(visible or (user,))),
    ]


class Api:
    def __init__(self, channel, factory):
        self.customers = pb_grpc.CustomersServiceStub(channel)
        self.views = vpb_grpc.CustomerViewsServiceStub(channel)
        self.imports = ipb_grpc.CustomerImportServiceStub(channel)
        self.factory = factory

    def counts(self):
        with self.factory() as s:
            return tuple(s.execute(select(func.count()).select_from(t)).scalar() for t in WRITTEN)

    def start(self, data, mode=ipb.IMPORT_MODE_CREATE_ONLY, dry_run=False, md=ADMIN, **kw):
        if isinstance(data, str):
            data = data.encode()
        return self.imports.StartImport(
            ipb.StartImportRequest(csv=data, mode=mode, dry_run=dry_run, **kw), metadata=md
        ).job

    def finish(self, job, md=ADMIN):
        for _ in range(200):
            if job.status in ("completed", "failed"):
                return job
            job = self.imports.GetImport(ipb.GetImportRequest(id=job.id), metadata=md).job
        raise AssertionError(f"import {job.id} did not finish: {job}")

    def report(self, job_id, md=ADMIN):
        rows, cursor = [], ""
        while True:
            reply = self.imports.GetImportReport(
                ipb.GetImportReportRequest(id=job_id, page=paging_pb2.PageRequest(limit=200, cursor=cursor)),
                metadata=md,
            )
            rows += list(reply.rows)
            cursor = reply.page.next_cursor
            if not cursor:
                return rows


@pytest.fixture
def api(database_url, monkeypatch):
    monkeypatch.setenv("CRM_CUSTOMERS_IMPORT_BATCH_SIZE", "3")
    monkeypatch.setenv("CRM_CUSTOMERS_IMPORT_SLICE_SECONDS", "0.001")  # one batch per call
    upgrade(database_url, SPEC.migrations_dir, echo=lambda *_: None)
    engine = make_engine(database_url)
    factory = make_session_factory(engine)
    register, table = build(None, factory)
    app = GrpcApp(register=register, error_table=table, host="127.0.0.1", port=0)
    app.start()
    channel = grpc.insecure_channel(f"127.0.0.1:{app.port}")
    yield Api(channel, factory)
    channel.close()
    app.stop(grace=1)
    engine.dispose()


def _refused(call, code=grpc.StatusCode.INVALID_ARGUMENT):
    with pytest.raises(grpc.RpcError) as err:
        call()
    assert err.value.code() == code, err.value.details()
    return dict(err.value.trailing_metadata())


# -- views ----------------------------------------------------------------------------------------


def test_a_view_is_checked_against_the_list_whitelist_when_saved(api):
    bad = [
        ("nope = 1", ""),
        ("", "name, level, region, industry, created_at"),
        ("", "phone"),
        ('name = "unterminated', ""),
    ]
    for filter_text, order_by in bad:
        trailers = _refused(
            lambda f=filter_text, o=order_by: api.views.CreateCustomerView(
                vpb.CreateCustomerViewRequest(name="v", filter=f, order_by=o), metadata=rep("u1")
            )
        )
        assert trailers["x-crm-error-code"].split(".")[0] in ("filter", "order_by")
    with api.factory() as s:
        assert s.execute(select(func.count()).select_from(tables.customer_views)).scalar() == 0
    view = api.views.CreateCustomerView(
        vpb.CreateCustomerViewRequest(
            name=" Mine ", filter='level = "A"', order_by="name, created_at desc", columns=["name", "level"]
        ),
        metadata=rep("u1"),
    ).view
    assert (view.name, view.owner_id, view.version, list(view.columns)) == ("Mine", "u1", 1, ["name", "level"])


def test_private_views_stay_private_and_shared_ones_are_read_only_for_others(api):
    mine = api.views.CreateCustomerView(vpb.CreateCustomerViewRequest(name="private"), metadata=rep("u1")).view
    shared = api.views.CreateCustomerView(
        vpb.CreateCustomerViewRequest(name="shared", shared=True), metadata=rep("u1")
    ).view
    assert [v.name for v in api.views.ListCustomerViews(vpb.ListCustomerViewsRequest(), metadata=rep("u1")).views] == [
        "private",
        "shared",
    ]
    assert [v.name for v in api.views.ListCustomerViews(vpb.ListCustomerViewsRequest(), metadata=rep("u2")).views] == [
        "shared"
    ]
    _refused(
        lambda: api.views.GetCustomerView(vpb.GetCustomerViewRequest(id=mine.id), metadata=rep("u2")),
        grpc.StatusCode.NOT_FOUND,
    )
    _refused(
        lambda: api.views.UpdateCustomerView(vpb.UpdateCustomerViewRequest(id=shared.id, name="x"), metadata=rep("u2")),
        grpc.StatusCode.PERMISSION_DENIED,
    )
    updated = api.views.UpdateCustomerView(
        vpb.UpdateCustomerViewRequest(id=shared.id, expected_version=1, name="renamed", shared=True), metadata=rep("u1")
    ).view
    assert (updated.name, updated.version) == ("renamed", 2)
    trailers = _refused(
        lambda: api.views.UpdateCustomerView(
            vpb.UpdateCustomerViewRequest(id=shared.id, expected_version=1, name="stale"), metadata=rep("u1")
        ),
        grpc.StatusCode.ABORTED,
    )
    assert trailers["x-crm-error-code"] == "version_conflict"
    api.views.DeleteCustomerView(vpb.DeleteCustomerViewRequest(id=mine.id), metadata=rep("u1"))
    assert [v.name for v in api.views.ListCustomerViews(vpb.ListCustomerViewsRequest(), metadata=rep("u1")).views] == [
        "renamed"
    ]


def test_neighbours_follow_the_views_sort_and_the_callers_scope(api):
    ids = {}
    for name, owner in (("A", "u1"), ("B", "u2"), ("C", "u1"), ("D", "u1")):
        ids[name] = api.customers.CreateCustomer(
            pb.CreateCustomerRequest(name=f"{name} Trading", owner_id=owner), metadata=ADMIN
        ).customer.id
    view = api.views.CreateCustomerView(
        vpb.CreateCustomerViewRequest(name="by name", order_by="name"), metadata=rep("u1")
    ).view

    def around(name, md, **kw):
        reply = api.views.GetCustomerNeighbours(
            vpb.GetCustomerNeighboursRequest(customer_id=ids[name], **kw), metadata=md
        )
        return (
            reply.previous.name[:1] if reply.HasField("previous") else None,
            reply.next.name[:1] if reply.HasField("next") else None,
        )

    assert around("A", rep("u1"), view_id=view.id) == (None, "C")  # B is outside u1's scope
    assert around("C", rep("u1"), view_id=view.id) == ("A", "D")
    assert around("D", rep("u1"), view_id=view.id) == ("C", None)
    assert around("B", ADMIN, order_by="name desc") == ("C", "A")
    assert around("C", ADMIN, filter='name != "D Trading"', order_by="name") == ("B", None)
    _refused(
        lambda: api.views.GetCustomerNeighbours(
            vpb.GetCustomerNeighboursRequest(customer_id=ids["B"], view_id=view.id), metadata=rep("u1")
        ),
        grpc.StatusCode.NOT_FOUND,
    )
    _refused(
        lambda: api.views.GetCustomerNeighbours(
            vpb.GetCustomerNeighboursRequest(customer_id=ids["A"], order_by="a,b,c,d,e"), metadata=ADMIN
        )
    )


# -- import ---------------------------------------------------------------------------------------

GOOD = (
    "\ufeffName,Kind,Level,Phone,Email,USCC,Tags\n"
    "Alpha Ltd,company,A,13800000001,a@alpha.example,,x;y\n"
    "Beta Ltd,company,B,,,,\n"
    ",company,A,,,,\n"  # no name: invalid
    "Gamma Ltd,company,C,,,,\n"
    "ALPHA LTD.,company,B,,,,\n"  # duplicate of row 1 in the same file
    "Delta Ltd,company,Z,,,,\n"  # bad level
    "Eps Ltd,company,,,,123,\n"  # bad USCC
)


def test_a_dry_run_reports_every_row_and_writes_nothing(api):
    before = api.counts()
    job = api.finish(api.start(GOOD, dry_run=True, file_name="good.csv"))
    assert api.counts() == before
    assert (job.status, job.total_rows, job.processed_rows) == ("completed", 7, 7)
    assert (job.created, job.duplicates, job.invalid) == (3, 1, 3)
    rows = api.report(job.id)
    assert [r.outcome for r in rows] == ["created", "created", "invalid", "created", "duplicate", "invalid", "invalid"]
    assert rows[2].code == "customer.name_required" and rows[5].field == "level" and rows[6].field == "uscc"
    assert "row 1" in rows[4].reason


def test_a_real_import_creates_in_batches_with_keys_history_and_events(api):
    job = api.start(GOOD)
    assert job.processed_rows == 3 and job.status == "running"  # one batch of 3 per call
    job = api.finish(job)
    assert (job.created, job.duplicates, job.invalid, job.processed_rows) == (3, 1, 3, 7)
    customers, _keys, history, owners, outbox = api.counts()
    assert (customers, history, owners, outbox) == (3, 3, 3, 3)
    found = api.customers.ListCustomers(pb.ListCustomersRequest(filter='phone = "13800000001"'), metadata=ADMIN)
    assert [c.name for c in found.customers] == ["Alpha Ltd"]
    assert list(found.customers[0].tags) == ["x", "y"]
    with api.factory() as s:
        assert s.execute(select(tables.customer_import_jobs.c.payload)).scalar() is None  # file gone when done
    log = api.imports.ListImports(ipb.ListImportsRequest(), metadata=ADMIN).jobs
    assert [j.id for j in log] == [job.id]


def test_modes_decide_rows_matching_existing_customers(api):
    mine = api.customers.CreateCustomer(
        pb.CreateCustomerRequest(name="Mine Ltd", owner_id="u1"), metadata=ADMIN
    ).customer
    api.customers.CreateCustomer(pb.CreateCustomerRequest(name="Theirs Ltd", owner_id="u2"), metadata=ADMIN)
    data = "name,industry\nMine Ltd,steel\nTheirs Ltd,glass\nNew Ltd,wood\n"
    create_only = api.finish(api.start(data, md=rep("u1")), md=rep("u1"))
    assert (create_only.created, create_only.duplicates) == (1, 2)
    skip = api.finish(api.start(data, ipb.IMPORT_MODE_SKIP_DUPLICATES, md=rep("u1")), md=rep("u1"))
    assert (skip.created, skip.skipped, skip.duplicates) == (0, 3, 0)
    update = api.finish(api.start(data, ipb.IMPORT_MODE_UPDATE_BY_KEY, md=rep("u1")), md=rep("u1"))
    assert (update.updated, update.duplicates, update.skipped) == (2, 1, 0)  # New Ltd (own) + Mine Ltd; Theirs refused
    rows = api.report(update.id, md=rep("u1"))
    assert [r.outcome for r in rows] == ["updated", "duplicate", "updated"]
    assert "may not edit" in rows[1].reason
    after = api.customers.GetCustomer(pb.GetCustomerRequest(id=mine.id), metadata=ADMIN).customer
    assert (after.industry, after.version) == ("steel", 2)
    # Another user does not see u1's imports.
    assert api.imports.ListImports(ipb.ListImportsRequest(), metadata=rep("u2")).jobs == []
    _refused(
        lambda: api.imports.GetImport(ipb.GetImportRequest(id=update.id), metadata=rep("u2")), grpc.StatusCode.NOT_FOUND
    )


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"name,level\n\xff\xfeAcme,A\n", "import.encoding_invalid"),
        (b"name,colour\nAcme,red\n", "import.unknown_column"),
        (b"level,industry\nA,steel\n", "import.name_column_missing"),
        (b'name,level\n"Acme,A\nBeta,B\n', "import.malformed"),
        (b"name,level\nAcme,A,extra\n", "import.row_width"),
        (b"name,level\n", "import.empty"),
        (b"name,custom.nope\nAcme,1\n", "import.unknown_column"),
    ],
)
def test_a_malformed_file_is_refused_and_nothing_is_written(api, data, code):
    before = api.counts()
    trailers = _refused(lambda: api.start(data))
    assert trailers["x-crm-error-code"] == code
    assert api.counts() == before
    with api.factory() as s:
        assert s.execute(select(func.count()).select_from(tables.customer_import_jobs)).scalar() == 0


def test_an_interrupted_import_resumes_after_the_last_committed_batch(api):
    data = "name\n" + "".join(f"Company {i} Ltd\n" for i in range(10))
    job = api.start(data)  # one batch (3 rows) ran inside StartImport
    assert job.processed_rows == 3
    # "Crash" mid-batch: the second batch fails before its commit and leaves nothing behind.
    crypto = FieldCrypto(__import__("customers.config", fromlist=["x"]).load_customers_settings().field_key)
    factory = lambda **kw: SqlViewsImportsUnitOfWork(api.factory, crypto=crypto, **kw)  # noqa: E731
    limits = di.ImportLimits(batch_size=3)
    original = di._decide_and_write

    def crash(*args, **kwargs):
        original(*args, **kwargs)
        raise RuntimeError("killed")

    di._decide_and_write = crash
    try:
        stalled = di.process_job(factory, job.id, limits=limits, max_batches=1)
    finally:
        di._decide_and_write = original
    assert stalled.processed_rows == 3 and api.counts()[0] == 3
    # A restarted processor (the worker's timer here) continues from row 4.
    assert di.process_pending(factory, limits=limits, seconds=30) == 1
    job = api.imports.GetImport(ipb.GetImportRequest(id=job.id), metadata=ADMIN).job
    assert (job.status, job.created, job.processed_rows) == ("completed", 10, 10)
    assert api.counts()[0] == 10
    assert [r.row for r in api.report(job.id)] == list(range(1, 11))


def test_custom_field_values_are_typed_and_validated_per_row(api):
    api.customers.DefineCustomField(
        pb.DefineCustomFieldRequest(entity="customer", key="employees", label="Employees", type="number"),
        metadata=ADMIN,
    )
    data = "name,custom.employees\nOne Ltd,12\nTwo Ltd,many\n"
    job = api.finish(api.start(data))
    rows = api.report(job.id)
    assert [r.outcome for r in rows] == ["created", "invalid"]
    assert rows[1].field == "custom.employees" and rows[1].code == "custom.value_invalid"
    one = api.customers.GetCustomer(pb.GetCustomerRequest(id=rows[0].customer_id), metadata=ADMIN).customer
    assert one.custom["employees"] == 12


class _FakeRedis:
    def __init__(self):
        self.values = {}

    def set(self, key, value, nx=False, px=None):
        if nx and key in self.values:
            return None
        self.values[key] = value
        return True

    def eval(self, script, numkeys, key, token):
        if self.values.get(key) == token:
            del self.values[key]
            return 1
        return 0


def test_the_worker_timer_finishes_jobs_nobody_polls_under_its_lock(api):
    from customers.events.import_jobs import run_import_jobs

    job = api.start("name\n" + "".join(f"Timer {i} Ltd\n" for i in range(7)))
    assert job.processed_rows == 3
    crypto = FieldCrypto(__import__("customers.config", fromlist=["x"]).load_customers_settings().field_key)
    factory = lambda **kw: SqlViewsImportsUnitOfWork(api.factory, crypto=crypto, **kw)  # noqa: E731
    redis = _FakeRedis()
    redis.set("t:customers:lock:imports", "other replica")
    assert run_import_jobs(factory, di.ImportLimits(batch_size=3), redis, "t", seconds=5) is None  # held elsewhere
    redis.values.clear()
    assert run_import_jobs(factory, di.ImportLimits(batch_size=3), redis, "t", seconds=5) == 1
    assert redis.values == {}  # released
    with api.factory() as s:
        row = s.execute(select(tables.customer_import_jobs)).one()
    assert (row.status, row.processed_rows, row.created) == ("completed", 7, 7)


def test_update_by_key_reports_locked_customers_and_new_key_collisions(api):
    locked = api.customers.CreateCustomer(pb.CreateCustomerRequest(name="Locked Ltd"), metadata=ADMIN).customer
    api.customers.LockCustomer(pb.LockCustomerRequest(id=locked.id), metadata=ADMIN)
    holder = api.customers.CreateCustomer(pb.CreateCustomerRequest(name="Holder Ltd", uscc=USCC_A), metadata=ADMIN)
    free = api.customers.CreateCustomer(pb.CreateCustomerRequest(name="Free Ltd"), metadata=ADMIN).customer
    assert holder.customer.uscc == USCC_A
    data = f"name,industry,uscc\nLocked Ltd,steel,\nFree Ltd,glass,{USCC_A}\n"
    job = api.finish(api.start(data, ipb.IMPORT_MODE_UPDATE_BY_KEY))
    rows = api.report(job.id)
    assert [(r.outcome, r.code) for r in rows] == [
        ("invalid", "record_locked"),
        ("duplicate", "import.ambiguous_match"),
    ]
    # Nothing of either row was written.
    assert api.customers.GetCustomer(pb.GetCustomerRequest(id=free.id), metadata=ADMIN).customer.version == 1
