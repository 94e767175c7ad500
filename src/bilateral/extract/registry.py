"""The one place where extractor components are registered, in running order."""

from __future__ import annotations

from bilateral.extract.agreements import AgreementExtractor
from bilateral.extract.assessments import AssessmentExtractor
from bilateral.extract.dates.component import DateTagger
from bilateral.extract.dyad import DyadFromTitle
from bilateral.extract.entities import EntityRecognizer
from bilateral.extract.entity_lexicon import default_lexicon
from bilateral.extract.envoys import EnvoyHistory
from bilateral.extract.events import EventExtractor
from bilateral.extract.foreign_relations import ForeignRelations
from bilateral.extract.infobox import InfoboxFacts
from bilateral.extract.memberships import MembershipExtractor
from bilateral.extract.missions import MissionFactory, MissionsFromLists
from bilateral.extract.pipeline import Pipeline
from bilateral.extract.polls import PollExtractor
from bilateral.extract.statistics import StatisticExtractor
from bilateral.extract.visit_lists import VisitLists
from bilateral.model.countries import CountryRegistry, default_registry
from bilateral.model.places import Gazetteer, default_gazetteer


def default_pipeline(
    registry: CountryRegistry | None = None, gazetteer: Gazetteer | None = None
) -> Pipeline:
    """The standard pipeline.

    Lists run before the infobox so their wording wins when both name one
    mission; the infobox's current envoys come before the envoys the prose
    names, so a person in both keeps the infobox's title and gains the dates.
    The foreign-relations reader runs after the event extractor so as not to
    state again a relation event that extractor found in a partner's section.
    """
    countries = registry or default_registry()
    places = gazetteer or default_gazetteer()
    missions = MissionFactory(places)
    lexicon = default_lexicon()
    return Pipeline(
        [
            DateTagger(),
            DyadFromTitle(countries),
            MissionsFromLists(countries, missions),
            InfoboxFacts(countries, missions),
            EntityRecognizer(lexicon, places),
            EventExtractor(lexicon, places, countries.name),
            VisitLists(countries, countries.name),
            ForeignRelations(countries, missions),
            EnvoyHistory(),
            AssessmentExtractor(lexicon),
            PollExtractor(lexicon),
            StatisticExtractor(),
            MembershipExtractor(),
            AgreementExtractor(),
        ]
    )
