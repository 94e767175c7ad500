"""The reference article end to end (reads ../shared)."""

import io
import json
from pathlib import Path

import pytest

from bilateral.kb import KnowledgeBase
from tests.conftest import SEED
from tests.interchange_contract import problems

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    kb = KnowledgeBase(str(tmp_path_factory.mktemp("seed") / "kb.sqlite"))
    report = kb.ingest([SEED])
    assert report.count("added") == 1
    return kb


def test_both_current_envoys_with_their_titles(seeded: KnowledgeBase) -> None:
    profile = seeded.profile(["Peru", "United States"])
    envoys = {(e.sender, e.receiver): e for e in profile.current_envoys}
    assert envoys[("PE", "US")].person == "Gustavo Meza-Cuadra Velásquez"
    assert envoys[("PE", "US")].title == "Peruvian Ambassador to the United States"
    assert envoys[("US", "PE")].person == "Stephanie Syptak-Ramnath"
    assert envoys[("US", "PE")].title == "American Ambassador to Peru"
    assert {e.rank for e in envoys.values()} == {"ambassador"}


def test_all_seventeen_resident_missions(seeded: KnowledgeBase) -> None:
    profile = seeded.profile(["PE", "US"])
    in_us = profile.missions_by_host["US"]
    in_peru = profile.missions_by_host["PE"]
    assert len(in_us) == 15 and len(in_peru) == 2
    assert {m.sender for m in in_us} == {"PE"} and {m.sender for m in in_peru} == {"US"}
    assert [(m.city, m.type) for m in in_us if m.type == "embassy"] == [
        ("Washington, D.C.", "embassy")
    ]
    assert len([m for m in in_us if m.type == "consulate-general"]) == 14
    assert sorted((m.city, m.type) for m in in_peru) == [
        ("Cusco", "consular-agency"),
        ("Lima", "embassy"),
    ]
    assert all(m.latitude is not None for m in profile.missions)


def test_infobox_missions_are_the_list_missions(seeded: KnowledgeBase) -> None:
    profile = seeded.profile(["PE", "US"])
    embassies = [m for m in profile.missions if m.type == "embassy"]
    assert len(embassies) == 2
    for embassy in embassies:
        texts = [e.text for e in embassy.evidence]
        assert len(texts) == 2
        assert any(t.startswith("Embassy of") for t in texts)


def test_export_validates_and_evidence_is_the_source_slice(seeded: KnowledgeBase) -> None:
    out = io.StringIO()
    seeded.export_jsonl(out)
    text = Path(SEED).read_bytes().decode("utf-8")
    source = seeded.sources()[0].id
    for line in out.getvalue().splitlines():
        record = json.loads(line)
        assert problems(record, {source: text}) == [], record
