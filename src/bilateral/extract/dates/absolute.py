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
from bilateral.extract.dates.grammar import PREFIX_REACH, Shape, grammar
from bilateral.extract.dates.lexicon import lexicon
from bilateral.extract.dates.periods import part_of_month, part_of_year, part_of_years
from bilateral.extract.dates.relative import DayOfMonth, Partial
from bilateral.extract.dates.spans import Candidate
from bilateral.model.edtf import (
    SEASONS,
    EDTFError,
    format_century,
    format_date,
    format_decade,
    format_interval,
    format_season,
)

THE = re.compile(r"[Tt]he\s+")
_PAIRS = ("to", "until", "till", "through")
_MONTH_OPENERS = frozenset({"from", "to", "of", "between"})


class Hit:
    """A core match and the prefix read before it, looked up as one match."""

    __slots__ = ("core", "prefix")

    def __init__(self, core: re.Match[str], prefix: re.Match[str] | None) -> None:
        self.core = core
        self.prefix = prefix

    def get(self, group: str) -> str | None:
        """The text of a group of the prefix or the core; None when it did not take part."""
        if self.prefix is not None and group in self.prefix.re.groupindex:
            return self.prefix[group]
        return self.core[group] if group in self.core.re.groupindex else None

    def __getitem__(self, group: str) -> str:
        """The text of a group that must have taken part."""
        found = self.get(group)
        if found is None:
            raise KeyError(group)
        return found

    def start(self, group: str | None = None) -> int:
        """Where the expression (or a group) starts; a leading "the" is left out."""
        if group is not None:
            return self.prefix.start(group) if self.prefix else self.core.start(group)
        if self.prefix is None:
            return self.core.start()
        the = THE.match(self.prefix.string, self.prefix.start(), self.core.start())
        return the.end() if the is not None else self.prefix.start()

    def start_after_opener(self) -> int:
        """The start without a "from" or "between" the expression's own link does not
        pair with ("from 1884–1940" → ``1884–1940``)."""
        opener = self.get("from")
        if not opener:
            return self.start()
        link = (self.get("link") or "").strip().casefold()
        pairs = link in ("and",) if opener.casefold() == "between" else link in _PAIRS
        if pairs:
            return self.start()
        assert self.prefix is not None
        rest = self.prefix.end("from")
        while rest < self.core.start() and self.prefix.string[rest].isspace():
            rest += 1
        the = THE.match(self.prefix.string, rest, self.core.start())
        return the.end() if the is not None else rest

    def end(self) -> int:
        return self.core.end()

    @property
    def core_text(self) -> str:
        return self.core[0]


Handler = Callable[[Hit, str], Candidate | None]


def _at(match: Hit, edtf: str | None) -> Candidate | None:
    return None if edtf is None else Candidate(match.start(), match.end(), edtf)


def _day(match: Hit, group: str = "d") -> int:
    return lexicon().ordinal(match[group])


def _date(year: int, month: int, day: int | None = None) -> str | None:
    try:
        return format_date(year, month, day)
    except EDTFError:
        return None


def _full(match: Hit, text: str) -> Candidate | None:
    return _at(match, _date(int(match["y"]), lexicon().month(match["m"]), _day(match)))


def _iso(match: Hit, text: str) -> Candidate | None:
    return _at(match, _date(int(match["y"]), int(match["m"]), int(match["d"])))


def _numeric(match: Hit, text: str) -> Candidate | None:
    """02/05/1826 only where the order is clear; otherwise a day of 1826 (1826-XX-XX)."""
    first, second, year = int(match["a"]), int(match["b"]), int(match["y"])
    if first > 12 >= second:
        return _at(match, _date(year, second, first))
    if second > 12 >= first or first == second:
        return _at(match, _date(year, first, second))
    if first <= 12 and second <= 12:
        return _at(match, f"{year:04d}-XX-XX")
    return None


def _day_range(match: Hit, text: str) -> Candidate | None:
    """May 2–5, 1826; 13–18 October 1990; from 9 to 25 February; between October 23
    and 27, 1837 ("and" only after "between")."""
    lex = lexicon()
    link = match["link"].strip().casefold()
    if link == "and" and (match.get("from") or "").casefold() != "between":
        return None
    last_month = lex.month(match["m2"]) if match.get("m2") else None
    first_month = lex.month(match["m"]) if match.get("m") else last_month
    if first_month is None:
        return None
    partial = Partial(first_month, _day(match), None, last_month or first_month, _day(match, "d2"))
    year, start = match.get("y"), match.start_after_opener()
    if year is None:
        return Candidate(start, match.end(), "", partial)
    edtf = partial.in_year(int(year))
    return None if edtf is None else Candidate(start, match.end(), edtf)


def _month_year(match: Hit, text: str) -> Candidate | None:
    lex = lexicon()
    year, month, part = int(match["y"]), lex.month(match["m"]), match.get("part")
    if part:
        return _at(match, part_of_month(year, month, lex.part(part)))
    return _at(match, _date(year, month))


_OPENS_A_YEAR = frozenset({"on", "at", "from", "of", "to"})


