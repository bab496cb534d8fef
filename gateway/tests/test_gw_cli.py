"""`crm-gateway migrate` and `settings` as an operator runs them."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import create_engine, text

from gateway.cli import main
from gateway.identity.passwords import Passwords


@pytest.fixture
def keep_logging():
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


def _admin_hash(url: str) -> str:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT password_hash FROM users WHERE username = 'admin'")).scalar_one()
    finally:
        engine.dispose()


def test_migrate_creates_schema_and_admin_then_is_idempotent(tmp_path, monkeypatch, capsys, keep_logging):
    url = f"sqlite:///{tmp_path}/gw.db"
    monkeypatch.setenv("CRM_DATABASE_URL", url)
    monkeypatch.setenv("CRM_ADMIN_PASSWORD", "first-password")
    monkeypatch.setenv("CRM_LOG_FORMAT", "text")
    assert main(["migrate"]) == 0
    out = capsys.readouterr().out
    assert "0001" in out and "admin" in out
    assert Passwords().verify(_admin_hash(url), "first-password")

    monkeypatch.setenv("CRM_ADMIN_PASSWORD", "second-password")
    assert main(["migrate"]) == 0
    assert "up to date" in capsys.readouterr().out
    assert Passwords().verify(_admin_hash(url), "first-password")  # an existing admin keeps its password

    assert main(["migrate", "--reset-admin-password"]) == 0
    assert Passwords().verify(_admin_hash(url), "second-password")


def test_migrate_without_migrations_folder_fails_clearly(tmp_path, monkeypatch, capsys, keep_logging):
    monkeypatch.setenv("CRM_DATABASE_URL", f"sqlite:///{tmp_path}/gw.db")
    monkeypatch.setenv("CRM_MIGRATIONS_DIR", str(tmp_path / "nowhere"))
    monkeypatch.setenv("CRM_LOG_FORMAT", "text")
    assert main(["migrate"]) == 2
    assert "CRM_MIGRATIONS_DIR" in capsys.readouterr().out


def test_invalid_settings_stop_the_command_with_every_problem(monkeypatch, capsys):
    monkeypatch.setenv("CRM_GATEWAY_PORT", "http")
    monkeypatch.setenv("CRM_JWT_SECRET", "short")
    assert main(["serve"]) == 2
    err = capsys.readouterr().err
    assert "CRM_GATEWAY_PORT" in err and "CRM_JWT_SECRET" in err


def test_settings_lists_every_variable(capsys):
    assert main(["settings"]) == 0
    out = capsys.readouterr().out
    for name in ("CRM_GATEWAY_PORT", "CRM_DATABASE_URL", "CRM_CUSTOMERS_GRPC_TARGET", "CRM_MAX_BODY_BYTES"):
        assert name in out
