"""What the Office of the Historian importers share: safe XML, layouts, territories.

The four datasets (POCOM, RDCR, visits, travels) are folders of XML files in
the layout of their public repositories. An importer is opened on a path (the
dataset's folder, one of its record folders, or a single file), lists the
files that hold records, and reads each into a `FileBatch`: the records, how
many were read and what was rejected and why. A file that is not well-formed
XML becomes a rejection naming the file, never an exception.

XML is parsed without entity resolution or network access and with libxml2's
size and depth limits on, so a hostile file cannot reach out or blow up memory;
a file over `MAX_FILE_BYTES` or declaring a DTD (none of the datasets does) is
a bad file.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Protocol

from lxml import etree

from bilateral.errors import InputError
from bilateral.model.authority import AuthorityRecord, Rejection
from bilateral.model.countries import CountryRegistry

_SPACE = re.compile(r"\s+")
# The largest file of the published datasets is a few MB; anything far larger is refused unread.
MAX_FILE_BYTES = 50 * 1024 * 1024


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        remove_comments=True,
        remove_pis=True,
    )


class BadFile(Exception):
    """A file that cannot be read as XML of the expected kind; the message says why."""


def parse(path: Path) -> etree._Element:
    """The root element of an XML file; `BadFile` if it is unreadable or malformed."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise BadFile(
                f"the file is too large ({size:,} bytes; the limit is {MAX_FILE_BYTES:,})"
            )
        data = path.read_bytes()
    except OSError as error:
        raise BadFile(f"cannot read the file: {error.strerror or error}") from None
    if not data.strip():
        raise BadFile("the file is empty")
    try:
        root = etree.fromstring(data, _parser(), base_url=str(path))
    except etree.XMLSyntaxError as error:
        raise BadFile(f"malformed or truncated XML: {error.msg}") from None
    if root.getroottree().docinfo.internalDTD is not None:
        raise BadFile("the file declares a DTD; DTDs and entities are refused")
    return root


def local_name(element: etree._Element) -> str:
    """The tag without its namespace."""
    return etree.QName(element).localname


def text(element: etree._Element | None) -> str | None:
    """All the text inside an element, whitespace collapsed; None when blank."""
    if element is None:
        return None
    value = _SPACE.sub(" ", "".join(str(t) for t in element.itertext())).strip()
    return value or None


def child_text(element: etree._Element, path: str) -> str | None:
    """`text` of the first element at ``path`` (an ElementPath) under ``element``."""
    return text(element.find(path))


# -- results -----------------------------------------------------------------


@dataclass(frozen=True)
class FileBatch:
    """The records of one file. ``failed`` means the file could not be read at all:
    the store then keeps what it held for it."""

    source_file: str
    source_path: str
    records: tuple[AuthorityRecord, ...] = ()
    read: int = 0
    rejections: tuple[Rejection, ...] = ()
    failed: bool = False

    @classmethod
    def bad(cls, source_file: str, source_path: str, reason: str) -> FileBatch:
        return cls(
            source_file, source_path, rejections=(Rejection(source_path, reason),), failed=True
        )


class DatasetReader(Protocol):
    """An importer opened on a path."""

    dataset: str

    def files(self) -> list[Path]: ...

    def read(self, path: Path) -> FileBatch: ...


@dataclass
class Collector:
    """Gathers one file's records and rejections while it is read."""

    source_file: str
    source_path: str
    records: list[AuthorityRecord] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    read: int = 0
    _ids: set[str] = field(default_factory=set)

    def reject(self, reason: str, record: str | None = None) -> None:
        self.rejections.append(Rejection(self.source_path, reason, record))

    def add(self, record: AuthorityRecord, own_id: str) -> None:
        """Keep a record. An id the file already used gets a suffix ("~2") when the
        entry differs (the datasets reuse a few ids for distinct appointments);
        an exact repeat of an earlier entry is rejected."""
        if record.id in self._ids:
            if any(dataclasses.replace(r, id=record.id) == record for r in self.records):
                self.reject(f"repeats an earlier entry with the id {own_id!r}", own_id)
                return
            n = 2
            while f"{record.id}~{n}" in self._ids:
                n += 1
            record = dataclasses.replace(record, id=f"{record.id}~{n}")
        self._ids.add(record.id)
        self.records.append(record)

    def batch(self) -> FileBatch:
        return FileBatch(
            self.source_file,
            self.source_path,
            tuple(self.records),
            self.read,
            tuple(self.rejections),
        )


