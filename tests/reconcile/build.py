"""Small hand-made claims and authority records for the reconciliation tests.

Everything here is invented for the tests (people, dates, ids); only the
shapes follow the real datasets.
"""

from __future__ import annotations

from typing import Any

from bilateral.model.authority import ChiefOfMission, LeaderVisit, RecognitionEvent, Travel
from bilateral.model.facts import Envoy, Event, Evidence, dyad_of
from bilateral.reconcile import Scope

NAMES = {"CL": "Chile", "new-granada-league": "New Granada League", "BO": "Bolivia"}


def envoy(person: str, sender: str = "US", receiver: str = "CL", **fields: Any) -> Envoy:
    sentence = fields.pop("sentence", f"{person} was sent as envoy.")
    return Envoy(
        source="doc-1",
        source_path="article.txt",
        evidence=(Evidence(0, len(sentence), sentence),),
        extractor="test@1",
        dyad=dyad_of(sender, receiver),
        sender=sender,
        receiver=receiver,
        person=person,
        **fields,
    )


def event(mode: str, date: str | None, actor: str | None = "US", recipient: str | None = "CL",
          actors: tuple[str, ...] | None = None, **fields: Any) -> Event:  # fmt: skip
    sentence = fields.pop("sentence", f"Something of mode {mode} happened.")
    parties = actors if actors is not None else tuple(a for a in (actor, recipient) if a)
    states = [a for a in (actor, recipient) if a] or ["US", "CL"]
    return Event(
        source="doc-1",
        source_path="article.txt",
        evidence=(Evidence(0, len(sentence), sentence),),
        extractor="test@1",
        dyad=fields.pop("dyad", dyad_of(states[0], states[-1]) if len(states) > 1 else None),
        date=date,
        actors=parties,
        type="COOPERATE",
        summary=f"{mode} claim",
        score=5.0,
        actor=actor,
        recipient=recipient,
        mode=mode,
        **fields,
    )


def chief(rid: str, name: str, country: str = "CL", **fields: Any) -> ChiefOfMission:
    return ChiefOfMission(
        id=f"pocom:{rid}",
        source_path="pocom/missions-countries/chile.xml",
        source_file="missions-countries/chile.xml",
        country=country,
        territory="chile",
        person_id=rid,
        name=name,
        role_code=fields.pop("role_code", "envoy-extraordinary-minister-plenipotentiary"),
        role_title=fields.pop("role_title", "Envoy Extraordinary and Minister Plenipotentiary"),
        **fields,
    )


def rdcr(rid: str, kind: str, date: str, title: str, country: str = "CL",
         **fields: Any) -> RecognitionEvent:  # fmt: skip
    return RecognitionEvent(
        id=f"rdcr:{rid}",
        source_path="rdcr/articles/chile.xml",
        source_file="articles/chile.xml",
        country=country,
        territory="chile",
        kind=kind,
        kinds=fields.pop("kinds", (kind,)),
        date=date,
        title=title,
        text=fields.pop("text", title),
        **fields,
    )


def visit(rid: str, name: str, start: str, end: str | None = None,
          country: str = "CL") -> LeaderVisit:  # fmt: skip
    return LeaderVisit(
        id=f"visits:{rid}",
        source_path="visits/data/1990.xml",
        source_file="data/1990.xml",
        country=country,
        territory="chile",
        start=start,
        end=end,
        visitor=f"President {name}",
        name=name,
    )


def travel(rid: str, person: str, start: str, end: str | None = None,
           country: str = "CL", role: str = "president") -> Travel:  # fmt: skip
    return Travel(
        id=f"travels:{rid}",
        source_path="travels/presidents.xml",
        source_file="presidents.xml",
        country=country,
        territory="chile",
        person=person,
        person_id=person.lower().replace(" ", "-"),
        role=role,
        start=start,
        end=end,
    )


def scope(
    *records: Any, states: tuple[str, ...] = ("CL",), travellers: tuple[str, ...] = ()
) -> Scope:
    travelling = travellers or tuple(r.person for r in records if isinstance(r, Travel))
    return Scope(states[0], {s: NAMES[s] for s in states}, tuple(records), travelling)


# A small article written for the store and CLI tests, and the records it is
# checked against: the recognition and the envoy's credentials agree, the
# appointment date does not, the visit is a year off, the severance is not covered.
ARTICLE = (
    "= Chile–United States relations =\n\n"
    "The United States recognized Chile on January 27, 1823 by the appointment of "
    "Ada Q. Marlow as Minister. Marlow presented her credentials in April 1824.\n\n"
    "In 1991, President Patricio Aylwin visited President Bush in Washington.\n\n"
    "Chile severed relations with the United States in 1950.\n"
)


def authority() -> dict[str, list[Any]]:
    """Records by dataset for `ARTICLE`."""
    return {
        "pocom": [
            chief(
                "cl-1822-marl-01",
                "Ada Quincy Marlow",
                appointed="1822-12-01",
                started="1824-04-20",
                ended="1827-01-01",
            )
        ],
        "rdcr": [
            rdcr("chile:recognition-1823", "recognition", "1823", "U.S. Recognition of Chile")
        ],
        "visits": [visit("900", "Patricio Aylwin", "1990-12-05", "1990-12-07")],
        "travels": [travel("901", "George H. W. Bush", "1990-12-06", "1990-12-07")],
    }
