"""Fixtures of the reporting tests: a migrated SQLite / PostgreSQL database fed through the worker's
real handlers (inbox included)."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from reporting_support import Feed


@pytest.fixture
def feed(database_url):
    f = Feed(database_url)
    yield f
    f.close()
