"""Mission facts from what the notes say: sender, host, residence, and the place.

A clause names its sender; the host is the partner named by "accredited to"
or "represented in", else the other side of the page's dyad. A mission
whose city lies in the host is resident; one whose city lies in a third
state (written after it, "Astana, Kazakhstan", or found there by the
gazetteer) is a non-resident accreditation from that city, when the clause
speaks of accreditation or representation; otherwise it is a mission
elsewhere, not one of this dyad, and is left out. A city the gazetteer
does not know stays, ungeocoded and with lower confidence.

Mission columns (the Sahrawi Republic's page: "Embassy (Algiers)", "‡
(Managua)" for non-resident) are read by `column_missions`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator

from bilateral.extract.foreign_relations.names import territories
from bilateral.extract.lexicon_tables import mission_type, mission_type_pattern
from bilateral.extract.mission_notes import NoteMission
from bilateral.extract.missions import MissionFactory
from bilateral.model.document import Document
from bilateral.model.facts import Mission
from bilateral.model.places import Place
from bilateral.model.span import Span

_COLUMN_ITEM = re.compile(r"(?P<kind>[^()‡;,]*?)\s*(?P<remote>‡)?\s*\((?P<city>[^()]+)\)")


def note_mission(
    document: Document,
    factory: MissionFactory,
    note: NoteMission,
    state: str,
    partner: str,
    resolve: Callable[[str], str | None],
) -> Mission | None:
    """The mission fact a clause states about the dyad (state, partner), or None;
    ``resolve`` names states."""
    sides = {state: partner, partner: state}
    sender = note.subject
    if sender not in sides:
        return None
    host = note.host or sides[sender]
    if host not in sides or host == sender:
        return None
    locate = factory.gazetteer.locate
    named = resolve(note.city)
    if named is not None and (len(named) != 2 or locate(note.city, named) is None):
        return None  # "from its embassy in India": a state, not a city
    if note.country is not None and note.country != host and note.country not in territories(host):
        place = locate(note.city, note.country) if len(note.country) == 2 else None
        return _remote(document, factory, note, sender, host, place)
    place = _in_state(factory, note.city, host)
    if place is not None and (note.host is not None or note.remote) and note.country is None:
        # "accredited to H from its embassy in Santiago": the best-known Santiago
        best = locate(note.city)
        if best is not None and best.country not in (host, sender):
            return _remote(document, factory, note, sender, host, best)
    if place is None and note.country is None:
        elsewhere = locate(note.city)
        if elsewhere is not None and elsewhere.country not in (host, sender):
            if note.remote or note.host is not None:
                return _remote(document, factory, note, sender, host, elsewhere)
            return None
    made = factory.make(document, [note.span], sender, host, note.city, note.kind, confidence=0.9)
    if made.geonameid is None and place is not None:  # a city of the host's territories
        return dataclasses.replace(
            made,
            latitude=place.latitude,
            longitude=place.longitude,
            geonameid=place.geonameid,
            confidence=0.9,
        )
    return made


def _in_state(factory: MissionFactory, city: str, state: str) -> Place | None:
    """The city in ``state`` or one of its territories (Hong Kong for China)."""
    if len(state) != 2:
        return None
    for code in (state, *territories(state)):
        place = factory.gazetteer.locate(city, code)
        if place is not None:
            return place
    return None


def _remote(
    document: Document,
    factory: MissionFactory,
    note: NoteMission,
    sender: str,
    host: str,
    place: Place | None,
) -> Mission:
    """A non-resident accreditation from ``note.city``, placed where that city is."""
    made = factory.make(document, [note.span], sender, host, note.city, "non-resident", None, 0.85)
    return dataclasses.replace(
        made,
        type="non-resident",
        accredited_from=note.city,
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        geonameid=place.geonameid if place else None,
        confidence=0.85 if place else 0.7,
    )


def column_missions(
    document: Document,
    factory: MissionFactory,
    cell: Span,
    sender: str,
    host: str,
) -> Iterator[Mission]:
    """Missions of a mission column's cell: "Embassy (Algiers)"; "‡ (Managua)" is
    non-resident, kept from that city."""
    text = document.slice(cell)
    for match in _COLUMN_ITEM.finditer(text):
        city = match.group("city").strip()
        span = Span(cell.start + match.start(), cell.start + match.end())
        found = mission_type_pattern()[0].search(match.group("kind"))
        kind = mission_type(found.group(0)) if found else None
        if match.group("remote") or kind is None:
            note = NoteMission(sender, host, "embassy", city, None, True, span)
            place = factory.gazetteer.locate(city)
            yield _remote(document, factory, note, sender, host, place)
        else:
            yield factory.make(document, [span], sender, host, city, kind, confidence=0.9)
