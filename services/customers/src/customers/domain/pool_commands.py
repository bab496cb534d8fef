"""Pool and ownership use cases: claim, release, assign, transfer (one, many, all), pools and
their rules (DOMAIN_RULES C5, C9-C19, C27).

Every ownership change writes one owner_history period (C16), one history entry (field
`owner_id`, reason = the change) and one `customer_owner_changed` event per customer. Batches
are all-or-nothing (C19): every item is checked in one transaction, and if any fails nothing is
written and every failing id comes back with its reason.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from crm_chassis import pools as engine
from crm_chassis.errors import FailedPrecondition, InvalidArgument, NotFound, PermissionDenied
from crm_chassis.identity import Caller
from customers.domain import pool as dp
from customers.domain.access import Access, Scope, new_share
from customers.domain.commands import (
    UowFactory,
    actor_of,
    expect_version,
    history_entries,
    load,
    now,
    page_limit,
    write,
)
from customers.domain.customer import Customer, FieldChange, ensure_writable
from customers.domain.events import CustomerOwnerChanged, CustomerReturnedToPool
from customers.domain.ports import CustomerQuery, CustomersUnitOfWork, OwnerPeriod, Page

ID_MAX = 64
MAX_KEEP_DAYS = 365


@dataclasses.dataclass(frozen=True)
class Keep:
    """C27: the previous owner stays on as a collaborator, always with an expiry."""

    access: str
    days: int


def keep_previous_owner(access: str, days: int) -> Keep | None:
    access = access.strip().lower()
    if not access:
        return None
    if access not in ("read", "edit"):
        raise InvalidArgument(
            "keep_previous_owner_access must be read or edit",
            code="transfer.keep_access_invalid",
            field="keep_previous_owner_access",
        )
    if not 1 <= days <= MAX_KEEP_DAYS:
        raise InvalidArgument(
            f"keep_previous_owner_days must be 1..{MAX_KEEP_DAYS}: the grant always expires",
            code="transfer.keep_days_invalid",
            field="keep_previous_owner_days",
        )
    return Keep(access, days)


@dataclasses.dataclass(frozen=True)
class PoolEntry:
    customer: Customer
    claimable_from: datetime | None


@dataclasses.dataclass(frozen=True)
class RuleSaved:
    stored: dp.StoredRule
    preview: engine.Preview
    graced: int


class BatchRefused(FailedPrecondition):
    """C19: at least one item failed; nothing changed. `failures`: (id, code, message)."""

    def __init__(self, failures: list[tuple[str, str, str]]) -> None:
        codes = {code for _, code, _ in failures}
        code = codes.pop() if len(codes) == 1 else "batch.refused"
        summary = "; ".join(f"{cid}: {message}" for cid, _, message in failures)
        super().__init__(
            f"nothing was changed: {summary}",
            code=code,
            field="customer_ids",
            details={"failed": ",".join(f"{cid}={c}" for cid, c, _ in failures)},
        )
        self.failures = failures


# -- helpers ---------------------------------------------------------------------------------------


def _require_user(caller: Caller) -> str:
    if not caller.user_id:
        raise PermissionDenied("a user is required", code="pool.user_required", field="user_id")
    return caller.user_id


def _ids(raw: list[str], *, limit: int = dp.MAX_BATCH) -> list[str]:
    ids = list(dict.fromkeys(i.strip() for i in raw if i.strip()))
    if not ids:
        raise InvalidArgument("customer_ids is required", code="batch.empty", field="customer_ids")
    if len(ids) > limit:
        raise InvalidArgument(f"at most {limit} customers per call", code="batch.too_large", field="customer_ids")
    return ids


def _target(owner_id: str, field: str = "owner_id") -> str:
    owner_id = owner_id.strip()
    if not owner_id or len(owner_id) > ID_MAX:
        raise InvalidArgument(f"{field} is required", code="owner.required", field=field)
    return owner_id


def _in_scope(scope: Scope, owner_id: str, field: str) -> None:
    """Assign and transfer need the target (and source) in the caller's scope (manager scope)."""
    if not scope.owns_scope_of(owner_id):
        raise PermissionDenied(f"{owner_id} is outside your data scope", code="owner.out_of_scope", field=field)


def visible_pools(uow: CustomersUnitOfWork, caller: Caller) -> list[dp.Pool]:
    return [
        p
        for p in uow.pools.all()
        if p.visible_to(unrestricted=caller.visible_owners is None, department_id=caller.department_id)
    ]


