"""The POCOM importer on small files written in its schema (tests/fixtures/authority/pocom)."""

import shutil
from pathlib import Path

import pytest

from bilateral.errors import InputError
from bilateral.model.authority import ChiefOfMission, Rejection
from bilateral.readers.authority import open_dataset
from bilateral.readers.hsg import FileBatch
from bilateral.readers.hsg_dates import DateError, edtf, interval

POCOM = Path(__file__).resolve().parents[1] / "fixtures" / "authority" / "pocom"


def read(path: Path) -> dict[str, FileBatch]:
    reader = open_dataset("pocom", path)
    return {f.name: reader.read(f) for f in reader.files()}


def chiefs(path: Path = POCOM) -> dict[str, ChiefOfMission]:
    found = {}
    for batch in read(path).values():
        for record in batch.records:
            assert isinstance(record, ChiefOfMission)
            found[record.id] = record
    return found


def rejections(path: Path = POCOM) -> dict[str | None, Rejection]:
    return {r.record: r for batch in read(path).values() for r in batch.rejections}


def test_the_dataset_folder_lists_the_mission_files() -> None:
    reader = open_dataset("pocom", POCOM)
    names = [f.name for f in reader.files()]
    assert names == ["atlantis.xml", "bolivia.xml", "chile.xml", "peru.xml"]


def test_person_role_and_career_codes_are_decoded() -> None:
    chief = chiefs()["pocom:cl-1850-fair-01"]
    assert (chief.first, chief.middle, chief.last, chief.suffix) == (
        "Jonas",
        "Quincy",
        "Fairweather",
        "Jr.",
    )
    assert chief.name == "Jonas Quincy Fairweather Jr."
    assert chief.alternate_names == ("J. Q. Fairweather",)
    assert chief.role_code == "envoy-extraordinary-minister-plenipotentiary"
    assert chief.role_title == "Envoy Extraordinary and Minister Plenipotentiary"
    assert chief.career == "pre-1915" and chief.career_label == "Before the 1915 act"
    assert chief.is_career is None
    assert chiefs()["pocom:cl-1990-marl-01"].is_career is False


def test_dates_keep_their_precision_and_notes() -> None:
    chief = chiefs()["pocom:cl-1850-fair-01"]
    assert chief.appointed == "1850-03"
    assert chief.started == "1850-07-14" and chief.started_note == "Presented credentials on"
    assert chief.ended == "1853-01-02" and chief.end_reason == "Left post on"
    assert chiefs()["pocom:cl-1990-marl-01"].ended == "1993"


def test_records_carry_dataset_country_and_source() -> None:
    chief = chiefs()["pocom:pe-1880-fair-01"]
    assert chief.dataset == "pocom"
    assert chief.country == "PE" and chief.territory == "peru"
    assert chief.source_file == "missions-countries/peru.xml"
    assert chief.source_path == str(POCOM / "missions-countries" / "peru.xml")


def test_other_nominees_are_kept_and_marked() -> None:
    nominee = chiefs()["pocom:cl--penn-01"]
    assert nominee.nominee is True
    assert nominee.appointed is None and nominee.note


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ("cl-2001-okaf-01", "unknown role code 'ambassador-plenipotentiary-at-sea'"),
        ("cl-2005-okaf-01", "bad appointed date: '2005-02-30' is not a real date"),
        ("cl-2010-ghos-01", "unknown person id 'ghost-nobody'"),
        ("cl-2015-okaf-01", "no date at all"),
        ("cl-2020-quil-01", "unknown career-type code 'diplomat'"),
        ("at-1900-marl-01", "unknown country 'atlantis'"),
    ],
)
def test_bad_chiefs_are_rejected_with_the_reason(record: str, reason: str) -> None:
    rejection = rejections()[record]
    assert reason in rejection.reason
    assert rejection.source.endswith(".xml")


def test_a_truncated_file_is_one_rejection_naming_the_file() -> None:
    batch = read(POCOM)["bolivia.xml"]
    assert batch.failed and batch.records == () and batch.read == 0
    (rejection,) = batch.rejections
    assert rejection.source.endswith("bolivia.xml")
    assert "malformed or truncated XML" in rejection.reason


def test_the_other_chiefs_of_a_file_still_go_in() -> None:
    batch = read(POCOM)["chile.xml"]
    assert batch.read == 8
    assert len(batch.records) == 3 and len(batch.rejections) == 5


def test_a_single_file_is_read_with_its_dataset_beside_it() -> None:
    found = chiefs(POCOM / "missions-countries" / "peru.xml")
    assert sorted(found) == ["pocom:pe-1880-fair-01", "pocom:pe-1999-quay-01"]
    assert found["pocom:pe-1999-quay-01"].role_title.startswith("Ambassador")


def test_the_records_folder_is_accepted_too() -> None:
    assert chiefs(POCOM / "missions-countries") == chiefs(POCOM)


def test_a_repeated_id_with_other_content_gets_a_suffix(tmp_path: Path) -> None:
    copy = tmp_path / "pocom"
    shutil.copytree(POCOM, copy)
    peru = copy / "missions-countries" / "peru.xml"
    text = peru.read_text(encoding="utf-8")
    peru.write_text(text.replace("pe-1999-quay-01", "pe-1880-fair-01"), encoding="utf-8")
    batch = open_dataset("pocom", peru).read(peru)
    assert [r.id for r in batch.records] == ["pocom:pe-1880-fair-01", "pocom:pe-1880-fair-01~2"]


def test_an_exact_repeat_of_an_entry_is_rejected(tmp_path: Path) -> None:
    copy = tmp_path / "pocom"
    shutil.copytree(POCOM, copy)
    peru = copy / "missions-countries" / "peru.xml"
    text = peru.read_text(encoding="utf-8")
    first = text[text.index("<chief>") : text.index("</chief>") + len("</chief>")]
    peru.write_text(text.replace(first, first + first, 1), encoding="utf-8")
    batch = open_dataset("pocom", peru).read(peru)
    assert len(batch.records) == 2
    assert "repeats an earlier entry" in batch.rejections[0].reason


def test_a_missing_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        open_dataset("pocom", tmp_path / "nowhere")


def test_a_folder_without_xml_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no pocom XML files"):
        open_dataset("pocom", tmp_path)


def test_iso_like_dates_become_edtf_at_their_precision() -> None:
    assert [edtf(d) for d in ("1826-05-02", "1826-05", "1826", "", None)] == [
        "1826-05-02",
        "1826-05",
        "1826",
        None,
        None,
    ]
    assert interval("1914", "1915") == "1914/1915"
    assert interval("1914", None) == "1914"


@pytest.mark.parametrize("bad", ["1826-13", "1826-02-30", "May 1826", "18260502"])
def test_impossible_dates_raise(bad: str) -> None:
    with pytest.raises(DateError):
        edtf(bad)
