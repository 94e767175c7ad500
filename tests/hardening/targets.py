"""The readers as fuzz targets: bytes in, and the contract checked on the way out.

Shared by the property-based tests (hypothesis, in the normal suite) and the
coverage-guided harnesses in ``fuzz/`` (atheris, ``make fuzz``). A target
writes the bytes to a file of its format and reads it as ingest or import
would. It returns quietly when the reader gave a document (whose spans hold)
or refused the file with an `InputError` naming it (for the authority
importers: a rejected file naming it); anything else, an exception of
another kind or a broken invariant, escapes as a failure.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from bilateral.errors import InputError
from bilateral.model.document import Document
from bilateral.readers.authority import open_dataset
from bilateral.readers.registry import read_documents
from bilateral.readers.text import MAX_SENTENCE_CHARS

AUTHORITY = Path(__file__).parents[1] / "fixtures" / "authority"

# Format name -> file name the fuzzed bytes are written to.
ARTICLE_FILES = {
    "outline": "article.txt",
    "wikitext": "Chile–Japan relations.wiki",
    "wikitext-json": "Chile–Japan relations.json",
    "dump": "dump.xml",
    "dump-bz2": "dump.xml.bz2",
}
# Dataset -> the record file (inside a copy of the test fixtures) the bytes replace.
AUTHORITY_FILES = {
    "pocom": "pocom/missions-countries/chile.xml",
    "pocom-person": "pocom/people/m/marlow-ada.xml",
    "rdcr": "rdcr/articles/chile.xml",
    "visits": "visits/data/1990.xml",
    "travels": "travels/president-travels/example-president.xml",
}


def check_document(document: Document) -> None:
    """The invariants every document keeps, whatever it was read from."""
    size = len(document.plain)
    for sentence in document.sentences:
        span = sentence.span
        assert 0 <= span.start < span.end <= size, span
        assert len(span) <= MAX_SENTENCE_CHARS, len(span)
        where = document.original(span)
        assert 0 <= where.start <= where.end <= len(document.text), where
    for block in document.blocks:
        assert 0 <= block.span.start <= block.span.end <= size, block.span


class Targets:
    """Every reader, each as ``target(data: bytes) -> None``, working in ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.articles = folder / "articles"
        self.articles.mkdir(parents=True, exist_ok=True)
        self.authority = folder / "authority"
        if not self.authority.exists():
            shutil.copytree(AUTHORITY, self.authority)
        self.documents = 0
        self.refusals = 0

    def all(self) -> dict[str, Callable[[bytes], None]]:
        found: dict[str, Callable[[bytes], None]] = {
            name: self._article(file) for name, file in ARTICLE_FILES.items()
        }
        found.update({name: self._dataset(name) for name in AUTHORITY_FILES})
        return found

    def _article(self, file: str) -> Callable[[bytes], None]:
        path = self.articles / file

        def target(data: bytes) -> None:
            path.write_bytes(data)
            errors: list[InputError] = []
            try:
                for document in read_documents(path, on_error=errors.append):
                    check_document(document)
                    self.documents += 1
            except InputError as error:
                errors.append(error)
            for error in errors:
                assert error.source.startswith(str(path)), (error.source, str(path))
                assert str(error).startswith(error.source)
                self.refusals += 1

        return target

    def _dataset(self, name: str) -> Callable[[bytes], None]:
        path = self.authority / AUTHORITY_FILES[name]
        dataset = name.split("-")[0]
        original = path.read_bytes()
        record_file = self.authority / AUTHORITY_FILES[dataset]

        def target(data: bytes) -> None:
            path.write_bytes(data)
            try:
                reader = open_dataset(dataset, self.authority / dataset)
                batch = reader.read(record_file)
            finally:
                path.write_bytes(original) if path != record_file else None
            if batch.failed:
                assert [r.source for r in batch.rejections] == [str(record_file)]
                self.refusals += 1
            else:
                self.documents += 1
            for rejection in batch.rejections:
                assert rejection.source == str(record_file)
                assert rejection.reason

        return target