def default_pool(uow: CustomersUnitOfWork) -> tuple[dp.Pool, engine.PoolRule]:
    pool = dp.default_pool(uow.pools.all())
    if pool is None:
        raise FailedPrecondition("no active customer pool", code="pool.none_active")
    return pool, rule_of(uow, pool.id)


def rule_of(uow: CustomersUnitOfWork, pool_id: str) -> engine.PoolRule:
    stored = uow.pools.rule(pool_id)
    return stored.rule if stored is not None else engine.PoolRule(rule_id=pool_id, version=0)


def record_owner_change(
    uow: CustomersUnitOfWork,
    caller: Caller,
    before: Customer,
    after: Customer,
    *,
    reason: str,
    at: datetime,
    pool_id: str | None = None,
    note: str = "",
    rule: engine.PoolRule | None = None,
    cascade: bool = False,
) -> None:
    """The owner_history period, the history entry and the event of one ownership change."""
    rule_id = rule.rule_id if rule is not None else None
    rule_version = rule.version if rule is not None else None
    uow.owners.start(
        OwnerPeriod(
            after.id,
            before.owner_id,
            after.owner_id,
            at,
            reason_code=reason,
            actor_id=actor_of(caller),
            rule_id=rule_id,
            rule_version=rule_version,
        )
    )
    changes = [FieldChange("owner_id", before.owner_id, after.owner_id)]
    if before.pool_id != after.pool_id:
        changes.append(FieldChange("pool_id", before.pool_id, after.pool_id))
    if note:
        changes.append(FieldChange("owner_change_note", None, note))
    uow.history.add(history_entries(after.id, changes, actor=caller, at=at, reason=reason, version=after.version))
    uow.record(
        CustomerOwnerChanged(
            after,
            before.owner_id,
            after.owner_id,
            reason,
            pool_id=pool_id,
            note=note,
            rule_id=rule_id,
            rule_version=rule_version,
            cascade=cascade,
        )
    )


def return_to_pool(
    uow: CustomersUnitOfWork,
    caller: Caller,
    current: Customer,
    pool: dp.Pool,
    *,
    reason: str,
    at: datetime,
    note: str = "",
    rule: engine.PoolRule | None = None,
    trigger: str = "",
) -> Customer:
    """C7: owner cleared, pool/pool_entered_at/previous_owner_id set, shares removed (contacts
    have no owner of their own: they follow the customer)."""
    after = dataclasses.replace(
        current,
        owner_id=None,
        pool_id=pool.id,
        pool_entered_at=at,
        previous_owner_id=current.owner_id,
        version=current.version + 1,
        updated_at=at,
    )
    write(uow, after, was=current.version)
    uow.pools.remove_shares(current.id)
    uow.pools.clear_grace(current.id)
    record_owner_change(uow, caller, current, after, reason=reason, at=at, pool_id=pool.id, note=note, rule=rule)
    uow.record(
        CustomerReturnedToPool(
            after,
            pool.id,
            current.owner_id,
            reason,
            trigger=trigger,
            rule_id=rule.rule_id if rule is not None else None,
            rule_version=rule.version if rule is not None else None,
        )
    )
    return after


# -- pools -----------------------------------------------------------------------------------------


def list_pools(uow_factory: UowFactory, caller: Caller) -> list[tuple[dp.Pool, dp.StoredRule | None]]:
    with uow_factory(read_only=True) as uow:
        return [(p, uow.pools.rule(p.id)) for p in visible_pools(uow, caller)]


def list_pool_customers(
    uow_factory: UowFactory,
    caller: Caller,
    *,
    pool_id: str,
    limit: int,
    cursor: str,
    filter: str = "",
    order_by: str = "",
) -> Page[PoolEntry]:
    """Customers in the pools the caller is a member of (G5), whatever the caller's owner scope."""
    query = CustomerQuery(page_limit(limit), cursor, None, filter.strip(), order_by.strip())
    with uow_factory(read_only=True) as uow:
        pools = {p.id: p for p in visible_pools(uow, caller)}
        if pool_id:
            if pool_id not in pools:
                raise NotFound(f"pool {pool_id} not found", code="pool.not_found", field="pool_id")
            pools = {pool_id: pools[pool_id]}
        if not pools:
            return Page([], "")
        page = uow.pools.pool_page(query, sorted(pools))
        rules = {pid: rule_of(uow, pid) for pid in pools}
    entries = []
    for c in page.items:
        rule = rules.get(c.pool_id or "")
        opens = None
        if rule is not None and rule.claimable_after_days and c.pool_entered_at is not None:
            opens = c.pool_entered_at + timedelta(days=rule.claimable_after_days)
        entries.append(PoolEntry(c, opens))
    return Page(entries, page.next_cursor)


