"""The reporting nameko worker: archives every consumed event and folds it into the read models.

One handler per event in `registry.CONSUMED`, each the same: in the handler's transaction (inbox,
so once per event id) keep the raw event in `event_archive` and apply the writes
`reporting.domain.facts.writes_for` derives from it, monotonically by aggregate version.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from crm_chassis.envelope import Envelope
from crm_chassis.worker import WorkerBase, reliable_handler
from reporting.config import reporting_settings
from reporting.events.registry import CONSUMED
from reporting.persistence.projector import fold

_ZONE = reporting_settings().org_timezone


def _handler(producer: str, event_type: str) -> Callable[..., str]:
    def handle(self: object, session: Session, envelope: Envelope) -> None:
        fold(session, envelope, _ZONE)

    handle.__name__ = handle.__qualname__ = f"on_{event_type}"
    handle.__doc__ = f"{producer} `{event_type}`: archived and folded into the read models."
    return reliable_handler(producer, event_type)(handle)


class ReportingWorker(WorkerBase):
    name = "reporting"

    locals().update({f"on_{event_type}": _handler(producer, event_type) for producer, event_type, _ in CONSUMED})
