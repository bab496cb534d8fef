"""The customer file through the gRPC API, in-process, on migrated SQLite and PostgreSQL.

Each test drives the public RPCs as the gateway would (identity in metadata) and checks the
answers, the outbox and, where the promise is about storage (encryption, nothing written),
the tables themselves.
"""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime, timedelta

import grpc
import pytest
from google.protobuf.field_mask_pb2 import FieldMask
from google.protobuf.timestamp_pb2 import Timestamp
from sqlalchemy import func, select, text, update

from crm.common.v1 import paging_pb2
from crm.customers.v1 import customers_service_pb2 as pb
from crm.customers.v1 import customers_service_pb2_grpc as pb_grpc
from crm_chassis.db import make_engine, make_session_factory
from crm_chassis.grpc_server import GrpcApp
from crm_chassis.migrations import upgrade
from customers.config import SPEC
from customers.grpc_api.server import build
from customers.persistence import tables

pytestmark = pytest.mark.integration

ADMIN = [("x-crm-user-id", "admin"), ("x-crm-roles", "admin")]
ALL_TABLES = (
    tables.customers,
    tables.contacts,
    tables.activities,
    tables.customer_keys,
    tables.customer_history,
    tables.owner_history,
    tables.customer_shares,
    tables.custom_field_definitions,
    tables.outbox,
)


def rep(user, *visible, dept=None):
    md = [("x-crm-user-id", user), ("x-crm-roles", "sales_rep"), ("x-crm-visible-owners", ",".join(visible or (user,)))]
    if dept:
        md.append(("x-crm-department-id", dept))
    return md


class Api:
    def __init__(self, stub, factory):
        self.stub = stub
        self.factory = factory

    def create(self, md=ADMIN, **fields):
        custom = fields.pop("custom", None)
        request = pb.CreateCustomerRequest(**fields)
        if custom is not None:
            request.custom.update(custom)
        return self.stub.CreateCustomer(request, metadata=md)

    def update(self, customer_id, version, md=ADMIN, *, paths, custom=None, **fields):
        patch = pb.CustomerPatch(**fields)
        if custom is not None:
            patch.custom.update(custom)
        request = pb.UpdateCustomerRequest(
            id=customer_id, expected_version=version, patch=patch, update_mask=FieldMask(paths=paths)
        )
        return self.stub.UpdateCustomer(request, metadata=md)

    def get(self, customer_id, md=ADMIN):
        return self.stub.GetCustomer(pb.GetCustomerRequest(id=customer_id), metadata=md).customer

    def contact(self, customer_id, name, md=ADMIN, **fields):
        return self.stub.CreateContact(
            pb.CreateContactRequest(customer_id=customer_id, name=name, **fields), metadata=md
        ).contact

    def log(self, customer_id, type_, md=ADMIN, **fields):
        return self.stub.LogActivity(pb.LogActivityRequest(customer_id=customer_id, type=type_, **fields), metadata=md)

    def contacts(self, customer_id, md=ADMIN):
        return self.stub.ListContacts(pb.ListContactsRequest(customer_id=customer_id), metadata=md).contacts

    def activities(self, customer_id, md=ADMIN, limit=0, cursor=""):
        return self.stub.ListActivities(
            pb.ListActivitiesRequest(customer_id=customer_id, page=paging_pb2.PageRequest(limit=limit, cursor=cursor)),
            metadata=md,
        )

    def list(self, md=ADMIN, **fields):
        return self.stub.ListCustomers(pb.ListCustomersRequest(**fields), metadata=md)

    def counts(self):
        with self.factory() as s:
            return {t.name: s.execute(select(func.count()).select_from(t)).scalar() for t in ALL_TABLES}

    def events(self, event_type=None):
        with self.factory() as s:
            rows = s.execute(select(tables.outbox).order_by(tables.outbox.c.id)).all()
        bodies = [json.loads(r.body) for r in rows]
        return [b for b in bodies if event_type is None or b["event_type"] == event_type]

    def sql(self, statement, **params):
        with self.factory() as s:
            result = s.execute(statement if not isinstance(statement, str) else text(statement), params)
            out = result.all() if result.returns_rows else None
            s.commit()
            return out


def refused(call, *args, **kwargs):
    """(status code, trailers dict) of a call that must fail."""
    with pytest.raises(grpc.RpcError) as err:
        call(*args, **kwargs)
    return err.value.code(), dict(err.value.trailing_metadata() or ())


@pytest.fixture
def api(database_url):
    upgrade(database_url, SPEC.migrations_dir, echo=lambda *_: None)
    engine = make_engine(database_url)
    factory = make_session_factory(engine)
    register, table = build(None, factory)
    app = GrpcApp(register=register, error_table=table, host="127.0.0.1", port=0)
    app.start()
    channel = grpc.insecure_channel(f"127.0.0.1:{app.port}")
    yield Api(pb_grpc.CustomersServiceStub(channel), factory)
    channel.close()
    app.stop(grace=1)
    engine.dispose()


