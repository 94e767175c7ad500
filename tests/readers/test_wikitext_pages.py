"""The wikitext reader on whole pages: the standard pipeline, random markup, the shared pages."""

import re
from pathlib import Path

import mwparserfromhell
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bilateral.errors import EmptyInput
from bilateral.extract.registry import default_pipeline
from bilateral.model.document import BlockKind, Document
from bilateral.model.facts import Envoy, Mission
from bilateral.model.span import Span
from bilateral.readers.outline import read_outline
from bilateral.readers.registry import read_path
from bilateral.readers.wikitext import read_wikitext
from bilateral.readers.wikitext.nodes import forget_sizes, size
from bilateral.readers.wikitext.reader import read_wikitext_text
from tests.conftest import ARTICLE, SHARED

# The conftest article again, as wikitext.
WIKI_ARTICLE = """{{Short description|Bilateral relations}}
{{Infobox bilateral relations
| map = Chile Japan Locator.png
| mission2 = Embassy of Japan, Santiago
| envoy1 = [[Ana Rojas]]
| envoytitle1 = Chilean Ambassador to Japan
| mission1 = Embassy of Chile, Tokyo
| envoytitle2 = Japanese Ambassador to Chile
| envoy2 = Kenji Sato<ref>{{cite web|title=Embassy}}</ref>
}}
'''Chile–Japan relations''': [[Chile]] and [[Japan]] opened relations in 1897. The U.S. was \
not involved.

== Resident diplomatic missions ==
;Diplomatic missions of Chile in Japan
* [[Tokyo]] (Embassy)
* [[Osaka]] (Consulate-General)

;Diplomatic missions of Japan in Chile
* [[Santiago]] (Embassy)
"""


def facts_of(document: Document) -> tuple[set[tuple[object, ...]], set[tuple[object, ...]]]:
    result = default_pipeline().run(document)
    assert result.problems == ()
    for fact in result.facts:
        for evidence in fact.evidence:
            assert document.text[evidence.start : evidence.end] == evidence.text
    envoys = {
        (f.sender, f.receiver, f.person, f.title, f.rank, f.current)
        for f in result.facts
        if isinstance(f, Envoy)
    }
    missions = {(f.sender, f.host, f.city, f.type) for f in result.facts if isinstance(f, Mission)}
    return envoys, missions


def test_a_wikitext_infobox_gives_the_same_envoys_and_missions_as_the_outline() -> None:
    wiki = read_wikitext(WIKI_ARTICLE.encode(), "pages/Chile–Japan relations.wiki")
    outline = read_outline(ARTICLE.encode(), "chile-japan.txt")
    assert facts_of(wiki) == facts_of(outline)
    envoys, missions = facts_of(wiki)
    assert ("CL", "JP", "Ana Rojas", "Chilean Ambassador to Japan", "ambassador", True) in envoys
    assert ("CL", "JP", "Osaka", "consulate-general") in missions


def test_infobox_evidence_points_into_the_wikitext() -> None:
    wiki = read_wikitext(WIKI_ARTICLE.encode(), "Chile–Japan relations.wiki")
    result = default_pipeline().run(wiki)
    rojas = next(f for f in result.facts if isinstance(f, Envoy) and f.person == "Ana Rojas")
    assert [e.text for e in rojas.evidence] == ["[[Ana Rojas]]", "Chilean Ambassador to Japan"]


# -- random markup -----------------------------------------------------------------------

