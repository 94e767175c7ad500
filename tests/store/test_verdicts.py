"""Verdicts in the store: a migration of their own, one run per dyad, kept in step
with the claims and the authority records."""

from pathlib import Path

import pytest

from bilateral.errors import UnknownDyad
from bilateral.kb import KnowledgeBase
from tests.reconcile.build import ARTICLE, authority, chief

VERDICT = {"claim_id": "envoy-1", "verdict": "corroborated", "record_ids": ["pocom:x"]}


@pytest.fixture
def checked(kb: KnowledgeBase, tmp_path: Path) -> KnowledgeBase:
    """The knowledge base with `ARTICLE` and its records stored."""
    article = tmp_path / "chile-us.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    kb.ingest([article])
    for dataset, records in authority().items():
        kb.store.replace_authority(dataset, f"{dataset}.xml", f"/data/{dataset}.xml", records)
    return kb


def test_verdicts_are_stored_per_dyad_whatever_the_order_asked(kb: KnowledgeBase) -> None:
    assert kb.store.replace_verdicts(("US", "CL"), "f1", [VERDICT], unchecked=3)
    stored = kb.store.verdicts(("CL", "US"))
    assert stored is not None and (stored.a, stored.b) == ("CL", "US")
    assert stored.verdicts == (VERDICT,) and stored.unchecked == 3
    assert kb.store.checked_dyads() == [("CL", "US")]


def test_the_same_fingerprint_writes_nothing_and_a_new_one_replaces(kb: KnowledgeBase) -> None:
    kb.store.replace_verdicts(("CL", "US"), "f1", [VERDICT])
    assert not kb.store.replace_verdicts(("CL", "US"), "f1", [])
    stored = kb.store.verdicts(("CL", "US"))
    assert stored is not None and len(stored.verdicts) == 1
    assert kb.store.replace_verdicts(("CL", "US"), "f2", [])
    stored = kb.store.verdicts(("CL", "US"))
    assert stored is not None and stored.verdicts == () and stored.fingerprint == "f2"


def test_check_stores_what_it_reports(checked: KnowledgeBase) -> None:
    report = checked.check(["Chile", "United States"])
    stored = checked.store.verdicts(("CL", "US"))
    assert stored is not None
    assert [v["claim_id"] for v in stored.verdicts] == [v.claim_id for v in report.verdicts]
    assert stored.unchecked == report.unchecked


def test_checking_again_without_changes_keeps_the_stored_run(checked: KnowledgeBase) -> None:
    checked.check(["CL", "US"])
    before = checked.store.verdicts(("CL", "US"))
    checked.check(["CL", "US"])
    assert checked.store.verdicts(("CL", "US")) == before


def test_changed_records_refresh_the_stored_verdicts(checked: KnowledgeBase) -> None:
    checked.check(["CL", "US"])
    fixed = chief("cl-1822-marl-01", "Ada Quincy Marlow", appointed="1823-01-27",
                  started="1824-04-20")  # fmt: skip
    checked.store.replace_authority("pocom", "pocom.xml", "/data/pocom.xml", [fixed])
    checked.refresh_verdicts()
    stored = checked.store.verdicts(("CL", "US"))
    assert stored is not None
    envoy = next(v for v in stored.verdicts if v["kind"] == "envoy")
    assert envoy["verdict"] == "corroborated"


def test_an_ingest_rechecks_the_dyads_already_checked(
    checked: KnowledgeBase, tmp_path: Path
) -> None:
    checked.check(["CL", "US"])
    article = tmp_path / "chile-us.txt"
    article.write_text(ARTICLE.replace("In 1991", "In December 1990"), encoding="utf-8")
    checked.ingest([article])
    stored = checked.store.verdicts(("CL", "US"))
    assert stored is not None
    visit = next(v for v in stored.verdicts if v["dataset"] == "visits")
    assert visit["verdict"] == "corroborated"


def test_a_dyad_with_no_claims_cannot_be_checked(kb: KnowledgeBase) -> None:
    with pytest.raises(UnknownDyad):
        kb.check(["CL", "US"])
