"""`crm-marketing` command line."""

import sys

from crm_chassis.cli import main as chassis_main
from marketing.config import SPEC


def main() -> None:
    sys.exit(chassis_main(SPEC))
