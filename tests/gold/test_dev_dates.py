"""The date tagger on the development gold (DEV.md): paragraphs of the development files.

The gold was annotated by hand, from the conventions of README.md and
HELDOUT.md, before the tagger was run on its paragraphs. Unlike the held-out
golds it may be studied: its errors are what the rules are developed on.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise
from pathlib import Path

import pytest

from bilateral.extract.dates import tag_dates
from tests.gold.heldout import SHARED, load_gold, paragraph
from tests.gold.scoring import Item, Scores, report, score

TARGET = 0.95
DEV = Path(__file__).resolve().parent / "dev_dates.jsonl"

RDCR = "corpus/historyatstate/rdcr/articles/"
WIKI = "corpus/wikitext/foreign-relations/Foreign relations of "

_DATE = r"-?\d{4}(?:-(?:0[1-9]|1[0-2]|2[1-4])(?:-(?:0[1-9]|[12]\d|3[01]))?)?[~?%]?"
_UNSPEC = r"-?\d{3}X|-?\d{2}XX|\d{4}-XX-XX"
_POINT = rf"(?:{_DATE}|{_UNSPEC})"
EDTF = re.compile(rf"^(?:{_POINT}|{_POINT}/{_POINT}|\.\./{_DATE}|{_DATE}/\.\.)$")

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not SHARED.is_dir(), reason=f"the shared corpus is not at {SHARED}"),
]


@pytest.fixture(scope="module")
def gold() -> list[dict[str, object]]:
    return load_gold(DEV)


def _key(item: dict[str, object]) -> tuple[str, int]:
    return str(item["source"]), int(str(item["paragraph"]))


def _family(source: str) -> str:
    if source.startswith(RDCR):
        return "rdcr"
    if source.startswith(WIKI):
        return "wikitext"
    raise AssertionError(f"unexpected source {source}")


def test_spans_match_paragraph_text(gold: list[dict[str, object]]) -> None:
    for item in gold:
        start, end = int(str(item["start"])), int(str(item["end"]))
        assert paragraph(*_key(item))[start:end] == item["text"], item


def test_items_are_well_formed(gold: list[dict[str, object]]) -> None:
    keys = {"source", "paragraph", "start", "end", "text", "edtf"}
    for item in gold:
        assert set(item) == keys, item
        assert str(item["text"]).strip() == item["text"] and item["text"], item
        assert item["edtf"] == "" or EDTF.match(str(item["edtf"])), item


def test_spans_do_not_overlap(gold: list[dict[str, object]]) -> None:
    by_paragraph: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for item in gold:
        span = (int(str(item["start"])), int(str(item["end"])))
        by_paragraph.setdefault(_key(item), []).append(span)
    for key, spans in by_paragraph.items():
        spans.sort()
        for (_, end), (start, _) in pairwise(spans):
            assert end <= start, key


def test_coverage(gold: list[dict[str, object]]) -> None:
    distinct = {_key(item) for item in gold}
    assert len(distinct) >= 40
    families = Counter(_family(source) for source, _ in distinct)
    assert families["rdcr"] >= 15
    assert families["wikitext"] >= 15


def test_sources_are_development_files(gold: list[dict[str, object]]) -> None:
    """Only RDCR articles a–l and wikitext pages A–M (ignoring a leading "the ")."""
    for source in {str(item["source"]) for item in gold}:
        if _family(source) == "rdcr":
            assert "a" <= source[len(RDCR)][0] <= "l", source
        else:
            name = source[len(WIKI) :].removeprefix("the ")
            assert "A" <= name[0].upper() <= "M", source


@pytest.fixture(scope="module")
def scores(gold: list[dict[str, object]]) -> Scores:
    keys = sorted({_key(item) for item in gold})
    expected: list[Item] = [
        (_key(g), int(str(g["start"])), int(str(g["end"])), str(g["edtf"])) for g in gold
    ]
    found: list[Item] = [
        (key, span.start, span.end, span.edtf)
        for key in keys
        for span in tag_dates(paragraph(*key))
    ]
    return report("development gold (tests/gold/dev_dates.jsonl)", score(found, expected))


def test_precision_reaches_the_target(scores: Scores) -> None:
    assert scores.precision >= TARGET, str(scores)


def test_recall_reaches_the_target(scores: Scores) -> None:
    assert scores.recall >= TARGET, str(scores)
