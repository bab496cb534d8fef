"""Domain error kinds shared by every service's domain layer (no transport imports).

A domain raises one of these with a stable machine-readable `code` (e.g.
``customer.name_required``) and a human message; each service's gRPC layer maps the kinds to
status codes with one table, and the gateway maps status codes to HTTP with another.
"""

from __future__ import annotations

from collections.abc import Mapping


class DomainError(Exception):
    """A rule refused the request; nothing was changed.

    `details`: short machine-readable facts a client may act on (e.g. the id of the existing
    record a duplicate collides with); keys are lower-case identifiers, values plain text.
    """

    default_code = "domain.error"

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        field: str | None = None,
        details: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code or self.default_code
        self.field = field
        self.details = dict(details or {})


class InvalidArgument(DomainError):
    default_code = "request.invalid"


class NotFound(DomainError):
    default_code = "not_found"


class AlreadyExists(DomainError):
    default_code = "already_exists"


class FailedPrecondition(DomainError):
    default_code = "failed_precondition"


class VersionConflict(DomainError):
    """The caller edited an outdated version of the record."""

    default_code = "version_conflict"


class PermissionDenied(DomainError):
    default_code = "permission_denied"
