"""Authority records in the store, through the knowledge base: apart from facts,
replaced per file, idempotent, queryable by country and name."""

import shutil
from pathlib import Path

import pytest

from bilateral.kb import KnowledgeBase
from bilateral.model.authority import ChiefOfMission, LeaderVisit, RecognitionEvent, Travel
from tests.conftest import SHARED

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "authority"
SAMPLES = SHARED / "corpus" / "historyatstate"


@pytest.fixture
def pocom(tmp_path: Path) -> Path:
    """A copy of the POCOM fixture that a test may change."""
    return Path(shutil.copytree(FIXTURES / "pocom", tmp_path / "pocom"))


def test_an_import_reports_read_imported_and_rejected(kb: KnowledgeBase) -> None:
    report = kb.import_authority("pocom", FIXTURES / "pocom")
    assert (report.dataset, report.files, report.read, report.imported) == ("pocom", 4, 11, 5)
    assert len(report.rejected) == 7  # six records and one truncated file
    assert kb.store.authority_counts() == {"pocom": 5}


def test_every_dataset_imports(kb: KnowledgeBase) -> None:
    counts = {ds: kb.import_authority(ds, FIXTURES / ds).imported for ds in ("rdcr", "visits")}
    counts["travels"] = kb.import_authority("travels", FIXTURES / "travels").imported
    assert counts == {"rdcr": 6, "visits": 4, "travels": 2}


def test_reimporting_the_same_data_changes_nothing(kb: KnowledgeBase) -> None:
    kb.import_authority("pocom", FIXTURES / "pocom")
    before = kb.store.authority()
    report = kb.import_authority("pocom", FIXTURES / "pocom")
    assert report.unchanged == 3  # the truncated file is never stored
    assert kb.store.authority() == before


def test_a_changed_file_replaces_only_its_own_records(kb: KnowledgeBase, pocom: Path) -> None:
    kb.import_authority("pocom", pocom)
    peru = pocom / "missions-countries" / "peru.xml"
    text = peru.read_text(encoding="utf-8")
    peru.write_text(text.replace("1999-11-02", "1999-11-03"), encoding="utf-8")
    report = kb.import_authority("pocom", peru)
    assert report.files == 1 and report.unchanged == 0
    chiefs = {c.id: c for c in kb.chiefs_of_mission("PE")}
    assert chiefs["pocom:pe-1999-quay-01"].started == "1999-11-03"
    assert len(kb.chiefs_of_mission("Chile")) == 3


def test_a_file_that_turns_unreadable_keeps_its_records(kb: KnowledgeBase, pocom: Path) -> None:
    kb.import_authority("pocom", pocom)
    peru = pocom / "missions-countries" / "peru.xml"
    peru.write_text(peru.read_text(encoding="utf-8")[:300], encoding="utf-8")
    report = kb.import_authority("pocom", peru)
    assert "truncated" in report.rejected[0].reason
    assert len(kb.chiefs_of_mission("PE")) == 2


def test_records_removed_from_a_file_are_removed(kb: KnowledgeBase, pocom: Path) -> None:
    kb.import_authority("pocom", pocom)
    peru = pocom / "missions-countries" / "peru.xml"
    text = peru.read_text(encoding="utf-8")
    start = text.index("<chief>")
    peru.write_text(text[:start] + text[text.index("</chief>") + 8 :], encoding="utf-8")
    kb.import_authority("pocom", pocom)
    assert [c.id for c in kb.chiefs_of_mission("PE")] == ["pocom:pe-1999-quay-01"]


def test_the_same_dataset_from_another_place_does_not_duplicate(
    kb: KnowledgeBase, pocom: Path
) -> None:
    kb.import_authority("pocom", FIXTURES / "pocom")
    kb.import_authority("pocom", pocom)
    assert kb.store.authority_counts() == {"pocom": 5}
    assert all(c.source_path.startswith(str(pocom)) for c in kb.chiefs_of_mission("PE"))


