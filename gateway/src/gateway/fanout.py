"""Reading one customer's related records from several services at once, within a deadline
(the call-center screen pop and the customer 360 view, issue 9).

Each section is one gRPC call to one upstream. All run concurrently; a section whose service is
down, slow or refuses answers `unavailable` (with why) instead of failing the whole answer, and a
section the caller has no permission for answers `forbidden` without calling anyone. Sections
are read with the data scope of their own module (the caller's `opportunities:view` scope for
opportunities, and so on), exactly as the module's list route would."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Callable
from typing import Any

from fastapi import Request

from gateway.identity.principal import Principal
from gateway.problems import ProblemError
from gateway.runtime import runtime_of

OK, UNAVAILABLE, FORBIDDEN = "ok", "unavailable", "forbidden"


@dataclasses.dataclass(frozen=True)
class Section:
    """One block of the answer: `build(customer_id)` is the request, `render(reply, principal)`
    the items (already through the field rules), `link` the full list for the customer."""

    name: str
    permission: str
    upstream: str
    method: str
    build: Callable[[str], Any]
    render: Callable[[Any, Principal], list[dict[str, Any]]]
    link: str  # with `{id}` for the customer id


async def _one(
    request: Request, principal: Principal, section: Section, customer_id: str, deadline: float
) -> dict[str, Any]:
    out: dict[str, Any] = {"link": section.link.format(id=customer_id)}
    if not principal.allows(section.permission):
        return {**out, "status": FORBIDDEN, "items": []}
    scoped = principal.with_permission(section.permission)
    upstreams = runtime_of(request).upstreams
    try:
        reply = await asyncio.wait_for(
            upstreams.call(section.upstream, section.method, section.build(customer_id), scoped.caller(request)),
            timeout=deadline,
        )
    except TimeoutError:
        return {**out, "status": UNAVAILABLE, "reason": "deadline", "items": []}
    except ProblemError as exc:
        return {**out, "status": UNAVAILABLE, "reason": exc.code, "items": []}
    items = section.render(reply, scoped)
    return {**out, "status": OK, "count": len(items), "items": items}


async def gather_sections(
    request: Request, principal: Principal, customer_id: str, sections: tuple[Section, ...], *, deadline: float
) -> dict[str, dict[str, Any]]:
    """Every section of the customer, fetched concurrently; none takes longer than `deadline`."""
    answers = await asyncio.gather(*(_one(request, principal, s, customer_id, deadline) for s in sections))
    return {s.name: a for s, a in zip(sections, answers, strict=True)}
