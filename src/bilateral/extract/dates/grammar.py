"""The regular expressions of the date tagger, built once from the lexicon.

Each `Shape` finds one form of expression. For speed its ``core`` starts
with something concrete (a digit, a capitalised month name), which lets the
regex engine skip straight to the places where it can match; what may come
before the core (a weekday, "the", "late", "from") is read afterwards by a
``prefix`` pattern anchored where the core starts, and ``before`` says which
characters may not touch it. ``needs`` names words without which the shape
cannot occur (matched in any case unless written with capitals), so that it
is not even tried. A leading "the" is read with the prefix but left out of
the span (`absolute.Hit.start`).
Everything is compiled on first use and kept (`grammar()` is cached).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from bilateral.extract.dates.lexicon import DateLexicon, lexicon

DASH = r"[-–—‐‑]"
HYPHEN = r"[-‐‑]"  # the ASCII hyphen and Unicode's hyphen and non-breaking hyphen
YEAR = r"(?:1\d{3}|20\d{2}|21\d{2})"
# A four-digit year standing alone: not part of a longer number, an amount or an id.
YEAR_BEFORE = r"(?<![\w$€£¥#])(?<!\d[.,:/–—-])"
# Stripped wiki tables glue a year to the next cell ("1981See") and to image
# options ("1984thumb|"): a capitalised word or "thumb" right after a year ends it.
YEAR_AFTER = r"(?:(?=[A-Z][a-z]|thumb)|(?![\w%]))(?![.,:/–—-]\d)"
# A table cell glued to the word before it: "Notes1984See", "Belarus1992-04-17".
GLUED_BEFORE = r"(?<=[a-z]{2})"
# A cell glued to an acronym that ends the cell before it ("AgreementANZSCEP18 August
# 2000", "JSEPAOctober 2001"): three capitals before a day number or a capitalised month
# (two would take a flight number: "MH17 July 2014").
GLUED_ACRONYM = r"(?<=[A-Z]{3})"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\w)"
ERA = r"(?:BCE|BC|B\.C\.|AD|A\.D\.|CE)(?!\w)"
# A day number or numeric date starts after none of these, or right after a year or
# a full stop that ends a word (cells of stripped wiki tables run together:
# "9 March 202211 September 2010", "in Luanda.25 June 1975").
START = r"(?:(?<![\w.,/–—-])|(?<=[^\W\d]\.)|(?<=\d{4})|(?<=\d{4}\.))"
PREFIX_REACH = 40


def alternatives(forms: Iterable[str]) -> str:
    """A regex alternation of literal forms, longest first."""
    ordered = sorted(set(forms), key=lambda form: (-len(form), form))
    return "|".join(re.escape(form).replace(r"\ ", r"\s+") for form in ordered)


def any_initial(forms: Iterable[str]) -> str:
    """Forms in any case, spelled so that the first letter is a plain character class
    ("[Ss](?i:pring)"), which keeps the regex engine's fast scan for first letters."""
    variants = []
    for form in sorted(set(forms), key=lambda f: (-len(f), f)):
        rest = re.escape(form[1:]).replace(r"\ ", r"\s+")
        variants.append(f"[{form[0].upper()}{form[0].lower()}](?i:{rest})")
    return "|".join(variants)


@dataclass(frozen=True)
class Shape:
    name: str
    core: re.Pattern[str]
    before: re.Pattern[str] | None = None
    prefix: re.Pattern[str] | None = None
    prefix_required: bool = False
    needs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Grammar:
    shapes: tuple[Shape, ...]
    relative: re.Pattern[str]
    relative_rows: tuple[tuple[str, str], ...]
    relative_trigger: re.Pattern[str]
    word_start: re.Pattern[str]
    qualifier_before: re.Pattern[str]
    word_before: re.Pattern[str]
    word_after: re.Pattern[str]
    range_link: re.Pattern[str]
    range_opener: re.Pattern[str]
    present_end: re.Pattern[str]
    of_gap: re.Pattern[str]
    apposition: re.Pattern[str]
    month_dash: re.Pattern[str]
    citation: re.Pattern[str]
    sentence_end: re.Pattern[str]


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


def _relative_trigger(lex: DateLexicon) -> str:
    """The words every relative template must contain: its unit, or its last word."""
    words = {*lex.singular, *lex.plural}
    for template, _ in lex.relative:
        if not any(slot in template for slot in ("{unit}", "{units}", "{any}")):
            words.add(template.replace("{end}", "").split()[-1])
    return rf"(?:{any_initial(words)})(?![\w-])"


