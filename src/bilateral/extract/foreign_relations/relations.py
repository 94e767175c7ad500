"""From relation statements to events: one event per partner, mode and date.

A page often states one fact more than once: the list of relations and the
continent's table both date the start of relations, and the notes repeat
it ("Both countries established diplomatic relations on 6 July 1822").
Statements of one partner and mode whose dates agree (EDTF `agree`) are
one event, dated at the finest precision among them, with every place
that states it as evidence. Dates that do not agree stay separate events:
the page disagrees with itself, which the cross-page check reports.
Undated statements ("Mexico (suspended)") join the first dated event of
their mode, or stand alone undated when there is none.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from bilateral.extract.common import provenance
from bilateral.extract.foreign_relations.statements import (
    ESTABLISH,
    RECOGNIZE,
    RESTORE,
    SEVER,
    Statement,
)
from bilateral.model.document import Document
from bilateral.model.edtf import agree, parse, rank
from bilateral.model.facts import Event, dyad_of
from bilateral.model.plover import ontology
from bilateral.model.span import Span

_VERBS = {
    ESTABLISH: "established relations",
    SEVER: "severed relations",
    RESTORE: "restored relations",
}


@dataclass(frozen=True, slots=True)
class Stated:
    """A statement about one partner, with the spans to cite and where it came from.

    ``priority`` orders sources: a table's date column (0) before notes (1)
    before a partner's section (2); the first stated is the event's first
    evidence, which fixes its id.
    """

    partner: str
    statement: Statement
    evidence: tuple[Span, ...]
    priority: int


@dataclass
class _Cluster:
    date: str | None
    members: list[Stated] = field(default_factory=list)

    def spans(self) -> list[Span]:
        found: list[Span] = []
        for member in self.members:
            found.extend(s for s in member.evidence if s not in found)
        return found


def _finer(candidate: str, current: str) -> bool:
    return rank(parse(candidate).precision) < rank(parse(current).precision)


def cluster(statements: Sequence[Stated]) -> list[_Cluster]:
    """Statements of one partner and mode grouped by agreeing dates (see module doc)."""
    ordered = sorted(statements, key=lambda s: (s.priority, s.evidence[0].start))
    clusters: list[_Cluster] = []
    for stated in ordered:
        date = stated.statement.date
        if date is None:
            continue
        home = next((c for c in clusters if c.date and agree(c.date, date)), None)
        if home is None:
            clusters.append(_Cluster(date, [stated]))
            continue
        home.members.append(stated)
        if home.date is not None and _finer(date, home.date):
            home.date = date
    undated = [s for s in ordered if s.statement.date is None]
    if undated:
        if clusters:
            clusters[0].members.extend(undated)
        else:
            clusters.append(_Cluster(None, undated))
    return clusters


def relation_events(
    document: Document,
    state: str,
    stated: Sequence[Stated],
    name: Callable[[str], str],
) -> list[Event]:
    """One event per partner, mode and agreeing date, in the order first stated."""
    grouped: dict[tuple[str, str], list[Stated]] = {}
    for item in sorted(stated, key=lambda s: s.evidence[0].start):
        grouped.setdefault((item.partner, item.statement.mode), []).append(item)
    events: list[Event] = []
    for (partner, mode), items in grouped.items():
        for group in cluster(items):
            events.append(_event(document, state, partner, mode, group, name))
    return events


def _event(
    document: Document,
    state: str,
    partner: str,
    mode: str,
    group: _Cluster,
    name: Callable[[str], str],
) -> Event:
    event_type = ontology().type_for(mode)
    actor: str | None
    recipient: str | None
    if mode == RECOGNIZE:
        actor, recipient = partner, state
        summary = f"{name(partner)} recognized {name(state)}"
    else:
        actor = recipient = None
        summary = f"{name(state)} and {name(partner)} {_VERBS[mode]}"
    return Event(
        date=group.date,
        actors=(state, partner),
        actor=actor,
        recipient=recipient,
        type=event_type,
        mode=mode,
        score=ontology().score(event_type, mode),
        summary=summary,
        date_basis="text" if group.date else None,
        confidence=max(m.statement.confidence for m in group.members),
        dyad=dyad_of(state, partner),
        **provenance(document, *group.spans()),
    )
