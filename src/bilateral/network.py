"""The facade's network part: cross-page findings, the network export, page reports.

`KnowledgeBase` delegates here so that it stays small: each function takes
the store (and what else it needs) and returns plain values.

- `refresh_consistency` recomputes, after an ingest, the findings of every
  dyad whose facts changed (`extract.foreign_relations.consistency`), and
  stores them; a dyad is recomputed only when the fingerprint of its facts
  (their stable ids) differs from the one stored with its findings.
- `consistency` reads one dyad's findings back, with the documents named.
- `export_network` builds the network of states (`export.graph`).
- `record_pages` and `page_reports` keep and read what each "Foreign
  relations of X" page gave (rows, dated rows, missions), for
  ``bilateral ingest --report``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from bilateral.export.graph import build_network, write_network
from bilateral.extract.foreign_relations import PageNetwork
from bilateral.extract.foreign_relations.consistency import DATED_MODES, Finding, compare_dyad
from bilateral.model.facts import Fact, Mission, fact_from_record
from bilateral.store import Store

# Bump when the comparison's rules change, so stored findings are recomputed.
RULES = "consistency-1"
_KINDS = ("dyad", "event", "mission")
_FEW = 200  # changed dyads read one query each; more, and one pass reads them all
_BATCH = 500  # dyads whose findings are written together


class Outcome(Protocol):
    """What the ingest report says of one document (`ingest.FileOutcome`)."""

    @property
    def path(self) -> str: ...

    @property
    def status(self) -> str: ...

    @property
    def document(self) -> str | None: ...

    @property
    def network(self) -> PageNetwork | None: ...


@dataclass(frozen=True)
class ConsistencyReport:
    """A dyad's findings, conflicts first; ``sources`` names each document (its title,
    else the path it was read from)."""

    a: str
    b: str
    findings: tuple[Finding, ...]
    sources: dict[str, str]

    def count(self, status: str) -> int:
        return sum(1 for f in self.findings if f.status == status)


@dataclass(frozen=True)
class Refreshed:
    dyads: int  # dyads whose findings were recomputed and stored
    removed: int  # dyads whose facts are gone


@dataclass(frozen=True)
class Exported:
    data: bytes
    nodes: int
    edges: int


@dataclass(frozen=True)
class PageReport:
    path: str
    status: str
    counts: dict[str, Any]


def _groups(
    store: Store, dyads: set[tuple[str, str]]
) -> Iterator[tuple[tuple[str, str], list[dict[str, Any]]]]:
    """Each of these dyads with its dyad, event and mission records, one dyad at a
    time: one query per dyad when they are few, else one pass over all such facts
    in dyad order, so memory holds a single dyad's records."""
    if len(dyads) <= _FEW:
        for dyad in sorted(dyads):
            yield dyad, list(store.facts(dyad=dyad, kinds=_KINDS))
        return
    current: tuple[str, str] | None = None
    records: list[dict[str, Any]] = []
    for record in store.facts(kinds=_KINDS, by_dyad=True):
        pair = record.get("dyad")
        key = (min(pair), max(pair)) if pair else None
        if key != current:
            if current is not None and current in dyads:
                yield current, records
            current, records = key, []
        if key in dyads:
            records.append(record)
    if current is not None and current in dyads:
        yield current, records


def _fingerprint(ids: Sequence[str]) -> str:
    return hashlib.sha256(json.dumps([RULES, sorted(ids)]).encode()).hexdigest()