# -- update, history, versions --------------------------------------------------------------------


def test_update_changes_masked_fields_records_history_and_publishes(api):
    created = api.create(name="Acme", phones=["138 1234 5678"], industry="retail").customer
    updated = api.update(
        created.id,
        1,
        paths=["name", "status", "phones"],
        name="Acme Trading",
        status="active",
        industry="not in the mask",
        phones=["010 1234 5678"],
    ).customer
    assert (updated.version, updated.name, updated.status, updated.industry) == (2, "Acme Trading", "active", "retail")
    assert list(updated.phones) == ["010 1234 5678"] and updated.phone == "010 1234 5678"
    assert api.get(created.id) == updated

    event = api.events("customer_updated")[-1]
    assert event["aggregate_id"] == created.id and event["aggregate_version"] == 2
    assert event["actor_user_id"] == "admin"
    assert sorted(event["data"]["changed_fields"]) == ["name", "phones", "status"]

    history = api.stub.GetCustomerHistory(pb.GetCustomerHistoryRequest(customer_id=created.id), metadata=ADMIN)
    by_field = {e.field: e for e in history.entries}
    assert json.loads(by_field["name"].old_value) == "Acme" and json.loads(by_field["name"].new_value) == "Acme Trading"
    assert (
        by_field["name"].actor_id == "admin" and by_field["name"].version == 2 and by_field["name"].changed_at.seconds
    )
    assert json.loads(by_field["phones"].old_value) == ["138 1234 5678"]
    assert history.entries[-1].field == "created"  # newest first
    # Old and new phone numbers are personal data: encrypted in the history table too.
    raw = api.sql("SELECT old_value, new_value FROM customer_history WHERE field = 'phones'")
    assert all(v.startswith("v1:") and "1234" not in v for v in raw[0])

    first = api.stub.GetCustomerHistory(
        pb.GetCustomerHistoryRequest(customer_id=created.id, page=paging_pb2.PageRequest(limit=2)), metadata=ADMIN
    )
    rest = api.stub.GetCustomerHistory(
        pb.GetCustomerHistoryRequest(
            customer_id=created.id, page=paging_pb2.PageRequest(limit=10, cursor=first.page.next_cursor)
        ),
        metadata=ADMIN,
    )
    assert [e.id for e in first.entries] + [e.id for e in rest.entries] == [e.id for e in history.entries]
    assert not rest.page.next_cursor


def test_a_stale_version_is_aborted_names_the_changed_fields_and_writes_nothing(api):
    created = api.create(name="Acme").customer
    api.update(created.id, 1, paths=["industry"], industry="retail")
    before = api.counts()
    code, trailers = refused(api.update, created.id, 1, paths=["name"], name="Mine")
    assert code == grpc.StatusCode.ABORTED
    assert trailers["x-crm-error-code"] == "version_conflict"
    assert trailers["x-crm-detail-current-version"] == "2" and trailers["x-crm-detail-changed-fields"] == "industry"
    assert api.counts() == before and api.get(created.id).name == "Acme"


def test_custom_fields_are_defined_validated_and_filterable(api):
    tier = api.stub.DefineCustomField(
        pb.DefineCustomFieldRequest(
            entity="customer", key="tier", label="Tier", type="choice", options=["gold", "silver"]
        ),
        metadata=ADMIN,
    ).definition
    assert (tier.version, list(tier.options)) == (1, ["gold", "silver"])
    code, trailers = refused(
        api.stub.DefineCustomField,
        pb.DefineCustomFieldRequest(entity="customer", key="tier", label="Again", type="text"),
        metadata=ADMIN,
    )
    assert (code, trailers["x-crm-error-code"]) == (grpc.StatusCode.ALREADY_EXISTS, "custom_field.exists")

    before = api.counts()
    code, trailers = refused(api.create, name="Acme", custom={"tier": "bronze"})
    assert code == grpc.StatusCode.INVALID_ARGUMENT
    assert (trailers["x-crm-error-code"], trailers["x-crm-error-field"]) == ("custom.value_invalid", "custom.tier")
    assert api.counts() == before

    gold = api.create(name="Gold Co", custom={"tier": "gold"}).customer
    api.create(name="Silver Co", custom={"tier": "silver"})
    assert dict(gold.custom) == {"tier": "gold"}
    found = api.list(filter='custom.tier = "gold"').customers
    assert [c.name for c in found] == ["Gold Co"]

    widened = api.stub.UpdateCustomField(
        pb.UpdateCustomFieldRequest(
            entity="customer", key="tier", expected_version=1, label="Tier", options=["gold", "silver", "bronze"]
        ),
        metadata=ADMIN,
    ).definition
    assert widened.version == 2
    assert api.update(gold.id, 1, paths=["custom.tier"], custom={"tier": "bronze"}).customer.custom["tier"] == "bronze"
    code, _ = refused(
        api.stub.UpdateCustomField,
        pb.UpdateCustomFieldRequest(entity="customer", key="tier", expected_version=1, label="Old", options=["gold"]),
        metadata=ADMIN,
    )
    assert code == grpc.StatusCode.ABORTED
    listed = api.stub.ListCustomFields(pb.ListCustomFieldsRequest(entity="customer"), metadata=ADMIN).definitions
    assert [(d.key, d.label, d.version) for d in listed] == [("tier", "Tier", 2)]


