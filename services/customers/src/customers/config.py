"""How the chassis wires the customers service (settings themselves: crm_chassis.service)."""

from pathlib import Path

from crm_chassis.service import ServiceSpec

SPEC = ServiceSpec(
    name="customers",
    bus_name="customers",
    default_grpc_port=50051,
    metadata="customers.persistence.tables:metadata",
    registry="customers.events.registry:REGISTRY",
    grpc_builder="customers.grpc_api.server:build",
    worker="customers.events.worker:CustomersWorker",
    migrations_dir=Path(__file__).resolve().parents[2] / "migrations",
)
