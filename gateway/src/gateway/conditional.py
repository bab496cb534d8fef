"""ETags from record versions and conditional request checks."""

from __future__ import annotations


def etag_for(version: int) -> str:
    return f'"{int(version)}"'


def _tags(header: str) -> list[str]:
    return [part.strip().removeprefix("W/") for part in header.split(",") if part.strip()]


def if_none_match_hits(header: str | None, current: str) -> bool:
    """True when `If-None-Match` names the current representation (weak comparison, RFC 9110 §13.1.2)."""
    if not header:
        return False
    tags = _tags(header)
    return "*" in tags or current in tags


def if_match_fails(header: str | None, current: str) -> bool:
    """True when `If-Match` is present and names no current representation (strong comparison)."""
    if header is None:
        return False
    tags = [part.strip() for part in header.split(",") if part.strip()]
    return not ("*" in tags or current in tags)