# -- duplicates and first-come ownership ------------------------------------------------------------


def test_a_duplicate_of_someone_elses_customer_is_refused_naming_it(api):
    a = api.create(rep("a"), name="Acme Ltd", phones=["138 1234 5678"]).customer
    before = api.counts()
    code, trailers = refused(api.create, rep("b"), name="ACME LTD.", phones=["13812345678"])
    assert code == grpc.StatusCode.ALREADY_EXISTS
    assert trailers["x-crm-error-code"] == "duplicate_customer"
    assert trailers["x-crm-detail-existing-customer-id"] == a.id
    assert trailers["x-crm-detail-existing-owner-id"] == "a"
    assert trailers["x-crm-detail-key-type"] == "company_name"
    assert api.counts() == before  # nothing written, no event

    # A company sharing only the phone (a switchboard) is created, with a warning.
    other = api.create(rep("b"), name="Beta Trading", phones=["+86 138-1234-5678"])
    assert [(w.key_type, w.hard, w.customer_id, w.owner_id) for w in other.warnings] == [("phone", False, a.id, "a")]

    # Renaming into a taken name is refused the same way.
    code, trailers = refused(api.update, other.customer.id, 1, rep("b"), paths=["name"], name="acme co., ltd.")
    assert (code, trailers["x-crm-detail-existing-customer-id"]) == (grpc.StatusCode.ALREADY_EXISTS, a.id)


def test_a_persons_mobile_is_a_hard_key_and_uscc_must_be_valid(api):
    api.create(name="张伟", kind="person", phones=["138 0000 1111"])
    code, trailers = refused(api.create, name="张伟 (2)", kind="person", phones=["+8613800001111"])
    assert (code, trailers["x-crm-detail-key-type"]) == (grpc.StatusCode.ALREADY_EXISTS, "person_mobile")
    assert api.create(name="Some Company", phones=["13800001111"]).warnings  # a company: only a warning

    before = api.counts()
    code, trailers = refused(api.create, name="Fujian Co", uscc="91350100M000100Y44")
    assert (code, trailers["x-crm-error-code"]) == (grpc.StatusCode.INVALID_ARGUMENT, "customer.uscc_invalid")
    assert api.counts() == before
    first = api.create(name="Fujian Co", uscc="91350100m000100y43").customer
    assert first.uscc == "91350100M000100Y43"
    code, trailers = refused(api.create, name="Another Name", uscc="91350100M000100Y43")
    assert (code, trailers["x-crm-detail-key-type"]) == (grpc.StatusCode.ALREADY_EXISTS, "uscc")


def test_concurrent_creates_of_one_customer_let_exactly_one_win(api):
    for round_ in range(4):
        barrier = threading.Barrier(2)
        results: list[object] = []

        def attempt(user, round_=round_, barrier=barrier, results=results):
            barrier.wait()
            try:
                results.append(api.create(rep(user), name=f"Race {round_} Ltd").customer.id)
            except grpc.RpcError as exc:
                results.append(exc.code())

        threads = [threading.Thread(target=attempt, args=(u,)) for u in ("a", "b")]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=30)
        assert sorted(map(str, results)).count(str(grpc.StatusCode.ALREADY_EXISTS)) == 1, results
    names = [c.name for c in api.list().customers]
    assert sorted(names) == [f"Race {i} Ltd" for i in range(4)]


def test_check_duplicates_answers_before_saving_and_writes_nothing(api):
    a = api.create(name="Acme Ltd", website="https://www.acme.com", emails=["Sales@Acme.com"]).customer
    before = api.counts()
    report = api.stub.CheckDuplicates(
        pb.CheckDuplicatesRequest(name="ACME Co., Ltd.", emails=["sales@acme.com"], website="acme.com/about"),
        metadata=rep("b"),
    )
    assert [(m.key_type, m.customer_id) for m in report.conflicts] == [("company_name", a.id)]
    assert sorted(m.key_type for m in report.warnings) == ["domain", "email"]
    own = api.stub.CheckDuplicates(pb.CheckDuplicatesRequest(name="Acme", exclude_customer_id=a.id), metadata=ADMIN)
    assert not own.conflicts and not own.warnings
    assert api.counts() == before


