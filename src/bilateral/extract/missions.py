"""Resident diplomatic missions from definition-list terms and their bullets.

A term such as "Diplomatic missions of X in Y" (or a section heading of that
shape) names the sender and host; each bullet below it names a city and a
kind of mission: "City (Consulate-General)", "Consulate-General in City",
"City – Embassy". Cities are geocoded within the host country.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from bilateral.extract.common import provenance
from bilateral.extract.dyad import TitleDyad
from bilateral.extract.lexicon_tables import mission_type, mission_type_pattern
from bilateral.extract.mission_notes import note_missions
from bilateral.extract.pipeline import Output
from bilateral.model.countries import CountryRegistry
from bilateral.model.document import BlockKind, Document
from bilateral.model.facts import Mission, dyad_of
from bilateral.model.places import Gazetteer
from bilateral.model.span import Span

_IN = re.compile(r"(?:^|\s+)(?:in|to|at)\s+(?:the\s+)?", re.I)
_OF = re.compile(r"^.*?\b(?:of|from)\s+", re.I)
_POSSESSIVE = re.compile(r"['’]s?$")
_PARENTHESIS = re.compile(r"^(?P<city>.+?)\s*\((?P<type>[^)]*)\)\s*$")
_TYPE_FIRST = re.compile(r"^(?P<type>.+?)\s+(?:in|at)\s+(?P<city>.+?)\s*$", re.I)
_SENTENCE_STOP = re.compile(r"(?<=[a-z]{2})\.$")
_DASHED = re.compile(r"^(?P<city>.+?)\s*(?:[–—:]|\s-\s)\s*(?P<type>.+?)\s*$")


@dataclass(frozen=True)
class MissionLabel:
    """Who sends the missions a list enumerates, to whom, and their default kind."""

    sender: str
    host: str
    default_type: str | None


def parse_label(
    text: str, registry: CountryRegistry, pair: TitleDyad | None
) -> MissionLabel | None:
    """Read "Diplomatic missions of X in Y" and its variants; None if it names no sender/host."""
    parts = _IN.split(text.strip(), maxsplit=1)
    if len(parts) != 2:
        return _one_side(text, registry, pair)
    left, right = parts
    host = registry.resolve(right.strip(" .:"))
    sender = _sender(left, registry)
    if pair is not None:
        others = {pair.first: pair.second, pair.second: pair.first}
        if sender is None and host in others:
            sender = others[host]
        if host is None and sender in others:
            host = others[sender]
    if sender is None or host is None or sender == host:
        return None
    found = mission_type_pattern()[0].search(left)
    default = mission_type(found.group(0)) if found else None
    if default == "embassy" and re.search(r"\bmissions\b", left, re.I):
        default = None
    return MissionLabel(sender, host, default)


def _one_side(text: str, registry: CountryRegistry, pair: TitleDyad | None) -> MissionLabel | None:
    """A term naming one state of the article's pair ("Kenya", "Of Norway",
    "Peruvian missions"): its missions in the other."""
    if pair is None:
        return None
    sender = _sender(text.strip(" .:"), registry)
    others = {pair.first: pair.second, pair.second: pair.first}
    if sender not in others:
        return None
    found = mission_type_pattern()[0].search(text)
    default = mission_type(found.group(0)) if found else None
    if default == "embassy" and re.search(r"\bmissions\b", text, re.I):
        default = None
    return MissionLabel(sender, others[sender], default)


def _sender(left: str, registry: CountryRegistry) -> str | None:
    after_of = _OF.sub("", left, count=1).strip()
    if after_of != left.strip():
        return registry.resolve(after_of)
    words = left.split()
    for size in range(len(words), 0, -1):
        phrase = _POSSESSIVE.sub("", " ".join(words[:size]))
        code = registry.resolve(phrase) or registry.demonym(phrase)
        if code is not None:
            return code
    return None


def parse_item(text: str, default_type: str | None) -> tuple[str, str] | None:
    """(city, type) of a bullet such as "Atlanta (Consulate-General)", or None.

    Under a label that names the kind ("Consulates of X in Y"), a bare city
    or "City (note)" takes the label's kind.
    """
    for pattern in (_PARENTHESIS, _TYPE_FIRST, _DASHED):
        match = pattern.match(text)
        if match:
            kind = _type_of(match.group("type"))
            if kind is not None:
                return _city(match.group("city")), kind
    if default_type is None:
        return None
    bracketed = _PARENTHESIS.match(text)
    if bracketed:
        return _city(bracketed.group("city")), default_type
    if mission_type_pattern()[0].search(text):
        return None
    return text.strip(" ,;."), default_type


def _city(text: str) -> str:
    """The city as written, without the punctuation that ends a sentence-like
    bullet ("... in Stockholm.", but "Washington, D.C." keeps its dot)."""
    return _SENTENCE_STOP.sub("", text.strip(" ,;"))


def _type_of(words: str) -> str | None:
    found = mission_type_pattern()[0].search(words)
    return mission_type(found.group(0)) if found else None


class MissionFactory:
    """Builds mission facts, geocoding the city within the host country."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def make(
        self,
        document: Document,
        spans: list[Span],
        sender: str,
        host: str,
        city: str,
        kind: str,
        name: str | None = None,
        confidence: float = 1.0,
        foreign_capital: bool = False,
    ) -> Mission:
        """The mission, geocoded in its host. With ``foreign_capital``, an embassy
        in another state's capital is read as accredited from there (callers
        that settle residence themselves, as the foreign-relations notes do,
        leave it off)."""
        place = self.gazetteer.locate(city, host) if len(host) == 2 else None
        accredited_from = None
        if place is None and len(host) == 2:
            # A mission to the host kept in a city of the sender, or an embassy
            # in another state's capital ("Embassy of Kenya, Stockholm" for
            # Norway), is accredited from there, not resident. A town the
            # gazetteer lacks is not sent abroad to a namesake.
            elsewhere = self.gazetteer.locate(city, sender)
            if elsewhere is None and kind == "embassy" and foreign_capital:
                elsewhere = self.gazetteer.capital(city)
            if elsewhere is not None and elsewhere.country != host:
                place, kind, accredited_from = elsewhere, "non-resident", city
        return Mission(
            sender=sender,
            host=host,
            city=city,
            type=kind,
            name=name,
            accredited_from=accredited_from,
            latitude=place.latitude if place else None,
            longitude=place.longitude if place else None,
            geonameid=place.geonameid if place else None,
            confidence=confidence if place else confidence * 0.8,
            dyad=dyad_of(sender, host),
            **provenance(document, *spans),
        )


