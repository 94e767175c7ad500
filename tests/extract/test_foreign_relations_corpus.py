"""The shared "Foreign relations of X" pages, ingested whole with the reference article."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from bilateral.extract.foreign_relations.names import StateNames
from bilateral.kb import IngestReport, KnowledgeBase
from bilateral.model.document import BlockKind, Document, LinkKind
from bilateral.model.edtf import parse, truncate
from bilateral.model.facts import Dyad, Event, fact_from_record
from bilateral.readers.registry import read_documents
from tests.conftest import SEED, SHARED

PAGES = SHARED / "corpus" / "wikitext" / "foreign-relations"
PERU = PAGES / "Foreign relations of Peru.json"
pytestmark = pytest.mark.corpus

_MONTHS = {name: number for number, name in enumerate(calendar.month_name) if name}
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2}) ([A-Z][a-z]+) (\d{4})$")
_MONTH_YEAR = re.compile(r"^([A-Z][a-z]+) (\d{4})$")
_YEAR = re.compile(r"^(\d{4})$")


@pytest.fixture(scope="module")
def ingested(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[KnowledgeBase, IngestReport]]:
    db = tmp_path_factory.mktemp("network") / "corpus.sqlite"
    with KnowledgeBase(str(db)) as kb:
        yield kb, kb.ingest([PAGES, SEED])


def test_every_page_ingests_without_an_error(ingested: tuple[KnowledgeBase, IngestReport]) -> None:
    _, report = ingested
    assert report.failed == []
    assert report.count("added") == 107
    own = [p for f in report.files for p in f.problems if p.startswith("foreign-relations")]
    assert own == []


def test_every_page_is_reported_with_its_rows_dates_and_missions(
    ingested: tuple[KnowledgeBase, IngestReport],
) -> None:
    kb, report = ingested
    pages = kb.page_reports(report)
    assert len(pages) == 106
    rows = sum(p.counts["rows"] for p in pages)
    dated = sum(p.counts["dated_rows"] for p in pages)
    missions = sum(p.counts["missions"] for p in pages)
    assert rows > 20_000 and dated > 0.9 * rows and missions > 10_000


def _expected(text: str) -> str | None:
    """The EDTF of a date cell written as "6 July 1822", "March 1966" or "1983" (other
    shapes: None)."""
    full = _DAY_MONTH_YEAR.match(text.strip())
    if full and full.group(2) in _MONTHS:
        return f"{full.group(3)}-{_MONTHS[full.group(2)]:02d}-{int(full.group(1)):02d}"
    month = _MONTH_YEAR.match(text.strip())
    if month and month.group(1) in _MONTHS:
        return f"{month.group(2)}-{_MONTHS[month.group(1)]:02d}"
    year = _YEAR.match(text.strip())
    return year.group(1) if year else None


def _peru_rows(document: Document) -> Iterator[tuple[str, str]]:
    """(flag target, date cell text) of each row of Peru's partner tables."""
    for _, block in document.blocks_of(BlockKind.TABLE):
        for number, row in enumerate(block.rows):
            if number in block.header_rows or len(row) < 2:
                continue
            column = (
                1 if len(row) == 3 and document.slice(row[0]).strip("—0123456789 ") == "" else 0
            )
            flags = [
                link.target
                for link in document.links
                if link.kind is LinkKind.FLAG
                and row[column].start - 1 <= link.span.start <= row[column].end
            ]
            if flags:
                yield flags[0], document.slice(row[column + 1])


def test_every_row_of_perus_tables_yields_a_dyad_with_the_right_date(
    ingested: tuple[KnowledgeBase, IngestReport],
) -> None:
    kb, _ = ingested
    document = next(read_documents(PERU))
    records = [fact_from_record(r) for r in kb.store.facts(document_id=document.id)]
    dyads = {f.dyad for f in records if isinstance(f, Dyad)}
    began: dict[tuple[str, str] | None, list[str]] = {}
    for fact in records:
        if isinstance(fact, Event) and fact.mode == "establish-relations" and fact.date:
            began.setdefault(fact.dyad, []).append(fact.date)
    rows = list(_peru_rows(document))
    assert len(rows) > 290
    checked = 0
    for target, date_text in rows:
        partner = StateNames(kb.registry).resolve(target)
        if partner is None:  # the European Union's row: not a state
            continue
        pair = (min("PE", partner), max("PE", partner))
        assert pair in dyads, target
        expected = _expected(date_text)
        if expected is not None:
            # the row's date, or a finer one the row's notes give that agrees with it
            precision = parse(expected).precision
            dates = began.get(pair, [])
            assert any(truncate(d, precision) == expected for d in dates), (target, date_text)
            checked += 1
    assert checked > 280


def test_perus_united_states_row_agrees_with_the_reference_articles_missions(
    ingested: tuple[KnowledgeBase, IngestReport],
) -> None:
    kb, _ = ingested
    report = kb.consistency(["PE", "US"])
    page = next(s for s, title in report.sources.items() if title == "Foreign relations of Peru")
    agreed = {
        f.value_a
        for f in report.findings
        if f.topic == "mission" and f.status == "agree" and page in (f.source_a, f.source_b)
    }
    assert agreed == {"embassy in Lima", "consular-agency in Cusco"}
    assert not [f for f in report.findings if f.topic == "mission" and f.status == "conflict"]


def test_the_cross_page_check_states_whether_the_dates_agree(
    ingested: tuple[KnowledgeBase, IngestReport],
) -> None:
    kb, _ = ingested
    report = kb.consistency(["Peru", "United States"])
    titles = report.sources
    began = [f for f in report.findings if f.topic == "establish-relations"]
    between_pages = {
        (f.status, f.value_a, f.value_b)
        for f in began
        if {titles[f.source_a], titles[f.source_b]}
        == {"Foreign relations of Peru", "Foreign relations of the United States"}
    }
    # Both pages list 21 May 1827; Peru's Americas table says 2 May 1826, the US one 1826.
    assert ("agree", "1827-05-21", "1827-05-21") in between_pages
    assert any(status == "agree" and "1826" in a + b for status, a, b in between_pages)
    within = {(f.value_a, f.value_b) for f in began if f.scope == "within"}
    assert ("1827-05-21", "1826-05-02") in within


def test_the_network_has_every_state_the_pages_name(
    ingested: tuple[KnowledgeBase, IngestReport], tmp_path: Path
) -> None:
    kb, _ = ingested
    exported = kb.network("csv")
    assert exported.nodes > 190 and exported.edges > 15_000
