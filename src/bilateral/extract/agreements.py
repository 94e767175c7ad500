"""Agreements between states: name, parties, status and date.

A named agreement is a capitalised phrase ending in Agreement, Treaty,
Accord, Pact, Convention, Protocol or Memorandum of Understanding, with its
acronym when one follows in brackets; an unnamed one is "a free trade
agreement" or the like. Parties are the states its name joins
("U.S.–Peru"), else those its sentence names, else the dyad. The status
comes from the words around it (``lexicons/agreement_status.tsv``): "if ... is
passed" is proposed, "entered into force" in force, "signed" signed.
Organisations that are also treaties (the Rio Pact) are memberships, not
agreements.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any

from bilateral.extract.common import SpanIndex, provenance
from bilateral.extract.dyad import TitleDyad
from bilateral.extract.entities import Mention
from bilateral.extract.event_dates import DateLike, date_index, mention_index, nearest
from bilateral.extract.pipeline import Output
from bilateral.lexicons import read_rows
from bilateral.model.document import BlockKind, Document
from bilateral.model.facts import Agreement, dyad_of
from bilateral.model.span import Span

_KINDS = r"(?:Agreement|Treaty|Accord|Pact|Convention|Protocol|Memorandum of Understanding|Charter)"
# What a name may add after its kind: "Treaty of Peace and Friendship",
# "Treaty of Friendship, Commerce and Navigation".
_TAIL = (
    r"(?:\s+(?:of|on|for|between)\s+(?:the\s+)?[A-Z][\w'’-]*"
    r"(?:(?:,\s+|\s+and\s+|\s+of\s+|\s+on\s+|\s+)[A-Z][\w'’-]*)*)"
)
_NAMED = re.compile(
    r"(?:the\s+)?(?P<name>(?:[A-Z][\w.'’–-]*\s+(?:(?:of|on|for|and|between|de)\s+)?){1,8}"
    + _KINDS
    + r"s?"
    + _TAIL
    + r"?|"
    + _KINDS
    + _TAIL
    + r")(?:\s+\((?P<acronym>[A-Z]{2,10})\))?"
)
_UNNAMED = re.compile(
    r"\b(?:an?|the)\s+(?P<name>(?:(?:free|bilateral|trade|economic|commercial|extradition|"
    r"investment|defen[cs]e|security|cooperation|peace|partnership|border|visa|tax)\s+){1,3}"
    r"(?:agreement|treaty|accord|pact|convention))\b",
    re.I,
)


@cache
def statuses() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(p, re.I), s) for p, s in read_rows("agreement_status.tsv"))


class AgreementExtractor:
    name = "agreements"
    version = "2"
    requires: tuple[str, ...] = ("mentions", "dates")
    produces: tuple[str, ...] = ("agreements",)

    def run(self, document: Document, found: Mapping[str, Any]) -> Output:
        mentions = mention_index(found["mentions"])
        dates = date_index(found["dates"])
        pair: TitleDyad | None = found.get("dyad")
        facts: list[Agreement] = []
        text = document.plain
        for index, _ in document.blocks_of(BlockKind.PARAGRAPH):
            for sentence in document.sentences_in(index):
                span = sentence.span
                inside = mentions.within(span)
                organizations = [m.span for m in inside if m.kind == "organization"]
                for match, named in self._names(text, span):
                    where = Span(match.start("name"), match.end())
                    if any(where.overlaps(o) for o in organizations):
                        continue
                    facts.append(
                        self._agreement(document, span, where, match, named, inside, dates, pair)
                    )
        return Output(facts=tuple(facts), values={"agreements": tuple(facts)})

    @staticmethod
    def _names(text: str, span: Span) -> list[tuple[re.Match[str], bool]]:
        named = [(m, True) for m in _NAMED.finditer(text, span.start, span.end)]
        taken = [Span(m.start(), m.end()) for m, _ in named]
        unnamed = [
            (m, False)
            for m in _UNNAMED.finditer(text, span.start, span.end)
            if not any(Span(m.start(), m.end()).overlaps(t) for t in taken)
        ]
        return named + unnamed

    def _agreement(
        self,
        document: Document,
        sentence: Span,
        where: Span,
        match: re.Match[str],
        named: bool,
        mentions: list[Mention],
        dates: SpanIndex[DateLike],
        pair: TitleDyad | None,
    ) -> Agreement:
        text = document.plain
        in_name = [
            m for m in mentions if m.kind == "state" and where.start <= m.span.start < where.end
        ]
        states = in_name or [m for m in mentions if m.kind == "state"]
        parties = sorted({m.country or m.entity for m in states})
        if len(parties) < 2 and pair is not None:
            parties = sorted({*parties, pair.first, pair.second})
        context = text[sentence.start : sentence.end]
        status = next((s for pattern, s in statuses() if pattern.search(context)), "unknown")
        date = nearest(dates.within(sentence), where, sentence, sentence.start)
        name = match.group("name")
        return Agreement(
            name=name,
            parties=tuple(parties),
            status=status,
            date=date.edtf if date else None,
            acronym=match.group("acronym") if named else None,
            dyad=dyad_of(pair.first, pair.second) if pair else None,
            confidence=0.85 if named else 0.6,
            **provenance(document, sentence),
        )
