"""CustomerPoolService: proto in, use case, proto out. No rules here."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from crm.common.v1 import paging_pb2
from crm.customers.v1 import customer_pool_service_pb2 as pb
from crm.customers.v1 import customer_pool_service_pb2_grpc as pb_grpc
from crm_chassis import identity
from crm_chassis import pools as engine
from customers.config import CustomersSettings
from customers.domain import jobs, pool_commands
from customers.domain import pool as dp
from customers.domain.commands import UowFactory
from customers.grpc_api.mapping import _ts, customer_to_proto, to_datetime


def rule_to_proto(stored: dp.StoredRule | None) -> pb.PoolRule | None:
    if stored is None:
        return None
    r = stored.rule
    return pb.PoolRule(
        pool_id=r.rule_id,
        version=r.version,
        no_follow_up_days=r.no_follow_up_days or 0,
        no_deal_days=r.no_deal_days or 0,
        remind_days=list(r.remind_days),
        reclaim_cooldown_days=r.reclaim_cooldown_days,
        claimable_after_days=r.claimable_after_days,
        owned_cap=r.owned_cap or 0,
        daily_claim_limit=r.daily_claim_limit or 0,
        exempt_levels=list(r.exempt_levels),
        created_at=_ts(stored.created_at),
        created_by=stored.created_by,
    )


def rule_from_proto(message: pb.PoolRule) -> engine.PoolRule:
    return dp.new_rule(
        pool_id=message.pool_id.strip(),
        version=0,
        no_follow_up_days=message.no_follow_up_days,
        no_deal_days=message.no_deal_days,
        remind_days=list(message.remind_days),
        reclaim_cooldown_days=message.reclaim_cooldown_days,
        claimable_after_days=message.claimable_after_days,
        owned_cap=message.owned_cap,
        daily_claim_limit=message.daily_claim_limit,
        exempt_levels=list(message.exempt_levels),
    )


class CustomerPoolServicer(pb_grpc.CustomerPoolServiceServicer):
    def __init__(self, uow_factory: UowFactory, settings: CustomersSettings) -> None:
        self.uow = uow_factory
        self.settings = settings

    @property
    def tz(self) -> ZoneInfo:
        return self.settings.org_timezone

    def ListPools(self, request, context):  # type: ignore[no-untyped-def]
        pools = pool_commands.list_pools(self.uow, identity.current())
        return pb.ListPoolsResponse(
            pools=[
                pb.Pool(
                    id=p.id,
                    name=p.name,
                    department_ids=list(p.department_ids),
                    priority=p.priority,
                    active=p.active,
                    release_reasons=list(p.release_reasons),
                    rule=rule_to_proto(rule),
                )
                for p, rule in pools
            ]
        )

    def ListPoolCustomers(self, request, context):  # type: ignore[no-untyped-def]
        page = pool_commands.list_pool_customers(
            self.uow,
            identity.current(),
            pool_id=request.pool_id.strip(),
            limit=request.page.limit,
            cursor=request.page.cursor,
            filter=request.filter,
            order_by=request.order_by,
        )
        return pb.ListPoolCustomersResponse(
            customers=[
                pb.PoolCustomer(
                    customer=customer_to_proto(e.customer),
                    contact_details_masked=True,
                    claimable_from=_ts(e.claimable_from),
                )
                for e in page.items
            ],
            page=paging_pb2.PageResponse(next_cursor=page.next_cursor),
        )

    def ClaimCustomers(self, request, context):  # type: ignore[no-untyped-def]
        taken = pool_commands.claim_customers(self.uow, identity.current(), list(request.customer_ids), tz=self.tz)
        return pb.ClaimCustomersResponse(customers=[customer_to_proto(c) for c in taken])

    def ReleaseCustomer(self, request, context):  # type: ignore[no-untyped-def]
        customer = pool_commands.release_customer(
            self.uow,
            identity.current(),
            request.customer_id,
            pool_id=request.pool_id.strip(),
            reason=request.reason,
            expected_version=request.expected_version,
        )
        return pb.ReleaseCustomerResponse(customer=customer_to_proto(customer))

    def AssignCustomers(self, request, context):  # type: ignore[no-untyped-def]
        taken = pool_commands.assign_customers(
            self.uow,
            identity.current(),
            list(request.customer_ids),
            owner_id=request.owner_id,
            reason=request.reason,
            tz=self.tz,
        )
        return pb.AssignCustomersResponse(customers=[customer_to_proto(c) for c in taken])

    def TransferCustomers(self, request, context):  # type: ignore[no-untyped-def]
        moved = pool_commands.transfer_customers(
            self.uow,
            identity.current(),
            list(request.customer_ids),
            owner_id=request.owner_id,
            cascade=request.cascade,
            reason=request.reason,
            tz=self.tz,
            keep=pool_commands.keep_previous_owner(
                request.keep_previous_owner_access, request.keep_previous_owner_days
            ),
        )
        return pb.TransferCustomersResponse(customers=[customer_to_proto(c) for c in moved])

    def TransferAllCustomers(self, request, context):  # type: ignore[no-untyped-def]
        ids = pool_commands.transfer_all(
            self.uow,
            identity.current(),
            from_owner_id=request.from_owner_id,
            to_owner_id=request.to_owner_id,
            cascade=request.cascade,
            reason=request.reason,
            tz=self.tz,
            keep=pool_commands.keep_previous_owner(
                request.keep_previous_owner_access, request.keep_previous_owner_days
            ),
        )
        return pb.TransferAllCustomersResponse(customer_ids=ids)

    def RunRecycleSweep(self, request, context):  # type: ignore[no-untyped-def]
        result = jobs.run_recycle_sweep(
            self.uow,
            as_of=to_datetime(request, "as_of"),
            tz=self.tz,
            dry_run=request.dry_run,
            confirm=request.confirm,
            max_share=self.settings.recycle_max_share,
            guard_min=self.settings.recycle_guard_min,
            caller=identity.current(),
        )
        return pb.RunRecycleSweepResponse(
            evaluated=result.evaluated,
            acted=result.acted,
            skipped=result.skipped,
            exempted=result.exempted,
            failed=result.failed,
            customer_ids=result.customer_ids,
            stopped_by_guard=result.stopped_by_guard,
        )

    def RunReminders(self, request, context):  # type: ignore[no-untyped-def]
        result = jobs.run_reminders(self.uow, as_of=to_datetime(request, "as_of"), tz=self.tz)
        return pb.RunRemindersResponse(recycle_warnings=result.recycle_warnings, follow_ups_due=result.follow_ups_due)

    def DefinePoolRule(self, request, context):  # type: ignore[no-untyped-def]
        saved = pool_commands.define_rule(self.uow, identity.current(), rule_from_proto(request.rule), tz=self.tz)
        return pb.DefinePoolRuleResponse(
            rule=rule_to_proto(saved.stored),
            due_now=saved.preview.due_now,
            due_soon=saved.preview.due_soon,
            graced=saved.graced,
        )

    def PreviewPoolRule(self, request, context):  # type: ignore[no-untyped-def]
        preview = pool_commands.preview_rule(self.uow, identity.current(), rule_from_proto(request.rule), tz=self.tz)
        return pb.PreviewPoolRuleResponse(due_now=preview.due_now, due_soon=preview.due_soon)
