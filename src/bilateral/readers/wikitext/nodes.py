"""Where the parts of a parsed wikitext node are in the source.

mwparserfromhell nodes do not carry offsets, but ``str(node)`` reproduces
the source exactly, piece by piece. These helpers rebuild each part's offset
from the lengths of the pieces before it, following the order in which the
node classes write themselves out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from mwparserfromhell.nodes import (
    Argument,
    ExternalLink,
    Heading,
    Node,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.nodes.extras import Parameter
from mwparserfromhell.wikicode import Wikicode

_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)
_SPACES = re.compile(r"[\s_]+")


# Sizes already measured, by node id (the node is kept so that its id stays its own).
_SIZES: dict[int, tuple[Node, int]] = {}


def size(node: Node) -> int:
    """``len(str(node))``, measured once per node.

    Offsets come from adding up sizes at every level of the tree, and
    ``str()`` rebuilds a node's whole subtree each time, so sizes are
    computed bottom-up from the parts instead, following each node class's
    ``__str__``, and remembered.
    """
    found = _SIZES.get(id(node))
    if found is not None:
        return found[1]
    measured = _measure(node)
    _SIZES[id(node)] = (node, measured)
    return measured


def forget_sizes() -> None:
    """Drop remembered sizes (after reading a document)."""
    _SIZES.clear()


def code_size(code: Wikicode) -> int:
    return sum(size(node) for node in code.nodes)


def _param_size(param: Parameter) -> int:
    value = code_size(param.value)
    return code_size(param.name) + 1 + value if param.showkey else value


def _measure(node: Node) -> int:
    if isinstance(node, Text):
        return len(node.value)
    if isinstance(node, Template):
        return 4 + code_size(node.name) + sum(1 + _param_size(p) for p in node.params)
    if isinstance(node, Wikilink):
        text = 0 if node.text is None else 1 + code_size(node.text)
        return 4 + code_size(node.title) + text
    if isinstance(node, Tag):
        return _tag_size(node)
    if isinstance(node, Heading):
        return 2 * node.level + code_size(node.title)
    if isinstance(node, ExternalLink):
        if not node.brackets:
            return code_size(node.url)
        if node.title is None:
            return 2 + code_size(node.url)
        space = 0 if getattr(node, "suppress_space", False) else 1
        return 2 + code_size(node.url) + space + code_size(node.title)
    if isinstance(node, Argument):
        default = 0 if node.default is None else 1 + code_size(node.default)
        return 6 + code_size(node.name) + default
    return len(str(node))


def _tag_size(tag: Tag) -> int:
    opening = contents_offset(tag)
    if tag.wiki_markup:
        if tag.self_closing:
            return opening
        return opening + code_size(tag.contents) + len(tag.closing_wiki_markup or "")
    if tag.self_closing:
        return opening - 1 + (1 if tag.implicit else 2)
    return opening + code_size(tag.contents) + 3 + code_size(tag.closing_tag)


def children(code: Wikicode, at: int) -> Iterator[tuple[Node, int]]:
    """Each node of ``code`` with its source offset, given where ``code`` starts."""
    for node in code.nodes:
        yield node, at
        at += size(node)


def contents_offset(tag: Tag) -> int:
    """Offset of a tag's contents from the start of the tag."""
    attributes = sum(len(str(attribute)) for attribute in tag.attributes)
    if tag.wiki_markup:
        return (
            len(tag.wiki_markup)
            + attributes
            + len(tag.padding or "")
            + len(tag.wiki_style_separator or "")
        )
    opening = 2 if tag.invalid else 1
    return opening + code_size(tag.tag) + attributes + len(tag.padding or "") + 1


def tag_name(tag: Tag) -> str:
    return str(tag.tag).strip().casefold()


def attribute(tag: Tag, name: str) -> str | None:
    """The value of an attribute, unquoted and stripped, or None."""
    for item in reversed(tag.attributes):
        if str(item.name).strip().casefold() == name:
            return str(item.value).strip().strip("\"'").strip() if item.value is not None else ""
    return None


def template_name(template: Template) -> str:
    """The name a template is known by: comments dropped, case and underscores folded."""
    name = _SPACES.sub(" ", _COMMENT.sub("", str(template.name))).strip().casefold()
    for prefix in ("template:", "subst:", "safesubst:"):
        if name.startswith(prefix):
            name = name[len(prefix) :].strip()
    return name


@dataclass(frozen=True, slots=True)
class Param:
    """One template parameter with the offsets of its name and value."""

    name: str
    value: Wikicode
    name_at: int
    at: int
    positional: bool

    @property
    def text(self) -> str:
        """The raw value with surrounding whitespace and comments dropped."""
        return _COMMENT.sub("", str(self.value)).strip()


def params(template: Template, at: int) -> list[Param]:
    """The parameters of ``template`` (which starts at ``at``) in source order."""
    cursor = at + 2 + code_size(template.name)
    found: list[Param] = []
    for param in template.params:
        cursor += 1  # the "|"
        name = str(param.name)
        value_at = cursor + len(name) + 1 if param.showkey else cursor
        found.append(Param(name.strip(), param.value, cursor, value_at, not param.showkey))
        cursor += _param_size(param)
    return found


def positional(found: list[Param]) -> list[Param]:
    return [param for param in found if param.positional]


def named(found: list[Param], *names: str) -> Param | None:
    """The last parameter with one of ``names`` (as MediaWiki lets later ones win)."""
    for param in reversed(found):
        if param.name.casefold() in names:
            return param
    return None


def argument(found: list[Param], number: int) -> Param | None:
    """Positional parameter ``number`` (1-based), given positionally or as ``number=``."""
    key = str(number)
    for param in reversed(found):
        if param.name == key:
            return param
    return None
