"""How the chassis wires the reporting service."""

from pathlib import Path

from crm_chassis.service import ServiceSpec

SPEC = ServiceSpec(
    name="reporting",
    bus_name="reporting",
    default_grpc_port=50055,
    metadata="reporting.persistence.tables:metadata",
    registry="reporting.events.registry:REGISTRY",
    grpc_builder="reporting.grpc_api.server:build",
    worker="reporting.events.worker:ReportingWorker",
    migrations_dir=Path(__file__).resolve().parents[2] / "migrations",
)
