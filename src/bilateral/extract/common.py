"""Small helpers every extractor shares."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from typing import Any, Generic, TypeVar

from bilateral.model.document import Document
from bilateral.model.facts import Evidence
from bilateral.model.span import Span


def provenance(document: Document, *spans: Span) -> dict[str, Any]:
    """The common fact fields for facts found at ``spans`` of ``document.plain``."""
    return {
        "source": document.id,
        "source_path": document.source_path,
        "evidence": tuple(Evidence.of(document, span) for span in spans),
        "extractor": "",
    }


T = TypeVar("T")


class SpanIndex(Generic[T]):
    """Items (mentions, dates) found quickly by the stretch of text they lie in.

    Components look up a sentence's items for every sentence of a document;
    a scan of the whole list each time made long pages quadratic.
    """

    def __init__(
        self, items: Iterable[T], start: Callable[[T], int], end: Callable[[T], int]
    ) -> None:
        self._items = sorted(items, key=start)
        self._starts = [start(item) for item in self._items]
        self._end = end

    def within(self, span: Span) -> list[T]:
        """Items that start and end inside ``span``, in text order."""
        first = bisect_left(self._starts, span.start)
        last = bisect_left(self._starts, span.end)
        return [item for item in self._items[first:last] if self._end(item) <= span.end]
