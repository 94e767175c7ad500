"""Envoy claims against POCOM (US envoys) and RDCR (a foreign state's first envoy).

A US envoy to a state in scope is linked to the POCOM appointment whose
person's name matches best (`names.score`); where one person served several
times, the appointment whose dates and rank fit the claim wins. The claim's
dates are compared field by field: ``appointed`` with POCOM's appointment,
``credentials`` with POCOM's "started" (credentials presented or officially
recognised), ``end`` with its end, and ``start`` (when it is not just the
appointment or credentials date again) with whichever of appointment,
arrival or credentials it agrees with.

POCOM knows only US envoys. A foreign envoy to the United States can be
checked only when an RDCR record names them (RDCR tells who opened a state's
legation in Washington); other foreign envoys are not checkable.
"""

from __future__ import annotations

from bilateral.model.authority import ChiefOfMission, RecognitionEvent
from bilateral.model.facts import Envoy
from bilateral.reconcile import dates, names
from bilateral.reconcile.scope import US, Scope, compare, verdict
from bilateral.reconcile.verdicts import NOT_COVERED, Comparison, Verdict, judge

_ROLE_WORDS = {
    "ambassador": ("ambassador",),
    "minister": ("minister", "envoy"),
    "envoy": ("envoy", "minister"),
    "charge-d-affaires": ("charge",),
    "consul": ("consul",),
}


def check_envoy(envoy: Envoy, scope: Scope) -> Verdict | None:
    """The verdict on an envoy claim, or None when no dataset can speak to it."""
    if envoy.sender == US and scope.covers(envoy.receiver):
        return _against_pocom(envoy, scope)
    if envoy.receiver == US and scope.covers(envoy.sender):
        return _against_rdcr(envoy, scope)
    return None


def describe(envoy: Envoy) -> str:
    title = f", {envoy.title}" if envoy.title else ""
    return f"envoy {envoy.sender}→{envoy.receiver}: {envoy.person}{title}"


def _main_date(envoy: Envoy) -> str | None:
    return envoy.appointed or envoy.start or envoy.credentials or envoy.end


def _credentials_label(chief: ChiefOfMission) -> str:
    note = (chief.started_note or "").removesuffix(" on").strip()
    return f"POCOM credentials: {note[:1].lower()}{note[1:]}" if note else "POCOM credentials"


def _end_label(chief: ChiefOfMission) -> str:
    reason = (chief.end_reason or "").removesuffix(" on").strip()
    return f"POCOM ended: {reason[:1].lower()}{reason[1:]}" if reason else "POCOM ended"


def pocom_comparisons(envoy: Envoy, chief: ChiefOfMission) -> list[Comparison]:
    """Every date the claim and the appointment both give, compared."""
    found: list[Comparison] = []
    pairs = (
        ("appointed", envoy.appointed, "POCOM appointed", chief.appointed),
        ("credentials", envoy.credentials, _credentials_label(chief), chief.started),
        ("end", envoy.end, _end_label(chief), chief.ended),
    )
    for aspect, claimed, where, recorded in pairs:
        if claimed and recorded:
            found.append(compare(aspect, claimed, recorded, where, chief.id))
    if envoy.start and envoy.start not in (envoy.appointed, envoy.credentials):
        options = (
            ("POCOM appointed", chief.appointed),
            ("POCOM arrived", chief.arrived),
            (_credentials_label(chief), chief.started),
        )
        compared = [compare("start", envoy.start, v, w, chief.id) for w, v in options if v]
        if compared:
            agreeing = [c for c in compared if c.agrees]
            found.append(
                agreeing[0]
                if agreeing
                else min(compared, key=lambda c: dates.distance(c.claim, c.record) or 0)
            )
    return found


def _rank_fits(envoy: Envoy, chief: ChiefOfMission) -> bool:
    role = chief.role_code.casefold()
    return any(word in role for word in _ROLE_WORDS.get(envoy.rank, ()))


def _against_pocom(envoy: Envoy, scope: Scope) -> Verdict:
    claim = describe(envoy)
    when = _main_date(envoy)
    ranked: list[tuple[tuple[object, ...], ChiefOfMission, list[Comparison], float]] = []
    for chief in scope.of(ChiefOfMission):
        similarity = names.best_score(envoy.person, chief.persons())
        if similarity < names.WEAK:
            continue
        comparisons = pocom_comparisons(envoy, chief)
        agreeing = sum(c.agrees for c in comparisons)
        key = (
            similarity >= names.STRONG,
            agreeing == len(comparisons),
            agreeing,
            _rank_fits(envoy, chief),
            similarity,
        )
        ranked.append((key, chief, comparisons, similarity))
    if not ranked:
        where = ", ".join(scope.names.values())
        return verdict(
            envoy,
            claim,
            when,
            "pocom",
            verdict=NOT_COVERED,
            note=f"no POCOM chief of mission to {where} matches the name {envoy.person!r}",
        )
    _key, chief, comparisons, similarity = max(ranked, key=lambda item: item[0])
    strong = similarity >= names.STRONG
    note = None
    if not strong:
        note = f"weak name match ({envoy.person!r} / {chief.name!r}): can only corroborate"
    elif not comparisons:
        note = "the claim gives no date POCOM records; the person matches"
    if chief.nominee:
        note = "POCOM lists this person as a nominee who did not serve"
    return verdict(
        envoy,
        claim,
        when,
        "pocom",
        verdict=judge(comparisons, strong),
        record_ids=(chief.id,),
        comparisons=tuple(comparisons),
        note=note,
    )


def _against_rdcr(envoy: Envoy, scope: Scope) -> Verdict | None:
    """A foreign envoy named by an RDCR record (the first minister, a legation's
    opening): the claim's date against the record's heading date."""
    when = _main_date(envoy)
    ranked: list[tuple[tuple[bool, bool, float], RecognitionEvent, list[Comparison]]] = []
    for record in scope.of(RecognitionEvent):
        similarity = names.best_score(envoy.person, record.names)
        if record.actor not in (None, envoy.sender) or similarity < names.WEAK:
            continue
        comparisons = (
            []
            if when is None
            else [compare("appointed", when, record.date, "RDCR heading", record.id)]
        )
        agree = all(c.agrees for c in comparisons)
        ranked.append(((similarity >= names.STRONG, agree, similarity), record, comparisons))
    if not ranked:
        return None
    (strong, _agree, _similarity), record, comparisons = max(ranked, key=lambda item: item[0])
    return verdict(
        envoy,
        describe(envoy),
        when,
        "rdcr",
        verdict=judge(comparisons, strong),
        record_ids=(record.id,),
        comparisons=tuple(comparisons),
        note=None if strong else "weak name match: can only corroborate",
    )
