"""`DateTagger`, the pipeline component that finds every date of a document."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from bilateral.extract.dates.spans import DateSpan
from bilateral.extract.dates.tagger import tag_dates
from bilateral.extract.pipeline import Output
from bilateral.model.document import BlockKind, Document
from bilateral.model.span import Span


def prose_units(document: Document) -> Iterator[Span]:
    """The stretches of `document.plain` read as paragraphs: each paragraph, bullet
    item, definition term and section heading, in text order."""
    units: list[Span] = []
    for block in document.blocks:
        if block.kind in (BlockKind.PARAGRAPH, BlockKind.TERM):
            units.append(block.span)
        elif block.kind is BlockKind.BULLETS:
            units.extend(block.items)
    units.extend(s.heading for s in document.sections[1:] if s.heading is not None)
    return iter(sorted(units))


class DateTagger:
    """Produces ``dates``: a tuple of `DateSpan` in `document.plain` coordinates, in order.

    Relative expressions resolve within their own paragraph (or bullet item,
    term or heading). Map a span to the document's text with
    ``document.original(Span(d.start, d.end))``.
    """

    name = "dates"
    version = "1"
    requires: tuple[str, ...] = ()
    produces: tuple[str, ...] = ("dates",)

    def run(self, document: Document, found: Mapping[str, Any]) -> Output:
        spans: list[DateSpan] = []
        for unit in prose_units(document):
            spans.extend(tag_dates(document.plain, unit.start, unit.end))
        return Output(values={"dates": tuple(spans)})
