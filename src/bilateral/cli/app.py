"""The `bilateral` command line: each command parses, calls the facade, renders."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from bilateral.cli import render
from bilateral.cli.check import check
from bilateral.cli.common import DbOption, knowledge_base
from bilateral.cli.dates import dates
from bilateral.cli.imports import fetch_app, import_app
from bilateral.cli.serve import serve
from bilateral.cli.timeline import timeline
from bilateral.model.facts import KINDS

app = typer.Typer(
    help="Build and query a sourced knowledge base of relations between states.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.command()
def ingest(
    paths: Annotated[
        list[Path], typer.Argument(metavar="PATH...", help="Files or folders of articles.")
    ],
    titles: Annotated[
        list[str] | None,
        typer.Option(
            "--titles",
            help="Only pages whose title matches this pattern (case-insensitive glob, "
            "e.g. '*relations*'); repeatable. A file's title is its own or its file name.",
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """Read articles, extract their facts and store them.

    Folders are walked for known file types: outline text (.txt), wikitext
    (.wiki, .wikitext, or .json holding one string) and MediaWiki XML dumps
    (.xml, .xml.bz2, streamed and stored page by page). Re-ingesting an
    unchanged file does nothing; a changed file replaces its earlier facts. A
    file or dump page that cannot be read is reported and skipped; the exit
    status is 1 if any was.
    """
    with knowledge_base(db) as kb:
        files = kb.files(paths)
        columns = (
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
        )
        with Progress(*columns, console=render.errors, transient=True) as bar:
            task = bar.add_task("Ingesting", total=len(files))
            report = kb.ingest(files, progress=lambda _path: bar.advance(task), titles=titles)
        render.ingest_report(report)
    if report.failed:
        raise typer.Exit(1)


@app.command()
def show(
    states: Annotated[
        list[str],
        typer.Argument(
            metavar="STATE...",
            help='Two states ("Peru" "United States", PE US) or an article title.',
        ),
    ],
    db: DbOption = None,
) -> None:
    """Print the profile of a dyad: envoys, missions by host country, counts of other facts."""
    with knowledge_base(db) as kb:
        render.profile(kb.profile(states), kb.name, kb.verdicts(states))


@app.command()
def export(
    format: Annotated[str, typer.Option("--format", help="Output format: jsonl.")] = "jsonl",
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
        Path | None, typer.Option("--output", "-o", help="Write here instead of standard output.")
    ] = None,
    db: DbOption = None,
) -> None:
    """Export facts in the JSON Lines interchange format."""
    if format != "jsonl":
        render.error(f"unknown format {format!r}; available: jsonl")
        raise typer.Exit(2)
    unknown = sorted(set(kind or ()) - set(KINDS))
    if unknown:
        render.error(f"unknown kind {', '.join(unknown)}; known: {', '.join(KINDS)}")
        raise typer.Exit(2)
    with knowledge_base(db) as kb:
        if output is None:
            kb.export_jsonl(sys.stdout, dyad, kind)
        else:
            with output.open("w", encoding="utf-8") as out:
                count = kb.export_jsonl(out, dyad, kind)
            render.console.print(f"{count} facts written to {output}", highlight=False)


@app.command()
def sources(db: DbOption = None) -> None:
    """List the documents in the knowledge base."""
    with knowledge_base(db) as kb:
        render.sources(kb.sources())


app.command()(dates)
app.command()(timeline)
app.command()(check)
app.command()(serve)
app.add_typer(import_app, name="import")
app.add_typer(fetch_app, name="fetch")


def main() -> None:
    app()
