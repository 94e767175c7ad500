"""The reference article against our own gold (tests/gold/seed_facts.jsonl).

The gold points into the article by offsets and short phrases; the targets
are those of issue 4: events recall >= 0.95 and precision >= 0.9, type
accuracy >= 0.85, every poll and statistic exact.
"""

from pathlib import Path

import pytest

from bilateral.extract.registry import default_pipeline
from bilateral.model.facts import fact_record
from bilateral.readers.registry import read_path
from tests.conftest import SEED
from tests.gold.fact_scoring import KindScore, load, score

pytestmark = pytest.mark.corpus
GOLD = Path(__file__).resolve().parents[1] / "gold" / "seed_facts.jsonl"


@pytest.fixture(scope="module")
def scores() -> dict[str, KindScore]:
    document = read_path(SEED)
    extracted = [fact_record(f) for f in default_pipeline().run(document).facts]
    return score(load(GOLD), extracted)


def test_gold_anchors_are_slices_of_the_article() -> None:
    text = SEED.read_bytes().decode("utf-8")
    for item in load(GOLD):
        anchor = item["anchor"]
        assert text[anchor["start"] : anchor["end"]] == anchor["text"]


def test_events_recall_and_precision(scores: dict[str, KindScore]) -> None:
    events = scores["event"]
    assert events.recall >= 0.95, events.misses
    assert events.precision >= 0.9


def test_event_types_are_mostly_right(scores: dict[str, KindScore]) -> None:
    assert scores["event"].accuracy("type") >= 0.85


def test_every_poll_and_statistic_is_exact(scores: dict[str, KindScore]) -> None:
    for kind in ("poll", "statistic"):
        result = scores[kind]
        assert result.exact == result.gold == result.extracted, (kind, result.misses)


@pytest.mark.parametrize("kind", ["assessment", "membership", "agreement", "envoy"])
def test_other_kinds_are_all_found(scores: dict[str, KindScore], kind: str) -> None:
    assert scores[kind].recall == 1.0, scores[kind].misses
