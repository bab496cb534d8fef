from datetime import UTC, datetime

import grpc
import pytest

from crm_chassis import errors, identity
from crm_chassis.grpc_server import BASE_ERROR_TABLE, status_for
from crm_chassis.paging import decode_cursor, encode_cursor
from crm_chassis.relay import retry_delay


def test_cursor_round_trip_and_garbage():
    at = datetime(2026, 1, 2, 3, 4, 5, 123456, tzinfo=UTC)
    assert decode_cursor(encode_cursor(at, "id-9")) == (at, "id-9")
    with pytest.raises(errors.InvalidArgument) as err:
        decode_cursor("not-a-cursor!")
    assert err.value.code == "page.cursor_invalid"


def test_identity_metadata_round_trip():
    caller = identity.Caller(
        user_id="u1", roles=("sales_rep",), visible_owners=frozenset({"u1", "u2"}), request_id="r", correlation_id="c"
    )
    assert identity.from_metadata(dict(identity.to_metadata(caller))) == caller
    unrestricted = identity.from_metadata({"x-crm-user-id": "admin"})
    assert unrestricted.visible_owners is None
    assert unrestricted.can_see_owner("anyone")
    assert not caller.can_see_owner("u3")


def test_error_table_maps_subclasses_to_their_nearest_kind():
    class CustomerLocked(errors.FailedPrecondition):
        pass

    assert status_for(errors.InvalidArgument("x"), BASE_ERROR_TABLE) == grpc.StatusCode.INVALID_ARGUMENT
    assert status_for(CustomerLocked("x"), BASE_ERROR_TABLE) == grpc.StatusCode.FAILED_PRECONDITION
    assert status_for(errors.VersionConflict("x"), BASE_ERROR_TABLE) == grpc.StatusCode.ABORTED


def test_retry_delay_grows_and_is_capped():
    assert [retry_delay(n, base=1, cap=5) for n in (1, 2, 3, 4, 5)] == [1, 2, 4, 5, 5]
