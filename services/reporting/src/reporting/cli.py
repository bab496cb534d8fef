"""`crm-reporting` command line: the chassis commands plus `rebuild`."""

from __future__ import annotations

import argparse
import sys

from crm_chassis.cli import main as chassis_main
from reporting.config import SPEC


def rebuild_main(argv: list[str] | None = None) -> int:
    """`crm-reporting rebuild`: empty the read models and re-apply the event archive, with progress."""
    from crm_chassis.db import make_engine, make_session_factory
    from crm_chassis.service import load_settings
    from crm_chassis.settings import ConfigError
    from reporting.config import reporting_settings
    from reporting.persistence.rebuild import rebuild

    parser = argparse.ArgumentParser(prog="crm-reporting rebuild", description=rebuild_main.__doc__)
    parser.add_argument("--batch", type=int, default=1000, help="events read from the archive at a time")
    args = parser.parse_args(argv)
    try:
        settings, extra = load_settings(SPEC), reporting_settings()
    except ConfigError as exc:
        print(f"crm-reporting: {exc}", file=sys.stderr)
        return 2
    engine = make_engine(settings.database_url)
    try:
        rebuild(make_session_factory(engine), extra.org_timezone, batch=args.batch)
    finally:
        engine.dispose()
    return 0


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["rebuild"]:
        sys.exit(rebuild_main(args[1:]))
    sys.exit(chassis_main(SPEC, args))
