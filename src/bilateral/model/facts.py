"""Fact types: one class per kind of the interchange contract.

Every fact carries its evidence (spans of the document's original text with
that text), the extractor that made it and a confidence. Its id is derived
from the source document and the fields that identify it (`KEY`), so the same
input always yields the same id and two extractors that find the same fact
produce one id: `merge_facts` then joins their evidence.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any, ClassVar

from bilateral.model.document import Document
from bilateral.model.span import Span


@dataclass(frozen=True, slots=True, order=True)
class Evidence:
    """A span of a document's original text, with the text it covers."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, document: Document, span: Span) -> Evidence:
        """Evidence for a span of ``document.plain``, pointing into ``document.text``."""
        original = document.original(span)
        return cls(original.start, original.end, original.of(document.text))


COMMON_FIELDS = ("source", "source_path", "evidence", "confidence", "extractor", "dyad")


@dataclass(frozen=True, kw_only=True)
class Fact:
    """Fields shared by every kind. ``dyad`` is the sorted pair the fact is about."""

    KIND: ClassVar[str] = ""
    KEY: ClassVar[tuple[str, ...]] = ()
    # Fields naming entities, and what they name: "state", "person",
    # "organization", or "actor" (any of the three).
    ENTITIES: ClassVar[dict[str, str]] = {}

    source: str
    source_path: str
    evidence: tuple[Evidence, ...]
    extractor: str
    confidence: float = 1.0
    dyad: tuple[str, str] | None = None

    @property
    def kind(self) -> str:
        return self.KIND

    @cached_property
    def id(self) -> str:
        key = [self.KIND, self.source, *(self._key_value(k) for k in self.KEY)]
        digest = hashlib.sha256(json.dumps(key, ensure_ascii=False).encode()).hexdigest()
        return f"{self.KIND}-{digest[:16]}"

    def _key_value(self, name: str) -> Any:
        # Evidence identifies a fact by where it was first found: later
        # evidence merged into it must not change its id.
        if name == "evidence":
            return [self.evidence[0].start, self.evidence[0].end] if self.evidence else None
        return _canonical(getattr(self, name))

    def payload(self) -> dict[str, Any]:
        """The kind-specific fields, in declaration order."""
        return {
            f.name: _plain(getattr(self, f.name))
            for f in dataclasses.fields(self)
            if f.name not in COMMON_FIELDS
        }


def _canonical(value: Any) -> Any:
    if isinstance(value, tuple | list):
        return [_canonical(v) for v in value]
    return value


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def dyad_of(a: str, b: str) -> tuple[str, str]:
    """The canonical (sorted) form of an unordered pair of states."""
    return (a, b) if a <= b else (b, a)


@dataclass(frozen=True, kw_only=True)
class Dyad(Fact):
    KIND: ClassVar[str] = "dyad"
    KEY: ClassVar[tuple[str, ...]] = ("a", "b")
    ENTITIES: ClassVar[dict[str, str]] = {"a": "state", "b": "state"}
    a: str
    b: str
    title: str | None = None


@dataclass(frozen=True, kw_only=True)
class Envoy(Fact):
    KIND: ClassVar[str] = "envoy"
    KEY: ClassVar[tuple[str, ...]] = ("sender", "receiver", "person")
    ENTITIES: ClassVar[dict[str, str]] = {
        "sender": "state",
        "receiver": "state",
        "person": "person",
    }
    sender: str
    receiver: str
    person: str
    title: str | None = None
    rank: str = "other"
    start: str | None = None
    end: str | None = None
    current: bool = False
    # Optional extensions: the dates of appointment and of presenting credentials.
    appointed: str | None = None
    credentials: str | None = None


@dataclass(frozen=True, kw_only=True)
class Mission(Fact):
    KIND: ClassVar[str] = "mission"
    KEY: ClassVar[tuple[str, ...]] = ("sender", "host", "city", "type")
    ENTITIES: ClassVar[dict[str, str]] = {"sender": "state", "host": "state"}
    sender: str
    host: str
    city: str
    type: str
    name: str | None = None
    accredited_from: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geonameid: int | None = None

    def _key_value(self, name: str) -> Any:
        # A geocoded city is identified by its place, so "Washington" and
        # "Washington, D.C." name the same mission.
        if name == "city" and self.geonameid is not None:
            return self.geonameid
        return super()._key_value(name)


@dataclass(frozen=True, kw_only=True)
class Event(Fact):
    KIND: ClassVar[str] = "event"
    KEY: ClassVar[tuple[str, ...]] = ("date", "type", "mode", "actors", "evidence")
    ENTITIES: ClassVar[dict[str, str]] = {"actors": "actor", "actor": "actor", "recipient": "actor"}
    date: str | None
    actors: tuple[str, ...]
    type: str
    summary: str
    score: float
    actor: str | None = None
    recipient: str | None = None
    mode: str | None = None
    # How the date was fixed: "text" (a date expression in the sentence),
    # "named-period", "term-of-office" or "anaphora"; None when undated.
    date_basis: str | None = None


