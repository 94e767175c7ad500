"""Wikitext lines into sections and blocks: paragraphs, lists, terms, tables, infoboxes.

MediaWiki structure is mostly line-based: ``*``/``#`` start list items, ``;``
a definition term, ``:`` an indented line, a blank line ends a paragraph,
and consecutive text lines make one paragraph. mwparserfromhell gives the
markers as tags but leaves the lines to us, so the walker cuts the parsed
nodes into lines and reads each by its first node. Headings, tables and
infoboxes are blocks of their own wherever they start.

The same walker reads the lines inside a table cell ("cell mode"): there it
adds no blocks (a table is one block) but still records where the cell's
sentences are, so that the notes of a table row can be read sentence by
sentence like any paragraph.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from mwparserfromhell.nodes import Heading, Node, Tag, Template, Text
from mwparserfromhell.wikicode import Wikicode

from bilateral.model.document import Block, BlockKind, Field
from bilateral.model.span import Span
from bilateral.readers.wikitext.inline import Inline
from bilateral.readers.wikitext.nodes import children, contents_offset, params, size, tag_name
from bilateral.readers.wikitext.plain import PlainBuilder
from bilateral.readers.wikitext.templates import block_content, is_infobox

_MARKERS = frozenset({"*", "#", ";", ":"})
_CONTAINER_TAGS = frozenset({"div", "center", "blockquote", "poem"})

Piece = tuple[Node | str, int]


@dataclass(frozen=True, slots=True)
class Line:
    pieces: list[Piece]
    newline: int | None  # offset of the line break that ends it, if any


@dataclass(frozen=True, slots=True)
class Region:
    """A stretch of plain text whose sentences belong to block ``block``."""

    span: Span
    block: int
    split: bool  # split into sentences (a paragraph) or one sentence (an item, a term)


@dataclass(frozen=True, slots=True)
class RawSection:
    level: int
    heading: Span
    parent: int


@dataclass
class Page:
    """Everything gathered while reading one document."""

    source: str
    out: PlainBuilder = field(init=False)
    inline: Inline = field(init=False)
    blocks: list[Block] = field(default_factory=list)
    regions: list[Region] = field(default_factory=list)
    sections: list[RawSection] = field(default_factory=list)
    current: int = 0

    def __post_init__(self) -> None:
        self.out = PlainBuilder(len(self.source))
        self.inline = Inline(self.source, self.out)

    def truncate(self, length: int) -> None:
        self.out.truncate(length)
        self.inline.notes.clamp(length)


def lines(code: Wikicode, at: int) -> Iterator[Line]:
    """The lines of ``code``: nodes, and pieces of text nodes cut at line breaks."""
    pieces: list[Piece] = []
    for node in code.nodes:
        length = size(node)
        if isinstance(node, Text) and "\n" in node.value:
            offset = at
            *complete, last = node.value.split("\n")
            for part in complete:
                if part:
                    pieces.append((part, offset))
                yield Line(pieces, offset + len(part))
                pieces = []
                offset += len(part) + 1
            if last:
                pieces.append((last, offset))
        else:
            pieces.append((node, at))
        at += length
    if pieces:
        yield Line(pieces, None)


class Walker:
    """Reads lines into blocks (document mode) or into sentence regions (cell mode).

    ``cell`` is the index of the table block a cell's sentences belong to;
    None in a header cell, whose text makes no sentences.
    """

    def __init__(self, page: Page, in_cell: bool = False, cell: int | None = None) -> None:
        self.page = page
        self.in_cell = in_cell
        self.cell = cell
        self.emitted = False
        self._paragraph: int | None = None
        self._joint: int | None = None
        self._items: list[Span] | None = None
        self._list_start = 0

    def walk(self, code: Wikicode, at: int) -> None:
        for line in lines(code, at):
            self.line(line)
        self.close()

    def line(self, line: Line) -> None:
        segment: list[Piece] = []
        for item, at in line.pieces:
            if self._is_block(item):
                if segment:
                    self._segment(segment, None)
                    segment = []
                self.close()
                self._block(item, at)
            else:
                segment.append((item, at))
        if segment:
            self._segment(segment, line.newline)
        elif not line.pieces:
            self.close()

    def close(self) -> None:
        self._close_paragraph()
        self._close_list()

    def separate(self, at: int) -> None:
        """The break between two blocks of this walker."""
        if self.emitted:
            self.page.out.make("\n" if self.in_cell else "\n\n", at)

    # -- lines ---------------------------------------------------------------

    def _segment(self, pieces: list[Piece], newline: int | None) -> None:
        markers = ""
        index = 0
        while index < len(pieces):
            item = pieces[index][0]
            if not (isinstance(item, Tag) and item.wiki_markup in _MARKERS):
                break
            markers += str(item.wiki_markup)
            index += 1
        content, at = _lstrip(pieces[index:]), pieces[0][1]
        if not markers:
            self._paragraph_line(content, newline, at)
        elif markers[0] == ";":
            self._term(content, at)
        elif "*" in markers or "#" in markers:
            self._item(content, at)
        else:
            self._indented(content, at)

    def _render(self, pieces: list[Piece]) -> None:
        for item, at in pieces:
            if isinstance(item, str):
                self.page.inline.text(item, at)
            else:
                self.page.inline.node(item, at)

    def _paragraph_line(self, pieces: list[Piece], newline: int | None, at: int) -> None:
        out = self.page.out
        mark = len(out)
        start = self._paragraph
        if start is None:
            self._close_list()
            self.separate(at)
            start = len(out)
        else:
            out.make(" ", at if self._joint is None else self._joint)
        self._render(pieces)
        if not out.has_text_since(mark):
            self.page.truncate(mark)
            self._close_paragraph()
            return
        self._paragraph, self._joint, self.emitted = start, newline, True

    def _item(self, pieces: list[Piece], at: int) -> None:
        self._close_paragraph()
        out = self.page.out
        mark = len(out)
        if self._items is None:
            self.separate(at)
            start = len(out)
        else:
            out.make("\n", at)
            start = self._list_start
        begin = len(out)
        self._render(pieces)
        if not out.has_text_since(begin):
            self.page.truncate(mark)
            return
        if self._items is None:
            self._items, self._list_start, self.emitted = [], start, True
        self._items.append(Span(begin, len(out)))

    def _term(self, pieces: list[Piece], at: int) -> None:
        self.close()
        split = next(
            (
                i
                for i, (item, _) in enumerate(pieces)
                if isinstance(item, Tag) and item.wiki_markup == ":"
            ),
            len(pieces),
        )
        out = self.page.out
        mark = len(out)
        self.separate(at)
        start = len(out)
        self._render(pieces[:split])
        if out.has_text_since(start):
            self.emitted = True
            self._add(BlockKind.TERM, Span(start, len(out)), split=False)
        else:
            self.page.truncate(mark)
        if split + 1 < len(pieces):
            self._indented(pieces[split + 1 :], pieces[split][1])

    def _indented(self, pieces: list[Piece], at: int) -> None:
        self.close()
        self._paragraph_line(pieces, None, at)
        self._close_paragraph()

    def _close_paragraph(self) -> None:
        if self._paragraph is not None:
            self._add(BlockKind.PARAGRAPH, Span(self._paragraph, len(self.page.out)), split=True)
            self._paragraph = self._joint = None

    def _close_list(self) -> None:
        if self._items:
            span = Span(self._list_start, self._items[-1].end)
            self._add(BlockKind.BULLETS, span, split=False, items=tuple(self._items))
        self._items = None

    def _add(self, kind: BlockKind, span: Span, split: bool, items: tuple[Span, ...] = ()) -> None:
        page = self.page
        if self.in_cell:
            if self.cell is None:
                return
            index = self.cell
        else:
            index = len(page.blocks)
            page.blocks.append(Block(kind, span, page.current, items=items))
        for part in items or (span,):
            page.regions.append(Region(part, index, split))

    # -- blocks --------------------------------------------------------------

    def _is_block(self, item: Node | str) -> bool:
        if isinstance(item, Heading):
            return True
        if isinstance(item, Tag):
            name = tag_name(item)
            if name == "table":
                return True
            return (
                name in _CONTAINER_TAGS and item.contents is not None and _multiline(item.contents)
            )
        if isinstance(item, Template):
            if is_infobox(item):
                return True
            content = block_content(item, 0)
            return content is not None and _multiline(content.value)
        return False

    def _block(self, item: Node | str, at: int) -> None:
        from bilateral.readers.wikitext.tables import flatten_table, read_table

        if isinstance(item, Heading):
            self._heading(item, at)
        elif isinstance(item, Tag) and tag_name(item) == "table":
            if self.in_cell:
                flatten_table(self, item, at)
            else:
                read_table(self, item, at)
        elif isinstance(item, Tag) and item.contents is not None:
            self._inner(item.contents, at + contents_offset(item))
        elif isinstance(item, Template) and is_infobox(item):
            if not self.in_cell:
                self._infobox(item, at)
        elif isinstance(item, Template):
            content = block_content(item, at)
            if content is not None:
                self._inner(content.value, content.at)

    def _inner(self, code: Wikicode, at: int) -> None:
        for line in lines(code, at):
            self.line(line)
        self.close()

    def _heading(self, node: Heading, at: int) -> None:
        title_at = at + node.level
        if self.in_cell:
            self._indented(list(children(node.title, title_at)), at)
            return
        page, out = self.page, self.page.out
        self.separate(at)
        start = len(out)
        page.inline.code(node.title, title_at)
        level = max(node.level, 2)
        parent = page.current
        while parent != 0 and page.sections[parent].level >= level:
            parent = page.sections[parent].parent
        page.sections.append(RawSection(level, Span(start, len(out)), parent))
        page.current = len(page.sections) - 1
        self.emitted = True

    def _infobox(self, node: Template, at: int) -> None:
        """``key: value`` lines in plain, one per named parameter with visible text."""
        page, out = self.page, self.page.out
        mark = len(out)
        self.separate(at)
        start = len(out)
        found: list[Field] = []
        for param in params(node, at):
            if param.positional:
                continue
            line = len(out)
            if found:
                out.make("\n", param.name_at - 1)
            raw = page.source[param.name_at : param.at - 1]
            key_start = len(out)
            out.copy(raw.strip(), param.name_at + len(raw) - len(raw.lstrip()))
            key = Span(key_start, len(out))
            out.make(": ", param.at - 1)
            value_start = len(out)
            page.inline.code(param.value, param.at)
            if not out.has_text_since(value_start):
                page.truncate(line)
                continue
            found.append(Field("", "", key, Span(value_start, len(out))))
        if not found:
            page.truncate(mark)
            return
        self.emitted = True
        page.blocks.append(
            Block(BlockKind.INFOBOX, Span(start, len(out)), page.current, fields=tuple(found))
        )


def _lstrip(pieces: list[Piece]) -> list[Piece]:
    """A line's pieces without the spaces that follow its list marker."""
    if pieces and isinstance(pieces[0][0], str | Text):
        first, at = pieces[0]
        text = first.value if isinstance(first, Text) else str(first)
        stripped = text.lstrip(" \t")
        if not stripped:
            return pieces[1:]
        return [(stripped, at + len(text) - len(stripped)), *pieces[1:]]
    return pieces


def _multiline(code: Wikicode) -> bool:
    return any(isinstance(node, Text) and "\n" in node.value for node in code.nodes)
