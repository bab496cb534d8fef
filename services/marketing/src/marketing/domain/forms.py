"""Web forms: fields, mapping to lead fields, campaign, thank-you message and honeypot field; and
turning one public submission into validated lead fields."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from datetime import datetime

from crm_chassis.contact_keys import email_key, phone_key
from crm_chassis.errors import FailedPrecondition, InvalidArgument
from marketing.domain import lead as ld
from marketing.domain.common import bounded, choice, required_text

FIELD_TYPES = ("text", "email", "phone", "textarea", "select")
# Lead fields a form field may map to.
TARGETS = ("company", "contact_name", "title", "phone", "email", "region", "industry", "product_interest", "notes")
KEY = re.compile(r"^[a-z0-9][a-z0-9-]{2,62}$")
NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")
MAX_FIELDS = 40
DEFAULT_MAX_LENGTH = 500
MAX_VALUE = 4000


@dataclasses.dataclass(frozen=True)
class FormField:
    name: str
    label: str
    type: str
    required: bool
    max_length: int
    options: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True)
class Form:
    id: str
    key: str
    name: str
    campaign_id: str
    fields: tuple[FormField, ...]
    mapping: tuple[tuple[str, str], ...]
    thank_you_message: str
    honeypot_field: str
    active: bool
    auto_assign: bool
    version: int
    created_at: datetime
    updated_at: datetime
    created_by: str


def clean_form(
    form_id: str,
    *,
    key: str,
    name: str,
    campaign_id: str,
    fields: Sequence[FormField],
    mapping: Mapping[str, str],
    thank_you_message: str,
    honeypot_field: str,
    active: bool,
    auto_assign: bool,
    version: int,
    created_at: datetime,
    updated_at: datetime,
    created_by: str,
) -> Form:
    """A validated form: unique field names, a mapping from its fields to known lead fields, a
    honeypot that is not one of its fields, and at least a way to reach or name the person."""
    k = (key or "").strip().lower()
    if not KEY.match(k):
        raise InvalidArgument("key: 3-63 lower-case letters, digits or '-'", code="form.key_invalid", field="key")
    if not fields or len(fields) > MAX_FIELDS:
        raise InvalidArgument(f"a form has 1-{MAX_FIELDS} fields", code="form.fields_invalid", field="fields")
    names: set[str] = set()
    cleaned = []
    for i, f in enumerate(fields):
        where = f"fields[{i}]"
        if not NAME.match(f.name or ""):
            raise InvalidArgument(f"{where}: name must be an identifier", code="form.field_name_invalid", field=where)
        if f.name in names:
            raise InvalidArgument(f"{where}: {f.name} appears twice", code="form.field_duplicate", field=where)
        names.add(f.name)
        max_length = f.max_length or DEFAULT_MAX_LENGTH
        if not 1 <= max_length <= MAX_VALUE:
            raise InvalidArgument(f"{where}: max_length 1-{MAX_VALUE}", code="form.max_length_invalid", field=where)
        cleaned.append(
            FormField(
                name=f.name,
                label=bounded(f.label or f.name, f"{where}.label", max_len=200),
                type=choice(f.type, f"{where}.type", FIELD_TYPES, default="text"),
                required=f.required,
                max_length=max_length,
                options=tuple(bounded(o, f"{where}.options", max_len=200) for o in f.options),
            )
        )
    pairs = []
    for source, target in mapping.items():
        if source not in names:
            raise InvalidArgument(
                f"mapping: {source} is not a field of the form", code="form.mapping_unknown_field", field="mapping"
            )
        pairs.append((source, choice(target, f"mapping.{source}", TARGETS)))
    mapped = {t for _, t in pairs}
    if not mapped & {"company", "contact_name", "phone", "email"}:
        raise InvalidArgument(
            "map at least one of company, contact_name, phone or email", code="form.mapping_incomplete", field="mapping"
        )
    honeypot = (honeypot_field or "").strip()
    if honeypot and (not NAME.match(honeypot) or honeypot in names):
        raise InvalidArgument(
            "honeypot_field must be an identifier that is not a visible field",
            code="form.honeypot_invalid",
            field="honeypot_field",
        )
    return Form(
        id=form_id,
        key=k,
        name=required_text(name, "name"),
        campaign_id=bounded(campaign_id, "campaign_id", max_len=36),
        fields=tuple(cleaned),
        mapping=tuple(sorted(pairs)),
        thank_you_message=bounded(thank_you_message, "thank_you_message", max_len=2000) or "Thank you!",
        honeypot_field=honeypot,
        active=active,
        auto_assign=auto_assign,
        version=version,
        created_at=created_at,
        updated_at=updated_at,
        created_by=created_by,
    )


def is_bot(form: Form, values: Mapping[str, str]) -> bool:
    """A filled honeypot: accept silently, store nothing."""
    return bool(form.honeypot_field) and bool((values.get(form.honeypot_field) or "").strip())


def submission_fields(form: Form, values: Mapping[str, str], utm: dict[str, str]) -> ld.LeadFields:
    """Validates a submission against the form and maps it to lead fields (source web_form, the
    form's campaign). Unknown fields are refused: a public endpoint takes only what it declares."""
    if not form.active:
        raise FailedPrecondition("this form is closed", code="form.inactive", field="form_key")
    declared = {f.name: f for f in form.fields}
    unknown = sorted(set(values) - set(declared) - {form.honeypot_field})
    if unknown:
        raise InvalidArgument(f"unknown field {unknown[0]}", code="form.unknown_field", field=unknown[0])
    texts: dict[str, str] = {}
    phones: list[str] = []
    emails: list[str] = []
    for f in form.fields:
        value = (values.get(f.name) or "").strip()
        if not value:
            if f.required:
                raise InvalidArgument(f"{f.label} is required", code="form.field_required", field=f.name)
            continue
        if len(value) > f.max_length:
            raise InvalidArgument(f"{f.label} is too long", code="form.field_too_long", field=f.name)
        if f.type == "email" and email_key(value) is None:
            raise InvalidArgument(f"{f.label} is not an email address", code="form.email_invalid", field=f.name)
        if f.type == "phone" and phone_key(value) is None:
            raise InvalidArgument(f"{f.label} is not a phone number", code="form.phone_invalid", field=f.name)
        if f.type == "select" and f.options and value not in f.options:
            raise InvalidArgument(f"{f.label}: choose one of the options", code="form.option_invalid", field=f.name)
    for source, target in form.mapping:
        value = (values.get(source) or "").strip()
        if not value:
            continue
        if target == "phone":
            phones.append(value)
        elif target == "email":
            emails.append(value)
        elif target == "notes" and texts.get("notes"):
            texts["notes"] += "\n" + value
        else:
            texts[target] = value
    texts["source"] = "web_form"
    texts["campaign_id"] = form.campaign_id
    return ld.clean_fields(texts=texts, phones=phones, emails=emails, budget=None, utm=utm)
