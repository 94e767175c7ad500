"""Every export format in one place: what it writes and where it writes it.

Two shapes of output. JSON Lines, Turtle and JSON-LD are one stream of all
the chosen facts (standard output or a file). CSV and Parquet are tables, one
per fact kind, written into a folder. Both read facts through a callable
(the facade passes the store's query), a kind or all kinds at a time, so
nothing here holds more than a batch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from bilateral.export.csv import write_csv
from bilateral.export.jsonl import write_jsonl
from bilateral.export.parquet import write_parquet
from bilateral.export.rdf import DEFAULT_BASE, write_jsonld, write_turtle
from bilateral.model.facts import KINDS

# Facts of these kinds (all kinds: None), in a stable order.
Facts = Callable[[Sequence[str] | None], Iterable[dict[str, Any]]]

STREAMS = ("jsonl", "turtle", "jsonld")
TABLES = ("csv", "parquet")
FORMATS = STREAMS + TABLES


@dataclass(frozen=True)
class ExportCounts:
    """How many facts were written, in all and per kind (tables only)."""

    total: int
    per_kind: dict[str, int] = field(default_factory=dict)


def write_stream(
    format: str,
    facts: Facts,
    kinds: Sequence[str] | None,
    out: TextIO,
    base: str = DEFAULT_BASE,
) -> ExportCounts:
    """Write the facts as one JSON Lines, Turtle or JSON-LD stream."""
    records = facts(kinds)
    if format == "jsonl":
        return ExportCounts(write_jsonl(records, out))
    if format == "turtle":
        return ExportCounts(write_turtle(records, out, base))
    if format == "jsonld":
        return ExportCounts(write_jsonld(records, out, base))
    raise ValueError(f"{format} is not a stream format ({', '.join(STREAMS)})")


def write_tables(
    format: str, facts: Facts, kinds: Sequence[str] | None, folder: Path
) -> ExportCounts:
    """Write one CSV or Parquet table per kind into ``folder``."""
    chosen = list(kinds) if kinds else list(KINDS)
    writers = {"csv": write_csv, "parquet": write_parquet}
    if format not in writers:
        raise ValueError(f"{format} is not a table format ({', '.join(TABLES)})")
    counts = writers[format](lambda kind: facts([kind]), chosen, folder)
    return ExportCounts(sum(counts.values()), counts)
