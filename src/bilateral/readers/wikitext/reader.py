"""One wikitext string into a `Document`: parse, walk, then settle every span.

Spans are recorded raw while walking (they may start or end on whitespace a
later line break or a dropped template left behind) and are trimmed once the
plain text is final. Sentences, sections and citations are settled last,
because each needs the whole plain text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

import mwparserfromhell

from bilateral.errors import EmptyInput, UnreadableInput
from bilateral.model.document import (
    Block,
    Citation,
    Document,
    Field,
    Link,
    Section,
    Sentence,
    document_id,
)
from bilateral.model.sentences import split_sentences
from bilateral.model.span import Span
from bilateral.readers.text import bounded, fold_for_extractors
from bilateral.readers.wikitext.blocks import Page, RawSection, Walker
from bilateral.readers.wikitext.inline import NestingTooDeep
from bilateral.readers.wikitext.nodes import forget_sizes

FORMAT = "wikitext"
MAX_CHARACTERS = 50_000_000
MAX_TEMPLATE_DEPTH = 100
# The parser spends up to ~0.1 ms on each markup character (a list marker, a
# table bar, a bracket), so a page made of little else would take hours at the
# size limit: pages with more markup characters than this are refused. The
# largest page of the shared corpus has about 55,000.
MAX_MARKUP = 200_000
# The parser backtracks over constructs left open (an external link, a tag, a
# table, a comment), in time quadratic in how many are open: a page of 8,000
# unclosed "[http://a " took half a minute. More open than this are refused;
# the shared corpus leaves at most 20 open (void tags such as <br>).
MAX_UNCLOSED = 1000
_BRACES = re.compile(r"\{\{|\}\}")
_MARKUP = "{}[]|<>*#:;'=!&\n"
_PAIRS = {
    "brackets": re.compile(r"(\[)|\]"),
    "tables": re.compile(r"(\{\|)|\|\}"),
    "comments": re.compile(r"(<!--)|-->"),
    "tags": re.compile(r"(<[A-Za-z])|</|/>"),
}


def template_depth(text: str) -> int:
    """How deeply ``{{`` … ``}}`` nest, counted on the raw text before parsing."""
    depth = deepest = 0
    for match in _BRACES.finditer(text):
        if match.group() == "{{":
            depth += 1
            deepest = max(deepest, depth)
        elif depth:
            depth -= 1
    return deepest


def unclosed(text: str, pair: re.Pattern[str]) -> int:
    """How many openers of ``pair`` (group 1) no later closer matches."""
    depth = 0
    for match in pair.finditer(text):
        if match.group(1):
            depth += 1
        elif depth:
            depth -= 1
    return depth


def read_wikitext_text(
    text: str, source_path: str, name: str | None = None, title: str | None = None
) -> Document:
    """Read wikitext given as a string; ``text`` becomes `Document.text` unchanged.

    Refuses (with `UnreadableInput`) text over `MAX_CHARACTERS`, with more than
    `MAX_MARKUP` markup characters or `MAX_UNCLOSED` constructs left open, or
    with templates nested deeper than `MAX_TEMPLATE_DEPTH`, rather than hang or
    overflow.
    """
    if len(text) > MAX_CHARACTERS:
        raise UnreadableInput(
            source_path, f"is too large ({len(text):,} characters; the limit is {MAX_CHARACTERS:,})"
        )
    if not text.replace("\ufeff", "").strip():
        raise EmptyInput(source_path, "is empty")
    markup = sum(map(text.count, _MARKUP))
    if markup > MAX_MARKUP:
        raise UnreadableInput(
            source_path,
            f"holds too much markup to parse in reasonable time ({markup:,} markup "
            f"characters; the limit is {MAX_MARKUP:,})",
        )
    for kind, pair in _PAIRS.items():
        left_open = unclosed(text, pair)
        if left_open > MAX_UNCLOSED:
            raise UnreadableInput(
                source_path,
                f"leaves {left_open:,} {kind} open (the limit is {MAX_UNCLOSED:,}); "
                "the parser would take too long",
            )
    depth = template_depth(text)
    if depth > MAX_TEMPLATE_DEPTH:
        raise UnreadableInput(
            source_path, f"nests templates {depth} deep (the limit is {MAX_TEMPLATE_DEPTH})"
        )
    try:
        code = mwparserfromhell.parse(text)
    except Exception as error:  # the parser's own failures are not part of its API
        raise UnreadableInput(source_path, f"cannot be parsed as wikitext ({error})") from None
    page = Page(text)
    page.sections.append(RawSection(1, Span(0, 0), 0))
    try:
        Walker(page).walk(code, 0)
    except (NestingTooDeep, RecursionError) as error:
        raise UnreadableInput(source_path, f"cannot be read: {error}") from None
    finally:
        forget_sizes()
    return _document(page, source_path, name or source_path, title)


def _document(page: Page, source_path: str, name: str, title: str | None) -> Document:
    raw, offsets = page.out.build()
    plain = fold_for_extractors(raw)
    trim = _Trimmer(plain)
    blocks = tuple(trim.block(block) for block in page.blocks)
    sentences = _sentences(plain, page, trim)
    notes = page.inline.notes
    links = tuple(
        Link(
            trim(Span(min(n.start, len(plain)), min(n.end, len(plain)))), n.target, n.source, n.kind
        )
        for n in notes.links
    )
    starts = [sentence.span.start for sentence in sentences]
    citations = tuple(
        Citation(
            c.source,
            c.content or notes.definitions.get(c.name or "", ""),
            min(c.anchor, len(plain)),
            _sentence_before(plain, sentences, starts, min(c.anchor, len(plain))),
            c.name,
        )
        for c in notes.citations
    )
    return Document(
        id=document_id(name, page.source),
        name=name,
        source_path=source_path,
        format=FORMAT,
        text=page.source,
        title=title,
        sections=_sections(plain, page.sections, title, trim),
        blocks=blocks,
        sentences=sentences,
        plain=plain,
        offsets=offsets,
        links=links,
        citations=citations,
    )


class _Trimmer:
    """Trims spans of the final plain text of surrounding whitespace, once each."""

    def __init__(self, plain: str) -> None:
        self.plain = plain
        self._seen: dict[Span, Span] = {}

    def __call__(self, span: Span) -> Span:
        found = self._seen.get(span)
        if found is None:
            start, end = min(span.start, len(self.plain)), min(span.end, len(self.plain))
            while start < end and self.plain[start].isspace():
                start += 1
            while end > start and self.plain[end - 1].isspace():
                end -= 1
            found = self._seen[span] = Span(start, end)
        return found

    def block(self, block: Block) -> Block:
        fields = tuple(
            Field(
                self(f.key_span).of(self.plain),
                self(f.value_span).of(self.plain),
                self(f.key_span),
                self(f.value_span),
            )
            for f in block.fields
        )
        return replace(
            block,
            span=self(block.span),
            items=tuple(self(item) for item in block.items),
            fields=fields,
            rows=tuple(tuple(self(cell) for cell in row) for row in block.rows),
        )


def _sentences(plain: str, page: Page, trim: _Trimmer) -> tuple[Sentence, ...]:
    found: list[Sentence] = []
    for region in page.regions:
        span = trim(region.span)
        if region.split:
            parts = bounded(split_sentences(plain, span.start, span.end), plain)
            found.extend(Sentence(part, region.block) for part in parts)
        elif len(span):
            found.extend(Sentence(part, region.block) for part in bounded([span], plain))
    found.sort(key=lambda sentence: sentence.span.start)
    return tuple(found)


def _sentence_before(
    plain: str, sentences: tuple[Sentence, ...], starts: list[int], anchor: int
) -> int | None:
    """The sentence a reference at ``anchor`` follows: the one it ends or sits in."""
    index = bisect_left(starts, anchor) - 1
    if index < 0:
        return None
    span = sentences[index].span
    if anchor <= span.end:
        return index
    gap = plain[span.end : anchor]
    return index if not gap.strip() and "\n" not in gap else None


def _sections(
    plain: str, raw: list[RawSection], title: str | None, trim: _Trimmer
) -> tuple[Section, ...]:
    """Each section runs from its heading to the next heading of its level or above."""
    sections = [Section(title or "", 1, Span(0, len(plain)), None, None)]
    for index, section in enumerate(raw[1:], start=1):
        heading = trim(section.heading)
        end = len(plain)
        for later in raw[index + 1 :]:
            if later.level <= section.level:
                end = later.heading.start
                break
        start = min(heading.start, end)
        sections.append(
            Section(heading.of(plain), section.level, Span(start, end), heading, section.parent)
        )
    return tuple(sections)
