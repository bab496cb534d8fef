"""The marketing service's one table from domain errors to gRPC status codes."""

import grpc

from crm_chassis.grpc_server import BASE_ERROR_TABLE
from marketing.domain.ports import DependencyUnavailable

ERROR_TABLE = {**BASE_ERROR_TABLE, DependencyUnavailable: grpc.StatusCode.UNAVAILABLE}
