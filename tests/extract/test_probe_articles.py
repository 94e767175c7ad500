"""Articles written for the project to probe text unlike the seed (tests/fixtures/articles).

Each was written before the extractors were run on it; what it exposed was
fixed by general rules with unit tests of their own. This keeps the facts
they now yield right (a subset: what a reader of the article would list).
"""

from pathlib import Path

import pytest

from bilateral.extract.registry import default_pipeline
from bilateral.model.facts import Envoy, Event, Mission
from bilateral.readers.registry import read_path

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"

Row = tuple[str | None, str | None, str | None, str | None]
EVENTS: dict[str, set[Row]] = {
    "kenya-norway.txt": {
        ("1963-12-12", "recognize", "NO", "KE"),
        ("1990", "sever-relations", "KE", "NO"),
        ("1990", "close-mission", "NO", "KE"),
        ("1996", "open-mission", "NO", "KE"),
        ("2018-03", "visit", "NO", "KE"),
        ("2019", "visit", "KE", "NO"),
    },
    "argentina-japan.txt": {
        ("1918", "open-mission", "JP", "AR"),
        ("1939", "upgrade-mission", "JP", "AR"),
        ("1944", "sever-relations", "AR", "JP"),
        ("1945-03", None, "AR", "JP"),
        ("1998", "visit", "AR", "JP"),
        ("2016", "visit", "JP", "AR"),
    },
    "australia-indonesia.txt": {
        ("1949-12", "recognize", "AU", "ID"),
        ("1950", "present-credentials", "AU", "ID"),
        ("2013-11", "recall-envoy", "ID", "AU"),
        ("2015", "recall-envoy", "AU", "ID"),
    },
    "india-nepal.txt": {
        ("1989", None, "IN", "NP"),
        ("2005", None, "IN", "NP"),
        ("2014", "visit", "IN", "NP"),
        ("2022-04", "visit", "NP", "IN"),
    },
    "france-vietnam.txt": {
        ("1993", "visit", "FR", "VN"),
        ("2013", "visit", "VN", "FR"),
        ("2016", "visit", "FR", "VN"),
        ("2018-03", "visit", "VN", "FR"),
    },
    "ghana-uk.txt": {
        ("1957-03-06", "recognize", "GB", "GH"),
        ("1957-03-06", "open-mission", "GB", "GH"),
        ("1961-11", "visit", "GB", "GH"),
        ("2018", "sign-agreement", "GB", "GH"),
    },
    "Germany–Mexico relations.wiki": {
        ("1827", "establish-relations", "MX", "prussia"),
        ("1942-05-22", None, "MX", "DE"),
        ("2016-06", None, "DE", "MX"),
    },
    "Foreign relations of Iceland.wiki": {
        ("1971-12-08", "establish-relations", "CN", "IS"),
        ("1995", "open-mission", "IS", "CN"),
    },
}
MISSIONS: dict[str, set[tuple[str, str, str]]] = {
    "kenya-norway.txt": {("KE", "NO", "non-resident"), ("NO", "KE", "embassy")},
    "argentina-japan.txt": {("AR", "JP", "embassy"), ("JP", "AR", "embassy")},
    "ghana-uk.txt": {("GH", "GB", "embassy"), ("GB", "GH", "embassy")},
    "france-vietnam.txt": {
        ("FR", "VN", "embassy"), ("FR", "VN", "consulate-general"), ("VN", "FR", "embassy")
    },
}  # fmt: skip


@pytest.fixture(scope="module")
def facts() -> dict[str, list[object]]:
    pipeline = default_pipeline()
    return {p.name: list(pipeline.run(read_path(p)).facts) for p in ARTICLES.iterdir()}


@pytest.mark.parametrize("name", sorted(EVENTS))
def test_the_events_a_reader_would_list_are_found(
    facts: dict[str, list[object]], name: str
) -> None:
    found = {(e.date, e.mode, e.actor, e.recipient) for e in facts[name] if isinstance(e, Event)}
    assert EVENTS[name] <= found, sorted(EVENTS[name] - found, key=str)


@pytest.mark.parametrize("name", sorted(MISSIONS))
def test_every_mission_is_found_once(facts: dict[str, list[object]], name: str) -> None:
    found = [(m.sender, m.host, m.type) for m in facts[name] if isinstance(m, Mission)]
    assert sorted(found) == sorted(MISSIONS[name])


def test_envoys_keep_their_rank(facts: dict[str, list[object]]) -> None:
    ranks = {
        (e.person, e.rank)
        for name in ("australia-indonesia.txt", "france-vietnam.txt")
        for e in facts[name]
        if isinstance(e, Envoy)
    }
    assert ranks == {
        ("John Hood", "ambassador"),
        ("Olivier Brochet", "ambassador"),
        ("Dinh Toan Thang", "ambassador"),
    }