# -- claim and assign (C9, C12-C14, C17, C19) ------------------------------------------------------


def _take(
    uow_factory: UowFactory,
    caller: Caller,
    customer_ids: list[str],
    *,
    owner_id: str,
    self_claim: bool,
    tz: ZoneInfo,
    note: str = "",
) -> list[Customer]:
    at = now()
    today = engine.local_date(at, tz)
    failures: list[tuple[str, str, str]] = []
    taken: list[tuple[Customer, Customer, dp.Pool, engine.PoolRule]] = []
    with uow_factory() as uow:
        pools = {p.id: p for p in visible_pools(uow, caller)}
        rules: dict[str, engine.PoolRule] = {}
        owned = uow.pools.owned_count(owner_id)
        claims: dict[str, int] = {}
        for customer_id in customer_ids:
            current = uow.customers.get(customer_id)
            if current is not None and not current.deleted and current.owner_id is not None:
                failures.append((customer_id, "pool.not_in_pool", "already owned"))
                continue
            if current is None or current.deleted or current.pool_id not in pools:
                failures.append((customer_id, "pool.not_found", "not in a pool you can see"))
                continue
            pool = pools[current.pool_id or ""]
            rule = rules.setdefault(pool.id, rule_of(uow, pool.id))
            if self_claim and pool.id not in claims:
                # The claimant's counter row is locked until this transaction ends (C9, C12).
                claims[pool.id] = uow.pools.count_claims(owner_id, pool.id, today)
            releases = dp.releases(uow.owners.periods(current.id))
            if not self_claim and not note and any(r.user_id == owner_id for r in releases):
                # C13: an admin may give it back to a previous owner, with an audited reason.
                failures.append(
                    (customer_id, "assign.reason_required", "assigning back to a previous owner needs a reason")
                )
                continue
            refusal = engine.claim_refusal(
                user_id=owner_id,
                pool_entered_at=current.pool_entered_at,
                hold_until=None,
                level=current.level,
                releases=releases,
                owned_count=owned,
                claims_today=claims.get(pool.id, 0),
                rule=rule,
                as_of=at,
                tz=tz,
                self_claim=self_claim,
            )
            if refusal is not None:
                failures.append((customer_id, refusal.code, refusal.message))
                continue
            if not uow.pools.take_from_pool(current.id, pool.id, owner_id, at=at):
                failures.append((customer_id, "pool.already_claimed", "someone else took it first"))
                continue
            if current.deal_at is None:
                owned += 1
            if self_claim:
                uow.pools.add_claim(owner_id, pool.id, today)
                claims[pool.id] += 1
            after = uow.customers.get(current.id)
            assert after is not None
            taken.append((current, after, pool, rule))
        if failures:
            raise BatchRefused(failures)
        reason = dp.CLAIM if self_claim else dp.ASSIGN
        for before, after, pool, _rule in taken:
            record_owner_change(uow, caller, before, after, reason=reason, at=at, pool_id=pool.id, note=note)
        uow.commit()
    return [after for _, after, _, _ in taken]


def claim_customers(
    uow_factory: UowFactory, caller: Caller, customer_ids: list[str], *, tz: ZoneInfo
) -> list[Customer]:
    """The caller takes pool customers (self-claim: cooldown and daily limit apply)."""
    user = _require_user(caller)
    return _take(uow_factory, caller, _ids(customer_ids), owner_id=user, self_claim=True, tz=tz)


def assign_customers(
    uow_factory: UowFactory, caller: Caller, customer_ids: list[str], *, owner_id: str, reason: str, tz: ZoneInfo
) -> list[Customer]:
    """A manager gives pool customers to `owner_id` (in the manager's scope). Not a claim: no
    daily limit, no cooldown (C12, C13); the reason is audited; the cap counts on the target."""
    target = _target(owner_id)
    _in_scope(Scope.of(caller, now()), target, "owner_id")
    note = reason.strip()[:200]
    return _take(uow_factory, caller, _ids(customer_ids), owner_id=target, self_claim=False, tz=tz, note=note)