# -- sensitive fields and the call center ---------------------------------------------------------


def test_phones_and_emails_are_encrypted_at_rest_and_found_by_phone(api):
    acme = api.create(rep("a"), name="Acme", phones=["138 1234 5678"], emails=["ceo@acme.com"]).customer
    beta = api.create(rep("b"), name="Beta").customer
    contact = api.contact(beta.id, "Li Lei", md=rep("b"), phones=["+86 138-1234-5678 ext 7"])
    for table in ("customers", "contacts", "customer_keys"):
        dump = " ".join(str(v) for row in api.sql(f"SELECT * FROM {table}") for v in row)
        assert "1234" not in dump and "acme.com" not in dump, table

    everything = api.stub.FindByPhone(pb.FindByPhoneRequest(phone="13812345678"), metadata=ADMIN)
    assert sorted(c.id for c in everything.customers) == sorted([acme.id, beta.id])
    assert [c.id for c in everything.contacts] == [contact.id]
    assert list(everything.contacts[0].phones) == ["+86 138-1234-5678 ext 7"]

    only_a = api.stub.FindByPhone(pb.FindByPhoneRequest(phone="0086 13812345678"), metadata=rep("a"))
    assert [c.id for c in only_a.customers] == [acme.id] and not only_a.contacts
    assert not api.stub.FindByPhone(pb.FindByPhoneRequest(phone="13999999999"), metadata=ADMIN).customers
    code, _ = refused(api.stub.FindByPhone, pb.FindByPhoneRequest(phone="call me"), metadata=ADMIN)
    assert code == grpc.StatusCode.INVALID_ARGUMENT

    by_email = api.list(filter='email = "CEO@acme.com"').customers
    assert [c.id for c in by_email] == [acme.id]


# -- lock ------------------------------------------------------------------------------------------


def test_a_locked_customer_refuses_every_write_until_unlocked(api):
    c = api.create(name="Acme").customer
    locked = api.stub.LockCustomer(pb.LockCustomerRequest(id=c.id, expected_version=1), metadata=ADMIN).customer
    assert locked.locked and locked.version == 2
    before = api.counts()
    attempts = [
        lambda: api.update(c.id, 2, paths=["name"], name="X"),
        lambda: api.contact(c.id, "Ann"),
        lambda: api.log(c.id, "call"),
        lambda: api.stub.DeleteCustomer(pb.DeleteCustomerRequest(id=c.id), metadata=ADMIN),
    ]
    for attempt in attempts:
        code, trailers = refused(attempt)
        assert (code, trailers["x-crm-error-code"]) == (grpc.StatusCode.FAILED_PRECONDITION, "record_locked")
    assert api.counts() == before
    unlocked = api.stub.UnlockCustomer(pb.UnlockCustomerRequest(id=c.id), metadata=ADMIN).customer
    assert not unlocked.locked and unlocked.version == 3
    assert api.update(c.id, 3, paths=["name"], name="X").customer.version == 4
    assert [e["data"].get("locked", False) for e in api.events("customer_locked")] == [True, False]


# -- recycle bin -----------------------------------------------------------------------------------


def test_delete_hides_the_customer_with_its_children_and_restore_brings_them_back(api):
    c = api.create(rep("a"), name="Acme Ltd").customer
    ann = api.contact(c.id, "Ann", md=rep("a"), phones=["139 0000 0001"])
    api.contact(c.id, "Bob", md=rep("a"))
    api.log(c.id, "call", md=rep("a"), content="hello")
    api.log(c.id, "note", md=rep("a"))

    deleted = api.stub.DeleteCustomer(pb.DeleteCustomerRequest(id=c.id, expected_version=1), metadata=rep("a")).customer
    assert deleted.deleted_at.seconds and deleted.deletion_batch_id and deleted.version == 2
    assert refused(api.get, c.id, rep("a"))[0] == grpc.StatusCode.NOT_FOUND
    assert refused(api.contacts, c.id, rep("a"))[0] == grpc.StatusCode.NOT_FOUND
    assert c.id not in [x.id for x in api.list(rep("a")).customers]
    assert not api.stub.FindByPhone(pb.FindByPhoneRequest(phone="13900000001"), metadata=ADMIN).contacts
    binned = api.stub.ListDeletedCustomers(pb.ListDeletedCustomersRequest(), metadata=rep("a")).customers
    assert [x.id for x in binned] == [c.id]
    assert not api.stub.ListDeletedCustomers(pb.ListDeletedCustomersRequest(), metadata=rep("z")).customers
    event = api.events("customer_deleted")[-1]
    assert len(event["data"]["contact_ids"]) == 2 and len(event["data"]["activity_ids"]) == 2

    restored = api.stub.RestoreCustomer(pb.RestoreCustomerRequest(id=c.id), metadata=rep("a")).customer
    assert not restored.HasField("deleted_at") and restored.version == 3
    assert sorted(x.name for x in api.contacts(c.id, rep("a"))) == ["Ann", "Bob"]
    assert len(api.activities(c.id, rep("a")).activities) == 2
    assert [
        x.id for x in api.stub.FindByPhone(pb.FindByPhoneRequest(phone="13900000001"), metadata=ADMIN).contacts
    ] == [ann.id]
    assert api.events("customer_restored")[-1]["aggregate_version"] == 3
    reasons = [r.reason_code for r in api.sql("SELECT reason_code FROM owner_history ORDER BY id")]
    assert reasons == ["create", "restore"]


