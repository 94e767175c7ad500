"""When a happening took place: the date the sentence gives, else one the text fixes.

A sentence's own date expressions come first (the one nearest the trigger,
preferring its clause). Without one, a named period in the sentence fixes
the date ("during the War of the Pacific", "through the Cold War"), as does
a term of office ("during the administration of Ronald Reagan", "the
presidency of Alberto Fujimori", from the people lexicon), or a definite
reference back to a dated war earlier in the paragraph ("the long-lasting
war"). Otherwise the happening stays undated: no date is invented.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from bilateral.extract.common import SpanIndex
from bilateral.extract.entities import Mention
from bilateral.extract.entity_lexicon import EntityLexicon
from bilateral.extract.phrases import PhraseMatcher, tokenize
from bilateral.lexicons import read_rows
from bilateral.model.span import Span


class DateLike(Protocol):
    start: int
    end: int
    edtf: str


@dataclass(frozen=True, slots=True)
class Dated:
    edtf: str
    basis: str  # text | named-period | term-of-office | anaphora
    span: Span


_TERM = re.compile(
    r"\b(?:administration|presidency|government|rule|tenure|term|regime|premiership|reign)"
    r"s? of (?:former |then[- ])?(?:President |Prime Minister |King |Queen )?$",
    re.I,
)
_TERM_AFTER = re.compile(
    r"^['’]s? (?:administration|presidency|government|rule|tenure|regime)", re.I
)
_UNDER = re.compile(r"\bunder (?:former |then[- ])?(?:President |Prime Minister )?$", re.I)
_BACK_REFERENCE = re.compile(r"\bthe (?:[\w-]+ ){0,3}(?:war|conflict|crisis|revolution)\b", re.I)
_HEADS = re.compile(r"president|prime minister|premier|king|queen|emir|sultan|head of state", re.I)


@cache
def period_matcher() -> PhraseMatcher[str]:
    matcher: PhraseMatcher[str] = PhraseMatcher()
    for name, edtf in read_rows("periods.tsv"):
        matcher.add(name, edtf)
    return matcher


def date_index(dates: Sequence[DateLike]) -> SpanIndex[DateLike]:
    """Dates with a value, found by sentence."""
    return SpanIndex((d for d in dates if d.edtf), lambda d: d.start, lambda d: d.end)


def mention_index(mentions: Iterable[Mention]) -> SpanIndex[Mention]:
    return SpanIndex(mentions, lambda m: m.span.start, lambda m: m.span.end)


def nearest(
    dates: Sequence[DateLike], trigger: Span, clause: Span, sentence_start: int
) -> DateLike | None:
    """The date for a trigger: in its clause if possible, else the nearest in the sentence.

    A date after the trigger ("was appointed ... on June 8, 1838") is preferred
    to one before it, unless that one opens the sentence ("In 2008, ...").
    """
    if not dates:
        return None
    inside = [d for d in dates if clause.start <= d.start and d.end <= clause.end]
    pool = inside or list(dates)

    def distance(d: DateLike) -> float:
        if d.start >= trigger.end:
            return (d.start - trigger.end) * 0.5
        opening = d.start - sentence_start <= 12
        return (trigger.start - d.end) * (0.3 if opening else 1.0)

    return min(pool, key=distance)


def period_in(text: str, span: Span) -> Dated | None:
    """A named period in ``span`` that fixes a date."""
    for match in period_matcher().find(text, tokenize(text, span.start, span.end)):
        return Dated(match.payloads[0], "named-period", match.span)
    return None


def term_of_office(
    text: str, span: Span, people: Sequence[tuple[Span, str]], lexicon: EntityLexicon
) -> Dated | None:
    """The years of office of a leader whose administration or presidency the text names."""
    for person_span, name in people:
        if not span.start <= person_span.start < span.end:
            continue
        before = text[max(span.start, person_span.start - 60) : person_span.start]
        after = text[person_span.end : person_span.end + 30]
        if not (_TERM.search(before) or _TERM_AFTER.search(after) or _UNDER.search(before)):
            continue
        terms = [p for p in lexicon.person(name) if _HEADS.search(p.role) and p.start]
        if len(terms) == 1 or len({(p.start, p.end) for p in terms}) == 1:
            term = terms[0]
            end = term.end[:4] if term.end else ".."
            edtf = term.start[:4] if end == term.start[:4] else f"{term.start[:4]}/{end}"
            return Dated(edtf, "term-of-office", person_span)
    return None


def back_reference(text: str, span: Span, earlier: Dated | None) -> Dated | None:
    """ "the long-lasting war" refers to the dated war the paragraph named before."""
    if earlier is None or earlier.basis not in ("named-period", "text"):
        return None
    match = _BACK_REFERENCE.search(text, span.start, span.end)
    if match is None:
        return None
    return Dated(earlier.edtf, "anaphora", Span(match.start(), match.end()))
