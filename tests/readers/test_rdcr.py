"""The RDCR importer on small TEI articles written in its schema (tests/fixtures/authority/rdcr)."""

from pathlib import Path

import pytest

from bilateral.model.authority import EVENT_KINDS, RecognitionEvent
from bilateral.model.countries import default_registry
from bilateral.readers.authority import open_dataset
from bilateral.readers.hsg import FileBatch
from bilateral.readers.hsg_dates import text_date
from bilateral.readers.rdcr import actor, classify

RDCR = Path(__file__).resolve().parents[1] / "fixtures" / "authority" / "rdcr"


def batches() -> dict[str, FileBatch]:
    reader = open_dataset("rdcr", RDCR)
    return {f.name: reader.read(f) for f in reader.files()}


def events() -> dict[str, RecognitionEvent]:
    found = {}
    for record in batches()["chile.xml"].records:
        assert isinstance(record, RecognitionEvent)
        found[record.title] = record
    return found


def test_each_dated_timeline_heading_is_an_event() -> None:
    batch = batches()["chile.xml"]
    assert batch.read == 8
    assert [e.kind for e in batch.records] == [
        "recognition",
        "establish-relations",
        "open-legation",
        "upgrade-to-embassy",
        "sever-relations",
        "restore-relations",
    ]
    assert all(e.country == "CL" and e.dataset == "rdcr" for e in batch.records)


def test_dates_come_from_the_heading_at_their_precision() -> None:
    found = events()
    assert found["U.S. Recognition of Chilean Independence, 1823"].date == "1823"
    title = "Establishment of Diplomatic Relations and the American Legation in Santiago, 1824"
    assert found[title].date == "1824-01-27"
    assert found["Elevation of American Legation to Embassy Status, 1914-15"].date == "1914/1915"
    assert found["Diplomatic Relations Severed by Chile, 1931"].date == "1931"


def test_a_date_attribute_the_heading_contradicts_yields_to_the_words() -> None:
    assert events()["Diplomatic Relations Reestablished, 1933"].date == "1933"


def test_persons_and_their_pocom_ids_are_kept() -> None:
    recognition = events()["U.S. Recognition of Chilean Independence, 1823"]
    assert recognition.names == ("J.Q. Fairweather",)
    assert recognition.person_ids == ("fairweather-jonas-quincy",)
    assert "received on March 3, 1823" in recognition.text


def test_combined_headings_list_every_kind_and_the_actor() -> None:
    found = events()
    title = "Establishment of Diplomatic Relations and the American Legation in Santiago, 1824"
    assert found[title].kinds == ("establish-relations", "open-legation")
    assert found[title].actor == "US"
    assert found["Establishment of the Chilean Legation in the United States, 1840"].actor == "CL"
    assert found["Diplomatic Relations Severed by Chile, 1931"].actor == "CL"


def test_ids_are_stable_and_name_file_section_and_heading() -> None:
    first = [e.id for e in batches()["chile.xml"].records]
    assert first == [e.id for e in batches()["chile.xml"].records]
    assert first[0] == "rdcr:chile:recognition:u-s-recognition-of-chilean-independence-1823"


def test_undated_and_badly_dated_headings_are_rejected() -> None:
    reasons = [r.reason for r in batches()["chile.xml"].rejections]
    assert any("no date in the heading 'Trade and Commerce'" in r for r in reasons)
    assert any("'1940-13-01' is not a real date" in r for r in reasons)


def test_unknown_country_truncated_file_and_foreign_root_are_rejections() -> None:
    found = batches()
    assert "unknown country 'atlantis'" in found["atlantis.xml"].rejections[0].reason
    assert found["bolivia.xml"].failed
    assert "truncated" in found["bolivia.xml"].rejections[0].reason
    assert found["notes.xml"].failed
    assert "root element is <notes>" in found["notes.xml"].rejections[0].reason


@pytest.mark.parametrize(
    ("heading", "kinds"),
    [
        ("United States Recognition of Peru, 1826", ("recognition",)),
        ("Mutual Recognition, 1832", ("recognition",)),
        ("Establishment of the American Embassy in Baku, 1992", ("open-embassy",)),
        ("Elevation of Status of Legation in Quito to Embassy, 1942", ("upgrade-to-embassy",)),
        ("Diplomatic Relations Interrupted, 1944", ("sever-relations",)),
        ("Cessation of Relations, 1917", ("sever-relations",)),
        ("Resumption of Normal Diplomatic Relations, 1979", ("restore-relations",)),
        ("American Embassy Closed, 1980", ("close-mission",)),
        ("American Legation Reopened, 1943", ("open-legation",)),
        (
            "U.S. Embassy Closed and Normal Relations Interrupted, 1975",
            ("sever-relations", "close-mission"),
        ),
        ("Establishment of Consular Relations, 1869", ("other",)),
        ("No Diplomatic Relations Established", ("other",)),
        ("Treaty of Amity and Commerce, 1778", ("other",)),
    ],
)
def test_kinds_are_read_from_heading_words(heading: str, kinds: tuple[str, ...]) -> None:
    assert classify(heading) == kinds
    assert set(kinds) <= set(EVENT_KINDS)


def test_the_actor_is_whoever_the_heading_names() -> None:
    registry = default_registry()
    french = "French Recognition of the Independence of the United States"
    assert actor(french, "FR", registry) == "FR"
    peruvian = "Establishment of the Peruvian Legation in the United States"
    assert actor(peruvian, "PE", registry) == "PE"
    assert actor("Establishment of Diplomatic Relations", "PE", registry) is None
    assert actor("Suspension of Diplomatic Relations by the United States", "GQ", registry) == "US"


@pytest.mark.parametrize(
    ("words", "date"),
    [
        ("Cessation of Relations, 1838-40", "1838/1840"),
        ("Consulate at Muscat, 1880 until 1915", "1880/1915"),
        ("Commercial relations treaty, October 1923", "1923-10"),
        ("A consulate was opened on July 13, 1832 in Baden-Baden", "1832-07-13"),
        ("German Unification", None),
    ],
)
def test_heading_words_give_dates_at_their_precision(words: str, date: str | None) -> None:
    assert text_date(words) == date