def _year_month(match: Hit, text: str) -> Candidate | None:
    """A year before its month, opening an item of a list ("1994 August Prime Minister
    …"): that month. After a preposition the year ends its phrase and the name is a
    person's ("In 1990 May Smith visited")."""
    if is_identifier(text, match.start(), match.start("y") + 4):
        return None
    before = grammar().word_before.search(text, max(0, match.start() - 24), match.start())
    word = "" if before is None else before[1].casefold()
    if word in lexicon().prepositions or word in _OPENS_A_YEAR:
        return None
    return _at(match, _date(int(match["y"]), lexicon().month(match["m"])))


def _season(match: Hit, text: str) -> Candidate | None:
    """A season of a year (``1966-21``); a part of one is its months: "late summer 1990" →
    ``1990-08``, "the end of the summer of 1944" → ``1944-08`` (a winter stays whole)."""
    lex = lexicon()
    code, year, part = lex.seasons[match["s"].casefold()], int(match["y"]), match.get("part")
    first, last = SEASONS[code]
    if not part or last - first != 2:
        return _at(match, format_season(year, code))
    low, high = lex.slice(lex.part(part), "season")
    if low == high:
        return _at(match, _date(year, first + low - 1))
    return _at(
        match,
        format_interval(format_date(year, first + low - 1), format_date(year, first + high - 1)),
    )


def _year_range(match: Hit, text: str) -> Candidate | None:
    """1879-1884, 1879–84, 1999–00, 2010–present; 1992-02 with a hyphen is a month."""
    if is_identifier(text, match.start(), match.end()):
        return None
    first, last = int(match["y"]), match["y2"]
    if not last[0].isdigit():
        return _at(match, format_interval(format_date(first), None))
    hyphen = "-" in match.core_text
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


def _decade(match: Hit, text: str) -> Candidate | None:
    """The 1980s → 198X; the 1800s → 18XX (a century); with a part, an interval."""
    first = int(match["dec"])
    century = first % 100 == 0 and first < 2000
    part = match.get("part")
    if part:
        period = "century" if century else "decade"
        return _at(match, part_of_years(first, period, lexicon().part(part)))
    return _at(match, format_century(first) if century else format_decade(first))


def _century(match: Hit, text: str) -> Candidate | None:
    number = lexicon().ordinal(match["ord"])
    if not 1 <= number <= 21:
        return None
    first, part, era = (number - 1) * 100, match.get("part"), match.get("era")
    if era and era.startswith("B"):
        return None if part else _at(match, f"-{number - 1:02d}XX")
    if part:
        return _at(match, part_of_years(first, "century", lexicon().part(part)))
    return _at(match, format_century(first))


def _decade_of_century(match: Hit, text: str) -> Candidate | None:
    """The first decade of the 21st century → 200X; the last decade of the 19th century →
    189X; with a part, a part of that decade ("early first decade of …" → 2000/2003)."""
    lex = lexicon()
    number, nth = lex.ordinal(match["ord"]), match["dn"].casefold()
    decade = 10 if nth in ("last", "final") else lex.ordinal(nth)
    if not (1 <= number <= 21 and 1 <= decade <= 10):
        return None
    first = (number - 1) * 100 + (decade - 1) * 10
    part = match.get("part")
    if part:
        return _at(match, part_of_years(first, "decade", lex.part(part)))
    return _at(match, format_decade(first))


def _century_range(match: Hit, text: str) -> Candidate | None:
    """The 19th and 20th centuries; the nineteenth and early twentieth centuries."""
    lex = lexicon()
    first, last = lex.ordinal(match["o1"]), lex.ordinal(match["o2"])
    if not 1 <= first < last <= 21:
        return None
    opening, closing = (first - 1) * 100, last * 100 - 1
    part, part2 = match.get("part"), match.get("part2")
    if part:
        opening += lex.slice(lex.part(part), "century")[0]
    if part2:
        closing = (last - 1) * 100 + lex.slice(lex.part(part2), "century")[1]
    edtf = format_interval(format_date(opening), format_date(closing))
    return Candidate(match.start_after_opener(), match.end(), edtf)


def _year(match: Hit, text: str) -> Candidate | None:
    """A year alone, or a part of one ("early 2008", "the end of 2014")."""
    part = match.get("part")
    if part:
        if match.core_text.endswith(("'s", "’s")):
            return None
        return _at(match, part_of_year(int(match["y"]), lexicon().part(part)))
    if not is_year(text, match.start(), match.end()):
        return None
    return _at(match, format_date(int(match["y"])))


def _era_year(match: Hit, text: str) -> Candidate | None:
    number = int(match.get("y") or match["y2"])
    if number < 1:
        return None
    era = match.get("era")
    before_christ = bool(era) and str(era).startswith("B")
    return _at(match, format_date(1 - number if before_christ else number))


