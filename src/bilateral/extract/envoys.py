"""Envoys through history, from the prose: who was sent, by whom, as what, when.

Built on the envoy acts the event extractor finds (appointments, credentials
presented, recalls): the person, the sending and receiving states, and the
date. The title is read from the text around the person ("as Charge
d'Affaires", "as its first Plenipotentiary Minister to the United States",
"was appointed Chargé d'Affaires", "Ambassador William E. Gonzales") and
gives the rank. One envoy per person and pair of states: the appointment
date is the start (credentials when no appointment is given), and a death
in post ("Thornton, who died in Peru in January, 1838") is the end.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from bilateral.extract.common import provenance
from bilateral.extract.entities import Mention
from bilateral.extract.event_dates import DateLike
from bilateral.extract.events import EnvoyAct
from bilateral.extract.lexicon_tables import envoy_rank
from bilateral.extract.pipeline import Output
from bilateral.model.document import Document
from bilateral.model.facts import Envoy, dyad_of
from bilateral.model.span import Span

_TITLE_WORDS = (
    r"(?:Ambassador|Minister|Envoy|Charg[eé] d['’]Affaires|Consul(?:[- ]General)?|"
    r"Plenipotentiary|Resident|Extraordinary|Commissioner|Nuncio|Representative)"
)
_TITLE = re.compile(
    r"(?:\bas\s+(?:its\s+|the\s+|their\s+|his\s+|her\s+)?(?:first\s+|new\s+)?|"
    r"\b(?:appointed|named|commissioned)\s+(?:as\s+)?(?:the\s+)?(?:first\s+)?)"
    rf"(?P<title>(?:[A-Z][\w'’.-]*\s+){{0,4}}?{_TITLE_WORDS}(?:\s+(?:and\s+)?{_TITLE_WORDS})*"
    r"(?:\s+(?:to|in|at)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)?)"
)
# "The first Australian ambassador to Indonesia, Dr John Hood, presented ...":
# the title set before the name by a comma.
_APPOSITIVE = re.compile(
    r"(?P<title>(?:[A-Z][\w'’.-]*\s+){0,3}?"
    r"(?:[Aa]mbassador|[Mm]inister|[Ee]nvoy|[Cc]harg[eé] d['’][Aa]ffaires"
    r"|[Cc]onsul(?:[- ][Gg]eneral)?|[Hh]igh [Cc]ommissioner|[Nn]uncio)"
    r"(?:\s+(?:to|in|at)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)?)"
    r"\s*,\s*(?:(?:Dr|Sir|Mr|Mrs|Ms|Dame)\.?\s+)?$"
)
_DIED = re.compile(r"\bdied\b[^.;]{0,60}?$", re.I)


class EnvoyHistory:
    name = "envoys"
    version = "2"
    requires: tuple[str, ...] = ("envoy_acts", "mentions", "dates")
    produces: tuple[str, ...] = ("envoys",)

    def run(self, document: Document, found: Mapping[str, Any]) -> Output:
        acts: Sequence[EnvoyAct] = found["envoy_acts"]
        mentions: Sequence[Mention] = found["mentions"]
        dates: Sequence[DateLike] = found["dates"]
        text = document.plain
        grouped: dict[tuple[str, str, str], list[EnvoyAct]] = {}
        for act in acts:
            if act.sender is None or act.receiver is None:
                continue
            grouped.setdefault((act.sender, act.receiver, act.person.entity), []).append(act)
        envoys: list[Envoy] = []
        for (sender, receiver, person), group in grouped.items():
            title = next((t for a in group if (t := _title(text, a))), None)
            appointed = next((a.date for a in group if a.mode == "appoint-envoy" and a.date), None)
            credentials = next(
                (a.date for a in group if a.mode == "present-credentials" and a.date), None
            )
            end = _death(text, person, mentions, dates)
            spans = [a.sentence for a in group]
            envoys.append(
                Envoy(
                    sender=sender,
                    receiver=receiver,
                    person=person,
                    title=title,
                    rank=envoy_rank(title) if title else "other",
                    start=appointed or credentials,
                    end=end,
                    current=False,
                    appointed=appointed,
                    credentials=credentials,
                    dyad=dyad_of(sender, receiver),
                    confidence=0.8 if title else 0.6,
                    **provenance(document, *dict.fromkeys(spans)),
                )
            )
        return Output(facts=tuple(envoys), values={"envoys": tuple(envoys)})


def _title(text: str, act: EnvoyAct) -> str | None:
    """The title the sentence gives the envoy, as written."""
    window = Span(act.sentence.start, act.sentence.end)
    before = _APPOSITIVE.search(
        text, max(window.start, act.person.span.start - 120), act.person.span.start
    )
    if before is not None:
        return " ".join(before.group("title").split())
    for match in _TITLE.finditer(text, window.start, window.end):
        if (
            abs(match.start() - act.person.span.end) < 120
            or abs(match.start() - act.trigger.end) < 40
        ):
            return " ".join(match.group("title").split()).rstrip(".,;")
    return (
        act.person.title
        if act.person.role in ("ambassador", "charge-d-affaires", "envoy", "consul")
        else None
    )


def _death(
    text: str, person: str, mentions: Sequence[Mention], dates: Sequence[DateLike]
) -> str | None:
    """The date a sentence says the envoy died ("Thornton, who died in Peru in January, 1838")."""
    for mention in mentions:
        if mention.entity != person:
            continue
        for date in dates:
            if not mention.span.end <= date.start <= mention.span.end + 80 or not date.edtf:
                continue
            if _DIED.search(text, mention.span.end, date.start):
                return date.edtf
    return None
