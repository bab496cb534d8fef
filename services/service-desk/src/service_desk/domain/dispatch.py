"""Automatic dispatch (pure): among active technicians with the needed skills, working today and
under their capacity, pick by a score of travel distance (haversine) and workload; ties go to the
technician with the fewest open work orders, then the one assigned longest ago, so work spreads.
Every decision keeps the candidates and why each was or was not chosen."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable
from datetime import date, datetime

EARTH_RADIUS_KM = 6371.0088
# One open work order weighs as much as this many kilometres of travel.
WORKLOAD_KM = 10.0


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two points given in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


@dataclasses.dataclass(frozen=True)
class Technician:
    id: str
    user_id: str
    name: str
    team: str
    skills: tuple[str, ...]
    capacity: int
    working_days: tuple[int, ...] = (1, 2, 3, 4, 5)
    latitude: float | None = None
    longitude: float | None = None
    location_updated_at: datetime | None = None
    active: bool = True
    manager_id: str = ""
    last_assigned_at: datetime | None = None
    version: int = 1
    created_at: datetime | None = None
    updated_at: datetime | None = None


@dataclasses.dataclass(frozen=True)
class Candidate:
    technician_id: str
    name: str
    eligible: bool
    excluded_because: str
    distance_km: float
    open_work_orders: int
    capacity: int
    score: float


@dataclasses.dataclass(frozen=True)
class Decision:
    mode: str  # manual, grab, automatic
    technician_id: str
    reason: str
    candidates: tuple[Candidate, ...] = ()
    decided_at: datetime | None = None
    decided_by: str = ""


def required_skills(work_type: str, product_skill: str = "") -> tuple[str, ...]:
    """The skills a work order needs: its type, plus the product's skill when known."""
    return tuple(s for s in (work_type, product_skill) if s)


def choose(
    technicians: Iterable[Technician],
    workload: dict[str, int],
    *,
    skills: tuple[str, ...],
    latitude: float | None,
    longitude: float | None,
    on: date,
    team: str = "",
) -> tuple[Technician | None, tuple[Candidate, ...], str]:
    """(chosen technician or None, every candidate with its score or exclusion, the reason)."""
    candidates: list[tuple[Candidate, Technician]] = []
    for t in technicians:
        load = workload.get(t.id, 0)
        why = ""
        distance = math.inf
        if not t.active:
            why = "inactive"
        elif team and t.team != team:
            why = f"not in team {team}"
        elif missing := [s for s in skills if s not in t.skills]:
            why = "missing skill " + ", ".join(missing)
        elif on.isoweekday() not in t.working_days:
            why = "not working today"
        elif load >= t.capacity:
            why = f"at capacity ({load}/{t.capacity})"
        elif t.latitude is None or t.longitude is None:
            why = "no known location"
        elif latitude is None or longitude is None:
            distance = 0.0  # the customer's address has no coordinates: workload alone decides
        if not why and math.isinf(distance):
            distance = haversine_km(t.latitude, t.longitude, latitude, longitude)  # type: ignore[arg-type]
        score = round(distance + WORKLOAD_KM * load, 3) if not why else 0.0
        candidates.append(
            (
                Candidate(
                    t.id,
                    t.name,
                    not why,
                    why,
                    round(distance, 3) if not why else 0.0,
                    load,
                    t.capacity,
                    score,
                ),
                t,
            )
        )
    eligible = [(c, t) for c, t in candidates if c.eligible]
    listed = tuple(c for c, _ in sorted(candidates, key=lambda x: (not x[0].eligible, x[0].score, x[0].technician_id)))
    if not eligible:
        return (
            None,
            listed,
            "no eligible technician: " + "; ".join(f"{c.name or c.technician_id}: {c.excluded_because}" for c in listed)
            if listed
            else "no technicians",
        )
    oldest = datetime.min.replace(tzinfo=None)

    def key(item: tuple[Candidate, Technician]) -> tuple:  # type: ignore[type-arg]
        c, t = item
        last = t.last_assigned_at.replace(tzinfo=None) if t.last_assigned_at else oldest
        return (c.score, c.open_work_orders, last, t.id)

    best, tech = min(eligible, key=key)
    tied = [c for c, _ in eligible if c.score == best.score]
    reason = (
        f"{tech.name or tech.id}: skills {', '.join(skills) or 'none needed'}, "
        f"{best.distance_km:.1f} km away, {best.open_work_orders}/{best.capacity} open work orders, "
        f"score {best.score:.1f} (distance + {WORKLOAD_KM:g} km per open work order), best of {len(eligible)} eligible"
    )
    if len(tied) > 1:
        reason += f"; tie with {len(tied) - 1} other(s) broken by fewer open work orders, then least recently assigned"
    return tech, listed, reason
