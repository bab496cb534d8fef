"""Isolated pieces of the real infrastructure for one test run: vhosts, databases, Redis prefixes."""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from urllib.parse import quote, urlparse, urlunparse

import pika
import psycopg2
from sqlalchemy.engine import make_url

DEFAULT_AMQP = "amqp://guest:guest@127.0.0.1:5672/%2F"
DEFAULT_POSTGRES = "postgresql://postgres:postgres@127.0.0.1:5432/postgres"


def unique(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:10]}"


class Vhost:
    """A fresh RabbitMQ vhost (needs rabbitmqctl on this machine, as root) deleted on close."""

    def __init__(self) -> None:
        base = os.environ.get("CRM_TEST_AMQP_URL", DEFAULT_AMQP)
        self.name = unique("crm_t")
        if not shutil.which("rabbitmqctl"):
            raise RuntimeError(
                "tests isolate themselves in a vhost and need rabbitmqctl (apt-get install rabbitmq-server)"
            )
        user = urlparse(base).username or "guest"
        subprocess.run(["rabbitmqctl", "-q", "add_vhost", self.name], check=True, capture_output=True)
        subprocess.run(
            ["rabbitmqctl", "-q", "set_permissions", "-p", self.name, user, ".*", ".*", ".*"],
            check=True,
            capture_output=True,
        )
        parsed = urlparse(base)
        self.url = urlunparse(parsed._replace(path="/" + quote(self.name, safe="")))

    def purge(self, queues: list[str]) -> None:
        connection = pika.BlockingConnection(pika.URLParameters(self.url))
        try:
            channel = connection.channel()
            for queue in queues:
                channel.queue_declare(queue, durable=True, auto_delete=False, exclusive=False)
                channel.queue_purge(queue)
        finally:
            connection.close()

    def close(self) -> None:
        subprocess.run(["rabbitmqctl", "-q", "delete_vhost", self.name], check=False, capture_output=True)


class PostgresDatabase:
    """A fresh PostgreSQL database dropped on close."""

    def __init__(self) -> None:
        admin = make_url(os.environ.get("CRM_TEST_POSTGRES_URL", DEFAULT_POSTGRES))
        self.name = unique("crm_t")
        self._admin = admin
        self._exec(f'CREATE DATABASE "{self.name}"')
        self.url = admin.set(drivername="postgresql+psycopg2", database=self.name).render_as_string(hide_password=False)

    def _exec(self, sql: str) -> None:
        a = self._admin
        conn = psycopg2.connect(
            host=a.host, port=a.port or 5432, user=a.username, password=a.password, dbname=a.database or "postgres"
        )
        conn.autocommit = True
        try:
            with conn.cursor() as cur:
                cur.execute(sql)
        finally:
            conn.close()

    def close(self) -> None:
        self._exec(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
