"""Which state a "Foreign relations of X" page, a table cell or a heading names.

The country registry knows the states' names, aliases and codes; these pages
also write flag-template codes ({{flag|GER}}), "St." for "Saint", a
disambiguation after the name ("Georgia (country)", a file stem's "Georgia
_country_") and entities the registry lacks. `StateNames` tries the registry
first, then ``partners.tsv`` beside this module (data, not code), so the same
name gives the same id on every page and the pages' dyads meet.
``territories.tsv`` says which coded territories belong to which state.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from bilateral.model.countries import CountryRegistry
from bilateral.model.names import fold

_PAGE = re.compile(r"^\s*foreign\s+relations\s+of\s+(?P<state>.+?)\s*$", re.I)
_QUALIFIER = re.compile(r"\s*(?:\([^)]*\)|_[^_]*_)\s*$")
_SAINT = re.compile(r"^St\.?\s+", re.I)
_SLUG = re.compile(r"[^a-z0-9]+")


@cache
def _extra_names() -> dict[str, str]:
    text = resources.files(__package__).joinpath("partners.tsv").read_text(encoding="utf-8")
    table: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, form = (cell.strip() for cell in line.split("\t"))
        table.setdefault(fold(form), code)
    return table


@cache
def _territories() -> dict[str, tuple[str, ...]]:
    text = resources.files(__package__).joinpath("territories.tsv").read_text(encoding="utf-8")
    table: dict[str, list[str]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            territory, state = (cell.strip() for cell in line.split("\t"))
            table.setdefault(state, []).append(territory)
    return {state: tuple(found) for state, found in table.items()}


def territories(state: str) -> tuple[str, ...]:
    """The codes of the territories that belong to ``state`` (``territories.tsv``)."""
    return _territories().get(state, ())


def slug(name: str) -> str:
    """The interchange id of an entity without an ISO code: its English name, slugged."""
    return _SLUG.sub("-", fold(name)).strip("-")


class StateNames:
    """Resolves the ways these pages name a state to registry ids."""

    def __init__(self, registry: CountryRegistry) -> None:
        self.registry = registry
        self._seen: dict[str, str | None] = {}

    def resolve(self, name: str) -> str | None:
        """The id of the state ``name`` names, or None (organisations, regions, prose)."""
        if name in self._seen:
            return self._seen[name]
        found = self._resolve(name)
        if len(self._seen) < 100_000:  # names recur page after page; bound the memo
            self._seen[name] = found
        return found

    def _resolve(self, name: str) -> str | None:
        text = name.strip(" \t\n*†‡:;,.")
        if not text or len(text) > 80 or (len(text) <= 3 and not text.isupper()):
            return None  # "It", "in", "and" are not the codes IT, IN, AND
        for form in (text, _QUALIFIER.sub("", text)):
            code = self.registry.resolve(form) or _extra_names().get(fold(form))
            if code is None and _SAINT.match(form):
                code = self.registry.resolve(_SAINT.sub("Saint ", form))
            if code is not None:
                return code
        return None

    def name(self, code: str) -> str:
        return self.registry.name(code)


def page_state(title: str | None, names: StateNames) -> str | None:
    """The state a "Foreign relations of X" title is about, or None for other pages.

    An entity neither the registry nor ``partners.tsv`` knows still gets an id,
    the slug of its name, so its page is not lost.
    """
    match = _PAGE.match(title or "")
    if match is None:
        return None
    subject = match.group("state")
    return names.resolve(subject) or slug(_QUALIFIER.sub("", subject)) or None
