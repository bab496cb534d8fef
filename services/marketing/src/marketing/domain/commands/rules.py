"""Assignment-rule and web-form administration, and public form submission."""

from __future__ import annotations

import dataclasses

from crm_chassis.errors import AlreadyExists
from crm_chassis.identity import Caller
from marketing.domain import assignment as asg
from marketing.domain import forms as fm
from marketing.domain.commands.leads import Intake, Origin, intake
from marketing.domain.common import Page, actor_of, check_version, concurrent_write, found, list_request, new_id, now
from marketing.domain.ports import UowFactory
from marketing.domain.settings import MarketingSettings


def create_rule(uow_factory: UowFactory, caller: Caller, draft: dict[str, object]) -> asg.Rule:
    at = now()
    rule = asg.clean_rule(new_id(), **draft, version=1, created_at=at, updated_at=at)  # type: ignore[arg-type]
    with uow_factory() as uow:
        uow.rules.add(rule)
        uow.commit()
    return rule


def get_rule(uow_factory: UowFactory, caller: Caller, rule_id: str) -> asg.Rule:
    with uow_factory(read_only=True) as uow:
        return found(uow.rules.get(rule_id), "assignment_rule", rule_id)


def list_rules(uow_factory: UowFactory, caller: Caller) -> list[asg.Rule]:
    with uow_factory(read_only=True) as uow:
        return asg.ordered(uow.rules.all(include_inactive=True))


def update_rule(
    uow_factory: UowFactory, caller: Caller, rule_id: str, draft: dict[str, object], *, expected_version: int
) -> asg.Rule:
    with uow_factory() as uow:
        current = found(uow.rules.get(rule_id, for_update=True), "assignment_rule", rule_id)
        check_version(current.version, expected_version, "assignment_rule")
        rule = asg.clean_rule(
            rule_id,
            **draft,
            version=current.version + 1,
            created_at=current.created_at,
            updated_at=now(),  # type: ignore[arg-type]
        )
        if not uow.rules.update(rule, expected_version=current.version):
            raise concurrent_write("assignment_rule")
        uow.commit()
    return rule


def delete_rule(uow_factory: UowFactory, caller: Caller, rule_id: str, *, expected_version: int) -> None:
    with uow_factory() as uow:
        current = found(uow.rules.get(rule_id, for_update=True), "assignment_rule", rule_id)
        check_version(current.version, expected_version, "assignment_rule")
        uow.rules.delete(rule_id)
        uow.commit()


# -- forms -----------------------------------------------------------------------------------------


def create_form(uow_factory: UowFactory, caller: Caller, draft: dict[str, object]) -> fm.Form:
    at = now()
    form = fm.clean_form(new_id(), **draft, version=1, created_at=at, updated_at=at, created_by=actor_of(caller))  # type: ignore[arg-type]
    with uow_factory() as uow:
        if uow.forms.by_key(form.key) is not None:
            raise AlreadyExists(f"a form with key {form.key} exists", code="form.key_taken", field="key")
        uow.forms.add(form)
        uow.commit()
    return form


def get_form(uow_factory: UowFactory, caller: Caller, id_or_key: str) -> fm.Form:
    with uow_factory(read_only=True) as uow:
        return found(uow.forms.get(id_or_key) or uow.forms.by_key(id_or_key), "form", id_or_key)


def list_forms(uow_factory: UowFactory, caller: Caller, **page: object) -> Page[fm.Form]:
    request = list_request(caller, **page)  # type: ignore[arg-type]
    with uow_factory(read_only=True) as uow:
        return uow.forms.page(request)


def update_form(
    uow_factory: UowFactory, caller: Caller, form_id: str, draft: dict[str, object], *, expected_version: int
) -> fm.Form:
    with uow_factory() as uow:
        current = found(uow.forms.get(form_id, for_update=True), "form", form_id)
        check_version(current.version, expected_version, "form")
        form = fm.clean_form(
            form_id,
            **{**draft, "key": current.key},  # type: ignore[arg-type]
            version=current.version + 1,
            created_at=current.created_at,
            updated_at=now(),
            created_by=current.created_by,
        )
        if not uow.forms.update(form, expected_version=current.version):
            raise concurrent_write("form")
        uow.commit()
    return form


@dataclasses.dataclass(frozen=True)
class Submission:
    thank_you_message: str
    intake: Intake | None  # None: the honeypot was filled, nothing stored


def submit_form(
    uow_factory: UowFactory,
    caller: Caller,
    settings: MarketingSettings,
    form_key: str,
    values: dict[str, str],
    *,
    submission_id: str,
    utm: dict[str, str],
) -> Submission:
    """A public submission: a filled honeypot is thanked and dropped; otherwise the values are
    validated against the form and go through intake (dedupe, rules, pool)."""
    with uow_factory(read_only=True) as uow:
        form = found(uow.forms.by_key((form_key or "").strip().lower()), "form", form_key)
    if fm.is_bot(form, values):
        return Submission(form.thank_you_message, None)
    from marketing.domain import lead as ld

    fields = fm.submission_fields(form, values, utm)
    origin = Origin(source="web_form", form_id=form.id, submission_id=submission_id[:100], route=form.auto_assign)
    result = intake(uow_factory, caller, settings, fields, origin, utm=ld.clean_utm(utm))
    return Submission(form.thank_you_message, result)
