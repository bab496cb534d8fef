"""Approvals of sales records through the generic engine (crm_chassis.approvals).

Each kind of record (quote, contract, receipt, invoice) registers a `Subject`: how to load it,
whose it is, a one-line summary for the approver's inbox, and what the final outcome does to it.
Deciding needs no data scope on the record: being an approver of the current step is the grant
(the approver's inbox lists exactly those); reading an approval needs scope on the record or a
pending step.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import datetime
from typing import Any

from crm_chassis import approvals as ap
from crm_chassis.errors import InvalidArgument, NotFound, PermissionDenied
from crm_chassis.identity import Caller
from sales.domain.commands.base import UowFactory, new_id
from sales.domain.common import DEFAULT_PAGE, MAX_PAGE, Page, check_version, concurrent_write, now
from sales.domain.events import ApprovalDecided, ApprovalRequested
from sales.domain.ports import SalesUnitOfWork
from sales.domain.settings import APPROVAL_RECORD_TYPES


@dataclasses.dataclass(frozen=True)
class Subject:
    record_type: str
    load: Callable[[SalesUnitOfWork, str], Any]
    owner: Callable[[Any], str]
    summary: Callable[[Any], str]
    # Applies the final outcome (approved, rejected, withdrawn) to the record, with its events.
    on_outcome: Callable[[SalesUnitOfWork, Any, ap.Approval, datetime], None]


_SUBJECTS: dict[str, Subject] = {}


def register(subject: Subject) -> None:
    _SUBJECTS[subject.record_type] = subject


def subject_for(record_type: str) -> Subject:
    # The record modules register themselves on import.
    from sales.domain.commands import contracts, invoices, payments, quotes  # noqa: F401

    if record_type not in APPROVAL_RECORD_TYPES or record_type not in _SUBJECTS:
        raise InvalidArgument(
            f"record_type must be one of {', '.join(APPROVAL_RECORD_TYPES)}",
            code="approval.record_type_invalid",
            field="record_type",
        )
    return _SUBJECTS[record_type]


def actor(caller: Caller) -> ap.Actor:
    if not caller.user_id:
        raise PermissionDenied("approvals are decided by users", code="approval.user_required")
    return ap.Actor(caller.user_id, frozenset(caller.roles))


def submit(
    uow: SalesUnitOfWork, subject: Subject, record: Any, record_id: str, caller: Caller, at: datetime, comment: str = ""
) -> ap.Approval:
    """Start the record's approval with the flow configured now; records its event."""
    settings = uow.settings.load()
    previous = uow.approvals.for_record(subject.record_type, record_id, for_update=True)
    approval = ap.submit(
        settings.flow(subject.record_type),
        approval_id=new_id(),
        record_type=subject.record_type,
        record_id=record_id,
        submitter=actor(caller).user_id,
        at=at,
        previous=previous,
        comment=comment,
    )
    _save(uow, approval, subject, record, previous.version if previous else 0)
    return approval


def _save(uow: SalesUnitOfWork, approval: ap.Approval, subject: Subject, record: Any, was: int) -> None:
    owner, summary = subject.owner(record), subject.summary(record)
    if not uow.approvals.save(approval, owner_id=owner, summary=summary, expected_version=was):
        raise concurrent_write(f"approval of {subject.record_type} {approval.record_id}")
    if approval.is_open:
        uow.record(ApprovalRequested(approval, owner, summary))
    else:
        uow.record(ApprovalDecided(approval, owner, summary))


def decide(
    uow_factory: UowFactory,
    caller: Caller,
    *,
    record_type: str,
    record_id: str,
    action: str,
    comment: str,
    expected_version: int,
) -> ap.Approval:
    """approve | reject | withdraw the record's open approval."""
    subject = subject_for(record_type)
    who = actor(caller)
    at = now()
    with uow_factory() as uow:
        current = uow.approvals.for_record(record_type, record_id, for_update=True) if record_id else None
        record = subject.load(uow, record_id) if current is not None else None
        if current is None or record is None:
            raise NotFound(f"no approval of {record_type} {record_id}", code="approval.not_found", field="record_id")
        check_version(current.version, expected_version, f"approval of {record_type} {record_id}")
        if action == "approve":
            decided = ap.approve(current, who, at=at, comment=comment)
        elif action == "reject":
            decided = ap.reject(current, who, at=at, comment=comment)
        else:
            decided = ap.withdraw(current, who, at=at, comment=comment)
        _save(uow, decided, subject, record, current.version)
        if not decided.is_open:
            subject.on_outcome(uow, record, decided, at)
        uow.commit()
    return decided


def get_approval(uow_factory: UowFactory, caller: Caller, *, record_type: str, record_id: str) -> ap.Approval:
    subject = subject_for(record_type)
    with uow_factory(read_only=True) as uow:
        approval = uow.approvals.for_record(record_type, record_id) if record_id else None
        record = subject.load(uow, record_id) if approval is not None else None
    if approval is None or record is None:
        raise NotFound(f"no approval of {record_type} {record_id}", code="approval.not_found", field="record_id")
    awaits = caller.user_id is not None and approval.awaits(ap.Actor(caller.user_id, frozenset(caller.roles)))
    if not awaits and not caller.can_see_owner(subject.owner(record)):
        raise NotFound(f"no approval of {record_type} {record_id}", code="approval.not_found", field="record_id")
    return approval


@dataclasses.dataclass(frozen=True)
class PendingItem:
    approval: ap.Approval
    owner_id: str
    summary: str


def list_pending(uow_factory: UowFactory, caller: Caller, *, limit: int, cursor: str) -> Page[PendingItem]:
    """The approvals waiting for the caller's decision (the approver's inbox), oldest first."""
    if limit < 0 or limit > MAX_PAGE:
        raise InvalidArgument(f"limit must be between 1 and {MAX_PAGE}", code="page.limit_invalid", field="limit")
    who = actor(caller)
    with uow_factory(read_only=True) as uow:
        page = uow.approvals.pending(who, limit or DEFAULT_PAGE, cursor)
        items = [PendingItem(a, *uow.approvals.summary(a.id)) for a in page.items]
    return Page(items, page.next_cursor)
