"""Importer for the Office of the Historian's travels of presidents and secretaries.

Layout (as published): ``president-travels/<person>.xml`` and
``secretary-travels/<person>.xml`` hold ``<trips>`` of ``<trip>`` entries
(id, role, traveller's name, start and end dates, country, locale, remarks);
``code-tables/travel-role-codes.xml`` the role codes; ``presidents/`` the list
of presidents, used for a traveller's name when a trip omits it. Each trip
becomes a `Travel`. A trip without an id, start date or known country, or
with a role the code table does not list, is rejected with the reason.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from bilateral.model.authority import Travel
from bilateral.model.countries import CountryRegistry, default_registry
from bilateral.readers.hsg import (
    BadFile,
    Collector,
    FileBatch,
    Territories,
    child_text,
    expect_root,
    locate,
    parse,
    read_with,
)
from bilateral.readers.hsg_dates import DateError, edtf

DATASET = "travels"
FOLDERS = ("president-travels", "secretary-travels")
# The roles of the published code table, used when a copy comes without it.
DEFAULT_ROLES = ("president", "secretary")


class TravelsReader:
    """The travels dataset opened on a path: its folder, one of its travel folders, or one file."""

    dataset = DATASET

    def __init__(self, path: Path, registry: CountryRegistry | None = None) -> None:
        self.layout = locate(path, FOLDERS, DATASET)
        self.territories = Territories(registry or default_registry())
        self.roles = self._roles()
        self.people = self._people()

    def files(self) -> list[Path]:
        return list(self.layout.files)

    def _roles(self) -> frozenset[str]:
        path = self.layout.root / "code-tables" / "travel-role-codes.xml"
        try:
            root = parse(path) if path.is_file() else None
        except BadFile:
            root = None
        if root is None:
            return frozenset(DEFAULT_ROLES)
        return frozenset(v for item in root.iter("item") if (v := child_text(item, "value")))

    def _people(self) -> dict[str, str]:
        people: dict[str, str] = {}
        for path in sorted((self.layout.root / "presidents").glob("*.xml")):
            try:
                root = parse(path)
            except BadFile:
                continue
            for person in root.iter("president"):
                key, name = child_text(person, "id"), child_text(person, "name")
                if key and name:
                    people[key] = name
        return people

    def read(self, path: Path) -> FileBatch:
        collector = Collector(self.layout.key(path), str(path))

        def body(root: etree._Element) -> None:
            expect_root(root, "trips", DATASET)
            for trip in root.findall("trip"):
                collector.read += 1
                self._trip(collector, trip)

        return read_with(collector, path, body)

    def _trip(self, collector: Collector, trip: etree._Element) -> None:
        own_id = child_text(trip, "id")
        if not own_id:
            collector.reject("a <trip> without an <id>")
            return
        built = self._build(collector, trip, own_id)
        if isinstance(built, str):
            collector.reject(built, own_id)
        else:
            collector.add(built, own_id)

    def _build(self, collector: Collector, trip: etree._Element, own_id: str) -> Travel | str:
        role = child_text(trip, "role") or (trip.get("role") or "").strip()
        if role not in self.roles:
            return f"unknown role code {role!r} (known: {', '.join(sorted(self.roles))})"
        try:
            start = edtf(child_text(trip, "start-date"))
            end = edtf(child_text(trip, "end-date"))
        except DateError as error:
            return f"bad date: {error}"
        if start is None:
            return "no start date"
        person_id = (trip.get("who") or "").strip()
        person = child_text(trip, "name") or self.people.get(person_id)
        if not person:
            return "no traveller's name"
        place = trip.find("country")
        territory = (place.get("id") or "").strip() if place is not None else ""
        label = child_text(trip, "country")
        country = self.territories.resolve(territory, label) if territory else None
        if country is None and label:
            country = self.territories.registry.resolve(label)
        if country is None:
            return f"unknown country {territory or label!r}" if territory or label else "no country"
        return Travel(
            id=f"travels:{own_id}",
            source_path=collector.source_path,
            source_file=collector.source_file,
            country=country,
            territory=territory or (label or ""),
            person=person,
            person_id=person_id,
            role=role,
            start=start,
            end=end,
            locality=child_text(trip, "locale"),
            remarks=child_text(trip, "remarks"),
        )


def open_travels(path: Path, registry: CountryRegistry | None = None) -> TravelsReader:
    return TravelsReader(path, registry)
