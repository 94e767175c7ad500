"""The bilateral tables of a "Foreign relations of X" page, read row by row.

Two shapes recur: a list of every state X has relations with ("#",
"Country", "Date") and, per continent, "Country", "Formal relations began",
"Notes". Columns are told apart by their header, and the country column also
by its cells: it is the column whose cells most often name a state (a flag
template, a link or a plain name), so a table of organisations, treaties or
polls is left alone. A header is read for its role: when relations began
(or "Date", "Since"), when the partner recognised X, when relations ended;
notes; and, on a few pages, the missions each side keeps.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bilateral.extract.common import SpanIndex
from bilateral.extract.foreign_relations.names import StateNames
from bilateral.model.document import Block, BlockKind, Document, Link, LinkKind
from bilateral.model.span import Span

# Header words that name a column's role; a header naming none of them (and
# none of the excluded topics) is not a date column.
_ENDED = re.compile(r"\b(?:ended|severed|broken|terminated|cancell?ed|until)\b", re.I)
_RECOGNISED = re.compile(r"recogni(?:[sz]|tion)", re.I)
_BEGAN = re.compile(
    r"relations|established|began|begun|\bsince\b|^\s*date\s*$|started|\bopened\b", re.I
)
_OTHER_TOPIC = re.compile(
    r"sign|agreement|treaty|issue|admission|application|ratif|birth|death|born|died|"
    r"award|trade|observer|particip|anniversar|image|type|poll|status|region",
    re.I,
)
_NOTES = re.compile(r"^\s*(?:-|notes?|comments?|remarks?|details?|description)\s*$", re.I)
_COUNTRY_HEADER = re.compile(
    r"^\W*(?:country|sovereign state|state|nation|entity|name|region|country/region)?\W*$", re.I
)
_MISSION_HEADER = re.compile(r"\bmission\b", re.I)
_FORMER = re.compile(r"\bformer\b", re.I)
_MIN_SHARE = 0.3  # of data rows whose country cell names a state, for a bilateral table


@dataclass(frozen=True, slots=True)
class MissionColumn:
    """A column listing missions: X's in the partner (``outgoing``) or the partner's in X."""

    index: int
    outgoing: bool


@dataclass(frozen=True, slots=True)
class Columns:
    country: int
    dates: tuple[tuple[int, str], ...]  # (column, role): establish, recognize or end
    notes: tuple[int, ...]
    missions: tuple[MissionColumn, ...] = ()


@dataclass(frozen=True, slots=True)
class TableRow:
    """One data row naming a partner: its cells by role, in `Document.plain`."""

    block: int
    partners: tuple[str, ...]
    country: Span
    row: Span
    dates: tuple[tuple[Span, str], ...]
    notes: tuple[Span, ...]
    missions: tuple[tuple[Span, bool], ...]
    listing: bool  # a list of relations without notes ("#", "Country", "Date")


class LinkIndex:
    """The links of a document found by the stretch of `plain` they label.

    A flag icon labels nothing: its empty span sits where the template was,
    which may be just before the cell's first character.
    """

    def __init__(self, links: tuple[Link, ...]) -> None:
        self._index = SpanIndex(links, lambda link: link.span.start, lambda link: link.span.end)

    def in_cell(self, cell: Span) -> list[Link]:
        reach = Span(max(0, cell.start - 1), cell.end)
        return self._index.within(reach)


def cell_states(document: Document, cell: Span, links: LinkIndex, names: StateNames) -> list[str]:
    """The states a country cell names: its flags, else its links, else its text."""
    found = links.in_cell(cell)
    for kind in (LinkKind.FLAG, LinkKind.WIKI):
        states = _unique(names.resolve(link.target) for link in found if link.kind is kind)
        if states:
            return states
    text = _BRACKETS.sub("", document.slice(cell)).strip()
    code = names.resolve(text)
    return [code] if code else []


_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def _unique(codes: Iterator[str | None] | list[str | None]) -> list[str]:
    seen: list[str] = []
    for code in codes:
        if code is not None and code not in seen:
            seen.append(code)
    return seen


def _header_row(block: Block) -> int | None:
    """The last of the header rows that open the table (None when it opens with data)."""
    last = None
    for index in range(len(block.rows)):
        if index not in block.header_rows:
            break
        last = index
    return last


def read_columns(
    document: Document, block: Block, links: LinkIndex, names: StateNames
) -> tuple[Columns, int] | None:
    """The table's columns by role and the index of its first data row, or None when
    it is not a table of partners."""
    header_at = _header_row(block)
    first = 0 if header_at is None else header_at + 1
    data = [r for i, r in enumerate(block.rows[first:], first) if i not in block.header_rows]
    if not data:
        return None
    width = max(len(r) for r in data)
    header = block.rows[header_at] if header_at is not None else ()
    titles = [document.slice(header[c]) if c < len(header) else "" for c in range(width)]
    counts = [0] * width
    candidates = [c for c in range(width) if _COUNTRY_HEADER.match(titles[c])]
    for row in data:
        for column in candidates:
            if (
                column < len(row)
                and _is_distinct(row, column)
                and cell_states(document, row[column], links, names)
            ):
                counts[column] += 1
    best = max(range(width), key=lambda c: (counts[c], -c))
    if counts[best] < max(1, _MIN_SHARE * len(data)):
        return None
    dates: list[tuple[int, str]] = []
    notes: list[int] = []
    missions: list[MissionColumn] = []
    for column, title in enumerate(titles):
        if column == best:
            continue
        role = _date_role(title)
        if role is not None:
            dates.append((column, role))
        elif _NOTES.match(title):
            notes.append(column)
        elif _MISSION_HEADER.search(title) and not _FORMER.search(title):
            outgoing = not re.search(r"\bto\b", title, re.I)
            missions.append(MissionColumn(column, outgoing))
        elif not title.strip() and _mostly_dates(document, data, column):
            dates.append((column, "establish"))
    if not (dates or notes or missions):
        return None
    return Columns(best, tuple(dates), tuple(notes), tuple(missions)), first


def _is_distinct(row: tuple[Span, ...], column: int) -> bool:
    """A cell that is not the same spanning cell as the one before it."""
    return column == 0 or row[column] != row[column - 1]


def _date_role(title: str) -> str | None:
    if not title.strip() or _OTHER_TOPIC.search(title):
        return None
    if _ENDED.search(title):
        return "end"
    if _RECOGNISED.search(title):
        return "recognize"
    if _BEGAN.search(title):
        return "establish"
    return None


_DATE_CELL = re.compile(r"^\W*(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\.?\s+)?(?:\d{1,2},?\s+)?\d{3,4}\b")


def _mostly_dates(document: Document, data: list[tuple[Span, ...]], column: int) -> bool:
    """An unnamed column whose cells mostly start with a date."""
    cells = [document.slice(r[column]) for r in data if column < len(r)]
    filled = [c for c in cells if c.strip()]
    return bool(filled) and sum(bool(_DATE_CELL.match(c)) for c in filled) * 2 >= len(filled)


def table_rows(
    document: Document, state: str, links: LinkIndex, names: StateNames
) -> Iterator[TableRow]:
    """Every data row of every partner table, in text order; rows naming no partner
    other than ``state`` itself are skipped."""
    for index, block in document.blocks_of(BlockKind.TABLE):
        found = read_columns(document, block, links, names)
        if found is None:
            continue
        columns, first = found
        listing = not columns.notes
        for number in range(first, len(block.rows)):
            if number in block.header_rows:
                continue
            row = block.rows[number]
            if columns.country >= len(row):
                continue
            country = row[columns.country]
            partners = tuple(p for p in cell_states(document, country, links, names) if p != state)
            if not partners:
                continue
            yield TableRow(
                block=index,
                partners=partners,
                country=country,
                row=block.items[number],
                dates=tuple(
                    (row[c], role) for c, role in columns.dates if c < len(row) and len(row[c])
                ),
                notes=tuple(row[c] for c in columns.notes if c < len(row) and len(row[c])),
                missions=tuple(
                    (row[m.index], m.outgoing)
                    for m in columns.missions
                    if m.index < len(row) and len(row[m.index])
                ),
                listing=listing,
            )
