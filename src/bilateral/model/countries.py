"""The registry of states: ids, names, aliases and demonyms.

Ids follow the interchange contract: ISO 3166-1 alpha-2 for states that have
one (pycountry), a lower-case slug for the others (``lexicons/states.tsv``).
The packaged lexicon comes first, then pycountry's names, then an optional
user file in the same shape, so a user can add names without touching code.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pycountry

from bilateral.config import user_lexicon
from bilateral.errors import UnknownCountry
from bilateral.lexicons import read_rows
from bilateral.model.names import fold


@dataclass
class CountryRegistry:
    """Resolves names of states to ids and back."""

    names: dict[str, str] = field(default_factory=dict)
    _by_key: dict[str, str] = field(default_factory=dict)
    _demonyms: dict[str, str] = field(default_factory=dict)
    _combining: dict[str, str] = field(default_factory=dict)
    _forms: list[tuple[str, str, str]] = field(default_factory=list)

    @classmethod
    def load(cls, extra: Path | None = None) -> CountryRegistry:
        registry = cls()
        rows = list(read_rows("states.tsv"))
        for code, role, form in rows:
            if role == "name":
                registry.names.setdefault(code, form)
        for country in pycountry.countries:
            code = country.alpha_2
            common = getattr(country, "common_name", None)
            registry.names.setdefault(code, common or country.name)
            official = getattr(country, "official_name", None)
            for alias in (country.name, common, official):
                if alias:
                    registry.add(code, "alias", str(alias))
            registry.add(code, "code", country.alpha_3)
            registry.add(code, "code", code)
        for code, role, form in rows:
            registry.add(code, role, form)
        if extra is not None:
            for code, role, form in read_rows("states.tsv", extra):
                if role == "name":
                    registry.names[code] = form
                registry.add(code, role, form)
        for code, name in registry.names.items():
            registry.add(code, "name", name)
        return registry

    def add(self, code: str, role: str, form: str) -> None:
        key = fold(form)
        if not key:
            return
        if role == "combining":  # only in compounds ("Sino-Indian"), never alone in text
            self._combining.setdefault(key, code)
            return
        table = self._demonyms if role == "demonym" else self._by_key
        if key not in table or role == "name":
            table.setdefault(key, code)
        self._forms.append((form, code, role))

    def resolve(self, name: str) -> str | None:
        """The id of a state named by ``name`` (a name, alias or code), or None."""
        return self._by_key.get(fold(name))

    def require(self, name: str) -> str:
        code = self.resolve(name)
        if code is None:
            raise UnknownCountry(f"no state is known by the name {name!r}")
        return code

    def demonym(self, word: str) -> str | None:
        """The id of the state a demonym ("Peruvian", "Americans") refers to."""
        return self._demonyms.get(fold(word))

    def combining(self, word: str) -> str | None:
        """The id of the state a compound's first part names ("Sino", "Franco")."""
        return self._combining.get(fold(word))

    def name(self, code: str) -> str:
        """The English name to show for an id."""
        return self.names.get(code, code)

    def forms(self) -> Iterator[tuple[str, str, str]]:
        """Every known surface form as (form, id, role), for entity matchers."""
        return iter(self._forms)


@cache
def default_registry() -> CountryRegistry:
    """The registry from the packaged lexicon and the user's ``states.tsv``, if any
    (cached: it is immutable in use)."""
    return CountryRegistry.load(user_lexicon("states.tsv"))
