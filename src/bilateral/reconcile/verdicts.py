"""Verdicts: what the official record says about one extracted claim.

A verdict is ``corroborated`` (an authority record states the same fact and
every date both give agrees at the claim's precision), ``conflicting`` (the
same fact, but a date or a person differs: both values are kept, with the
difference) or ``not-covered`` (no record states it). Each verdict lists the
`Comparison` of every value checked, so a conflicting claim still shows
what the records do confirm, and the ids of the records it was checked
against. `verdict_record` and `verdict_from_record` give the JSON form that
is stored and printed.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from bilateral.model import edtf
from bilateral.model.facts import Evidence

CORROBORATED = "corroborated"
CONFLICTING = "conflicting"
NOT_COVERED = "not-covered"
# The order `bilateral check` shows them in: what needs an editor's eye first.
VERDICTS = (CONFLICTING, CORROBORATED, NOT_COVERED)


@dataclass(frozen=True)
class Comparison:
    """One value of the claim against the record's value for the same thing.

    ``aspect`` is what the claim says ("appointed", "credentials", "start",
    "end", "date", "person"); ``field`` where the record says it ("POCOM
    appointed", "RDCR heading", "visits"); ``difference`` how far apart
    disagreeing dates are ("1 year apart") or, for persons, None.
    """

    aspect: str
    claim: str
    record: str
    field: str
    record_id: str
    agrees: bool
    difference: str | None = None

    def describe(self) -> str:
        """ "claim 1837-03-16, record 1838 (RDCR heading): 1 year apart"."""
        text = f"claim {self.claim}, record {self.record} ({self.field})"
        if self.agrees:
            return f"{text}: agree"
        return f"{text}: {self.difference or 'differ'}"


@dataclass(frozen=True)
class Verdict:
    """The verdict on one claim (an envoy or event fact), with what it rests on.

    ``claim`` is a one-line description of the claim; ``date`` its main date
    (for ordering); ``dataset`` the authority dataset it was checked against;
    ``note`` says why a verdict is weaker than it looks (a weak name match,
    an undated claim).
    """

    claim_id: str
    kind: str
    claim: str
    verdict: str
    dataset: str
    record_ids: tuple[str, ...] = ()
    comparisons: tuple[Comparison, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    source: str = ""
    source_path: str = ""
    date: str | None = None
    note: str | None = None

    @property
    def conflicts(self) -> tuple[Comparison, ...]:
        return tuple(c for c in self.comparisons if not c.agrees)


def judge(comparisons: Iterable[Comparison], strong: bool = True) -> str:
    """Corroborated when every comparison agrees, else conflicting; a weak link (a name
    that matched on the surname alone) can corroborate but never contradict."""
    agree = all(c.agrees for c in comparisons)
    if agree:
        return CORROBORATED
    return CONFLICTING if strong else NOT_COVERED


def _order(verdict: Verdict) -> tuple[int, tuple[Any, ...], str]:
    when = edtf.sort_key(verdict.date) if verdict.date and edtf.is_valid(verdict.date) else None
    return (
        VERDICTS.index(verdict.verdict),
        (0, when) if when is not None else (1,),
        verdict.claim_id,
    )


def ordered(verdicts: Iterable[Verdict]) -> tuple[Verdict, ...]:
    """Conflicts first, then corroborations, then what no record covers; by date within."""
    return tuple(sorted(verdicts, key=_order))


@dataclass(frozen=True)
class CheckReport:
    """Every checkable claim of a dyad with its verdict, conflicts first.

    ``unchecked`` counts the dyad's other envoy and event claims: those the
    datasets cannot speak to (no US side, or a kind they do not record).
    ``note`` explains an empty report.
    """

    a: str
    b: str
    verdicts: tuple[Verdict, ...] = ()
    unchecked: int = 0
    note: str | None = None

    def counts(self) -> dict[str, int]:
        found = Counter(v.verdict for v in self.verdicts)
        return {name: found[name] for name in VERDICTS}

    def of(self, claim_id: str) -> Verdict | None:
        return next((v for v in self.verdicts if v.claim_id == claim_id), None)


def verdict_record(verdict: Verdict) -> dict[str, Any]:
    """The JSON-ready form of a verdict (tuples as lists, evidence as spans)."""
    values = dataclasses.asdict(verdict)
    values["record_ids"] = list(verdict.record_ids)
    values["comparisons"] = [dataclasses.asdict(c) for c in verdict.comparisons]
    values["evidence"] = [dataclasses.asdict(e) for e in verdict.evidence]
    return values


def verdict_from_record(values: dict[str, Any]) -> Verdict:
    """Rebuild a verdict from `verdict_record`'s output."""
    names = {f.name for f in dataclasses.fields(Verdict)}
    fields = {k: v for k, v in values.items() if k in names}
    fields["record_ids"] = tuple(values.get("record_ids", ()))
    fields["comparisons"] = tuple(Comparison(**c) for c in values.get("comparisons", ()))
    fields["evidence"] = tuple(Evidence(**e) for e in values.get("evidence", ()))
    return Verdict(**fields)
