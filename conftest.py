"""Shared fixtures for every test folder (real infrastructure, isolated per run/test)."""

pytest_plugins = ["crm_testkit.fixtures"]
