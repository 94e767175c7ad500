"""The held-out date gold loads, and every span matches the paragraph text it points into."""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

import pytest

from tests.gold.heldout import SHARED, load_gold, paragraph, paragraphs

pytestmark = pytest.mark.corpus

RDCR = "corpus/historyatstate/rdcr/articles/"
WIKI = "corpus/wikitext/foreign-relations/Foreign relations of "

# The EDTF forms the conventions in HELDOUT.md use (levels 0 and 1).
_DATE = r"-?\d{4}(?:-(?:0[1-9]|1[0-2]|2[1-4])(?:-(?:0[1-9]|[12]\d|3[01]))?)?[~?%]?"
_UNSPEC = r"\d{3}X|\d{2}XX"
_POINT = rf"(?:{_DATE}|{_UNSPEC})"
EDTF = re.compile(rf"^(?:{_POINT}|{_POINT}/{_POINT}|\.\./{_DATE}|{_DATE}/\.\.)$")


@pytest.fixture(scope="module")
def gold() -> list[dict[str, object]]:
    return load_gold()


def _family(source: str) -> str:
    if source.startswith(RDCR):
        return "rdcr"
    if source.startswith(WIKI):
        return "wikitext"
    raise AssertionError(f"unexpected source {source}")


def test_spans_match_paragraph_text(gold: list[dict[str, object]]) -> None:
    for item in gold:
        text = paragraph(str(item["source"]), int(str(item["paragraph"])))
        start, end = int(str(item["start"])), int(str(item["end"]))
        assert text[start:end] == item["text"], item


def test_items_are_well_formed(gold: list[dict[str, object]]) -> None:
    keys = {"source", "paragraph", "start", "end", "text", "edtf"}
    for item in gold:
        assert set(item) == keys, item
        assert (SHARED / str(item["source"])).is_file(), item
        assert str(item["text"]).strip() == item["text"] and item["text"], item
        assert item["edtf"] == "" or EDTF.match(str(item["edtf"])), item


def test_spans_do_not_overlap(gold: list[dict[str, object]]) -> None:
    by_paragraph: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for item in gold:
        key = (str(item["source"]), int(str(item["paragraph"])))
        by_paragraph.setdefault(key, []).append((int(str(item["start"])), int(str(item["end"]))))
    for key, spans in by_paragraph.items():
        spans.sort()
        for (_, end), (start, _) in pairwise(spans):
            assert end <= start, key


def test_coverage(gold: list[dict[str, object]]) -> None:
    distinct = {(str(i["source"]), int(str(i["paragraph"]))) for i in gold}
    assert len(distinct) >= 25
    families = Counter(_family(source) for source, _ in distinct)
    assert families["rdcr"] >= 12
    assert families["wikitext"] >= 12


def test_sources_are_held_out_files(gold: list[dict[str, object]]) -> None:
    """Only RDCR articles m–z and wikitext pages N–Z (ignoring a leading "the ")."""
    for source in {str(i["source"]) for i in gold}:
        if _family(source) == "rdcr":
            name = source[len(RDCR) :]
            assert "m" <= name[0] <= "z", source
        else:
            name = source[len(WIKI) :].removeprefix("the ")
            assert "N" <= name[0].upper() <= "Z", source


def test_loader_is_deterministic() -> None:
    source = RDCR + "peru.xml"
    assert paragraphs(source) == paragraphs(source)
    assert paragraph(source, 1).startswith("The independence of Peru was recognized")
    wiki = WIKI + "Peru.json"
    assert paragraph(wiki, 0).startswith("The foreign relations of Peru are managed")
    assert all(p and p == " ".join(p.split()) for p in paragraphs(wiki))
