"""What the tagger returns (`DateSpan`) and what it works with on the way (`Candidate`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from bilateral.model.edtf import EDTF


@dataclass(frozen=True, slots=True)
class DateSpan:
    """One date expression: ``text[start:end]`` and its EDTF value.

    ``precision`` is that of ``edtf`` (`bilateral.model.edtf.Precision` values:
    day, month, season, year, decade, century, interval, …). A relative
    expression ("the following year", "in May") has ``relative`` set and
    ``anchor`` at the start offset of the expression it was resolved against:
    the nearest date before it in its paragraph (else the nearest absolute
    date after it), which may itself be a resolved expression ("on April 6 …
    the same day", "the following year in October"). Access dates of
    citations ("Retrieved 3 July 2021") are never anchors. When the paragraph
    holds no date it can be resolved against, the expression is kept with
    ``edtf == ""``, ``precision == ""``, ``anchor is None`` and ``unanchored``
    set, rather than guessed.
    """

    start: int
    end: int
    text: str
    edtf: str
    precision: str
    anchor: int | None = None
    relative: bool = False
    unanchored: bool = False


class Resolver(Protocol):
    """Turns a relative expression into EDTF given the date it hangs on, or None."""

    def resolve(self, anchor: EDTF) -> str | None: ...


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possible expression in paragraph coordinates; relative ones carry a resolver."""

    start: int
    end: int
    edtf: str
    resolver: Resolver | None = None

    @property
    def relative(self) -> bool:
        return self.resolver is not None

    def __len__(self) -> int:
        return self.end - self.start
