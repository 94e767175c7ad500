"""Current envoys and missions from a bilateral infobox.

Keys ending in ``1`` / ``2`` (``Envoy1``, ``Envoytitle2``, ``Mission1``)
belong to the first / second state of the title, whatever order the lines
come in; ``Country1`` / ``Country2``, when present and resolvable, name them
explicitly. The envoy with key ``n`` is sent by state ``n`` to the other, and
mission ``n`` is state ``n``'s mission in the other.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from bilateral.extract.common import provenance
from bilateral.extract.dyad import TitleDyad
from bilateral.extract.lexicon_tables import (
    envoy_rank,
    mission_type,
    mission_type_pattern,
    split_title,
)
from bilateral.extract.missions import MissionFactory
from bilateral.extract.pipeline import Output
from bilateral.model.countries import CountryRegistry
from bilateral.model.document import BlockKind, Document, Field
from bilateral.model.facts import Envoy, Fact, dyad_of
from bilateral.model.span import Span

_NUMBERED = re.compile(r"^(?P<base>[A-Za-z][A-Za-z_ ]*?)[ _]?(?P<n>[12])$")
_SEPARATOR = re.compile(r",\s*|\s+in\s+", re.I)
_TRAILING_NOTE = re.compile(r"\s*[(\[].*$")


def _base(key: str) -> tuple[str, int] | None:
    match = _NUMBERED.match(key.strip())
    if match is None:
        return None
    return re.sub(r"[\s_]", "", match.group("base")).casefold(), int(match.group("n"))


def parse_mission_name(text: str, registry: CountryRegistry) -> tuple[str, str | None, str] | None:
    """(type, sender id or None, city) of "Embassy of Peru, Washington, D.C.", or None."""
    found = mission_type_pattern()[0].match(text.strip())
    if found is None:
        return None
    kind = mission_type(found.group(0))
    rest = text.strip()[found.end() :]
    of = re.match(r"\s+of\s+", rest, re.I)
    if kind is None or of is None:
        return None
    rest = rest[of.end() :]
    for split in _SEPARATOR.finditer(rest):
        sender = registry.resolve(rest[: split.start()])
        city = rest[split.end() :].strip(" .")
        if sender is not None and city:
            return kind, sender, city
    return None


class InfoboxFacts:
    name = "infobox"
    version = "3"
    requires: tuple[str, ...] = ("dyad",)
    produces: tuple[str, ...] = ("current_envoys",)

    def __init__(self, registry: CountryRegistry, missions: MissionFactory) -> None:
        self.registry = registry
        self.missions = missions

    def run(self, document: Document, found: Mapping[str, Any]) -> Output:
        pair: TitleDyad = found["dyad"]
        facts: list[Fact] = []
        for _, block in document.blocks_of(BlockKind.INFOBOX):
            numbered: dict[int, dict[str, Field]] = defaultdict(dict)
            for field in block.fields:
                parsed = _base(field.key)
                if parsed is not None:
                    numbered[parsed[1]][parsed[0]] = field
            states = self._states(pair, numbered)
            for n, fields in sorted(numbered.items()):
                sender, receiver = states[n], states[3 - n]
                facts.extend(self._envoys(document, fields, sender, receiver))
                facts.extend(self._missions(document, fields, sender, receiver))
        envoys = tuple(f for f in facts if isinstance(f, Envoy))
        return Output(facts=tuple(facts), values={"current_envoys": envoys})

    def _states(
        self, pair: TitleDyad, numbered: Mapping[int, Mapping[str, Field]]
    ) -> dict[int, str]:
        states = {1: pair.first, 2: pair.second}
        named = {
            n: self.registry.resolve(f["country"].value)
            for n, f in numbered.items()
            if "country" in f
        }
        if (
            len(named) == 2
            and None not in named.values()
            and {*named.values()} == {*states.values()}
        ):
            states = {n: code for n, code in named.items() if code is not None}
        return states

    def _envoys(
        self, document: Document, fields: Mapping[str, Field], sender: str, receiver: str
    ) -> list[Envoy]:
        person = fields.get("envoy")
        if person is None or not person.value.strip():
            return []
        written, name = split_title(_TRAILING_NOTE.sub("", person.value).strip())
        title = fields.get("envoytitle")
        spans: list[Span] = [person.value_span] + ([title.value_span] if title else [])
        named = title.value if title else written
        return [
            Envoy(
                sender=sender,
                receiver=receiver,
                person=name,
                title=named,
                rank=envoy_rank(named) if named else "other",
                current=True,
                dyad=dyad_of(sender, receiver),
                **provenance(document, *spans),
            )
        ]

    def _missions(
        self, document: Document, fields: Mapping[str, Field], sender: str, host: str
    ) -> list[Fact]:
        field = fields.get("mission")
        if field is None:
            return []
        parsed = parse_mission_name(field.value, self.registry)
        if parsed is None:
            return []
        kind, named_sender, city = parsed
        return [
            self.missions.make(
                document,
                [field.value_span],
                named_sender or sender,
                host,
                city,
                kind,
                name=field.value,
                foreign_capital=True,
            )
        ]