TOKENS = [
    "{{", "}}", "{{{", "}}}", "[[", "]]", "|", "||", "!", "!!", "=", "==", "===", "\n", "\n\n",
    "*", "#", ";", ":", "{|", "|}", "|-", "|+", "<ref>", "</ref>", '<ref name="a"/>', "'''",
    "''", "&nbsp;", "&amp;", "&#x2013;", "&bogus;", "<br>", "<!--", "-->", "flag|", "dts|",
    "start date|", "Infobox x\n|", "convert|", "efn|", "Main|", "rowspan=2 |", "colspan=3|",
    "File:", "[http://x.org ", "]", "[", "<table>", "<tr>", "<td>", "</td>", "</tr>",
    "</table>", "<nowiki>", "</nowiki>", "<div>", "</div>", "a", "Peru", " ", ".", "1822",
    "7", "–", "é", "\u00a0", "__NOTOC__", "~~~~",
]  # fmt: skip


def spans_of(document: Document) -> list[Span]:
    spans = [b.span for b in document.blocks] + [s.span for s in document.sentences]
    for block in document.blocks:
        spans += list(block.items) + [cell for row in block.rows for cell in row]
        spans += [f.key_span for f in block.fields] + [f.value_span for f in block.fields]
    spans += [section.span for section in document.sections]
    spans += [s.heading for s in document.sections if s.heading is not None]
    spans += [link.span for link in document.links]
    return spans


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(TOKENS) | st.text(max_size=5), max_size=60))
def test_random_wikitext_never_crashes_and_offsets_stay_in_range(parts: list[str]) -> None:
    text = "".join(parts)
    try:
        document = read_wikitext_text(text, "random.wiki")
    except EmptyInput:
        assert not text.replace("\ufeff", "").strip()
        return
    assert document.text == text
    plain, source = len(document.plain), len(document.text)
    for span in spans_of(document):
        assert 0 <= span.start <= span.end <= plain
        original = document.original(span)
        assert 0 <= original.start <= original.end <= source
    for citation in document.citations:
        assert 0 <= citation.anchor <= plain
        assert citation.source.end <= source
        assert citation.sentence is None or citation.sentence < len(document.sentences)
    for link in document.links:
        assert link.source.end <= source


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(TOKENS) | st.text(max_size=5), max_size=60))
def test_node_sizes_measured_from_parts_equal_their_text(parts: list[str]) -> None:
    code = mwparserfromhell.parse("".join(parts))
    try:
        for node in code.filter(recursive=True):
            assert size(node) == len(str(node))
    finally:
        forget_sizes()


# -- the shared pages --------------------------------------------------------------------

PAGES = SHARED / "corpus" / "wikitext" / "foreign-relations"


def readable(source: str) -> str:
    """Wikitext less the markup that can split a word: link targets, brackets, tags, quotes."""
    source = re.sub(r"\[\[[^\]|]*\|", "", source)
    return re.sub(r"\[\[|\]\]|<[^>]*>|''+", "", source)


def page_names() -> list[str]:
    return sorted(p.name for p in PAGES.glob("*.json")) if PAGES.is_dir() else ["(missing)"]


@pytest.mark.corpus
@pytest.mark.parametrize("name", page_names())
def test_every_shared_page_reads_with_tables_and_sentences_that_map_back(name: str) -> None:
    document = read_path(PAGES / name)
    assert document.title == Path(name).stem
    tables = [b for _, b in document.blocks_of(BlockKind.TABLE)]
    assert tables and any(len(table.rows) > 1 for table in tables)
    assert document.sentences
    for sentence in document.sentences:
        original = document.original(sentence.span)
        assert 0 <= original.start < original.end <= len(document.text)
        raw = original.of(document.text)
        source = readable(raw)
        for word in re.findall(r"\w+", document.slice(sentence.span)):
            assert word in source or "{{" in raw, word  # templates make up words ("As of")


@pytest.mark.corpus
def test_the_peru_page_lists_its_partners_in_tables() -> None:
    document = read_path(PAGES / "Foreign relations of Peru.json")
    rows = [
        [document.slice(cell) for cell in row]
        for _, table in document.blocks_of(BlockKind.TABLE)
        for row in table.rows
    ]
    assert ["7", "United States", "21 May 1827"] in rows
    assert any(row[:2] == ["Algeria", "10 March 1972"] for row in rows)
