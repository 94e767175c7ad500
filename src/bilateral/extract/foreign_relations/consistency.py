"""Where sources on one dyad agree and where they conflict (a pure function).

A's "Foreign relations" page and B's both speak of the A–B dyad, and so may
a bilateral article. For every pair of documents holding facts of a dyad,
`compare_dyad` sets side by side:

- the dates of each relation mode (relations established, severed,
  restored): a date agrees with the other document's when some date of the
  same mode there agrees with it at the coarser precision (EDTF `agree`);
  otherwise it is a conflict, both values kept; when the other document
  states no date of that mode, this one's date is ``silent`` there;
- missions, by sender, host and place: the same place and type agree; the
  same place with another type, or a resident mission on one side where the
  other says the sender is accredited from elsewhere, conflict; a mission
  one lists and the other does not is ``one-sided`` when the other lists
  other missions of that sender in that host, ``silent`` when it lists none.

A document can also disagree with itself (two tables of one page giving two
dates): such dates are reported as conflicts ``within`` that document.
Relation events count only when their actors name both states of the
dyad, so an event a bilateral article files under its dyad but which is
about a third state does not speak for this one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from bilateral.model.edtf import EDTFError, agree
from bilateral.model.facts import Event, Fact, Mission
from bilateral.model.names import fold

DATED_MODES = ("establish-relations", "sever-relations", "restore-relations")
STATUSES = ("conflict", "one-sided", "silent", "agree")


@dataclass(frozen=True)
class Finding:
    """One comparison: what ``source_a`` says next to what ``source_b`` says.

    ``topic`` is a relation mode or ``mission``; ``scope`` is ``across``
    (two documents) or ``within`` (one document, two of its statements).
    ``value_b`` and ``facts_b`` are empty when ``source_b`` is silent.
    """

    a: str
    b: str
    topic: str
    status: str
    scope: str
    source_a: str
    source_b: str
    value_a: str
    value_b: str
    facts_a: tuple[str, ...]
    facts_b: tuple[str, ...]
    detail: str = ""


@dataclass(frozen=True)
class _Dated:
    date: str
    fact: str


def compare_dyad(dyad: tuple[str, str], facts: Iterable[Fact]) -> list[Finding]:
    """Every finding on one dyad, conflicts first, then in a stable order."""
    a, b = sorted(dyad)
    dates: dict[str, dict[str, list[_Dated]]] = defaultdict(lambda: defaultdict(list))
    missions: dict[str, list[Mission]] = defaultdict(list)
    sources: set[str] = set()
    for fact in facts:
        if fact.dyad is not None and tuple(sorted(fact.dyad)) != (a, b):
            continue
        sources.add(fact.source)
        if isinstance(fact, Event) and fact.mode in DATED_MODES and fact.date:
            if a in fact.actors and b in fact.actors and _valid(fact.date):
                dates[fact.source][fact.mode].append(_Dated(fact.date, fact.id))
        elif isinstance(fact, Mission):
            missions[fact.source].append(fact)
    found: list[Finding] = []
    ordered = sorted(sources)
    for source in ordered:
        for mode, stated in sorted(dates[source].items()):
            found.extend(_within(a, b, source, mode, stated))
    for index, first in enumerate(ordered):
        for second in ordered[index + 1 :]:
            for mode in DATED_MODES:
                found.extend(
                    _dates(a, b, mode, (first, dates[first][mode]), (second, dates[second][mode]))
                )
            found.extend(_missions(a, b, (first, missions[first]), (second, missions[second])))
    return sorted(found, key=lambda f: STATUSES.index(f.status))


def _valid(date: str) -> bool:
    try:
        agree(date, date)
    except EDTFError:
        return False
    return True


def _within(a: str, b: str, source: str, mode: str, stated: list[_Dated]) -> list[Finding]:
    found = []
    for index, first in enumerate(stated):
        for second in stated[index + 1 :]:
            if not agree(first.date, second.date):
                found.append(
                    Finding(a, b, mode, "conflict", "within", source, source, first.date,
                            second.date, (first.fact,), (second.fact,))
                )  # fmt: skip
    return found


def _dates(
    a: str,
    b: str,
    mode: str,
    first: tuple[str, list[_Dated]],
    second: tuple[str, list[_Dated]],
) -> list[Finding]:
    (one, ones), (other, others) = first, second
    if not ones and not others:
        return []
    found: list[Finding] = []
    matched: set[str] = set()
    for mine in ones:
        agreeing = [theirs for theirs in others if agree(mine.date, theirs.date)]
        matched.update(t.fact for t in agreeing)
        if agreeing:
            theirs = agreeing[0]
            found.append(
                Finding(a, b, mode, "agree", "across", one, other, mine.date, theirs.date,
                        (mine.fact,), tuple(t.fact for t in agreeing))
            )  # fmt: skip
        elif others:
            found.append(
                Finding(a, b, mode, "conflict", "across", one, other, mine.date,
                        " | ".join(t.date for t in others), (mine.fact,),
                        tuple(t.fact for t in others))
            )  # fmt: skip
        else:
            found.append(_silent(a, b, mode, one, other, mine.date, mine.fact))
    for theirs in others:
        if theirs.fact in matched:
            continue
        if ones:
            found.append(
                Finding(a, b, mode, "conflict", "across", other, one, theirs.date,
                        " | ".join(m.date for m in ones), (theirs.fact,),
                        tuple(m.fact for m in ones))
            )  # fmt: skip
        else:
            found.append(_silent(a, b, mode, other, one, theirs.date, theirs.fact))
    return found


def _silent(
    a: str, b: str, topic: str, speaks: str, silent: str, value: str, fact: str, detail: str = ""
) -> Finding:
    return Finding(a, b, topic, "silent", "across", speaks, silent, value, "", (fact,), (), detail)


def _place(mission: Mission) -> str:
    if mission.geonameid is not None:
        return f"geonames:{mission.geonameid}"
    return fold(mission.accredited_from or mission.city)


def describe(mission: Mission) -> str:
    """ "embassy in Lima", "non-resident, from Santiago"."""
    if mission.type == "non-resident":
        return f"non-resident, from {mission.accredited_from or mission.city}"
    return f"{mission.type} in {mission.city}"


def _missions(
    a: str, b: str, first: tuple[str, list[Mission]], second: tuple[str, list[Mission]]
) -> list[Finding]:
    found: list[Finding] = []
    (one, ones), (other, others) = first, second
    if not ones and not others:
        return found
    paired: set[str] = set()
    for mine in ones:
        found.extend(_mission(a, b, one, mine, other, others, paired, report_agree=True))
    for theirs in others:
        if theirs.id not in paired:
            found.extend(_mission(a, b, other, theirs, one, ones, paired, report_agree=False))
    return found


def _mission(
    a: str,
    b: str,
    source: str,
    mine: Mission,
    other: str,
    theirs: list[Mission],
    paired: set[str],
    report_agree: bool,
) -> list[Finding]:
    direction = [t for t in theirs if (t.sender, t.host) == (mine.sender, mine.host)]
    same = [t for t in direction if _place(t) == _place(mine) and _resident(t) == _resident(mine)]
    paired.update(t.id for t in same)
    here = describe(mine)
    if same:
        kinds = {t.type for t in same}
        if mine.type in kinds:
            if not report_agree:
                return []
            return [
                Finding(a, b, "mission", "agree", "across", source, other, here, here, (mine.id,),
                        tuple(t.id for t in same), f"{mine.sender} in {mine.host}")
            ]  # fmt: skip
        return [
            Finding(a, b, "mission", "conflict", "across", source, other, here,
                    " | ".join(describe(t) for t in same), (mine.id,), tuple(t.id for t in same),
                    "same place, another kind of mission")
        ]  # fmt: skip
    rival = [t for t in direction if _resident(t) != _resident(mine) and _rivals(t, mine)]
    if rival:
        paired.update(t.id for t in rival)
        return [
            Finding(a, b, "mission", "conflict", "across", source, other, here,
                    " | ".join(describe(t) for t in rival), (mine.id,), tuple(t.id for t in rival),
                    "resident on one side, accredited from elsewhere on the other")
        ]  # fmt: skip
    status = "one-sided" if direction else "silent"
    detail = f"the other lists {len(direction)} other" if direction else "the other lists none"
    return [
        Finding(a, b, "mission", status, "across", source, other, here, "", (mine.id,), (),
                f"{detail} of {mine.sender}'s missions in {mine.host}")
    ]  # fmt: skip


def _resident(mission: Mission) -> bool:
    return mission.type != "non-resident"


def _rivals(first: Mission, second: Mission) -> bool:
    """A non-resident accreditation and a resident embassy of one sender in one host."""
    kinds = {first.type, second.type}
    return kinds == {"non-resident", "embassy"}
