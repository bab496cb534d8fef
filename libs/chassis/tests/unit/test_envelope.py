import json

import pytest

from crm.customers.v1 import customers_events_pb2, customers_service_pb2
from crm_chassis.envelope import EnvelopeError, new_envelope, parse_envelope


def _envelope():
    payload = customers_events_pb2.CustomerCreated(
        customer=customers_service_pb2.Customer(id="c1", name="Acme", version=3)
    )
    return new_envelope(
        producer="customers",
        event_type="customer_created",
        payload=payload,
        aggregate_id="c1",
        aggregate_version=3,
        correlation_id="corr",
        actor_user_id="u1",
    )


def test_envelope_round_trips_through_json():
    env = _envelope()
    back = parse_envelope(env.to_json().encode())
    assert back == env
    assert back.schema == "crm.customers.v1.CustomerCreated"
    assert back.payload(customers_events_pb2.CustomerCreated).customer.name == "Acme"


def test_unknown_payload_fields_are_ignored_by_consumers():
    doc = json.loads(_envelope().to_json())
    doc["data"]["customer"]["field_from_the_future"] = 1
    doc["data"]["new_top_level"] = {"x": 1}
    parsed = parse_envelope(doc).payload(customers_events_pb2.CustomerCreated)
    assert parsed.customer.id == "c1"


@pytest.mark.parametrize(
    "body, reason",
    [
        (b"{not json", "not JSON"),
        (b"[1, 2]", "not a JSON object"),
        (json.dumps({"event_id": "x"}).encode(), "lacks"),
        (
            json.dumps(
                {
                    "event_id": "x",
                    "event_type": "t",
                    "schema": "s",
                    "occurred_at": "o",
                    "producer": "p",
                    "aggregate_id": "a",
                    "data": [],
                }
            ).encode(),
            "data is not an object",
        ),
    ],
)
def test_malformed_bodies_are_rejected(body, reason):
    with pytest.raises(EnvelopeError, match=reason):
        parse_envelope(body)
