"""Opinion polls: who asked whom about what, when, and the share that answered so.

A percentage in a paragraph becomes a poll when a measure word follows it
in its clause ("viewing the U.S. favorably", "approved of U.S. leadership",
"disapproving"). The population is the people named after the number ("51%
of Peruvians"), the subject the state named after that ("viewing the U.S."),
the pollster the polling organisation the sentence or paragraph names
("According to Gallup"); a comparison ("compared to 61% approval of China")
keeps the measure of the poll it compares with, and a bare follow-up ("with
77% disapproving") keeps the population and subject of the one before.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from bilateral.extract.common import SpanIndex, provenance
from bilateral.extract.dyad import TitleDyad
from bilateral.extract.entities import Mention
from bilateral.extract.entity_lexicon import EntityLexicon
from bilateral.extract.event_dates import DateLike, date_index, mention_index
from bilateral.extract.pipeline import Output
from bilateral.lexicons import read_rows
from bilateral.model.document import BlockKind, Document
from bilateral.model.facts import Poll, dyad_of
from bilateral.model.span import Span

_PERCENT = re.compile(r"(?<![\w.])(\d{1,3}(?:\.\d+)?)\s?(?:%|per ?cent\b)", re.I)
_CLAUSE_END = re.compile(r"[;()]|,\s+(?:with|and|while|whereas|compared)\b|$", re.I)
# "A 2021 Lowy Institute poll found", "a survey by the Asan Institute": a
# pollster the lexicon does not know, named by the words before "poll"/"survey".
_NAMED_POLL = re.compile(
    r"\b(?P<name>(?:[A-Z][\w&'’.-]*\s+){1,5}?)(?:opinion\s+)?(?:poll|survey)\b"
    r"|\b(?:poll|survey)\s+(?:conducted\s+)?by\s+(?:the\s+)?"
    r"(?P<agent>[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|of|for|on))*)"
)
_NOT_NAMES = frozenset({"a", "an", "the", "in", "according", "its", "their", "this", "that"})
_COMPARISON = re.compile(r"\b(?:compared (?:to|with)|versus|vs\.?|against)\s+$", re.I)


@cache
def measures() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(p, re.I), m) for p, m in read_rows("poll_measures.tsv"))


@dataclass
class _Context:
    pollster: str | None = None
    population: str | None = None
    subject: str | None = None
    measure: str | None = None


class PollExtractor:
    name = "polls"
    version = "2"
    requires: tuple[str, ...] = ("mentions", "dates")
    produces: tuple[str, ...] = ("polls",)

    def __init__(self, lexicon: EntityLexicon) -> None:
        self.lexicon = lexicon

    def run(self, document: Document, found: Mapping[str, Any]) -> Output:
        mentions = mention_index(found["mentions"])
        dates = date_index(found["dates"])
        pair: TitleDyad | None = found.get("dyad")
        polls: list[Poll] = []
        for index, _ in document.blocks_of(BlockKind.PARAGRAPH):
            context = _Context()
            for sentence in document.sentences_in(index):
                polls.extend(
                    self._sentence(document, sentence.span, mentions, dates, pair, context)
                )
        return Output(facts=tuple(polls), values={"polls": tuple(polls)})

    def _sentence(
        self,
        document: Document,
        span: Span,
        mentions: SpanIndex[Mention],
        dates: SpanIndex[DateLike],
        pair: TitleDyad | None,
        context: _Context,
    ) -> list[Poll]:
        text = document.plain
        inside = mentions.within(span)
        kinds = self.lexicon.organization_kinds
        pollsters = [m for m in inside if kinds.get(m.entity) == "pollster"]
        if pollsters:
            context.pollster = pollsters[0].entity
        else:
            context.pollster = _named_pollster(text, span) or context.pollster
        own_dates = dates.within(span)
        found: list[Poll] = []
        for match in _PERCENT.finditer(text, span.start, span.end):
            end = _CLAUSE_END.search(text, match.end(), span.end)
            clause = Span(match.start(), end.start() if end else span.end)
            comparison = bool(
                _COMPARISON.search(text, max(span.start, match.start() - 20), match.start())
            )
            measure = _measure(text, clause) if not comparison else None
            measure = measure or (context.measure if comparison or not measure else None)
            if measure is None or context.pollster is None:
                continue
            states = [
                m for m in inside if clause.start < m.span.start < clause.end and m.kind == "state"
            ]
            population = next((m.entity for m in states if _is_people(text, m)), None)
            subject = next(
                (m.entity for m in states if m.entity != population or not _is_people(text, m)),
                None,
            )
            population = population or context.population
            subject = subject or context.subject
            if population is None or subject is None:
                continue
            date = _date_in(own_dates, clause, match.start())
            context.population, context.subject, context.measure = population, subject, measure
            found.append(
                Poll(
                    pollster=context.pollster,
                    date=date,
                    population=population,
                    subject=subject,
                    measure=measure,
                    value=float(match.group(1)),
                    dyad=dyad_of(pair.first, pair.second) if pair else dyad_of(population, subject),
                    confidence=0.9 if date else 0.7,
                    **provenance(document, span),
                )
            )
        return found


def _named_pollster(text: str, sentence: Span) -> str | None:
    """The id of a pollster the sentence names but the lexicon lacks ("LOWY-INSTITUTE")."""
    match = _NAMED_POLL.search(text, sentence.start, sentence.end)
    if match is None:
        return None
    name = (match.group("name") or match.group("agent")).strip()
    words = [w for w in re.findall(r"[\w&]+", name) if not w.isdigit() and w[0].isupper()]
    while words and words[0].casefold() in _NOT_NAMES:
        words.pop(0)
    return "-".join(words).upper() or None


def _measure(text: str, clause: Span) -> str | None:
    words = text[clause.start : clause.end]
    for pattern, measure in measures():
        if pattern.search(words):
            return measure
    return None


def _is_people(text: str, mention: Mention) -> bool:
    """ "of Peruvians": a demonym naming people, the respondents."""
    return mention.form == "demonym" and text[mention.span.start : mention.span.end].endswith("s")


def _date_in(dates: Sequence[DateLike], clause: Span, position: int) -> str | None:
    """The date of the clause, else the last one before it in the sentence."""
    inside = [d for d in dates if clause.start <= d.start and d.end <= clause.end]
    if inside:
        return inside[0].edtf
    before = [d for d in dates if d.end <= position]
    return before[-1].edtf if before else None
