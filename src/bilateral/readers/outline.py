"""Reader for the plain-text outline article format (docs/outline-format.md).

Line shapes: ``= Title =`` first, ``== Heading ==`` sections, ``Infobox``
followed by ``- Key: Value`` fields up to a blank line, ``;Term`` definition
terms, ``- item`` bullets, and one paragraph per other line. Everything is
located by offsets into the decoded text; nothing is rewritten.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bilateral.model.document import (
    Block,
    BlockKind,
    Document,
    Field,
    Section,
    Sentence,
    document_id,
)
from bilateral.model.sentences import split_sentences
from bilateral.model.span import Span
from bilateral.readers.text import bounded, decode, fold_for_extractors

FORMAT = "outline"

_HEADING = re.compile(r"(=+)[ \t]*(.*?)[ \t]*(=+)[ \t]*")
_FIELD = re.compile(r"[-*][ \t]*([^:]+?)[ \t]*:[ \t]*(.*?)[ \t]*")
_BULLET = re.compile(r"[-*][ \t]+(.*?)[ \t]*|[-*]()")
_TERM = re.compile(r";[ \t]*(.*?)[ \t]*")


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int  # excluding the line break
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def _lines(plain: str) -> Iterator[_Line]:
    offset = 0
    for raw in plain.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        yield _Line(offset, offset + len(body), body)
        offset += len(raw)


def _inner(line: _Line, match: re.Match[str], group: int) -> Span:
    return Span(line.start + match.start(group), line.start + match.end(group))


def _lead(line: _Line) -> int:
    return len(line.text) - len(line.text.lstrip())


class _Builder:
    """Accumulates sections and blocks while walking the lines once."""

    def __init__(self, plain: str) -> None:
        self.plain = plain
        self.sections: list[Section] = [
            Section(title="", level=1, span=Span(0, len(plain)), heading=None, parent=None)
        ]
        self.section_starts: list[int] = [0]
        self.blocks: list[Block] = []
        self.title: str | None = None
        self.title_span: Span | None = None
        self.current = 0

    def heading(self, line: _Line, match: re.Match[str], first: bool) -> None:
        level = len(match.group(1))
        text_span = _inner(line, match, 2)
        title = text_span.of(self.plain)
        if level == 1 and first and self.title is None:
            self.title, self.title_span = title, text_span
            self.sections[0] = Section(title, 1, self.sections[0].span, text_span, None)
            return
        parent = self.current
        while parent != 0 and self.sections[parent].level >= level:
            parent = self.sections[parent].parent or 0
        self.sections.append(
            Section(title, max(level, 2), Span(line.start, line.start), text_span, parent)
        )
        self.current = len(self.sections) - 1

    def block(self, kind: BlockKind, span: Span, **parts: tuple[object, ...]) -> None:
        self.blocks.append(Block(kind, span, self.current, **parts))  # type: ignore[arg-type]

    def close_sections(self) -> tuple[Section, ...]:
        """Each section ends where the next one of its level or above starts."""
        closed: list[Section] = [self.sections[0]]
        for index, section in enumerate(self.sections[1:], start=1):
            end = len(self.plain)
            for later in self.sections[index + 1 :]:
                if later.level <= section.level:
                    end = later.span.start
                    break
            closed.append(
                Section(
                    section.title,
                    section.level,
                    Span(section.span.start, end),
                    section.heading,
                    section.parent,
                )
            )
        return tuple(closed)


def read_outline(data: bytes | str, source_path: str, name: str | None = None) -> Document:
    """Parse an outline article. ``name`` (default: the path) feeds the document id."""
    text = data if isinstance(data, str) else decode(data, source_path)
    plain = fold_for_extractors(text)
    builder = _Builder(plain)
    lines = list(_lines(plain))
    index = 0
    first_content = True
    while index < len(lines):
        line = lines[index]
        stripped = line.text.strip()
        if line.blank:
            index += 1
            continue
        heading = _HEADING.fullmatch(line.text.strip())
        if heading and heading.group(2):
            shifted = _HEADING.fullmatch(line.text, _lead(line))
            builder.heading(line, shifted or heading, first_content)
            first_content = False
            index += 1
            continue
        first_content = False
        if stripped.casefold() == "infobox":
            index = _read_infobox(builder, lines, index)
        elif stripped.startswith(";"):
            match = _TERM.fullmatch(line.text, _lead(line))
            assert match is not None
            builder.block(BlockKind.TERM, _inner(line, match, 1))
            index += 1
        elif _BULLET.fullmatch(line.text, _lead(line)):
            index = _read_bullets(builder, lines, index)
        else:
            start = line.start + _lead(line)
            builder.block(BlockKind.PARAGRAPH, Span(start, line.start + len(line.text.rstrip())))
            index += 1
    blocks = tuple(builder.blocks)
    return Document(
        id=document_id(name or source_path, text),
        name=name or source_path,
        source_path=source_path,
        format=FORMAT,
        text=text,
        plain=plain,
        title=builder.title,
        title_span=builder.title_span,
        sections=builder.close_sections(),
        blocks=blocks,
        sentences=_sentences(plain, blocks),
    )


def _read_infobox(builder: _Builder, lines: list[_Line], index: int) -> int:
    start = lines[index].start + _lead(lines[index])
    fields: list[Field] = []
    end = lines[index].end
    index += 1
    while index < len(lines) and not lines[index].blank:
        line = lines[index]
        match = _FIELD.fullmatch(line.text, _lead(line))
        if match is None:
            break
        key_span, value_span = _inner(line, match, 1), _inner(line, match, 2)
        fields.append(
            Field(key_span.of(builder.plain), value_span.of(builder.plain), key_span, value_span)
        )
        end = line.end
        index += 1
    builder.block(BlockKind.INFOBOX, Span(start, end), fields=tuple(fields))
    return index


def _read_bullets(builder: _Builder, lines: list[_Line], index: int) -> int:
    start = lines[index].start + _lead(lines[index])
    items: list[Span] = []
    end = start
    while index < len(lines):
        line = lines[index]
        match = _BULLET.fullmatch(line.text, _lead(line))
        if match is None or line.blank:
            break
        group = 1 if match.group(1) is not None else 2
        items.append(_inner(line, match, group))
        end = line.start + len(line.text.rstrip())
        index += 1
    builder.block(BlockKind.BULLETS, Span(start, end), items=tuple(items))
    return index


def _sentences(plain: str, blocks: tuple[Block, ...]) -> tuple[Sentence, ...]:
    """Paragraphs split into sentences; each bullet and term is a sentence of its own.

    Sentences over `MAX_SENTENCE_CHARS` are cut (see `bounded`)."""
    found: list[Sentence] = []
    for index, block in enumerate(blocks):
        if block.kind is BlockKind.PARAGRAPH:
            spans = split_sentences(plain, block.span.start, block.span.end)
            found.extend(Sentence(span, index) for span in bounded(spans, plain))
        elif block.kind is BlockKind.BULLETS:
            items = [item for item in block.items if len(item)]
            found.extend(Sentence(item, index) for item in bounded(items, plain))
        elif block.kind is BlockKind.TERM and len(block.span):
            found.extend(Sentence(span, index) for span in bounded([block.span], plain))
    return tuple(found)
