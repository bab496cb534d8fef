"""The customer record and the rules for creating one."""

from __future__ import annotations

import dataclasses
import re
import uuid
from datetime import datetime

from crm_chassis.errors import InvalidArgument

LEVELS = ("", "A", "B", "C")
NAME_MAX = 200
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9][0-9 ()\-]{3,30}$")


@dataclasses.dataclass(frozen=True)
class Customer:
    id: str
    name: str
    owner_id: str
    level: str
    industry: str
    phone: str
    email: str
    version: int
    created_at: datetime
    updated_at: datetime
    created_by: str


@dataclasses.dataclass(frozen=True)
class NewCustomer:
    """What a caller asks for when creating a customer (unvalidated)."""

    name: str
    owner_id: str = ""
    level: str = ""
    industry: str = ""
    phone: str = ""
    email: str = ""


@dataclasses.dataclass(frozen=True)
class CustomerCreated:
    customer: Customer


def create(request: NewCustomer, *, actor_id: str | None, now: datetime) -> Customer:
    """A valid new Customer (version 1) or InvalidArgument naming the first bad field."""
    name = " ".join(request.name.split())
    if not name:
        raise InvalidArgument("name must not be empty", code="customer.name_required", field="name")
    if len(name) > NAME_MAX:
        raise InvalidArgument(f"name is longer than {NAME_MAX} characters", code="customer.name_too_long", field="name")
    owner = request.owner_id.strip() or (actor_id or "")
    if not owner:
        raise InvalidArgument(
            "owner_id is required when no user is calling", code="customer.owner_required", field="owner_id"
        )
    level = request.level.strip().upper()
    if level not in LEVELS:
        raise InvalidArgument("level must be A, B or C", code="customer.level_invalid", field="level")
    email = request.email.strip()
    if email and not _EMAIL.match(email):
        raise InvalidArgument("email is not a valid address", code="customer.email_invalid", field="email")
    phone = request.phone.strip()
    if phone and not _PHONE.match(phone):
        raise InvalidArgument("phone is not a valid number", code="customer.phone_invalid", field="phone")
    return Customer(
        id=str(uuid.uuid4()),
        name=name,
        owner_id=owner,
        level=level,
        industry=request.industry.strip()[:100],
        phone=phone,
        email=email,
        version=1,
        created_at=now,
        updated_at=now,
        created_by=actor_id or "",
    )
