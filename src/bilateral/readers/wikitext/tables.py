"""Wikitext tables (``{| … |}`` and HTML ``<table>``) into rows of cell spans.

Each source row becomes one line of plain text, its cells separated by tabs;
each cell's text is read like any lines (paragraphs, bullet notes) and its
sentences belong to the table block. The grid follows the HTML table model:
a cell with ``colspan=n`` fills n columns and one with ``rowspan=n`` fills
its column in the n-1 rows below too, so every row lists every column it
covers, a spanning cell's span repeated. Captions are left out of the grid.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mwparserfromhell.nodes import Tag, Text
from mwparserfromhell.wikicode import Wikicode

from bilateral.model.document import Block, BlockKind
from bilateral.model.span import Span
from bilateral.readers.wikitext.nodes import attribute, children, contents_offset, tag_name

if TYPE_CHECKING:
    from bilateral.readers.wikitext.blocks import Walker

MAX_COLSPAN = 1000  # the HTML limit
MAX_ROWSPAN = 65534  # the HTML limit; rowspan=0 means "to the end of the table"
_SECTIONS = frozenset({"tbody", "thead", "tfoot"})
_NUMBER = re.compile(r"\d+")

Cell = tuple[Tag, int]


@dataclass(frozen=True, slots=True)
class RawCell:
    span: Span
    rowspan: int
    colspan: int
    header: bool


def rows_of(table: Tag, at: int) -> Iterator[list[Cell]]:
    """Each row's cells with their offsets; cells before the first ``|-`` form a row."""
    if table.contents is None:
        return
    yield from _rows(table.contents, at + contents_offset(table))


def _rows(code: Wikicode, at: int) -> Iterator[list[Cell]]:
    loose: list[Cell] = []
    for node, offset in children(code, at):
        if not isinstance(node, Tag):
            continue
        name = tag_name(node)
        if name in {"td", "th"} and not _is_caption(node):
            loose.append((node, offset))
            continue
        if name not in {"tr", *_SECTIONS} or node.contents is None:
            continue
        if loose:
            yield loose
            loose = []
        inner = offset + contents_offset(node)
        if name == "tr":
            yield [
                (cell, where)
                for cell, where in children(node.contents, inner)
                if isinstance(cell, Tag) and tag_name(cell) in {"td", "th"}
            ]
        else:
            yield from _rows(node.contents, inner)
    if loose:
        yield loose


def _is_caption(cell: Tag) -> bool:
    """mwparserfromhell reads ``|+ caption`` as a cell whose text starts with "+"."""
    if cell.wiki_markup != "|" or cell.contents is None or not cell.contents.nodes:
        return False
    first = cell.contents.nodes[0]
    return isinstance(first, Text) and first.value.startswith("+")


def _count(cell: Tag, name: str, limit: int) -> int:
    value = attribute(cell, name)
    found = _NUMBER.match(value or "")
    if found is None:
        return 1
    number = int(found.group())
    if number == 0:
        return limit if name == "rowspan" else 1
    return min(number, limit)


def read_table(walker: Walker, table: Tag, at: int) -> None:
    """Append a TABLE block: its text, its rows (full grid) and which rows are headers."""
    page, out = walker.page, walker.page.out
    mark = len(out)
    walker.separate(at)
    start = len(out)
    index = len(page.blocks)
    rows: list[tuple[list[RawCell], Span]] = []
    for cells in rows_of(table, at):
        if not cells:
            continue
        if rows:
            out.make("\n", cells[0][1])
        row_start = len(out)
        rows.append((_read_cells(walker, cells, index), Span(row_start, len(out))))
    if not rows:
        page.truncate(mark)
        return
    grid, headers, items = layout(rows)
    walker.emitted = True
    page.blocks.append(
        Block(
            BlockKind.TABLE,
            Span(start, len(out)),
            page.current,
            items=items,
            rows=grid,
            header_rows=headers,
        )
    )


def _read_cells(walker: Walker, cells: list[Cell], index: int | None) -> list[RawCell]:
    from bilateral.readers.wikitext.blocks import Walker

    out = walker.page.out
    found: list[RawCell] = []
    for number, (cell, where) in enumerate(cells):
        if number:
            out.make("\t", where)
        header = tag_name(cell) == "th"
        begin = len(out)
        if cell.contents is not None:
            reader = Walker(walker.page, in_cell=True, cell=None if header else index)
            reader.walk(cell.contents, where + contents_offset(cell))
        rowspan = _count(cell, "rowspan", MAX_ROWSPAN)
        colspan = _count(cell, "colspan", MAX_COLSPAN)
        found.append(RawCell(Span(begin, len(out)), rowspan, colspan, header))
    return found


def flatten_table(walker: Walker, table: Tag, at: int) -> None:
    """A table inside a table cell: its cells' text joins the outer cell, no grid."""
    out = walker.page.out
    walker.separate(at)
    for number, cells in enumerate(rows_of(table, at)):
        if number and cells:
            out.make("\n", cells[0][1])
        _read_cells(walker, cells, walker.cell)
    walker.emitted = True


@dataclass(slots=True)
class _Carried:
    """A cell spanning rows, still to fill ``left`` rows of its column."""

    span: Span
    left: int


def layout(
    rows: list[tuple[list[RawCell], Span]],
) -> tuple[tuple[tuple[Span, ...], ...], tuple[int, ...], tuple[Span, ...]]:
    """The full grid, the indexes of all-header rows, and each row's own span."""
    pending: dict[int, _Carried] = {}
    grid: list[tuple[Span, ...]] = []
    headers: list[int] = []
    items: list[Span] = []
    for cells, row_span in rows:
        row: list[Span] = []
        fresh: dict[int, _Carried] = {}
        for cell in cells:
            _carry(row, pending)
            for _ in range(cell.colspan):
                if cell.rowspan > 1:
                    fresh[len(row)] = _Carried(cell.span, cell.rowspan - 1)
                row.append(cell.span)
        for column in sorted(c for c in pending if c >= len(row)):
            while len(row) < column:
                row.append(Span(row_span.end, row_span.end))
            _carry(row, pending)
        for column in list(pending):
            pending[column].left -= 1
            if pending[column].left == 0:
                del pending[column]
        pending.update(fresh)
        if cells and all(cell.header for cell in cells):
            headers.append(len(grid))
        grid.append(tuple(row))
        items.append(row_span)
    return tuple(grid), tuple(headers), tuple(items)


def _carry(row: list[Span], pending: dict[int, _Carried]) -> None:
    """Fill the columns at the end of ``row`` that cells from rows above still span."""
    while len(row) in pending:
        row.append(pending[len(row)].span)
