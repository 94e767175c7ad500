"""Envoy claims against POCOM: linked by name, compared date by date."""

from bilateral.reconcile import CONFLICTING, CORROBORATED, NOT_COVERED
from bilateral.reconcile.envoys import check_envoy
from tests.reconcile.build import chief, envoy, rdcr, scope

MARLOW = chief(
    "cl-1850-marl-01",
    "Ada Quincy Marlow",
    appointed="1850-03-04",
    started="1851-01-10",
    ended="1853-06-01",
    end_reason="Left post on",
)


def test_dates_that_agree_with_pocom_corroborate() -> None:
    claim = envoy("A.Q. Marlow", appointed="1850-03-04", credentials="1851-01")
    verdict = check_envoy(claim, scope(MARLOW))
    assert verdict is not None and verdict.verdict == CORROBORATED
    assert verdict.record_ids == ("pocom:cl-1850-marl-01",)
    assert [(c.aspect, c.record, c.agrees) for c in verdict.comparisons] == [
        ("appointed", "1850-03-04", True),
        ("credentials", "1851-01-10", True),
    ]


def test_a_conflict_keeps_both_values_and_the_difference_of_each_field() -> None:
    claim = envoy("Ada Marlow", appointed="1851-01-10", end="1853-08")
    verdict = check_envoy(claim, scope(MARLOW))
    assert verdict is not None and verdict.verdict == CONFLICTING
    described = [c.describe() for c in verdict.conflicts]
    assert described == [
        "claim 1851-01-10, record 1850-03-04 (POCOM appointed): 312 days (about 10 months) apart",
        "claim 1853-08, record 1853-06-01 (POCOM ended: left post): 2 months apart",
    ]


def test_a_start_that_repeats_the_appointment_is_compared_once() -> None:
    claim = envoy("Ada Marlow", appointed="1850-03-04", start="1850-03-04")
    verdict = check_envoy(claim, scope(MARLOW))
    assert verdict is not None and [c.aspect for c in verdict.comparisons] == ["appointed"]


def test_a_bare_start_agrees_with_any_of_appointment_arrival_or_credentials() -> None:
    verdict = check_envoy(envoy("Ada Marlow", start="1851"), scope(MARLOW))
    assert verdict is not None and verdict.verdict == CORROBORATED
    assert verdict.comparisons[0].field == "POCOM credentials"


def test_of_two_appointments_of_one_person_the_one_that_fits_is_chosen() -> None:
    later = chief("cl-1860-marl-01", "Ada Quincy Marlow", appointed="1860-05-01")
    verdict = check_envoy(envoy("Ada Marlow", appointed="1860-05"), scope(MARLOW, later))
    assert verdict is not None and verdict.record_ids == ("pocom:cl-1860-marl-01",)
    assert verdict.verdict == CORROBORATED


def test_a_surname_only_match_corroborates_but_never_contradicts() -> None:
    agreeing = check_envoy(envoy("Marlow", appointed="1850-03"), scope(MARLOW))
    disagreeing = check_envoy(envoy("Marlow", appointed="1870"), scope(MARLOW))
    assert agreeing is not None and agreeing.verdict == CORROBORATED
    assert disagreeing is not None and disagreeing.verdict == NOT_COVERED
    assert disagreeing.note is not None and "weak name match" in disagreeing.note


def test_someone_with_the_same_surname_is_not_linked() -> None:
    verdict = check_envoy(envoy("Bede Marlow", appointed="1870"), scope(MARLOW))
    assert verdict is not None and verdict.verdict == NOT_COVERED
    assert verdict.record_ids == ()


def test_a_claim_without_dates_is_corroborated_by_the_person_alone() -> None:
    verdict = check_envoy(envoy("Ada Marlow", current=True), scope(MARLOW))
    assert verdict is not None and verdict.verdict == CORROBORATED
    assert verdict.comparisons == () and verdict.note is not None


def test_an_envoy_to_a_historical_entity_in_scope_is_checked_against_its_state() -> None:
    claim = envoy("Ada Marlow", receiver="new-granada-league", appointed="1850-03-04")
    verdict = check_envoy(claim, scope(MARLOW, states=("CL", "new-granada-league")))
    assert verdict is not None and verdict.verdict == CORROBORATED


def test_a_foreign_envoy_is_checked_only_where_rdcr_names_them() -> None:
    legation = rdcr(
        "chile:legation-1849",
        "open-legation",
        "1849",
        "Establishment of the Chilean Legation in the United States, 1849",
        actor="CL",
        names=("Manuel Carvallo",),
    )
    named = envoy("Manuel Carvallo", sender="CL", receiver="US", appointed="1849-10")
    unnamed = envoy("Rosa Ibáñez", sender="CL", receiver="US", appointed="1990")
    verdict = check_envoy(named, scope(legation))
    assert verdict is not None and verdict.verdict == CORROBORATED
    assert verdict.dataset == "rdcr"
    assert check_envoy(unnamed, scope(legation)) is None


def test_envoys_between_other_states_are_not_checkable() -> None:
    assert check_envoy(envoy("Ada Marlow", sender="CL", receiver="BO"), scope(MARLOW)) is None
