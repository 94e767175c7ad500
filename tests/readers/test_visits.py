"""The visits importer on small files written in its schema (tests/fixtures/authority/visits)."""

from pathlib import Path

from bilateral.model.authority import LeaderVisit
from bilateral.readers.authority import open_dataset
from bilateral.readers.hsg import FileBatch, Titles

VISITS = Path(__file__).resolve().parents[1] / "fixtures" / "authority" / "visits"


def batches(path: Path = VISITS) -> dict[str, FileBatch]:
    reader = open_dataset("visits", path)
    return {f.name: reader.read(f) for f in reader.files()}


def visits() -> dict[str, LeaderVisit]:
    found = {}
    for record in batches()["1990.xml"].records:
        assert isinstance(record, LeaderVisit)
        found[record.id] = record
    return found


def test_a_visit_keeps_dates_visitor_country_and_description() -> None:
    visit = visits()["visits:9001"]
    assert (visit.start, visit.end) == ("1991-09-16", "1991-09-19")
    assert visit.visitor == "President Ana Example"
    assert (visit.position, visit.name) == ("President", "Ana Example")
    assert visit.country == "PE" and visit.territory == "peru"
    assert visit.description and visit.description.startswith("Official working visit")
    assert visit.dataset == "visits" and visit.source_file == "data/1990.xml"


def test_an_unknown_country_id_falls_back_to_the_label() -> None:
    assert visits()["visits:9002"].country == "CL"


def test_titles_of_several_words_are_split_off() -> None:
    assert visits()["visits:9002"].position == "Prime Minister"
    assert visits()["visits:9006"].position == "Grand Duke"
    assert visits()["visits:9007"].position is None
    assert visits()["visits:9007"].name == "Ana Example"


def test_title_forms_ignore_case_and_hyphens() -> None:
    titles = Titles()
    assert titles.split("President-elect Jo Doe") == ("President-elect", "Jo Doe")
    assert titles.split("president elect Jo Doe") == ("president elect", "Jo Doe")
    assert titles.split("Presidential Guard") == (None, "Presidential Guard")


def test_bad_visits_are_rejected_with_reasons() -> None:
    batch = batches()["1990.xml"]
    assert batch.read == 7 and len(batch.records) == 4
    reasons = {r.record: r.reason for r in batch.rejections}
    assert reasons["9003"] == "no start date"
    assert reasons["9004"] == "unknown country 'atlantis'"
    assert "'1995-13-01' is not a real date" in reasons["9005"]


def test_a_truncated_file_is_one_rejection() -> None:
    batch = batches()["2000.xml"]
    assert batch.failed and batch.read == 0
    assert batch.rejections[0].source.endswith("2000.xml")


def test_a_single_file_can_be_imported() -> None:
    assert list(batches(VISITS / "data" / "1990.xml")) == ["1990.xml"]
