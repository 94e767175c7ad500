"""The travels importer on small files written in its schema (tests/fixtures/authority/travels)."""

from pathlib import Path

from bilateral.model.authority import Travel
from bilateral.readers.authority import open_dataset
from bilateral.readers.hsg import FileBatch

TRAVELS = Path(__file__).resolve().parents[1] / "fixtures" / "authority" / "travels"


def batches(path: Path = TRAVELS) -> dict[str, FileBatch]:
    reader = open_dataset("travels", path)
    return {f.name: reader.read(f) for f in reader.files()}


def travels() -> dict[str, Travel]:
    found = {}
    for batch in batches().values():
        for record in batch.records:
            assert isinstance(record, Travel)
            found[record.id] = record
    return found


def test_both_travel_folders_are_read() -> None:
    assert list(batches()) == ["example-president.xml", "broken.xml", "example-secretary.xml"]


def test_a_trip_keeps_person_role_dates_country_and_places() -> None:
    trip = travels()["travels:7001"]
    assert (trip.role, trip.person_id) == ("president", "example-president")
    assert (trip.start, trip.end) == ("2002-03-23", "2002-03-24")
    assert trip.country == "PE" and trip.locality == "Lima"
    assert trip.remarks == "Met with President Example."
    assert trip.dataset == "travels"


def test_a_missing_name_comes_from_the_people_list() -> None:
    assert travels()["travels:7001"].person == "Eve Example"


def test_dataset_country_ids_map_to_registry_ids() -> None:
    assert travels()["travels:7101"].country == "KR"


def test_unknown_codes_missing_dates_and_countries_are_rejected() -> None:
    reasons = {r.record: r.reason for b in batches().values() for r in b.rejections}
    assert reasons["7002"].startswith("unknown role code 'vice-president'")
    assert reasons["7003"] == "no start date"
    assert reasons["7102"] == "unknown country 'atlantis'"


def test_a_truncated_file_is_one_rejection_naming_it() -> None:
    batch = batches()["broken.xml"]
    assert batch.failed
    assert batch.rejections[0].source.endswith("broken.xml")
    assert "truncated" in batch.rejections[0].reason


def test_without_its_code_table_the_published_roles_are_known(tmp_path: Path) -> None:
    trips = (TRAVELS / "president-travels" / "example-president.xml").read_text(encoding="utf-8")
    lone = tmp_path / "trips.xml"
    lone.write_text(trips, encoding="utf-8")
    batch = batches(lone)["trips.xml"]
    assert [r.id for r in batch.records] == []  # no people list: the nameless trip is rejected
    reasons = {r.record: r.reason for r in batch.rejections}
    assert reasons["7001"] == "no traveller's name"
    assert reasons["7002"].startswith("unknown role code")
