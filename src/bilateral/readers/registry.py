"""The one place that maps input files to readers."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from bilateral.errors import UnreadableInput
from bilateral.model.document import Document
from bilateral.readers.outline import read_outline
from bilateral.readers.text import read_bytes

Reader = Callable[[bytes, str, str], Document]

READERS: dict[str, Reader] = {
    ".txt": read_outline,
    ".text": read_outline,
    ".outline": read_outline,
    "": read_outline,
}


def read_path(path: Path, source_path: str | None = None) -> Document:
    """Read one file with the reader its suffix calls for.

    The document's name (which feeds its id) is the file name, so the same
    file read from two places is the same document.
    """
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(s for s in READERS if s))
        raise UnreadableInput(str(path), f"unknown file type {path.suffix!r} (known: {known})")
    return reader(read_bytes(path), source_path or str(path), path.name)


def discover(paths: Iterable[Path]) -> Iterator[Path]:
    """The files to ingest: given files as they are, folders walked for known suffixes.

    Hidden files and folders are skipped; the order is sorted so runs repeat.
    """
    for path in paths:
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                relative = found.relative_to(path)
                if any(part.startswith(".") for part in relative.parts):
                    continue
                if found.is_file() and found.suffix.lower() in READERS and found.suffix:
                    yield found
        else:
            yield path
