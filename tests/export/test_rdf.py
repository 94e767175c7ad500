"""RDF exports: Turtle and JSON-LD that parse, say the same triples, line up with
Wikidata, keep provenance (PROV-O, character offsets) and honest dates (OWL-Time
with EDTF); the Peru–United States article answers SPARQL questions."""

import io
import warnings
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import XSD

from bilateral.export import rdf
from bilateral.kb import KnowledgeBase
from tests.conftest import SEED

BL = Namespace("urn:bilateral:vocab#")
PREFIXES = """
PREFIX bl: <urn:bilateral:vocab#>
PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX time: <http://www.w3.org/2006/time#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""


def exported(kb: KnowledgeBase, format: str, **filters: object) -> Graph:
    out = io.StringIO()
    kb.export(format, out, **filters)  # type: ignore[arg-type]
    graph = Graph()
    with warnings.catch_warnings():  # rdflib's own JSON-LD parser uses a deprecated class
        warnings.filterwarnings("ignore", "ConjunctiveGraph is deprecated", DeprecationWarning)
        graph.parse(data=out.getvalue(), format="turtle" if format == "turtle" else "json-ld")
    return graph


@pytest.fixture
def filled(kb: KnowledgeBase, article_file: Path) -> KnowledgeBase:
    kb.ingest([article_file])
    return kb


def test_turtle_and_json_ld_hold_the_same_triples(filled: KnowledgeBase) -> None:
    turtle = exported(filled, "turtle")
    assert len(turtle) > 100
    assert turtle.isomorphic(exported(filled, "jsonld"))


def test_the_same_knowledge_base_always_gives_the_same_turtle(filled: KnowledgeBase) -> None:
    first, second = io.StringIO(), io.StringIO()
    filled.export("turtle", first)
    filled.export("turtle", second)
    assert first.getvalue() == second.getvalue()


def test_a_dyad_is_a_wikidata_diplomatic_relation_between_iso_coded_states(
    filled: KnowledgeBase,
) -> None:
    graph = exported(filled, "turtle", kinds=["dyad"])
    rows = graph.query(
        PREFIXES + 'SELECT ?b WHERE { ?a wdt:P297 "CL" ; wdt:P530 ?s . ?s wdt:P297 ?b }'
    )
    assert [str(r.b) for r in rows] == ["JP"]


def test_every_fact_is_derived_from_character_offsets_of_its_document(
    filled: KnowledgeBase,
) -> None:
    graph = exported(filled, "turtle")
    text = next(filled.store.document_text(d.id) for d in filled.sources())
    assert text is not None
    rows = list(
        graph.query(
            PREFIXES
            + """SELECT ?fact ?start ?end ?exact WHERE {
                ?fact a prov:Entity ; prov:wasAttributedTo ?agent ; prov:wasDerivedFrom ?ev .
                ?agent a prov:SoftwareAgent .
                ?ev prov:wasQuotedFrom ?doc ; oa:hasSelector ?p, ?q .
                ?p oa:start ?start ; oa:end ?end . ?q oa:exact ?exact .
            }"""
        )
    )
    assert len({r.fact for r in rows}) == 7
    for row in rows:
        assert text[int(row.start) : int(row.end)] == str(row.exact)


def test_a_year_is_an_instant_with_its_edtf_and_xsd_year_only() -> None:
    graph = rdf.graph(rdf.Terms())
    node = rdf._time(graph, "urn:x#date", "1897", BL)
    assert (node, BL.edtf, Literal("1897", datatype=rdf.EDTF)) in graph
    assert graph.value(node, URIRef("http://www.w3.org/2006/time#inXSDgYear")) == Literal(
        "1897", datatype=XSD.gYear
    )
    assert graph.value(node, URIRef("http://www.w3.org/2006/time#inXSDDate")) is None


@pytest.mark.parametrize("edtf", ["198X", "1839?"])
def test_imprecise_dates_keep_only_their_edtf(edtf: str) -> None:
    graph = rdf.graph(rdf.Terms())
    node = rdf._time(graph, "urn:x#date", edtf, BL)
    xsd = {o for _, p, o in graph.triples((node, None, None)) if "inXSD" in str(p)}
    assert xsd == set()


def test_an_interval_has_a_beginning_and_an_end() -> None:
    graph = rdf.graph(rdf.Terms())
    node = rdf._time(graph, "urn:x#date", "1879/1884", BL)
    time = Namespace("http://www.w3.org/2006/time#")
    beginning = graph.value(node, time.hasBeginning)
    end = graph.value(node, time.hasEnd)
    assert graph.value(beginning, time.inXSDgYear) == Literal("1879", datatype=XSD.gYear)
    assert graph.value(end, time.inXSDgYear) == Literal("1884", datatype=XSD.gYear)


def test_the_base_iri_is_a_setting(filled: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BILATERAL_RDF_BASE", "https://kb.example.org/")
    graph = exported(filled, "turtle", kinds=["dyad"])
    assert all(str(s).startswith("https://kb.example.org/") for s in graph.subjects(unique=True))


@pytest.mark.corpus
def test_turtle_of_peru_us_answers_us_envoys_to_peru_with_start_dates(
    kb: KnowledgeBase,
) -> None:
    kb.ingest([SEED])
    graph = exported(kb, "turtle", dyad=["Peru", "United States"])
    rows = graph.query(
        PREFIXES
        + """SELECT ?name ?start WHERE {
            ?envoy a bl:Envoy ; bl:sender ?us ; bl:receiver ?peru ; bl:person ?person ;
                   time:hasBeginning ?beginning .
            ?us wdt:P297 "US" . ?peru wdt:P297 "PE" .
            ?person a wd:Q5 ; rdfs:label ?name .
            ?beginning bl:edtf ?start .
        } ORDER BY ?start"""
    )
    assert [(str(r.name), str(r.start)) for r in rows] == [
        ("James Cooley", "1826-05-02"),
        ("J.C. Pickett", "1838-06-08"),
        ("William E. Gonzales", "1920-04-24"),
    ]


@pytest.mark.corpus
def test_peru_us_missions_are_wikidata_missions_with_places(kb: KnowledgeBase) -> None:
    kb.ingest([SEED])
    graph = exported(kb, "turtle", dyad=["PE", "US"], kinds=["mission"])
    rows = graph.query(
        PREFIXES
        + """SELECT ?city WHERE {
            ?us wdt:P297 "US" ; wdt:P531 ?mission .
            ?mission wdt:P137 ?us ; wdt:P31 wd:Q3917681 ; wdt:P276 ?place .
            ?place rdfs:label ?city ; wdt:P1566 ?geonames ; wdt:P625 ?point .
        }"""
    )
    assert [str(r.city) for r in rows] == ["Lima"]
