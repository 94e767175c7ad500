"""Time: ordering facts by their EDTF dates, filtering by years, scoring by decade.

The relationship's trajectory is the running PLOVER cooperation/conflict
score of its dated events, decade by decade, beside the assessments the text
makes of it. An event is counted in the decade its date begins in; undated
events are left out of the trajectory (never given a decade they may not
belong to) but stay in the timeline, after the dated ones.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from bilateral.model import edtf
from bilateral.model.facts import Event, Fact

F = TypeVar("F", bound=Fact)


def _date_of(fact: Fact) -> str | None:
    value = getattr(fact, "date", None) or getattr(fact, "start", None)
    return value if isinstance(value, str) and value else None


def chronological(facts: Iterable[F]) -> list[F]:
    """Dated facts in date order (earliest day first), then undated ones in text order."""
    dated: list[tuple[tuple[object, ...], F]] = []
    undated: list[F] = []
    for fact in facts:
        value = _date_of(fact)
        key = _key(value) if value else None
        if key is None:
            undated.append(fact)
        else:
            dated.append((key, fact))
    dated.sort(key=lambda pair: pair[0])
    return [fact for _, fact in dated] + undated


def _key(value: str) -> tuple[object, ...] | None:
    try:
        return tuple(edtf.sort_key(value))
    except edtf.EDTFError:
        return None


def within(value: str | None, first_year: int | None, last_year: int | None) -> bool:
    """Whether a date can fall within the years ``first_year``..``last_year`` (inclusive)."""
    if first_year is None and last_year is None:
        return True
    if not value:
        return False
    try:
        low, high = edtf.bounds(value)
    except edtf.EDTFError:
        return False
    start = date(first_year, 1, 1) if first_year else date.min
    end = date(last_year, 12, 31) if last_year else date.max
    return low <= end and start <= high


@dataclass(frozen=True)
class TimelineQuery:
    """Filters of a timeline: years (inclusive), PLOVER types, modes, an actor id or name."""

    first_year: int | None = None
    last_year: int | None = None
    types: frozenset[str] = frozenset()
    modes: frozenset[str] = frozenset()
    actor: str | None = None

    def apply(self, events: Iterable[Event]) -> list[Event]:
        return [e for e in events if self.keeps(e)]

    def keeps(self, event: Event) -> bool:
        if not within(event.date, self.first_year, self.last_year):
            return False
        if self.types and event.type not in self.types:
            return False
        if self.modes and event.mode not in self.modes:
            return False
        if self.actor is None:
            return True
        wanted = self.actor.casefold()
        return any(wanted == a.casefold() for a in (*event.actors, event.actor or ""))


@dataclass(frozen=True)
class DecadeScore:
    """Events that begin in a decade, their mean score, and the running mean so far."""

    decade: int
    events: int
    mean: float
    running_mean: float


def by_decade(events: Sequence[Event]) -> list[DecadeScore]:
    decades: dict[int, list[float]] = {}
    for event in events:
        if not event.date:
            continue
        try:
            low, _ = edtf.bounds(event.date)
        except edtf.EDTFError:
            continue
        if low == date.min:
            continue
        decades.setdefault(low.year // 10 * 10, []).append(event.score)
    rows: list[DecadeScore] = []
    seen: list[float] = []
    for decade in sorted(decades):
        scores = decades[decade]
        seen.extend(scores)
        rows.append(
            DecadeScore(
                decade,
                len(scores),
                round(sum(scores) / len(scores), 2),
                round(sum(seen) / len(seen), 2),
            )
        )
    return rows
