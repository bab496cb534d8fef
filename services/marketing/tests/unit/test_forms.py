"""Web forms: definition checks, honeypot, and mapping a submission to lead fields."""

from datetime import UTC, datetime

import pytest

from crm_chassis.errors import InvalidArgument
from marketing.domain import forms as fm

AT = datetime(2027, 3, 1, tzinfo=UTC)


def form(**kw):
    base = {
        "key": "expo-2027",
        "name": "Expo",
        "campaign_id": "c1",
        "fields": [
            fm.FormField("name", "Name", "text", True, 0),
            fm.FormField("email", "Email", "email", False, 0),
            fm.FormField("phone", "Phone", "phone", False, 20),
        ],
        "mapping": {"name": "contact_name", "email": "email", "phone": "phone"},
        "thank_you_message": "",
        "honeypot_field": "website",
        "active": True,
        "auto_assign": True,
        "version": 1,
        "created_at": AT,
        "updated_at": AT,
        "created_by": "mk1",
    }
    base.update(kw)
    return fm.clean_form("f1", **base)


def test_a_submission_maps_to_lead_fields_with_the_campaign():
    f = fm.submission_fields(form(), {"name": "Ada", "email": "ada@example.com"}, {"source": "wechat"})
    assert (f.contact_name, f.emails, f.source, f.campaign_id) == ("Ada", ("ada@example.com",), "web_form", "c1")
    assert dict(f.utm) == {"source": "wechat"}


@pytest.mark.parametrize(
    "values, code",
    [
        ({"email": "a@b.co"}, "form.field_required"),
        ({"name": "Ada", "email": "nope"}, "form.email_invalid"),
        ({"name": "Ada", "phone": "1" * 21}, "form.field_too_long"),
        ({"name": "Ada", "extra": "x"}, "form.unknown_field"),
    ],
)
def test_bad_submissions_are_refused(values, code):
    with pytest.raises(InvalidArgument) as e:
        fm.submission_fields(form(), values, {})
    assert e.value.code == code


def test_honeypot():
    assert fm.is_bot(form(), {"name": "x", "website": "http://spam"})
    assert not fm.is_bot(form(), {"name": "x", "website": " "})


def test_form_definition_checks():
    with pytest.raises(InvalidArgument) as e:
        form(key="A B")
    assert e.value.code == "form.key_invalid"
    with pytest.raises(InvalidArgument) as e:
        form(mapping={"name": "salary"})
    assert e.value.code == "mapping.name_invalid"
    with pytest.raises(InvalidArgument) as e:
        form(honeypot_field="name")
    assert e.value.code == "form.honeypot_invalid"
    assert form(thank_you_message="").thank_you_message == "Thank you!"