def test_authority_records_are_not_facts(kb: KnowledgeBase) -> None:
    kb.import_authority("pocom", FIXTURES / "pocom")
    assert list(kb.records()) == []
    assert kb.store.counts()["facts"] == 0


def test_chiefs_by_country_come_in_date_order_with_nominees_last(kb: KnowledgeBase) -> None:
    kb.import_authority("pocom", FIXTURES / "pocom")
    chiefs = kb.chiefs_of_mission("CL")
    assert [c.id for c in chiefs] == [
        "pocom:cl-1850-fair-01",
        "pocom:cl-1990-marl-01",
        "pocom:cl--penn-01",
    ]
    assert all(isinstance(c, ChiefOfMission) and c.dataset == "pocom" for c in chiefs)


@pytest.mark.parametrize("name", ["Fairweather", "jonas fairweather", "J. Q. Fairweather"])
def test_chiefs_are_found_by_name(kb: KnowledgeBase, name: str) -> None:
    kb.import_authority("pocom", FIXTURES / "pocom")
    found = kb.chiefs_of_mission(person=name)
    assert [c.id for c in found] == ["pocom:cl-1850-fair-01", "pocom:pe-1880-fair-01"]
    assert [c.id for c in kb.chiefs_of_mission("PE", person=name)] == ["pocom:pe-1880-fair-01"]


def test_a_name_matches_whole_words_only(kb: KnowledgeBase) -> None:
    kb.import_authority("pocom", FIXTURES / "pocom")
    assert kb.chiefs_of_mission(person="Fair") == []


def test_events_visits_and_travels_by_country(kb: KnowledgeBase) -> None:
    for dataset in ("rdcr", "visits", "travels"):
        kb.import_authority(dataset, FIXTURES / dataset)
    events = kb.recognition_events("Chile")
    assert [e.date for e in events][:2] == ["1823", "1824-01-27"]
    assert all(isinstance(e, RecognitionEvent) for e in events)
    visits = kb.leader_visits("Peru")
    assert [v.id for v in visits] == ["visits:9001", "visits:9007"]
    assert all(isinstance(v, LeaderVisit) for v in visits)
    trips = kb.travels("PE")
    assert [t.locality for t in trips] == ["Lima"] and isinstance(trips[0], Travel)


def test_profile_of_a_dyad_with_the_us_lists_the_authority_envoys(
    kb: KnowledgeBase, tmp_path: Path
) -> None:
    article = tmp_path / "peru-us.txt"
    article.write_text(
        "= Peru–United States relations =\n\nPeru and the United States opened relations.\n",
        encoding="utf-8",
    )
    kb.ingest([article])
    kb.import_authority("pocom", FIXTURES / "pocom")
    profile = kb.profile(["PE", "US"])
    assert [c.name for c in profile.authority_envoys] == [
        "Jonas Quincy Fairweather Jr.",
        "Orla Quayle",
    ]


@pytest.mark.corpus
def test_the_shared_samples_load_every_us_chief_of_mission_to_peru(kb: KnowledgeBase) -> None:
    report = kb.import_authority("pocom", SAMPLES / "pocom")
    assert report.files == 199 and report.read == 5743
    chiefs = kb.chiefs_of_mission("Peru")
    assert len(chiefs) == 59
    assert sum(c.nominee for c in chiefs) == 3  # named but never served
    assert chiefs[0].name == "James Cooley" and chiefs[0].appointed == "1826-05-02"
    pickett = kb.chiefs_of_mission("PE", person="J. C. Pickett")
    assert [c.name for c in pickett] == ["James Chamberlayne Pickett"]


@pytest.mark.corpus
def test_the_shared_rdcr_sample_gives_peru_its_dated_relations_events(kb: KnowledgeBase) -> None:
    kb.import_authority("rdcr", SAMPLES / "rdcr")
    events = {(e.kind, e.date) for e in kb.recognition_events("PE")}
    assert ("recognition", "1826") in events
    assert ("establish-relations", "1827") in events
    assert ("upgrade-to-embassy", "1920") in events
    assert all(e.date for e in kb.recognition_events("PE"))
