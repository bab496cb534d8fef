"""A domain error raised in a servicer reaches the client as its status, code, field and details."""

from __future__ import annotations

import grpc
from google.protobuf import empty_pb2

from crm_chassis.errors import AlreadyExists
from crm_chassis.grpc_server import BASE_ERROR_TABLE, GrpcApp


def _refuse(request, context):  # type: ignore[no-untyped-def]
    raise AlreadyExists(
        "taken",
        code="duplicate_customer",
        field="name",
        details={"existing_customer_id": "c-1", "existing_owner_id": "u-2"},
    )


def _register(server: grpc.Server) -> list[str]:
    handler = grpc.unary_unary_rpc_method_handler(
        _refuse,
        request_deserializer=empty_pb2.Empty.FromString,
        response_serializer=empty_pb2.Empty.SerializeToString,
    )
    server.add_generic_rpc_handlers([grpc.method_handlers_generic_handler("test.Things", {"Make": handler})])
    return ["test.Things"]


def test_domain_error_code_field_and_details_travel_as_trailers():
    app = GrpcApp(register=_register, error_table=BASE_ERROR_TABLE, host="127.0.0.1", port=0)
    app.start()
    try:
        with grpc.insecure_channel(f"127.0.0.1:{app.port}") as channel:
            make = channel.unary_unary(
                "/test.Things/Make",
                request_serializer=empty_pb2.Empty.SerializeToString,
                response_deserializer=empty_pb2.Empty.FromString,
            )
            try:
                make(empty_pb2.Empty(), timeout=5)
            except grpc.RpcError as exc:
                error = exc
            else:
                raise AssertionError("the call should have failed")
    finally:
        app.stop(0)
    assert error.code() == grpc.StatusCode.ALREADY_EXISTS
    assert error.details() == "taken"
    trailers = dict(error.trailing_metadata())
    assert trailers["x-crm-error-code"] == "duplicate_customer"
    assert trailers["x-crm-error-field"] == "name"
    assert trailers["x-crm-detail-existing-customer-id"] == "c-1"
    assert trailers["x-crm-detail-existing-owner-id"] == "u-2"
