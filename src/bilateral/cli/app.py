"""The `bilateral` command line: each command parses, calls the facade, renders."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from bilateral.cli import render
from bilateral.cli.check import check
from bilateral.cli.common import DbOption, knowledge_base
from bilateral.cli.consistency import consistency
from bilateral.cli.dates import dates
from bilateral.cli.export import export
from bilateral.cli.imports import fetch_app, import_app
from bilateral.cli.network import network
from bilateral.cli.serve import serve
from bilateral.cli.timeline import timeline

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
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            min=1,
            help="Read and extract on this many local worker processes (Dask); 1 runs "
            "everything in this process.",
        ),
    ] = 1,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            metavar="tcp://HOST:PORT",
            help="Send the work to this Dask distributed scheduler instead. Its workers "
            "write to the database themselves: beyond this machine, --db must be a "
            "PostgreSQL URL they can reach.",
        ),
    ] = None,
    report_pages: Annotated[
        bool,
        typer.Option(
            "--report",
            help="Also print, for each 'Foreign relations of X' page, the table rows naming "
            "a partner, those with a parsed date and the missions found, with totals.",
        ),
    ] = False,
    db: DbOption = None,
) -> None:
    """Read articles, extract their facts and store them.

    Folders are walked for known file types: outline text (.txt), wikitext
    (.wiki, .wikitext, or .json holding one string) and MediaWiki XML dumps
    (.xml, .xml.bz2, streamed and stored page by page). Re-ingesting an
    unchanged file does nothing; a changed file replaces its earlier facts. A
    file or dump page that cannot be read is reported and skipped; the exit
    status is 1 if any was. With --workers or --scheduler the same work runs on
    Dask workers and stores the same facts; a dump is read here and its pages
    are sent out in small batches, so memory stays bounded.
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
            report = kb.ingest(
                files,
                progress=lambda _path: bar.advance(task),
                titles=titles,
                workers=workers,
                scheduler=scheduler,
            )
        render.ingest_report(report)
        if report_pages:
            render.page_reports(kb.page_reports(report), kb.name)
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
def sources(db: DbOption = None) -> None:
    """List the documents in the knowledge base."""
    with knowledge_base(db) as kb:
        render.sources(kb.sources())


app.command()(export)
app.command()(dates)
app.command()(timeline)
app.command()(check)
app.command()(consistency)
app.command()(network)
app.command()(serve)
app.add_typer(import_app, name="import")
app.add_typer(fetch_app, name="fetch")


def main() -> None:
    app()
