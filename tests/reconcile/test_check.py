"""A dyad's report: which claims are checked, in what order, and the stored form."""

import dataclasses

from bilateral.model.countries import default_registry
from bilateral.reconcile import (
    build_scope,
    check_claims,
    fingerprint,
    in_scope,
    scope_states,
    verdict_from_record,
    verdict_record,
)
from tests.reconcile.build import chief, envoy, event, rdcr, scope, travel

MARLOW = chief("cl-1850-marl-01", "Ada Marlow", appointed="1850-03-04")
RECOGNITION = rdcr("chile:recognition-1823", "recognition", "1823", "Recognition of Chile, 1823")


def test_conflicts_come_first_then_corroborations_then_what_no_record_covers() -> None:
    claims = [
        envoy("Bede Okafor", appointed="1900"),
        envoy("Ada Marlow", appointed="1850-03-04"),
        event("recognize", "1825"),
    ]
    report = check_claims("CL", "US", claims, scope(MARLOW, RECOGNITION))
    assert [v.verdict for v in report.verdicts] == ["conflicting", "corroborated", "not-covered"]
    assert report.counts() == {"conflicting": 1, "corroborated": 1, "not-covered": 1}


def test_claims_no_dataset_speaks_to_are_counted_not_listed() -> None:
    claims = [event("condemn", "1990"), envoy("Ada Marlow", appointed="1850-03-04")]
    report = check_claims("CL", "US", claims, scope(MARLOW))
    assert len(report.verdicts) == 1 and report.unchecked == 1


def test_a_dyad_without_the_united_states_has_nothing_checkable() -> None:
    report = check_claims("CL", "BO", [envoy("Ada Marlow", sender="CL", receiver="BO")], None)
    assert report.verdicts == () and report.unchecked == 1
    assert report.note is not None and "United States" in report.note


def test_the_scope_adds_historical_entities_the_articles_pair_with_the_us() -> None:
    league = envoy("Ada Marlow", receiver="new-granada-league")
    elsewhere = envoy("Bede Okafor", sender="CL", receiver="BO")
    facts = [envoy("Ada Marlow"), league, elsewhere]
    kept = in_scope(facts, "CL")
    assert league in kept and elsewhere not in kept
    assert scope_states("CL", kept) == ["CL", "new-granada-league"]


def test_build_scope_reads_names_aliases_and_us_principals() -> None:
    built = build_scope(["PE"], default_registry(), [MARLOW], [travel("1", "Ann Roe", "1990")])
    assert built.names == {"PE": "Peru"} and "Republic of Peru" in built.aliases["PE"]
    assert built.travellers == ("Ann Roe",)


def test_the_fingerprint_changes_with_claims_or_records_and_only_then() -> None:
    claims = [envoy("Ada Marlow", appointed="1850-03-04")]
    first = fingerprint(claims, scope(MARLOW))
    assert fingerprint(claims, scope(MARLOW)) == first
    moved = dataclasses.replace(MARLOW, appointed="1850-03-05")
    assert fingerprint(claims, scope(moved)) != first
    assert fingerprint([envoy("Ada Marlow", appointed="1851")], scope(MARLOW)) != first


def test_a_verdict_survives_its_json_form() -> None:
    report = check_claims("CL", "US", [envoy("Ada Marlow", appointed="1851")], scope(MARLOW))
    verdict = report.verdicts[0]
    assert verdict_from_record(verdict_record(verdict)) == verdict
