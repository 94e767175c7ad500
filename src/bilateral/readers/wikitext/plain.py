"""The plain text extractors read, built character by character with its way back.

Wikitext is never rewritten: the reader builds a separate plain copy and
records, for every character it appends, the wikitext offset it came from.
Text copied from the source maps one to one. Text the reader makes up (a date
spelt out from ``{{dts|1826|5|2}}``, a decoded ``&nbsp;``, the separator
between two table cells) maps each of its characters to the whole source
stretch it stands for, so that any span of the plain text maps back to
wikitext that really produced it, and evidence never cuts an entity or a
template in half.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from dataclasses import dataclass

from bilateral.model.span import OffsetMap, Span


@dataclass(frozen=True, slots=True)
class SourceMap(OffsetMap):
    """An `OffsetMap` in which one plain character may stand for several source ones.

    ``positions[i]`` is where plain character ``i`` starts in the source;
    ``wide`` lists, sorted by plain index, the ``(index, source end)`` of the
    few characters whose source is longer than one character (entities,
    made-up text). Every other character ends one past its start.
    """

    wide: tuple[tuple[int, int], ...] = ()

    def to_original(self, span: Span) -> Span:
        if self.is_identity:
            return span
        if len(span) == 0:
            at = self._point(span.start)
            return Span(at, at)
        return Span(self.positions[span.start], self._end(span.end - 1))

    def _end(self, index: int) -> int:
        found = bisect_left(self.wide, (index, -1))
        if found < len(self.wide) and self.wide[found][0] == index:
            return self.wide[found][1]
        return self.positions[index] + 1

    def _point(self, offset: int) -> int:
        if offset < len(self.positions):
            return self.positions[offset]
        if self.positions:
            return self._end(len(self.positions) - 1)
        return offset


class PlainBuilder:
    """Appends plain text with the source offset of each character; can roll back.

    Rolling back (`truncate`) lets the reader try a line and drop it when it
    renders to nothing, without knowing in advance which templates are
    invisible.
    """

    def __init__(self, source_length: int) -> None:
        self._pieces: list[str] = []
        self._positions: list[int] = []
        self._wide: list[tuple[int, int]] = []
        self._visible_end = 0
        self._source_length = source_length

    def __len__(self) -> int:
        return len(self._positions)

    def copy(self, text: str, at: int) -> None:
        """Append ``text``, which is exactly ``source[at : at + len(text)]``."""
        if not text:
            return
        start = len(self._positions)
        self._pieces.append(text)
        self._positions.extend(range(at, at + len(text)))
        self._note_visible(text, start)

    def make(self, text: str, start: int, end: int | None = None) -> None:
        """Append ``text``, which is not in the source, standing for ``source[start:end]``.

        Without ``end`` the text stands for the one source character at
        ``start`` (a boundary such as a line break); offsets are kept inside
        the source.
        """
        if not text:
            return
        last = max(self._source_length - 1, 0)
        start = min(max(start, 0), last)
        stop = start + 1 if end is None else min(max(end, start + 1), self._source_length)
        index = len(self._positions)
        self._pieces.append(text)
        self._positions.extend([start] * len(text))
        if stop != start + 1:
            self._wide.extend((index + i, stop) for i in range(len(text)))
        self._note_visible(text, index)

    def balance(self, mark: int, start: int, end: int) -> None:
        """Let the text appended since ``mark`` stand, at its edges, for ``source[start:end]``.

        Called after rendering a link or template: a span that begins at its
        first visible character then begins at ``[[`` or ``{{``, and one that
        ends at its last ends at ``]]`` or ``}}``, so evidence quotes whole
        markup rather than half of it.
        """
        if not self.has_text_since(mark):
            return
        tail = self._tail(mark)
        first = mark + len(tail) - len(tail.lstrip())
        last = mark + len(tail.rstrip()) - 1
        self._positions[first] = min(self._positions[first], start)
        found = bisect_left(self._wide, (last, -1))
        if found < len(self._wide) and self._wide[found][0] == last:
            self._wide[found] = (last, max(self._wide[found][1], end))
        elif end > self._positions[last] + 1:
            insort(self._wide, (last, end))

    def last_is_word(self) -> bool:
        """Whether the last character appended is a letter or digit."""
        return bool(self._pieces) and self._pieces[-1][-1:].isalnum()

    def has_text_since(self, mark: int) -> bool:
        """Whether anything but whitespace was appended after offset ``mark``."""
        return self._visible_end > mark

    def truncate(self, length: int) -> None:
        """Drop everything appended after offset ``length``."""
        excess = len(self._positions) - length
        if excess <= 0:
            return
        del self._positions[length:]
        while excess:
            last = self._pieces[-1]
            if len(last) <= excess:
                self._pieces.pop()
                excess -= len(last)
            else:
                self._pieces[-1] = last[: len(last) - excess]
                excess = 0
        while self._wide and self._wide[-1][0] >= length:
            self._wide.pop()
        if self._visible_end > length:
            text = "".join(self._pieces)
            self._visible_end = len(text.rstrip())

    def build(self) -> tuple[str, SourceMap]:
        """The plain text and its map back to the source."""
        return "".join(self._pieces), SourceMap(tuple(self._positions), tuple(self._wide))

    def _tail(self, mark: int) -> str:
        """The text appended since offset ``mark``."""
        wanted = len(self._positions) - mark
        parts: list[str] = []
        size = 0
        for piece in reversed(self._pieces):
            if size >= wanted:
                break
            parts.append(piece)
            size += len(piece)
        joined = "".join(reversed(parts))
        return joined[len(joined) - wanted :]

    def _note_visible(self, text: str, start: int) -> None:
        stripped = text.rstrip()
        if stripped:
            self._visible_end = start + len(stripped)
