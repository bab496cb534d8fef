import pika
import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table

from crm.customers.v1 import customers_events_pb2, customers_service_pb2
from crm_chassis.db import make_engine, make_session_factory
from crm_chassis.inbox import inbox_table
from crm_chassis.outbox import outbox_table

pytestmark = pytest.mark.integration

metadata = MetaData()
OUTBOX = outbox_table(metadata)
INBOX = inbox_table(metadata)
THINGS = Table("things", metadata, Column("id", String(36), primary_key=True), Column("n", Integer))


@pytest.fixture
def db(database_url):
    engine = make_engine(database_url)
    metadata.create_all(engine)
    yield engine, make_session_factory(engine)
    engine.dispose()


def translate(event):
    customer_id, version = event
    payload = customers_events_pb2.CustomerCreated(
        customer=customers_service_pb2.Customer(id=customer_id, version=version)
    )
    return "customer_created", payload, customer_id, version


@pytest.fixture
def channel(vhost):
    connection = pika.BlockingConnection(pika.URLParameters(vhost.url))
    ch = connection.channel()
    yield ch
    connection.close()


def bind_queue(channel, name, exchange="customers.events", routing_key="customer_created"):
    channel.exchange_declare(exchange, exchange_type="topic", durable=True)
    channel.queue_declare(name, durable=True)
    channel.queue_purge(name)
    channel.queue_bind(name, exchange, routing_key)


def drain(channel, queue):
    bodies = []
    while True:
        method, props, body = channel.basic_get(queue, auto_ack=True)
        if method is None:
            return bodies
        bodies.append((props, body))
