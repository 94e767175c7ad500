"""`tag_dates`: every date expression of one paragraph, normalised to EDTF.

The steps, each a small function below:

1. collect candidates of every calendar shape and relative phrase (a
   leading "the" is never part of a span: "1980s", "following year");
2. keep the leftmost-longest ones that do not overlap;
3. join neighbours into intervals ("from 2006 to 2007", "between 1998 and
   2000", "June 1984 – 22 May 1990", "from May to July 1990", "Between 1956
   and the mid-1960s" → ``1956/1966``, the outer edges of fuzzy ends) and
   disjunctions ("1795 or 1796" → ``1795/1796``);
4. widen dates by a qualifier before them ("circa 1840" → ``1840~``, "circa
   1948–1949" → ``1948~/1949~``, "on or about July 1, 1974" →
   ``1974-07-01~``, "in or before 1840" → ``../1840``);
5. resolve relative expressions against the nearest date before them in the
   paragraph (which may be one resolved before), else the nearest absolute
   date after them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import cast

from bilateral.extract.dates.absolute import calendar_candidates
from bilateral.extract.dates.grammar import grammar
from bilateral.extract.dates.lexicon import lexicon
from bilateral.extract.dates.periods import join, start_of
from bilateral.extract.dates.relative import (
    Between,
    Partial,
    Same,
    Shift,
    relative_candidates,
)
from bilateral.extract.dates.spans import Candidate, DateSpan
from bilateral.model.edtf import EDTF, EDTFError, format_interval, parse, qualify

_SINGLE = ("day", "month", "season", "year")
_QUALIFIER_REACH = 32
_TO = ("to", "until", "till", "through", "thru")


def tag_dates(text: str, start: int = 0, end: int | None = None) -> list[DateSpan]:
    """Date expressions of ``text[start:end]``, read as one paragraph.

    Offsets in the result are offsets into ``text``. Relative expressions are
    resolved within the paragraph only (see `DateSpan`).
    """
    stop = len(text) if end is None else end
    paragraph = text[start:stop]
    if not paragraph.strip():
        return []
    candidates = [*calendar_candidates(paragraph), *relative_candidates(paragraph)]
    chosen = _qualified(paragraph, _ranges(paragraph, _leftmost_longest(candidates)))
    return _resolved(paragraph, chosen, start)


def _leftmost_longest(candidates: list[Candidate]) -> list[Candidate]:
    kept: list[Candidate] = []
    reach = -1
    for candidate in sorted(candidates, key=lambda c: (c.start, -len(c), c.relative)):
        if candidate.start >= reach and len(candidate):
            kept.append(candidate)
            reach = candidate.end
    return kept


def _ranges(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """Neighbours linked by a dash, to, until, through (or and, after between) become one
    interval, from the start of the first to the end of the last ("from late 1942 until
    spring of 1943", "Between 1956 and the mid-1960s"); two single dates linked by "or"
    become the interval of both ("1795 or 1796")."""
    g = grammar()
    joined: list[Candidate] = []
    index = 0
    while index < len(candidates):
        first = candidates[index]
        if index + 1 < len(candidates):
            last = candidates[index + 1]
            link = g.range_link.fullmatch(text, first.end, last.start)
            if link is not None:
                word = (link["word"] or "").casefold()
                opener = g.range_opener.search(text, max(0, first.start - 16), first.start)
                between = opener is not None and opener[1].casefold() == "between"
                merged = None
                if word == "or":
                    merged = _either(first, last)
                elif word != "and" or between:
                    # "from" belongs to the range only with its "to" ("from 1882 to
                    # 1890"), "between" with its "and"; "from June 1984 – May 1990"
                    # starts at June.
                    pairs = opener is not None and (word == "and" if between else word in _TO)
                    at = opener.start() if opener is not None and pairs else first.start
                    merged = _interval(first, last, at)
                if merged is not None:
                    joined.append(merged)
                    index += 2
                    continue
        joined.append(_to_the_present(text, first) or first)
        index += 1
    return joined


def _to_the_present(text: str, first: Candidate) -> Candidate | None:
    """A date followed by a range link to the time of writing ("1988 to the present",
    "from the mid-19th century to the modern day") is an interval open at its end."""
    g = grammar()
    if first.relative:
        return None
    end = g.present_end.match(text, first.end)
    if end is None:
        return None
    point = start_of(parse(first.edtf))
    if point is None or point == "..":
        return None
    opener = g.range_opener.search(text, max(0, first.start - 16), first.start)
    word = (end["word"] or "").casefold()
    pairs = opener is not None and (
        word == "and" if opener[1].casefold() == "between" else word in _TO
    )
    if word == "and" and not pairs:
        return None
    at = opener.start() if opener is not None and pairs else first.start
    return Candidate(at, end.end(), format_interval(point, None))


def _either(first: Candidate, last: Candidate) -> Candidate | None:
    """``1795 or 1796`` → ``1795/1796``: two plain dates of the same precision."""
    if first.relative or last.relative:
        return None
    one, other = parse(first.edtf), parse(last.edtf)
    if one.precision is not other.precision or one.precision.value not in _SINGLE:
        return None
    if one.text[-1] in "?~%" or other.text[-1] in "?~%":
        return None
    edtf = join(first.edtf, last.edtf)
    return None if edtf is None else Candidate(first.start, last.end, edtf)


def _interval(first: Candidate, last: Candidate, start: int) -> Candidate | None:
    """The interval from ``first`` to ``last``; a fuzzy end (an interval itself, a decade,
    a season) gives its outer edge: its start opening the range, its end closing it."""
    if isinstance(first.resolver, Partial | Same) and isinstance(last.resolver, Partial | Same):
        # "from May to July", "between that date and April 15": both ends hang on one anchor
        return Candidate(start, last.end, "", Between(first.resolver, last.resolver))
    if first.relative or last.relative:
        if not isinstance(first.resolver, Partial) or last.relative:
            return None
        closing = parse(last.edtf)
        if closing.lower.year != closing.upper.year:
            return None
        year = closing.lower.year
        opening = first.resolver.in_year(year)
        if opening is not None and parse(opening).lower > closing.lower:
            opening = first.resolver.in_year(year - 1)
        if opening is None:
            return None
        edtf = join(opening, last.edtf)
    else:
        edtf = join(first.edtf, last.edtf)
    return None if edtf is None else Candidate(start, last.end, edtf)


def _qualified(text: str, candidates: list[Candidate]) -> list[Candidate]:
    g, lex = grammar(), lexicon()
    result: list[Candidate] = []
    floor = 0
    for candidate in candidates:
        value = None if candidate.relative else parse(candidate.edtf)
        partial = isinstance(candidate.resolver, Partial) and not candidate.resolver.last
        if partial or (value is not None and _qualifiable(value)):
            window = max(floor, candidate.start - _QUALIFIER_REACH)
            match = g.qualifier_before.search(text, window, candidate.start)
            if match is not None:
                effect = lex.qualifier(match["near"] or match["far"])
                if value is None:
                    # "on or about June 29": qualified once its year is known
                    resolver = Qualified(cast(Partial, candidate.resolver), effect)
                    candidate = replace(candidate, start=match.start(), resolver=resolver)
                elif (edtf := _apply(effect, value)) is not None:
                    candidate = replace(candidate, start=match.start(), edtf=edtf)
        result.append(candidate)
        floor = candidate.end
    return result


@dataclass(frozen=True, slots=True)
class Qualified:
    """A partial date after a qualifier ("on or about June 29"): the qualifier applies to
    the date it resolves to."""

    partial: Partial
    effect: str

    def resolve(self, anchor: EDTF) -> str | None:
        value = self.partial.resolve(anchor)
        return None if value is None else _apply(self.effect, parse(value))


def _qualifiable(value: EDTF) -> bool:
    """A single date, or an interval of two closed single dates, not yet qualified."""
    if value.approximate or value.uncertain:
        return False
    if not value.is_interval:
        return value.precision.value in _SINGLE
    ends = value.text.split("/")
    return all(end not in ("", "..") and parse(end).precision.value in _SINGLE for end in ends)


def _apply(effect: str, value: EDTF) -> str | None:
    """A qualifier's effect on a date; "circa 1948–1949" qualifies both ends (``1948~/1949~``)."""
    try:
        if value.is_interval:
            if effect not in ("~", "?", "%"):
                return None
            first, _, last = value.text.partition("/")
            return format_interval(qualify(first, effect), qualify(last, effect))
        if effect == "../":
            return format_interval(None, value.text)
        if effect == "/..":
            return format_interval(value.text, None)
        return qualify(value.text, effect)
    except EDTFError:
        return None


def _resolved(text: str, candidates: list[Candidate], offset: int) -> list[DateSpan]:
    """Spans in `text` coordinates, relative ones resolved in text order.

    A resolved expression can itself anchor what follows it: "on April 6 …
    the same day", "The following year in October" (October of the following
    year). The access date of a citation ("Retrieved 3 July 2021") anchors
    nothing, and "the 29th of March last" takes only a date before it.
    """
    g = grammar()
    absolute = [c for c in candidates if not c.relative and not _cited(text, c)]
    anchors: list[Candidate] = []
    spans: list[DateSpan] = []
    ordered = _in_resolution_order(text, candidates)
    restating: tuple[Candidate, Candidate] | None = None  # a phrase, the date it sets off
    for index, candidate in enumerate(ordered):
        if restating is not None and candidate is not restating[1]:
            spans.append(_restated(text, *restating, spans, offset))
            restating = None
        start, end = candidate.start + offset, candidate.end + offset
        piece = text[candidate.start : candidate.end]
        if candidate.resolver is None:
            if candidate in absolute:
                anchors.append(candidate)
            precision = parse(candidate.edtf).precision.value
            spans.append(DateSpan(start, end, piece, candidate.edtf, precision))
            continue
        following = ordered[index + 1] if index + 1 < len(ordered) else None
        if following is not None and (
            not _in_apposition(text, candidate, anchors) and _sets_off(text, candidate, following)
        ):
            # "two years after the application, it joined on 29 May of that year": the
            # phrase dates the clause after it, whose date is read first
            restating = (candidate, following)
            continue
        later = [c for c in absolute if c.start >= candidate.end]
        backward = isinstance(candidate.resolver, Partial) and candidate.resolver.last
        anchor = anchors[-1] if anchors else None if backward else next(iter(later), None)
        resolver = candidate.resolver
        if _in_apposition(text, candidate, anchors):
            # "in 2005, four years after the war": the phrase restates the date before it
            anchor = anchors[-1]
            resolver = Same(cast(Shift, resolver).unit)
        elif _leads_into(candidate, later) and not g.sentence_end.search(
            text, candidate.end, later[0].start
        ):
            anchor = later[0]
        edtf = resolver.resolve(parse(anchor.edtf)) if anchor else None
        if anchor is None or edtf is None:
            spans.append(DateSpan(start, end, piece, "", "", None, True, True))
            continue
        anchors.append(replace(candidate, edtf=edtf, resolver=None))
        precision = parse(edtf).precision.value
        spans.append(DateSpan(start, end, piece, edtf, precision, anchor.start + offset, True))
    if restating is not None:
        spans.append(_restated(text, *restating, spans, offset))
    return sorted(spans, key=lambda span: span.start)


def _sets_off(text: str, candidate: Candidate, following: Candidate | None) -> bool:
    """A phrase that leads into what it counts from ("two years after the application")
    and is set off by one comma from the next date of its sentence describes the clause
    of that date rather than counting from it ("Four years after the war, in 2005, …")."""
    if following is None or not isinstance(candidate.resolver, Shift):
        return False
    if not candidate.resolver.leads or following.start < candidate.end:
        return False
    if isinstance(following.resolver, Shift) and following.resolver.leads:
        return False
    gap = text[candidate.end : following.start]
    return gap.count(",") == 1 and grammar().sentence_end.search(gap) is None


def _restated(
    text: str, phrase: Candidate, date: Candidate, spans: list[DateSpan], offset: int
) -> DateSpan:
    """``phrase`` at the value of the date it sets off, at the precision of its unit."""
    start, end = phrase.start + offset, phrase.end + offset
    piece = text[phrase.start : phrase.end]
    found = next((s for s in spans if s.start == date.start + offset), None)
    edtf = None
    if found is not None and found.edtf:
        edtf = Same(cast(Shift, phrase.resolver).unit).resolve(parse(found.edtf))
    if found is None or not edtf:
        return DateSpan(start, end, piece, "", "", None, True, True)
    return DateSpan(start, end, piece, edtf, parse(edtf).precision.value, found.start, True)


def _in_resolution_order(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """Text order, except that a month or day right before the shifted year it belongs to
    ("in May of the following year", "March two years later") comes after it and so takes
    that year."""
    ordered = list(candidates)
    index = 0
    while index + 1 < len(ordered):
        first, second = ordered[index], ordered[index + 1]
        if (
            isinstance(first.resolver, Partial)
            and not first.resolver.last
            and isinstance(second.resolver, Shift)
            and _month_of(text, first, second)
        ):
            ordered[index], ordered[index + 1] = second, first
            index += 2
        else:
            index += 1
    return ordered


def _month_of(text: str, month: Candidate, relative: Candidate) -> bool:
    """Whether ``relative`` follows ``month`` as its year: "May (of) the following year"."""
    g = grammar()
    gap = g.of_gap.match(text, month.end)
    found = None if gap is None else g.relative.match(text, gap.end())
    return found is not None and found.end() == relative.end


def _in_apposition(text: str, candidate: Candidate, anchors: list[Candidate]) -> bool:
    """A phrase that leads into what it counts from, set off right after a date by a comma
    or a dash ("in 2005, four years after the war")."""
    if not (isinstance(candidate.resolver, Shift) and candidate.resolver.leads and anchors):
        return False
    before = anchors[-1]
    return before.end <= candidate.start and (
        grammar().apposition.fullmatch(text, before.end, candidate.start) is not None
    )


def _leads_into(candidate: Candidate, later: list[Candidate]) -> bool:
    return isinstance(candidate.resolver, Shift) and candidate.resolver.leads and bool(later)


def _cited(text: str, candidate: Candidate) -> bool:
    window = max(0, candidate.start - 24)
    return grammar().citation.search(text, window, candidate.start) is not None