def read_with(
    collector: Collector, path: Path, body: Callable[[etree._Element], None]
) -> FileBatch:
    """Parse ``path`` and run ``body`` on its root; a bad file becomes one rejection."""
    try:
        root = parse(path)
    except BadFile as error:
        return FileBatch.bad(collector.source_file, collector.source_path, str(error))
    try:
        body(root)
    except BadFile as error:
        return FileBatch.bad(collector.source_file, collector.source_path, str(error))
    return collector.batch()


def expect_root(root: etree._Element, name: str, dataset: str) -> None:
    if local_name(root) != name:
        raise BadFile(
            f"not a file of the {dataset} dataset: the root element is <{local_name(root)}>, "
            f"expected <{name}>"
        )


# -- layout ------------------------------------------------------------------


@dataclass(frozen=True)
class Layout:
    """Where a dataset's files are: its root folder and the files holding records."""

    root: Path
    files: tuple[Path, ...]

    def key(self, path: Path) -> str:
        """The file's path inside the dataset ("missions-countries/peru.xml"), which
        identifies its records across re-imports from any location."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.name


def locate(path: Path, folders: Iterable[str], dataset: str) -> Layout:
    """The layout for a dataset folder, one of its record ``folders``, or one file.

    Raises `InputError` when the path does not exist or holds no XML file.
    """
    names = tuple(folders)
    if not path.exists():
        raise InputError(str(path), "no such file or folder")
    if path.is_file():
        root = path.parent.parent if path.parent.name in names else path.parent
        return Layout(root, (path,))
    if any((path / name).is_dir() for name in names):
        files = [f for name in names for f in sorted((path / name).glob("*.xml"))]
        root = path
    else:
        files = sorted(path.glob("*.xml"))
        root = path.parent if path.name in names else path
    if not files:
        wanted = ", ".join(f"{n}/" for n in names)
        raise InputError(str(path), f"no {dataset} XML files here (looked for {wanted} or *.xml)")
    return Layout(root, tuple(f for f in files if f.is_file()))


# -- territories ---------------------------------------------------------------


def _packaged_lines(name: str) -> list[str]:
    data = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return [line for line in data.splitlines() if line.strip() and not line.startswith("#")]


class Territories:
    """Maps the datasets' territory ids ("peru", "korea-south", "baden") to state ids.

    The packaged table ``hsg_territories.tsv`` comes first; other ids are
    looked up in the country registry by their words ("cote-divoire" → CI),
    then by the label the dataset shows beside them.
    """

    def __init__(self, registry: CountryRegistry) -> None:
        self.registry = registry
        self.table: dict[str, str] = {}
        for line in _packaged_lines("hsg_territories.tsv"):
            slug, code, *_ = (cell.strip() for cell in line.split("\t"))
            self.table[slug] = code

    def resolve(self, territory: str, label: str | None = None) -> str | None:
        key = territory.strip().casefold()
        if key in self.table:
            return self.table[key]
        found = self.registry.resolve(key.replace("-", " "))
        if found is None and label:
            found = self.registry.resolve(label)
        return found


class Titles:
    """Leading titles of visitors ("Prime Minister", "King"), longest first."""

    def __init__(self) -> None:
        forms = sorted(_packaged_lines("hsg_titles.txt"), key=len, reverse=True)
        words = (re.split(r"[\s-]+", form.strip()) for form in forms)
        self.pattern = re.compile(
            "|".join(r"[\s-]*".join(re.escape(w) for w in parts) for parts in words),
            re.IGNORECASE,
        )

    def split(self, visitor: str) -> tuple[str | None, str]:
        """("President", "Alberto K. Fujimori") for "President Alberto K. Fujimori";
        (None, visitor) when no known title leads."""
        found = self.pattern.match(visitor)
        if found is None or not visitor[found.end() :].startswith((" ", "\t")):
            return None, visitor
        return found.group(0), visitor[found.end() :].strip()
