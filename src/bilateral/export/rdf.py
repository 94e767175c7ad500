"""RDF export (Turtle, JSON-LD) with rdflib, in vocabularies that already exist.

Why these vocabularies: a linked-data publisher wants facts that line up with
Wikidata and say where they came from. So:

- states carry Wikidata's ISO 3166-1 alpha-2 code (``wdt:P297``), the key to
  join them with Wikidata's items; a dyad is Wikidata's diplomatic relation
  (``wdt:P530``, both ways); a mission is a diplomatic mission sent
  (``wdt:P531``) operated by its sender (``wdt:P137``) in its host country
  (``wdt:P17``) at a place with GeoNames id (``wdt:P1566``) and coordinates
  (``wdt:P625``), an embassy also an instance of embassy (``wd:Q3917681``);
  membership is ``wdt:P463``; people are humans (``wd:Q5``);
- provenance is PROV-O: every fact is a ``prov:Entity`` derived from its
  evidence spans and attributed to its extractor (a ``prov:SoftwareAgent``);
  each span is quoted from its document (``prov:wasQuotedFrom``) and located
  with Web Annotation selectors (``oa:TextPositionSelector`` with character
  offsets, ``oa:TextQuoteSelector`` with the exact text);
- dates are OWL-Time instants (``time:hasBeginning``, ``time:hasEnd``,
  ``time:hasTime``; intervals are ``time:ProperInterval``) that keep the EDTF
  value as a literal of the Library of Congress EDTF datatype and add
  ``time:inXSDDate``/``inXSDgYearMonth``/``inXSDgYear`` only when the EDTF
  value is exactly that precise (never inventing precision);
- the rest (PLOVER types, ranks, scores, confidence) is in our own small
  vocabulary ``bl:`` under the base IRI.

Nodes get IRIs under the base (``fact/ID``, ``document/ID``, ``state/PE``,
``person/NAME``, ``organization/ID``); a fact's dates and evidence are
``fact/ID#start``, ``fact/ID#evidence-0`` and so on, so the same knowledge
base always gives the same triples. Records are turned into triples a batch
at a time and written as they are made: exports stream.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from itertools import islice
from typing import Any, TextIO
from urllib.parse import quote

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import PROV, TIME

from bilateral.model.facts import entity_mentions, fact_from_record

WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")
OA = Namespace("http://www.w3.org/ns/oa#")
GEO = Namespace("http://www.opengis.net/ont/geosparql#")
EDTF = URIRef("http://id.loc.gov/datatypes/edtf/EDTF")
DEFAULT_BASE = "urn:bilateral:"

BATCH = 200
_DATE_FIELDS = ("date", "start", "end", "appointed", "credentials")
_XSD_FORMS = (
    (re.compile(r"^\d{4}-\d{2}-\d{2}$"), TIME.inXSDDate, XSD.date),
    (re.compile(r"^\d{4}-\d{2}$"), TIME.inXSDgYearMonth, XSD.gYearMonth),
    (re.compile(r"^\d{4}$"), TIME.inXSDgYear, XSD.gYear),
)
_TIME_LINKS = {"start": TIME.hasBeginning, "end": TIME.hasEnd, "date": TIME.hasTime}
_COMMON = {"kind", "id", "source", "source_path", "evidence", "confidence", "extractor", "dyad"}


class Terms:
    """The IRIs of one export, under its base."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        self.base = base
        self.bl = Namespace(f"{base}vocab#")

    def prefixes(self) -> dict[str, str]:
        return {
            "bl": str(self.bl),
            "fact": f"{self.base}fact/",
            "doc": f"{self.base}document/",
            "state": f"{self.base}state/",
            "wd": str(WD),
            "wdt": str(WDT),
            "prov": str(PROV),
            "time": str(TIME),
            "oa": str(OA),
            "geo": str(GEO),
            "edtf": "http://id.loc.gov/datatypes/edtf/",
            "rdfs": str(RDFS),
            "xsd": str(XSD),
        }

    def node(self, kind: str, value: str) -> URIRef:
        return URIRef(f"{self.base}{kind}/{quote(value.replace(' ', '_'), safe='')}")

    def fact(self, fact_id: str) -> URIRef:
        return self.node("fact", fact_id)

    def document(self, document_id: str) -> URIRef:
        return self.node("document", document_id)


