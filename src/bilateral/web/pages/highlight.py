"""A document's text cut into segments at the edges of fact evidence, for highlighting.

Each segment is a run of characters covered by the same set of facts (none
for plain text), so overlapping evidence spans highlight correctly and the
page reproduces the text exactly.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    text: str
    facts: tuple[str, ...]
    # Facts whose first evidence span begins here: the anchor #fact-<id> points at it.
    anchors: tuple[str, ...] = ()


def segments(text: str, spans: Iterable[tuple[str, int, int, bool]]) -> list[Segment]:
    """Cut ``text`` at every span edge; ``spans`` are (fact id, start, end, is_first)."""
    spans = [(f, max(0, s), min(len(text), e), first) for f, s, e, first in spans if e > s]
    cuts = sorted({0, len(text), *(s for _, s, _, _ in spans), *(e for _, _, e, _ in spans)})
    found: list[Segment] = []
    for start, end in itertools.pairwise(cuts):
        covering = tuple(sorted({f for f, s, e, _ in spans if s <= start and end <= e}))
        anchors = tuple(sorted({f for f, s, _, first in spans if first and s == start}))
        found.append(Segment(start, end, text[start:end], covering, anchors))
    return found
