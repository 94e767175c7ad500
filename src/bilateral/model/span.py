"""Character spans and the map from a normalised copy of a text back to it.

Offsets are Python ``str`` indices, end-exclusive, as spaCy and the
interchange contract use them. Text is never rewritten: a normalised copy
(for example wikitext with its markup dropped) carries an `OffsetMap` so that
any span found in the copy can be turned back into a span of the original.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open character range ``[start, end)``."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def of(self, text: str) -> str:
        """The slice of ``text`` this span covers."""
        return text[self.start : self.end]

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def shifted(self, by: int) -> Span:
        return Span(self.start + by, self.end + by)


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps offsets of a derived text to offsets of its original.

    ``positions[i]`` is the original offset of derived character ``i``; an
    empty tuple means the identity (the derived text has the original's
    offsets, as when only characters are swapped one for one).
    """

    positions: tuple[int, ...] = ()

    @classmethod
    def identity(cls) -> OffsetMap:
        return cls(())

    @classmethod
    def from_positions(cls, positions: Sequence[int]) -> OffsetMap:
        return cls(tuple(positions))

    @property
    def is_identity(self) -> bool:
        return not self.positions

    def to_original(self, span: Span) -> Span:
        """The original span covering every character of the derived ``span``."""
        if self.is_identity:
            return span
        if len(span) == 0:
            at = self._point(span.start)
            return Span(at, at)
        return Span(self.positions[span.start], self.positions[span.end - 1] + 1)

    def _point(self, offset: int) -> int:
        if offset < len(self.positions):
            return self.positions[offset]
        return self.positions[-1] + 1 if self.positions else offset
