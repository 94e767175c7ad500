"""`bilateral timeline`: a dyad's events in date order, as a table, JSON or CSV."""

from __future__ import annotations

from typing import Annotated

import typer

from bilateral.cli import render
from bilateral.cli.common import DbOption, knowledge_base
from bilateral.model.plover import EVENT_TYPES
from bilateral.model.trajectory import TimelineQuery

FORMATS = ("table", "json", "csv")


def timeline(
    states: Annotated[
        list[str],
        typer.Argument(
            metavar="STATE...",
            help='Two states ("Peru" "United States", PE US) or an article title.',
        ),
    ],
    first_year: Annotated[
        int | None, typer.Option("--from", help="Only events that can fall in or after this year.")
    ] = None,
    last_year: Annotated[
        int | None, typer.Option("--to", help="Only events that can fall in or before this year.")
    ] = None,
    event_type: Annotated[
        list[str] | None,
        typer.Option("--type", help="Only these PLOVER types (repeatable), e.g. SANCTION."),
    ] = None,
    mode: Annotated[
        list[str] | None, typer.Option("--mode", help="Only these modes (repeatable), e.g. visit.")
    ] = None,
    actor: Annotated[
        str | None,
        typer.Option("--actor", help="Only events involving this state, body or person."),
    ] = None,
    format: Annotated[str, typer.Option("--format", help="table, json or csv.")] = "table",
    evidence: Annotated[
        bool, typer.Option("--evidence", help="Show the source sentence of each event.")
    ] = False,
    db: DbOption = None,
) -> None:
    """List the events of a dyad in date order, with PLOVER type, mode and score.

    Dates are EDTF at the precision the text gives; an interval counts as in
    the range when it overlaps it. Undated events come last (and are left
    out when --from or --to is given). Each row keeps the event's stable id.
    """
    if format not in FORMATS:
        render.error(f"unknown format {format!r}; available: {', '.join(FORMATS)}")
        raise typer.Exit(2)
    types = {t.upper() for t in event_type or ()}
    unknown = sorted(types - set(EVENT_TYPES))
    if unknown:
        render.error(
            f"unknown event type {', '.join(unknown)}; PLOVER types: {', '.join(EVENT_TYPES)}"
        )
        raise typer.Exit(2)
    if first_year is not None and last_year is not None and first_year > last_year:
        render.error(f"--from {first_year} is after --to {last_year}")
        raise typer.Exit(2)
    with knowledge_base(db) as kb:
        wanted = kb.registry.resolve(actor) if actor else None
        query = TimelineQuery(
            first_year, last_year, frozenset(types), frozenset(mode or ()), wanted or actor
        )
        events = kb.timeline(states, query)
        render.timeline(events, kb.name, format, evidence)
