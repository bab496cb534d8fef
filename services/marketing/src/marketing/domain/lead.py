"""Leads: fields, match keys, the status machine, the lead pool and the conversion state.

new → assigned → contacted → qualified → converted, or disqualified (with a reason) or returned
(to the pool). A lead without an owner in status new or returned sits in the lead pool. Intake of
the same normalised phone or email within the dedupe window adds a touch to the existing lead
instead of creating a second one. Conversion is pending until the customers service resolves the
customer (and, when asked, sales opens the opportunity); a conflict is kept on the lead, visible.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

from crm_chassis.contact_keys import email_key, phone_key
from crm_chassis.errors import FailedPrecondition, InvalidArgument, PermissionDenied
from marketing.domain.common import Money, bounded, money

NEW, ASSIGNED, CONTACTED, QUALIFIED, CONVERTED, DISQUALIFIED, RETURNED = (
    "new",
    "assigned",
    "contacted",
    "qualified",
    "converted",
    "disqualified",
    "returned",
)
STATUSES = (NEW, ASSIGNED, CONTACTED, QUALIFIED, CONVERTED, DISQUALIFIED, RETURNED)
# Leads still being worked (they count as "open" for least-open assignment).
OPEN = frozenset({ASSIGNED, CONTACTED, QUALIFIED})
CLOSED = frozenset({CONVERTED, DISQUALIFIED})
POOL_STATUSES = frozenset({NEW, RETURNED})
# Status moves a user makes by editing the lead.
MANUAL_MOVES = {CONTACTED: frozenset({ASSIGNED}), QUALIFIED: frozenset({ASSIGNED, CONTACTED})}
PENDING, DONE, CONFLICT = "pending", "done", "conflict"
UTM_KEYS = ("source", "medium", "campaign", "term", "content")
MAX_PHONES = MAX_EMAILS = 5
TEXT_FIELDS = {
    "company": 200,
    "contact_name": 100,
    "title": 100,
    "region": 100,
    "industry": 100,
    "source": 50,
    "campaign_id": 36,
    "product_interest": 200,
    "notes": 4000,
}
EDITABLE = frozenset({*TEXT_FIELDS, "phones", "emails", "estimated_budget", "utm", "status"})


@dataclasses.dataclass(frozen=True)
class LeadFields:
    company: str = ""
    contact_name: str = ""
    title: str = ""
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    region: str = ""
    industry: str = ""
    source: str = ""
    campaign_id: str = ""
    product_interest: str = ""
    estimated_budget: Money | None = None
    notes: str = ""
    utm: tuple[tuple[str, str], ...] = ()


@dataclasses.dataclass(frozen=True)
class Conversion:
    conversion_id: str
    state: str
    outcome: str = ""
    customer_id: str = ""
    contact_id: str = ""
    opportunity_id: str = ""
    create_opportunity: bool = False
    conflict_owner_id: str = ""
    detail: str = ""
    requested_by: str = ""
    requested_at: datetime | None = None
    resolved_at: datetime | None = None
    # What the user asked for (kept for a retry after a conflict).
    opportunity: dict[str, object] | None = None

    def to_dict(self) -> dict[str, object]:
        d = dataclasses.asdict(self)
        for k in ("requested_at", "resolved_at"):
            d[k] = d[k].isoformat() if d[k] else None
        return d

    @classmethod
    def from_dict(cls, d: dict[str, object]) -> Conversion:
        data = dict(d)
        for k in ("requested_at", "resolved_at"):
            data[k] = datetime.fromisoformat(data[k]) if data.get(k) else None  # type: ignore[arg-type]
        return cls(**data)  # type: ignore[arg-type]


@dataclasses.dataclass(frozen=True)
class Lead:
    id: str
    fields: LeadFields
    owner_id: str
    status: str
    disqualify_reason: str
    pool_entered_at: datetime | None
    assigned_at: datetime | None
    contacted_at: datetime | None
    reminded_at: datetime | None
    previous_owner_id: str
    assignment_rule_id: str
    touch_count: int
    last_touch_at: datetime
    form_id: str
    conversion: Conversion | None
    version: int
    created_at: datetime
    updated_at: datetime
    created_by: str

    @property
    def in_pool(self) -> bool:
        return not self.owner_id and self.status in POOL_STATUSES

    @property
    def converted_customer_id(self) -> str:
        return self.conversion.customer_id if self.conversion else ""


@dataclasses.dataclass(frozen=True)
class Touch:
    id: str
    lead_id: str
    at: datetime
    source: str
    campaign_id: str
    form_id: str
    submission_id: str
    utm: tuple[tuple[str, str], ...]
    detail: str


# -- validation and keys ---------------------------------------------------------------------------


def clean_phones(raw: tuple[str, ...] | list[str], field: str = "phones") -> tuple[str, ...]:
    phones = tuple(p.strip() for p in raw if p and p.strip())
    if len(phones) > MAX_PHONES:
        raise InvalidArgument(f"at most {MAX_PHONES} phones", code="lead.too_many_phones", field=field)
    for i, p in enumerate(phones):
        if len(p) > 40 or phone_key(p) is None:
            raise InvalidArgument(f"{p!r} is not a phone number", code="lead.phone_invalid", field=f"{field}[{i}]")
    return phones


def clean_emails(raw: tuple[str, ...] | list[str], field: str = "emails") -> tuple[str, ...]:
    emails = tuple(e.strip() for e in raw if e and e.strip())
    if len(emails) > MAX_EMAILS:
        raise InvalidArgument(f"at most {MAX_EMAILS} emails", code="lead.too_many_emails", field=field)
    for i, e in enumerate(emails):
        if len(e) > 254 or email_key(e) is None:
            raise InvalidArgument(f"{e!r} is not an email address", code="lead.email_invalid", field=f"{field}[{i}]")
    return emails


def clean_utm(raw: dict[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple((k, bounded(raw.get(k, ""), f"utm.{k}", max_len=200)) for k in UTM_KEYS if raw.get(k, "").strip())


def clean_fields(
    *,
    texts: dict[str, str],
    phones: tuple[str, ...] | list[str],
    emails: tuple[str, ...] | list[str],
    budget: tuple[int, str] | None,
    utm: dict[str, str],
) -> LeadFields:
    """Validated lead fields; a lead needs a name (company or contact) or a way to reach it."""
    values = {
        name: bounded(
            " ".join((texts.get(name) or "").split()) if name != "notes" else texts.get(name) or "", name, max_len=limit
        )
        for name, limit in TEXT_FIELDS.items()
    }
    fields = LeadFields(
        **values,
        phones=clean_phones(phones),
        emails=clean_emails(emails),
        estimated_budget=None if budget is None else money(budget[0], budget[1], "estimated_budget"),
        utm=clean_utm(utm),
    )
    if not (fields.company or fields.contact_name or fields.phones or fields.emails):
        raise InvalidArgument(
            "a lead needs a company, a contact name, a phone or an email", code="lead.empty", field="contact_name"
        )
    return fields


def match_keys(fields: LeadFields) -> list[tuple[str, str]]:
    """The normalised phone and email keys intake matches duplicates by (valid phones only)."""
    keys: list[tuple[str, str]] = []
    for p in fields.phones:
        k = phone_key(p)
        if k is not None and k.valid and ("phone", k.value) not in keys:
            keys.append(("phone", k.value))
    for e in fields.emails:
        k2 = email_key(e)
        if k2 is not None and ("email", k2) not in keys:
            keys.append(("email", k2))
    return keys


def within_window(lead: Lead, at: datetime, window_seconds: int) -> bool:
    """Whether an intake at `at` is a duplicate of `lead`: same key, lead still open, last seen in the window."""
    return lead.status not in CLOSED and at - lead.last_touch_at <= timedelta(seconds=window_seconds)


# -- life cycle ------------------------------------------------------------------------------------


def new_lead(
    lead_id: str, fields: LeadFields, *, owner_id: str, actor: str, at: datetime, form_id: str = "", rule_id: str = ""
) -> Lead:
    return Lead(
        id=lead_id,
        fields=fields,
        owner_id=owner_id,
        status=ASSIGNED if owner_id else NEW,
        disqualify_reason="",
        pool_entered_at=None if owner_id else at,
        assigned_at=at if owner_id else None,
        contacted_at=None,
        reminded_at=None,
        previous_owner_id="",
        assignment_rule_id=rule_id,
        touch_count=1,
        last_touch_at=at,
        form_id=form_id,
        conversion=None,
        version=1,
        created_at=at,
        updated_at=at,
        created_by=actor,
    )


def _bump(lead: Lead, at: datetime, **changes: object) -> Lead:
    return dataclasses.replace(lead, **changes, updated_at=at, version=lead.version + 1)  # type: ignore[arg-type]


def touched(lead: Lead, at: datetime) -> Lead:
    return _bump(lead, at, touch_count=lead.touch_count + 1, last_touch_at=at)


def _require_open(lead: Lead, what: str) -> None:
    if lead.status in CLOSED:
        raise FailedPrecondition(f"a {lead.status} lead cannot be {what}", code="lead.closed", field="status")


def assign(lead: Lead, owner_id: str, *, at: datetime, rule_id: str = "") -> Lead:
    """The lead owned by `owner_id`; new / returned become assigned, worked statuses stay."""
    _require_open(lead, "assigned")
    if not owner_id:
        raise InvalidArgument("owner_id is required", code="owner_id_required", field="owner_id")
    status = ASSIGNED if lead.status in (NEW, RETURNED, ASSIGNED) else lead.status
    return _bump(
        lead,
        at,
        owner_id=owner_id,
        status=status,
        assigned_at=at,
        reminded_at=None,
        pool_entered_at=None,
        previous_owner_id=lead.owner_id or lead.previous_owner_id,
        assignment_rule_id=rule_id,
    )


def grab(lead: Lead, user_id: str, *, at: datetime) -> Lead:
    if not lead.in_pool:
        raise FailedPrecondition("the lead is not in the pool", code="lead.not_in_pool", field="owner_id")
    return assign(lead, user_id, at=at)


def release(lead: Lead, *, at: datetime) -> Lead:
    """Back to the pool (status returned, owner cleared, previous owner kept)."""
    _require_open(lead, "released")
    if lead.in_pool:
        raise FailedPrecondition("the lead is already in the pool", code="lead.already_in_pool", field="owner_id")
    return _bump(
        lead,
        at,
        owner_id="",
        status=RETURNED,
        previous_owner_id=lead.owner_id or lead.previous_owner_id,
        pool_entered_at=at,
        reminded_at=None,
    )


def move(lead: Lead, status: str, *, at: datetime) -> Lead:
    """A user's status move: contacted (from assigned), qualified (from assigned or contacted)."""
    allowed = MANUAL_MOVES.get(status)
    if allowed is None:
        raise InvalidArgument(
            "status may be set to contacted or qualified (other moves have their own actions)",
            code="lead.status_not_settable",
            field="status",
        )
    if lead.status not in allowed:
        raise FailedPrecondition(
            f"a {lead.status} lead cannot become {status}", code="lead.invalid_transition", field="status"
        )
    return _bump(lead, at, status=status, contacted_at=lead.contacted_at or at)


