"""Fixtures of the service-desk tests: a real gRPC server on a migrated SQLite / PostgreSQL database."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from desk_support import Api


@pytest.fixture
def api(database_url):
    client = Api(database_url)
    yield client
    client.close()


@pytest.fixture
def pg_api(postgres_url):
    client = Api(postgres_url)
    yield client
    client.close()
