"""A generic approval engine (DOMAIN_RULES S1-S4): pure rules over plain values, no storage.

Any service can put any kind of record (a quote discount, a contract, a receipt, a campaign
budget...) through a flow of sequential steps. The caller stores the `Approval` value (one per
record) wherever it likes and applies the outcome to its own record; this module only decides.

- States: ``in_review`` → ``approved`` | ``rejected`` | ``withdrawn``; ``approved`` → ``voided``.
  With no flow (or a flow without steps) a submission is ``approved_without_review`` (S1).
- A step is decided by anyone holding its ``role`` or named in ``approver_ids``. Mode ``any``
  (或签): the first approval completes the step. Mode ``all`` (会签): every named approver must
  approve. A rejection at any step ends the round (the record goes back to draft, S4).
- Nobody approves their own submission (S3); the engine refuses, so the step waits for another
  holder of the role (typically the submitter's manager). When the person who completes a step
  may also decide the next one, that next step passes automatically and the history says so (S3).
- Withdrawal is the submitter's, allowed until the final decision (S4). Resubmission starts a new
  round at the first step, with the flow as it is then (S4: amounts may have changed); an
  instance keeps the steps and flow version it started with.
- Every action appends to the history (who, when, what, step, comment) and bumps ``version``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from crm_chassis.errors import FailedPrecondition, InvalidArgument, PermissionDenied

IN_REVIEW = "in_review"
APPROVED = "approved"
REJECTED = "rejected"
WITHDRAWN = "withdrawn"
APPROVED_WITHOUT_REVIEW = "approved_without_review"
VOIDED = "voided"
STATUSES = (IN_REVIEW, APPROVED, REJECTED, WITHDRAWN, APPROVED_WITHOUT_REVIEW, VOIDED)
# The outcomes that let the record go on (e.g. a quote may be sent).
PASSED = frozenset({APPROVED, APPROVED_WITHOUT_REVIEW})

MODES = ("any", "all")
MAX_STEPS = 10
MAX_COMMENT = 2000


@dataclasses.dataclass(frozen=True)
class Step:
    """One node of a flow: who may decide it and how many of them must approve."""

    name: str
    role: str = ""
    approver_ids: tuple[str, ...] = ()
    mode: str = "any"

    def holds(self, actor: Actor) -> bool:
        """Whether `actor` is one of this step's approvers."""
        return (bool(self.role) and self.role in actor.roles) or actor.user_id in self.approver_ids

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role, "approver_ids": list(self.approver_ids), "mode": self.mode}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Step:
        return cls(
            name=str(data.get("name", "")),
            role=str(data.get("role", "")),
            approver_ids=tuple(str(a) for a in data.get("approver_ids", ())),
            mode=str(data.get("mode", "any")),
        )


@dataclasses.dataclass(frozen=True)
class Flow:
    """The steps a kind of record goes through, in order; `version` grows when an admin edits it."""

    key: str
    steps: tuple[Step, ...] = ()
    version: int = 1


@dataclasses.dataclass(frozen=True)
class Actor:
    user_id: str
    roles: frozenset[str] = frozenset()


@dataclasses.dataclass(frozen=True)
class Entry:
    """One line of an approval's history."""

    at: datetime
    actor_id: str
    # submitted | approved | auto_approved | rejected | withdrawn | approved_without_review | voided
    action: str
    round: int
    step: int | None = None
    comment: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "at": self.at.isoformat(),
            "actor_id": self.actor_id,
            "action": self.action,
            "round": self.round,
            "step": self.step,
            "comment": self.comment,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Entry:
        return cls(
            at=datetime.fromisoformat(data["at"]),
            actor_id=str(data["actor_id"]),
            action=str(data["action"]),
            round=int(data["round"]),
            step=None if data.get("step") is None else int(data["step"]),
            comment=str(data.get("comment", "")),
        )


