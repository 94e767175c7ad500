"""Visits and summits against the visits dataset and the travels dataset.

A foreign leader's visit to the United States (actor the state in scope,
recipient the US) is checked against that state's leader visits; a trip to
the state in scope by a US president or secretary of state (actor the US,
the visitor named and known to the travels dataset) against their travels.
A US visitor the travels dataset does not know (a senator, a general) is
not checkable.

The visitor is whichever person among the event's actors matches a record;
the record whose dates agree wins, else the nearest one of the same person
is the same visit told with another date when it is within `WINDOW_DAYS`.
A visit whose claim names nobody can only be corroborated by a record of
the same dates.
"""

from __future__ import annotations

from collections.abc import Sequence

from bilateral.model.authority import LeaderVisit, Travel
from bilateral.model.facts import Event
from bilateral.reconcile import dates, names
from bilateral.reconcile.scope import US, WINDOW_DAYS, Scope, compare, nearest, verdict
from bilateral.reconcile.verdicts import CONFLICTING, CORROBORATED, NOT_COVERED, Verdict

MODES = frozenset({"visit", "summit"})

Trip = LeaderVisit | Travel


def check_visit(event: Event, scope: Scope) -> Verdict | None:
    """The verdict on a visit or summit, or None when neither dataset covers it."""
    if event.mode not in MODES:
        return None
    persons = [a for a in event.actors if names.looks_like_person(a)]
    principals = [p for p in persons if names.best_score(p, scope.travellers) >= names.STRONG]
    visits: list[Trip] = list(scope.of(LeaderVisit))
    if event.recipient == US and scope.covers(event.actor):
        return _check(event, scope, persons, visits, "visits")
    if event.actor == US and scope.covers(event.recipient):
        if not principals:
            return None
        return _check(event, scope, principals, scope.of(Travel), "travels")
    if event.actor is None and event.recipient is None and event.dyad and US in event.dyad:
        # No roles ("Aylwin visited Bush"): whoever the records know says which way it went.
        leaders = [
            p for p in persons if names.best_score(p, [_person(v) for v in visits]) >= names.STRONG
        ]
        if leaders:
            return _check(event, scope, leaders, visits, "visits")
        if principals:
            return _check(event, scope, principals, scope.of(Travel), "travels")
    return None


def describe(event: Event) -> str:
    return f"event {event.mode}: {event.summary}"


def _person(record: Trip) -> str:
    return record.name if isinstance(record, LeaderVisit) else record.person


def _check(
    event: Event, scope: Scope, persons: Sequence[str], records: Sequence[Trip], dataset: str
) -> Verdict:
    claim = describe(event)
    if persons:
        scored = [(max(names.score(p, _person(r)) for p in persons), r) for r in records]
        linked = [(s, r) for s, r in scored if s >= names.WEAK]
    else:
        linked = [(0.0, r) for r in records]
    if not linked:
        who = " or ".join(persons) or "anyone"
        where = ", ".join(scope.names.values())
        return verdict(
            event,
            claim,
            event.date,
            dataset,
            verdict=NOT_COVERED,
            note=f"the {dataset} dataset has no trip by {who} involving {where}",
        )
    if not event.date:
        if not persons:
            return verdict(event, claim, None, dataset, verdict=NOT_COVERED, note="undated")
        return verdict(
            event,
            claim,
            None,
            dataset,
            verdict=CORROBORATED,
            record_ids=tuple(r.id for _s, r in linked),
            note="undated claim: the person matches",
        )
    strength = {r.id: s for s, r in linked}
    ranked = nearest(event.date, ((r, dates.span(r.start, r.end) or r.start) for _s, r in linked))
    if not ranked:
        return verdict(event, claim, event.date, dataset, verdict=NOT_COVERED)
    agreeing = [item for item in ranked if item[0] == 0]
    gap, record, when = max(agreeing or ranked[:1], key=lambda item: strength[item[1].id])
    strong = strength[record.id] >= names.STRONG
    if gap and (not strong or gap > WINDOW_DAYS):
        return verdict(
            event,
            claim,
            event.date,
            dataset,
            verdict=NOT_COVERED,
            note=f"no {dataset} record of these dates; the nearest ({when}) is not taken "
            "to be the same trip",
        )
    comparison = compare("date", event.date, when, f"{dataset}: {_person(record)}", record.id)
    return verdict(
        event,
        claim,
        event.date,
        dataset,
        verdict=CORROBORATED if comparison.agrees else CONFLICTING,
        record_ids=(record.id,),
        comparisons=(comparison,),
        note=None if strong else "weak name match" if persons else "matched by date only",
    )
