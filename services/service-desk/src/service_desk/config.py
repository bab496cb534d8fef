"""How the chassis wires the service-desk service."""

from pathlib import Path

from crm_chassis.service import ServiceSpec

SPEC = ServiceSpec(
    name="service-desk",
    bus_name="service_desk",
    default_grpc_port=50054,
    metadata="service_desk.persistence.tables:metadata",
    registry="service_desk.events.registry:REGISTRY",
    grpc_builder="service_desk.grpc_api.server:build",
    worker="service_desk.events.worker:Worker",
    migrations_dir=Path(__file__).resolve().parents[2] / "migrations",
)
