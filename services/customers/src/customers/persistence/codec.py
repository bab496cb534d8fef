"""Rows <-> domain records, with the sensitive fields encrypted on the way in and out."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy.engine import Row

from crm_chassis.db import as_utc
from customers.crypto import FieldCrypto
from customers.domain.activity import Activity
from customers.domain.contact import Contact
from customers.domain.customer import Customer


def utc(value: datetime | None) -> datetime | None:
    return None if value is None else as_utc(value)


def seal_list(crypto: FieldCrypto, values: Sequence[str], context: str) -> str | None:
    """The encrypted JSON list, or None when empty (nothing to hide)."""
    if not values:
        return None
    return crypto.encrypt(json.dumps(list(values), ensure_ascii=False), context)


def open_list(crypto: FieldCrypto, token: str | None, context: str) -> tuple[str, ...]:
    if not token:
        return ()
    return tuple(json.loads(crypto.decrypt(token, context)))


def customer_context(customer_id: str, field: str) -> str:
    return f"customer:{customer_id}:{field}"


def contact_context(contact_id: str, field: str) -> str:
    return f"contact:{contact_id}:{field}"


def customer_values(c: Customer, crypto: FieldCrypto) -> dict[str, Any]:
    return {
        "id": c.id,
        "name": c.name,
        "owner_id": c.owner_id,
        "level": c.level,
        "industry": c.industry,
        "version": c.version,
        "created_at": c.created_at,
        "updated_at": c.updated_at,
        "created_by": c.created_by,
        "kind": c.kind,
        "classification": c.classification,
        "status": c.status,
        "region": c.region,
        "source": c.source,
        "address": c.address,
        "latitude": c.latitude,
        "longitude": c.longitude,
        "phones_enc": seal_list(crypto, c.phones, customer_context(c.id, "phones")),
        "emails_enc": seal_list(crypto, c.emails, customer_context(c.id, "emails")),
        "website": c.website,
        "tags": list(c.tags),
        "uscc": c.uscc,
        "custom": dict(c.custom),
        "owner_since": c.owner_since,
        "last_follow_up_at": c.last_follow_up_at,
        "deal_at": c.deal_at,
        "pool_id": c.pool_id,
        "pool_entered_at": c.pool_entered_at,
        "previous_owner_id": c.previous_owner_id,
        "exemption_ended_at": c.exemption_ended_at,
        "contract_paused": c.contract_paused,
        "locked": c.locked,
        "deleted_at": c.deleted_at,
        "deletion_batch_id": c.deletion_batch_id,
        "merged_into_id": c.merged_into_id,
    }


def customer_from_row(row: Row, crypto: FieldCrypto) -> Customer:
    m = row._mapping
    return Customer(
        id=m["id"],
        name=m["name"],
        owner_id=m["owner_id"],
        level=m["level"],
        industry=m["industry"],
        version=m["version"],
        created_at=as_utc(m["created_at"]),
        updated_at=as_utc(m["updated_at"]),
        created_by=m["created_by"],
        kind=m["kind"],
        classification=m["classification"],
        status=m["status"],
        region=m["region"],
        source=m["source"],
        address=m["address"],
        latitude=m["latitude"],
        longitude=m["longitude"],
        phones=open_list(crypto, m["phones_enc"], customer_context(m["id"], "phones")),
        emails=open_list(crypto, m["emails_enc"], customer_context(m["id"], "emails")),
        website=m["website"],
        tags=tuple(m["tags"] or ()),
        uscc=m["uscc"],
        custom=dict(m["custom"] or {}),
        owner_since=utc(m["owner_since"]),
        last_follow_up_at=utc(m["last_follow_up_at"]),
        deal_at=utc(m["deal_at"]),
        pool_id=m["pool_id"],
        pool_entered_at=utc(m["pool_entered_at"]),
        previous_owner_id=m["previous_owner_id"],
        exemption_ended_at=utc(m["exemption_ended_at"]),
        contract_paused=bool(m["contract_paused"]),
        locked=bool(m["locked"]),
        deleted_at=utc(m["deleted_at"]),
        deletion_batch_id=m["deletion_batch_id"],
        merged_into_id=m["merged_into_id"],
    )


def contact_values(c: Contact, crypto: FieldCrypto) -> dict[str, Any]:
    return {
        "id": c.id,
        "customer_id": c.customer_id,
        "name": c.name,
        "title": c.title,
        "phones_enc": seal_list(crypto, c.phones, contact_context(c.id, "phones")),
        "emails_enc": seal_list(crypto, c.emails, contact_context(c.id, "emails")),
        "is_primary": c.primary,
        "custom": dict(c.custom),
        "version": c.version,
        "created_at": c.created_at,
        "updated_at": c.updated_at,
        "created_by": c.created_by,
        "deleted_at": c.deleted_at,
        "deletion_batch_id": c.deletion_batch_id,
    }


def contact_from_row(row: Row, crypto: FieldCrypto) -> Contact:
    m = row._mapping
    return Contact(
        id=m["id"],
        customer_id=m["customer_id"],
        name=m["name"],
        title=m["title"],
        phones=open_list(crypto, m["phones_enc"], contact_context(m["id"], "phones")),
        emails=open_list(crypto, m["emails_enc"], contact_context(m["id"], "emails")),
        primary=bool(m["is_primary"]),
        custom=dict(m["custom"] or {}),
        version=m["version"],
        created_at=as_utc(m["created_at"]),
        updated_at=as_utc(m["updated_at"]),
        created_by=m["created_by"],
        deleted_at=utc(m["deleted_at"]),
        deletion_batch_id=m["deletion_batch_id"],
    )


def activity_values(a: Activity) -> dict[str, Any]:
    return {
        "id": a.id,
        "customer_id": a.customer_id,
        "contact_id": a.contact_id,
        "type": a.type,
        "occurred_at": a.occurred_at,
        "actor_id": a.actor_id,
        "content": a.content,
        "opportunity_id": a.opportunity_id,
        "work_order_id": a.work_order_id,
        "next_follow_up_at": a.next_follow_up_at,
        "created_at": a.created_at,
        "deleted_at": a.deleted_at,
        "deletion_batch_id": a.deletion_batch_id,
    }


def activity_from_row(row: Row) -> Activity:
    m = row._mapping
    return Activity(
        id=m["id"],
        customer_id=m["customer_id"],
        contact_id=m["contact_id"],
        type=m["type"],
        occurred_at=as_utc(m["occurred_at"]),
        actor_id=m["actor_id"],
        content=m["content"],
        opportunity_id=m["opportunity_id"],
        work_order_id=m["work_order_id"],
        next_follow_up_at=utc(m["next_follow_up_at"]),
        created_at=as_utc(m["created_at"]),
        deleted_at=utc(m["deleted_at"]),
        deletion_batch_id=m["deletion_batch_id"],
    )
