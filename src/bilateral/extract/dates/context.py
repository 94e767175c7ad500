"""Deciding from the words around it whether a four-digit number is a year.

A number from 1000 to 2199 standing alone is read as a year unless its
neighbours say otherwise:

- an identifier word comes before it: "Resolution 1441", "No. 1234", "page 1201";
- a currency comes before it or a unit of measure after it: "$1500", "2000 km",
  "2000 years of history", "1500 percent";
- a count noun follows ("1500 troops") and no date preposition precedes;
- a count word precedes ("some 1500 Peruvian soldiers", "over 2000 new posts"), or
  an approximator precedes and a lower-case word follows ("about 2000 people");
- it ends a name: it follows an acronym or a noun that names editions
  (dates_edition_nouns.txt), with one space between and no capitalised word
  after: "APEC 2024", "Expo 2020", "Vision 2030", "BIMSTEC Summit 2018" are
  editions of named things, not dates. After a person or a place ("Wagle
  2011", "Firenze 2004") and in "Peru's 2006 election" or "the Australian 2016
  Census" the year stays a date.
"""

from __future__ import annotations

import re

from bilateral.extract.dates.grammar import grammar
from bilateral.extract.dates.lexicon import lexicon

_CURRENCY = re.compile(r"(?:[$€£¥₹]|\b(?:US|A|C|NZ|HK)\$|\b(?:USD|EUR|GBP|JPY))\Z")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]*[A-Z0-9]")
_CAPITALISED = re.compile(r"[A-Z][\w'’-]*[A-Za-z]")
_WORD = re.compile(r"[A-Za-z]+")
WINDOW = 40


def _before(text: str, start: int) -> tuple[str, str]:
    """The word right before ``start`` and the whitespace between them."""
    match = grammar().word_before.search(text, max(0, start - WINDOW), start)
    return (match[1], match[2]) if match else ("", "")


def _after(text: str, end: int) -> str:
    match = grammar().word_after.match(text, end, min(len(text), end + WINDOW))
    return match[1] if match else ""


def _key(word: str) -> str:
    return word.strip("()[]\"'“”‘’,;:").rstrip(".").casefold()


def is_identifier(text: str, start: int, end: int) -> bool:
    """A number named by the word before it, priced, or measured: not a date."""
    lex = lexicon()
    previous, _gap = _before(text, start)
    if _key(previous) in lex.designators:
        return True
    if _CURRENCY.search(text[max(0, start - 6) : start].rstrip()):
        return True
    return _key(_after(text, end)) in lex.measures


def is_year(text: str, start: int, end: int) -> bool:
    """Whether the four-digit number at ``text[start:end]`` reads as a year."""
    if is_identifier(text, start, end):
        return False
    lex = lexicon()
    previous, gap = _before(text, start)
    following = _after(text, end)
    before, after = _key(previous), _key(following)
    is_word = bool(_WORD.fullmatch(after))
    if after in lex.count_nouns and before not in lex.prepositions:
        return False
    if before in lex.quantifiers and is_word and after not in lex.function_words:
        return False
    if (
        before in lex.qualifiers
        and is_word
        and following.islower()
        and after not in lex.function_words
    ):
        return False
    return not _ends_a_name(previous, gap, following)


def _ends_a_name(previous: str, gap: str, following: str) -> bool:
    if gap != " " or following[:1].isupper():
        return False
    lex = lexicon()
    if previous.casefold() in lex.preceders:
        return False
    if _ACRONYM.fullmatch(previous):
        return True
    return bool(_CAPITALISED.fullmatch(previous)) and previous.casefold() in lex.edition_nouns
