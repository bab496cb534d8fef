"""Shared fixtures for every test folder (real infrastructure, isolated per run/test)."""

# Import the real `gateway` package before pytest's importlib mode can register the folder
# `gateway/` (which holds gateway/tests) under the same name.
import gateway  # noqa: F401

pytest_plugins = ["crm_testkit.fixtures"]
