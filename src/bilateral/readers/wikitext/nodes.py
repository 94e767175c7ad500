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

from mwparserfromhell.nodes import Node, Tag, Template
from mwparserfromhell.wikicode import Wikicode

_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)
_SPACES = re.compile(r"[\s_]+")


def children(code: Wikicode, at: int) -> Iterator[tuple[Node, int]]:
    """Each node of ``code`` with its source offset, given where ``code`` starts."""
    for node in code.nodes:
        yield node, at
        at += len(str(node))


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
    return opening + len(str(tag.tag)) + attributes + len(tag.padding or "") + 1


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
    cursor = at + 2 + len(str(template.name))
    found: list[Param] = []
    for param in template.params:
        cursor += 1  # the "|"
        name = str(param.name)
        value_at = cursor + len(name) + 1 if param.showkey else cursor
        found.append(Param(name.strip(), param.value, cursor, value_at, not param.showkey))
        cursor += len(str(param))
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
