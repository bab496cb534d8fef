"""Progress lines and the results table: each figure next to its floor and the ARCHITECTURE §11 ceiling."""

from __future__ import annotations

import dataclasses
import datetime
import math
import os
import platform
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path


def say(message: str) -> None:
    """Print one progress line (prefixed `[bench]`) immediately."""
    print(f"[bench] {message}", flush=True)


@dataclasses.dataclass(frozen=True)
class Floor:
    """A target a figure must meet: `value >= threshold` (at_least) or `value < threshold` (below)."""

    kind: str  # "at_least" | "below"
    threshold: float

    def met_by(self, value: float) -> bool:
        """True if `value` meets the floor; a NaN value never does."""
        if math.isnan(value):
            return False
        return value >= self.threshold if self.kind == "at_least" else value < self.threshold

    def text(self, unit: str) -> str:
        """The floor as printed, e.g. `>= 500 req/s` or `< 100 ms`."""
        sign = ">=" if self.kind == "at_least" else "<"
        return f"{sign} {_number(self.threshold)} {unit}".rstrip()


def at_least(threshold: float) -> Floor:
    """A floor met by values >= threshold."""
    return Floor("at_least", threshold)


def below(threshold: float) -> Floor:
    """A floor met by values strictly below threshold."""
    return Floor("below", threshold)


@dataclasses.dataclass(frozen=True)
class Row:
    """One figure of one benchmark run on one database."""

    bench: str
    db: str
    figure: str
    value: float
    unit: str
    floor: Floor | None = None
    ceiling: str = "—"

    @property
    def verdict(self) -> str:
        """`met`, `MISSED` or `—` (no floor for this figure)."""
        if self.floor is None:
            return "—"
        return "met" if self.floor.met_by(self.value) else "MISSED"


def _number(value: float) -> str:
    if math.isnan(value):
        return "n/a"
    if abs(value) >= 100 or value == int(value):
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def table(rows: Sequence[Row]) -> str:
    """The rows as a Markdown pipe table (readable in a terminal, pasteable into bench/README.md)."""
    header = ["bench", "db", "figure", "measured", "floor", "§11 ceiling", "verdict"]
    body = [
        [
            r.bench,
            r.db,
            r.figure,
            f"{_number(r.value)} {r.unit}".rstrip(),
            r.floor.text(r.unit) if r.floor else "—",
            r.ceiling,
            r.verdict,
        ]
        for r in rows
    ]
    widths = [max(len(str(line[i])) for line in [header, *body]) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    separator = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(header), separator, *(line(cells) for cells in body)])


def missed(rows: Sequence[Row]) -> list[Row]:
    """The rows whose floor was not met."""
    return [r for r in rows if r.verdict == "MISSED"]


def tree_state() -> str:
    """The git commit benchmarked, e.g. `abc1234` or `abc1234 + uncommitted changes`; `unknown` without git."""
    root = Path(__file__).resolve().parents[1]
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True, check=True, timeout=10
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return f"{head} + uncommitted changes" if dirty else head


def machine_facts() -> str:
    """One line: date (UTC), CPU count, 1-minute load average, Python version, platform and git commit."""
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (
        f"{now}; {os.cpu_count()} cores (1-min load average {os.getloadavg()[0]:.2f} at start); "
        f"Python {platform.python_version()} ({sys.implementation.name}); "
        f"{platform.system()} {platform.release()} {platform.machine()}; tree {tree_state()}"
    )


def print_summary(title: str, rows: Sequence[Row], notes: Sequence[str] = (), facts: str | None = None) -> None:
    """Print `facts` (default: machine_facts() now), the notes, the results table and the missed floors."""
    print(f"\n== {title} ==", flush=True)
    print(facts or machine_facts())
    for note in notes:
        print(f"- {note}")
    print()
    print(table(rows))
    failed = missed(rows)
    print()
    if failed:
        print("Floors MISSED:")
        for r in failed:
            value = f"{_number(r.value)} {r.unit}".rstrip()
            print(f"  - {r.bench} / {r.db}: {r.figure} = {value} (floor {r.floor.text(r.unit)})")  # type: ignore[union-attr]
    else:
        print("Every floor met.")
    sys.stdout.flush()
