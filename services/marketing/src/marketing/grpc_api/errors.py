"""The marketing service's one table from domain errors to gRPC status codes."""

from crm_chassis.grpc_server import BASE_ERROR_TABLE

ERROR_TABLE = dict(BASE_ERROR_TABLE)
