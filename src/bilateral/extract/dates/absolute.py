"""Candidates for every shape of date expression the grammar knows.

Each ``_shape`` function turns one regex match into a candidate (or None
when the match is not a real date: 30 February, a range that runs
backwards, a number that is an identifier). Month names and days without a
year become relative candidates that take their year from an anchor.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from bilateral.extract.dates.context import is_identifier, is_year
from bilateral.extract.dates.grammar import Grammar, grammar
from bilateral.extract.dates.lexicon import lexicon
from bilateral.extract.dates.periods import part_of_month, part_of_year, part_of_years
from bilateral.extract.dates.relative import Partial
from bilateral.extract.dates.spans import Candidate
from bilateral.model.edtf import (
    EDTFError,
    format_century,
    format_date,
    format_decade,
    format_interval,
    format_season,
)

Shape = Callable[[re.Match[str], str], Candidate | None]


def _at(match: re.Match[str], edtf: str | None) -> Candidate | None:
    return None if edtf is None else Candidate(match.start(), match.end(), edtf)


def _day(match: re.Match[str], group: str = "d") -> int:
    return lexicon().ordinal(match[group])


def _date(year: int, month: int, day: int | None = None) -> str | None:
    try:
        return format_date(year, month, day)
    except EDTFError:
        return None


def _full(match: re.Match[str], text: str) -> Candidate | None:
    return _at(match, _date(int(match["y"]), lexicon().month(match["m"]), _day(match)))


def _iso(match: re.Match[str], text: str) -> Candidate | None:
    return _at(match, _date(int(match["y"]), int(match["m"]), int(match["d"])))


def _numeric(match: re.Match[str], text: str) -> Candidate | None:
    """02/05/1826 only where the order is clear; otherwise a day of 1826 (1826-XX-XX)."""
    first, second, year = int(match["a"]), int(match["b"]), int(match["y"])
    if first > 12 >= second:
        return _at(match, _date(year, second, first))
    if second > 12 >= first or first == second:
        return _at(match, _date(year, first, second))
    if first <= 12 and second <= 12:
        return _at(match, f"{year:04d}-XX-XX")
    return None


def _day_range(match: re.Match[str], text: str) -> Candidate | None:
    lex = lexicon()
    end_month = lex.month(match["m2"]) if match["m2"] else None
    month = lex.month(match["m"]) if match["m"] else end_month
    assert month is not None
    partial = Partial(month, _day(match), None, end_month or month, _day(match, "d2"))
    if match["y"] is None:
        return Candidate(match.start(), match.end(), "", partial)
    edtf = partial.in_year(int(match["y"]))
    if edtf is None:
        return None
    return _at(match, edtf)


def _month_year(match: re.Match[str], text: str) -> Candidate | None:
    lex = lexicon()
    year, month = int(match["y"]), lex.month(match["m"])
    if match["part"]:
        return _at(match, part_of_month(year, month, lex.part(match["part"])))
    return _at(match, _date(year, month))


def _season(match: re.Match[str], text: str) -> Candidate | None:
    code = lexicon().seasons[match["s"].casefold()]
    return _at(match, format_season(int(match["y"]), code))


def _year_range(match: re.Match[str], text: str) -> Candidate | None:
    """1879-1884, 1879–84, 1999–00, 2010–present; 1992-02 with a hyphen is a month."""
    if is_identifier(text, match.start(), match.end()):
        return None
    first, last = int(match["y"]), match["y2"]
    if not last[0].isdigit():
        return _at(match, format_interval(format_date(first), None))
    hyphen = "-" in match[0]
    if len(last) == 4:
        end = int(last)
    else:
        end = first - first % 100 + int(last)
        month = hyphen and 1 <= int(last) <= 12
        if end <= first and not month and end + 100 - first <= 10:
            end += 100  # 1999–00
    if end > first:
        return _at(match, format_interval(format_date(first), format_date(end)))
    if len(last) == 2 and hyphen and 1 <= int(last) <= 12:
        return _at(match, format_date(first, int(last)))
    return None


def _decade(match: re.Match[str], text: str) -> Candidate | None:
    """The 1980s → 198X; the 1800s → 18XX (a century); with a part, an interval."""
    first = int(match["dec"])
    span = 100 if first % 100 == 0 and first < 2000 else 10
    if match["part"]:
        return _at(match, part_of_years(first, span, lexicon().part(match["part"])))
    return _at(match, format_century(first) if span == 100 else format_decade(first))


def _century(match: re.Match[str], text: str) -> Candidate | None:
    number = lexicon().ordinal(match["ord"])
    if not 1 <= number <= 21:
        return None
    first = (number - 1) * 100
    if match["era"] and match["era"].startswith("B"):
        return None if match["part"] else _at(match, f"-{number - 1:02d}XX")
    if match["part"]:
        return _at(match, part_of_years(first, 100, lexicon().part(match["part"])))
    return _at(match, format_century(first))


def _century_range(match: re.Match[str], text: str) -> Candidate | None:
    lex = lexicon()
    first, last = lex.ordinal(match["o1"]), lex.ordinal(match["o2"])
    if not 1 <= first < last <= 21:
        return None
    start = match.start("from") if match["from"] else match.start()
    edtf = format_interval(format_date((first - 1) * 100), format_date(last * 100 - 1))
    return Candidate(start, match.end(), edtf)


def _part_year(match: re.Match[str], text: str) -> Candidate | None:
    return _at(match, part_of_year(int(match["y"]), lexicon().part(match["part"])))


def _bare_year(match: re.Match[str], text: str) -> Candidate | None:
    if not is_year(text, match.start(), match.end()):
        return None
    return _at(match, format_date(int(match["y"])))


def _era_year(match: re.Match[str], text: str) -> Candidate | None:
    number = int(match["y"] or match["y2"])
    if number < 1:
        return None
    before_christ = bool(match["era"]) and match["era"].startswith("B")
    return _at(match, format_date(1 - number if before_christ else number))


def _day_month(match: re.Match[str], text: str) -> Candidate | None:
    lex = lexicon()
    name = match["m"] or match["m2"] or match["m3"]
    day = match["d"] or match["d2"] or match["o"]
    partial = Partial(lex.month(name), lex.ordinal(day))
    return Candidate(match.start(), match.end(), "", partial)


def _bare_month(match: re.Match[str], text: str) -> Candidate | None:
    """A month name alone is a date only after a date preposition or with a part."""
    lex = lexicon()
    if not match["part"]:
        before = text[max(0, match.start() - 12) : match.start()].split()
        if not before or before[-1].casefold() not in lex.prepositions | {"from", "to", "of"}:
            return None
    part = lex.part(match["part"]) if match["part"] else None
    return Candidate(match.start(), match.end(), "", Partial(lex.month(match["m"]), None, part))


SHAPES: tuple[tuple[Callable[[Grammar], re.Pattern[str]], Shape], ...] = (
    (lambda g: g.full_mdy, _full),
    (lambda g: g.full_dmy, _full),
    (lambda g: g.iso, _iso),
    (lambda g: g.numeric, _numeric),
    (lambda g: g.day_range_mdy, _day_range),
    (lambda g: g.day_range_dmy, _day_range),
    (lambda g: g.month_year, _month_year),
    (lambda g: g.season, _season),
    (lambda g: g.year_range, _year_range),
    (lambda g: g.decade, _decade),
    (lambda g: g.century, _century),
    (lambda g: g.century_range, _century_range),
    (lambda g: g.part_year, _part_year),
    (lambda g: g.bare_year, _bare_year),
    (lambda g: g.era_year, _era_year),
    (lambda g: g.day_month, _day_month),
    (lambda g: g.bare_month, _bare_month),
)


def calendar_candidates(text: str) -> Iterator[Candidate]:
    """Candidates of every calendar shape in ``text``; they may overlap."""
    g = grammar()
    for pattern, shape in SHAPES:
        for match in pattern(g).finditer(text):
            found = shape(match, text)
            if found is not None:
                yield found
