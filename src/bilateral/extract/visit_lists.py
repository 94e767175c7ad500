"""Visits listed rather than told.

Articles often list high-level visits under a term or heading that gives the
direction ("From France to Vietnam", "Visits from Peru to Chile", "Chilean
visits to Peru"), one bullet per visit: a date and who went ("1993:
President François Mitterrand", "March 2018 – General Secretary Nguyễn Phú
Trọng"). Each bullet with a date becomes a visit event from the first state
to the second; the visitors are the people the bullet names.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from bilateral.extract.common import SpanIndex, provenance
from bilateral.extract.dyad import TitleDyad
from bilateral.extract.entities import Mention
from bilateral.extract.event_dates import DateLike, date_index, mention_index
from bilateral.extract.pipeline import Output
from bilateral.model.countries import CountryRegistry
from bilateral.model.document import BlockKind, Document
from bilateral.model.facts import Event, dyad_of
from bilateral.model.plover import ontology
from bilateral.model.span import Span

_DIRECTION = re.compile(
    r"^\s*(?:(?:high[- ]level|state|official|leaders['’]?)\s+)?(?:visits?\s+)?(?:from\s+)?"
    r"(?P<a>.+?)\s+(?:visits?\s+)?to\s+(?:the\s+)?(?P<b>.+?)\s*:?\s*$",
    re.I,
)
_VISIT_WORDS = re.compile(r"\bvisit", re.I)


class VisitLists:
    name = "visit-lists"
    version = "1"
    requires: tuple[str, ...] = ("dyad", "dates", "mentions")
    produces: tuple[str, ...] = ("listed_visits",)

    def __init__(self, registry: CountryRegistry, name_of: Callable[[str], str]) -> None:
        self.registry = registry
        self.name_of = name_of

    def run(self, document: Document, found: Mapping[str, Any]) -> Output:
        pair: TitleDyad = found["dyad"]
        dates = date_index(found["dates"])
        mentions = mention_index(found["mentions"])
        events: list[Event] = []
        for index, block in document.blocks_of(BlockKind.BULLETS):
            direction = self._direction(document, index, pair)
            if direction is None:
                continue
            for item in block.items:
                event = self._visit(document, item, direction, dates, mentions)
                if event is not None:
                    events.append(event)
        return Output(facts=tuple(events), values={"listed_visits": tuple(events)})

    def _direction(self, document: Document, index: int, pair: TitleDyad) -> tuple[str, str] | None:
        """(visitor's state, host state) from the term right above the list
        ("From France to Vietnam"), else from a heading that speaks of visits."""
        block = document.blocks[index]
        labels: list[str] = []
        previous = document.blocks[index - 1] if index else None
        if (
            previous is not None
            and previous.kind is BlockKind.TERM
            and previous.section == block.section
        ):
            labels.append(document.slice(previous.span))
        heading = document.sections[block.section].heading
        if heading is not None and _VISIT_WORDS.search(document.slice(heading)):
            labels.append(document.slice(heading))
        for label in labels:
            match = _DIRECTION.match(label.strip(" ;"))
            if match is None:
                continue
            a, b = self._state(match.group("a")), self._state(match.group("b"))
            if a is not None and b is not None and {a, b} == {pair.first, pair.second}:
                return a, b
        return None

    def _state(self, words: str) -> str | None:
        words = re.sub(r"^(?:the\s+)", "", words.strip(), flags=re.I)
        return self.registry.resolve(words) or self.registry.demonym(words.split()[0])

    def _visit(
        self,
        document: Document,
        item: Span,
        direction: tuple[str, str],
        dates: SpanIndex[DateLike],
        mentions: SpanIndex[Mention],
    ) -> Event | None:
        dated = [d for d in dates.within(item) if d.edtf]
        if not dated:
            return None
        date = dated[0]
        visitors = _visitors(mentions.within(item), date)
        sender, host = direction
        who = ", ".join(visitors) if visitors else self.name_of(sender)
        summary = f"{who} ({self.name_of(sender)}) visited {self.name_of(host)}"
        if not visitors:
            summary = f"{who} visited {self.name_of(host)}"
        return Event(
            date=date.edtf,
            actors=(sender, host, *visitors),
            actor=sender,
            recipient=host,
            type="CONSULT",
            mode="visit",
            score=ontology().score("CONSULT", "visit"),
            summary=summary,
            date_basis="text",
            confidence=0.8,
            dyad=dyad_of(sender, host),
            **provenance(document, item),
        )


def _visitors(mentions: Sequence[Mention], date: DateLike) -> list[str]:
    """The people a bullet names after its date, in order, once each."""
    people: list[str] = []
    for mention in mentions:
        fresh = mention.entity not in people
        if mention.kind == "person" and mention.span.start >= date.end and fresh:
            people.append(mention.entity)
    return people
