"""What every command shares: the database option and opening the knowledge base."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from bilateral import config
from bilateral.cli import render
from bilateral.errors import BilateralError
from bilateral.kb import KnowledgeBase

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar=config.DB.env,
        help=f"{config.DB.help} Default: {config.DB.default()}",
        show_default=False,
    ),
]

OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write here instead of standard output."),
]


@contextmanager
def knowledge_base(db: str | None) -> Iterator[KnowledgeBase]:
    """Open the knowledge base; library errors become one-line user errors."""
    try:
        with KnowledgeBase(db) as kb:
            yield kb
    except BilateralError as error:
        render.error(str(error))
        raise typer.Exit(2) from None
