"""People in prose: titled names, known names, and later references to them.

A person is recognised when a title precedes a capitalised name ("President
Fernando Belaunde Terry", "Ambassador William E. Gonzales"), when a run of
capitalised words starts with a known given name or initials ("James
Cooley", "J.C. Pickett"), when an appositive describes it ("X, a Peruvian
intelligence official") or an appointment names it ("appointment of X as").
Later mentions are linked back: a surname alone ("Belaunde") to the person
whose name ends with it (else contains it) most recently, and a sentence-
initial "He"/"She" to the subject of the previous sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bilateral.extract.entity_lexicon import EntityLexicon
from bilateral.extract.phrases import Token
from bilateral.lexicons import read_rows
from bilateral.model.names import fold
from bilateral.model.span import Span

PARTICLES = frozenset("de del della di da das dos du la le van von der den bin ibn al el y".split())
_ROMAN = re.compile(r"^(?:I{1,3}|IV|V|VI{0,3}|IX|X)$")
_INTRODUCTORY = frozenset(
    "upon after before during in on at by succeeding following when while "
    "although though since as despite with under from through".split()
)
_PREPOSITIONS = frozenset("of to by with for from than against about".split())
_APPOSITIVE_ROLE = re.compile(
    r",\s+(?:a|an|the)\s+(?:[\w'-]+\s+){0,4}?"
    r"(?:official|minister|diplomat|leader|president|politician|general|envoy|ambassador|"
    r"spokes(?:man|woman|person)|adviser|advisor|officer|commander|king|queen|dictator)\b"
)
_APPOINTMENT_CUE = re.compile(
    r"(?:appointment\s+of|appointed|named|nominated|elected|designated)\s*$", re.I
)


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(fold(row[0]) for row in read_rows("name_stopwords.txt"))


@cache
def _not_first_names() -> frozenset[str]:
    """Capitalised words that start sentences or dates, never a person's name."""
    words = {fold(row[0]) for row in read_rows("sentence_starters.txt")}
    words.update(fold(row[0]) for row in read_rows("months.txt"))
    return frozenset(words)


@dataclass(frozen=True, slots=True)
class PersonMention:
    span: Span
    name: str  # as the source spells the person's fullest mention
    title: str | None = None
    role: str | None = None
    country: str | None = None
    form: str = "name"  # name | title | surname | pronoun


def is_capitalized(token: Token) -> bool:
    return token.text[:1].isupper()


def name_run(tokens: list[Token], start: int, taken: set[int], text: str) -> int:
    """Index after the run of name tokens starting at ``start`` (particles allowed inside)."""
    end = start
    index = start
    while index < len(tokens) and index - start < 7 and index not in taken:
        token = tokens[index]
        gap = text[tokens[index - 1].end : token.start] if index > start else ""
        if index > start and not re.fullmatch(r"\s+|\s*-\s*", gap):
            break
        if is_capitalized(token) or _ROMAN.match(token.text):
            if token.key in _stopwords():
                break
            index += 1
            end = index
        elif token.text in PARTICLES and index > start:
            index += 1
        else:
            break
    return end


def looks_like_name(tokens: list[Token], lexicon: EntityLexicon) -> bool:
    """A run of capitalised tokens that reads as a person's name."""
    if not tokens or any(t.key in _stopwords() for t in tokens):
        return False
    first = tokens[0]
    if first.key in _not_first_names():
        return False
    initials = first.text.endswith(".") or bool(re.fullmatch(r"[A-Z](?:\.[A-Z])+\.?", first.text))
    return (first.key in lexicon.given_names or initials) and len(tokens) >= 2


def appositive_or_cue(text: str, span: Span, sentence: Span) -> bool:
    """Whether the context around a capitalised run marks it as a person."""
    after = text[span.end : min(sentence.end, span.end + 80)]
    before = text[max(sentence.start, span.start - 30) : span.start]
    if _APPOSITIVE_ROLE.match(after):
        return True
    return bool(_APPOINTMENT_CUE.search(before)) and after.lstrip().startswith("as ")


_ROLE_AFTER = re.compile(
    r"\s*,?\s+as\s+(?:the\s+)?(?:new\s+|interim\s+|acting\s+|first\s+)?"
    r"(president|prime minister|premier|foreign minister|ambassador|minister|king|queen|"
    r"chancellor|envoy|consul)\b",
    re.I,
)
_ROLES_AFTER = {
    "president": "president", "prime minister": "head-of-government",
    "premier": "head-of-government", "chancellor": "head-of-government",
    "foreign minister": "foreign-minister", "ambassador": "ambassador", "minister": "minister",
    "king": "monarch", "queen": "monarch", "envoy": "envoy", "consul": "consul",
}  # fmt: skip


def role_after(text: str, span: Span) -> str | None:
    """The role an appositive gives a new name: "Dina Boluarte as president"."""
    match = _ROLE_AFTER.match(text, span.end)
    return _ROLES_AFTER[match.group(1).casefold()] if match else None


class Coreference:
    """Links surnames and pronouns to people seen earlier in the document.

    Every word run of a remembered name after its first word is indexed, as
    the end of the name or inside it, so a lookup costs the same however many
    people the document has named.
    """

    def __init__(self) -> None:
        self._ending: dict[tuple[str, ...], PersonMention] = {}
        self._inside: dict[tuple[str, ...], PersonMention] = {}
        self._names: set[str] = set()

    def remember(self, mention: PersonMention) -> None:
        if mention.form != "name" and mention.name in self._names:
            return
        self._names.add(mention.name)
        parts = tuple(fold(mention.name).split())
        for start in range(1, len(parts)):
            for end in range(start + 1, min(len(parts), start + 3) + 1):
                run = parts[start:end]
                (self._ending if end == len(parts) else self._inside)[run] = mention

    def by_surname(self, words: str) -> PersonMention | None:
        """The latest person whose name ends with ``words``, else contains them."""
        key = tuple(fold(words).split())
        return self._ending.get(key) or self._inside.get(key) if key else None


def subject_of(text: str, sentence: Span, mentions: list[PersonMention]) -> PersonMention | None:
    """The subject of a sentence: its first person outside an introductory phrase
    and not the object of a preposition; failing that, its only person."""
    start = sentence.start
    words = text[sentence.start : sentence.end].split(None, 1)
    if words and words[0].casefold().strip(",") in _INTRODUCTORY:
        comma = text.find(",", sentence.start, sentence.end)
        start = comma + 1 if comma >= 0 else sentence.start
    for mention in mentions:
        if not sentence.start <= mention.span.start < sentence.end or mention.span.start < start:
            continue
        previous = text[max(sentence.start, mention.span.start - 12) : mention.span.start].split()
        if previous and previous[-1].casefold() in _PREPOSITIONS:
            continue
        return mention
    people = {m.name: m for m in mentions if sentence.start <= m.span.start < sentence.end}
    return next(iter(people.values())) if len(people) == 1 else None
