"""`bilateral import …` and `bilateral fetch …`: the official (authority) datasets.

Each command parses its arguments, calls the facade and renders the report.
An import exits 0 when it ran, listing every rejected record with its reason,
and 2 when the path cannot be used at all.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import (
    BarColumn,
    DownloadColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from bilateral.cli import render
from bilateral.cli.common import DbOption, knowledge_base
from bilateral.errors import BilateralError
from bilateral.kb import KnowledgeBase
from bilateral.model.authority import DATASETS, ImportReport
from bilateral.readers.fetch import DEFAULT_BASE_URL

import_app = typer.Typer(
    help="""Import an official dataset of the US Office of the Historian as authority records.

    bilateral import pocom|rdcr|visits|travels PATH [--db DB]: PATH is the dataset's
    folder as published, one of its record folders, or a single file. pocom: US
    chiefs of mission (person, role, appointment, arrival, credentials and end
    dates); rdcr: recognition, relations and mission events per country; visits:
    foreign leaders' visits to the US; travels: presidents' and secretaries of
    state's trips abroad.

    Every record is validated; the command prints records read, imported and
    rejected, and each rejection with its reason. Re-importing the same data
    changes nothing; a changed file replaces its own records. Exit status 0 when
    the import ran (rejections included), 2 when PATH cannot be used.""",
    no_args_is_help=True,
)
fetch_app = typer.Typer(
    help="""Download public datasets.

    bilateral fetch historyatstate DEST [--dataset NAME]... [--base-url URL]:
    downloads pocom, rdcr, visits and travels from their HistoryAtState
    repositories and unpacks them into DEST/<dataset>/, ready for bilateral import.""",
    no_args_is_help=True,
)

QuietOption = Annotated[
    bool,
    typer.Option(
        "--quiet",
        "-q",
        help="Print only the counts, not each rejected record with its reason.",
    ),
]
PathArgument = Annotated[
    Path,
    typer.Argument(
        metavar="PATH",
        help="The dataset's folder as published, one of its record folders, or one file.",
        show_default=False,
    ),
]


@contextmanager
def _reporting_errors() -> Iterator[None]:
    """Library errors become one-line user errors with exit status 2."""
    try:
        yield
    except BilateralError as error:
        render.error(str(error))
        raise typer.Exit(2) from None


def _import(dataset: str, path: Path, db: str | None, quiet: bool) -> None:
    with knowledge_base(db) as kb:
        files = kb.authority_files(dataset, path)
        columns = (
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
        )
        with Progress(*columns, console=render.errors, transient=True) as bar:
            task = bar.add_task(f"Importing {dataset}", total=len(files))
            report = kb.import_authority(dataset, path, progress=lambda _f: bar.advance(task))
    import_report(report, quiet)


def import_report(report: ImportReport, quiet: bool = False) -> None:
    """Counts first, then each rejection with its reason."""
    console = render.console
    console.print(
        f"{report.dataset}: {report.files} files, {report.read} records read, "
        f"{report.imported} imported, {len(report.rejected)} rejected",
        highlight=False,
    )
    if report.unchanged:
        console.print(f"{report.unchanged} files unchanged since the last import", highlight=False)
    for rejection in () if quiet else report.rejected:
        console.print(
            f"[yellow]rejected[/] {escape(str(rejection))}", highlight=False, soft_wrap=True
        )


@import_app.command("pocom")
def pocom(path: PathArgument, db: DbOption = None, quiet: QuietOption = False) -> None:
    """Import POCOM: every US chief of mission, with person, role and dates.

    PATH is the pocom folder (missions-countries/, people/, roles-country-chiefs/,
    code-tables/) or a file of missions-countries/.
    """
    _import("pocom", path, db, quiet)


@import_app.command("rdcr")
def rdcr(path: PathArgument, db: DbOption = None, quiet: QuietOption = False) -> None:
    """Import RDCR: recognition, relations and mission events per country.

    PATH is the rdcr folder (articles/) or one article.
    """
    _import("rdcr", path, db, quiet)


@import_app.command("visits")
def visits(path: PathArgument, db: DbOption = None, quiet: QuietOption = False) -> None:
    """Import visits of foreign leaders to the United States.

    PATH is the visits folder (data/) or one of its files.
    """
    _import("visits", path, db, quiet)


@import_app.command("travels")
def travels(path: PathArgument, db: DbOption = None, quiet: QuietOption = False) -> None:
    """Import travels abroad of US presidents and secretaries of state.

    PATH is the travels folder (president-travels/, secretary-travels/, code-tables/,
    presidents/) or one file.
    """
    _import("travels", path, db, quiet)


@fetch_app.command("historyatstate")
def historyatstate(
    dest: Annotated[
        Path, typer.Argument(metavar="DEST", help="Folder to unpack into (DEST/<dataset>/).")
    ],
    dataset: Annotated[
        list[str] | None,
        typer.Option("--dataset", help=f"Only these ({', '.join(DATASETS)}); repeatable."),
    ] = None,
    base_url: Annotated[
        str, typer.Option("--base-url", help="Host serving the repository archives.")
    ] = DEFAULT_BASE_URL,
) -> None:
    """Download the Office of the Historian datasets (pocom, rdcr, visits, travels).

    Each comes from its public HistoryAtState repository and is unpacked into
    DEST/<dataset>/ in the published layout, ready for `bilateral import`.
    """
    columns = (
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TimeElapsedColumn(),
    )
    with _reporting_errors(), Progress(*columns, console=render.errors, transient=True) as bar:
        tasks: dict[str, TaskID] = {}

        def advance(name: str, done: int, total: int | None) -> None:
            if name not in tasks:
                tasks[name] = bar.add_task(f"Downloading {name}", total=total)
            bar.update(tasks[name], completed=done, total=total)

        fetched = KnowledgeBase.fetch_authority(dest, dataset, base_url, advance)
    for item in fetched:
        render.console.print(
            escape(f"{item.dataset}: {item.files} files ({item.size} bytes) in {item.folder}"),
            highlight=False,
        )
    render.console.print(
        escape(f"Import each with: bilateral import DATASET {dest / 'DATASET'}"), highlight=False
    )