# -- release (C15) ---------------------------------------------------------------------------------


def release_customer(
    uow_factory: UowFactory,
    caller: Caller,
    customer_id: str,
    *,
    pool_id: str,
    reason: str,
    expected_version: int,
) -> Customer:
    at = now()
    with uow_factory() as uow:
        scope = Scope.of(caller, at)
        current = ensure_writable(load(uow, scope, customer_id, Access.EDIT), customer_id)
        expect_version(uow, current, expected_version)
        if current.owner_id is None:
            raise FailedPrecondition("the customer is already in a pool", code="customer.not_owned", field="id")
        if not scope.owns_scope_of(current.owner_id):
            # A share (even edit) does not let a collaborator give the owner's customer away.
            raise PermissionDenied(
                "only the owner (or someone whose scope holds the owner) may release it",
                code="release.not_allowed",
                field="id",
            )
        if pool_id:
            pool = next((p for p in uow.pools.all() if p.id == pool_id), None)
            if pool is None or not pool.active:
                raise InvalidArgument(f"pool {pool_id} not found or inactive", code="pool.not_found", field="pool_id")
        else:
            pool, _ = default_pool(uow)
        reason = reason.strip()
        if reason not in pool.release_reasons:
            raise InvalidArgument(
                f"reason must be one of: {', '.join(pool.release_reasons)}",
                code="release.reason_invalid",
                field="reason",
            )
        after = return_to_pool(uow, caller, current, pool, reason=dp.RELEASE, at=at, note=reason)
        uow.commit()
    return after


# -- transfer (C27) --------------------------------------------------------------------------------


def _transfer(
    uow: CustomersUnitOfWork,
    caller: Caller,
    customer_ids: list[str],
    *,
    owner_id: str,
    cascade: bool,
    note: str,
    tz: ZoneInfo,
    keep: Keep | None = None,
) -> list[Customer]:
    at = now()
    scope = Scope.of(caller, at)
    _, rule = default_pool(uow)
    owned = uow.pools.owned_count(owner_id)
    failures: list[tuple[str, str, str]] = []
    moved: list[tuple[Customer, Customer]] = []
    for customer_id in customer_ids:
        try:
            current = load(uow, scope, customer_id, Access.EDIT)
        except (NotFound, PermissionDenied) as exc:
            failures.append((customer_id, exc.code, exc.message))
            continue
        if current.owner_id is None:
            failures.append((customer_id, "customer.not_owned", "in a pool: assign it instead"))
            continue
        if not scope.owns_scope_of(current.owner_id):
            failures.append(
                (customer_id, "transfer.not_allowed", "shared with you: only the owner's side may transfer")
            )
            continue
        if current.owner_id == owner_id:
            failures.append((customer_id, "transfer.same_owner", f"already owned by {owner_id}"))
            continue
        refusal = engine.claim_refusal(
            user_id=owner_id,
            pool_entered_at=None,
            hold_until=None,
            level=current.level,
            releases=(),
            owned_count=owned,
            claims_today=0,
            rule=rule,
            as_of=at,
            tz=tz,
            self_claim=False,
        )
        if refusal is not None and current.deal_at is None:
            failures.append((customer_id, refusal.code, refusal.message))
            continue
        if current.deal_at is None:
            owned += 1
        after = dataclasses.replace(
            current,
            owner_id=owner_id,
            owner_since=at,
            previous_owner_id=current.owner_id,
            version=current.version + 1,
            updated_at=at,
        )
        moved.append((current, after))
    if failures:
        raise BatchRefused(failures)
    for before, after in moved:
        write(uow, after, was=before.version)
        uow.pools.clear_grace(after.id)
        record_owner_change(uow, caller, before, after, reason=dp.TRANSFER, at=at, note=note, cascade=cascade)
        if keep is not None and before.owner_id:
            share = new_share(
                customer_id=after.id,
                grantee_type="user",
                grantee_id=before.owner_id,
                access=keep.access,
                expires_at=at + timedelta(days=keep.days),
                actor_id=actor_of(caller),
                now=at,
            )
            uow.shares.put(share)
            value = {"access": share.access, "expires_at": share.expires_at.isoformat() if share.expires_at else None}
            uow.history.add(
                history_entries(
                    after.id,
                    [FieldChange(f"share.user.{before.owner_id}", None, value)],
                    actor=caller,
                    at=at,
                    reason="share",
                    version=after.version,
                )
            )
    return [after for _, after in moved]