def disqualify(lead: Lead, reason: str, *, at: datetime) -> Lead:
    _require_open(lead, "disqualified")
    text = bounded(reason, "reason", max_len=500)
    if not text:
        raise InvalidArgument("a reason is required", code="reason_required", field="reason")
    return _bump(lead, at, status=DISQUALIFIED, disqualify_reason=text)


def require_owner_or_manager(lead: Lead, actor: str, is_manager: bool) -> None:
    if lead.owner_id != actor and not is_manager:
        raise PermissionDenied("only the owner or a manager may do this", code="lead.not_owner")


def convert(
    lead: Lead,
    conversion_id: str,
    *,
    actor: str,
    at: datetime,
    create_opportunity: bool,
    opportunity: dict[str, object] | None,
) -> Lead:
    """Status converted with a pending conversion; only an owned, open lead converts, once."""
    if lead.status == CONVERTED:
        raise FailedPrecondition("the lead is already converted", code="lead.already_converted", field="status")
    _require_open(lead, "converted")
    if not lead.owner_id:
        raise FailedPrecondition(
            "grab or assign the lead before converting it", code="lead.not_owned", field="owner_id"
        )
    conversion = Conversion(
        conversion_id=conversion_id,
        state=PENDING,
        create_opportunity=create_opportunity,
        requested_by=actor,
        requested_at=at,
        opportunity=opportunity,
    )
    return _bump(lead, at, status=CONVERTED, conversion=conversion, contacted_at=lead.contacted_at or at)


