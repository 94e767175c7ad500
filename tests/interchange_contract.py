"""A validator for the facts interchange format (docs/interchange.md of the shared folder).

Written from the contract's tables: required fields per record and per kind,
their types and vocabularies, and that evidence text is the slice of the
source at its offsets.
"""

from __future__ import annotations

import re
from typing import Any

COMMON = {"kind", "id", "source", "source_path", "evidence", "confidence", "extractor"}
PER_KIND: dict[str, set[str]] = {
    "dyad": {"a", "b", "title"},
    "envoy": {"sender", "receiver", "person", "title", "rank", "start", "end", "current"},
    "mission": {"sender", "host", "city", "type"},
    "event": {"date", "actors", "type", "score", "summary"},
    "membership": {"organization", "members"},
    "agreement": {"name", "parties", "status"},
    "poll": {"pollster", "date", "population", "subject", "measure", "value"},
    "statistic": {"subject", "value", "unit"},
    "assessment": {"date", "direction", "polarity"},
}
RANKS = {"ambassador", "minister", "charge-d-affaires", "envoy", "consul", "other"}
MISSION_TYPES = {
    "embassy",
    "consulate-general",
    "consulate",
    "consular-agency",
    "honorary-consulate",
    "legation",
    "interests-section",
    "non-resident",
}
EVENT_TYPES = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
}
AGREEMENT_STATUS = {"proposed", "signed", "in-force", "terminated", "unknown"}
COUNTRY = re.compile(r"^(?:[A-Z]{2}|[a-z0-9]+(?:-[a-z0-9]+)*)$")
EDTF = re.compile(
    r"^(?:-?\d{4}|\d{3}X|\d{2}XX)(?:-\d{2}(?:-\d{2})?)?[?~%]?"
    r"(?:/(?:-?\d{4}|\d{3}X|\d{2}XX)?(?:-\d{2}(?:-\d{2})?)?[?~%]?|/\.\.)?$|^\.\./\d{4}.*$"
)


def problems(record: dict[str, Any], texts: dict[str, str]) -> list[str]:
    """Everything wrong with one record; ``texts`` maps source ids to document text."""
    found: list[str] = []
    kind = record.get("kind")
    if kind not in PER_KIND:
        return [f"unknown kind {kind!r}"]
    missing = (COMMON | PER_KIND[kind]) - set(record)
    if missing:
        found.append(f"{kind} lacks {sorted(missing)}")
    if not isinstance(record.get("id"), str) or not record["id"]:
        found.append("id must be a non-empty string")
    confidence = record.get("confidence")
    if not isinstance(confidence, int | float) or not 0 <= confidence <= 1:
        found.append(f"confidence {confidence!r} is not within 0..1")
    if not isinstance(record.get("extractor"), str) or not record["extractor"]:
        found.append("extractor must name the component")
    found.extend(_evidence_problems(record, texts))
    found.extend(_kind_problems(kind, record))
    return found


def _evidence_problems(record: dict[str, Any], texts: dict[str, str]) -> list[str]:
    evidence = record.get("evidence")
    if not isinstance(evidence, list):
        return ["evidence must be a list"]
    text = texts.get(record.get("source", ""))
    found = []
    for item in evidence:
        if set(item) != {"start", "end", "text"}:
            found.append(f"evidence item {item} must have exactly start, end, text")
            continue
        if text is not None and text[item["start"] : item["end"]] != item["text"]:
            found.append(f"evidence text {item['text']!r} is not the source slice")
    return found


def _kind_problems(kind: str, r: dict[str, Any]) -> list[str]:
    found = []

    def country(field: str) -> None:
        value = r.get(field)
        if not isinstance(value, str) or not COUNTRY.match(value):
            found.append(f"{kind}.{field} {value!r} is not a country id")

    def date(field: str, optional: bool = True) -> None:
        value = r.get(field)
        if value is None and optional:
            return
        if not isinstance(value, str) or not EDTF.match(value):
            found.append(f"{kind}.{field} {value!r} is not an EDTF date")

    if kind == "dyad":
        country("a")
        country("b")
    elif kind == "envoy":
        country("sender")
        country("receiver")
        if r.get("rank") not in RANKS:
            found.append(f"envoy.rank {r.get('rank')!r}")
        if not isinstance(r.get("current"), bool):
            found.append("envoy.current must be a boolean")
        date("start")
        date("end")
    elif kind == "mission":
        country("sender")
        country("host")
        if r.get("type") not in MISSION_TYPES:
            found.append(f"mission.type {r.get('type')!r}")
        if r.get("accredited_from") is not None and r.get("type") != "non-resident":
            found.append("accredited_from only belongs to non-resident missions")
    elif kind == "event":
        if r.get("type") not in EVENT_TYPES:
            found.append(f"event.type {r.get('type')!r}")
        score = r.get("score")
        if not isinstance(score, int | float) or not -10 <= score <= 10:
            found.append(f"event.score {score!r}")
        if not isinstance(r.get("actors"), list):
            found.append("event.actors must be a list")
        date("date")
    elif kind == "agreement":
        if r.get("status") not in AGREEMENT_STATUS:
            found.append(f"agreement.status {r.get('status')!r}")
    elif kind == "poll":
        date("date")
        if not isinstance(r.get("value"), int | float):
            found.append("poll.value must be a number")
    elif kind == "statistic":
        if not isinstance(r.get("value"), int | float):
            found.append("statistic.value must be a number")
    elif kind == "assessment":
        date("date")
        if r.get("polarity") not in (-1, 0, 1):
            found.append(f"assessment.polarity {r.get('polarity')!r}")
    elif kind == "membership" and not isinstance(r.get("members"), list):
        found.append("membership.members must be a list")
    return found
