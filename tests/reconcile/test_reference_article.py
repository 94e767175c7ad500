"""The reference article against the shared samples of the official record (issue 6).

What the Office of the Historian's datasets say about the Peru–United States
article: the nineteenth-century recognitions and envoys are corroborated, and
the dated claims the records contradict are flagged with both values.
"""

from collections.abc import Iterator

import pytest

from bilateral.kb import KnowledgeBase
from bilateral.reconcile import CheckReport, Verdict
from tests.conftest import SEED, SHARED

pytestmark = pytest.mark.corpus

SAMPLES = SHARED / "corpus" / "historyatstate"


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CheckReport]:
    db = tmp_path_factory.mktemp("reference") / "kb.sqlite"
    with KnowledgeBase(str(db)) as kb:
        kb.ingest([SEED])
        for dataset in ("pocom", "rdcr", "visits", "travels"):
            kb.import_authority(dataset, SAMPLES / dataset)
        yield kb.check(["PE", "US"])


def find(report: CheckReport, claim: str) -> Verdict:
    """The one verdict whose claim ends with, or else contains, ``claim``."""
    found = [v for v in report.verdicts if v.claim.endswith(claim)] or [
        v for v in report.verdicts if claim in v.claim
    ]
    assert len(found) == 1, [v.claim for v in report.verdicts]
    return found[0]


@pytest.mark.parametrize(
    ("claim", "record"),
    [
        ("James Cooley", "pocom:pe-1826-cool-01"),
        ("recognized Peru", "rdcr:peru:recognition:united-states-recognition-of-peru-1826"),
        ("William E. Gonzales", "pocom:pe-1919-gonz-01"),
        ("upgrade-mission", "rdcr:peru:diplomatic-relations:elevation-of-american-legation-to-"
         "embassy-status-1920"),
        ("Joaquin José de Osma", "rdcr:peru:diplomatic-relations:establishment-of-the-peruvian-"
         "legation-in-the-united-states-1846"),
        ("Ollanta Humala", "visits:2689"),
        ("George W. Bush", "travels:2396"),
        ("Joe Biden", "travels:4296"),
    ],
)  # fmt: skip
def test_claims_the_record_corroborates(report: CheckReport, claim: str, record: str) -> None:
    verdict = find(report, claim)
    assert verdict.verdict == "corroborated"
    assert record in verdict.record_ids


def test_the_recognition_of_the_confederation_conflicts_with_the_rdcr_heading(
    report: CheckReport,
) -> None:
    verdict = find(report, "recognized Peru-Bolivian Confederation")
    assert verdict.verdict == "conflicting"
    assert verdict.conflicts[0].describe() == (
        "claim 1837-03-16, record 1838 (RDCR heading): 1 year apart"
    )
    # …while POCOM dates Thornton's official recognition to the article's day.
    assert any(c.agrees and c.record == "1837-03-16" for c in verdict.comparisons)


def test_thornton_is_linked_to_pocom_whose_appointment_and_end_differ(
    report: CheckReport,
) -> None:
    verdict = find(report, "James B. Thornton")
    assert verdict.verdict == "conflicting"
    assert verdict.record_ids == ("pocom:pe-1836-thor-01",)
    assert [(c.aspect, c.claim, c.record) for c in verdict.conflicts] == [
        ("appointed", "1837-03-16", "1836-06-15"),
        ("end", "1838-01", "1837-12-10"),
    ]


def test_pickett_is_found_from_his_initials_credentials_agree_appointment_is_a_day_off(
    report: CheckReport,
) -> None:
    verdict = find(report, "J.C. Pickett")
    assert verdict.record_ids == ("pocom:pe-1838-pick-01",)
    assert [(c.aspect, c.agrees) for c in verdict.comparisons] == [
        ("appointed", False),
        ("credentials", True),
    ]
    assert verdict.conflicts[0].difference == "1 day apart"


def test_other_dated_claims_the_record_contradicts(report: CheckReport) -> None:
    relations = find(report, "Peru established relations")
    assert relations.verdict == "conflicting" and relations.conflicts[0].record == "1827"
    belaunde = find(report, "Fernando Belaunde Terry")
    assert belaunde.verdict == "conflicting"
    assert belaunde.conflicts[0].record.startswith("1984-09-25")


def test_conflicts_come_first_and_the_counts_add_up(report: CheckReport) -> None:
    counts = report.counts()
    assert counts == {"conflicting": 5, "corroborated": 8, "not-covered": 2}
    verdicts = [v.verdict for v in report.verdicts]
    assert verdicts == sorted(verdicts, key=["conflicting", "corroborated", "not-covered"].index)


def test_the_current_ambassador_is_not_in_the_sample(report: CheckReport) -> None:
    assert find(report, "Stephanie Syptak-Ramnath").verdict == "not-covered"
