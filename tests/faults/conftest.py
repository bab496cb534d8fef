"""A private slice of the suite per test: customers (gRPC + relay) and reporting (worker + gRPC)."""

from urllib.parse import urlparse, urlunparse

import grpc
import pytest

from crm.customers.v1 import customers_service_pb2 as cpb
from crm.customers.v1 import customers_service_pb2_grpc as cgrpc
from crm.reporting.v1 import reporting_service_pb2 as rpb
from crm.reporting.v1 import reporting_service_pb2_grpc as rgrpc
from crm_testkit.cluster import Cluster
from crm_testkit.infra import PostgresDatabase
from crm_testkit.proxy import TcpProxy

SLICE = ("customers-grpc", "customers-relay", "reporting-worker", "reporting-grpc")
ADMIN = [("x-crm-user-id", "admin"), ("x-crm-roles", "admin")]


class Slice:
    def __init__(self, cluster: Cluster, amqp_url: str, proxy: TcpProxy | None) -> None:
        self.cluster = cluster
        self.amqp_url = amqp_url  # the broker itself (not through the proxy)
        self.proxy = proxy
        self._channels = [grpc.insecure_channel(cluster.grpc_target(s)) for s in ("customers", "reporting")]
        self.customers = cgrpc.CustomersServiceStub(self._channels[0])
        self.reporting = rgrpc.ReportingServiceStub(self._channels[1])

    def create(self, name: str, owner: str = "u1") -> str:
        req = cpb.CreateCustomerRequest(name=name, owner_id=owner)
        return self.customers.CreateCustomer(req, metadata=ADMIN, timeout=10).customer.id

    def summary(self) -> rpb.GetCustomerSummaryResponse:
        return self.reporting.GetCustomerSummary(rpb.GetCustomerSummaryRequest(), metadata=ADMIN, timeout=5)

    def close(self) -> None:
        for ch in self._channels:
            ch.close()
        self.cluster.close()
        if self.proxy:
            self.proxy.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def slice_factory(request, tmp_path, private_vhost, redis_url, redis_prefix):
    """Builds a started slice; `through_proxy=True` routes every process's AMQP traffic via a TcpProxy."""
    made: list[Slice] = []
    dbs: list[PostgresDatabase] = []

    def make(through_proxy: bool = False, start: tuple[str, ...] = SLICE) -> Slice:
        amqp = private_vhost.url
        proxy = None
        if through_proxy:
            parsed = urlparse(amqp)
            proxy = TcpProxy(parsed.hostname, parsed.port or 5672)
            amqp = urlunparse(parsed._replace(netloc=f"{parsed.username}:{parsed.password}@127.0.0.1:{proxy.port}"))
        urls = {}
        if request.param == "postgresql":
            for svc in ("customers", "reporting"):
                dbs.append(PostgresDatabase())
                urls[svc] = dbs[-1].url
        cluster = Cluster(
            tmp_path / "var",
            amqp,
            redis_url,
            redis_prefix,
            database_urls=urls,
            extra_env={"CRM_HANDLER_MAX_ATTEMPTS": "3"},
        )
        cluster.prepare()
        cluster.start(*start)
        cluster.wait_ready(*start)
        s = Slice(cluster, private_vhost.url, proxy)
        made.append(s)
        return s

    yield make
    for s in made:
        s.close()
    for db in dbs:
        db.close()
