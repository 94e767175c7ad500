"""The network of states: GraphML, GEXF or a CSV edge list.

Nodes are states (interchange ids, with their names). Edges are of two
kinds, told apart by the ``kind`` attribute:

- ``relations``: one per dyad the knowledge base knows (a dyad fact, a
  relation event or a mission), drawn from the first state of the sorted
  pair to the second. ``established`` is the date most documents agree on
  (EDTF, at the finest precision given; ties go to the earliest), and
  ``established_dates``, ``severed``, ``restored`` and ``recognized`` list
  every distinct date stated, ";"-separated. ``documents`` counts the
  sources, ``conflicts`` the cross-page conflicts found on the dyad;
- ``mission``: one per sender, host, place and type, drawn from sender to
  host, with ``mission_type``, ``city``, ``accredited_from`` (non-resident
  missions), coordinates when geocoded, and ``documents``.

Attribute names avoid the words GEXF readers treat specially (type, start,
end, weight). Values are strings or numbers; a missing text is "", and the
coordinates of a mission that was not geocoded are left out (GraphML and
GEXF have no null, and 0, 0 is a place). Built with networkx, which writes both XML
formats to their schemas.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from bilateral.model.edtf import EDTFError, agree, parse, rank, sort_key

FORMATS = ("graphml", "gexf", "csv")
RELATION_MODES = {
    "establish-relations": "established_dates",
    "sever-relations": "severed",
    "restore-relations": "restored",
    "recognize": "recognized",
}
CSV_COLUMNS = (
    "source",
    "target",
    "source_name",
    "target_name",
    "kind",
    "established",
    "established_dates",
    "severed",
    "restored",
    "recognized",
    "mission_type",
    "city",
    "accredited_from",
    "latitude",
    "longitude",
    "documents",
    "conflicts",
)


@dataclass
class _Relation:
    documents: set[str] = field(default_factory=set)
    dates: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))


@dataclass
class _Mission:
    record: dict[str, Any]
    documents: set[str] = field(default_factory=set)


def build_network(
    records: Iterable[dict[str, Any]],
    name: Callable[[str], str],
    conflicts: Mapping[tuple[str, str], int] | None = None,
) -> nx.MultiDiGraph[str]:
    """The network of the dyad, event and mission records (interchange form) given."""
    relations: dict[tuple[str, str], _Relation] = defaultdict(_Relation)
    missions: dict[tuple[str, str, str, str], _Mission] = {}
    for record in records:
        dyad = record.get("dyad")
        if not dyad or len(dyad) != 2 or dyad[0] == dyad[1]:
            continue
        pair = (min(dyad), max(dyad))
        kind = record["kind"]
        if kind == "event" and record.get("mode") in RELATION_MODES:
            actors = record.get("actors") or ()
            if pair[0] not in actors or pair[1] not in actors or not _valid(record.get("date")):
                continue
            relations[pair].dates[record["mode"]].append((record["date"], record["source"]))
        elif kind == "mission":
            place = str(record.get("geonameid") or record.get("city", "")).casefold()
            key = (record["sender"], record["host"], place, record["type"])
            missions.setdefault(key, _Mission(record)).documents.add(record["source"])
        elif kind != "dyad":
            continue
        relations[pair].documents.add(record["source"])
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    states = {s for pair in relations for s in pair} | {s for k in missions for s in k[:2]}
    for state in sorted(states):
        graph.add_node(state, label=name(state))
    for (a, b), relation in sorted(relations.items()):
        attributes: dict[str, Any] = {
            "kind": "relations",
            "established": _consensus(relation.dates.get("establish-relations", [])),
            "documents": len(relation.documents),
            "conflicts": (conflicts or {}).get((a, b), 0),
        }
        for mode, column in RELATION_MODES.items():
            attributes[column] = _listed(relation.dates.get(mode, []))
        graph.add_edge(a, b, key=f"relations:{a}:{b}", **attributes)
    for (sender, host, place, kind), mission in sorted(missions.items()):
        record = mission.record
        where = {
            axis: float(record[axis])
            for axis in ("latitude", "longitude")
            if record.get(axis) is not None
        }
        graph.add_edge(
            sender,
            host,
            key=f"mission:{sender}:{host}:{place}:{kind}",
            kind="mission",
            mission_type=kind,
            city=record.get("city") or "",
            accredited_from=record.get("accredited_from") or "",
            documents=len(mission.documents),
            **where,
        )
    return graph


def _valid(date: Any) -> bool:
    if not isinstance(date, str) or not date:
        return False
    try:
        parse(date)
    except EDTFError:
        return False
    return True


def _listed(dates: list[tuple[str, str]]) -> str:
    return ";".join(sorted({d for d, _ in dates}, key=sort_key))


def _consensus(dates: list[tuple[str, str]]) -> str:
    """The date most documents agree on, at the finest precision any of them gives."""
    groups: list[tuple[str, set[str]]] = []  # (finest date, documents)
    for date, source in sorted(dates, key=lambda d: sort_key(d[0])):
        for index, (best, documents) in enumerate(groups):
            if agree(best, date):
                finer = rank(parse(date).precision) < rank(parse(best).precision)
                groups[index] = (date if finer else best, documents | {source})
                break
        else:
            groups.append((date, {source}))
    if not groups:
        return ""
    return max(groups, key=lambda g: (len(g[1]), [-x for x in _order(g[0])]))[0]


def _order(date: str) -> tuple[int, int, int]:
    low = parse(date).lower
    return (low.year, low.month, low.day)


def write_network(graph: nx.MultiDiGraph[str], format: str) -> bytes:
    """The graph in ``format`` (graphml, gexf or csv), as UTF-8 bytes."""
    if format == "csv":
        return _csv(graph).encode("utf-8")
    buffer = io.BytesIO()
    if format == "graphml":
        nx.write_graphml(graph, buffer, encoding="utf-8")
    elif format == "gexf":
        nx.write_gexf(graph, buffer, encoding="utf-8")
    else:
        raise ValueError(f"unknown network format {format!r}; available: {', '.join(FORMATS)}")
    return buffer.getvalue()


def _csv(graph: nx.MultiDiGraph[str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for source, target, data in graph.edges(data=True):
        row = {column: "" for column in CSV_COLUMNS}
        row.update(data)
        row.update(
            source=source,
            target=target,
            source_name=graph.nodes[source].get("label", source),
            target_name=graph.nodes[target].get("label", target),
        )
        writer.writerow(row)
    return out.getvalue()