def test_a_deleted_name_is_free_again_and_restore_rechecks_it(api):
    old = api.create(name="Acme Ltd").customer
    api.stub.DeleteCustomer(pb.DeleteCustomerRequest(id=old.id), metadata=ADMIN)
    new = api.create(name="ACME LTD").customer  # keys were released on delete
    code, trailers = refused(api.stub.RestoreCustomer, pb.RestoreCustomerRequest(id=old.id), metadata=ADMIN)
    assert (code, trailers["x-crm-detail-existing-customer-id"]) == (grpc.StatusCode.ALREADY_EXISTS, new.id)
    assert [
        x.id for x in api.stub.ListDeletedCustomers(pb.ListDeletedCustomersRequest(), metadata=ADMIN).customers
    ] == [old.id]


def test_purge_removes_what_was_deleted_long_enough_ago(api):
    keep = api.create(name="Keep").customer
    gone = api.create(name="Gone").customer
    api.contact(gone.id, "Ann")
    old_contact = api.contact(keep.id, "Left the company")
    api.stub.DeleteContact(pb.DeleteContactRequest(id=old_contact.id), metadata=ADMIN)
    api.log(gone.id, "call")
    api.stub.DeleteCustomer(pb.DeleteCustomerRequest(id=gone.id), metadata=ADMIN)
    assert not api.stub.PurgeDeleted(pb.PurgeDeletedRequest(older_than_days=30), metadata=ADMIN).purged_customer_ids
    # Backdate the deletion past the retention.
    api.sql(
        update(tables.customers)
        .where(tables.customers.c.id == gone.id)
        .values(deleted_at=datetime.now(UTC) - timedelta(days=31))
    )
    api.sql(
        update(tables.contacts)
        .where(tables.contacts.c.id == old_contact.id)
        .values(deleted_at=datetime.now(UTC) - timedelta(days=31))
    )
    purged = api.stub.PurgeDeleted(pb.PurgeDeletedRequest(older_than_days=30), metadata=ADMIN)
    # The deleted customer with its contact, and the contact deleted on its own.
    assert (list(purged.purged_customer_ids), purged.purged_contacts, purged.more) == ([gone.id], 2, False)
    assert [r[0] for r in api.sql("SELECT name FROM contacts")] == []
    for table in ("customers", "contacts", "activities", "customer_keys", "customer_history", "owner_history"):
        ids = {r[0] for r in api.sql(f"SELECT {'id' if table == 'customers' else 'customer_id'} FROM {table}")}
        assert gone.id not in ids, table
    assert api.get(keep.id).name == "Keep"
    purge_event = api.events("customer_purged")[-1]
    assert purge_event["aggregate_id"] == gone.id and purge_event["aggregate_version"] == 3
    code, _ = refused(api.stub.PurgeDeleted, pb.PurgeDeletedRequest(older_than_days=-1), metadata=ADMIN)
    assert code == grpc.StatusCode.INVALID_ARGUMENT


# -- merge -----------------------------------------------------------------------------------------


