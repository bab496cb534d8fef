"""CustomersService: proto in, use case, proto out. No rules here."""

from __future__ import annotations

from crm.common.v1 import paging_pb2
from crm.customers.v1 import customers_service_pb2 as pb
from crm.customers.v1 import customers_service_pb2_grpc as pb_grpc
from crm_chassis import identity
from customers.domain import admin, children, commands, recycle
from customers.grpc_api import mapping as m


def _page(cursor: str) -> paging_pb2.PageResponse:
    return paging_pb2.PageResponse(next_cursor=cursor)


class CustomersServicer(pb_grpc.CustomersServiceServicer):
    def __init__(self, uow_factory: commands.UowFactory) -> None:
        self.uow = uow_factory

    # -- customers ----------------------------------------------------------------------------------

    def CreateCustomer(self, request, context):  # type: ignore[no-untyped-def]
        saved = commands.create_customer(self.uow, identity.current(), m.new_customer_from_proto(request))
        return pb.CreateCustomerResponse(
            customer=m.customer_to_proto(saved.customer), warnings=[m.match_to_proto(w) for w in saved.warnings]
        )

    def GetCustomer(self, request, context):  # type: ignore[no-untyped-def]
        customer = commands.get_customer(self.uow, identity.current(), request.id)
        return pb.GetCustomerResponse(customer=m.customer_to_proto(customer))

    def ListCustomers(self, request, context):  # type: ignore[no-untyped-def]
        page = commands.list_customers(
            self.uow,
            identity.current(),
            limit=request.page.limit,
            cursor=request.page.cursor,
            owner_id=request.owner_id,
            filter=request.filter,
            order_by=request.order_by,
        )
        return pb.ListCustomersResponse(
            customers=[m.customer_to_proto(c) for c in page.items], page=_page(page.next_cursor)
        )

    def UpdateCustomer(self, request, context):  # type: ignore[no-untyped-def]
        saved = commands.update_customer(
            self.uow,
            identity.current(),
            request.id,
            expected_version=request.expected_version,
            patch=m.customer_patch(request.patch),
            paths=list(request.update_mask.paths),
        )
        return pb.UpdateCustomerResponse(
            customer=m.customer_to_proto(saved.customer), warnings=[m.match_to_proto(w) for w in saved.warnings]
        )

    def GetCustomerHistory(self, request, context):  # type: ignore[no-untyped-def]
        page = commands.customer_history(
            self.uow, identity.current(), request.customer_id, limit=request.page.limit, cursor=request.page.cursor
        )
        return pb.GetCustomerHistoryResponse(
            entries=[m.history_to_proto(e) for e in page.items], page=_page(page.next_cursor)
        )

    def CheckDuplicates(self, request, context):  # type: ignore[no-untyped-def]
        report = commands.check_duplicates(
            self.uow,
            identity.current(),
            kind=request.kind,
            name=request.name,
            phones=list(request.phones),
            emails=list(request.emails),
            website=request.website,
            uscc=request.uscc,
            exclude_customer_id=request.exclude_customer_id,
        )
        return pb.CheckDuplicatesResponse(
            conflicts=[m.match_to_proto(x) for x in report.conflicts],
            warnings=[m.match_to_proto(x) for x in report.warnings],
        )

    def FindByPhone(self, request, context):  # type: ignore[no-untyped-def]
        found = commands.find_by_phone(self.uow, identity.current(), request.phone)
        return pb.FindByPhoneResponse(
            customers=[m.customer_to_proto(c) for c in found.customers],
            contacts=[m.contact_to_proto(c) for c in found.contacts],
        )

    def LockCustomer(self, request, context):  # type: ignore[no-untyped-def]
        customer = commands.set_locked(
            self.uow, identity.current(), request.id, locked=True, expected_version=request.expected_version
        )
        return pb.LockCustomerResponse(customer=m.customer_to_proto(customer))

    def UnlockCustomer(self, request, context):  # type: ignore[no-untyped-def]
        customer = commands.set_locked(
            self.uow, identity.current(), request.id, locked=False, expected_version=request.expected_version
        )
        return pb.UnlockCustomerResponse(customer=m.customer_to_proto(customer))

    # -- recycle bin and merge ----------------------------------------------------------------------

    def DeleteCustomer(self, request, context):  # type: ignore[no-untyped-def]
        customer = recycle.delete_customer(
            self.uow, identity.current(), request.id, expected_version=request.expected_version
        )
        return pb.DeleteCustomerResponse(customer=m.customer_to_proto(customer))

    def RestoreCustomer(self, request, context):  # type: ignore[no-untyped-def]
        customer = recycle.restore_customer(self.uow, identity.current(), request.id)
        return pb.RestoreCustomerResponse(customer=m.customer_to_proto(customer))

    def ListDeletedCustomers(self, request, context):  # type: ignore[no-untyped-def]
        page = recycle.list_deleted(self.uow, identity.current(), limit=request.page.limit, cursor=request.page.cursor)
        return pb.ListDeletedCustomersResponse(
            customers=[m.customer_to_proto(c) for c in page.items], page=_page(page.next_cursor)
        )

    def PurgeDeleted(self, request, context):  # type: ignore[no-untyped-def]
        purged = recycle.purge_deleted(
            self.uow, identity.current(), older_than_days=request.older_than_days, limit=request.limit
        )
        return pb.PurgeDeletedResponse(
            purged_customer_ids=purged.customer_ids, purged_contacts=purged.contacts, more=purged.more
        )

    def MergeCustomers(self, request, context):  # type: ignore[no-untyped-def]
        survivor = recycle.merge_customers(
            self.uow,
            identity.current(),
            survivor_id=request.survivor_id,
            victim_id=request.victim_id,
            survivor_version=request.survivor_version,
            victim_version=request.victim_version,
            choices=dict(request.choices),
        )
        return pb.MergeCustomersResponse(survivor=m.customer_to_proto(survivor))

    # -- sharing ------------------------------------------------------------------------------------

    def ShareCustomer(self, request, context):  # type: ignore[no-untyped-def]
        share = commands.share_customer(
            self.uow,
            identity.current(),
            request.customer_id,
            grantee_type=request.grantee_type,
            grantee_id=request.grantee_id,
            access=request.access,
            expires_at=m.to_datetime(request, "expires_at"),
        )
        return pb.ShareCustomerResponse(share=m.share_to_proto(share))

    def UnshareCustomer(self, request, context):  # type: ignore[no-untyped-def]
        removed = commands.unshare_customer(
            self.uow,
            identity.current(),
            request.customer_id,
            grantee_type=request.grantee_type,
            grantee_id=request.grantee_id,
        )
        return pb.UnshareCustomerResponse(removed=removed)

    def ListCustomerShares(self, request, context):  # type: ignore[no-untyped-def]
        shares = commands.list_shares(self.uow, identity.current(), request.customer_id)
        return pb.ListCustomerSharesResponse(shares=[m.share_to_proto(s) for s in shares])

    # -- contacts and activities --------------------------------------------------------------------

    def CreateContact(self, request, context):  # type: ignore[no-untyped-def]
        saved = children.create_contact(self.uow, identity.current(), m.new_contact_from_proto(request))
        return pb.CreateContactResponse(
            contact=m.contact_to_proto(saved.contact), warnings=[m.match_to_proto(w) for w in saved.warnings]
        )

    def UpdateContact(self, request, context):  # type: ignore[no-untyped-def]
        saved = children.update_contact(
            self.uow,
            identity.current(),
            request.id,
            expected_version=request.expected_version,
            patch=m.contact_patch(request.patch),
            paths=list(request.update_mask.paths),
        )
        return pb.UpdateContactResponse(
            contact=m.contact_to_proto(saved.contact), warnings=[m.match_to_proto(w) for w in saved.warnings]
        )

    def ListContacts(self, request, context):  # type: ignore[no-untyped-def]
        page = children.list_contacts(
            self.uow, identity.current(), request.customer_id, limit=request.page.limit, cursor=request.page.cursor
        )
        return pb.ListContactsResponse(
            contacts=[m.contact_to_proto(c) for c in page.items], page=_page(page.next_cursor)
        )

    def DeleteContact(self, request, context):  # type: ignore[no-untyped-def]
        contact = children.delete_contact(
            self.uow, identity.current(), request.id, expected_version=request.expected_version
        )
        return pb.DeleteContactResponse(contact=m.contact_to_proto(contact))

    def LogActivity(self, request, context):  # type: ignore[no-untyped-def]
        logged = children.log_activity(self.uow, identity.current(), m.new_activity_from_proto(request))
        return pb.LogActivityResponse(
            activity=m.activity_to_proto(logged.activity), customer=m.customer_to_proto(logged.customer)
        )

    def ListActivities(self, request, context):  # type: ignore[no-untyped-def]
        page = children.list_activities(
            self.uow, identity.current(), request.customer_id, limit=request.page.limit, cursor=request.page.cursor
        )
        return pb.ListActivitiesResponse(
            activities=[m.activity_to_proto(a) for a in page.items], page=_page(page.next_cursor)
        )

    # -- custom field definitions (admin) -----------------------------------------------------------

    def DefineCustomField(self, request, context):  # type: ignore[no-untyped-def]
        definition = admin.define_custom_field(
            self.uow,
            identity.current(),
            entity=request.entity,
            key=request.key,
            label=request.label,
            type_=request.type,
            required=request.required,
            options=list(request.options),
        )
        return pb.DefineCustomFieldResponse(definition=m.definition_to_proto(definition))

    def UpdateCustomField(self, request, context):  # type: ignore[no-untyped-def]
        definition = admin.update_custom_field(
            self.uow,
            identity.current(),
            entity=request.entity,
            key=request.key,
            expected_version=request.expected_version,
            label=request.label,
            required=request.required,
            options=list(request.options),
        )
        return pb.UpdateCustomFieldResponse(definition=m.definition_to_proto(definition))

    def ListCustomFields(self, request, context):  # type: ignore[no-untyped-def]
        definitions = admin.list_custom_fields(self.uow, identity.current(), entity=request.entity)
        return pb.ListCustomFieldsResponse(definitions=[m.definition_to_proto(d) for d in definitions])
