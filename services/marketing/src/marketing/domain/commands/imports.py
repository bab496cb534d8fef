"""CSV lead import with a dry run and a per-row report (the customers import's pattern, C26):
the whole file is checked first (UTF-8, a header naming known columns, bounded size); each row is
then validated and goes through the same intake as a form submission (dedupe, rules, pool),
written whole or not at all. A dry run makes the same decisions and writes nothing."""

from __future__ import annotations

import csv
import dataclasses
import io

from crm_chassis.errors import DomainError, InvalidArgument
from crm_chassis.identity import Caller
from marketing.domain import lead as ld
from marketing.domain.commands.leads import Origin, intake_in
from marketing.domain.common import now
from marketing.domain.ports import UowFactory
from marketing.domain.settings import MarketingSettings

COLUMNS = frozenset(
    {
        *ld.TEXT_FIELDS,
        "phone",
        "phones",
        "email",
        "emails",
        "estimated_budget",
        "currency",
        *(f"utm_{k}" for k in ld.UTM_KEYS),
    }
)
MAX_BYTES = 5 * 1024 * 1024


@dataclasses.dataclass(frozen=True)
class RowResult:
    row: int
    outcome: str  # created | merged | invalid
    lead_id: str = ""
    code: str = ""
    field: str = ""
    reason: str = ""


@dataclasses.dataclass(frozen=True)
class ImportReport:
    dry_run: bool
    rows: list[RowResult]

    def count(self, outcome: str) -> int:
        return sum(1 for r in self.rows if r.outcome == outcome)


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.replace(";", ",").split(",") if v.strip()]


def parse_csv(data: bytes, max_rows: int) -> list[dict[str, str]]:
    """The data rows as dicts; InvalidArgument `import.*` for a file that cannot be read at all."""
    if len(data) > MAX_BYTES:
        raise InvalidArgument(f"the file is larger than {MAX_BYTES} bytes", code="import.too_large", field="csv")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidArgument("the file is not UTF-8", code="import.encoding", field="csv") from None
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
        header = [h.strip().lower() for h in (reader.fieldnames or [])]
        if not header:
            raise InvalidArgument("the file has no header row", code="import.no_header", field="csv")
        unknown = sorted(set(header) - COLUMNS)
        if unknown:
            raise InvalidArgument(f"unknown column {unknown[0]}", code="import.unknown_column", field=unknown[0])
        reader.fieldnames = header
        rows = []
        for row in reader:
            if len(rows) >= max_rows:
                raise InvalidArgument(f"at most {max_rows} rows per file", code="import.too_many_rows", field="csv")
            if None in row:
                raise InvalidArgument(
                    f"row {len(rows) + 1} has more cells than the header", code="import.malformed", field="csv"
                )
            rows.append({k: (v or "") for k, v in row.items()})
    except csv.Error as exc:
        raise InvalidArgument(f"malformed CSV: {exc}", code="import.malformed", field="csv") from None
    return rows


def row_fields(row: dict[str, str]) -> ld.LeadFields:
    budget = None
    if row.get("estimated_budget", "").strip():
        try:
            budget = (int(row["estimated_budget"].strip()), row.get("currency", "") or "CNY")
        except ValueError:
            raise InvalidArgument(
                "estimated_budget must be whole minor units", code="estimated_budget_invalid", field="estimated_budget"
            ) from None
    return ld.clean_fields(
        texts={k: row.get(k, "") for k in ld.TEXT_FIELDS},
        phones=_split(row.get("phones", "") + "," + row.get("phone", "")),
        emails=_split(row.get("emails", "") + "," + row.get("email", "")),
        budget=budget,
        utm={k: row.get(f"utm_{k}", "") for k in ld.UTM_KEYS},
    )


def import_leads(
    uow_factory: UowFactory,
    caller: Caller,
    settings: MarketingSettings,
    data: bytes,
    *,
    dry_run: bool,
    auto_assign: bool,
) -> ImportReport:
    """Imports (or, dry, decides) every row; duplicates within the file merge like any intake."""
    rows = parse_csv(data, settings.import_max_rows)
    results: list[RowResult] = []
    at = now()
    origin = Origin(source="import", creator_keeps=not auto_assign)
    with uow_factory() as uow:
        for number, row in enumerate(rows, start=1):
            savepoint = uow.session.begin_nested()
            try:
                fields = row_fields(row)
                if not fields.source:
                    fields = dataclasses.replace(fields, source="import")
                result = intake_in(uow, caller, settings, fields, origin, at=at)
                savepoint.commit()
                results.append(RowResult(number, "merged" if result.merged else "created", result.lead.id))
            except DomainError as exc:
                savepoint.rollback()
                results.append(RowResult(number, "invalid", "", exc.code, exc.field or "", exc.message))
        if not dry_run:
            uow.commit()
    return ImportReport(dry_run, results)
