"""The immutable document every reader produces and every extractor reads.

A document owns the text exactly as decoded (`text`) and a normalised copy
for extractors (`plain`, with `offsets` back to `text`). Sections, blocks and
sentences are spans of `plain`; `original()` turns any of them into a span of
`text`, which is what evidence in facts points at.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

from bilateral.model.span import OffsetMap, Span


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    BULLETS = "bullets"
    TERM = "term"
    INFOBOX = "infobox"
    TABLE = "table"


@dataclass(frozen=True, slots=True)
class Field:
    """One ``key: value`` field of an infobox; both spans are in `plain`."""

    key: str
    value: str
    key_span: Span
    value_span: Span


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph, bullet list, definition term, infobox or table.

    ``items`` holds the text span of each bullet (or table cell row),
    ``fields`` the fields of an infobox; ``section`` indexes
    `Document.sections`.
    """

    kind: BlockKind
    span: Span
    section: int
    items: tuple[Span, ...] = ()
    fields: tuple[Field, ...] = ()


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and everything under it until the next heading of its level or above.

    Section 0 is the root (the article itself, level 1); ``parent`` is None
    only for it. ``heading`` is None when the text has no heading line for it.
    """

    title: str
    level: int
    span: Span
    heading: Span | None
    parent: int | None


@dataclass(frozen=True, slots=True)
class Sentence:
    span: Span
    block: int


def document_id(name: str, text: str) -> str:
    """A stable id derived from the document's name and content."""
    digest = hashlib.sha256(f"{name}\x00{text}".encode()).hexdigest()
    return f"doc-{digest[:16]}"


@dataclass(frozen=True)
class Document:
    id: str
    name: str
    source_path: str
    format: str
    text: str
    title: str | None
    sections: tuple[Section, ...]
    blocks: tuple[Block, ...]
    sentences: tuple[Sentence, ...]
    plain: str = ""
    offsets: OffsetMap = field(default_factory=OffsetMap.identity)
    title_span: Span | None = None

    def __post_init__(self) -> None:
        if not self.plain:
            object.__setattr__(self, "plain", self.text)

    def slice(self, span: Span) -> str:
        """The normalised text of a span of `plain`."""
        return self.plain[span.start : span.end]

    def original(self, span: Span) -> Span:
        """The span of `text` that a span of `plain` came from."""
        return self.offsets.to_original(span)

    def section_of(self, block: Block) -> Section:
        return self.sections[block.section]

    def section_titles(self, block: Block) -> tuple[str, ...]:
        """Headings from the top down to the block's section (root excluded)."""
        titles: list[str] = []
        index: int | None = block.section
        while index is not None and index != 0:
            section = self.sections[index]
            titles.append(section.title)
            index = section.parent
        return tuple(reversed(titles))

    def blocks_of(self, kind: BlockKind) -> Iterator[tuple[int, Block]]:
        return ((i, b) for i, b in enumerate(self.blocks) if b.kind is kind)

    def sentences_in(self, block_index: int) -> tuple[Sentence, ...]:
        return tuple(s for s in self.sentences if s.block == block_index)