@dataclasses.dataclass(frozen=True)
class Approval:
    """The approval of one record: its current round and the whole history of earlier rounds."""

    id: str
    record_type: str
    record_id: str
    flow_key: str
    flow_version: int
    steps: tuple[Step, ...]
    status: str
    round: int
    # Index into `steps` while in review; None otherwise.
    current_step: int | None
    submitted_by: str
    submitted_at: datetime
    decided_at: datetime | None
    history: tuple[Entry, ...]
    version: int

    @property
    def is_open(self) -> bool:
        return self.status == IN_REVIEW

    @property
    def passed(self) -> bool:
        return self.status in PASSED

    def step(self) -> Step | None:
        return None if self.current_step is None else self.steps[self.current_step]

    def approvers_of_current_step(self) -> frozenset[str]:
        """Who already approved the current step in this round."""
        if self.current_step is None:
            return frozenset()
        return frozenset(
            e.actor_id
            for e in self.history
            if e.round == self.round and e.step == self.current_step and e.action in ("approved", "auto_approved")
        )

    def awaits(self, actor: Actor) -> bool:
        """Whether `actor` may decide now (the 'pending for me' inbox)."""
        step = self.step()
        return (
            self.is_open
            and step is not None
            and step.holds(actor)
            and actor.user_id != self.submitted_by
            and actor.user_id not in self.approvers_of_current_step()
        )


def validate_flow(flow: Flow) -> Flow:
    """The flow if every step can be decided by someone; InvalidArgument otherwise."""
    if not flow.key.strip():
        raise InvalidArgument("a flow needs a key", code="approval.flow_key_required", field="key")
    if len(flow.steps) > MAX_STEPS:
        raise InvalidArgument(f"a flow has at most {MAX_STEPS} steps", code="approval.too_many_steps", field="steps")
    for i, step in enumerate(flow.steps):
        where = f"steps[{i}]"
        if step.mode not in MODES:
            raise InvalidArgument(f"{where}: mode must be any or all", code="approval.mode_invalid", field=where)
        if not step.role.strip() and not step.approver_ids:
            raise InvalidArgument(
                f"{where}: name a role or approvers", code="approval.step_without_approver", field=where
            )
        if step.mode == "all" and not step.approver_ids:
            raise InvalidArgument(
                f"{where}: an all-must step names its approvers", code="approval.all_needs_approvers", field=where
            )
        if len(set(step.approver_ids)) != len(step.approver_ids):
            raise InvalidArgument(
                f"{where}: an approver is named twice", code="approval.duplicate_approver", field=where
            )
    return flow


def _comment(comment: str, *, required: bool, what: str) -> str:
    text = comment.strip()
    if required and not text:
        raise InvalidArgument(f"{what} needs a comment", code="approval.comment_required", field="comment")
    if len(text) > MAX_COMMENT:
        raise InvalidArgument(
            f"a comment has at most {MAX_COMMENT} characters", code="approval.comment_too_long", field="comment"
        )
    return text


def submit(
    flow: Flow | None,
    *,
    approval_id: str,
    record_type: str,
    record_id: str,
    submitter: str,
    at: datetime,
    previous: Approval | None = None,
    comment: str = "",
) -> Approval:
    """Start (or restart, after a rejection or withdrawal) the approval of a record.

    Without steps the record is approved without review. Resubmission starts at step one of the
    flow as it is now, keeping the earlier rounds in the history."""
    text = _comment(comment, required=False, what="a submission")
    if previous is not None and previous.status == IN_REVIEW:
        raise FailedPrecondition(
            f"{record_type} {record_id} is already in review", code="approval.already_in_review", field="status"
        )
    if previous is not None and previous.status in PASSED:
        raise FailedPrecondition(
            f"{record_type} {record_id} is already approved", code="approval.already_approved", field="status"
        )
    steps = validate_flow(flow).steps if flow is not None else ()
    rnd = previous.round + 1 if previous is not None else 1
    history = (previous.history if previous is not None else ()) + (Entry(at, submitter, "submitted", rnd, None, text),)
    base = Approval(
        id=previous.id if previous is not None else approval_id,
        record_type=record_type,
        record_id=record_id,
        flow_key=flow.key if flow is not None else "",
        flow_version=flow.version if flow is not None else 0,
        steps=steps,
        status=IN_REVIEW,
        round=rnd,
        current_step=0,
        submitted_by=submitter,
        submitted_at=at,
        decided_at=None,
        history=history,
        version=(previous.version if previous is not None else 0) + 1,
    )
    if not steps:
        return dataclasses.replace(
            base,
            status=APPROVED_WITHOUT_REVIEW,
            current_step=None,
            decided_at=at,
            history=(*history, Entry(at, submitter, APPROVED_WITHOUT_REVIEW, rnd)),
        )
    return base


