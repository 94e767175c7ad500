"""Facts as tables: one table per kind, with fixed, documented columns.

CSV and Parquet share these columns so that a table loads the same way into
R, pandas or a database whichever file was chosen. Every table starts with
the columns all facts have (their provenance), then the kind's own fields of
the interchange format. Values are those of the JSON Lines records; lists
(actors, members, parties) are lists in Parquet and ``|``-joined in CSV,
and ``evidence`` holds every span (a list of start/end/text structs in
Parquet, their JSON in CSV) while ``evidence_start``, ``evidence_end`` and
``evidence_text`` repeat the first one for quick filtering.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

ColumnType = Literal["string", "float", "integer", "boolean", "strings", "spans"]


@dataclass(frozen=True)
class Column:
    name: str
    type: ColumnType
    meaning: str


COMMON: tuple[Column, ...] = (
    Column("id", "string", "stable id of the fact"),
    Column("source", "string", "id of the document it came from"),
    Column("source_path", "string", "path or URI the document was read from"),
    Column("dyad_a", "string", "first state of the dyad it belongs to (sorted pair)"),
    Column("dyad_b", "string", "second state of the dyad"),
    Column("confidence", "float", "0.0–1.0"),
    Column("extractor", "string", "component name@version that produced it"),
    Column("evidence_start", "integer", "offset of the first evidence span in the document"),
    Column("evidence_end", "integer", "end offset (exclusive) of the first evidence span"),
    Column("evidence_text", "string", "text of the first evidence span"),
    Column("evidence", "spans", "every evidence span: start, end, text"),
)

_S: ColumnType = "string"
_F: ColumnType = "float"
_I: ColumnType = "integer"
_B: ColumnType = "boolean"
_L: ColumnType = "strings"

KINDS: dict[str, tuple[Column, ...]] = {
    "dyad": (
        Column("a", _S, "first state id"),
        Column("b", _S, "second state id"),
        Column("title", _S, "article title"),
    ),
    "envoy": (
        Column("sender", _S, "state sending the envoy"),
        Column("receiver", _S, "state receiving the envoy"),
        Column("person", _S, "the envoy, as the source spells the name"),
        Column("title", _S, "title as written"),
        Column("rank", _S, "ambassador, minister, charge-d-affaires, envoy, consul, other"),
        Column("start", _S, "EDTF start of the posting"),
        Column("end", _S, "EDTF end of the posting"),
        Column("current", _B, "whether the source calls the envoy current"),
        Column("appointed", _S, "EDTF date of appointment"),
        Column("credentials", _S, "EDTF date credentials were presented"),
    ),
    "mission": (
        Column("sender", _S, "state the mission represents"),
        Column("host", _S, "state it is in"),
        Column("city", _S, "city"),
        Column("type", _S, "embassy, consulate-general, consulate, … (interchange format)"),
        Column("name", _S, "its name, when given"),
        Column("accredited_from", _S, "city it is accredited from (non-resident missions)"),
        Column("latitude", _F, "latitude of the city (offline gazetteer)"),
        Column("longitude", _F, "longitude of the city"),
        Column("geonameid", _I, "GeoNames id of the city"),
    ),
    "event": (
        Column("date", _S, "EDTF date"),
        Column("actors", _L, "states, organisations or people involved"),
        Column("actor", _S, "PLOVER source actor"),
        Column("recipient", _S, "PLOVER target actor"),
        Column("type", _S, "PLOVER event type"),
        Column("mode", _S, "PLOVER or diplomatic mode"),
        Column("score", _F, "PLOVER cooperation/conflict score, −10 to +10"),
        Column("summary", _S, "one-line summary"),
        Column("date_basis", _S, "how the date was fixed (text, heading, …)"),
    ),
    "membership": (
        Column("organization", _S, "organisation id"),
        Column("members", _L, "member state ids"),
        Column("date", _S, "EDTF date, when the text gives one"),
    ),
    "agreement": (
        Column("name", _S, "name of the agreement"),
        Column("parties", _L, "parties"),
        Column("status", _S, "proposed, signed, in-force, terminated, unknown"),
        Column("date", _S, "EDTF date"),
        Column("acronym", _S, "acronym, when given"),
    ),
    "poll": (
        Column("pollster", _S, "who asked"),
        Column("date", _S, "EDTF date"),
        Column("population", _S, "state of the respondents"),
        Column("subject", _S, "what they were asked about"),
        Column("measure", _S, "favorable, unfavorable, …"),
        Column("value", _F, "percent"),
    ),
    "statistic": (
        Column("subject", _S, "what is measured"),
        Column("value", _F, "the number"),
        Column("unit", _S, "its unit"),
        Column("period", _S, "e.g. annual"),
        Column("date", _S, "EDTF date"),
        Column("approximate", _B, "whether the text hedges the number"),
        Column("bound", _S, "at-least, at-most … when the text gives a bound"),
    ),
    "assessment": (
        Column("date", _S, "EDTF date"),
        Column("direction", _S, "improved, deteriorated, strained, …"),
        Column("polarity", _I, "−1, 0 or +1"),
    ),
}


def columns(kind: str) -> tuple[Column, ...]:
    """Every column of a kind's table, in order."""
    return COMMON + KINDS[kind]


def row(record: Mapping[str, Any]) -> dict[str, Any]:
    """A record's values under its table's columns (absent fields are None)."""
    evidence = list(record.get("evidence") or ())
    first = evidence[0] if evidence else {}
    dyad = record.get("dyad") or (None, None)
    values: dict[str, Any] = {
        "id": record.get("id"),
        "source": record.get("source"),
        "source_path": record.get("source_path"),
        "dyad_a": dyad[0],
        "dyad_b": dyad[1],
        "confidence": record.get("confidence"),
        "extractor": record.get("extractor"),
        "evidence_start": first.get("start"),
        "evidence_end": first.get("end"),
        "evidence_text": first.get("text"),
        "evidence": [{"start": e["start"], "end": e["end"], "text": e["text"]} for e in evidence],
    }
    for column in KINDS[record["kind"]]:
        values[column.name] = _typed(record.get(column.name), column.type)
    return values


def _typed(value: Any, kind: ColumnType) -> Any:
    if value is None:
        return None
    if kind == "strings":
        return [str(v) for v in value]
    if kind == "float":
        return float(value)
    if kind == "integer":
        return int(value)
    if kind == "boolean":
        return bool(value)
    return value if isinstance(value, str) else str(value)


def csv_value(value: Any, kind: ColumnType) -> str:
    """A value as CSV text: empty for None, lists joined with ``|``, spans as JSON."""
    if value is None:
        return ""
    if kind == "strings":
        return "|".join(value)
    if kind == "spans":
        return json.dumps(value, ensure_ascii=False)
    if kind == "boolean":
        return "true" if value else "false"
    return str(value)
