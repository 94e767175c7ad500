"""`ForeignRelations`: the network a "Foreign relations of X" page describes.

For the page's state X (from its title) and each partner its bilateral
tables and per-partner sections name, the component makes:

- a `dyad` fact (X, partner), cited at every row, heading or term naming it;
- `event` facts for when relations began (``establish-relations``), were
  broken off or suspended (``sever-relations``), were restored
  (``restore-relations``) and, where a column gives it, recognition, dated
  at the precision the text gives (`relations`);
- `mission` facts from the notes and the partner's prose (`mission_facts`).

Every fact carries the sorted pair as its dyad, so any dyad a page mentions
can be shown. Its summary for the ingest report and the store is the
``foreign_relations`` value, a `PageNetwork`.

Sentences of a partner's section that the event extractor already read
into an event of the same mode and dyad are not stated again here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from bilateral.extract.common import SpanIndex, provenance
from bilateral.extract.dates import DateSpan, tag_dates
from bilateral.extract.event_dates import date_index
from bilateral.extract.foreign_relations.mission_facts import column_missions, note_mission
from bilateral.extract.foreign_relations.names import StateNames, page_state
from bilateral.extract.foreign_relations.relations import Stated, relation_events
from bilateral.extract.foreign_relations.sections import partner_parts, sentences_by_part
from bilateral.extract.foreign_relations.statements import (
    RELATION_MODES,
    Statement,
    cell_statements,
    sentence_statements,
    status_mode,
)
from bilateral.extract.foreign_relations.tables import LinkIndex, TableRow, table_rows
from bilateral.extract.mission_notes import note_missions
from bilateral.extract.missions import MissionFactory
from bilateral.extract.pipeline import Output
from bilateral.model.countries import CountryRegistry
from bilateral.model.document import Document, Sentence
from bilateral.model.facts import Dyad, Event, Fact, Mission, dyad_of
from bilateral.model.span import Span


@dataclass(frozen=True)
class PageNetwork:
    """What one page gave: the counts `bilateral ingest --report` prints."""

    state: str
    tables: int  # tables read as tables of partners
    rows: int  # their rows naming a partner
    dated_rows: int  # rows with at least one parsed date
    sections: int  # partner sections and terms
    partners: int
    events: int
    missions: int


class ForeignRelations:
    name = "foreign-relations"
    version = "1"
    requires: tuple[str, ...] = ("dates",)
    produces: tuple[str, ...] = ("foreign_relations",)

    def __init__(self, registry: CountryRegistry, missions: MissionFactory) -> None:
        self.names = StateNames(registry)
        self.factory = missions

    def run(self, document: Document, found: Mapping[str, Any]) -> Output:
        title = document.title or PurePath(document.name).stem
        state = page_state(title, self.names)
        if state is None:
            return Output()
        reader = _PageReader(self, document, state, found)
        reader.read_tables()
        reader.read_sections()
        return reader.output()


class _PageReader:
    """The state of reading one page (kept apart from the component, which is shared)."""

    def __init__(
        self, owner: ForeignRelations, document: Document, state: str, found: Mapping[str, Any]
    ) -> None:
        self.owner = owner
        self.document = document
        self.state = state
        self.sentences = SpanIndex(document.sentences, lambda s: s.span.start, lambda s: s.span.end)
        self.dates = date_index(found.get("dates") or ())
        self.known = _known_events(document, found.get("events") or ())
        self.anchors: dict[str, list[Span]] = {}
        self.stated: list[Stated] = []
        self.missions: list[Mission] = []
        self.tables: set[int] = set()
        self.rows = self.dated_rows = self.sections = 0

    # -- tables ------------------------------------------------------------

    def read_tables(self) -> None:
        links = LinkIndex(self.document.links)
        for row in table_rows(self.document, self.state, links, self.owner.names):
            self.tables.add(row.block)
            self.rows += 1
            dated = False
            for partner in row.partners:
                self.anchors.setdefault(partner, []).append(row.country)
                dated = self._read_row(row, partner) or dated
            self.dated_rows += dated

    def _read_row(self, row: TableRow, partner: str) -> bool:
        text = self.document.plain
        dated = False
        for cell, role in row.dates:
            for statement in cell_statements(text, cell, role):
                spans = (row.country, cell)
                self.stated.append(Stated(partner, statement, spans, 0))
                dated = dated or statement.date is not None
        remark = status_mode(self.document.slice(row.country))
        if remark is not None:
            undated = Statement(remark, None, row.country, 0.6)
            self.stated.append(Stated(partner, undated, (row.country,), 0))
        for cell in row.notes:
            for sentence in self._sentences(cell):
                found = self._sentence(sentence, partner, 1, use_tagger=True)
                dated = dated or any(s.statement.date for s in found)
        for cell, outgoing in row.missions:
            sender, host = (self.state, partner) if outgoing else (partner, self.state)
            self.missions.extend(
                column_missions(self.document, self.owner.factory, cell, sender, host)
            )
        return dated

    def _sentences(self, cell: Span) -> list[Span]:
        inside = [s.span for s in self.sentences.within(cell)]
        return inside or [cell]

    # -- sections ----------------------------------------------------------

    def read_sections(self) -> None:
        parts = partner_parts(self.document, self.state, self.owner.names)
        self.sections = len(parts)
        for part in parts:
            self.anchors.setdefault(part.partner, []).append(part.anchor)
        for part, sentence in sentences_by_part(self.document, parts):
            self._prose_sentence(sentence, part.partner)

    def _prose_sentence(self, sentence: Sentence, partner: str) -> None:
        self._sentence(sentence.span, partner, 2, use_tagger=False)

    # -- sentences ---------------------------------------------------------

    def _sentence(self, span: Span, partner: str, priority: int, use_tagger: bool) -> list[Stated]:
        """Relation statements and missions of one sentence about ``partner``."""
        text = self.document.plain
        made: list[Stated] = []
        if _mentions_relations(text, span):

            def dates() -> Sequence[DateSpan]:
                if use_tagger:
                    return tag_dates(text, span.start, span.end)
                return [d for d in self.dates.within(span) if isinstance(d, DateSpan)]

            def elsewhere(cue: Span) -> bool:
                return self._with_third_state(cue, partner)

            for statement in sentence_statements(text, span, dates, elsewhere):
                if priority == 2 and self._already_read(statement.mode, partner, span):
                    continue
                made.append(Stated(partner, statement, (span,), priority))
        self.stated.extend(made)
        resolve = self.owner.names.resolve
        for note in note_missions(text, span, resolve):
            mission = note_mission(
                self.document, self.owner.factory, note, self.state, partner, resolve
            )
            if mission is not None:
                self.missions.append(mission)
        return made

    def _with_third_state(self, cue: Span, partner: str) -> bool:
        """ "established relations with Czechoslovakia" in the Czech Republic's row."""
        text = self.document.plain
        match = _WITH.match(text, cue.end, min(len(text), cue.end + 80))
        if match is None:
            return False
        words = match.group("name").split()
        for size in range(len(words), 0, -1):
            code = self.owner.names.resolve(" ".join(words[:size]))
            if code is not None:
                return code not in (self.state, partner)
        return False

    def _already_read(self, mode: str, partner: str, span: Span) -> bool:
        where = self.document.original(span)
        return any(
            where.overlaps(seen)
            for seen in self.known.get((mode, dyad_of(self.state, partner)), ())
        )

    # -- facts -------------------------------------------------------------

    def output(self) -> Output:
        document, state = self.document, self.state
        dyads = [
            Dyad(
                a=state,
                b=partner,
                title=document.title,
                dyad=dyad_of(state, partner),
                confidence=0.9,
                **provenance(document, *_unique(spans)),
            )
            for partner, spans in self.anchors.items()
        ]
        events = relation_events(document, state, self.stated, self.owner.names.name)
        facts: list[Fact] = [*dyads, *events, *self.missions]
        summary = PageNetwork(
            state=state,
            tables=len(self.tables),
            rows=self.rows,
            dated_rows=self.dated_rows,
            sections=self.sections,
            partners=len(self.anchors),
            events=len(events),
            missions=len({m.id for m in self.missions}),
        )
        return Output(facts=tuple(facts), values={"foreign_relations": summary})


def _unique(spans: list[Span]) -> list[Span]:
    seen: list[Span] = []
    for span in spans:
        if span not in seen:
            seen.append(span)
    return seen


_RELATION_WORDS = ("relation", "ties", "Relation", "Ties")
_WITH = re.compile(
    r"\s*(?:[\w-]+\s+){0,3}?with\s+(?:the\s+)?(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4})"
)


def _mentions_relations(text: str, span: Span) -> bool:
    piece = text[span.start : span.end]
    return any(word in piece for word in _RELATION_WORDS)


def _known_events(document: Document, events: Sequence[Any]) -> dict[tuple[str, Any], list[Span]]:
    """Where the event extractor already found relation events, by mode and dyad."""
    known: dict[tuple[str, Any], list[Span]] = {}
    for event in events:
        if isinstance(event, Event) and event.mode in RELATION_MODES and event.dyad:
            spans = [Span(e.start, e.end) for e in event.evidence]
            known.setdefault((event.mode, event.dyad), []).extend(spans)
    return known
