"""`bilateral export`: facts as JSON Lines, CSV, Parquet, Turtle or JSON-LD."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from bilateral.cli import render
from bilateral.cli.common import DbOption, knowledge_base
from bilateral.export.formats import FORMATS, TABLES
from bilateral.model.facts import KINDS


def export(
    format: Annotated[
        str,
        typer.Option(
            "--format",
            help="jsonl (the interchange format), turtle or jsonld (RDF), csv or parquet "
            "(one table per kind).",
        ),
    ] = "jsonl",
    dyad: Annotated[
        list[str] | None,
        typer.Option(
            "--dyad", help="Only this dyad: give twice (--dyad PE --dyad US) or as 'PE US'."
        ),
    ] = None,
    kind: Annotated[
        list[str] | None,
        typer.Option("--kind", help=f"Only these kinds ({', '.join(KINDS)}); repeatable."),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="jsonl, turtle, jsonld: write this file instead of standard output. "
            "csv, parquet: the folder for the tables (required).",
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """Export facts: a stream (JSON Lines, Turtle, JSON-LD) or one table per kind (CSV, Parquet).

    JSON Lines follows the facts interchange format. Turtle and JSON-LD use
    Wikidata properties, PROV-O and OWL-Time (see the README's RDF mapping);
    their node IRIs start with BILATERAL_RDF_BASE. CSV and Parquet write
    KIND.csv or KIND.parquet for each kind into the --output folder, with the
    columns listed in the README. Exports stream: the knowledge base is read
    a batch at a time, never held whole.
    """
    if format not in FORMATS:
        render.error(f"unknown format {format!r}; available: {', '.join(FORMATS)}")
        raise typer.Exit(2)
    unknown = sorted(set(kind or ()) - set(KINDS))
    if unknown:
        render.error(f"unknown kind {', '.join(unknown)}; known: {', '.join(KINDS)}")
        raise typer.Exit(2)
    if format in TABLES and output is None:
        render.error(f"{format} writes one table per kind: give a folder with --output")
        raise typer.Exit(2)
    with knowledge_base(db) as kb:
        if format in TABLES and output is not None:
            counts = kb.export(format, output, dyad, kind)
            tables = ", ".join(f"{k} {n}" for k, n in counts.per_kind.items())
            render.console.print(f"{counts.total} facts written to {output}/ ({tables})")
        elif output is None:
            kb.export(format, sys.stdout, dyad, kind)
        else:
            with output.open("w", encoding="utf-8") as out:
                counts = kb.export(format, out, dyad, kind)
            render.console.print(f"{counts.total} facts written to {output}", highlight=False)
