"""CSV import of customers (DOMAIN_RULES C26): file checks, row mapping, per-row decisions and
the batch processor of an import job.

The whole file is checked when it is uploaded (encoding, header, quoting, row width, size); a
malformed file is refused and nothing is written. A good file becomes a job processed in
batches: each batch is one transaction holding its customers, their keys, history and events,
its per-row results and the job's new last committed row, so a restart continues after the last
committed batch and never writes a row twice. A row is written whole or not at all: rows that
fail validation or meet a duplicate are reported and left out; an update runs in a savepoint.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import logging
import time
import uuid
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import Any, Protocol

from crm_chassis import identity
from crm_chassis.errors import DomainError, InvalidArgument, NotFound
from crm_chassis.identity import Caller
from customers.domain import keys as k
from customers.domain.access import Scope
from customers.domain.commands import history_entries, now
from customers.domain.custom_fields import FieldDefinition
from customers.domain.customer import Customer, FieldChange, NewCustomer, apply_update, create
from customers.domain.ports import Page

log = logging.getLogger("crm.customers.imports")

MODES = ("create_only", "update_by_key", "skip_duplicates")
OUTCOMES = ("created", "updated", "skipped", "duplicate", "invalid")
PENDING, RUNNING, COMPLETED, FAILED = "pending", "running", "completed", "failed"
LIST_SEPARATOR = ";"
# The fields a column may map to (besides custom.<key>); `phone`/`email` are aliases.
FIELDS = (
    "name",
    "kind",
    "classification",
    "status",
    "level",
    "industry",
    "region",
    "source",
    "address",
    "latitude",
    "longitude",
    "phones",
    "emails",
    "website",
    "tags",
    "uscc",
    "owner_id",
)
ALIASES = {"phone": "phones", "email": "emails", "owner": "owner_id", "tag": "tags"}
_LIST_FIELDS = ("phones", "emails", "tags")
_TRUE = ("true", "yes", "y", "1")
_FALSE = ("false", "no", "n", "0")


@dataclasses.dataclass(frozen=True)
class ImportLimits:
    max_bytes: int = 20 * 1024 * 1024
    max_rows: int = 100_000
    batch_size: int = 500
    # A call (StartImport / GetImport) advances a job at most this long before answering.
    slice_seconds: float = 1.0


@dataclasses.dataclass(frozen=True)
class ParsedFile:
    """The mapped header (one field per column) and the data rows (1-based row numbers)."""

    fields: tuple[str, ...]
    rows: list[tuple[int, list[str]]]


@dataclasses.dataclass(frozen=True)
class RowResult:
    row: int
    outcome: str
    customer_id: str = ""
    code: str = ""
    field: str = ""
    reason: str = ""


@dataclasses.dataclass
class Counts:
    created: int = 0
    updated: int = 0
    skipped: int = 0
    duplicates: int = 0
    invalid: int = 0

    def add(self, result: RowResult) -> None:
        name = {"duplicate": "duplicates"}.get(result.outcome, result.outcome)
        setattr(self, name, getattr(self, name) + 1)


@dataclasses.dataclass(frozen=True)
class ImportJob:
    id: str
    status: str
    mode: str
    dry_run: bool
    file_name: str
    created_by: str
    caller: Caller
    column_map: Mapping[str, str]
    total_rows: int
    processed_rows: int
    counts: Counts
    created_at: datetime
    updated_at: datetime
    finished_at: datetime | None = None
    error: str = ""

    @property
    def done(self) -> bool:
        return self.status in (COMPLETED, FAILED)


# -- the file ---------------------------------------------------------------------------------------


def _bad_file(message: str, code: str, field: str = "csv") -> InvalidArgument:
    return InvalidArgument(message, code=f"import.{code}", field=field)


def map_header(
    header: list[str], column_map: Mapping[str, str], definitions: Mapping[str, FieldDefinition]
) -> tuple[str, ...]:
    """The field of each column; InvalidArgument for an unknown, repeated or missing column."""
    mapping = {key.strip().lower(): value.strip() for key, value in column_map.items()}
    fields: list[str] = []
    for raw in header:
        title = raw.strip()
        target = mapping.get(title.lower(), title)
        if target.lower().startswith("custom."):
            key = target[len("custom.") :].strip()
            if key not in definitions:
                raise _bad_file(f"column {title!r}: custom.{key} is not a defined field", "unknown_column")
            field = f"custom.{key}"
        else:
            field = ALIASES.get(target.lower(), target.lower())
            if field not in FIELDS:
                raise _bad_file(
                    f"column {title!r} is not a customer field (known: {', '.join(FIELDS)}, custom.<key>)",
                    "unknown_column",
                )
        if field in fields:
            raise _bad_file(f"column {title!r} maps to {field}, which another column already has", "duplicate_column")
        fields.append(field)
    if "name" not in fields:
        raise _bad_file("the file needs a name column", "name_column_missing")
    return tuple(fields)


def parse_file(
    data: bytes,
    *,
    column_map: Mapping[str, str],
    definitions: Mapping[str, FieldDefinition],
    limits: ImportLimits,
) -> ParsedFile:
    """The checked file, or InvalidArgument (`import.*`) saying what is wrong with it."""
    if len(data) > limits.max_bytes:
        raise _bad_file(f"the file is larger than {limits.max_bytes} bytes", "too_large")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _bad_file(f"the file is not UTF-8 (byte {exc.start} is invalid)", "encoding_invalid") from None
    if "\x00" in text:
        raise _bad_file("the file contains NUL characters (not a text CSV)", "encoding_invalid")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        if not header or not any(h.strip() for h in header):
            raise _bad_file("the file has no header row", "header_missing")
        fields = map_header(header, column_map, definitions)
        rows: list[tuple[int, list[str]]] = []
        for cells in reader:
            if not cells or (len(cells) == 1 and not cells[0].strip()):
                continue  # blank line
            number = len(rows) + 1
            if len(cells) != len(fields):
                raise _bad_file(
                    f"row {number} (line {reader.line_num}) has {len(cells)} cells; the header has {len(fields)}",
                    "row_width",
                )
            rows.append((number, cells))
            if len(rows) > limits.max_rows:
                raise _bad_file(f"the file has more than {limits.max_rows} rows", "too_many_rows")
    except csv.Error as exc:
        raise _bad_file(f"the file is not valid CSV near line {reader.line_num}: {exc}", "malformed") from None
    if not rows:
        raise _bad_file("the file has no data rows", "empty")
    return ParsedFile(fields, rows)


# -- one row ----------------------------------------------------------------------------------------


def _split(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(LIST_SEPARATOR) if part.strip())


def _custom_value(definition: FieldDefinition, text: str) -> Any:
    """A CSV cell as the JSON value its definition validates (validation itself is the domain's)."""
    if definition.type == "number":
        try:
            return float(text)
        except ValueError:
            return text  # refused by validate_custom with the usual code
    if definition.type == "boolean":
        lowered = text.lower()
        return True if lowered in _TRUE else False if lowered in _FALSE else text
    if definition.type == "multi_choice":
        return list(_split(text))
    return text


def _coordinate(text: str, field: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise InvalidArgument(f"{field} must be a number", code=f"customer.{field}_invalid", field=field) from None


def row_values(fields: tuple[str, ...], cells: list[str], definitions: Mapping[str, FieldDefinition]) -> dict[str, Any]:
    """The non-empty cells of a row as field values (lists split on `;`, custom values typed)."""
    values: dict[str, Any] = {}
    custom: dict[str, Any] = {}
    for field, cell in zip(fields, cells, strict=True):
        text = cell.strip()
        if not text:
            continue
        if field.startswith("custom."):
            key = field[len("custom.") :]
            custom[key] = _custom_value(definitions[key], text)
        elif field in _LIST_FIELDS:
            values[field] = _split(text)
        elif field in ("latitude", "longitude"):
            values[field] = _coordinate(text, field)
        else:
            values[field] = text
    if custom:
        values["custom"] = custom
    return values


def new_customer(values: Mapping[str, Any]) -> NewCustomer:
    plain = {f: v for f, v in values.items() if f in FIELDS or f == "custom"}
    plain.setdefault("name", "")
    return NewCustomer(**plain)


def update_paths(values: Mapping[str, Any]) -> list[str]:
    """The update mask of a row in update_by_key mode: every non-empty cell but the owner (owners
    change by transfer, claim or assign, never by import)."""
    paths = [f for f in values if f in FIELDS and f != "owner_id"]
    paths += [f"custom.{key}" for key in values.get("custom", {})]
    return paths


def invalid(row: int, error: DomainError) -> RowResult:
    return RowResult(row, "invalid", code=error.code, field=error.field or "", reason=str(error))


def hard_keys(customer: Customer) -> list[k.Key]:
    return [key for key in customer.keys() if key.hard]  # noqa: SIM118 - Customer.keys(), not a dict


@dataclasses.dataclass(frozen=True)
class Holder:
    """A live customer holding a key (from storage), or an earlier row of the same file."""

    customer_id: str
    owner_id: str | None
    row: int = 0


def decide(mode: str, row: int, holders: list[Holder], editable: bool) -> RowResult | None:
    """The outcome of a valid row whose hard keys other records hold; None = go ahead (create, or
    update the one editable holder in update_by_key mode)."""
    if not holders:
        return None
    first = holders[0]
    where = f"row {first.row} of this file" if first.row else f"customer {first.customer_id}"
    if mode == "skip_duplicates":
        return RowResult(
            row, "skipped", first.customer_id, "duplicate_customer", "", f"skipped: a duplicate of {where}"
        )
    if mode == "update_by_key":
        distinct = {h.customer_id or f"row:{h.row}" for h in holders}
        if len(distinct) > 1:
            return RowResult(
                row, "duplicate", first.customer_id, "import.ambiguous_match", "", "the row matches several customers"
            )
        if first.row:
            return RowResult(row, "duplicate", "", "duplicate_customer", "", f"a duplicate of {where}")
        if not editable:
            return RowResult(
                row,
                "duplicate",
                first.customer_id,
                "duplicate_customer",
                "",
                f"a duplicate of {where}, which you may not edit",
            )
        return None
    return RowResult(row, "duplicate", first.customer_id, "duplicate_customer", "", f"a duplicate of {where}")


# -- the job processor ------------------------------------------------------------------------------


class ImportRepository(Protocol):
    def add_job(self, job: ImportJob, payload: bytes) -> None: ...

    def get_job(self, job_id: str) -> ImportJob | None: ...

    def page_jobs(self, *, created_by: str | None, limit: int, cursor: str) -> Page[ImportJob]: ...

    def pending_jobs(self, *, limit: int) -> list[str]: ...

    def payload(self, job_id: str) -> bytes | None: ...

    def claim(self, job_id: str, processed_rows: int, *, at: datetime) -> bool:
        """Mark the job running if it is still at `processed_rows` (row-locks it until commit)."""
        ...

    def advance(self, job: ImportJob, *, at: datetime) -> None:
        """Store processed_rows, counts, status (and clear the file once done)."""
        ...

    def add_results(self, job_id: str, results: list[RowResult]) -> None: ...

    def results(self, job_id: str, *, limit: int, cursor: str, outcomes: tuple[str, ...]) -> Page[RowResult]: ...

    def holders(self, keys: Iterable[k.Key]) -> dict[k.Key, Holder]:
        """Live customers holding any of the hard `keys`."""
        ...

    def staged(self, job_id: str, keys: Iterable[k.Key]) -> dict[k.Key, int]:
        """Keys earlier rows of a dry run would have created -> their row."""
        ...

    def stage(self, job_id: str, keys: dict[k.Key, int]) -> None: ...

    def editable(self, customer_ids: list[str], scope: Scope) -> set[str]: ...

    def add_customers(
        self, customers: list[Customer], *, caller: Caller, at: datetime, keys: dict[str, list[k.Key]] | None = None
    ) -> None:
        """Insert new customers with their keys (`keys`: each one's, when already computed), owner
        period, history and customer_created events."""
        ...


class ImportUnitOfWork(Protocol):
    imports: ImportRepository
    customers: Any
    keys: Any
    history: Any
    custom_fields: Any
    session: Any

    def __enter__(self) -> ImportUnitOfWork: ...

    def __exit__(self, *exc: object) -> None: ...

    def record(self, event: object) -> None: ...

    def commit(self) -> None: ...

    def savepoint(self) -> Any: ...


ImportUowFactory = Callable[..., ImportUnitOfWork]


def _job_caller(job: ImportJob) -> Caller:
    return job.caller


def start_import(
    uow_factory: ImportUowFactory,
    caller: Caller,
    data: bytes,
    *,
    mode: str,
    dry_run: bool,
    file_name: str,
    column_map: Mapping[str, str],
    limits: ImportLimits,
) -> ImportJob:
    """Check the file and store the job (pending); InvalidArgument and nothing written otherwise."""
    mode = mode.strip().lower()
    if mode not in MODES:
        raise InvalidArgument(f"mode must be one of {', '.join(MODES)}", code="import.mode_invalid", field="mode")
    if not caller.user_id:
        raise InvalidArgument("an import needs a user", code="import.user_required", field="x-crm-user-id")
    file_name = " ".join(file_name.split())[:200]
    with uow_factory() as uow:
        definitions = uow.custom_fields.definitions("customer")
        parsed = parse_file(data, column_map=column_map, definitions=definitions, limits=limits)
        at = now()
        job = ImportJob(
            id=str(uuid.uuid4()),
            status=PENDING,
            mode=mode,
            dry_run=dry_run,
            file_name=file_name,
            created_by=caller.user_id,
            caller=caller,
            column_map=dict(column_map),
            total_rows=len(parsed.rows),
            processed_rows=0,
            counts=Counts(),
            created_at=at,
            updated_at=at,
        )
        uow.imports.add_job(job, data)
        uow.commit()
    return job


def _visible_job(job: ImportJob | None, caller: Caller, job_id: str) -> ImportJob:
    if job is None or (caller.visible_owners is not None and job.created_by != caller.user_id):
        raise NotFound(f"import {job_id} not found", code="import.not_found", field="id")
    return job


def get_import(uow_factory: ImportUowFactory, caller: Caller, job_id: str) -> ImportJob:
    with uow_factory(read_only=True) as uow:
        return _visible_job(uow.imports.get_job(job_id) if job_id else None, caller, job_id)


def list_imports(uow_factory: ImportUowFactory, caller: Caller, *, limit: int, cursor: str) -> Page[ImportJob]:
    from customers.domain.commands import page_limit

    with uow_factory(read_only=True) as uow:
        created_by = None if caller.visible_owners is None else (caller.user_id or "")
        return uow.imports.page_jobs(created_by=created_by, limit=page_limit(limit), cursor=cursor)


def import_report(
    uow_factory: ImportUowFactory, caller: Caller, job_id: str, *, limit: int, cursor: str, outcomes: tuple[str, ...]
) -> tuple[ImportJob, Page[RowResult]]:
    from customers.domain.commands import page_limit

    unknown = [o for o in outcomes if o not in OUTCOMES]
    if unknown:
        raise InvalidArgument(
            f"unknown outcome {unknown[0]!r} (known: {', '.join(OUTCOMES)})",
            code="import.outcome_invalid",
            field="outcomes",
        )
    with uow_factory(read_only=True) as uow:
        job = _visible_job(uow.imports.get_job(job_id) if job_id else None, caller, job_id)
        return job, uow.imports.results(job.id, limit=page_limit(limit), cursor=cursor, outcomes=outcomes)


class _Cache:
    """The parsed file of a job, kept across the batches of one processing call."""

    def __init__(self) -> None:
        self.files: dict[str, tuple[ParsedFile, dict[str, FieldDefinition]]] = {}


def process_job(
    uow_factory: ImportUowFactory,
    job_id: str,
    *,
    limits: ImportLimits,
    max_batches: int | None = None,
    deadline: float | None = None,
) -> ImportJob | None:
    """Process batches of the job until it is done, `max_batches` ran, or `deadline`
    (time.monotonic()) passed. Returns the job as it stands, None if it does not exist."""
    cache = _Cache()
    batches = 0
    job = None
    while True:
        try:
            job = _run_batch(uow_factory, job_id, limits, cache)
        except DomainError:
            raise
        except Exception:
            # E.g. a hard key taken by a concurrent save between the check and the insert: the
            # batch rolled back whole; the next call redoes it and reports that row a duplicate.
            log.exception("import %s: a batch failed and was rolled back; it is retried", job_id)
            with uow_factory(read_only=True) as uow:
                return uow.imports.get_job(job_id)
        batches += 1
        if job is None or job.done:
            return job
        if max_batches is not None and batches >= max_batches:
            return job
        if deadline is not None and time.monotonic() >= deadline:
            return job


def process_pending(uow_factory: ImportUowFactory, *, limits: ImportLimits, seconds: float) -> int:
    """Advance every unfinished job for about `seconds` (the worker's timer); returns batches run."""
    deadline = time.monotonic() + seconds
    with uow_factory(read_only=True) as uow:
        job_ids = uow.imports.pending_jobs(limit=20)
    ran = 0
    for job_id in job_ids:
        if time.monotonic() >= deadline:
            break
        process_job(uow_factory, job_id, limits=limits, deadline=deadline)
        ran += 1
    return ran


def _run_batch(uow_factory: ImportUowFactory, job_id: str, limits: ImportLimits, cache: _Cache) -> ImportJob | None:
    """One batch in one transaction; returns the job after it (unchanged when another process
    holds it or it is done)."""
    with uow_factory() as uow:
        job = uow.imports.get_job(job_id)
        if job is None or job.done:
            return job
        at = now()
        if not uow.imports.claim(job.id, job.processed_rows, at=at):
            return uow.imports.get_job(job_id)  # another process advanced it meanwhile
        if job.id not in cache.files:
            definitions = uow.custom_fields.definitions("customer")
            payload = uow.imports.payload(job.id)
            try:
                if payload is None:
                    raise InvalidArgument("the file of this import is gone", code="import.file_missing")
                parsed = parse_file(payload, column_map=job.column_map, definitions=definitions, limits=limits)
            except InvalidArgument as exc:
                # The definitions changed since the upload (e.g. a custom field was removed).
                failed = dataclasses.replace(job, status=FAILED, error=str(exc), finished_at=at, updated_at=at)
                uow.imports.advance(failed, at=at)
                uow.commit()
                return failed
            cache.files[job.id] = (parsed, definitions)
        parsed, definitions = cache.files[job.id]
        batch = parsed.rows[job.processed_rows : job.processed_rows + limits.batch_size]
        token = identity.set_current(job.caller)
        try:
            results = _decide_and_write(uow, job, parsed.fields, batch, definitions, at)
        finally:
            identity.reset(token)
        counts = dataclasses.replace(job.counts)
        for result in results:
            counts.add(result)
        processed = job.processed_rows + len(batch)
        done = processed >= job.total_rows
        after = dataclasses.replace(
            job,
            processed_rows=processed,
            counts=counts,
            status=COMPLETED if done else RUNNING,
            updated_at=at,
            finished_at=at if done else None,
        )
        uow.imports.add_results(job.id, results)
        uow.imports.advance(after, at=at)
        uow.commit()
    return after


def _decide_and_write(
    uow: ImportUnitOfWork,
    job: ImportJob,
    fields: tuple[str, ...],
    batch: list[tuple[int, list[str]]],
    definitions: dict[str, FieldDefinition],
    at: datetime,
) -> list[RowResult]:
    caller = job.caller
    scope = Scope.of(caller, at)
    results: dict[int, RowResult] = {}
    valid: list[tuple[int, dict[str, Any], Customer]] = []
    all_keys: dict[str, list[k.Key]] = {}
    for row, cells in batch:
        try:
            values = row_values(fields, cells, definitions)
            customer = create(new_customer(values), actor_id=caller.user_id, now=at, definitions=definitions)
        except DomainError as exc:
            results[row] = invalid(row, exc)
            continue
        if not scope.owns_scope_of(customer.owner_id):
            results[row] = RowResult(
                row,
                "invalid",
                code="import.owner_out_of_scope",
                field="owner_id",
                reason=f"owner {customer.owner_id} is outside your data scope",
            )
            continue
        valid.append((row, values, customer))
        all_keys[customer.id] = customer.keys()
    # Duplicate checks in bulk: storage, earlier rows of a dry run, earlier rows of this batch.
    wanted = {key for _, _, customer in valid for key in all_keys[customer.id] if key.hard}
    stored = uow.imports.holders(wanted)
    staged = uow.imports.staged(job.id, wanted) if job.dry_run else {}
    editable = uow.imports.editable(sorted({h.customer_id for h in stored.values()}), scope)
    seen: dict[k.Key, int] = {}
    to_create: list[Customer] = []
    to_stage: dict[k.Key, int] = {}
    for row, values, customer in valid:
        keys = [key for key in all_keys[customer.id] if key.hard]
        holders: list[Holder] = []
        for key in keys:
            if key in stored:
                holders.append(stored[key])
            elif key in staged:
                holders.append(Holder("", None, staged[key]))
            elif key in seen:
                holders.append(Holder("", None, seen[key]))
        target = holders[0].customer_id if holders else ""
        decided = decide(job.mode, row, holders, target in editable)
        if decided is not None:
            results[row] = decided
            continue
        if holders:  # update_by_key on the one editable holder
            results[row] = _update(uow, job, row, target, values, definitions, at)
            continue
        for key in keys:
            seen[key] = row
            to_stage[key] = row
        to_create.append(customer)
        results[row] = RowResult(row, "created", "" if job.dry_run else customer.id)
    if job.dry_run:
        uow.imports.stage(job.id, to_stage)
    elif to_create:
        uow.imports.add_customers(to_create, caller=caller, at=at, keys=all_keys)
    return [results[row] for row, _ in batch]


def _update(
    uow: ImportUnitOfWork,
    job: ImportJob,
    row: int,
    customer_id: str,
    values: dict[str, Any],
    definitions: dict[str, FieldDefinition],
    at: datetime,
) -> RowResult:
    """Update one customer in a savepoint (whole row or nothing); the outcome of the row."""
    from customers.domain.commands import KEY_FIELDS, save_keys, write
    from customers.domain.customer import ensure_writable
    from customers.domain.events import CustomerUpdated

    patch = dict(values)
    paths = update_paths(values)
    try:
        with uow.savepoint():
            current = ensure_writable(uow.customers.get(customer_id), customer_id)
            updated, changes = apply_update(current, patch, paths, now=at, definitions=definitions)
            if not changes:
                return RowResult(row, "updated", customer_id, reason="no change")
            if job.dry_run:
                return RowResult(row, "updated", customer_id)
            write(uow, updated, was=current.version)  # type: ignore[arg-type]
            if any(c.field in KEY_FIELDS for c in changes):
                save_keys(uow, updated, at)  # type: ignore[arg-type]
            uow.history.add(
                history_entries(updated.id, changes, actor=job.caller, at=at, reason="import", version=updated.version)
            )
            uow.record(CustomerUpdated(updated, tuple(c.field for c in changes)))
    except DomainError as exc:
        # The new values collide with another customer's hard key: a duplicate, not bad input.
        outcome = "duplicate" if exc.code == "duplicate_customer" else "invalid"
        return RowResult(row, outcome, customer_id, exc.code, exc.field or "", str(exc))
    return RowResult(row, "updated", customer_id)


def created_history(customer: Customer, caller: Caller, at: datetime) -> list[Any]:
    change = FieldChange("created", None, {"name": customer.name, "owner_id": customer.owner_id})
    return history_entries(customer.id, [change], actor=caller, at=at, reason="import", version=1)
