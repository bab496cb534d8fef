"""`crm-customers` command line: the chassis commands, after checking this service's own settings."""

import sys

from crm_chassis.cli import main as chassis_main
from crm_chassis.settings import ConfigError
from customers.config import SPEC, load_customers_settings
from customers.import_config import load_import_settings

# Process kinds that read or write phones and emails (need the field key).
_USES_FIELD_KEY = {"grpc", "worker", "migrate"}


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] in _USES_FIELD_KEY:
        try:
            settings = load_customers_settings()
            load_import_settings()  # CRM_CUSTOMERS_IMPORT_*: fail fast here too
        except ConfigError as exc:
            print(f"crm-customers: {exc}", file=sys.stderr)
            sys.exit(2)
        if args[0] != "grpc":  # the gRPC server logs it itself (customers.grpc_api.server)
            for warning in settings.local_default_warnings():
                print(f"crm-customers: WARNING: {warning}", file=sys.stderr)
    sys.exit(chassis_main(SPEC, argv))
