"""The regular expressions of the date tagger, built once from the lexicon.

Each pattern finds one shape of expression; `absolute.py` and `relative.py`
turn its matches into candidates. Patterns are compiled on first use and
kept (`grammar()` is cached), so tagging never compiles anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from bilateral.extract.dates.lexicon import DateLexicon, lexicon

DASH = r"[-–—‐‑]"
YEAR = r"(?:1\d{3}|20\d{2}|21\d{2})"
# A four-digit year standing alone: not part of a longer number, an amount or an id.
YEAR_BEFORE = r"(?<![\w$€£¥#])(?<!\d[.,:/–—-])"
YEAR_AFTER = r"(?![\w%])(?![.,:/–—-]\d)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\w)"
ERA = r"(?:BCE|BC|B\.C\.|AD|A\.D\.|CE)(?!\w)"
# A day number or numeric date starts after none of these, or right after a year.
START = r"(?:(?<![\w.,/–—-])|(?<=\d{4})|(?<=\d{4}\.))"


def alternatives(forms: Iterable[str]) -> str:
    """A regex alternation of literal forms, longest first."""
    ordered = sorted(set(forms), key=lambda form: (-len(form), form))
    return "|".join(re.escape(form).replace(r"\ ", r"\s+") for form in ordered)


@dataclass(frozen=True)
class Grammar:
    full_mdy: re.Pattern[str]
    full_dmy: re.Pattern[str]
    iso: re.Pattern[str]
    numeric: re.Pattern[str]
    day_range_mdy: re.Pattern[str]
    day_range_dmy: re.Pattern[str]
    month_year: re.Pattern[str]
    season: re.Pattern[str]
    year_range: re.Pattern[str]
    decade: re.Pattern[str]
    century: re.Pattern[str]
    century_range: re.Pattern[str]
    part_year: re.Pattern[str]
    bare_year: re.Pattern[str]
    era_year: re.Pattern[str]
    day_month: re.Pattern[str]
    bare_month: re.Pattern[str]
    relative: re.Pattern[str]
    relative_rows: tuple[tuple[str, str], ...]
    qualifier_before: re.Pattern[str]
    word_before: re.Pattern[str]
    word_after: re.Pattern[str]
    range_link: re.Pattern[str]
    range_opener: re.Pattern[str]


def _months(lex: DateLexicon, full_only: bool = False) -> str:
    """Month names as written and in capitals; ``full_only`` leaves out abbreviations."""
    forms = sorted(_full_names(lex)) if full_only else list(lex.months)
    return alternatives([*forms, *(form.upper() for form in forms)])


def _full_names(lex: DateLexicon) -> set[str]:
    longest: dict[int, str] = {}
    for form, number in lex.months.items():
        if len(form) > len(longest.get(number, "")):
            longest[number] = form
    return set(longest.values())


def _ordinal_words(lex: DateLexicon) -> str:
    return rf"(?i:{alternatives(lex.ordinals)})"


def _count(lex: DateLexicon) -> str:
    exact = [w for w, n in lex.numbers.items() if n is not None]
    tens = [w for w, n in lex.numbers.items() if n is not None and n % 10 == 0 and 20 <= n < 100]
    ones = [w for w, n in lex.numbers.items() if n is not None and 1 <= n <= 9 and " " not in w]
    ones = [w for w in ones if w not in ("a", "an")]
    compound = rf"(?:{alternatives(tens)})[-\s](?:{alternatives(ones)})"
    return rf"(?:\d{{1,3}}|{compound}|{alternatives(exact)})"


def _relative(lex: DateLexicon) -> str:
    """One alternation of every relative template; group ``rN`` names row N."""
    vague = alternatives(w for w, n in lex.numbers.items() if n is None)
    branches: list[tuple[str, str]] = []
    for index, (template, _meaning) in enumerate(lex.relative):
        pattern = re.escape(template).replace(r"\ ", r"\s+")
        pattern = pattern.replace(r"\{few\}\s+", rf"(?:(?P<f{index}>{vague})\s+)?")
        pattern = pattern.replace(r"\{n\}", rf"(?P<n{index}>{_count(lex)})")
        pattern = pattern.replace(r"\{end\}", r"(?=\s*(?:[.,;:!?)\]\"']|\Z))")
        for slot, forms in (
            ("unit", lex.singular),
            ("units", lex.plural),
            ("any", (*lex.singular, *lex.plural)),
        ):
            pattern = pattern.replace(rf"\{{{slot}\}}", rf"(?P<u{index}>{alternatives(forms)})")
        branches.append((template, rf"(?P<r{index}>{pattern})"))
    branches.sort(key=lambda item: -len(item[0]))
    return rf"(?<![\w-])(?i:{'|'.join(b for _, b in branches)})(?![\w-])"


@cache
def grammar() -> Grammar:
    lex = lexicon()
    month = _months(lex)
    weekday = rf"(?:(?P<wd>{alternatives(lex.weekdays)}),?\s+)?"
    parts = rf"(?i:{alternatives(lex.parts)})"
    the = r"(?P<the>[Tt]he)\s+"
    part = rf"(?:(?:{the})?(?P<part>{parts})(?:\s+|-))?"  # "the" only with a part
    the_part = rf"(?:{the})?(?:(?P<part>{parts})(?:\s+|-))?"  # "the" with or without
    ordinal = rf"(?:{_ordinal_words(lex)}|\d{{1,2}}(?:st|nd|rd|th))"
    season = rf"(?i:{alternatives(lex.seasons)})"
    qualifiers = alternatives(lex.qualifiers)
    # Cells of stripped wiki tables run together ("9 March 202211 September 2010"):
    # a year may end where the day of a next date begins.
    glued = rf"(?:(?=\.?\d{{1,2}}\s*(?:{month}))|{YEAR_AFTER})"
    return Grammar(
        full_mdy=re.compile(
            rf"{START}{weekday}(?P<m>{month})(?:,?\s+|(?<=\.))(?P<d>{DAY})(?:,\s*|\s+)(?P<y>{YEAR})"
            rf"{glued}"
        ),
        full_dmy=re.compile(
            rf"{START}{weekday}(?:{the})?(?P<d>{DAY}|{_ordinal_words(lex)})(?:\s+of)?"
            rf"\s+(?P<m>{month}),?\s+(?P<y>{YEAR}){glued}"
        ),
        iso=re.compile(
            rf"{START}(?P<y>{YEAR})(?P<sep>[-./])(?P<m>0[1-9]|1[0-2])(?P=sep)"
            r"(?P<d>0[1-9]|[12]\d|3[01])(?![\w%])(?![.,:/-]\d)"
        ),
        numeric=re.compile(
            rf"{START}(?P<a>\d{{1,2}})(?P<sep>[/.-])(?P<b>\d{{1,2}})(?P=sep)(?P<y>{YEAR}){YEAR_AFTER}"
        ),
        day_range_mdy=re.compile(
            rf"{START}(?P<m>{month})\s+(?P<d>{DAY})\s*(?:{DASH}|\s(?:to|through|until)\s)\s*"
            rf"(?:(?P<m2>{month})\s+)?(?P<d2>{DAY})(?:(?:,\s*|\s+)(?P<y>{YEAR}){YEAR_AFTER})?"
        ),
        day_range_dmy=re.compile(
            rf"{START}(?P<d>{DAY})(?:\s+(?P<m>{month}))?\s*(?:{DASH}|\s(?:to|through|until)\s)\s*"
            rf"(?P<d2>{DAY})\s+(?P<m2>{month})(?:,?\s+(?P<y>{YEAR}){YEAR_AFTER})?"
        ),
        month_year=re.compile(rf"(?<!\w){part}(?P<m>{month}),?\s+(?:of\s+)?(?P<y>{YEAR}){glued}"),
        season=re.compile(
            rf"(?<!\w){the_part}(?P<s>{season})"
            rf"\s+(?:of\s+)?(?P<y>{YEAR}){YEAR_AFTER}"
        ),
        year_range=re.compile(
            rf"{YEAR_BEFORE}(?P<y>{YEAR})(?:\s*{DASH}\s*|/)"
            rf"(?P<y2>{YEAR}|\d\d(?!\d)|(?i:present|today|now)(?!\w)){YEAR_AFTER}"
        ),
        decade=re.compile(rf"(?<!\w){the_part}(?<![\w$#.,])(?P<dec>[12]\d\d0)['’]?s(?!\w)"),
        century=re.compile(
            rf"(?<!\w){the_part}(?P<ord>{ordinal})[\s-]+(?i:century)(?!\w)(?:\s+(?P<era>{ERA}))?"
        ),
        century_range=re.compile(
            rf"(?<!\w)(?:(?P<from>(?i:from|between))\s+)?(?:{the})?(?P<o1>{ordinal})"
            rf"(?:\s+(?i:century))?(?:\s*{DASH}\s*|\s+(?i:to|and|through|or)\s+)"
            rf"(?:(?i:the)\s+)?(?P<o2>{ordinal})[\s-]+(?i:centuries)(?!\w)"
        ),
        part_year=re.compile(
            rf"(?<!\w)(?:{the})?(?P<part>{parts})(?:\s+|-)(?P<y>{YEAR}){YEAR_AFTER}(?!['’]s)"
        ),
        bare_year=re.compile(rf"{YEAR_BEFORE}(?P<y>{YEAR}){YEAR_AFTER}(?!['’]s(?!\w))"),
        era_year=re.compile(
            rf"(?<![\w.])(?:(?P<ad>AD|A\.D\.)\s*(?P<y>\d{{1,4}})(?![\w%])|"
            rf"(?P<y2>\d{{1,4}})\s*(?P<era>{ERA}))"
        ),
        day_month=re.compile(
            rf"{START}{weekday}(?:(?P<m>{month})\s+(?P<d>{DAY})(?!\s*{DASH}?\s*\d)|"
            rf"(?:{the})?(?P<d2>{DAY})(?:\s+of)?\s+(?P<m2>{month})(?!\w)|"
            rf"(?P<the2>[Tt]he)\s+(?P<o>{_ordinal_words(lex)})\s+of\s+(?P<m3>{month})(?!\w))"
        ),
        bare_month=re.compile(rf"(?<!\w){part}(?P<m>{_months(lex, full_only=True)})(?!\w)"),
        relative=re.compile(_relative(lex)),
        relative_rows=lex.relative,
        qualifier_before=re.compile(rf"(?<![\w.])(?i:{qualifiers})\s*\Z"),
        word_before=re.compile(r"(\S+)(\s*)\Z"),
        word_after=re.compile(r"\s*([\w.'’$%-]+)"),
        range_link=re.compile(r"\s*(?:[-–—]|to|until|till|through|thru|and)\s*"),
        range_opener=re.compile(r"(?<!\w)(?i:(from|between))\s+\Z"),
    )
