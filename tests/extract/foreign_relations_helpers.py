"""Read a small "Foreign relations of X" page written in a test and run the pipeline."""

from __future__ import annotations

from functools import cache
from typing import TypeVar

from bilateral.extract.foreign_relations import PageNetwork
from bilateral.extract.pipeline import Extraction, Pipeline
from bilateral.extract.registry import default_pipeline
from bilateral.model.document import Document
from bilateral.model.facts import Fact
from bilateral.readers.wikitext import read_wikitext_text

F = TypeVar("F", bound=Fact)
EXTRACTOR = "foreign-relations@1"


@cache
def pipeline() -> Pipeline:
    return default_pipeline()


def read_page(
    wikitext: str, title: str = "Foreign relations of Peru"
) -> tuple[Document, Extraction]:
    document = read_wikitext_text(wikitext, "test.wiki", "test.wiki", title)
    return document, pipeline().run(document)


def network_facts(
    kind: type[F], wikitext: str, title: str = "Foreign relations of Peru"
) -> list[F]:
    """The facts of one kind the foreign-relations component finds in a page."""
    _, extraction = read_page(wikitext, title)
    return [f for f in extraction.facts if isinstance(f, kind) and f.extractor == EXTRACTOR]


def summary(wikitext: str, title: str = "Foreign relations of Peru") -> PageNetwork:
    _, extraction = read_page(wikitext, title)
    found = extraction.values["foreign_relations"]
    assert isinstance(found, PageNetwork)
    return found
