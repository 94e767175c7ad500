"""Importer for the Office of the Historian's visits of foreign leaders to the US.

Layout (as published): ``data/<decade>.xml``, a ``<visits>`` list of
``<visit>`` entries with an id, start and end dates, the visitor as written
("Prime Minister Fiame Naomi Mata'afa"), the country (``<from id="…">``) and
a description. Each becomes a `LeaderVisit`; the visitor's leading title is
split off into ``position``. A visit without an id, start date, visitor or a
known country is rejected with the reason.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from bilateral.model.authority import LeaderVisit
from bilateral.model.countries import CountryRegistry, default_registry
from bilateral.readers.hsg import (
    Collector,
    FileBatch,
    Territories,
    Titles,
    child_text,
    expect_root,
    locate,
    read_with,
)
from bilateral.readers.hsg_dates import DateError, edtf

DATASET = "visits"
FOLDERS = ("data",)


class VisitsReader:
    """The visits dataset opened on a path: its folder, data/, or one file."""

    dataset = DATASET

    def __init__(self, path: Path, registry: CountryRegistry | None = None) -> None:
        self.layout = locate(path, FOLDERS, DATASET)
        self.territories = Territories(registry or default_registry())
        self.titles = Titles()

    def files(self) -> list[Path]:
        return list(self.layout.files)

    def read(self, path: Path) -> FileBatch:
        collector = Collector(self.layout.key(path), str(path))

        def body(root: etree._Element) -> None:
            expect_root(root, "visits", DATASET)
            for visit in root.findall("visit"):
                collector.read += 1
                self._visit(collector, visit)

        return read_with(collector, path, body)

    def _visit(self, collector: Collector, visit: etree._Element) -> None:
        own_id = child_text(visit, "id")
        if not own_id:
            collector.reject("a <visit> without an <id>")
            return
        built = self._build(collector, visit, own_id)
        if isinstance(built, str):
            collector.reject(built, own_id)
        else:
            collector.add(built, own_id)

    def _build(self, collector: Collector, visit: etree._Element, own_id: str) -> LeaderVisit | str:
        try:
            start = edtf(child_text(visit, "start-date"))
            end = edtf(child_text(visit, "end-date"))
        except DateError as error:
            return f"bad date: {error}"
        if start is None:
            return "no start date"
        visitor = child_text(visit, "visitor")
        if not visitor:
            return "no visitor"
        origin = visit.find("from")
        territory = (origin.get("id") or "").strip() if origin is not None else ""
        label = child_text(visit, "from")
        if not territory and not label:
            return "no country (<from>)"
        country = self.territories.resolve(territory, label) if territory else None
        if country is None and label:
            country = self.territories.registry.resolve(label)
        if country is None:
            return f"unknown country {territory or label!r}"
        position, name = self.titles.split(visitor)
        return LeaderVisit(
            id=f"visits:{own_id}",
            source_path=collector.source_path,
            source_file=collector.source_file,
            country=country,
            territory=territory or (label or ""),
            start=start,
            end=end,
            visitor=visitor,
            name=name,
            position=position,
            description=child_text(visit, "description"),
        )


def open_visits(path: Path, registry: CountryRegistry | None = None) -> VisitsReader:
    return VisitsReader(path, registry)