def test_merge_moves_children_deletes_the_victim_and_publishes(api):
    survivor = api.create(name="Acme", phones=["138 1234 5678"]).customer
    victim = api.create(name="Acme Trading Ltd", industry="retail", tags=["fair"]).customer
    s_contact = api.contact(survivor.id, "Ann")
    v_contact = api.contact(victim.id, "Bob")
    api.log(victim.id, "visit")
    merged = api.stub.MergeCustomers(
        pb.MergeCustomersRequest(
            survivor_id=survivor.id,
            victim_id=victim.id,
            survivor_version=survivor.version,
            victim_version=victim.version,
            choices={"name": "victim", "industry": "victim", "tags": "both"},
        ),
        metadata=ADMIN,
    ).survivor
    assert (merged.id, merged.name, merged.industry, list(merged.tags)) == (
        survivor.id,
        "Acme Trading Ltd",
        "retail",
        ["fair"],
    )
    assert merged.last_follow_up_at.seconds  # the victim's visit counts for the survivor
    contacts = api.contacts(survivor.id)
    assert sorted(c.id for c in contacts) == sorted([s_contact.id, v_contact.id])
    assert [c.id for c in contacts if c.primary] == [s_contact.id]  # still one primary
    assert len(api.activities(survivor.id).activities) == 1
    assert refused(api.get, victim.id)[0] == grpc.StatusCode.NOT_FOUND
    binned = api.stub.ListDeletedCustomers(pb.ListDeletedCustomersRequest(), metadata=ADMIN).customers
    assert [(c.id, c.merged_into_id) for c in binned] == [(victim.id, survivor.id)]
    code, trailers = refused(api.stub.RestoreCustomer, pb.RestoreCustomerRequest(id=victim.id), metadata=ADMIN)
    assert (code, trailers["x-crm-error-code"]) == (grpc.StatusCode.FAILED_PRECONDITION, "customer.merged")
    # The survivor now holds the victim's name key; the survivor's old name is free.
    assert refused(api.create, name="ACME TRADING")[0] == grpc.StatusCode.ALREADY_EXISTS
    assert api.create(name="Acme").customer.id
    event = api.events("customer_merged")[-1]
    assert event["aggregate_id"] == survivor.id and event["aggregate_version"] == merged.version
    assert event["data"]["victim"]["id"] == victim.id and event["data"]["moved_contact_ids"] == [v_contact.id]
    code, trailers = refused(
        api.stub.MergeCustomers,
        pb.MergeCustomersRequest(survivor_id=survivor.id, victim_id=survivor.id),
        metadata=ADMIN,
    )
    assert (code, trailers["x-crm-error-code"]) == (grpc.StatusCode.INVALID_ARGUMENT, "merge.same_customer")


# -- sharing and scope -----------------------------------------------------------------------------


def _ts(value):
    ts = Timestamp()
    ts.FromDatetime(value)
    return ts


def test_shares_grant_read_or_edit_outside_the_owner_scope_and_expire(api):
    c = api.create(rep("u1"), name="Acme").customer
    assert refused(api.get, c.id, rep("u2"))[0] == grpc.StatusCode.NOT_FOUND

    api.stub.ShareCustomer(
        pb.ShareCustomerRequest(customer_id=c.id, grantee_type="user", grantee_id="u2", access="read"),
        metadata=rep("u1"),
    )
    assert api.get(c.id, rep("u2")).id == c.id
    assert [x.id for x in api.list(rep("u2")).customers] == [c.id]
    assert len(api.contacts(c.id, rep("u2"))) == 0  # children follow the customer (G4)
    code, trailers = refused(api.update, c.id, 1, rep("u2"), paths=["name"], name="Mine")
    assert (code, trailers["x-crm-error-code"]) == (grpc.StatusCode.PERMISSION_DENIED, "customer.read_only")
    # A grantee cannot pass the customer on.
    code, _ = refused(
        api.stub.ShareCustomer,
        pb.ShareCustomerRequest(customer_id=c.id, grantee_type="user", grantee_id="u9", access="read"),
        metadata=rep("u2"),
    )
    assert code == grpc.StatusCode.PERMISSION_DENIED

    api.stub.ShareCustomer(
        pb.ShareCustomerRequest(
            customer_id=c.id,
            grantee_type="department",
            grantee_id="d1",
            access="edit",
            expires_at=_ts(datetime.now(UTC) + timedelta(days=1)),
        ),
        metadata=rep("u1"),
    )
    assert api.update(c.id, 1, rep("u3", dept="d1"), paths=["name"], name="Acme (d1)").customer.version == 2
    assert refused(api.get, c.id, rep("u3", dept="d2"))[0] == grpc.StatusCode.NOT_FOUND
    shares = api.stub.ListCustomerShares(pb.ListCustomerSharesRequest(customer_id=c.id), metadata=rep("u2")).shares
    assert sorted((s.grantee_type, s.grantee_id, s.access) for s in shares) == [
        ("department", "d1", "edit"),
        ("user", "u2", "read"),
    ]

    # An expired grant is ignored at read time, before any job removes it.
    api.sql(
        update(tables.customer_shares)
        .where(tables.customer_shares.c.grantee_id == "d1")
        .values(expires_at=datetime.now(UTC) - timedelta(seconds=1))
    )
    assert refused(api.get, c.id, rep("u3", dept="d1"))[0] == grpc.StatusCode.NOT_FOUND
    assert not api.list(rep("u3", dept="d1")).customers

    assert api.stub.UnshareCustomer(
        pb.UnshareCustomerRequest(customer_id=c.id, grantee_type="user", grantee_id="u2"), metadata=rep("u1")
    ).removed
    assert refused(api.get, c.id, rep("u2"))[0] == grpc.StatusCode.NOT_FOUND
    fields = [
        e.field
        for e in api.stub.GetCustomerHistory(pb.GetCustomerHistoryRequest(customer_id=c.id), metadata=rep("u1")).entries
    ]
    assert "share.user.u2" in fields and "share.department.d1" in fields


