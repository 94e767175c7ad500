"""What a dyad's claims are checked against, and the shared helpers of the linkers.

The Office of the Historian's datasets are about the United States' relations
with one state at a time, so only a dyad with the United States can be
checked. Its *scope* is the other state plus the historical entities the
dyad's own articles pair with the United States: the article on Peru–United
States relations tells how the US recognised the Peru-Bolivian Confederation,
and POCOM and RDCR file that under Peru. Records of every state in scope are
candidates; the linkers decide which one states the same fact.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from bilateral.model.authority import AuthorityRecord, Travel
from bilateral.model.countries import CountryRegistry
from bilateral.model.facts import Fact
from bilateral.model.names import fold
from bilateral.reconcile import dates
from bilateral.reconcile.verdicts import Comparison, Verdict

US = "US"
# A repeatable happening (a visit, a severance) whose nearest record is further
# away than this is taken to be another happening, not a contradiction.
WINDOW_DAYS = 2 * 366

R = TypeVar("R", bound=AuthorityRecord)


def is_historical(state: str) -> bool:
    """Ids without an ISO code are lower-case slugs (the interchange contract)."""
    return state == state.lower() and any(c.isalpha() for c in state)


def scope_states(other: str, facts: Iterable[Fact]) -> list[str]:
    """The other state, then the historical entities the facts pair with the US."""
    found = [other]
    for fact in facts:
        if fact.dyad is None or US not in fact.dyad:
            continue
        partner = fact.dyad[1] if fact.dyad[0] == US else fact.dyad[0]
        if partner not in found and is_historical(partner):
            found.append(partner)
    return found


@dataclass(frozen=True)
class Scope:
    """The authority records a dyad's claims are checked against.

    ``names`` maps each state in scope to its English name (the dyad's other
    state first), ``aliases`` to its other names (to read record titles);
    ``travellers`` are the names of every US president and
    secretary of state the travels dataset knows, so that a US visitor who
    is neither is not checked against it.
    """

    other: str
    names: Mapping[str, str]
    records: tuple[AuthorityRecord, ...] = ()
    travellers: tuple[str, ...] = ()
    aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def covers(self, state: str | None) -> bool:
        return state is not None and state in self.names

    def of(self, kind: type[R]) -> list[R]:
        return [r for r in self.records if isinstance(r, kind) and self.covers(r.country)]

    def subject(self, title: str, country: str, kind: str) -> str | None:
        """The state a record's title is about: the one in scope whose name (or alias)
        it contains, the longest if several ("… Recognition of the Peru-Bolivian
        Confederation" is not about Peru). A title naming none is about the state
        whose file it is in, except a recognition, which then recognised someone else."""
        text = f" {fold(title)} "
        named = [
            (len(key), state)
            for state, forms in self.forms().items()
            for key in forms
            if f" {key} " in text
        ]
        if named:
            return max(named)[1]
        return None if kind == "recognition" else country

    def forms(self) -> dict[str, set[str]]:
        """Folded names and aliases of each state in scope."""
        return {
            state: {fold(n) for n in (name, *self.aliases.get(state, ())) if fold(n)}
            for state, name in self.names.items()
        }


def build_scope(
    states: Sequence[str],
    registry: CountryRegistry,
    records: Iterable[AuthorityRecord],
    travels: Iterable[AuthorityRecord] = (),
) -> Scope:
    """The scope of ``states`` (the dyad's other state first) with their names and
    aliases from the registry; ``travels`` are every travels record, whose people
    are the US principals a visit claim can be checked for."""
    aliases: dict[str, tuple[str, ...]] = {s: () for s in states}
    for form, code, role in registry.forms():
        if code in aliases and role in ("name", "alias"):
            aliases[code] += (form,)
    people = sorted({r.person for r in travels if isinstance(r, Travel)})
    return Scope(
        states[0],
        {s: registry.name(s) for s in states},
        tuple(records),
        tuple(people),
        aliases,
    )


def verdict(fact: Fact, claim: str, date: str | None, dataset: str, **values: object) -> Verdict:
    """A verdict on ``fact`` carrying its evidence and source."""
    return Verdict(
        claim_id=fact.id,
        kind=fact.kind,
        claim=claim,
        dataset=dataset,
        evidence=fact.evidence,
        source=fact.source,
        source_path=fact.source_path,
        date=date,
        **values,  # type: ignore[arg-type]
    )


def compare(aspect: str, claim: str, record: str, where: str, record_id: str) -> Comparison:
    """One date of the claim against one of the record."""
    agree = dates.agrees(claim, record)
    return Comparison(
        aspect=aspect,
        claim=claim,
        record=record,
        field=where,
        record_id=record_id,
        agrees=bool(agree),
        difference=None if agree else dates.difference(claim, record),
    )


def nearest(claim: str, candidates: Iterable[tuple[R, str]]) -> list[tuple[int, R, str]]:
    """Candidates (record, its date) sorted by distance in days from the claim's date;
    those whose dates cannot be compared are left out."""
    ranked: list[tuple[int, R, str]] = []
    for record, when in candidates:
        gap = dates.distance(claim, when)
        if gap is not None:
            ranked.append((gap, record, when))
    return sorted(ranked, key=lambda item: (item[0], item[1].id))
