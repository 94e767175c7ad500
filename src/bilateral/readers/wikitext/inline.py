"""Rendering wikitext markup inside a line: links, quotes, entities, tags, templates.

The renderer walks parsed nodes in source order and appends what a reader
would see to the plain text, recording on the way the links (target and
label) and the references (kept out of the plain text, attached to the
offset they follow). Line structure (paragraphs, lists, tables) is the
business of `blocks`; here newlines are just spaces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mwparserfromhell.nodes import (
    Argument,
    Comment,
    ExternalLink,
    Heading,
    HTMLEntity,
    Node,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.wikicode import Wikicode

from bilateral.model.document import LinkKind
from bilateral.model.span import Span
from bilateral.readers.wikitext.nodes import (
    attribute,
    children,
    code_size,
    contents_offset,
    size,
    tag_name,
)
from bilateral.readers.wikitext.plain import PlainBuilder
from bilateral.readers.wikitext.templates import render_template

MAX_DEPTH = 100

# Text in these tags is not part of what a reader sees as prose.
_DROPPED_TAGS = frozenset(
    {
        "gallery",
        "math",
        "chem",
        "ce",
        "timeline",
        "graph",
        "score",
        "syntaxhighlight",
        "source",
        "templatestyles",
        "imagemap",
        "mapframe",
        "maplink",
        "includeonly",
        "hiero",
        "inputbox",
        "categorytree",
        "section",
        "style",
        "script",
    }
)
_BREAKS = frozenset({"br", "hr", "wbr"})
_TABLE_PARTS = frozenset({"tr", "td", "th", "caption", "tbody", "thead", "tfoot"})
_LIST_MARKERS = frozenset({"*", "#", ";", ":"})
_HIDDEN_NAMESPACES = frozenset({"file", "image", "category", "media"})
# Runs of two or more apostrophes (bold/italic left unbalanced) and behaviour switches.
_INVISIBLE = re.compile(r"'{2,}|__[A-Z]+__|\n")


class NestingTooDeep(Exception):
    """Markup nested deeper than `MAX_DEPTH`; the reader turns it into an input error."""


@dataclass(slots=True)
class RawLink:
    start: int
    end: int
    target: str
    source: Span
    kind: LinkKind


@dataclass(slots=True)
class RawCitation:
    source: Span
    content: str
    anchor: int
    name: str | None


@dataclass
class Annotations:
    """Links and references found while rendering, with plain offsets as emitted."""

    links: list[RawLink] = field(default_factory=list)
    citations: list[RawCitation] = field(default_factory=list)
    definitions: dict[str, str] = field(default_factory=dict)

    def clamp(self, length: int) -> None:
        """Keep annotations inside the plain text after it was cut back to ``length``."""
        for link in reversed(self.links):
            if link.end <= length:
                break
            link.start, link.end = min(link.start, length), length
        for citation in reversed(self.citations):
            if citation.anchor <= length:
                break
            citation.anchor = length


class Inline:
    """Appends the visible text of nodes to a `PlainBuilder`, noting links and references."""

    def __init__(self, source: str, out: PlainBuilder) -> None:
        self.source = source
        self.out = out
        self.notes = Annotations()
        self._depth = 0

    # -- entry points --------------------------------------------------------

    def code(self, code: Wikicode, at: int) -> None:
        """Render every node of ``code``, which starts at source offset ``at``."""
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise NestingTooDeep(f"markup nested deeper than {MAX_DEPTH} levels")
        try:
            for node, offset in children(code, at):
                self.node(node, offset)
        finally:
            self._depth -= 1

    def node(self, node: Node, at: int) -> None:
        if isinstance(node, Text):
            self.text(node.value, at)
            return
        mark = len(self.out)
        self._markup(node, at)
        if self.out.has_text_since(mark):
            self.out.balance(mark, at, at + size(node))

    def _markup(self, node: Node, at: int) -> None:
        if isinstance(node, Template):
            render_template(self, node, at)
        elif isinstance(node, Wikilink):
            self._wikilink(node, at)
        elif isinstance(node, Tag):
            self._tag(node, at)
        elif isinstance(node, ExternalLink):
            self._external(node, at)
        elif isinstance(node, HTMLEntity):
            self._entity(node, at)
        elif isinstance(node, Heading):
            self.code(node.title, at + node.level)
        elif isinstance(node, Argument) and node.default is not None:
            self.code(node.default, at + 3 + code_size(node.name) + 1)
        elif isinstance(node, Comment):
            return

    def text(self, value: str, at: int) -> None:
        """Plain text, less quote runs and switches; a newline reads as a space."""
        cursor = 0
        for match in _INVISIBLE.finditer(value):
            self.out.copy(value[cursor : match.start()], at + cursor)
            if match.group() == "\n":
                self.out.make(" ", at + match.start())
            cursor = match.end()
        self.out.copy(value[cursor:], at + cursor)

    def link(self, start: int, target: str, source: Span, kind: LinkKind) -> None:
        """Note a link whose label was emitted from plain offset ``start`` up to now."""
        target = " ".join(target.replace("_", " ").split()).lstrip(":").strip()
        if target:
            self.notes.links.append(RawLink(start, len(self.out), target, source, kind))

    def cite(self, source: Span, content: str, name: str | None) -> None:
        """Note a reference at the current plain offset (it adds no text)."""
        name = name or None
        content = content.strip()
        self.notes.citations.append(RawCitation(source, content, len(self.out), name))
        if name and content:
            self.notes.definitions.setdefault(name, content)

    def define(self, code: Wikicode) -> None:
        """Remember the named references defined in a reference list (no text, no anchor)."""
        for tag in code.filter_tags(recursive=True):
            if tag_name(tag) == "ref" and not tag.self_closing and tag.contents is not None:
                name = attribute(tag, "name")
                content = str(tag.contents).strip()
                if name and content:
                    self.notes.definitions.setdefault(name, content)

    # -- node kinds ----------------------------------------------------------

    def _wikilink(self, node: Wikilink, at: int) -> None:
        title = str(node.title)
        target = title.strip()
        if ":" in target and not target.startswith(":"):
            namespace = target.split(":", 1)[0].strip().casefold()
            if namespace in _HIDDEN_NAMESPACES:
                self._gap(node, at)
                return
        start = len(self.out)
        if node.text is not None:
            self.code(node.text, at + 2 + len(title) + 1)
        else:
            self.code(node.title, at + 2)
        self.link(start, target.split("#", 1)[0] or target, self._span(node, at), LinkKind.WIKI)

    def _external(self, node: ExternalLink, at: int) -> None:
        url = str(node.url)
        start = len(self.out)
        if not node.brackets:
            self.code(node.url, at)
        elif node.title is not None:
            space = 0 if getattr(node, "suppress_space", False) else 1
            self.code(node.title, at + 1 + len(url) + space)
        self.link(start, url, self._span(node, at), LinkKind.EXTERNAL)

    def _entity(self, node: HTMLEntity, at: int) -> None:
        raw = str(node)
        try:
            decoded = node.normalize()
        except (ValueError, OverflowError):
            decoded = raw
        if decoded == raw:
            self.out.copy(raw, at)
        else:
            self.out.make(decoded, at, at + len(raw))

    def _tag(self, node: Tag, at: int) -> None:
        name = tag_name(node)
        inner = at + contents_offset(node)
        if name == "ref":
            content = "" if node.self_closing or node.contents is None else str(node.contents)
            self.cite(self._span(node, at), content, attribute(node, "name"))
            self._gap(node, at)
        elif name == "references":
            if node.contents is not None:
                self.define(node.contents)
        elif name in _DROPPED_TAGS:
            return
        elif name in _BREAKS:
            self.out.make(" ", at, at + size(node))
        elif node.wiki_markup in _LIST_MARKERS:
            return
        elif name in _TABLE_PARTS or name == "table":
            self.out.make(" ", at)
            if node.contents is not None:
                self.code(node.contents, inner)
        elif node.contents is not None and not node.self_closing:
            self.code(node.contents, inner)

    def _gap(self, node: Node, at: int) -> None:
        """Keep words apart where something between them (a reference, an image) is dropped."""
        if self.out.last_is_word():
            self.out.make(" ", at, at + size(node))

    @staticmethod
    def _span(node: Node, at: int) -> Span:
        return Span(at, at + size(node))
