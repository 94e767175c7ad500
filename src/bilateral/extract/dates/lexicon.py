"""The word lists of the date tagger, read once from ``lexicons/dates_*``."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from bilateral.lexicons import read_rows

_NUMBERED = re.compile(r"(\d+)(?:st|nd|rd|th)?", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Unit:
    """A time unit of a relative expression: ``day``, ``month`` or ``year``, times ``size``."""

    base: str
    size: int


@dataclass(frozen=True)
class DateLexicon:
    months: Mapping[str, int]
    weekdays: tuple[str, ...]
    seasons: Mapping[str, int]
    ordinals: Mapping[str, int]
    numbers: Mapping[str, int | None]  # None: a vague count ("several")
    units: Mapping[str, Unit]  # singular and plural forms
    singular: tuple[str, ...]
    plural: tuple[str, ...]
    relative: tuple[tuple[str, str], ...]
    relative_units: Mapping[str, Unit]  # templates without a unit slot that name one
    qualifiers: Mapping[str, str]
    parts: Mapping[str, str]  # phrase → part ("late", "end", "first-half")
    slices: Mapping[tuple[str, str], tuple[int, int]]  # (part, period) → first, last unit
    preceders: frozenset[str]
    designators: frozenset[str]
    count_nouns: frozenset[str]
    measures: frozenset[str]
    quantifiers: frozenset[str]
    function_words: frozenset[str]
    prepositions: frozenset[str]
    citation_cues: frozenset[str]
    edition_nouns: frozenset[str]
    present: frozenset[str]  # the time of writing, as the open end of a range
    day_prepositions: frozenset[str]  # before "the 13th", a day of the anchor's month
    period_determiners: frozenset[str]  # "the four years after": a stretch, not a date
    name_nouns: frozenset[str]  # "the July 26 Movement": a day and month naming something
    deictic: frozenset[str]  # "tomorrow": the time of speaking, no date of the text

    def month(self, form: str) -> int:
        """The number of a month as written ("Jan.", "JANUARY", "January")."""
        return self.months[form] if form in self.months else self.months[form.title()]

    def ordinal(self, word: str) -> int:
        """1–31 from "first", "Nineteenth", "21st"."""
        number = _NUMBERED.fullmatch(word)
        return int(number[1]) if number else self.ordinals[word.casefold()]

    def part(self, phrase: str) -> str:
        """The part a phrase names: "Late" → ``late``, "the end of" → ``end``."""
        return self.parts[" ".join(phrase.casefold().split())]

    def slice(self, part: str, period: str) -> tuple[int, int]:
        """The first and last unit ``part`` covers of a ``period`` (decade, century,
        year or month; see dates_part_slices.tsv)."""
        return self.slices[part, period]

    def qualifier(self, phrase: str) -> str:
        return self.qualifiers[" ".join(phrase.casefold().split())]

    def unit(self, word: str) -> Unit:
        return self.units[word.casefold()]

    def count(self, words: str) -> int | None:
        """A count as written ("two", "twenty-five", "48", "a few"); None when vague."""
        key = " ".join(words.casefold().split())
        if key.isdigit():
            return int(key)
        if key in self.numbers:
            return self.numbers[key]
        tens, _, ones = key.replace(" ", "-").partition("-")
        return (self.numbers[tens] or 0) + (self.numbers[ones] or 0)


def _words(name: str) -> frozenset[str]:
    return frozenset(row[0].casefold() for row in read_rows(name))


@cache
def lexicon() -> DateLexicon:
    units: dict[str, Unit] = {}
    singular: list[str] = []
    plural: list[str] = []
    for one, many, base, size in read_rows("dates_units.tsv"):
        units[one] = units[many] = Unit(base, int(size))
        singular.append(one)
        plural.append(many)
    relative = [row for row in read_rows("dates_relative.tsv")]
    return DateLexicon(
        months={form: int(number) for form, number in read_rows("dates_months.tsv")},
        weekdays=tuple(row[0] for row in read_rows("dates_weekdays.txt")),
        seasons={word: int(code) for word, code in read_rows("dates_seasons.tsv")},
        ordinals={word: int(number) for word, number in read_rows("dates_ordinals.tsv")},
        numbers={
            word: None if value == "few" else int(value)
            for word, value in read_rows("dates_numbers.tsv")
        },
        units=units,
        singular=tuple(singular),
        plural=tuple(plural),
        relative=tuple((row[0], row[1]) for row in relative),
        relative_units={row[0]: units[row[2]] for row in relative if len(row) > 2 and row[2]},
        qualifiers={phrase: effect for phrase, effect in read_rows("dates_qualifiers.tsv")},
        parts={phrase: part for phrase, part in read_rows("dates_parts.tsv")},
        slices={
            (part, period): (int(first), int(last))
            for part, period, first, last in read_rows("dates_part_slices.tsv")
        },
        preceders=_words("dates_preceders.txt"),
        designators=_words("dates_designators.txt"),
        count_nouns=_words("dates_count_nouns.txt"),
        measures=_words("dates_measures.txt"),
        quantifiers=_words("dates_quantifiers.txt"),
        function_words=_words("dates_function_words.txt"),
        prepositions=_words("dates_prepositions.txt"),
        citation_cues=_words("dates_citation_cues.txt"),
        edition_nouns=_words("dates_edition_nouns.txt"),
        present=_words("dates_present.txt"),
        day_prepositions=_words("dates_day_prepositions.txt"),
        period_determiners=_words("dates_period_determiners.txt"),
        name_nouns=_words("dates_name_nouns.txt"),
        deictic=_words("dates_deictic.txt"),
    )
