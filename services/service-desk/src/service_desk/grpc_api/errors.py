"""The service-desk service's one table from domain errors to gRPC status codes.

Every domain error is one of the chassis kinds (InvalidArgument, NotFound, AlreadyExists,
FailedPrecondition, VersionConflict -> ABORTED, PermissionDenied), so the base table is the whole
table; the stable codes (`customer.unknown`, `work_order.transition_not_allowed`,
`visit.not_checked_in`, `return_visit.score_invalid`, ...) travel in `x-crm-error-code`."""

from crm_chassis.grpc_server import BASE_ERROR_TABLE

ERROR_TABLE = dict(BASE_ERROR_TABLE)