class MissionsFromLists:
    name = "missions"
    version = "2"
    requires: tuple[str, ...] = ()
    produces: tuple[str, ...] = ("missions",)

    def __init__(self, registry: CountryRegistry, factory: MissionFactory) -> None:
        self.registry = registry
        self.factory = factory

    def run(self, document: Document, found: Mapping[str, Any]) -> Output:
        pair: TitleDyad | None = found.get("dyad")
        facts: list[Mission] = []
        for index, block in document.blocks_of(BlockKind.BULLETS):
            label_span = self._label(document, index)
            if label_span is None:
                continue
            label = parse_label(document.slice(label_span), self.registry, pair)
            if label is None:
                if pair is not None:
                    facts.extend(self._stated(document, block.items, pair))
                continue
            for item in block.items:
                parsed = parse_item(document.slice(item), label.default_type)
                if parsed is None:
                    continue
                city, kind = parsed
                facts.append(
                    self.factory.make(
                        document,
                        [item],
                        label.sender,
                        label.host,
                        city,
                        kind,
                        foreign_capital=True,
                    )
                )
        return Output(facts=tuple(facts), values={"missions": tuple(facts)})

    def _stated(
        self, document: Document, items: tuple[Span, ...], pair: TitleDyad
    ) -> list[Mission]:
        """Bullets under a heading that names no sender, each a sentence saying
        who keeps what where ("Argentina has an embassy in Tokyo")."""
        others = {pair.first: pair.second, pair.second: pair.first}
        found: list[Mission] = []
        for item in items:
            for note in note_missions(document.plain, item, self.registry.resolve):
                host = note.host or others.get(note.subject)
                if note.subject not in others or host != others[note.subject]:
                    continue
                found.append(
                    self.factory.make(
                        document,
                        [item],
                        note.subject,
                        host,
                        note.city,
                        note.kind,
                        foreign_capital=True,
                    )
                )
        return found

    @staticmethod
    def _label(document: Document, index: int) -> Span | None:
        """The term right above a list, else its section's heading."""
        block = document.blocks[index]
        if index > 0:
            previous = document.blocks[index - 1]
            if previous.kind is BlockKind.TERM and previous.section == block.section:
                return previous.span
        return document.sections[block.section].heading
