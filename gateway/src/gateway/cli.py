"""`crm-gateway migrate | serve | settings`."""

from __future__ import annotations

import argparse
import logging
import sys

from crm_chassis import logs
from crm_chassis.settings import ConfigError, describe
from gateway.config import Settings, load_settings

log = logging.getLogger("gateway")


def _serve(settings: Settings) -> int:
    import uvicorn

    from gateway.app import create_app

    log.info("gateway listening on http://%s:%d", settings.host, settings.port)
    uvicorn.run(
        create_app(settings),
        host=settings.host,
        port=settings.port,
        log_config=None,  # uvicorn logs through the root logger (JSON or text as configured)
        access_log=False,  # the gateway writes its own access line with ids, route and user
        proxy_headers=True,
        forwarded_allow_ips=settings.trusted_proxies,
        server_header=False,
        timeout_graceful_shutdown=10,
        lifespan="on",
    )
    return 0


def _migrate(settings: Settings, reset_admin_password: bool) -> int:
    from gateway.store import migrate

    try:
        migrate.run(settings, reset_admin_password=reset_admin_password)
    except migrate.MigrationsNotFound as exc:
        log.error("%s", exc)
        return 2
    return 0


def _print_settings() -> int:
    for name, default, help_text in describe(Settings):
        print(f"{name}\t{default}\t{help_text}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="crm-gateway", description="The CRM suite's HTTP gateway.")
    commands = parser.add_subparsers(dest="command", required=True)
    migrate_cmd = commands.add_parser("migrate", help="apply the gateway's migrations and ensure the admin user")
    migrate_cmd.add_argument(
        "--reset-admin-password",
        action="store_true",
        help="set an existing admin's password to CRM_ADMIN_PASSWORD",
    )
    commands.add_parser("serve", help="run the HTTP server (one uvicorn process)")
    commands.add_parser("settings", help="list every environment variable with its default")
    args = parser.parse_args(argv)

    if args.command == "settings":
        return _print_settings()
    try:
        settings = load_settings()
    except ConfigError as exc:
        print(f"crm-gateway: {exc}", file=sys.stderr)
        return 2
    logs.configure("gateway", settings.log_level, settings.log_format)
    if args.command == "migrate":
        return _migrate(settings, args.reset_admin_password)
    return _serve(settings)
