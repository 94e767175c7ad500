"""The one place that maps input files to readers.

Most files hold one document (`read_path`); a MediaWiki XML dump holds many
and is streamed page by page (`read_documents` handles both).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from bilateral.errors import InputError, UnreadableInput
from bilateral.model.document import Document
from bilateral.readers.outline import read_outline
from bilateral.readers.text import read_bytes
from bilateral.readers.wikitext import read_wikitext, read_wikitext_json
from bilateral.readers.wikitext.dump import read_dump, title_matches

Reader = Callable[[bytes, str, str], Document]
ErrorSink = Callable[[InputError], None]
Collection = Callable[[Path, str, Sequence[str] | None, ErrorSink | None], Iterator[Document]]

# A single document larger than this is refused before it is read into memory.
MAX_FILE_BYTES = 50 * 1024 * 1024

READERS: dict[str, Reader] = {
    ".txt": read_outline,
    ".text": read_outline,
    ".outline": read_outline,
    "": read_outline,
    ".wiki": read_wikitext,
    ".wikitext": read_wikitext,
    ".json": read_wikitext_json,
}

# Files holding many documents, read lazily.
COLLECTIONS: dict[str, Collection] = {
    ".xml": read_dump,
    ".xml.bz2": read_dump,
}

# Formats whose document title is the file stem, so a title filter can skip them unread.
_TITLED_BY_NAME = frozenset({".wiki", ".wikitext", ".json"})


def suffix_of(path: Path) -> str:
    """The file type a path's name gives: its suffix, or ".xml.bz2" for a compressed dump."""
    name = path.name.lower()
    return ".xml.bz2" if name.endswith(".xml.bz2") else path.suffix.lower()


def is_collection(path: Path) -> bool:
    """Whether the file holds many documents (a dump), each stored on its own."""
    return suffix_of(path) in COLLECTIONS


def _known(suffix: str) -> str:
    known = ", ".join(sorted(s for s in (*READERS, *COLLECTIONS) if s))
    return f"unknown file type {suffix!r} (known: {known})"


def read_path(path: Path, source_path: str | None = None) -> Document:
    """Read one file with the reader its suffix calls for.

    The document's name (which feeds its id) is the file name, so the same
    file read from two places is the same document. Files over
    `MAX_FILE_BYTES` are refused; dumps are read with `read_documents`.
    """
    suffix = suffix_of(path)
    if suffix in COLLECTIONS:
        raise UnreadableInput(str(path), "holds many pages; read it with read_documents")
    reader = READERS.get(suffix)
    if reader is None:
        raise UnreadableInput(str(path), _known(path.suffix))
    try:
        size = path.stat().st_size
    except OSError:
        size = 0  # read_bytes names the problem
    if size > MAX_FILE_BYTES:
        raise UnreadableInput(
            str(path), f"is too large ({size:,} bytes; the limit is {MAX_FILE_BYTES:,})"
        )
    return reader(read_bytes(path), source_path or str(path), path.name)


def read_documents(
    path: Path,
    titles: Sequence[str] | None = None,
    source_path: str | None = None,
    on_error: ErrorSink | None = None,
) -> Iterator[Document]:
    """Every document in a file: one for an article file, one per page for a dump.

    ``titles`` keeps only documents whose title (a file's stem when it has
    none) matches one of these glob patterns, case-insensitively. A dump
    page that cannot be read goes to ``on_error`` (raised without one) and
    the rest follow; an unreadable file raises `InputError`.
    """
    suffix = suffix_of(path)
    collection = COLLECTIONS.get(suffix)
    if collection is not None:
        yield from collection(path, source_path or str(path), titles, on_error)
        return
    if suffix in _TITLED_BY_NAME and not title_matches(path.stem, titles):
        return
    document = read_path(path, source_path)
    if title_matches(document.title or path.stem, titles):
        yield document


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
                suffix = suffix_of(found)
                if found.is_file() and suffix and (suffix in READERS or suffix in COLLECTIONS):
                    yield found
        else:
            yield path
