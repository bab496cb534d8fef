"""Pure figures the standard reports derive: rates, ROI, NPS, receivable ageing buckets (R4)."""

from __future__ import annotations

from datetime import date

AGEING_BUCKETS = ("not_yet_due", "1-30", "31-60", "61-90", "90+")
# (bucket, d): an instalment due on or after `as_of - d days` falls in the bucket (first match wins);
# the SQL of the receivables report and `ageing_bucket` apply the same edges.
AGEING_EDGES = (("not_yet_due", 0), ("1-30", 30), ("31-60", 60), ("61-90", 90))


def rate(part: float | int | None, whole: float | int | None) -> float | None:
    """`part / whole` as a percentage with two decimals; None when there is nothing to divide by."""
    if not whole:
        return None
    return round(100.0 * float(part or 0) / float(whole), 2)


def roi(won: int, cost: int) -> float | None:
    """(won - cost) / cost as a percentage; None without cost."""
    if not cost:
        return None
    return round(100.0 * (won - cost) / cost, 2)


def nps(promoters: int, detractors: int, answers: int) -> float | None:
    """Net promoter score: % promoters (9-10) minus % detractors (0-6)."""
    if not answers:
        return None
    return round(100.0 * (promoters - detractors) / answers, 2)


def ageing_bucket(due_day: str | None, as_of: date) -> str:
    """R4: days past the due date as of `as_of` (a local date); due today or later = not yet due."""
    if not due_day:
        return AGEING_BUCKETS[0]
    days = (as_of - date.fromisoformat(due_day)).days
    for name, edge in AGEING_EDGES:
        if days <= edge:
            return name
    return AGEING_BUCKETS[-1]
