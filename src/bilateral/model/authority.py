"""Authority records: what the official datasets say, kept apart from extracted facts.

The US Office of the Historian publishes four datasets that the knowledge
base checks claims against: POCOM (every US chief of mission), RDCR (the
recognition and relations history per country), visits of foreign leaders
to the United States and the travels abroad of presidents and secretaries of
state. Each record names its ``dataset``, the ``source_path`` it was read
from, the dataset-relative ``source_file`` that groups it for re-imports and
an ``id`` built from the dataset's own identifiers, so the same input always
yields the same id. Dates are EDTF strings at the precision the dataset gives.

Records are plain immutable values; `authority_record` and
`authority_from_record` turn them into JSON-ready dicts and back.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, ClassVar

DATASETS: tuple[str, ...] = ("pocom", "rdcr", "visits", "travels")

EVENT_KINDS: tuple[str, ...] = (
    "recognition",
    "establish-relations",
    "open-legation",
    "open-embassy",
    "upgrade-to-embassy",
    "sever-relations",
    "restore-relations",
    "close-mission",
    "other",
)


@dataclass(frozen=True, kw_only=True)
class AuthorityRecord:
    """Fields every authority record has. ``country`` is a registry id (ISO or slug);
    ``territory`` is the dataset's own id for the same place, kept for tracing."""

    DATASET: ClassVar[str] = ""

    id: str
    source_path: str
    source_file: str
    country: str
    territory: str

    @property
    def dataset(self) -> str:
        return self.DATASET

    def span(self) -> tuple[str | None, str | None]:
        """(start, end) EDTF dates used to order and filter records."""
        return None, None

    def persons(self) -> tuple[str, ...]:
        """Names of the people the record is about, for searching by name."""
        return ()


@dataclass(frozen=True, kw_only=True)
class ChiefOfMission(AuthorityRecord):
    """A US chief of mission to a country (POCOM), one appointment.

    ``started`` is the date credentials were presented (POCOM's "started");
    each date has the note POCOM gives with it, ``end_reason`` being the note
    on the end date ("Left post", "Died at post"). ``nominee`` marks the
    "other nominees" who were named but never served. ``career`` is POCOM's
    career-appointee code (career, non-career, both, pre-1915).
    """

    DATASET: ClassVar[str] = "pocom"

    person_id: str
    name: str
    first: str | None = None
    middle: str | None = None
    last: str | None = None
    suffix: str | None = None
    role_code: str
    role_title: str
    appointed: str | None = None
    appointed_note: str | None = None
    arrived: str | None = None
    arrived_note: str | None = None
    started: str | None = None
    started_note: str | None = None
    ended: str | None = None
    end_reason: str | None = None
    note: str | None = None
    career: str | None = None
    career_label: str | None = None
    nominee: bool = False
    contemporary_territory: str | None = None
    alternate_names: tuple[str, ...] = ()

    @property
    def is_career(self) -> bool | None:
        """True for a career Foreign Service officer, False for a non-career appointee,
        None where POCOM does not say (before 1915) or says both."""
        return {"career": True, "non-career": False}.get(self.career or "")

    def span(self) -> tuple[str | None, str | None]:
        return self.appointed or self.arrived or self.started, self.ended

    def persons(self) -> tuple[str, ...]:
        return (self.name, *self.alternate_names)


@dataclass(frozen=True, kw_only=True)
class RecognitionEvent(AuthorityRecord):
    """One dated heading of an RDCR country article: recognition, relations, missions.

    ``kind`` (one of `EVENT_KINDS`) is the main thing the heading says happened;
    ``kinds`` lists every kind it mentions ("Establishment of Diplomatic Relations and the American
    Legation" is both establish-relations and open-legation). ``actor`` is who
    acted when the heading says so: "US" for "U.S. Recognition of …" or "the
    American Legation", the country for "the Peruvian Legation", else None.
    ``persons`` are the people the section names; ``person_ids`` their POCOM ids
    where the text links them.
    """

    DATASET: ClassVar[str] = "rdcr"

    kind: str
    kinds: tuple[str, ...]
    date: str
    title: str
    text: str
    names: tuple[str, ...] = ()
    person_ids: tuple[str, ...] = ()
    actor: str | None = None
    section: str | None = None

    def span(self) -> tuple[str | None, str | None]:
        return self.date, None

    def persons(self) -> tuple[str, ...]:
        return self.names


@dataclass(frozen=True, kw_only=True)
class LeaderVisit(AuthorityRecord):
    """A foreign leader's visit to the United States."""

    DATASET: ClassVar[str] = "visits"

    start: str
    end: str | None = None
    visitor: str
    name: str
    position: str | None = None
    description: str | None = None

    def span(self) -> tuple[str | None, str | None]:
        return self.start, self.end

    def persons(self) -> tuple[str, ...]:
        return (self.name,)


@dataclass(frozen=True, kw_only=True)
class Travel(AuthorityRecord):
    """A trip abroad by a US president or secretary of state."""

    DATASET: ClassVar[str] = "travels"

    person: str
    person_id: str
    role: str
    start: str
    end: str | None = None
    locality: str | None = None
    remarks: str | None = None

    def span(self) -> tuple[str | None, str | None]:
        return self.start, self.end

    def persons(self) -> tuple[str, ...]:
        return (self.person,)


RECORD_TYPES: dict[str, type[AuthorityRecord]] = {
    cls.DATASET: cls for cls in (ChiefOfMission, RecognitionEvent, LeaderVisit, Travel)
}


def authority_record(record: AuthorityRecord) -> dict[str, Any]:
    """The JSON-ready form of a record: its dataset first, then its fields."""
    values: dict[str, Any] = {"dataset": record.dataset}
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        values[f.name] = list(value) if isinstance(value, tuple) else value
    return values


def authority_from_record(values: dict[str, Any]) -> AuthorityRecord:
    """Rebuild a record from `authority_record`'s output."""
    cls = RECORD_TYPES[values["dataset"]]
    names = {f.name for f in dataclasses.fields(cls)}
    fields: dict[str, Any] = {
        k: tuple(v) if isinstance(v, list) else v for k, v in values.items() if k in names
    }
    return cls(**fields)


@dataclass(frozen=True)
class Rejection:
    """An input the importer refused: the file, the record's own id if known, and why."""

    source: str
    reason: str
    record: str | None = None

    def __str__(self) -> str:
        where = f"{self.source} [{self.record}]" if self.record else self.source
        return f"{where}: {self.reason}"


@dataclass(frozen=True)
class ImportReport:
    """What an import did: records read, imported and rejected (with reasons).

    ``files`` counts the data files read; ``unchanged`` those whose records the
    store already held exactly, so nothing was written for them.
    """

    dataset: str
    path: str
    files: int = 0
    read: int = 0
    imported: int = 0
    unchanged: int = 0
    rejected: tuple[Rejection, ...] = ()
