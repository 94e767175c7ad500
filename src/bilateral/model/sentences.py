"""A rule-based English sentence splitter that keeps offsets.

A full stop, question or exclamation mark (with any closing quotes or
brackets after it) ends a sentence when whitespace and a plausible sentence
start follow. It does not when the word before it is a known abbreviation
("Gen.", "Jr.", "Jan."), an initial ("J." in "J.C. Pickett"), or a dotted
acronym ("U.S.", "D.C.") followed by a word that rarely starts a sentence.
"""

from __future__ import annotations

import re
from functools import cache

from bilateral.lexicons import read_rows
from bilateral.model.span import Span

_CANDIDATE = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+)")
_NEXT = re.compile(r"\s+([\"'“‘(\[]*)(\S+)")
_WORD_BEFORE = re.compile(r"([\w.'’-]+)$")
_ACRONYM = re.compile(r"^(?:[A-Za-z]\.){2,}$")
_INITIAL = re.compile(r"^(?:[A-Za-z]\.)*[A-Z]$")


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(row[0].casefold() for row in read_rows("abbreviations.txt"))


@cache
def _starters() -> frozenset[str]:
    """Words after an acronym such as "U.S." that show a new sentence has begun."""
    return frozenset(row[0].casefold() for row in read_rows("sentence_starters.txt"))


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans of ``text[start:end]``, trimmed of surrounding whitespace."""
    stop = len(text) if end is None else end
    spans: list[Span] = []
    begin = start
    for match in _CANDIDATE.finditer(text, start, stop):
        if _is_boundary(text, match.start(), match.end(), stop):
            _add(spans, text, begin, match.end())
            begin = match.end()
    _add(spans, text, begin, stop)
    return spans


def _add(spans: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append(Span(start, end))


def _is_boundary(text: str, mark: int, after: int, stop: int) -> bool:
    following = _NEXT.match(text, after, stop)
    if following is None:
        return False
    opener, word = following.group(1), following.group(2)
    first = word[0]
    if not (first.isupper() or first.isdigit() or opener):
        return False
    if text[mark] != ".":
        return True
    before = _WORD_BEFORE.search(text, max(0, mark - 60), mark + 1)
    token = before.group(1) if before else ""
    bare = token.rstrip(".")
    if bare.casefold() in _abbreviations() and "." not in bare:
        return False
    if _ACRONYM.match(token):
        return word.strip("\"'“”‘’()[],;:").casefold() in _starters()
    return not _INITIAL.match(bare)
