"""Per-partner parts of a "Foreign relations of X" page outside its tables.

Many pages give each partner a section ("=== Armenia ===" under "Europe and
America"), or, inside a continent's section, a definition term (";Algeria")
followed by its paragraphs and bullets. A heading or term names a partner
when it is a state's name, or a bilateral title with X on one side
("Peru–Chile relations"). A sentence belongs to the innermost partner part
that holds it, so a partner section nested in another partner's is read
for its own partner only; sentences of tables are left to the table reader.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from bilateral.extract.dyad import parse_title
from bilateral.extract.foreign_relations.names import StateNames
from bilateral.model.document import BlockKind, Document, Sentence
from bilateral.model.span import Span

_PROSE = (BlockKind.PARAGRAPH, BlockKind.BULLETS, BlockKind.TERM)


@dataclass(frozen=True, slots=True)
class PartnerPart:
    """A heading or term naming ``partner``, and the stretch of `plain` it governs."""

    partner: str
    anchor: Span
    scope: Span
    origin: str  # "section" or "term"


def heading_partner(title: str, state: str, names: StateNames) -> str | None:
    """The partner a heading or term names, other than ``state`` itself."""
    code = names.resolve(title)
    if code is None:
        pair = parse_title(title, names.registry)
        if pair is not None and state in (pair.first, pair.second):
            code = pair.second if pair.first == state else pair.first
    return code if code != state else None


def partner_parts(document: Document, state: str, names: StateNames) -> list[PartnerPart]:
    """Every section and term that names a partner, in text order."""
    parts: list[PartnerPart] = []
    for section in document.sections[1:]:
        if section.heading is None:
            continue
        partner = heading_partner(section.title, state, names)
        if partner is not None:
            parts.append(PartnerPart(partner, section.heading, section.span, "section"))
    blocks = document.blocks
    for index, block in enumerate(blocks):
        if block.kind is not BlockKind.TERM:
            continue
        partner = heading_partner(document.slice(block.span), state, names)
        if partner is None:
            continue
        end = len(document.plain)
        for later in blocks[index + 1 :]:
            if later.kind is BlockKind.TERM or later.section != block.section:
                end = later.span.start
                break
        parts.append(PartnerPart(partner, block.span, Span(block.span.start, end), "term"))
    return sorted(parts, key=lambda p: (p.scope.start, -p.scope.end))


def sentences_by_part(
    document: Document, parts: list[PartnerPart]
) -> Iterator[tuple[PartnerPart, Sentence]]:
    """Each prose sentence with the innermost partner part holding it."""
    if not parts:
        return
    starts = [p.scope.start for p in parts]
    reach: list[int] = []  # the furthest end of any part up to each one
    for part in parts:
        reach.append(max(part.scope.end, reach[-1] if reach else 0))
    for sentence in document.sentences:
        if document.blocks[sentence.block].kind not in _PROSE:
            continue
        position = bisect_right(starts, sentence.span.start)
        if position == 0 or reach[position - 1] < sentence.span.end:
            continue
        for candidate in reversed(parts[:position]):
            if candidate.scope.contains(sentence.span):
                if sentence.span != candidate.anchor:
                    yield candidate, sentence
                break
