"""Importer for RDCR, the Office of the Historian's recognition and relations guide.

Layout (as published): ``articles/<territory>.xml``, one TEI article per
country. Each ``<div type="timeline">`` is one dated heading ("United States
Recognition of Peru, 1826.") with paragraphs below it; it becomes a
`RecognitionEvent`. The date comes from the heading's ``<date>`` element
(``when``, or ``from``/``to`` as an interval) at the precision it gives, else
from the heading's words; a heading with no date is rejected. The kind is
read from the heading's words; the persons from ``persName`` and links to
``/departmenthistory/people/<id>`` (the POCOM person ids).
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from bilateral.model.authority import RecognitionEvent
from bilateral.model.countries import CountryRegistry, default_registry
from bilateral.readers.hsg import (
    BadFile,
    Collector,
    FileBatch,
    Territories,
    expect_root,
    locate,
    read_with,
    text,
)
from bilateral.readers.hsg_dates import DateError, edtf, interval, text_date

DATASET = "rdcr"
FOLDERS = ("articles",)
TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_PEOPLE = re.compile(r"/people/([\w-]+)")
_SLUG = re.compile(r"[^a-z0-9]+")

# Heading words → kinds. Relations are about the state of relations; missions
# about the legation or embassy. Checked in this order; the first is the kind.
_RELATIONS = re.compile(r"\brelations?\b")
_CONSULAR_ONLY = re.compile(r"consular relations")
_RESTORE = re.compile(r"re-?establish|resum|restor|re-?open|normaliz")
_SEVER = re.compile(r"sever|interrupt|suspen|cessation|terminat|broken|break|\bended\b")
_ESTABLISH = re.compile(r"establish|expansion")
_UPGRADE = re.compile(r"elevat|raised|upgrad|embassy status|ambassadorship")
_CLOSE = re.compile(r"clos|suspen|terminat|withdraw")
_OPEN = re.compile(r"establish|open|resum")
_US = re.compile(
    r"\b(u\.\s?s\.|united states|american)\s+(recognition|legation|embassy|mission|consulate)"
    r"|\bby the united states\b"
)
_RECOGNIZES_US = re.compile(
    r"recogni\w+ of (the )?(independence of the )?(united states|u\.s\.)|recognize the united"
)


def classify(heading: str) -> tuple[str, ...]:
    """The kinds a heading mentions, the main one first; ("other",) when none."""
    h = heading.casefold()
    if h.startswith("no "):
        return ("other",)
    kinds: list[str] = []
    if "recogni" in h:
        kinds.append("recognition")
    if _RELATIONS.search(h) and not _CONSULAR_ONLY.search(h):
        if _RESTORE.search(h):
            kinds.append("restore-relations")
        elif _SEVER.search(h):
            kinds.append("sever-relations")
        elif _ESTABLISH.search(h) and "diplomatic" in h:
            kinds.append("establish-relations")
    if ("embassy" in h or "ambassadorship" in h) and _UPGRADE.search(h):
        kinds.append("upgrade-to-embassy")
    elif ("embassy" in h or "legation" in h) and _CLOSE.search(h) and "reopen" not in h:
        kinds.append("close-mission")
    elif _OPEN.search(h) or "re-establish" in h:
        if "embassy" in h:
            kinds.append("open-embassy")
        elif "legation" in h:
            kinds.append("open-legation")
    return tuple(kinds) or ("other",)


def actor(heading: str, country: str, registry: CountryRegistry) -> str | None:
    """Who acted, when the heading says: "US", the country, or None (mutual, unsaid)."""
    h = heading.casefold()
    if _US.search(h):
        return "US"
    if _RECOGNIZES_US.search(h) or re.search(r"\bby (?!the united states)[a-z]", h):
        return country
    found = re.search(r"(\w+) (legation|embassy|consulate)", heading, re.IGNORECASE)
    if found and found.group(1)[:1].isupper():
        state = registry.demonym(found.group(1)) or country
        return None if state == "US" else state
    return None


class RdcrReader:
    """RDCR opened on a path: the dataset folder, articles/, or one article."""

    dataset = DATASET

    def __init__(self, path: Path, registry: CountryRegistry | None = None) -> None:
        self.layout = locate(path, FOLDERS, DATASET)
        self.registry = registry or default_registry()
        self.territories = Territories(self.registry)

    def files(self) -> list[Path]:
        return list(self.layout.files)

    def read(self, path: Path) -> FileBatch:
        collector = Collector(self.layout.key(path), str(path))

        def body(root: etree._Element) -> None:
            expect_root(root, "TEI", DATASET)
            if root.tag != f"{TEI}TEI":
                raise BadFile("not a TEI file: <TEI> is not in the TEI namespace")
            territory = path.stem
            label = text(root.find(f".//{TEI}title[@type='short']"))
            country = self.territories.resolve(territory, label)
            for div in root.iter(f"{TEI}div"):
                if div.get("type") == "timeline":
                    collector.read += 1
                    self._event(collector, div, territory, country)

        return read_with(collector, path, body)

    def _event(
        self,
        collector: Collector,
        div: etree._Element,
        territory: str,
        country: str | None,
    ) -> None:
        head = div.find(f"{TEI}head")
        title = (text(head) or "").rstrip(".").strip()
        section = _section(div)
        slug = _SLUG.sub("-", title.casefold()).strip("-")[:80] or "untitled"
        own_id = f"{territory}:{section or 'body'}:{slug}"
        if not title:
            collector.reject("a timeline entry without a heading", own_id)
            return
        if country is None:
            collector.reject(f"unknown country {territory!r} (the article's file name)", own_id)
            return
        try:
            date = _date(head)
        except DateError as error:
            collector.reject(f"bad date in the heading: {error}", own_id)
            return
        if date is None:
            collector.reject(f"no date in the heading {title!r}", own_id)
            return
        names, person_ids = _persons(div)
        kinds = classify(title)
        event = RecognitionEvent(
            id=f"rdcr:{own_id}",
            source_path=collector.source_path,
            source_file=collector.source_file,
            country=country,
            territory=territory,
            kind=kinds[0],
            kinds=kinds,
            date=date,
            title=title,
            text="\n".join(t for t in (text(p) for p in div.iter(f"{TEI}p")) if t),
            names=names,
            person_ids=person_ids,
            actor=actor(title, country, self.registry),
            section=section,
        )
        collector.add(event, own_id)


def _section(div: etree._Element) -> str | None:
    parent = div.getparent()
    while parent is not None:
        if parent.get(XML_ID):
            return parent.get(XML_ID)
        parent = parent.getparent()
    return None


def _date(head: etree._Element | None) -> str | None:
    """The heading's date: its <date> element's attributes, else its words.

    Where the attribute's year is nowhere in the words the heading shows
    (when="1933" on "1993"), the words win: they are what the guide prints.
    """
    if head is None:
        return None
    for element in head.iter(f"{TEI}date"):
        words = text(element) or ""
        when, start, end = element.get("when"), element.get("from"), element.get("to")
        value = edtf(when) if when else interval(start, end)
        shown = text_date(words)
        if value is None or (shown is not None and not _agrees(value, shown, words)):
            return shown
        return value
    return text_date(text(head) or "")


def _agrees(value: str, shown: str, words: str) -> bool:
    low, high = _years(value)
    shown_low, shown_high = _years(shown)
    return str(low) in words or (low <= shown_high and shown_low <= high)


def _years(value: str) -> tuple[int, int]:
    parts = value.split("/")
    return int(parts[0][:4]), int(parts[-1][:4])


def _persons(div: etree._Element) -> tuple[tuple[str, ...], tuple[str, ...]]:
    names: list[str] = []
    ids: list[str] = []
    for element in div.iter(f"{TEI}persName", f"{TEI}ref"):
        if element.tag == f"{TEI}ref":
            found = _PEOPLE.search(element.get("target") or "")
            if found is None:
                continue
            if found.group(1) not in ids:
                ids.append(found.group(1))
        name = text(element)
        if name and name not in names:
            names.append(name)
    return tuple(names), tuple(ids)


def open_rdcr(path: Path, registry: CountryRegistry | None = None) -> RdcrReader:
    return RdcrReader(path, registry)
