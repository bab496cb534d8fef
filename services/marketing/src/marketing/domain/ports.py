"""What the use cases need from outside the domain (implemented in persistence/ and grpc_api/)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, Protocol

from crm_chassis.errors import DomainError
from crm_chassis.identity import Caller

# A unit of work factory: uow_factory(read_only=False) -> a context manager with the repositories
# (campaigns, costs, members, leads, touches, rules, forms, claims, customers), record() and commit().
UowFactory = Callable[..., Any]


@dataclasses.dataclass(frozen=True)
class CustomerSummary:
    id: str
    name: str


class CustomerDirectory(Protocol):
    """The customers service's list, read with the caller's identity (their data scope applies)."""

    def matching(self, caller: Caller, filter_text: str, limit: int) -> list[CustomerSummary]:
        """Customers matching the AIP-160 filter, at most `limit`; InvalidArgument on a bad filter."""
        ...


class DependencyUnavailable(DomainError):
    """Another service the call needs did not answer; retry later (UNAVAILABLE)."""

    default_code = "dependency.unavailable"
