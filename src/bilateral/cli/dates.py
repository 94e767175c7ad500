"""`bilateral dates FILE`: the date expressions of one article, normalised to EDTF."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from bilateral.cli import render
from bilateral.errors import BilateralError
from bilateral.kb import date_expressions

FORMATS = ("jsonl", "table")


def _error(message: str) -> None:
    """One line on standard error, however narrow the terminal."""
    render.errors.print(f"[bold red]error:[/] {escape(message)}", highlight=False, soft_wrap=True)


def dates(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="An article in a readable format.")],
    format: Annotated[
        str,
        typer.Option("--format", help="Output format: jsonl (one JSON object a line) or table."),
    ] = "jsonl",
) -> None:
    """Print every date expression of an article with its EDTF value.

    Each JSON line has start and end (character offsets into the file's text
    as decoded from UTF-8), text (exactly that slice), edtf, precision,
    relative, anchor (the offset of the date a relative expression was
    resolved against) and unanchored (a relative expression with no date to
    resolve against in its paragraph; its edtf is empty). Exit status 2 when
    the file cannot be read.
    """
    if format not in FORMATS:
        _error(f"unknown format {format!r}; available: {', '.join(FORMATS)}")
        raise typer.Exit(2)
    try:
        found = date_expressions(file)
    except BilateralError as error:
        _error(str(error))
        raise typer.Exit(2) from None
    if format == "jsonl":
        for span in found:
            sys.stdout.write(json.dumps(dataclasses.asdict(span), ensure_ascii=False) + "\n")
        return
    table = Table(title=f"{len(found)} date expressions in {file}", title_justify="left")
    for column in ("Start", "End", "Text", "EDTF", "Precision", "Anchor"):
        table.add_column(column)
    for span in found:
        anchor = "none" if span.unanchored else "" if span.anchor is None else str(span.anchor)
        table.add_row(str(span.start), str(span.end), span.text, span.edtf, span.precision, anchor)
    render.console.print(table)
