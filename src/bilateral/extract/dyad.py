"""The dyad of a bilateral article, from its title (or, lacking one, its file name).

Titles come as "A–B relations" (en dash; also a hyphen or " and "), or
"Relations between A and B", with names or adjectives ("German–American
relations", "Sino-Indian relations"). Names with hyphens of their own
("Guinea-Bissau", "Peru-Bolivian Confederation") are handled by trying each
split and keeping the one where both sides name states.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from bilateral.extract.common import provenance
from bilateral.extract.pipeline import Output
from bilateral.model.countries import CountryRegistry
from bilateral.model.document import Document
from bilateral.model.facts import Dyad, dyad_of
from bilateral.model.span import Span

_SUFFIX = re.compile(r"\s+(?:relations|relationship|foreign relations)\s*$", re.I)
_BETWEEN = re.compile(r"^\s*relations\s+between\s+(.+?)\s+and\s+(.+?)\s*$", re.I)
_SEPARATORS = ("–", "—", "−", " and ", "-", "/")


@dataclass(frozen=True)
class TitleDyad:
    """The ordered pair a title names: ``first`` and ``second`` as written."""

    first: str
    second: str


def parse_title(title: str, registry: CountryRegistry) -> TitleDyad | None:
    """The two states a bilateral title names, in title order, or None."""
    between = _BETWEEN.match(title)
    if between:
        return _resolved(between.group(1), between.group(2), registry)
    core = _SUFFIX.sub("", title).strip()
    if core == title.strip():
        return None
    for separator in _SEPARATORS:
        positions = [m.start() for m in re.finditer(re.escape(separator), core)]
        for position in positions:
            left, right = core[:position], core[position + len(separator) :]
            found = _resolved(left, right, registry)
            if found is not None:
                return found
    return None


def _resolved(left: str, right: str, registry: CountryRegistry) -> TitleDyad | None:
    """Names, or the adjectives of compound titles: "German–American",
    "Sino-Indian" (a combining form only on the left)."""
    left, right = left.strip(), right.strip()
    a = registry.resolve(left) or registry.demonym(left) or registry.combining(left)
    b = registry.resolve(right) or registry.demonym(right)
    if a is None or b is None or a == b:
        return None
    return TitleDyad(a, b)


def _title_in_text(text: str, title: str) -> Span:
    """Where the text itself states a title that came from elsewhere (a file
    name, a dump's page title): wikitext leads usually repeat it in bold.
    Dashes and spaces may differ; an empty span when the text never says it."""
    words = [re.escape(part) for part in re.split(r"[\s\-–—−]+", title.strip()) if part]
    if not words:
        return Span(0, 0)
    found = re.search(r"[\s\-–—−]+".join(words), text, re.I)
    return Span(found.start(), found.end()) if found else Span(0, 0)


class DyadFromTitle:
    name = "dyad"
    version = "2"
    requires: tuple[str, ...] = ()
    produces: tuple[str, ...] = ("dyad",)

    def __init__(self, registry: CountryRegistry) -> None:
        self.registry = registry

    def run(self, document: Document, found: Mapping[str, Any]) -> Output:
        title = document.title or PurePath(document.name).stem
        pair = parse_title(title, self.registry)
        if pair is None:
            return Output()
        span = document.title_span or _title_in_text(document.plain, title)
        fact = Dyad(
            a=pair.first,
            b=pair.second,
            title=title,
            dyad=dyad_of(pair.first, pair.second),
            **provenance(document, *([span] if len(span) else [])),
        )
        return Output(facts=(fact,), values={"dyad": pair})
