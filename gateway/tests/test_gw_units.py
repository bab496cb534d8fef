"""Pure pieces: the gRPC -> HTTP table, the role policy, ETag checks, settings, tokens."""

from __future__ import annotations

import grpc
import pytest

from crm_chassis.settings import ConfigError
from gateway.conditional import etag_for, if_match_fails, if_none_match_hits
from gateway.config import LOCAL_JWT_SECRET, load_settings
from gateway.grpc_errors import STATUS_TO_HTTP, to_problem
from gateway.identity.policy import CUSTOMERS_CREATE, REPORTS_VIEW, StaticRolePolicy
from gateway.identity.tokens import TokenError, TokenService


class FakeRpcError(grpc.RpcError):
    def __init__(self, code, details="", trailing=()):
        self._code, self._details, self._trailing = code, details, trailing

    def code(self):
        return self._code

    def details(self):
        return self._details

    def trailing_metadata(self):
        return self._trailing


@pytest.mark.parametrize(
    ("code", "status"),
    [
        (grpc.StatusCode.INVALID_ARGUMENT, 400),
        (grpc.StatusCode.NOT_FOUND, 404),
        (grpc.StatusCode.ALREADY_EXISTS, 409),
        (grpc.StatusCode.FAILED_PRECONDITION, 409),
        (grpc.StatusCode.ABORTED, 409),
        (grpc.StatusCode.PERMISSION_DENIED, 403),
        (grpc.StatusCode.UNAUTHENTICATED, 401),
        (grpc.StatusCode.RESOURCE_EXHAUSTED, 429),
        (grpc.StatusCode.UNAVAILABLE, 503),
        (grpc.StatusCode.DEADLINE_EXCEEDED, 504),
        (grpc.StatusCode.INTERNAL, 502),
        (grpc.StatusCode.UNKNOWN, 502),
        (grpc.StatusCode.UNIMPLEMENTED, 502),
        (grpc.StatusCode.DATA_LOSS, 502),
    ],
)
def test_grpc_status_table(code, status):
    problem = to_problem(FakeRpcError(code, "internal words"), "customers", "GetCustomer")
    assert problem.status == status
    if status in (429, 503):
        assert problem.headers["Retry-After"].isdigit()
    if status >= 500:
        assert "internal words" not in problem.detail


def test_client_errors_pass_the_service_code_and_message_through():
    err = FakeRpcError(
        grpc.StatusCode.FAILED_PRECONDITION,
        "Lead already converted.",
        (("x-crm-error-code", "lead.converted"),),
    )
    problem = to_problem(err, "marketing", "ConvertLead")
    assert (problem.status, problem.code, problem.detail) == (
        409,
        "lead.converted",
        "Lead already converted.",
    )


def test_malformed_service_codes_fall_back_to_the_generic_code():
    err = FakeRpcError(grpc.StatusCode.INVALID_ARGUMENT, "bad", (("x-crm-error-code", "Not A Code!"),))
    assert to_problem(err, "customers", "CreateCustomer").code == "request.invalid"


def test_every_mapped_status_is_an_http_error():
    assert all(400 <= m.status < 600 for m in STATUS_TO_HTTP.values())


@pytest.mark.anyio
async def test_static_policy_scopes_and_unions():
    policy = StaticRolePolicy()
    admin = await policy.access_for("u1", ["admin"])
    assert admin.visible_owner_ids is None and admin.allows("anything:at_all")
    rep = await policy.access_for("u2", ["sales_rep"])
    assert rep.visible_owner_ids == frozenset({"u2"})
    assert rep.allows(CUSTOMERS_CREATE) and rep.allows(REPORTS_VIEW) and not rep.allows("users:admin")
    both = await policy.access_for("u3", ["sales_rep", "admin"])
    assert both.visible_owner_ids is None
    nobody = await policy.access_for("u4", ["no_such_role"])
    assert nobody.permissions == frozenset() and nobody.visible_owner_ids == frozenset()


