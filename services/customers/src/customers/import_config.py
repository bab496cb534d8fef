"""Settings of saved views and CSV import (read like the other customers settings, validated at start)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from crm_chassis.settings import env, load, parse_positive_float, parse_positive_int
from customers.domain.imports import ImportLimits


@dataclasses.dataclass(frozen=True)
class ImportSettings:
    max_bytes: int = env(
        "CRM_CUSTOMERS_IMPORT_MAX_BYTES",
        "largest CSV file StartImport accepts (bytes); the gateway's body limit applies before it",
        default=20 * 1024 * 1024,
        parse=parse_positive_int,
    )
    max_rows: int = env(
        "CRM_CUSTOMERS_IMPORT_MAX_ROWS", "most data rows in one import file", default=100_000, parse=parse_positive_int
    )
    batch_size: int = env(
        "CRM_CUSTOMERS_IMPORT_BATCH_SIZE",
        "rows per import batch (one transaction: rows, results and the job's last committed row)",
        default=500,
        parse=parse_positive_int,
    )
    slice_seconds: float = env(
        "CRM_CUSTOMERS_IMPORT_SLICE_SECONDS",
        "how long StartImport/GetImport (and each worker tick) may advance a job before answering",
        default=1.0,
        parse=parse_positive_float,
    )
    timer_seconds: int = env(
        "CRM_CUSTOMERS_IMPORT_TIMER_SECONDS",
        "how often the worker advances unfinished import jobs",
        default=2,
        parse=parse_positive_int,
    )

    def limits(self) -> ImportLimits:
        return ImportLimits(self.max_bytes, self.max_rows, self.batch_size, self.slice_seconds)


def load_import_settings(environ: Mapping[str, str] | None = None) -> ImportSettings:
    return load(ImportSettings, environ)
