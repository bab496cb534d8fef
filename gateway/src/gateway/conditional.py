"""ETags from record versions and conditional request checks."""

from __future__ import annotations

from gateway.problems import ProblemError


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


def expected_version(header: str | None, *, required: bool) -> int:
    """The record version a write expects, from `If-Match: "<version>"` (0 = no check, for `*` or
    an absent optional header). 428 `precondition.required` when a required header is missing,
    400 `request.if_match_invalid` when it names no version this API issued."""
    if header is None or not header.strip():
        if required:
            raise ProblemError(
                428,
                "precondition.required",
                "Send If-Match with the ETag you read, so a change made meanwhile is not overwritten.",
            )
        return 0
    text = header.strip()
    if text == "*":
        return 0
    if text.startswith('"') and text.endswith('"') and text[1:-1].isdigit() and len(text) <= 20:
        return int(text[1:-1])
    raise ProblemError(400, "request.if_match_invalid", 'If-Match must be an ETag from this API, e.g. "3".')