def _require_open(approval: Approval) -> Step:
    step = approval.step()
    if not approval.is_open or step is None:
        raise FailedPrecondition(
            f"{approval.record_type} {approval.record_id} is not in review (it is {approval.status})",
            code="approval.not_in_review",
            field="status",
        )
    return step


def _require_decider(approval: Approval, step: Step, actor: Actor) -> None:
    if actor.user_id == approval.submitted_by:
        raise PermissionDenied(
            "nobody approves their own submission; the step waits for another approver",
            code="approval.self_approval",
        )
    if not step.holds(actor):
        raise PermissionDenied(
            f"step {step.name!r} is decided by {step.role or ', '.join(step.approver_ids)}",
            code="approval.not_an_approver",
        )
    if actor.user_id in approval.approvers_of_current_step():
        raise FailedPrecondition(
            f"you already approved step {step.name!r}", code="approval.already_decided", field="status"
        )


def _step_complete(approval: Approval, step: Step) -> bool:
    approvers = approval.approvers_of_current_step()
    if step.mode == "all":
        return set(step.approver_ids) <= approvers
    return bool(approvers)


def approve(approval: Approval, actor: Actor, *, at: datetime, comment: str = "") -> Approval:
    """Record `actor`'s approval of the current step; completes the step, passes later steps the
    same person holds, and approves the record after the last step."""
    step = _require_open(approval)
    _require_decider(approval, step, actor)
    text = _comment(comment, required=False, what="an approval")
    current = dataclasses.replace(
        approval,
        history=(*approval.history, Entry(at, actor.user_id, "approved", approval.round, approval.current_step, text)),
    )
    while True:
        step = current.step()
        assert step is not None and current.current_step is not None
        if not _step_complete(current, step):
            break
        following = current.current_step + 1
        if following == len(current.steps):
            current = dataclasses.replace(current, status=APPROVED, current_step=None, decided_at=at)
            break
        current = dataclasses.replace(current, current_step=following)
        nxt = current.steps[following]
        if not nxt.holds(actor):
            break
        # S3: the same person holds consecutive steps; the later one passes automatically (logged).
        current = dataclasses.replace(
            current,
            history=(
                *current.history,
                Entry(at, actor.user_id, "auto_approved", current.round, following, "same approver as the step before"),
            ),
        )
    return dataclasses.replace(current, version=approval.version + 1)


def reject(approval: Approval, actor: Actor, *, at: datetime, comment: str) -> Approval:
    """Reject at the current step (a comment is required); the record goes back to draft."""
    step = _require_open(approval)
    _require_decider(approval, step, actor)
    text = _comment(comment, required=True, what="a rejection")
    return dataclasses.replace(
        approval,
        status=REJECTED,
        current_step=None,
        decided_at=at,
        history=(*approval.history, Entry(at, actor.user_id, "rejected", approval.round, approval.current_step, text)),
        version=approval.version + 1,
    )


def withdraw(approval: Approval, actor: Actor, *, at: datetime, comment: str = "") -> Approval:
    """The submitter takes the record back before the final decision."""
    _require_open(approval)
    if actor.user_id != approval.submitted_by:
        raise PermissionDenied("only the submitter can withdraw", code="approval.not_submitter")
    text = _comment(comment, required=False, what="a withdrawal")
    return dataclasses.replace(
        approval,
        status=WITHDRAWN,
        current_step=None,
        decided_at=at,
        history=(*approval.history, Entry(at, actor.user_id, "withdrawn", approval.round, approval.current_step, text)),
        version=approval.version + 1,
    )


def void(approval: Approval, actor: Actor, *, at: datetime, comment: str) -> Approval:
    """Void an approved record (S1); a reason is required."""
    if approval.status not in PASSED:
        raise FailedPrecondition(
            f"only an approved {approval.record_type} can be voided", code="approval.not_approved", field="status"
        )
    text = _comment(comment, required=True, what="a void")
    return dataclasses.replace(
        approval,
        status=VOIDED,
        history=(*approval.history, Entry(at, actor.user_id, "voided", approval.round, None, text)),
        version=approval.version + 1,
    )


def pending_for(approvals: Iterable[Approval], actor: Actor) -> list[Approval]:
    """The approvals waiting for `actor`'s decision."""
    return [a for a in approvals if a.awaits(actor)]
