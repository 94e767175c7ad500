"""Relative expressions and how they resolve against an anchor date.

A relative expression is resolved at the precision of its own unit ("the
following year" of ``1838-06-08`` is ``1839``; "later that month" is
``1838-06``), counting forward from the anchor's last day and backward from
its first. When the unit is finer than the anchor ("three days before" a
visit in ``2002``), the shift is lost in the anchor's precision and the
anchor's value is the answer. The packaged lexicon lists only shifts by a
definite amount; vague counts (``{few}``, 2 to 10 units) and open-ended
phrases remain possible in a user's lexicon. Month names without a year ("in
May", "on 2 October") take the anchor's year when it has a single one. A
leading "the" is matched but not part of the span ("following year").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from bilateral.extract.dates.grammar import grammar
from bilateral.extract.dates.lexicon import Unit, lexicon
from bilateral.extract.dates.periods import (
    end_of,
    part_of_month,
    shifted,
    start_of,
    unit_precision,
)
from bilateral.extract.dates.spans import Candidate
from bilateral.model.edtf import (
    EDTF,
    EDTFError,
    Precision,
    format_date,
    format_interval,
    parse,
    rank,
    truncate,
)

VAGUE = (2, 10)
THE = re.compile(r"[Tt]he\s+")


def _reference(anchor: EDTF, forward: bool) -> EDTF | None:
    """The single date to count from: an interval's end going forward, its start going back."""
    if not anchor.is_interval:
        return anchor
    point = end_of(anchor) if forward else start_of(anchor)
    return None if point in (None, "..") else parse(point)


def _day(value: EDTF, last: bool) -> date | None:
    day = value.upper if last else value.lower
    return day.date() if 1 <= day.year <= 9999 else None


@dataclass(frozen=True, slots=True)
class Shift:
    """``count`` units after (``sign`` +1) or before (−1) the anchor; count None is vague.

    ``leads`` marks a phrase that leads into what it counts from ("40 years
    before its embassy opened in 1929"): a date later in the same sentence is
    then the better anchor.
    """

    unit: Unit
    count: int | None
    sign: int
    leads: bool = False

    def resolve(self, anchor: EDTF) -> str | None:
        reference = _reference(anchor, self.sign > 0)
        if reference is None:
            return None
        precision = unit_precision(self.unit.base, self.unit.size)
        if rank(reference.precision) > rank(precision):
            return reference.text
        start = _day(reference, last=self.sign > 0)
        if start is None:
            return None
        if self.count is not None:
            return shifted(
                start, precision, self.unit.base, self.sign * self.count * self.unit.size
            )
        near, far = (
            shifted(start, precision, self.unit.base, self.sign * n * self.unit.size) for n in VAGUE
        )
        if near is None or far is None:
            return None
        first, last = (near, far) if self.sign > 0 else (far, near)
        return format_interval(start_of(parse(first)), end_of(parse(last)))


@dataclass(frozen=True, slots=True)
class Same:
    """The anchor's own day, week, month, year or decade ("that year", "the same day")."""

    unit: Unit

    def resolve(self, anchor: EDTF) -> str | None:
        precision = unit_precision(self.unit.base, self.unit.size)
        if anchor.is_interval or rank(anchor.precision) > rank(precision):
            return anchor.text
        if self.unit.base == "day" and self.unit.size == 7:
            day = _day(anchor, last=False)
            if day is None:
                return None
            monday = day - timedelta(days=day.weekday())
            return format_interval(_iso(monday), _iso(monday + timedelta(days=6)))
        return truncate(anchor, precision)


def _iso(day: date) -> str:
    return format_date(day.year, day.month, day.day)


@dataclass(frozen=True, slots=True)
class OpenAfter:
    """From the anchor on ("since then", "the years since"), or from the next unit on
    ("the following years") when ``step`` is set."""

    unit: Unit
    step: bool

    def resolve(self, anchor: EDTF) -> str | None:
        if not self.step:
            point = end_of(anchor)
            return None if point in (None, "..") else format_interval(point, None)
        first = Shift(self.unit, 1, +1).resolve(anchor)
        if first is None:
            return None
        point = start_of(parse(first))
        return None if point is None else format_interval(point, None)


@dataclass(frozen=True, slots=True)
class Partial:
    """A month or day without a year ("in May", "on 2 October", "May 2–5"): the anchor's year.

    ``last`` marks "the 29th of March last": the latest such day before the anchor,
    which must then be a month or a day (the date of the letter that says it).
    """

    month: int
    day: int | None = None
    part: str | None = None
    end_month: int | None = None
    end_day: int | None = None
    last: bool = False

    def resolve(self, anchor: EDTF) -> str | None:
        if anchor.lower.year != anchor.upper.year:
            return None
        if self.last:
            if anchor.is_interval or rank(anchor.precision) > rank(Precision.MONTH):
                return None
            found = self.in_year(anchor.lower.year)
            if found is not None and parse(found).lower >= anchor.lower:
                found = self.in_year(anchor.lower.year - 1)
            return found
        return self.in_year(anchor.lower.year)

    def in_year(self, year: int) -> str | None:
        try:
            if self.end_day is not None:
                first = format_date(year, self.month, self.day)
                return format_interval(first, format_date(year, self.end_month, self.end_day))
            if self.day is not None:
                return format_date(year, self.month, self.day)
            if self.part is not None:
                return part_of_month(year, self.month, self.part)
            return format_date(year, self.month)
        except EDTFError:
            return None


