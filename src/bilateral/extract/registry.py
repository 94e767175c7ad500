"""The one place where extractor components are registered, in running order."""

from __future__ import annotations

from bilateral.extract.dates.component import DateTagger
from bilateral.extract.dyad import DyadFromTitle
from bilateral.extract.infobox import InfoboxFacts
from bilateral.extract.missions import MissionFactory, MissionsFromLists
from bilateral.extract.pipeline import Pipeline
from bilateral.model.countries import CountryRegistry, default_registry
from bilateral.model.places import Gazetteer, default_gazetteer


def default_pipeline(
    registry: CountryRegistry | None = None, gazetteer: Gazetteer | None = None
) -> Pipeline:
    """The standard pipeline. Lists run before the infobox so their wording wins on merge."""
    countries = registry or default_registry()
    missions = MissionFactory(gazetteer or default_gazetteer())
    return Pipeline(
        [
            DateTagger(),
            DyadFromTitle(countries),
            MissionsFromLists(countries, missions),
            InfoboxFacts(countries, missions),
        ]
    )
