"""The daily sweep the worker's timer runs (O1: an explicit as_of date, reruns act once)."""

from __future__ import annotations

import dataclasses
from datetime import date

from sales.domain.commands.base import UowFactory, today
from sales.domain.commands.contracts import ContractSweep, sweep_contracts
from sales.domain.commands.payments import OverdueSweep, flag_overdue


@dataclasses.dataclass(frozen=True)
class DailySweep:
    as_of: date
    contracts: ContractSweep
    overdue: OverdueSweep


def run_daily(uow_factory: UowFactory, *, as_of: date | None = None) -> DailySweep:
    """Contracts activated / expired, then overdue instalments flagged, for `as_of` (default: today
    in the organisation's time zone)."""
    if as_of is None:
        with uow_factory(read_only=True) as uow:
            as_of = today(uow.settings.load())
    return DailySweep(as_of, sweep_contracts(uow_factory, as_of=as_of), flag_overdue(uow_factory, as_of=as_of))
