"""How the chassis wires the marketing service."""

from pathlib import Path

from crm_chassis.service import ServiceSpec

SPEC = ServiceSpec(
    name="marketing",
    bus_name="marketing",
    default_grpc_port=50052,
    metadata="marketing.persistence.tables:metadata",
    registry="marketing.events.registry:REGISTRY",
    grpc_builder="marketing.grpc_api.server:build",
    worker="marketing.events.worker:Worker",
    migrations_dir=Path(__file__).resolve().parents[2] / "migrations",
)