def transfer_customers(
    uow_factory: UowFactory,
    caller: Caller,
    customer_ids: list[str],
    *,
    owner_id: str,
    cascade: bool,
    reason: str,
    tz: ZoneInfo,
    keep: Keep | None = None,
) -> list[Customer]:
    """Reassign customers the caller may edit to any user (the cap protects the target); a locked
    one too (the lock guards its content, not its owner)."""
    ids, target = _ids(customer_ids), _target(owner_id)
    with uow_factory() as uow:
        moved = _transfer(
            uow, caller, ids, owner_id=target, cascade=cascade, note=reason.strip()[:200], tz=tz, keep=keep
        )
        uow.commit()
    return moved


def transfer_all(
    uow_factory: UowFactory,
    caller: Caller,
    *,
    from_owner_id: str,
    to_owner_id: str,
    cascade: bool,
    reason: str,
    tz: ZoneInfo,
    keep: Keep | None = None,
) -> list[str]:
    """Every live customer of `from_owner_id` goes to `to_owner_id` (e.g. a rep leaves), in one
    transaction: all or nothing, one history row and one event per customer."""
    source, target = _target(from_owner_id, "from_owner_id"), _target(to_owner_id, "to_owner_id")
    if source == target:
        raise InvalidArgument("from and to are the same user", code="transfer.same_owner", field="to_owner_id")
    with uow_factory() as uow:
        _in_scope(Scope.of(caller, now()), source, "from_owner_id")
        ids = uow.pools.owned_ids(source, limit=dp.MAX_TRANSFER_ALL + 1)
        if len(ids) > dp.MAX_TRANSFER_ALL:
            raise FailedPrecondition(
                f"more than {dp.MAX_TRANSFER_ALL} customers: transfer them in parts",
                code="transfer.too_many",
                field="from_owner_id",
            )
        if not ids:
            return []
        moved = _transfer(
            uow, caller, ids, owner_id=target, cascade=cascade, note=reason.strip()[:200], tz=tz, keep=keep
        )
        uow.commit()
    return [c.id for c in moved]


# -- rules (C5) ------------------------------------------------------------------------------------


def _holdings(uow: CustomersUnitOfWork) -> list[tuple[str, engine.Holding]]:
    out: list[tuple[str, engine.Holding]] = []
    after = ""
    while True:
        batch = uow.pools.owned_batch(after_id=after, limit=500)
        out.extend((c.id, dp.holding(c)) for c in batch)
        if len(batch) < 500:
            return out
        after = batch[-1].id


def _pool(uow: CustomersUnitOfWork, pool_id: str) -> dp.Pool:
    pool = next((p for p in uow.pools.all() if p.id == pool_id), None)
    if pool is None:
        raise NotFound(f"pool {pool_id} not found", code="pool.not_found", field="pool_id")
    return pool


def preview_rule(
    uow_factory: UowFactory, caller: Caller, rule: engine.PoolRule, *, tz: ZoneInfo, as_of: datetime | None = None
) -> engine.Preview:
    """What `rule` would do now (due at once, due within 7 days); writes nothing (O5)."""
    with uow_factory(read_only=True) as uow:
        _pool(uow, rule.rule_id)
        return engine.preview(_holdings(uow), rule, as_of or now(), tz)


def define_rule(
    uow_factory: UowFactory, caller: Caller, rule: engine.PoolRule, *, tz: ZoneInfo, as_of: datetime | None = None
) -> RuleSaved:
    """Save the next version of the pool's rule. It applies from the next run; customers it makes
    due at once get a grace period of the largest reminder tier (C5), so they are warned first."""
    at = as_of or now()
    with uow_factory() as uow:
        _pool(uow, rule.rule_id)
        current = uow.pools.rule(rule.rule_id)
        version = (current.rule.version if current is not None else 0) + 1
        saved = dataclasses.replace(rule, version=version)
        stored = dp.StoredRule(saved, now(), actor_of(caller))
        uow.pools.add_rule(stored)
        preview = engine.preview(_holdings(uow), saved, at, tz)
        until = dp.grace_until(saved, at, tz)
        for customer_id in preview.due_now:
            uow.pools.put_grace(customer_id, saved.rule_id, saved.version, until)
        uow.commit()
    return RuleSaved(stored, preview, len(preview.due_now))
