"""How the chassis wires the sales service."""

from pathlib import Path

from crm_chassis.service import ServiceSpec

SPEC = ServiceSpec(
    name="sales",
    bus_name="sales",
    default_grpc_port=50053,
    metadata="sales.persistence.tables:metadata",
    registry="sales.events.registry:REGISTRY",
    grpc_builder="sales.grpc_api.server:build",
    worker="sales.events.worker:Worker",
    migrations_dir=Path(__file__).resolve().parents[2] / "migrations",
)