@dataclass(frozen=True, kw_only=True)
class Membership(Fact):
    KIND: ClassVar[str] = "membership"
    KEY: ClassVar[tuple[str, ...]] = ("organization", "members")
    ENTITIES: ClassVar[dict[str, str]] = {"organization": "organization", "members": "state"}
    organization: str
    members: tuple[str, ...]
    date: str | None = None  # optional extension: when the text dates the membership


@dataclass(frozen=True, kw_only=True)
class Agreement(Fact):
    KIND: ClassVar[str] = "agreement"
    KEY: ClassVar[tuple[str, ...]] = ("name",)
    ENTITIES: ClassVar[dict[str, str]] = {"parties": "actor"}
    name: str
    parties: tuple[str, ...]
    status: str = "unknown"
    date: str | None = None
    acronym: str | None = None  # optional extension: "PTPA"


@dataclass(frozen=True, kw_only=True)
class Poll(Fact):
    KIND: ClassVar[str] = "poll"
    KEY: ClassVar[tuple[str, ...]] = ("pollster", "date", "population", "subject", "measure")
    ENTITIES: ClassVar[dict[str, str]] = {
        "pollster": "organization",
        "population": "state",
        "subject": "actor",
    }
    pollster: str
    date: str | None
    population: str
    subject: str
    measure: str
    value: float


@dataclass(frozen=True, kw_only=True)
class Statistic(Fact):
    KIND: ClassVar[str] = "statistic"
    KEY: ClassVar[tuple[str, ...]] = ("subject", "unit", "period", "date")
    ENTITIES: ClassVar[dict[str, str]] = {"subject": "actor"}
    subject: str
    value: float
    unit: str
    period: str | None = None
    date: str | None = None
    # Optional extensions: the text says "about" (approximate) or gives a
    # bound ("more than 400": at-least; "up to": at-most).
    approximate: bool = False
    bound: str | None = None


@dataclass(frozen=True, kw_only=True)
class Assessment(Fact):
    KIND: ClassVar[str] = "assessment"
    KEY: ClassVar[tuple[str, ...]] = ("date", "direction", "evidence")
    date: str | None
    direction: str
    polarity: int


FACT_TYPES: dict[str, type[Fact]] = {
    cls.KIND: cls
    for cls in (Dyad, Envoy, Mission, Event, Membership, Agreement, Poll, Statistic, Assessment)
}
KINDS: tuple[str, ...] = tuple(FACT_TYPES)


def merge_facts(facts: Iterable[Fact]) -> list[Fact]:
    """One fact per id, in first-seen order; duplicates add their evidence.

    The first fact found keeps its fields and its first evidence (extractors
    run most specific first); fields it left empty are filled from the
    duplicates, and confidence is the highest seen.
    """
    merged: dict[str, Fact] = {}
    for fact in facts:
        seen = merged.get(fact.id)
        if seen is None:
            merged[fact.id] = fact
            continue
        evidence = seen.evidence + tuple(e for e in fact.evidence if e not in seen.evidence)
        filled = {
            f.name: getattr(fact, f.name)
            for f in dataclasses.fields(seen)
            if getattr(seen, f.name) is None and getattr(fact, f.name) is not None
        }
        merged[fact.id] = dataclasses.replace(
            seen, evidence=evidence, confidence=max(seen.confidence, fact.confidence), **filled
        )
    return list(merged.values())


def fact_from_record(record: dict[str, Any]) -> Fact:
    """Rebuild a fact from its stored form (the output of `fact_record`)."""
    cls = FACT_TYPES[record["kind"]]
    names = {f.name for f in dataclasses.fields(cls)}
    values: dict[str, Any] = {}
    for name, value in record.items():
        if name not in names:
            continue
        values[name] = tuple(value) if isinstance(value, list) else value
    values["evidence"] = tuple(Evidence(**e) for e in record["evidence"])
    return cls(**values)


def fact_record(fact: Fact) -> dict[str, Any]:
    """The interchange form of a fact: common fields first, then its own."""
    record: dict[str, Any] = {
        "kind": fact.kind,
        "id": fact.id,
        "source": fact.source,
        "source_path": fact.source_path,
        "evidence": [dataclasses.asdict(e) for e in fact.evidence],
        "confidence": fact.confidence,
        "extractor": fact.extractor,
    }
    if fact.dyad is not None:
        record["dyad"] = list(fact.dyad)
    record.update(fact.payload())
    return record


def entity_mentions(fact: Fact) -> list[tuple[str, str, str]]:
    """(role, entity kind, value) for every entity a fact names, in field order."""
    found: list[tuple[str, str, str]] = []
    for role, kind in fact.ENTITIES.items():
        value = getattr(fact, role)
        for item in value if isinstance(value, tuple) else (value,):
            if isinstance(item, str) and item:
                found.append((role, kind, item))
    return found