def _day_month(match: Hit, text: str) -> Candidate | None:
    """A day and month; with no year ("on 2 October") it takes an anchor's year, and with
    "last" ("the 29th of March last") the latest such day before its anchor."""
    partial = Partial(lexicon().month(match["m"]), _day(match), last=bool(match.get("last")))
    year = match.get("y")
    if year is not None:
        return _at(match, partial.in_year(int(year)))
    if _names(text, match.end()):
        return None
    return Candidate(match.start(), match.end(), "", partial)


_CAPITALISED_RUN = re.compile(r"(?:\s+[A-Z][\w'’-]*)+")


def _names(text: str, end: int) -> bool:
    """Whether the capitalised words after a day and month make them a name: "the July 26
    Movement", "the 6 April Youth Movement" (dates_name_nouns.txt)."""
    run = _CAPITALISED_RUN.match(text, end, min(len(text), end + 60))
    if run is None:
        return False
    nouns = lexicon().name_nouns
    return any(word.casefold() in nouns for word in run[0].split())


def _day_alone(match: Hit, text: str) -> Candidate | None:
    """An ordinal day after "on the", "by the" … that no noun follows ("arrived on the
    13th, and"): that day of the anchor's month."""
    g, lex = grammar(), lexicon()
    after = g.word_after.match(text, match.end())
    word = "" if after is None else after[1].strip(".'’$%-").casefold()
    if word and word not in lex.function_words:
        return None
    start = match.core.start()
    return Candidate(start, match.end(), "", DayOfMonth(_day(match)))


def _bare_month(match: Hit, text: str) -> Candidate | None:
    """A month name alone is a date only after a date preposition, with a part, opening a
    range of months ("May–June 2011") or before a relative year ("the April that year",
    "May of the following year")."""
    lex = lexicon()
    part = match.get("part")
    if not part and not _leads(text, match.end()):
        before = text[max(0, match.start() - 12) : match.start()].split()
        if not before or before[-1].casefold() not in lex.prepositions | _MONTH_OPENERS:
            return None
    named = lex.part(part) if part else None
    return Candidate(match.start(), match.end(), "", Partial(lex.month(match["m"]), None, named))


def _leads(text: str, end: int) -> bool:
    """Whether a month name ending at ``end`` opens a range of months or names the month of
    a relative year after it."""
    g = grammar()
    if g.month_dash.match(text, end) is not None:
        return True
    gap = g.of_gap.match(text, end)
    return gap is not None and g.relative.match(text, gap.end()) is not None


HANDLERS: dict[str, Handler] = {
    "full_mdy": _full,
    "full_dmy": _full,
    "iso": _iso,
    "numeric": _numeric,
    "day_range_mdy": _day_range,
    "day_range_dmy": _day_range,
    "month_year": _month_year,
    "year_month": _year_month,
    "season": _season,
    "year_range": _year_range,
    "decade": _decade,
    "century": _century,
    "decade_of_century": _decade_of_century,
    "century_range": _century_range,
    "year": _year,
    "glued_year": _year,
    "era_year": _era_year,
    "month_day": _day_month,
    "day_month": _day_month,
    "ordinal_of_month": _day_month,
    "day_alone": _day_alone,
    "month": _bare_month,
}

_DIGIT = re.compile(r"\d")
# shapes that need no digit
_WORDS_ONLY = ("century", "decade_of_century", "century_range", "ordinal_of_month", "month")


def _hits(shape: Shape, text: str) -> Iterator[Hit]:
    for core in shape.core.finditer(text):
        start = core.start()
        if shape.before is not None and shape.before.match(text, start) is None:
            continue
        prefix = None
        if shape.prefix is not None:
            prefix = shape.prefix.search(text, max(0, start - PREFIX_REACH), start)
            if prefix is not None and prefix.start() == start:
                prefix = None
            if prefix is not None and not _bare_end_is_a_part(prefix):
                prefix = None
            if prefix is None and shape.prefix_required:
                continue
        yield Hit(core, prefix)


def _bare_end_is_a_part(prefix: re.Match[str]) -> bool:
    """Whether a part read before a date may be one: a bare "end" (without "of") is only
    when capitalised, opening a cell or a sentence ("End 2005"), or after a date
    preposition ("at end 2005"); elsewhere it may be the verb ("to end 2005 with a
    surplus"). Every other part is."""
    if "part" not in prefix.re.groupindex:
        return True
    part = prefix["part"]
    if part is None or part.casefold() != "end" or part[0].isupper():
        return True
    at = prefix.start("part")
    before = grammar().word_before.search(prefix.string, max(0, at - 24), at)
    word = "" if before is None else before[1].casefold()
    return word in lexicon().prepositions or word == "at"


def calendar_candidates(text: str) -> Iterator[Candidate]:
    """Candidates of every calendar shape in ``text``; they may overlap."""
    folded = text.casefold()
    digits = _DIGIT.search(text) is not None
    for shape in grammar().shapes:
        if shape.needs and not any(
            word in (folded if word.islower() else text) for word in shape.needs
        ):
            continue
        if not digits and shape.name not in _WORDS_ONLY:
            continue
        handler = HANDLERS[shape.name]
        for hit in _hits(shape, text):
            found = handler(hit, text)
            if found is not None:
                yield found