# -- contacts and activities -----------------------------------------------------------------------


def test_contacts_have_one_primary_versions_and_events(api):
    c = api.create(name="Acme").customer
    ann = api.contact(c.id, "Ann", title="CEO", emails=["ann@acme.com"])
    assert ann.primary and ann.version == 1  # the first contact is primary
    bob = api.contact(c.id, "Bob", primary=True)
    assert bob.primary
    listed = {x.name: x for x in api.contacts(c.id)}
    assert not listed["Ann"].primary and listed["Ann"].version == 2

    code, _ = refused(
        api.stub.UpdateContact,
        pb.UpdateContactRequest(
            id=ann.id, expected_version=1, patch=pb.ContactPatch(title="CFO"), update_mask=FieldMask(paths=["title"])
        ),
        metadata=ADMIN,
    )
    assert code == grpc.StatusCode.ABORTED
    updated = api.stub.UpdateContact(
        pb.UpdateContactRequest(
            id=ann.id,
            expected_version=2,
            patch=pb.ContactPatch(title="CFO", primary=True),
            update_mask=FieldMask(paths=["title", "primary"]),
        ),
        metadata=ADMIN,
    ).contact
    assert (updated.title, updated.primary, updated.version) == ("CFO", True, 3)
    assert [x.name for x in api.contacts(c.id) if x.primary] == ["Ann"]

    api.stub.DefineCustomField(
        pb.DefineCustomFieldRequest(entity="contact", key="birthday", label="Birthday", type="date"), metadata=ADMIN
    )
    before = api.counts()
    bad = pb.CreateContactRequest(customer_id=c.id, name="Cid")
    bad.custom.update({"birthday": "31/12/1990"})
    code, trailers = refused(api.stub.CreateContact, bad, metadata=ADMIN)
    assert (code, trailers["x-crm-error-field"]) == (grpc.StatusCode.INVALID_ARGUMENT, "custom.birthday")
    assert api.counts() == before
    good = pb.CreateContactRequest(customer_id=c.id, name="Cid")
    good.custom.update({"birthday": "1990-12-31"})
    assert dict(api.stub.CreateContact(good, metadata=ADMIN).contact.custom) == {"birthday": "1990-12-31"}

    deleted = api.stub.DeleteContact(pb.DeleteContactRequest(id=bob.id), metadata=ADMIN).contact
    assert deleted.deleted_at.seconds
    assert [x.name for x in api.contacts(c.id)] == ["Ann", "Cid"]
    types = [e["event_type"] for e in api.events() if e["event_type"].startswith("contact_")]
    assert types.count("contact_created") == 3 and types.count("contact_updated") >= 3
    assert all(e["aggregate_id"] == c.id for e in api.events() if e["event_type"].startswith("contact_"))


def test_activities_move_the_follow_up_clock_only_for_qualifying_types(api):
    c = api.create(name="Acme").customer
    earlier = datetime.now(UTC) - timedelta(hours=2)
    call = api.log(c.id, "call", occurred_at=_ts(earlier), content="first call")
    assert call.customer.last_follow_up_at.ToDatetime(tzinfo=UTC) == earlier.replace(microsecond=earlier.microsecond)
    assert call.customer.version == 1  # a follow-up is not an edit
    meeting = api.log(c.id, "meeting")
    assert meeting.customer.last_follow_up_at == call.customer.last_follow_up_at
    api.log(c.id, "note", next_follow_up_at=_ts(datetime.now(UTC) + timedelta(days=3)))
    page1 = api.activities(c.id, limit=2)
    page2 = api.activities(c.id, limit=2, cursor=page1.page.next_cursor)
    assert [a.type for a in page1.activities] + [a.type for a in page2.activities] == ["note", "meeting", "call"]
    assert api.get(c.id).last_follow_up_at.ToDatetime(tzinfo=UTC) > earlier
    logged = api.events("activity_logged")
    assert [e["data"].get("counts_as_follow_up", False) for e in logged] == [True, False, True]

    other = api.create(name="Other").customer
    stranger = api.contact(other.id, "Zed")
    before = api.counts()
    code, trailers = refused(api.log, c.id, "call", contact_id=stranger.id)
    assert (code, trailers["x-crm-error-code"]) == (grpc.StatusCode.INVALID_ARGUMENT, "activity.contact_invalid")
    assert api.counts() == before


