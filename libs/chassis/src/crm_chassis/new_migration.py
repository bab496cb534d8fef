"""Developer tool: autogenerate a migration for one service.

Usage: python -m crm_chassis.new_migration <migrations_dir> "<message>"
Compares the service's metadata with a scratch SQLite database upgraded to head.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command

from crm_chassis.migrations import alembic_config


def main() -> int:
    migrations_dir, message = Path(sys.argv[1]).resolve(), sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/scratch.db"
        cfg = alembic_config(url, migrations_dir)
        command.upgrade(cfg, "head")
        command.revision(cfg, message=message, autogenerate=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
