"""The password policy for passwords set through the admin API (the bootstrap admin's comes from
CRM_ADMIN_PASSWORD and is the operator's responsibility)."""

from __future__ import annotations

MAX_LENGTH = 1024


def password_problems(password: str, *, username: str, min_length: int) -> list[str]:
    """Every reason `password` is refused; an empty list means it is acceptable.

    Rules: at least `min_length` characters (at most 1024), at least one letter and one digit or
    symbol, not containing the username, not one repeated character.
    """
    problems = []
    if len(password) < min_length:
        problems.append(f"must be at least {min_length} characters long")
    if len(password) > MAX_LENGTH:
        problems.append(f"must be at most {MAX_LENGTH} characters long")
    if not any(c.isalpha() for c in password):
        problems.append("must contain a letter")
    if not any(not c.isalpha() for c in password):
        problems.append("must contain a digit or a symbol")
    name = username.strip().lower()
    if name and len(name) >= 3 and name in password.lower():
        problems.append("must not contain the username")
    if password and len(set(password)) == 1:
        problems.append("must not be one repeated character")
    return problems
