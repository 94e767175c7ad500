"""Importer for POCOM, the Office of the Historian's chiefs of mission.

Layout (as published): ``missions-countries/<territory>.xml`` holds a
``<country-mission>`` with ``<chiefs>`` (those who served) and
``<other-nominees>`` (named but never served); ``people/<letter>/<id>.xml``
the persons with their name parts and career type;
``roles-country-chiefs/<id>.xml`` the role titles; ``code-tables/`` the code
lists (career-appointee codes). Each ``<chief>`` becomes a `ChiefOfMission`
with its person and role decoded. A chief is rejected, with the reason, when
its person or role code is unknown, a date is not a date, or a chief who
served has no date at all; the other chiefs of the file still go in.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from bilateral.model.authority import ChiefOfMission
from bilateral.model.countries import CountryRegistry, default_registry
from bilateral.readers.hsg import (
    BadFile,
    Collector,
    FileBatch,
    Layout,
    Territories,
    child_text,
    expect_root,
    locate,
    parse,
    read_with,
    text,
)
from bilateral.readers.hsg_dates import DateError, edtf

DATASET = "pocom"
FOLDERS = ("missions-countries",)
DATE_FIELDS = ("appointed", "arrived", "started", "ended")


class _Person:
    __slots__ = ("alternates", "career", "first", "last", "middle", "name", "suffix")

    def __init__(self, root: etree._Element) -> None:
        forename = child_text(root, "persName/forename") or ""
        self.last = child_text(root, "persName/surname")
        self.suffix = child_text(root, "persName/genName")
        given = forename.split()
        self.first = given[0] if given else None
        self.middle = " ".join(given[1:]) or None
        self.name = " ".join(p for p in (forename, self.last, self.suffix) if p)
        self.alternates = tuple(t for t in (text(a) for a in root.findall("persName/altname")) if t)
        self.career = child_text(root, "career-type")


class PocomReader:
    """POCOM opened on a path: the dataset folder, missions-countries/, or one file."""

    dataset = DATASET

    def __init__(self, path: Path, registry: CountryRegistry | None = None) -> None:
        self.layout: Layout = locate(path, FOLDERS, DATASET)
        self.territories = Territories(registry or default_registry())
        self.roles = self._roles()
        self.careers = self._code_table("career-appointee-codes.xml")
        self._people: dict[str, _Person | str] = {}

    def files(self) -> list[Path]:
        return list(self.layout.files)

    # -- lookups -----------------------------------------------------------

    def _roles(self) -> dict[str, str]:
        roles: dict[str, str] = {}
        for path in sorted((self.layout.root / "roles-country-chiefs").glob("*.xml")):
            try:
                root = parse(path)
            except BadFile:
                continue
            code, title = child_text(root, "id"), child_text(root, "names/singular")
            if code and title:
                roles[code] = title
        return roles

    def _code_table(self, name: str) -> dict[str, str] | None:
        """value → label of a code table, or None when the dataset has no such table."""
        path = self.layout.root / "code-tables" / name
        if not path.is_file():
            return None
        try:
            root = parse(path)
        except BadFile:
            return None
        return {
            value: child_text(item, "label") or value
            for item in root.iter("item")
            if (value := child_text(item, "value"))
        }

    def person(self, person_id: str) -> _Person | str:
        """The person, or the reason they cannot be decoded."""
        if person_id not in self._people:
            path = self.layout.root / "people" / person_id[:1] / f"{person_id}.xml"
            if not path.is_file():
                where = path.relative_to(self.layout.root).as_posix()
                self._people[person_id] = f"unknown person id {person_id!r} (no {where})"
            else:
                try:
                    self._people[person_id] = _Person(parse(path))
                except BadFile as error:
                    self._people[person_id] = f"person file for {person_id!r}: {error}"
        return self._people[person_id]

    # -- reading -----------------------------------------------------------

    def read(self, path: Path) -> FileBatch:
        collector = Collector(self.layout.key(path), str(path))

        def body(root: etree._Element) -> None:
            expect_root(root, "country-mission", DATASET)
            territory = child_text(root, "territory-id") or ""
            country = self.territories.resolve(territory) if territory else None
            for group, nominee in (("chiefs", False), ("other-nominees", True)):
                for chief in root.findall(f"{group}/chief"):
                    collector.read += 1
                    self._chief(collector, chief, territory, country, nominee)

        return read_with(collector, path, body)

    def _chief(
        self,
        collector: Collector,
        chief: etree._Element,
        territory: str,
        country: str | None,
        nominee: bool,
    ) -> None:
        own_id = child_text(chief, "id")
        if not own_id:
            collector.reject("a <chief> without an <id>")
            return
        built = self._build(collector, chief, own_id, territory, country, nominee)
        if isinstance(built, str):
            collector.reject(built, own_id)
        else:
            collector.add(built, own_id)

    def _build(
        self,
        collector: Collector,
        chief: etree._Element,
        own_id: str,
        territory: str,
        country: str | None,
        nominee: bool,
    ) -> ChiefOfMission | str:
        """The decoded chief, or the reason it is rejected."""
        if country is None:
            if not territory:
                return "the file has no <territory-id>"
            return f"unknown country {territory!r} (territory-id)"
        person_id = child_text(chief, "person-id")
        if not person_id:
            return "no <person-id>"
        person = self.person(person_id)
        if isinstance(person, str):
            return person
        role = child_text(chief, "role-title-id")
        if not role or role not in self.roles:
            return f"unknown role code {role!r} (not in roles-country-chiefs/)"
        if person.career and self.careers is not None and person.career not in self.careers:
            return f"unknown career-type code {person.career!r} for {person_id!r}"
        dates: dict[str, str | None] = {}
        for name in DATE_FIELDS:
            try:
                dates[name] = edtf(child_text(chief, f"{name}/date"))
            except DateError as error:
                return f"bad {name} date: {error}"
        if not nominee and not any(dates.values()):
            return "no date at all (appointed, arrived, started and ended are empty)"
        return ChiefOfMission(
            id=f"pocom:{own_id}",
            source_path=collector.source_path,
            source_file=collector.source_file,
            country=country,
            territory=territory,
            person_id=person_id,
            name=person.name,
            first=person.first,
            middle=person.middle,
            last=person.last,
            suffix=person.suffix,
            alternate_names=person.alternates,
            role_code=role,
            role_title=self.roles[role],
            appointed=dates["appointed"],
            appointed_note=child_text(chief, "appointed/note"),
            arrived=dates["arrived"],
            arrived_note=child_text(chief, "arrived/note"),
            started=dates["started"],
            started_note=child_text(chief, "started/note"),
            ended=dates["ended"],
            end_reason=child_text(chief, "ended/note"),
            note=child_text(chief, "note"),
            career=person.career,
            career_label=(self.careers or {}).get(person.career or ""),
            nominee=nominee,
            contemporary_territory=child_text(chief, "contemporary-territory-id"),
        )


def open_pocom(path: Path, registry: CountryRegistry | None = None) -> PocomReader:
    return PocomReader(path, registry)
