"""Leaders' visits to the US and US principals' trips abroad."""

from bilateral.reconcile import CONFLICTING, CORROBORATED, NOT_COVERED
from bilateral.reconcile.visits import check_visit
from tests.reconcile.build import event, scope, travel, visit

AYLWIN = visit("101", "Patricio Aylwin", "1990-12-05", "1990-12-07")
TRIP = travel("202", "George H. W. Bush", "1990-12-06", "1990-12-07")


def leader_visit(date: str, who: str = "Patricio Aylwin") -> object:
    return event("visit", date, actor="CL", recipient="US", actors=("CL", who, "US"))


def test_a_leaders_visit_on_the_recorded_dates_is_corroborated() -> None:
    verdict = check_visit(event("visit", "1990-12", actor="CL", recipient="US",
                                actors=("CL", "Patricio Aylwin", "US")), scope(AYLWIN))  # fmt: skip
    assert verdict is not None and verdict.verdict == CORROBORATED
    assert verdict.dataset == "visits" and verdict.record_ids == ("visits:101",)


def test_a_visit_a_year_off_is_a_conflict_with_both_dates() -> None:
    claim = event("visit", "1989", actor="CL", recipient="US", actors=("Patricio Aylwin",))
    verdict = check_visit(claim, scope(AYLWIN))
    assert verdict is not None and verdict.verdict == CONFLICTING
    assert verdict.conflicts[0].describe() == (
        "claim 1989, record 1990-12-05/1990-12-07 (visits: Patricio Aylwin): 1 year apart"
    )


def test_a_visit_years_from_any_record_is_another_visit_not_covered() -> None:
    claim = event("visit", "1975", actor="CL", recipient="US", actors=("Patricio Aylwin",))
    verdict = check_visit(claim, scope(AYLWIN))
    assert verdict is not None and verdict.verdict == NOT_COVERED


def test_a_visit_by_someone_the_dataset_does_not_list_is_not_covered() -> None:
    claim = event("visit", "1990-12", actor="CL", recipient="US", actors=("Rosa Ibáñez",))
    verdict = check_visit(claim, scope(AYLWIN))
    assert verdict is not None and verdict.verdict == NOT_COVERED


def test_a_presidents_trip_matches_travels_through_a_nickname() -> None:
    claim = event("summit", "1990-12", actor="US", recipient="CL", actors=("US", "George Bush"))
    bush = travel("203", "George Bush", "1990-12-06")
    verdict = check_visit(claim, scope(bush))
    assert verdict is not None and verdict.verdict == CORROBORATED
    assert verdict.dataset == "travels"


def test_a_us_visitor_unknown_to_travels_is_not_checkable() -> None:
    claim = event("visit", "1990", actor="US", recipient="CL", actors=("US", "Senator Ann Roe"))
    assert check_visit(claim, scope(TRIP)) is None


def test_a_visit_without_roles_is_placed_by_whom_the_records_know() -> None:
    claim = event("visit", "1990", actor=None, recipient=None,
                  actors=("Patricio Aylwin", "Bush"), dyad=("CL", "US"))  # fmt: skip
    verdict = check_visit(claim, scope(AYLWIN, TRIP))
    assert verdict is not None and verdict.dataset == "visits"
    assert verdict.verdict == CORROBORATED


def test_a_visit_naming_nobody_is_corroborated_only_by_matching_dates() -> None:
    claim = event("visit", "1990-12", actor="CL", recipient="US", actors=("CL", "US"))
    other = event("visit", "1991", actor="CL", recipient="US", actors=("CL", "US"))
    matched = check_visit(claim, scope(AYLWIN))
    unmatched = check_visit(other, scope(AYLWIN))
    assert matched is not None and matched.verdict == CORROBORATED
    assert unmatched is not None and unmatched.verdict == NOT_COVERED