def refresh_consistency(store: Store) -> Refreshed:
    """Recompute and store the findings of every dyad whose facts changed.

    Which dyads changed is told from the facts' ids alone (a fact's id
    changes with its content); only their records are read and compared.
    """
    ids = store.network().fact_ids(_KINDS)
    stored = store.network().fingerprints()
    prints = {dyad: _fingerprint(found) for dyad, found in ids.items()}
    stale = {dyad for dyad, print_ in prints.items() if stored.get(dyad) != print_}
    network = store.network()
    batch: dict[tuple[str, str], tuple[str, list[dict[str, Any]]]] = {}
    seen: set[tuple[str, str]] = set()

    def compare(dyad: tuple[str, str], records: Iterable[dict[str, Any]]) -> None:
        facts = [
            fact_from_record(r)
            for r in records
            if r["kind"] != "event" or r.get("mode") in DATED_MODES
        ]
        findings = compare_dyad(dyad, facts)
        batch[dyad] = (prints[dyad], [dataclasses.asdict(f) for f in findings])
        seen.add(dyad)
        if len(batch) >= _BATCH:  # each dyad's findings replaced whole, a batch at a time
            network.replace_findings(dict(batch))
            batch.clear()

    for dyad, records in _groups(store, stale):
        compare(dyad, records)
    for dyad in sorted(stale - seen):
        compare(dyad, [])
    gone = [dyad for dyad in stored if dyad not in ids]
    if batch or gone:
        network.replace_findings(dict(batch), gone)
    return Refreshed(len(seen), len(gone))


def consistency(store: Store, dyad: tuple[str, str]) -> ConsistencyReport:
    """A dyad's stored findings, conflicts first, with its documents' paths."""
    a, b = sorted(dyad)
    found = tuple(
        Finding(**{k: v for k, v in row.items() if k in _FINDING_FIELDS})
        for row in store.network().findings((a, b))
    )
    sources: dict[str, str] = {}
    for finding in found:
        for source in (finding.source_a, finding.source_b):
            if source and source not in sources:
                document = store.document(source)
                label = (document.title or document.source_path) if document else None
                sources[source] = label or source
    return ConsistencyReport(a, b, found, sources)


_FINDING_FIELDS = frozenset(f.name for f in dataclasses.fields(Finding))


def tally(store: Store) -> dict[tuple[str, str, str], int]:
    """How many findings of each (topic, status, scope) the knowledge base holds."""
    return store.network().tally()


def distinct_missions(facts: Sequence[Fact]) -> list[Fact]:
    """The facts with each mission once, for a dyad's profile.

    An article and the two states' "Foreign relations" pages often list the
    same mission (the same sender, host, place and type; "Cuzco" and "Cusco"
    are one geocoded place): it is shown once, as a bilateral article states
    it when one does (its mission lists are the fuller source), else as the
    first page that does. Each document keeps its own facts in the store.
    """
    best: dict[tuple[str, str, str, str], tuple[bool, int]] = {}
    for index, fact in enumerate(facts):
        if isinstance(fact, Mission):
            rank = (fact.extractor.startswith("foreign-relations"), index)
            key = _mission_key(fact)
            if key not in best or rank < best[key]:
                best[key] = rank
    kept = {index for _, index in best.values()}
    return [f for i, f in enumerate(facts) if not isinstance(f, Mission) or i in kept]


def _mission_key(mission: Mission) -> tuple[str, str, str, str]:
    place = str(mission.geonameid) if mission.geonameid is not None else mission.city.casefold()
    return (mission.sender, mission.host, place, mission.type)


def export_network(store: Store, name: Callable[[str], str], format: str) -> Exported:
    """The network of states in ``format`` (graphml, gexf or csv)."""
    records = (r for r in store.facts(kinds=_KINDS) if r.get("dyad"))
    graph = build_network(records, name, store.network().conflicts_by_dyad())
    return Exported(write_network(graph, format), graph.number_of_nodes(), graph.number_of_edges())


def record_pages(store: Store, outcomes: Iterable[Outcome]) -> None:
    """Keep what each freshly read page gave, by document id."""
    pages = {
        o.document: dataclasses.asdict(o.network)
        for o in outcomes
        if o.document is not None and o.network is not None
    }
    if pages:
        store.network().replace_pages(pages)


def page_reports(store: Store, outcomes: Sequence[Outcome]) -> list[PageReport]:
    """What each page of an ingest gave, read or unchanged (documents that are not
    "Foreign relations of X" pages are left out)."""
    stored = store.network().pages(o.document for o in outcomes if o.document is not None)
    reports = []
    for outcome in outcomes:
        counts = stored.get(outcome.document or "")
        if counts is None and outcome.network is not None:
            counts = dataclasses.asdict(outcome.network)
        if counts is not None:
            reports.append(PageReport(outcome.path, outcome.status, counts))
    return reports
