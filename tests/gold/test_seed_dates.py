"""The date tagger on every date expression of the reference article."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bilateral.kb import date_expressions
from tests.conftest import SEED
from tests.gold.scoring import Item, Scores, report, score

GOLD = Path(__file__).resolve().parent / "seed_dates.jsonl"

pytestmark = pytest.mark.corpus


def _gold() -> list[dict[str, Any]]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="module")
def scores() -> Scores:
    gold: list[Item] = [("seed", g["start"], g["end"], g["edtf"]) for g in _gold()]
    found: list[Item] = [("seed", s.start, s.end, s.edtf) for s in date_expressions(SEED)]
    return report("seed gold (tests/gold/seed_dates.jsonl)", score(found, gold))


def test_gold_spans_are_the_article_text() -> None:
    text = SEED.read_bytes().decode("utf-8")
    for item in _gold():
        assert text[item["start"] : item["end"]] == item["text"]


def test_precision_is_at_least_098(scores: Scores) -> None:
    assert scores.precision >= 0.98, str(scores)


def test_recall_is_at_least_098(scores: Scores) -> None:
    assert scores.recall >= 0.98, str(scores)


def test_span_only_scores_are_at_least_the_strict_ones(scores: Scores) -> None:
    assert scores.span_precision >= scores.precision
    assert scores.span_recall >= scores.recall