def _complete(c: Conversion, at: datetime) -> Conversion:
    if c.state == PENDING and c.customer_id and (not c.create_opportunity or c.opportunity_id):
        return dataclasses.replace(c, state=DONE, resolved_at=at)
    return c


def resolve(
    lead: Lead,
    conversion_id: str,
    *,
    outcome: str,
    customer_id: str,
    contact_id: str,
    conflict_owner_id: str,
    detail: str,
    at: datetime,
) -> tuple[Lead, str | None]:
    """Applies the customers service's answer. Returns (lead, previous status when a conflict put
    the lead back) — a conflict keeps the conversion visible with the owner it collided with."""
    c = lead.conversion
    if c is None or c.conversion_id != conversion_id or c.state != PENDING:
        return lead, None  # a stale or repeated answer changes nothing
    if outcome == CONFLICT:
        updated = dataclasses.replace(
            c, state=CONFLICT, outcome=outcome, conflict_owner_id=conflict_owner_id, detail=detail, resolved_at=at
        )
        return _bump(lead, at, conversion=updated, status=QUALIFIED), QUALIFIED
    updated = dataclasses.replace(c, outcome=outcome, customer_id=customer_id, contact_id=contact_id, detail=detail)
    return _bump(lead, at, conversion=_complete(updated, at)), None


