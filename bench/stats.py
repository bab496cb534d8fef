"""Latency statistics shared by every benchmark (nearest-rank percentiles, no interpolation)."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence


def percentile(samples: Sequence[float], q: float) -> float:
    """The nearest-rank `q`-th percentile (0 < q <= 100) of `samples`; NaN when there are none.

    The answer is always one of the samples: the smallest value with at least q% of the samples
    at or below it. `samples` need not be sorted.
    """
    if not 0 < q <= 100:
        raise ValueError(f"percentile must be in (0, 100], got {q}")
    if not samples:
        return math.nan
    ordered = sorted(samples)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


@dataclasses.dataclass(frozen=True)
class LatencySummary:
    """Count and p50/p99/max of a set of durations, all in seconds."""

    count: int
    p50: float
    p99: float
    max: float

    @classmethod
    def of(cls, samples: Sequence[float]) -> LatencySummary:
        """Summarise `samples` (seconds); an empty input gives count 0 and NaN figures."""
        if not samples:
            return cls(0, math.nan, math.nan, math.nan)
        ordered = sorted(samples)
        return cls(len(ordered), percentile(ordered, 50), percentile(ordered, 99), ordered[-1])


@dataclasses.dataclass(frozen=True)
class LoadResult:
    """What one closed-loop load run measured: completed requests, errors, wall time and latencies."""

    generator: str
    ok: int
    errors: int
    seconds: float
    latency: LatencySummary

    @property
    def throughput(self) -> float:
        """Successful requests per second of measured wall time (0 if no time elapsed)."""
        return self.ok / self.seconds if self.seconds > 0 else 0.0


def ratio(numerator: float, denominator: float) -> float:
    """numerator / denominator, or NaN when the denominator is zero."""
    return numerator / denominator if denominator else math.nan
