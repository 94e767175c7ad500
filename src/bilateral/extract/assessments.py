"""Statements on the state of a relationship, as a trajectory over time.

A phrase from ``lexicons/assessment_phrases.tsv`` ("relations reached their
lowest point", "were strained", "improved", "close partners") becomes an
assessment when the sentence is about the relationship (relations, ties,
the two countries) or the phrase names it itself. Its date is the sentence's
date nearest the phrase, else a named period or term of office the sentence
gives; otherwise it stays undated.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from bilateral.extract.common import SpanIndex, provenance
from bilateral.extract.dyad import TitleDyad
from bilateral.extract.entities import Mention
from bilateral.extract.entity_lexicon import EntityLexicon
from bilateral.extract.event_dates import (
    DateLike,
    date_index,
    mention_index,
    nearest,
    period_in,
    term_of_office,
)
from bilateral.extract.pipeline import Output
from bilateral.lexicons import read_rows
from bilateral.model.document import BlockKind, Document
from bilateral.model.facts import Assessment, dyad_of
from bilateral.model.span import Span

_RELATIONSHIP = re.compile(
    r"\b(?:relations|relationship|ties|bilateral|partnership|the two (?:countries|nations|states)|"
    r"both (?:countries|nations))\b",
    re.I,
)


@dataclass(frozen=True)
class Phrase:
    pattern: re.Pattern[str]
    direction: str
    polarity: int
    needs_subject: bool


@cache
def phrases() -> tuple[Phrase, ...]:
    return tuple(
        Phrase(re.compile(rf"(?<![\w-])(?:{p})(?![\w-])", re.I), d, int(v), s == "needs")
        for p, d, v, s in read_rows("assessment_phrases.tsv")
    )


class AssessmentExtractor:
    name = "assessments"
    version = "2"
    requires: tuple[str, ...] = ("dyad", "mentions", "dates")
    produces: tuple[str, ...] = ("assessments",)

    def __init__(self, lexicon: EntityLexicon) -> None:
        self.lexicon = lexicon

    def run(self, document: Document, found: Mapping[str, Any]) -> Output:
        pair: TitleDyad = found["dyad"]
        mentions = mention_index(found["mentions"])
        dates = date_index(found["dates"])
        text = document.plain
        facts: list[Assessment] = []
        for index, _ in document.blocks_of(BlockKind.PARAGRAPH):
            for sentence in document.sentences_in(index):
                facts.extend(self._sentence(document, sentence.span, mentions, dates, pair, text))
        return Output(facts=tuple(facts), values={"assessments": tuple(facts)})

    def _sentence(
        self,
        document: Document,
        span: Span,
        mentions: SpanIndex[Mention],
        dates: SpanIndex[DateLike],
        pair: TitleDyad,
        text: str,
    ) -> list[Assessment]:
        found: list[Assessment] = []
        taken: list[Span] = []
        directions: set[str] = set()
        for phrase in phrases():
            for match in phrase.pattern.finditer(text, span.start, span.end):
                where = Span(match.start(), match.end())
                if any(where.overlaps(t) for t in taken) or phrase.direction in directions:
                    continue
                if phrase.needs_subject and not _RELATIONSHIP.search(text, span.start, where.start):
                    continue
                taken.append(where)
                directions.add(phrase.direction)
                found.append(self._assessment(document, span, where, phrase, mentions, dates, pair))
        found.sort(key=lambda a: a.evidence[0].start if a.evidence else 0)
        return found

    def _assessment(
        self,
        document: Document,
        sentence: Span,
        where: Span,
        phrase: Phrase,
        mentions: SpanIndex[Mention],
        dates: SpanIndex[DateLike],
        pair: TitleDyad,
    ) -> Assessment:
        text = document.plain
        date = nearest(dates.within(sentence), where, sentence, sentence.start)
        edtf = date.edtf if date else None
        if edtf is None:
            people = [(m.span, m.entity) for m in mentions.within(sentence) if m.kind == "person"]
            fixed = period_in(text, sentence) or term_of_office(
                text, sentence, people, self.lexicon
            )
            edtf = fixed.edtf if fixed else None
        return Assessment(
            date=edtf,
            direction=phrase.direction,
            polarity=phrase.polarity,
            dyad=dyad_of(pair.first, pair.second),
            confidence=0.8 if edtf else 0.6,
            **provenance(document, sentence),
        )
