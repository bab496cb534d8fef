"""Admin use cases: custom field definitions (who may call them is the gateway's permission check)."""

from __future__ import annotations

from collections.abc import Iterable

from crm_chassis.errors import AlreadyExists, FailedPrecondition, NotFound, VersionConflict
from crm_chassis.identity import Caller
from customers.domain import custom_fields as cf
from customers.domain.commands import UowFactory, now
from customers.domain.customer import check_version


def define_custom_field(
    uow_factory: UowFactory,
    caller: Caller,
    *,
    entity: str,
    key: str,
    label: str,
    type_: str,
    required: bool,
    options: Iterable[str],
) -> cf.FieldDefinition:
    definition = cf.define(
        entity=entity, key=key, label=label, type_=type_, required=required, options=options, now=now()
    )
    with uow_factory() as uow:
        existing = uow.custom_fields.definitions(definition.entity)
        if definition.key in existing or not uow.custom_fields.add(definition):
            raise AlreadyExists(
                f"{definition.entity} already has a custom field {definition.key!r}",
                code="custom_field.exists",
                field="key",
            )
        if len(existing) >= cf.MAX_DEFINITIONS:
            raise FailedPrecondition(
                f"at most {cf.MAX_DEFINITIONS} custom fields per entity", code="custom_field.too_many", field="key"
            )
        uow.commit()
    return definition


def update_custom_field(
    uow_factory: UowFactory,
    caller: Caller,
    *,
    entity: str,
    key: str,
    expected_version: int,
    label: str,
    required: bool,
    options: Iterable[str],
) -> cf.FieldDefinition:
    entity = cf.clean_entity(entity)
    with uow_factory() as uow:
        current = uow.custom_fields.definitions(entity).get(key)
        if current is None:
            raise NotFound(f"{entity} has no custom field {key!r}", code="custom_field.not_found", field="key")
        check_version(current.version, expected_version, what=f"custom field {key}")
        updated = cf.redefine(current, label=label, required=required, options=options, now=now())
        if not uow.custom_fields.update(updated, expected_version=current.version):
            raise VersionConflict(f"custom field {key} changed while saving", code="version_conflict", field="key")
        uow.commit()
    return updated


def list_custom_fields(uow_factory: UowFactory, caller: Caller, *, entity: str) -> list[cf.FieldDefinition]:
    entity = cf.clean_entity(entity)
    with uow_factory(read_only=True) as uow:
        return sorted(uow.custom_fields.definitions(entity).values(), key=lambda d: (d.created_at, d.key))
