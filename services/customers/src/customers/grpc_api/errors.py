"""The customers service's one table from domain errors to gRPC status codes.

Error codes travel in trailing metadata `x-crm-error-code`, details in `x-crm-detail-<key>`
(chassis). The gateway maps ALREADY_EXISTS and FAILED_PRECONDITION to 409, ABORTED (stale
version) to 409 or 412 when the request carried If-Match.
"""

import grpc

from crm_chassis.grpc_server import BASE_ERROR_TABLE
from customers.domain.duplicates import DuplicateCustomer

ERROR_TABLE = dict(BASE_ERROR_TABLE)
# `duplicate_customer`, details existing_customer_id / existing_owner_id / key_type.
ERROR_TABLE[DuplicateCustomer] = grpc.StatusCode.ALREADY_EXISTS
