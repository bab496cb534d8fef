"""Knowledge-base articles (pure): fields and the words a full-text query matches on."""

from __future__ import annotations

import dataclasses
import re
from datetime import datetime

STATUSES = ("draft", "published", "archived")
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclasses.dataclass(frozen=True)
class Article:
    id: str
    title: str
    category: str
    problem: str
    solution: str
    tags: tuple[str, ...]
    status: str
    version: int
    created_at: datetime
    updated_at: datetime
    created_by: str


def words(text: str) -> list[str]:
    """Lower-cased words of a text (letters, digits, CJK characters), in order, unique."""
    seen: dict[str, None] = {}
    for w in _WORD.findall((text or "").lower()):
        seen.setdefault(w, None)
    return list(seen)


def search_text(a: Article) -> str:
    """The normalised text an article is searched on: ' word word ... ' (spaces around each word, so
    a query word matches at a word start with LIKE '% word%' on SQLite and PostgreSQL alike)."""
    return " " + " ".join(words(" ".join((a.title, a.category, a.problem, a.solution, *a.tags)))) + " "
