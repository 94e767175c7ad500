"""The date tagger on the second gold of HELDOUT2.md, now development data.

The gold was written after the tagger took up the conventions of HELDOUT.md,
by an annotator who did not see the tagger, its lexicons, its seed gold, the
first held-out gold's annotations or its output. It was measured fresh once,
when it was committed (2026-11-27): P 0.913 R 0.905 (span only: P 0.922
R 0.914; 346 found, 349 in gold), and 0.911/0.911 (span only 0.920/0.920) on
a later run of the same tagger. Its errors were then read and the rules fixed
on them (2026-11-27), so it is no longer held out: like test_dev_dates.py,
this test now guards the rules developed on it. After the fixes: P 1.000
R 0.997 (span only the same; 348 found, 349 in gold); the one miss is a bare
three-digit year in a table cell ("960 (Song)"), which no general rule reads.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from itertools import pairwise
from pathlib import Path

import pytest

from bilateral.extract.dates import tag_dates
from tests.gold.heldout import GOLD, SHARED, load_gold, paragraph
from tests.gold.scoring import Item, Scores, report, score

TARGET = 0.98
GOLD2 = Path(__file__).resolve().parent / "heldout2_dates.jsonl"

RDCR = "corpus/historyatstate/rdcr/articles/"
WIKI = "corpus/wikitext/foreign-relations/Foreign relations of "

# The EDTF forms of the conventions (levels 0 and 1), with a day of an unknown
# month ("1976-XX-XX", README: a numeric date whose order is unclear).
_DATE = r"-?\d{4}(?:-(?:0[1-9]|1[0-2]|2[1-4])(?:-(?:0[1-9]|[12]\d|3[01]))?)?[~?%]?"
_UNSPEC = r"\d{3}X|\d{2}XX|\d{4}-XX-XX"
_POINT = rf"(?:{_DATE}|{_UNSPEC})"
EDTF = re.compile(rf"^(?:{_POINT}|{_POINT}/{_POINT}|\.\./{_DATE}|{_DATE}/\.\.)$")

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not SHARED.is_dir(), reason=f"the shared corpus is not at {SHARED}"),
]


@pytest.fixture(scope="module")
def gold() -> list[dict[str, object]]:
    return load_gold(GOLD2)


def _key(item: dict[str, object]) -> tuple[str, int]:
    return str(item["source"]), int(str(item["paragraph"]))


def _family(source: str) -> str:
    if source.startswith(RDCR):
        return "rdcr"
    if source.startswith(WIKI):
        return "wikitext"
    raise AssertionError(f"unexpected source {source}")


# --- the gold is consistent with the loader ---------------------------------


def test_spans_match_paragraph_text(gold: list[dict[str, object]]) -> None:
    for item in gold:
        text = paragraph(*_key(item))
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
        span = (int(str(item["start"])), int(str(item["end"])))
        by_paragraph.setdefault(_key(item), []).append(span)
    for key, spans in by_paragraph.items():
        spans.sort()
        for (_, end), (start, _) in pairwise(spans):
            assert end <= start, key


def test_coverage(gold: list[dict[str, object]]) -> None:
    distinct = {_key(item) for item in gold}
    assert len(distinct) >= 30
    families = Counter(_family(source) for source, _ in distinct)
    assert families["rdcr"] >= 15
    assert families["wikitext"] >= 15
    assert len({source for source, _ in distinct}) >= 15


def test_sources_are_held_out_files(gold: list[dict[str, object]]) -> None:
    """Only RDCR articles m–z and wikitext pages N–Z (ignoring a leading "the ")."""
    for source in {str(item["source"]) for item in gold}:
        if _family(source) == "rdcr":
            assert "m" <= source[len(RDCR)][0] <= "z", source
        else:
            name = source[len(WIKI) :].removeprefix("the ")
            assert "N" <= name[0].upper() <= "Z", source


def test_no_paragraph_of_the_first_held_out_gold() -> None:
    """Only the locators of heldout_dates.jsonl are read, never its annotations."""
    first: set[tuple[str, int]] = set()
    with GOLD.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                first.add((str(record["source"]), int(record["paragraph"])))
    assert not {_key(item) for item in load_gold(GOLD2)} & first


# --- the tagger measured on it ----------------------------------------------


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
    name = "second gold, now development (tests/gold/heldout2_dates.jsonl)"
    return report(name, score(found, expected))


def test_precision_reaches_the_target(scores: Scores) -> None:
    assert scores.precision >= TARGET, str(scores)


def test_recall_reaches_the_target(scores: Scores) -> None:
    assert scores.recall >= TARGET, str(scores)