@dataclass(frozen=True, slots=True)
class DayOfMonth:
    """A day of the month alone ("who arrived on the 13th"): that day of the anchor's month,
    which must then be a month or a day."""

    day: int

    def resolve(self, anchor: EDTF) -> str | None:
        if anchor.is_interval or rank(anchor.precision) > rank(Precision.MONTH):
            return None
        try:
            return format_date(anchor.lower.year, anchor.lower.month, self.day)
        except EDTFError:
            return None


@dataclass(frozen=True, slots=True)
class Between:
    """Two relative ends resolved against the same anchor ("from May to July", "between
    that date and April 15")."""

    first: Partial | Same
    last: Partial | Same

    def resolve(self, anchor: EDTF) -> str | None:
        start, end = self.first.resolve(anchor), self.last.resolve(anchor)
        if start is None or end is None:
            return None
        first, last = start_of(parse(start)), end_of(parse(end))
        if first is None or last is None:
            return None
        try:
            return format_interval(first, last)
        except EDTFError:
            return None


REACH = 45  # how far before its unit word a relative phrase can start


def relative_candidates(text: str) -> list[Candidate]:
    """Every lexicon relative expression in ``text`` ("two years later", "that day").

    Every phrase holds a trigger word (its unit, or a word such as "then"), so
    the phrases are only tried at word starts shortly before a trigger.
    """
    g = grammar()
    found: dict[tuple[int, int], Candidate] = {}
    for trigger in g.relative_trigger.finditer(text):
        if g.word_start.match(text, trigger.start()) is None:
            continue
        for word in g.word_start.finditer(text, max(0, trigger.start() - REACH), trigger.end()):
            match = g.relative.match(text, word.start())
            if match is None or match.end() < trigger.end():
                continue
            key = (match.start(), match.end())
            if key not in found:
                candidate = _candidate(match, g.relative_rows)
                if candidate is not None:
                    found[key] = candidate
    return sorted(found.values(), key=lambda c: (c.start, c.end))


# "the next century and a half": a unit and a fraction of it is an amount of time
_FRACTION_AFTER = re.compile(r"\s+and\s+a\s+(?:half|quarter)(?![\w-])", re.IGNORECASE)
# "tomorrow or the day after": joined to a word for the time of speaking
_JOINED_BEFORE = re.compile(r"(?<![\w-])(\w+)\s+(?:or|and)\s+\Z", re.IGNORECASE)


def _candidate(match: re.Match[str], rows: tuple[tuple[str, str], ...]) -> Candidate | None:
    if _FRACTION_AFTER.match(match.string, match.end()) or _deictic(match):
        return None
    row = int((match.lastgroup or "r0")[1:])
    unit_group = f"u{row}"
    unit = lexicon().unit(match[unit_group]) if unit_group in match.re.groupindex else None
    resolver = _resolver(rows[row], unit, match, row)
    if resolver is None:
        return None
    the = THE.match(match.string, match.start())  # "the following year" → "following year"
    start = the.end() if the is not None else match.start()
    return Candidate(start, match.end(), "", resolver)


def _deictic(match: re.Match[str]) -> bool:
    """Whether the phrase is joined by "or"/"and" to a word for the time of speaking
    ("tomorrow or the day after", dates_deictic.txt): it counts from that time too."""
    joined = _JOINED_BEFORE.search(match.string, max(0, match.start() - 24), match.start())
    return joined is not None and joined[1].casefold() in lexicon().deictic


def _vague_count(match: re.Match[str]) -> bool:
    """A count made vague by the word before it: "more than 2 years later", "nearly two
    years later", "some ten years later" (dates_quantifiers.txt), or made a stretch of
    time by a determiner or "for": "in the four years after he took office", "for
    roughly 200 years prior to 1911" (dates_period_determiners.txt; a qualifier such
    as "roughly" between is skipped). Neither names a definite date."""
    lex = lexicon()
    g = grammar()
    text, at = match.string, match.start()
    before = g.word_before.search(text, max(0, at - 40), at)
    word = "" if before is None else before[1].casefold()
    if before is not None and word in lex.qualifiers:
        earlier = g.word_before.search(text, max(0, before.start() - 40), before.start())
        if earlier is not None and earlier[1].casefold() in lex.period_determiners:
            return True
    return word in lex.quantifiers or word in lex.period_determiners


def _resolver(
    template: tuple[str, str], unit: Unit | None, match: re.Match[str], row: int
) -> Shift | Same | OpenAfter | None:
    unit = unit or lexicon().relative_units.get(template[0]) or Unit("year", 1)
    meaning = template[1]
    leads = template[0].split()[-1] in ("before", "after", "prior")
    if meaning == "0":
        return Same(unit)
    if meaning in ("since", "after"):
        return OpenAfter(unit, step=meaning == "after")
    sign = -1 if meaning.startswith("-") else 1
    amount = meaning[1:]
    if amount == "n":  # a counted decade is ten years: "two decades later" is a year
        if _vague_count(match):
            return None
        count = lexicon().count(match[f"n{row}"])
        return None if not count else Shift(Unit(unit.base, 1), count * unit.size, sign, leads)
    if amount == "few":
        return Shift(unit, None, sign, leads)
    return Shift(unit, int(amount), sign, leads)
