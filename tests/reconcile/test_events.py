"""Recognition, relations and mission events against RDCR headings."""

from bilateral.reconcile import CONFLICTING, CORROBORATED, NOT_COVERED
from bilateral.reconcile.events import check_event
from tests.reconcile.build import chief, event, rdcr, scope

RECOGNITION = rdcr(
    "chile:recognition-1823",
    "recognition",
    "1823",
    "U.S. Recognition of Chile, 1823",
    actor="US",
)
LEAGUE = rdcr(
    "chile:recognition-of-the-league-1839",
    "recognition",
    "1839",
    "U.S. Recognition of the New Granada League, 1839",
    actor="US",
    names=("Silas Pennington",),
)
UPGRADE = rdcr(
    "chile:embassy-1914",
    "upgrade-to-embassy",
    "1914",
    "Elevation of American Legation to Embassy Status, 1914",
    actor="US",
    names=("Tobias Quill",),
)


def test_a_recognition_day_agrees_with_the_heading_year() -> None:
    verdict = check_event(event("recognize", "1823-01-27"), scope(RECOGNITION, LEAGUE))
    assert verdict is not None and verdict.verdict == CORROBORATED
    assert verdict.record_ids == ("rdcr:chile:recognition-1823",)


def test_a_date_the_heading_contradicts_is_a_conflict_with_both_values() -> None:
    claim = event("recognize", "1838-03-16", recipient="new-granada-league")
    verdict = check_event(claim, scope(RECOGNITION, LEAGUE, states=("CL", "new-granada-league")))
    assert verdict is not None and verdict.verdict == CONFLICTING
    assert [c.describe() for c in verdict.conflicts] == [
        "claim 1838-03-16, record 1839 (RDCR heading): 1 year apart"
    ]


def test_pocom_recognition_by_credentials_is_shown_beside_the_heading() -> None:
    pennington = chief(
        "cl-1837-penn-01",
        "Silas Pennington",
        appointed="1837-06-15",
        started="1838-03-16",
        started_note="Officially recognized on",
    )
    claim = event(
        "recognize",
        "1838-03-16",
        recipient="new-granada-league",
        sentence="The US recognized the League on March 16, 1838 by appointing Silas Pennington.",
    )
    records = scope(LEAGUE, pennington, states=("CL", "new-granada-league"))
    verdict = check_event(claim, records)
    assert verdict is not None and verdict.verdict == CONFLICTING
    assert [(c.field, c.agrees) for c in verdict.comparisons] == [
        ("RDCR heading", False),
        ("POCOM: Silas Pennington officially recognized", True),
    ]
    assert verdict.record_ids == (LEAGUE.id, pennington.id)


def test_the_recognition_of_another_entity_is_not_the_same_fact() -> None:
    verdict = check_event(event("recognize", "1839"), scope(LEAGUE))
    assert verdict is not None and verdict.verdict == NOT_COVERED


def test_a_mission_of_the_other_side_is_not_the_same_fact() -> None:
    theirs = event("upgrade-mission", "1914-03", actor="CL", recipient="US")
    ours = event("upgrade-mission", "1914-03-03", actors=("US", "Tobias Quill", "CL"))
    assert (v := check_event(theirs, scope(UPGRADE))) is not None and v.verdict == NOT_COVERED
    verdict = check_event(ours, scope(UPGRADE))
    assert verdict is not None and verdict.verdict == CORROBORATED
    assert [c.aspect for c in verdict.comparisons] == ["date", "person"]


def test_a_different_person_named_for_the_same_event_is_a_conflict() -> None:
    claim = event("upgrade-mission", "1914", actors=("US", "Orla Quayle", "CL"))
    verdict = check_event(claim, scope(UPGRADE))
    assert verdict is not None and verdict.verdict == CONFLICTING
    assert verdict.conflicts[0].aspect == "person"


def test_an_event_naming_no_state_is_read_as_between_the_articles_states() -> None:
    claim = event("upgrade-mission", "1914-03-03", actor=None, recipient=None,
                  actors=("Tobias Quill",), dyad=("CL", "US"))  # fmt: skip
    verdict = check_event(claim, scope(UPGRADE))
    assert verdict is not None and verdict.verdict == CORROBORATED


def test_a_recognition_by_the_other_state_is_not_checkable() -> None:
    assert check_event(event("recognize", "1823", actor="CL", recipient="US"), scope()) is None


def test_modes_rdcr_does_not_record_are_not_checkable() -> None:
    assert check_event(event("condemn", "1990"), scope(RECOGNITION)) is None


def test_a_recurring_event_far_from_any_record_is_not_covered_near_one_is_a_conflict() -> None:
    severed = rdcr("chile:severed-1891", "sever-relations", "1891", "Severance, 1891")
    far = check_event(event("sever-relations", "1960"), scope(severed))
    near = check_event(event("sever-relations", "1892"), scope(severed))
    assert far is not None and far.verdict == NOT_COVERED
    assert near is not None and near.verdict == CONFLICTING


def test_a_one_time_event_contradicted_by_any_distance_is_a_conflict() -> None:
    verdict = check_event(event("recognize", "1840"), scope(RECOGNITION))
    assert verdict is not None and verdict.verdict == CONFLICTING
    assert verdict.conflicts[0].difference == "17 years apart"


def test_no_record_of_the_kind_is_not_covered_and_undated_is_corroborated() -> None:
    missing = check_event(event("restore-relations", "1989/.."), scope(RECOGNITION))
    undated = check_event(event("recognize", None), scope(RECOGNITION))
    assert missing is not None and missing.verdict == NOT_COVERED
    assert undated is not None and undated.verdict == CORROBORATED and undated.note
