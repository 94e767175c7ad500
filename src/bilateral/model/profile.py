"""The profile of a dyad: what `bilateral show` and the web page present.

Built from facts alone (a pure function), so every interface shows the same
thing.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from bilateral.model.authority import ChiefOfMission
from bilateral.model.facts import (
    Agreement,
    Assessment,
    Envoy,
    Event,
    Fact,
    Membership,
    Mission,
    Poll,
    Statistic,
)
from bilateral.model.trajectory import DecadeScore, by_decade, chronological

MISSION_ORDER = (
    "embassy",
    "legation",
    "consulate-general",
    "consulate",
    "consular-agency",
    "honorary-consulate",
    "interests-section",
    "non-resident",
)


@dataclass(frozen=True)
class DyadProfile:
    a: str
    b: str
    sources: tuple[str, ...]
    current_envoys: tuple[Envoy, ...]
    envoy_history: tuple[Envoy, ...]
    missions_by_host: dict[str, tuple[Mission, ...]]
    counts: Counter[str] = field(default_factory=Counter)
    # US chiefs of mission to the other state from POCOM (authority, not extracted);
    # filled by the knowledge base when the dyad includes the United States.
    authority_envoys: tuple[ChiefOfMission, ...] = ()
    events: tuple[Event, ...] = ()
    assessments: tuple[Assessment, ...] = ()
    trajectory: tuple[DecadeScore, ...] = ()
    polls: tuple[Poll, ...] = ()
    memberships: tuple[Membership, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    statistics: tuple[Statistic, ...] = ()

    @property
    def missions(self) -> tuple[Mission, ...]:
        return tuple(m for group in self.missions_by_host.values() for m in group)


def _mission_sort_key(mission: Mission) -> tuple[int, str]:
    rank = (
        MISSION_ORDER.index(mission.type) if mission.type in MISSION_ORDER else len(MISSION_ORDER)
    )
    return rank, mission.city


def build_profile(a: str, b: str, facts: Iterable[Fact]) -> DyadProfile:
    """Group a dyad's facts; ``a`` and ``b`` keep the order the user asked in."""
    sources: list[str] = []
    current: list[Envoy] = []
    history: list[Envoy] = []
    missions: dict[str, list[Mission]] = defaultdict(list)
    counts: Counter[str] = Counter()
    facts = list(facts)
    for fact in facts:
        counts[fact.kind] += 1
        if fact.source_path not in sources:
            sources.append(fact.source_path)
        if isinstance(fact, Envoy):
            (current if fact.current else history).append(fact)
        elif isinstance(fact, Mission):
            missions[fact.host].append(fact)
    hosts = [h for h in (b, a) if h in missions] + sorted(set(missions) - {a, b})
    return DyadProfile(
        a=a,
        b=b,
        sources=tuple(sources),
        current_envoys=tuple(sorted(current, key=lambda e: (e.sender != a, e.person))),
        envoy_history=tuple(sorted(history, key=lambda e: (e.start or "", e.person))),
        missions_by_host={h: tuple(sorted(missions[h], key=_mission_sort_key)) for h in hosts},
        counts=counts,
        events=tuple(chronological(f for f in facts if isinstance(f, Event))),
        assessments=tuple(chronological(f for f in facts if isinstance(f, Assessment))),
        trajectory=tuple(by_decade([f for f in facts if isinstance(f, Event)])),
        polls=tuple(chronological(f for f in facts if isinstance(f, Poll))),
        memberships=tuple(f for f in facts if isinstance(f, Membership)),
        agreements=tuple(f for f in facts if isinstance(f, Agreement)),
        statistics=tuple(f for f in facts if isinstance(f, Statistic)),
    )