def graph(terms: Terms) -> Graph:
    """An empty graph with the export's prefixes bound."""
    made = Graph(bind_namespaces="none")
    for prefix, namespace in terms.prefixes().items():
        made.bind(prefix, Namespace(namespace))
    return made


def add_record(g: Graph, record: dict[str, Any], terms: Terms) -> None:
    """Add one interchange record's triples to ``g``."""
    bl = terms.bl
    fact = terms.fact(record["id"])
    kind = record["kind"]
    g.add((fact, RDF.type, bl[kind.capitalize()]))
    g.add((fact, RDF.type, PROV.Entity))
    g.add((fact, bl.confidence, _literal(float(record["confidence"]))))
    _provenance(g, fact, record, terms)
    entities = _entities(g, record, terms)
    for state in record.get("dyad") or ():
        g.add((fact, bl.dyad, _state(g, state, terms)))
    for name, value in record.items():
        if name in _COMMON or value is None:
            continue
        if name in _DATE_FIELDS:
            g.add((fact, _TIME_LINKS.get(name, bl[name]), _time(g, f"{fact}#{name}", value, bl)))
        elif name in entities:
            for node in entities[name]:
                g.add((fact, bl[name], node))
        else:
            for item in value if isinstance(value, list) else [value]:
                g.add((fact, bl[name], _literal(item)))
    _wikidata(g, fact, record, entities, terms)


def _literal(value: Any) -> Literal:
    """A literal; numbers with a fraction as exact xsd:decimal (doubles would be
    rounded by the Turtle writer)."""
    if isinstance(value, float):
        return Literal(Decimal(repr(value)))
    return Literal(value)


def _provenance(g: Graph, fact: URIRef, record: dict[str, Any], terms: Terms) -> None:
    document = terms.document(record["source"])
    g.add((document, RDF.type, PROV.Entity))
    g.add((document, terms.bl.sourcePath, Literal(record["source_path"])))
    agent = terms.node("extractor", record["extractor"])
    g.add((agent, RDF.type, PROV.SoftwareAgent))
    g.add((agent, RDFS.label, Literal(record["extractor"])))
    g.add((fact, PROV.wasAttributedTo, agent))
    g.add((fact, PROV.wasDerivedFrom, document))
    for i, span in enumerate(record.get("evidence") or ()):
        evidence = URIRef(f"{fact}#evidence-{i}")
        position = URIRef(f"{fact}#evidence-{i}-position")
        quote_ = URIRef(f"{fact}#evidence-{i}-quote")
        g.add((fact, PROV.wasDerivedFrom, evidence))
        g.add((evidence, RDF.type, PROV.Entity))
        g.add((evidence, RDF.type, OA.SpecificResource))
        g.add((evidence, PROV.wasQuotedFrom, document))
        g.add((evidence, OA.hasSource, document))
        g.add((evidence, OA.hasSelector, position))
        g.add((evidence, OA.hasSelector, quote_))
        g.add((position, RDF.type, OA.TextPositionSelector))
        g.add((position, OA.start, Literal(int(span["start"]))))
        g.add((position, OA.end, Literal(int(span["end"]))))
        g.add((quote_, RDF.type, OA.TextQuoteSelector))
        g.add((quote_, OA.exact, Literal(span["text"])))


def _entities(g: Graph, record: dict[str, Any], terms: Terms) -> dict[str, list[URIRef]]:
    """The record's fields that name states, organisations or people, as nodes."""
    found: dict[str, list[URIRef]] = {}
    for role, declared, value in entity_mentions(fact_from_record(record)):
        kind = _actor_kind(value) if declared == "actor" else declared
        if kind == "state":
            node = _state(g, value, terms)
        elif kind == "person":
            node = terms.node("person", value)
            g.add((node, RDF.type, WD.Q5))
            g.add((node, RDFS.label, Literal(value)))
        else:
            node = terms.node(kind, value)
            g.add((node, RDFS.label, Literal(value)))
        if node not in found.setdefault(role, []):
            found[role].append(node)
    return found


def _actor_kind(value: str) -> str:
    """What an actor id names, by the interchange format's conventions: ISO codes
    are states, acronyms organisations, names with spaces people."""
    if re.fullmatch(r"[A-Z]{2}", value):
        return "state"
    if re.fullmatch(r"[A-Z][A-Z0-9&-]+", value):
        return "organization"
    if " " in value or value[:1].isupper():
        return "person"
    return "actor"


