"""Fast dictionary matching of multi-word names over text, with offsets.

Text is split into word tokens (initialisms such as "U.S." and "J.C." are
one token; a possessive "'s" is not part of its word); a phrase matches a
run of tokens whose folded forms equal the phrase's, separated only by
spaces or hyphens (or commas, when the phrase itself has one). Matching is
longest-first at each position, left to right, without overlaps.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from bilateral.model.names import fold
from bilateral.model.span import Span

T = TypeVar("T")

TOKEN = re.compile(
    r"[A-Z](?:\.[A-Z])+\.?"  # initialisms: U.S., J.C., D.C
    r"|[A-Z]\.(?=[\s,])"  # a single initial: the W. of George W. Bush
    r"|[^\W_]+(?:['’](?![sS]\b)[^\W_]+)*"  # words; a possessive 's is not part of them
)
_GAP = re.compile(r"[\s\-–—]*")
_GAP_WITH_COMMA = re.compile(r"[\s\-–—,]*")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    key: str


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    stop = len(text) if end is None else end
    return [
        Token(m.start(), m.end(), m.group(), fold(m.group()))
        for m in TOKEN.finditer(text, start, stop)
    ]


@dataclass
class _Entry(Generic[T]):
    payloads: list[T] = field(default_factory=list)
    capitalized: bool = False
    acronym: bool = False
    comma: bool = False


@dataclass(frozen=True, slots=True)
class Match(Generic[T]):
    span: Span
    payloads: tuple[T, ...]
    first_token: int
    last_token: int


class PhraseMatcher(Generic[T]):
    """Maps phrases to payloads and finds them in text."""

    def __init__(self) -> None:
        self._entries: dict[tuple[str, ...], _Entry[T]] = {}
        self._longest_from: dict[str, int] = {}  # first word → longest phrase it starts

    def add(self, phrase: str, payload: T) -> None:
        keys = tuple(t.key for t in tokenize(phrase) if t.key)
        if not keys:
            return
        entry = self._entries.setdefault(keys, _Entry())
        letters = phrase.replace(".", "").replace(" ", "")
        entry.acronym = entry.acronym or (letters.isupper() and len(letters) <= 5)
        entry.capitalized = entry.capitalized or phrase[:1].isupper()
        entry.comma = entry.comma or "," in phrase
        if payload not in entry.payloads:
            entry.payloads.append(payload)
        self._longest_from[keys[0]] = max(self._longest_from.get(keys[0], 0), len(keys))

    def __contains__(self, phrase: str) -> bool:
        return tuple(t.key for t in tokenize(phrase)) in self._entries

    def find(self, text: str, tokens: list[Token] | None = None) -> Iterator[Match[T]]:
        """Longest non-overlapping matches, left to right."""
        tokens = tokenize(text) if tokens is None else tokens
        index = 0
        while index < len(tokens):
            found = self._longest_at(text, tokens, index)
            if found is None:
                index += 1
                continue
            yield found
            index = found.last_token + 1

    def _longest_at(self, text: str, tokens: list[Token], index: int) -> Match[T] | None:
        limit = min(self._longest_from.get(tokens[index].key, 0), len(tokens) - index)
        for size in range(limit, 0, -1):
            last = index + size - 1
            key = tuple(t.key for t in tokens[index : last + 1])
            entry = self._entries.get(key)
            if entry is None or not self._fits(text, tokens, index, last, entry):
                continue
            return Match(
                Span(tokens[index].start, tokens[last].end), tuple(entry.payloads), index, last
            )
        return None

    @staticmethod
    def _fits(text: str, tokens: list[Token], first: int, last: int, entry: _Entry[T]) -> bool:
        gap = _GAP_WITH_COMMA if entry.comma else _GAP
        for left, right in zip(tokens[first:last], tokens[first + 1 : last + 1], strict=True):
            if not gap.fullmatch(text, left.end, right.start):
                return False
        head = tokens[first].text
        if entry.acronym:
            return all(t.text.replace(".", "").isupper() for t in tokens[first : last + 1])
        return not entry.capitalized or head[:1].isupper()
