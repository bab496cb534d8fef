"""Proto <-> domain translation for the customers API."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from google.protobuf import json_format
from google.protobuf.message import Message
from google.protobuf.struct_pb2 import Struct
from google.protobuf.timestamp_pb2 import Timestamp

from crm.customers.v1 import customers_service_pb2 as pb
from customers.domain.access import Share
from customers.domain.activity import Activity, NewActivity
from customers.domain.contact import Contact, NewContact
from customers.domain.custom_fields import FieldDefinition
from customers.domain.customer import Customer, NewCustomer
from customers.domain.ports import HistoryEntry, Match


def _ts(value: datetime | None) -> Timestamp | None:
    if value is None:
        return None
    ts = Timestamp()
    ts.FromDatetime(value)
    return ts


def _set(message: Message, **values: Any) -> Message:
    """Set message-typed fields that have a value (None means unset)."""
    for name, value in values.items():
        if value is not None:
            getattr(message, name).CopyFrom(value)
    return message


def to_datetime(message: Message, field: str) -> datetime | None:
    return getattr(message, field).ToDatetime(tzinfo=UTC) if message.HasField(field) else None


def struct_of(values: Mapping[str, Any]) -> Struct:
    out = Struct()
    out.update(dict(values))
    return out


def dict_of(struct: Struct) -> dict[str, Any]:
    return json_format.MessageToDict(struct) if struct is not None else {}


def _optional(message: Message, field: str) -> Any:
    return getattr(message, field) if message.HasField(field) else None


def customer_to_proto(c: Customer) -> pb.Customer:
    message = pb.Customer(
        id=c.id,
        name=c.name,
        owner_id=c.owner_id or "",
        level=c.level,
        industry=c.industry,
        phone=c.phone,
        email=c.email,
        version=c.version,
        created_by=c.created_by,
        kind=c.kind,
        classification=c.classification,
        status=c.status,
        region=c.region,
        source=c.source,
        address=c.address,
        latitude=c.latitude,
        longitude=c.longitude,
        phones=list(c.phones),
        emails=list(c.emails),
        website=c.website,
        tags=list(c.tags),
        uscc=c.uscc,
        pool_id=c.pool_id or "",
        previous_owner_id=c.previous_owner_id or "",
        locked=c.locked,
        deletion_batch_id=c.deletion_batch_id or "",
        merged_into_id=c.merged_into_id or "",
    )
    if c.custom:
        message.custom.CopyFrom(struct_of(c.custom))
    return _set(  # type: ignore[return-value]
        message,
        created_at=_ts(c.created_at),
        updated_at=_ts(c.updated_at),
        owner_since=_ts(c.owner_since),
        last_follow_up_at=_ts(c.last_follow_up_at),
        deal_at=_ts(c.deal_at),
        pool_entered_at=_ts(c.pool_entered_at),
        exemption_ended_at=_ts(c.exemption_ended_at),
        deleted_at=_ts(c.deleted_at),
    )


def new_customer_from_proto(req: pb.CreateCustomerRequest) -> NewCustomer:
    return NewCustomer(
        name=req.name,
        owner_id=req.owner_id,
        level=req.level,
        industry=req.industry,
        phone=req.phone,
        email=req.email,
        kind=req.kind,
        classification=req.classification,
        status=req.status,
        region=req.region,
        source=req.source,
        address=req.address,
        latitude=_optional(req, "latitude"),
        longitude=_optional(req, "longitude"),
        phones=tuple(req.phones),
        emails=tuple(req.emails),
        website=req.website,
        tags=tuple(req.tags),
        uscc=req.uscc,
        custom=dict_of(req.custom),
    )


def customer_patch(patch: pb.CustomerPatch) -> dict[str, Any]:
    return {
        "name": patch.name,
        "level": patch.level,
        "industry": patch.industry,
        "kind": patch.kind,
        "classification": patch.classification,
        "status": patch.status,
        "region": patch.region,
        "source": patch.source,
        "address": patch.address,
        "latitude": _optional(patch, "latitude"),
        "longitude": _optional(patch, "longitude"),
        "phones": tuple(patch.phones),
        "emails": tuple(patch.emails),
        "website": patch.website,
        "tags": tuple(patch.tags),
        "uscc": patch.uscc,
        "custom": dict_of(patch.custom),
    }


def match_to_proto(m: Match) -> pb.DuplicateMatch:
    return pb.DuplicateMatch(
        key_type=m.key_type,
        hard=m.hard,
        customer_id=m.customer_id,
        owner_id=m.owner_id or "",
        contact_id=m.contact_id or "",
    )


def history_to_proto(e: HistoryEntry) -> pb.HistoryEntry:
    import json

    def text(value: Any) -> str:
        return "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)

    return _set(  # type: ignore[return-value]
        pb.HistoryEntry(
            id=e.id,
            entity_type=e.entity_type,
            entity_id=e.entity_id,
            field=e.field,
            old_value=text(e.old),
            new_value=text(e.new),
            actor_id=e.actor_id,
            reason=e.reason,
            change_id=e.change_id,
            version=e.version,
        ),
        changed_at=_ts(e.changed_at),
    )


def share_to_proto(s: Share) -> pb.Share:
    return _set(  # type: ignore[return-value]
        pb.Share(
            customer_id=s.customer_id,
            grantee_type=s.grantee_type,
            grantee_id=s.grantee_id,
            access=s.access,
            created_by=s.created_by,
        ),
        expires_at=_ts(s.expires_at),
        created_at=_ts(s.created_at),
    )


def contact_to_proto(c: Contact) -> pb.Contact:
    message = pb.Contact(
        id=c.id,
        customer_id=c.customer_id,
        name=c.name,
        title=c.title,
        phones=list(c.phones),
        emails=list(c.emails),
        primary=c.primary,
        version=c.version,
        created_by=c.created_by,
    )
    if c.custom:
        message.custom.CopyFrom(struct_of(c.custom))
    return _set(  # type: ignore[return-value]
        message, created_at=_ts(c.created_at), updated_at=_ts(c.updated_at), deleted_at=_ts(c.deleted_at)
    )


def new_contact_from_proto(req: pb.CreateContactRequest) -> NewContact:
    return NewContact(
        customer_id=req.customer_id,
        name=req.name,
        title=req.title,
        phones=tuple(req.phones),
        emails=tuple(req.emails),
        primary=req.primary,
        custom=dict_of(req.custom),
    )


def contact_patch(patch: pb.ContactPatch) -> dict[str, Any]:
    return {
        "name": patch.name,
        "title": patch.title,
        "phones": tuple(patch.phones),
        "emails": tuple(patch.emails),
        "primary": patch.primary,
        "custom": dict_of(patch.custom),
    }


def activity_to_proto(a: Activity) -> pb.Activity:
    return _set(  # type: ignore[return-value]
        pb.Activity(
            id=a.id,
            customer_id=a.customer_id,
            contact_id=a.contact_id or "",
            type=a.type,
            actor_id=a.actor_id,
            content=a.content,
            opportunity_id=a.opportunity_id or "",
            work_order_id=a.work_order_id or "",
        ),
        occurred_at=_ts(a.occurred_at),
        next_follow_up_at=_ts(a.next_follow_up_at),
        created_at=_ts(a.created_at),
    )


def new_activity_from_proto(req: pb.LogActivityRequest) -> NewActivity:
    return NewActivity(
        customer_id=req.customer_id,
        type=req.type,
        content=req.content,
        contact_id=req.contact_id,
        occurred_at=to_datetime(req, "occurred_at"),
        opportunity_id=req.opportunity_id,
        work_order_id=req.work_order_id,
        next_follow_up_at=to_datetime(req, "next_follow_up_at"),
    )


def definition_to_proto(d: FieldDefinition) -> pb.CustomFieldDefinition:
    return _set(  # type: ignore[return-value]
        pb.CustomFieldDefinition(
            entity=d.entity,
            key=d.key,
            label=d.label,
            type=d.type,
            required=d.required,
            options=list(d.options),
            version=d.version,
        ),
        created_at=_ts(d.created_at),
        updated_at=_ts(d.updated_at),
    )
