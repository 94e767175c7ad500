"""`bilateral serve`: the HTTP API and web pages over the knowledge base (uvicorn)."""

from __future__ import annotations

from typing import Annotated

import typer

from bilateral import config
from bilateral.cli import render
from bilateral.cli.common import DbOption
from bilateral.errors import BilateralError


def serve(
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (127.0.0.1: this machine only).")
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")
    ] = 8000,
    db: DbOption = None,
) -> None:
    """Serve the knowledge base over HTTP: a JSON API (OpenAPI at /docs) and web pages.

    Pages: / lists dyads with search, /dyads/PE/US shows a dyad (timeline, trajectory,
    map of missions, envoys, polls, memberships, agreements), /documents/ID shows a
    source with its facts highlighted. The server is read-only unless BILATERAL_TOKEN
    is set: then POST /api/documents?name=FILE with 'Authorization: Bearer <token>'
    ingests an article. Everything, map included, is served locally.
    """
    import uvicorn

    from bilateral.kb import KnowledgeBase
    from bilateral.web import WebSettings, create_app

    try:
        settings = WebSettings.from_environment()
        kb = KnowledgeBase(db)
    except (BilateralError, ValueError) as error:
        render.error(str(error))
        raise typer.Exit(2) from None
    mode = (
        "uploads allowed with the token"
        if settings.token
        else f"read-only; set {config.TOKEN.env} to allow uploads"
    )
    render.console.print(f"Serving {kb.db} on http://{host}:{port}/ ({mode})", highlight=False)
    try:
        uvicorn.run(create_app(kb, settings), host=host, port=port, log_level="info")
    finally:
        kb.close()
