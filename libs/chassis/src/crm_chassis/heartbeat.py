"""Liveness for processes without a server port (worker, relay): a file whose mtime is the last beat."""

from __future__ import annotations

import time
from pathlib import Path


def beat(path: str | None) -> None:
    """Record that the process is alive and connected now (no-op when `path` is unset)."""
    if not path:
        return
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    p.touch()  # sets the mtime to now, also when the file exists


def age(path: str) -> float | None:
    """Seconds since the last beat, or None if there never was one."""
    try:
        return time.time() - Path(path).stat().st_mtime
    except FileNotFoundError:
        return None