def test_etag_checks():
    tag = etag_for(3)
    assert tag == '"3"'
    assert if_none_match_hits('"3"', tag) and if_none_match_hits('W/"3"', tag) and if_none_match_hits("*", tag)
    assert not if_none_match_hits('"2", "4"', tag) and not if_none_match_hits(None, tag)
    assert if_match_fails('"2"', tag) and not if_match_fails('"3"', tag) and not if_match_fails(None, tag)


def test_settings_defaults_and_validation():
    settings = load_settings({})
    assert settings.port == 8080 and settings.host == "127.0.0.1"
    assert settings.database_url == "sqlite:///var/gateway.db"
    assert settings.customers_target == "127.0.0.1:50051" and settings.reporting_target == "127.0.0.1:50055"
    assert settings.deadline_seconds == 5 and settings.max_body_bytes == 1024 * 1024
    assert settings.jwt_secret == LOCAL_JWT_SECRET and settings.local_default_warnings()
    with pytest.raises(ConfigError) as failure:
        load_settings({"CRM_GATEWAY_PORT": "99999", "CRM_JWT_SECRET": "short", "CRM_DATABASE_URL": "mysql://x"})
    message = str(failure.value)
    assert "CRM_GATEWAY_PORT" in message and "CRM_JWT_SECRET" in message and "CRM_DATABASE_URL" in message


def test_tokens_round_trip_and_type_check():
    service = TokenService("s" * 40, access_ttl_seconds=60, refresh_ttl_seconds=120)
    access = service.issue_access("u1", "alice", ["sales_rep"])
    claims = service.decode_access(access.token)
    assert (claims.user_id, claims.username, claims.roles) == ("u1", "alice", ("sales_rep",))
    refresh = service.issue_refresh("u1", "fam-1")
    assert service.decode_refresh(refresh.token).family_id == "fam-1"
    with pytest.raises(TokenError):
        service.decode_access(refresh.token)
    with pytest.raises(TokenError):
        TokenService("t" * 40, access_ttl_seconds=60, refresh_ttl_seconds=60).decode_access(access.token)


def test_a_version_conflict_is_412_when_the_request_was_conditional():
    err = FakeRpcError(grpc.StatusCode.ABORTED, "stale", (("x-crm-error-code", "customer.version_conflict"),))
    assert to_problem(err, "customers", "UpdateCustomer").status == 409
    conditional = to_problem(err, "customers", "UpdateCustomer", conditional=True)
    assert (conditional.status, conditional.code) == (412, "customer.version_conflict")


def test_service_details_reach_the_problem_bounded_and_only_for_client_errors():
    trailers = (
        ("x-crm-error-code", "duplicate_customer"),
        ("x-crm-detail-existing-customer-id", "c-1"),
        ("x-crm-detail-existing-owner-id", "u-9"),
        ("x-crm-detail-Bad Key", "dropped"),
        ("x-crm-detail-long", "x" * 500),
        ("x-other", "ignored"),
    )
    problem = to_problem(FakeRpcError(grpc.StatusCode.ALREADY_EXISTS, "taken", trailers), "customers", "CreateCustomer")
    assert (problem.status, problem.code) == (409, "duplicate_customer")
    assert problem.details == {"existing_customer_id": "c-1", "existing_owner_id": "u-9"}
    internal = to_problem(FakeRpcError(grpc.StatusCode.INTERNAL, "boom", trailers), "customers", "CreateCustomer")
    assert internal.details is None


def test_an_instant_utc_cannot_hold_is_a_validation_error_not_a_crash():
    from datetime import UTC, datetime

    from pydantic import BaseModel, ValidationError

    from gateway.bodies import Instant

    class Body(BaseModel):
        at: Instant

    assert Body(at="2026-11-24T08:00:00+08:00").at == datetime(2026, 11, 24, 0, 0, tzinfo=UTC)
    for bad in ("0001-01-01T00:00:00+00:01", "2026-11-24T08:00:00"):  # before year 1 in UTC; no offset
        with pytest.raises(ValidationError):
            Body(at=bad)