# -- lists -----------------------------------------------------------------------------------------


def test_lists_filter_and_sort_on_whitelisted_fields(api):
    api.create(name="Acme Beta", status="active", industry="retail", owner_id="u1", tags=["vip", "fair"])
    api.create(name="Acme Alpha", status="active", industry="tech", owner_id="u2")
    api.create(name="Zeta", status="lost", owner_id="u1", phones=["138 1234 5678"])
    names = lambda resp: [c.name for c in resp.customers]  # noqa: E731
    assert names(api.list(filter='status = "active" AND name:"acme"', order_by="name")) == ["Acme Alpha", "Acme Beta"]
    assert names(api.list(filter='industry = "retail" OR status = "lost"', order_by="name desc")) == [
        "Zeta",
        "Acme Beta",
    ]
    assert names(api.list(filter='tags = "vip"')) == ["Acme Beta"]
    assert names(api.list(filter='phone = "+86 138 1234 5678"')) == ["Zeta"]
    assert names(api.list(owner_id="u2")) == ["Acme Alpha"]  # the old filter still works
    assert names(api.list(rep("u1"), order_by="status desc, name")) == ["Zeta", "Acme Beta"]
    seen, cursor = [], ""
    while True:
        resp = api.list(order_by="name", page=paging_pb2.PageRequest(limit=1, cursor=cursor))
        seen += names(resp)
        cursor = resp.page.next_cursor
        if not cursor:
            break
    assert seen == ["Acme Alpha", "Acme Beta", "Zeta"]


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"filter": 'secret = "x"'}, "filter.unknown_field"),
        ({"filter": 'custom.nope = "x"'}, "filter.unknown_field"),
        ({"filter": 'status = "won"'}, "filter.invalid_value"),
        ({"filter": 'phone:"138"'}, "filter.unsupported_operator"),
        ({"order_by": "name, status, industry, region, source"}, None),
        ({"order_by": "phone"}, "order_by.unknown_field"),
    ],
)
def test_bad_list_requests_are_invalid_argument(api, fields, code):
    got, trailers = refused(api.list, **fields)
    assert got == grpc.StatusCode.INVALID_ARGUMENT
    if code:
        assert trailers["x-crm-error-code"] == code
    else:
        assert trailers["x-crm-error-code"].startswith("order_by.")


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"name": "Acme", "emails": ["ok@acme.com", "broken"]}, "customer.email_invalid"),
        ({"name": "Acme", "phones": ["call me"]}, "customer.phone_invalid"),
        ({"name": "Acme", "kind": "robot"}, "customer.kind_invalid"),
        ({"name": "Acme", "latitude": 123.0}, "customer.latitude_invalid"),
        ({"name": "Acme", "custom": {"nope": 1}}, "custom.unknown_field"),
    ],
)
def test_bad_input_is_invalid_argument_and_writes_nothing(api, fields, code):
    before = api.counts()
    got, trailers = refused(api.create, **fields)
    assert (got, trailers["x-crm-error-code"]) == (grpc.StatusCode.INVALID_ARGUMENT, code)
    assert api.counts() == before


def test_events_are_written_to_the_outbox_with_the_customer_version(api):
    c = api.create(name="Acme").customer
    api.update(c.id, 1, paths=["region"], region="East")
    api.contact(c.id, "Ann")
    api.log(c.id, "email")
    api.stub.LockCustomer(pb.LockCustomerRequest(id=c.id), metadata=ADMIN)
    api.stub.UnlockCustomer(pb.UnlockCustomerRequest(id=c.id), metadata=ADMIN)
    api.stub.DeleteCustomer(pb.DeleteCustomerRequest(id=c.id), metadata=ADMIN)
    api.stub.RestoreCustomer(pb.RestoreCustomerRequest(id=c.id), metadata=ADMIN)
    trail = [(e["event_type"], e["aggregate_id"], e["aggregate_version"]) for e in api.events()]
    assert trail == [
        ("customer_created", c.id, 1),
        ("customer_updated", c.id, 2),
        ("contact_created", c.id, 2),
        ("activity_logged", c.id, 2),
        ("customer_locked", c.id, 3),
        ("customer_locked", c.id, 4),
        ("customer_deleted", c.id, 5),
        ("customer_restored", c.id, 6),
    ]
    schemas = {e["event_type"]: e["schema"] for e in api.events()}
    assert schemas["activity_logged"] == "crm.customers.v1.ActivityLogged"
    assert all(e["producer"] == "customers" for e in api.events())