def opportunity_opened(lead: Lead, opportunity_id: str, *, at: datetime) -> Lead:
    c = lead.conversion
    if c is None or c.opportunity_id == opportunity_id:
        return lead
    return _bump(lead, at, conversion=_complete(dataclasses.replace(c, opportunity_id=opportunity_id), at))


def customer_merged(lead: Lead, victim_id: str, survivor_id: str, *, at: datetime) -> Lead:
    c = lead.conversion
    if c is None or c.customer_id != victim_id:
        return lead
    return _bump(lead, at, conversion=dataclasses.replace(c, customer_id=survivor_id))


# -- first-contact timer ---------------------------------------------------------------------------


def contact_clock(lead: Lead) -> datetime | None:
    """When the first-contact clock started (assignment), or None when it does not run."""
    if lead.status != ASSIGNED or not lead.owner_id or lead.contacted_at is not None:
        return None
    return lead.assigned_at


def reminder_due(lead: Lead, as_of: datetime, reminder_seconds: int) -> bool:
    start = contact_clock(lead)
    return (
        start is not None
        and reminder_seconds > 0
        and lead.reminded_at is None
        and as_of - start >= timedelta(seconds=reminder_seconds)
    )


def return_due(lead: Lead, as_of: datetime, deadline_seconds: int, reminder_seconds: int) -> bool:
    """Due to return: past the deadline, and (when reminders are on) reminded first."""
    start = contact_clock(lead)
    if start is None or as_of - start < timedelta(seconds=deadline_seconds):
        return False
    return reminder_seconds <= 0 or lead.reminded_at is not None


def reminded(lead: Lead, at: datetime) -> Lead:
    return _bump(lead, at, reminded_at=at)


# -- pool masking (M1 reuses C14: contact data stays masked until the lead is taken) ------------


def mask_phone(value: str) -> str:
    """`13812345678` -> `138****5678` (at most the first 3 and last 4 characters shown)."""
    text = value.strip()
    if len(text) <= 7:
        return "*" * len(text)
    return text[:3] + "****" + text[-4:]


def mask_email(value: str) -> str:
    """`ada@example.com` -> `a***@example.com`."""
    local, at, domain = value.strip().partition("@")
    return (local[:1] + "***" + at + domain) if at else "***"


def as_seen_by(lead: Lead, *, privileged: bool) -> Lead:
    """The lead as a caller sees it: a pool lead's phones and emails are masked until someone
    grabs or is assigned it, except for managers (who assign from the pool)."""
    if privileged or not lead.in_pool:
        return lead
    masked = dataclasses.replace(
        lead.fields,
        phones=tuple(mask_phone(p) for p in lead.fields.phones),
        emails=tuple(mask_email(e) for e in lead.fields.emails),
    )
    return dataclasses.replace(lead, fields=masked)
