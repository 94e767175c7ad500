"""Recognition, relations and mission events against RDCR.

An event whose diplomatic mode RDCR records (`MODE_KINDS`), between the
United States and a state in scope, is linked to the RDCR records of that
state that have the matching kind, are about the same state (the title
names it: "Recognition of the Peru-Bolivian Confederation" is not about
Peru) and, for missions, the same side ("the American Legation" is the
US's). The record whose heading date agrees wins; otherwise the nearest one
is the same fact told with another date — for what happens once
(recognition, establishing relations, opening or raising a mission) always,
for what can recur (severing, restoring, closing) only within `WINDOW_DAYS`.

When the record names people and the claim names people too, they must
match (the envoy who presented credentials). A recognition "by the
appointment of" an envoy is also compared with the POCOM appointment of any
envoy the sentence names whose credentials date POCOM marks as the day of
recognition, so that a conflict with RDCR's heading shows what POCOM says.
"""

from __future__ import annotations

from bilateral.model.authority import ChiefOfMission, RecognitionEvent
from bilateral.model.facts import Event
from bilateral.model.names import fold
from bilateral.reconcile import names
from bilateral.reconcile.scope import US, WINDOW_DAYS, Scope, compare, nearest, verdict
from bilateral.reconcile.verdicts import CORROBORATED, NOT_COVERED, Comparison, Verdict, judge

MODE_KINDS: dict[str, tuple[str, ...]] = {
    "recognize": ("recognition",),
    "establish-relations": ("establish-relations",),
    "upgrade-mission": ("upgrade-to-embassy",),
    "open-mission": ("open-legation", "open-embassy"),
    "sever-relations": ("sever-relations",),
    "restore-relations": ("restore-relations",),
    "close-mission": ("close-mission",),
}
ONCE = frozenset({"recognize", "establish-relations", "upgrade-mission", "open-mission"})
# Modes where who acted matters: the US recognises; a mission is one side's.
_DIRECTED = frozenset({"recognize", "upgrade-mission", "open-mission", "close-mission"})


def parties(event: Event, scope: Scope) -> tuple[str, str | None] | None:
    """(the state in scope, the actor if known) when the event is between the US and a
    state in scope; None otherwise. An event that names no state at all ("the
    Legation was raised to an Embassy") is taken to be between the states of the
    article's dyad."""
    roles = [r for r in (event.actor, event.recipient) if r]
    if not roles and not any(_is_state(a) for a in event.actors) and event.dyad:
        roles = list(event.dyad)
        if US in roles and scope.covers(roles[1] if roles[0] == US else roles[0]):
            return (roles[1] if roles[0] == US else roles[0]), None
        return None
    if len(roles) == 2:
        if US not in roles:
            return None
        other = roles[1] if roles[0] == US else roles[0]
        return (other, event.actor) if scope.covers(other) else None
    if US not in event.actors and US not in roles:
        return None
    others = [a for a in dict.fromkeys((*roles, *event.actors)) if a != US and scope.covers(a)]
    return (others[0], event.actor) if len(others) == 1 else None


def _is_state(actor: str) -> bool:
    """State ids are ISO codes (two capitals) or lower-case slugs; people mix cases and
    organisations are longer acronyms."""
    return (len(actor) == 2 and actor.isupper()) or (actor == actor.lower() and "-" in actor)


def describe(event: Event) -> str:
    return f"event {event.mode}: {event.summary}"


def check_event(event: Event, scope: Scope) -> Verdict | None:
    """The verdict on a recognition/relations/mission event, or None when RDCR cannot
    speak to it (another mode, no US side, a state out of scope)."""
    mode = event.mode or ""
    if mode not in MODE_KINDS:
        return None
    found = parties(event, scope)
    if found is None:
        return None
    other, actor = found
    if mode == "recognize" and actor not in (None, US):
        return None
    kinds = MODE_KINDS[mode]
    candidates = [
        r
        for r in scope.of(RecognitionEvent)
        if set(kinds) & set(r.kinds)
        and scope.subject(r.title, r.country, r.kind) == other
        and not (mode in _DIRECTED and actor and r.actor and r.actor != actor)
    ]
    claim = describe(event)
    if not candidates:
        return verdict(
            event,
            claim,
            event.date,
            "rdcr",
            verdict=NOT_COVERED,
            note=f"RDCR has no {' or '.join(kinds)} record for {scope.names[other]}",
        )
    if not event.date:
        return verdict(
            event,
            claim,
            None,
            "rdcr",
            verdict=CORROBORATED,
            record_ids=tuple(r.id for r in candidates),
            note="undated claim: RDCR records the same kind of event",
        )
    ranked = nearest(event.date, ((r, r.date) for r in candidates))
    if not ranked:
        return None
    gap, record, _when = ranked[0]
    if gap and mode not in ONCE and gap > WINDOW_DAYS:
        return verdict(
            event,
            claim,
            event.date,
            "rdcr",
            verdict=NOT_COVERED,
            note=f"the nearest {record.kind} record ({record.date}) is too far to be this one",
        )
    comparisons = [compare("date", event.date, record.date, "RDCR heading", record.id)]
    person = _persons(event, record)
    if person is not None:
        comparisons.append(person)
    support = _recognized_by(event, scope) if mode == "recognize" else []
    comparisons.extend(support)
    return verdict(
        event,
        claim,
        event.date,
        "rdcr",
        verdict=judge(comparisons),
        record_ids=(record.id, *(c.record_id for c in support)),
        comparisons=tuple(comparisons),
    )


def _persons(event: Event, record: RecognitionEvent) -> Comparison | None:
    """The people the claim names against those the record names, when both do."""
    claimed = [a for a in event.actors if names.looks_like_person(a)]
    if not claimed or not record.names:
        return None
    agree = any(names.best_score(p, record.names) >= names.WEAK for p in claimed)
    return Comparison(
        aspect="person",
        claim=", ".join(claimed),
        record=", ".join(record.names),
        field="RDCR names",
        record_id=record.id,
        agrees=agree,
        difference=None if agree else "different people",
    )


def _recognized_by(event: Event, scope: Scope) -> list[Comparison]:
    """POCOM appointments whose credentials date is marked as the day of recognition,
    of envoys the claim's sentence names by surname."""
    text = f" {fold(' '.join(e.text for e in event.evidence))} "
    found: list[Comparison] = []
    for chief in scope.of(ChiefOfMission):
        note = (chief.started_note or "").casefold()
        last = names.surname(chief.name)
        if not chief.started or "recogni" not in note or not last or f" {last} " not in text:
            continue
        assert event.date is not None
        where = f"POCOM: {chief.name} {note.removesuffix(' on')}"
        found.append(compare("date", event.date, chief.started, where, chief.id))
    return found
