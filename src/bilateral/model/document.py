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
from functools import cached_property

from bilateral.model.span import OffsetMap, Span


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    BULLETS = "bullets"
    TERM = "term"
    INFOBOX = "infobox"
    TABLE = "table"


class LinkKind(StrEnum):
    """What made a link: a wikilink, an external link, a flag template, a hatnote."""

    WIKI = "wiki"
    EXTERNAL = "external"
    FLAG = "flag"
    MAIN = "main"
    SEE_ALSO = "see-also"


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

    ``items`` holds the text span of each bullet (or of each table row),
    ``fields`` the fields of an infobox; ``section`` indexes
    `Document.sections`.

    A table also has ``rows``: each row is a tuple of cell spans, one per
    column, so that a cell spanning columns (colspan) or rows (rowspan)
    appears in every column and row it covers, with the same span each
    time. ``header_rows`` lists the indexes of rows made only of header
    cells, so column names can be told from data.
    """

    kind: BlockKind
    span: Span
    section: int
    items: tuple[Span, ...] = ()
    fields: tuple[Field, ...] = ()
    rows: tuple[tuple[Span, ...], ...] = ()
    header_rows: tuple[int, ...] = ()


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


@dataclass(frozen=True, slots=True)
class Link:
    """A link in the source: its visible label, where it points, where it is written.

    ``span`` is the label in `plain` (empty when nothing visible stands for
    it, as for a flag icon or a "Main article" hatnote); ``target`` is the
    page title (or URL, or country name for a flag) as written; ``source``
    is the whole link or template in `text`.
    """

    span: Span
    target: str
    source: Span
    kind: LinkKind = LinkKind.WIKI


@dataclass(frozen=True, slots=True)
class Citation:
    """A reference, kept out of `plain` but attached to the place it follows.

    ``source`` is the whole ``<ref>…</ref>`` (or ``<ref name=… />``, or a
    footnote template) in `text`; ``content`` is the wikitext inside it (for
    a reuse of a named reference, the content of its definition); ``anchor``
    is the `plain` offset the reference follows and ``sentence`` indexes the
    sentence it belongs to (`Document.sentences`), None when none precedes it.
    """

    source: Span
    content: str
    anchor: int
    sentence: int | None = None
    name: str | None = None


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
    links: tuple[Link, ...] = ()
    citations: tuple[Citation, ...] = ()

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
        return self._sentences_by_block.get(block_index, ())

    @cached_property
    def _sentences_by_block(self) -> dict[int, tuple[Sentence, ...]]:
        grouped: dict[int, list[Sentence]] = {}
        for sentence in self.sentences:
            grouped.setdefault(sentence.block, []).append(sentence)
        return {block: tuple(found) for block, found in grouped.items()}

    def links_in(self, span: Span) -> tuple[Link, ...]:
        """Links whose label lies within ``span`` of `plain` (empty labels at its edges count)."""
        return tuple(link for link in self.links if span.contains(link.span))

    def citations_in(self, span: Span) -> tuple[Citation, ...]:
        """Citations that follow text inside ``span`` of `plain` (one right at its end counts)."""
        return tuple(c for c in self.citations if span.start < c.anchor <= span.end)