def _state(g: Graph, code: str, terms: Terms) -> URIRef:
    node = terms.node("state", code)
    if re.fullmatch(r"[A-Z]{2}", code):
        g.add((node, WDT.P297, Literal(code)))
    g.add((node, RDFS.label, Literal(code)))
    return node


def _time(g: Graph, iri: str, edtf: str, bl: Namespace) -> URIRef:
    """An OWL-Time instant (or interval, for ``a/b``) for an EDTF value."""
    node = URIRef(iri)
    g.add((node, bl.edtf, Literal(edtf, datatype=EDTF)))
    if "/" in edtf:
        first, last = edtf.split("/", 1)
        g.add((node, RDF.type, TIME.ProperInterval))
        if first and first != "..":
            g.add((node, TIME.hasBeginning, _time(g, f"{iri}-beginning", first, bl)))
        if last and last != "..":
            g.add((node, TIME.hasEnd, _time(g, f"{iri}-end", last, bl)))
        return node
    g.add((node, RDF.type, TIME.Instant))
    for pattern, link, datatype in _XSD_FORMS:
        if pattern.match(edtf):
            g.add((node, link, Literal(edtf, datatype=datatype)))
    return node


def _wikidata(
    g: Graph,
    fact: URIRef,
    record: dict[str, Any],
    entities: dict[str, list[URIRef]],
    terms: Terms,
) -> None:
    """The Wikidata statements a fact amounts to."""
    kind = record["kind"]
    if kind == "dyad":
        a, b = entities["a"][0], entities["b"][0]
        g.add((a, WDT.P530, b))
        g.add((b, WDT.P530, a))
    elif kind == "mission":
        sender, host = entities["sender"][0], entities["host"][0]
        g.add((sender, WDT.P531, fact))
        g.add((fact, WDT.P137, sender))
        g.add((fact, WDT.P17, host))
        if record.get("type") == "embassy":
            g.add((fact, WDT.P31, WD.Q3917681))
        if record.get("geonameid") is not None:
            place = terms.node("place", f"geonames-{record['geonameid']}")
            g.add((fact, WDT.P276, place))
            g.add((place, RDFS.label, Literal(record["city"])))
            g.add((place, WDT.P1566, Literal(str(record["geonameid"]))))
            if record.get("latitude") is not None and record.get("longitude") is not None:
                point = f"Point({record['longitude']} {record['latitude']})"
                g.add((place, WDT.P625, Literal(point, datatype=GEO.wktLiteral)))
    elif kind == "membership":
        organization = entities["organization"][0]
        for member in entities.get("members", ()):
            g.add((member, WDT.P463, organization))


def _batches(records: Iterable[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    stream = iter(records)
    while batch := list(islice(stream, BATCH)):
        yield batch


def _batch_graph(batch: list[dict[str, Any]], terms: Terms) -> Graph:
    g = graph(terms)
    for record in batch:
        add_record(g, record, terms)
    return g


def write_turtle(records: Iterable[dict[str, Any]], out: TextIO, base: str = DEFAULT_BASE) -> int:
    """Write records as Turtle, a batch at a time; return how many."""
    terms = Terms(base)
    for prefix, namespace in terms.prefixes().items():
        out.write(f"@prefix {prefix}: <{namespace}> .\n")
    count = 0
    for batch in _batches(records):
        text = _batch_graph(batch, terms).serialize(format="turtle")
        body = "\n".join(line for line in text.splitlines() if not line.startswith("@prefix"))
        out.write("\n" + body.strip() + "\n")
        count += len(batch)
    return count


def write_jsonld(records: Iterable[dict[str, Any]], out: TextIO, base: str = DEFAULT_BASE) -> int:
    """Write records as one JSON-LD document whose ``@graph`` is filled a batch at a time."""
    terms = Terms(base)
    context = terms.prefixes()
    out.write('{"@context": ' + json.dumps(context) + ', "@graph": [')
    count = 0
    first = True
    for batch in _batches(records):
        text = _batch_graph(batch, terms).serialize(format="json-ld", context=context)
        data = json.loads(text)
        nodes = data.get("@graph", [data]) if isinstance(data, dict) else data
        for node in sorted(nodes, key=lambda n: str(n.get("@id", ""))):
            node.pop("@context", None)
            out.write(("\n" if first else ",\n") + json.dumps(node, ensure_ascii=False))
            first = False
        count += len(batch)
    out.write("\n]}\n")
    return count


__all__ = ["DEFAULT_BASE", "Terms", "add_record", "graph", "write_jsonld", "write_turtle"]