# Qualifiers that also introduce a topic ("a book about the 1990s"): they qualify a date
# only right before it, never across a "the".
_TOPICAL = frozenset({"about"})


def _qualifier_before(lex: DateLexicon) -> str:
    """A qualifier ending right before a date, or before a "the" that the date leaves out
    ("around the early 1990s", "circa the end of 1840"); group ``near`` or ``far`` holds it."""
    near = alternatives(lex.qualifiers)
    across_the = alternatives(q for q in lex.qualifiers if q not in _TOPICAL)
    return rf"(?<![\w.])(?:(?P<near>(?i:{near}))|(?P<far>(?i:{across_the}))\s+[Tt]he)\s*\Z"


def _prefix(body: str) -> re.Pattern[str]:
    # a capitalised word may open a table cell glued to the year ending the cell before:
    # "29 May 2008Early 2009", "4 August 2005End 2005"
    return re.compile(rf"(?:(?<![\w-])|(?<=\d{{4}})(?=[A-Z][a-z]))(?:{body})\Z")


@cache
def grammar() -> Grammar:
    lex = lexicon()
    month = _months(lex)
    weekday = rf"(?:{alternatives(lex.weekdays)}),?\s+"
    parts = rf"(?i:{alternatives(lex.parts)})"
    ordinal_word = any_initial(lex.ordinals)
    ordinal = rf"(?:\d{{1,2}}(?:st|nd|rd|th)|{ordinal_word})"
    # the next cell glued on: "9 March 202211 September 2010", "4 August 2021.1999",
    # "15 June 20101994Both"
    next_day = rf"(?=\.?\d{{1,2}}\s*(?:{month}))"
    glued = rf"(?:{next_day}|(?=\.?{YEAR}(?!\d))|{YEAR_AFTER})"
    # right after a month and its year ("June 2010|1994"); lookbehinds have a fixed width
    after_month_year = "|".join(
        rf"(?<={re.escape(form)}\s\d{{4}})" for form in sorted(set(lex.months))
    )
    word = re.compile(r"(?<!\w)")
    # a month with its year may open a table cell glued to the word before ("NotesDecember
    # 1960See"): month names are capitalised, so lower-case letters before one end a word
    word_or_cell = re.compile(rf"(?:(?<!\w)|{GLUED_BEFORE}|{GLUED_ACRONYM}(?=[A-Z][a-z]))")
    start = re.compile(START)
    by_weekday = _prefix(weekday)
    by_weekday_the = _prefix(rf"(?:{weekday})?(?:[Tt]he\s+)?")
    # "late 1990s", "mid-1990s", "early in 2007", "the end of the 1990s" (the first
    # "the" is read but left out of the span; see `Hit.start`).
    # A year or month takes no "the" after its part ("the start of the 1991 Gulf War" is
    # no part of 1991); a decade, century or season may ("the end of the 1990s").
    part_words = rf"(?P<part>{parts})(?:\s+in)?(?:\s+the)?(?:\s+|{HYPHEN})"
    by_part = _prefix(rf"(?:[Tt]he\s+)?(?:(?P<part>{parts})(?:\s+in)?(?:\s+|{HYPHEN}))?")
    by_the_part = _prefix(rf"(?:[Tt]he\s+)?(?:{part_words})?")
    opener = r"(?:(?P<from>(?i:from|between))\s+)?(?:[Tt]he\s+)?"
    range_link = rf"(?P<link>\s*{DASH}\s*|\s(?:to|through|until|till|and)\s)"
    century = rf"(?:\s|{HYPHEN})+(?:[Cc]entury|CENTURY)(?!\w)"
    # "the 29th of March last": the latest 29 March before the date of the letter.
    last = r"(?:\s+(?P<last>last)(?!\w)(?!\s+(?:year|month|week|day|time)))?"
    shapes = (
        Shape(
            "full_mdy",
            re.compile(
                rf"(?P<m>{month})(?:,?\s+|(?<=\.))(?P<d>{DAY})(?:,\s*|\s+)(?P<y>{YEAR}){glued}"
            ),
            word_or_cell,
            by_weekday,
        ),
        Shape(
            "full_dmy",
            re.compile(
                rf"(?P<d>{DAY})(?:(?<=[a-z])\s+day)?(?:\s+of)?\s+(?P<m>{month}),?\s+(?P<y>{YEAR}){glued}"
            ),
            # glued cells: "with Bulgaria5 June 1992", "AgreementKSFTA28 November 2004"
            re.compile(rf"(?:{START}|(?<=[a-z])|{GLUED_ACRONYM})"),
            by_weekday_the,
        ),
        Shape(
            "iso",
            re.compile(
                # the month and day may be written without a leading zero ("1919-2-24")
                rf"(?P<y>{YEAR})(?P<sep>[-./])(?P<m>1[0-2]|0?[1-9])(?P=sep)"
                rf"(?P<d>[12]\d|3[01]|0?[1-9])(?:(?=[A-Z][a-z])|(?={YEAR}(?!\d))|(?![\w%]))"
                r"(?![.,:/-]\d)"
            ),
            re.compile(rf"(?:{START}|{GLUED_BEFORE})"),
        ),
        Shape(
            "numeric",
            re.compile(
                rf"(?P<a>\d{{1,2}})(?P<sep>[/.-])(?P<b>\d{{1,2}})(?P=sep)(?P<y>{YEAR}){YEAR_AFTER}"
            ),
            start,
        ),
        Shape(
            "day_range_mdy",
            re.compile(
                rf"(?P<m>{month})\s+(?P<d>{DAY}){range_link}\s*"
                rf"(?:(?P<m2>{month})\s+)?(?P<d2>{DAY})(?:(?:,\s*|\s+)(?P<y>{YEAR}){YEAR_AFTER})?"
            ),
            word,
            _prefix(opener),
        ),
        Shape(
            "day_range_dmy",
            re.compile(
                rf"(?P<d>{DAY})(?:\s+(?P<m>{month}))?{range_link}\s*"
                rf"(?P<d2>{DAY})\s+(?P<m2>{month})(?:,?\s+(?P<y>{YEAR}){YEAR_AFTER})?"
            ),
            start,
            _prefix(opener),
        ),
        Shape(
            "month_year",
            re.compile(rf"(?P<m>{month}),?\s+(?:of\s+)?(?P<y>{YEAR}){glued}"),
            word_or_cell,
            by_part,
        ),
        Shape(
            # a year before its month, as in lists of visits ("1994 August Prime Minister
            # …", "(APEC) 2008 April"): a capitalised word, a stop or the end follows,
            # never a day, a comma or a lower-case word ("in 2016 May became …")
            "year_month",
            re.compile(
                rf"(?P<y>{YEAR})\s+(?P<m>{_months(lex, full_only=True)})(?!\w)"
                r"(?=\s+[A-Z][a-z]|\s*(?:[.;:)]|\Z))"
            ),
            re.compile(YEAR_BEFORE),
        ),
        Shape(
            "season",
            re.compile(rf"(?P<s>{any_initial(lex.seasons)})\s+(?:of\s+)?(?P<y>{YEAR}){YEAR_AFTER}"),
            word,
            by_the_part,
            needs=tuple(lex.seasons),
        ),
        Shape(
            "year_range",
            re.compile(
                rf"(?P<y>{YEAR})(?:\s*{DASH}\s*|/)"
                rf"(?P<y2>{YEAR}|\d\d(?!\d)|(?i:present|today|now)(?!\w)){YEAR_AFTER}"
            ),
            re.compile(YEAR_BEFORE),
        ),
        Shape(
            "decade",
            re.compile(r"(?P<dec>[12]\d\d0)['’]?s(?!\w)"),
            re.compile(r"(?<![\w$#.,])"),
            by_the_part,
        ),
        Shape(
            "century",
            re.compile(rf"(?P<ord>{ordinal}){century}(?:\s+(?P<era>{ERA}))?"),
            word,
            by_the_part,
            needs=("centur",),
        ),
        Shape(
            "decade_of_century",
            re.compile(
                rf"(?P<dn>{ordinal_word}|[Ll]ast|[Ff]inal)\s+decade\s+of\s+the\s+"
                rf"(?P<ord>{ordinal}){century}"
            ),
            word,
            by_part,
            needs=("decade",),
        ),
        Shape(
            "century_range",
            re.compile(
                rf"(?P<o1>{ordinal})(?:{century})?"
                rf"(?P<link>\s*{DASH}\s*|\s+(?i:to|and|through|or)\s+)"
                rf"(?:(?i:the)\s+)?(?:(?P<part2>{parts})(?:\s|{HYPHEN})+)?"
                rf"(?P<o2>{ordinal})(?:\s|{HYPHEN})+(?i:centuries)(?!\w)"
            ),
            word,
            _prefix(rf"{opener}(?:{part_words})?"),
            needs=("centuries",),
        ),
        Shape(
            "year",
            re.compile(rf"(?P<y>{YEAR})(?:{YEAR_AFTER}|{next_day})(?!['’]s(?!\w))"),
            re.compile(YEAR_BEFORE),
            by_part,
        ),
        Shape(
            "glued_year",
            re.compile(rf"(?P<y>{YEAR})(?:(?=[A-Z][a-z]|\(|\s+[A-Z])|\Z)"),
            # after a word, a full stop, or a date it is glued to ("15 June 20101994Both",
            # "2013-02-131977 See")
            re.compile(
                rf"(?:{GLUED_BEFORE}|(?<=\d{{4}}\.)|{after_month_year}|(?<=\d{{4}}-\d\d-\d\d))"
            ),
        ),
        Shape(
            "era_year",
            re.compile(
                rf"(?:(?P<ad>AD|A\.D\.)\s*(?P<y>\d{{1,4}})(?![\w%])|(?P<y2>\d{{1,4}})\s*(?P<era>{ERA}))"
            ),
            re.compile(r"(?<![\w.])"),
            needs=("BC", "B.C.", "AD", "A.D.", "CE"),
        ),
        Shape(
            "month_day",
            re.compile(rf"(?P<m>{month})\s+(?P<d>{DAY})(?!\s*{DASH}?\s*\d)"),
            word,
            by_weekday,
        ),
        Shape(
            "day_month",
            re.compile(
                rf"(?P<d>{DAY})(?:(?<=[a-z])\s+day)?(?:\s+of)?\s+(?P<m>{month})(?!\w){last}"
            ),
            start,
            by_weekday_the,
        ),
        Shape(
            "ordinal_of_month",
            re.compile(rf"of\s+(?P<m>{month})(?!\w)(?:,?\s+(?P<y>{YEAR}){glued}|{last})"),
            word,
            _prefix(rf"(?:{weekday})?[Tt]he\s+(?P<d>{ordinal_word})\s+(?:day\s+)?"),
            prefix_required=True,
        ),
        Shape(
            "day_alone",
            re.compile(r"(?P<d>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th))(?!\w)"),
            word,
            _prefix(rf"(?i:{alternatives(lex.day_prepositions)})\s+the\s+"),
            prefix_required=True,
        ),
        Shape(
            "month",
            re.compile(rf"(?P<m>{_months(lex, full_only=True)})(?!\w)"),
            word,
            by_part,
        ),
    )
    return Grammar(
        shapes=shapes,
        relative=re.compile(_relative(lex)),
        relative_rows=lex.relative,
        relative_trigger=re.compile(_relative_trigger(lex)),
        word_start=re.compile(r"(?<![\w-])\w"),
        qualifier_before=re.compile(_qualifier_before(lex)),
        word_before=re.compile(r"(\S+)(\s*)\Z"),
        word_after=re.compile(r"\s*([\w.'’$%-]+)"),
        range_link=re.compile(
            r"\s*(?:[-–—]|(?P<word>to|until|till|through|thru|and|or)(?!\w))\s*(?:the\s+)?"
        ),
        range_opener=re.compile(r"(?<!\w)(?i:(from|between))\s+(?:the\s+)?\Z"),
        of_gap=re.compile(r"\s+(?:of\s+)?"),
        apposition=re.compile(rf"\s*(?:,|\s{DASH})\s*"),
        present_end=re.compile(
            rf"(?:\s*{DASH}\s*|\s+(?P<word>to|until|till|through|thru|and)\s+)"
            rf"(?:the\s+)?(?i:{alternatives(lex.present)})(?![\w'’-])"
        ),
        month_dash=re.compile(
            rf"(?:\s*{DASH}\s*|\s+(?:to|through|until|till)\s+)(?:{month})(?!\w)"
        ),
        citation=re.compile(rf"(?<!\w)(?i:{alternatives(lex.citation_cues)})(?:\s+on)?[\s:,]*\Z"),
        sentence_end=re.compile(r"[.!?][\"')\]]*\s"),
    )
