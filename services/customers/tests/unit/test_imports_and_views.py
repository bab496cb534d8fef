"""CSV import: file checks, header mapping, row values, mode decisions; saved view field rules."""

from datetime import UTC, datetime

import pytest

from crm_chassis.errors import InvalidArgument
from customers.domain import imports as di
from customers.domain.custom_fields import FieldDefinition
from customers.domain.views import ViewFields, clean

AT = datetime(2026, 1, 1, tzinfo=UTC)
DEFS = {
    "employees": FieldDefinition("customer", "employees", "Employees", "number", False, (), 1, AT, AT),
    "vip": FieldDefinition("customer", "vip", "VIP", "boolean", False, (), 1, AT, AT),
    "markets": FieldDefinition("customer", "markets", "Markets", "multi_choice", False, ("eu", "us"), 1, AT, AT),
}
LIMITS = di.ImportLimits()


def parse(data, column_map=None, limits=LIMITS):
    return di.parse_file(data, column_map=column_map or {}, definitions=DEFS, limits=limits)


def code_of(call):
    with pytest.raises(InvalidArgument) as err:
        call()
    return err.value.code


def test_a_bom_and_crlf_are_tolerated_and_headers_map_case_insensitively():
    parsed = parse("\ufeffName,PHONE,Custom.employees\r\nAcme,138,3\r\n\r\nBeta,,\r\n".encode())
    assert parsed.fields == ("name", "phones", "custom.employees")
    assert parsed.rows == [(1, ["Acme", "138", "3"]), (2, ["Beta", "", ""])]


def test_a_column_map_renames_headers():
    parsed = parse(b"Firma,Telefon\nAcme,1\n", {"firma": "name", "Telefon": "phones"})
    assert parsed.fields == ("name", "phones")


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"\xff\xfename\n", "import.encoding_invalid"),
        (b"name,name\nA,B\n", "import.duplicate_column"),
        (b"name,phone,phones\nA,1,2\n", "import.duplicate_column"),
        (b"industry\nsteel\n", "import.name_column_missing"),
        (b"", "import.header_missing"),
        (b'name\n"Acme\n', "import.malformed"),
        (b"name,level\nAcme\n", "import.row_width"),
        (b"name\n\n", "import.empty"),
        (b"name,custom.unknown\nA,1\n", "import.unknown_column"),
    ],
)
def test_malformed_files_are_refused_with_a_code(data, code):
    assert code_of(lambda: parse(data)) == code


def test_size_and_row_limits():
    small = di.ImportLimits(max_bytes=10, max_rows=2)
    assert code_of(lambda: parse(b"name\n" + b"A\n" * 10, limits=small)) == "import.too_large"
    assert code_of(lambda: parse(b"name\nA\nB\nC\n", limits=di.ImportLimits(max_rows=2))) == "import.too_many_rows"


def test_row_values_split_lists_and_type_custom_values():
    fields = ("name", "phones", "tags", "latitude", "custom.employees", "custom.vip", "custom.markets", "level")
    values = di.row_values(fields, [" Acme ", "1; 2 ;", "a;b", "31.2", "12", "Yes", "eu;us", ""], DEFS)
    assert values == {
        "name": "Acme",
        "phones": ("1", "2"),
        "tags": ("a", "b"),
        "latitude": 31.2,
        "custom": {"employees": 12.0, "vip": True, "markets": ["eu", "us"]},
    }
    assert di.update_paths(values) == [
        "name",
        "phones",
        "tags",
        "latitude",
        "custom.employees",
        "custom.vip",
        "custom.markets",
    ]
    assert di.row_values(("name", "custom.employees"), ["A", "many"], DEFS)["custom"] == {"employees": "many"}
    assert code_of(lambda: di.row_values(("name", "latitude"), ["A", "north"], DEFS)) == "customer.latitude_invalid"


def test_an_owner_column_is_never_an_update_path():
    assert di.update_paths({"name": "A", "owner_id": "u9"}) == ["name"]


def test_mode_decisions():
    stored = [di.Holder("c1", "u1")]
    earlier_row = [di.Holder("", None, 4)]
    assert di.decide("create_only", 9, [], editable=False) is None
    assert di.decide("create_only", 9, stored, editable=True).outcome == "duplicate"
    skipped = di.decide("skip_duplicates", 9, stored, editable=True)
    assert (skipped.outcome, skipped.customer_id) == ("skipped", "c1")
    assert di.decide("update_by_key", 9, stored, editable=True) is None
    refused = di.decide("update_by_key", 9, stored, editable=False)
    assert refused.outcome == "duplicate" and "may not edit" in refused.reason
    assert (
        di.decide("update_by_key", 9, [*stored, di.Holder("c2", "u1")], editable=True).code == "import.ambiguous_match"
    )
    assert "row 4" in di.decide("update_by_key", 9, earlier_row, editable=False).reason
    assert "row 4" in di.decide("create_only", 9, earlier_row, editable=False).reason


def test_counts_add_outcomes():
    counts = di.Counts()
    for outcome in ("created", "created", "duplicate", "invalid", "skipped", "updated"):
        counts.add(di.RowResult(1, outcome))
    assert (counts.created, counts.duplicates, counts.invalid, counts.skipped, counts.updated) == (2, 1, 1, 1, 1)


def test_view_fields_are_cleaned():
    cleaned = clean(ViewFields(name="  My   view ", filter=' level = "A" ', columns=("name", "custom.x", "name")))
    assert (cleaned.name, cleaned.filter, cleaned.columns) == ("My view", 'level = "A"', ("name", "custom.x"))
    assert code_of(lambda: clean(ViewFields(name=" "))) == "view.name_required"
    assert code_of(lambda: clean(ViewFields(name="v", columns=("Bad Column",)))) == "view.column_invalid"
    assert code_of(lambda: clean(ViewFields(name="v", filter="x" * 2001))) == "filter.too_long"
