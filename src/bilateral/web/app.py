"""The application factory: routes, error handling, limits, headers and static files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bilateral import __version__
from bilateral.errors import BilateralError
from bilateral.kb import KnowledgeBase
from bilateral.web.api import dyads, facts
from bilateral.web.pages import views
from bilateral.web.responses import error_json, status_for
from bilateral.web.state import WebSettings, WebState

STATIC = Path(__file__).parent / "static"

# Front-end packages served from the folder npm installed them in: URL prefix -> folder.
VENDOR = {
    "leaflet": "leaflet/dist",
    "topojson-client": "topojson-client/dist",
    "world-atlas": "world-atlas",
}

SECURITY_HEADERS = {
    # Everything the pages use comes from this server: no CDN, no remote fonts or tiles.
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
        "frame-ancestors 'none'; form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


class BodyLimit:
    """Refuses request bodies over ``limit`` bytes with 413.

    A declared Content-Length over the limit is refused before reading; a body
    without one is read (up to the limit, then refused) before the app sees it
    and handed on whole.
    """

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None:
            try:
                size = int(declared)
            except ValueError:
                await error_json(400, "Content-Length is not a number")(scope, receive, send)
                return
            if size > self.limit:
                await self._refuse(scope, receive, send)
                return
        chunks: list[bytes] = []
        received = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunk = message.get("body", b"")
            received += len(chunk)
            if received > self.limit:
                await self._refuse(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = error_json(413, f"the request body is larger than {self.limit:,} bytes")
        await response(scope, receive, send)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api") or request.url.path == "/openapi.json"


def create_app(
    kb: KnowledgeBase | None = None,
    settings: WebSettings | None = None,
    db: str | None = None,
) -> FastAPI:
    """The web application over ``kb`` (or a knowledge base opened at ``db``).

    ``settings`` default to the environment (`bilateral.config`): the token
    that allows uploads, the body size limit, CORS origins and the folder of
    front-end packages.
    """
    settings = settings or WebSettings.from_environment()
    app = FastAPI(
        title="bilateral",
        version=__version__,
        description=(
            "A sourced knowledge base of the relations between two states: dyads, envoys, "
            "missions, events, assessments, polls and more, every fact with the characters "
            "of the text it came from. Read-only unless the server has a token."
        ),
    )
    app.state.web = WebState(kb or KnowledgeBase(db), settings)
    app.include_router(dyads.router)
    app.include_router(facts.router)
    app.include_router(views.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    assets = settings.assets
    for prefix, folder in VENDOR.items():
        directory = (assets / folder) if assets else STATIC / "missing"
        app.mount(
            f"/vendor/{prefix}",
            StaticFiles(directory=directory, check_dir=False),
            name=f"vendor-{prefix}",
        )
    _handlers(app)

    @app.middleware("http")
    async def headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if request.url.path.startswith(("/vendor/", "/static/")):
            response.headers["Cache-Control"] = "public, max-age=3600"
        return response

    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "HEAD", "OPTIONS"],
            allow_headers=["If-None-Match"],
            expose_headers=["ETag"],
        )
    app.add_middleware(BodyLimit, limit=settings.max_upload)
    return app


def _handlers(app: FastAPI) -> None:
    @app.exception_handler(BilateralError)
    async def library_error(request: Request, error: BilateralError) -> Response:
        status = status_for(error)
        if _wants_json(request):
            return error_json(status, str(error))
        return views.error_page(request, status, str(error))

    @app.exception_handler(RequestValidationError)
    async def bad_parameters(request: Request, error: RequestValidationError) -> Response:
        problems = [
            {
                "where": ".".join(str(p) for p in e.get("loc", ())),
                "problem": str(e.get("msg", "")),
            }
            for e in error.errors()
        ]
        message = "; ".join(f"{p['where']}: {p['problem']}" for p in problems)
        if _wants_json(request):
            return error_json(422, f"bad parameters: {message}", problems=problems)
        return views.error_page(request, 400, f"Bad parameters: {message}")

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> Response:
        response: Response
        if _wants_json(request) or request.url.path.startswith(("/static", "/vendor")):
            response = error_json(error.status_code, str(error.detail))
        else:
            response = views.error_page(request, error.status_code, str(error.detail))
        for name, value in (error.headers or {}).items():
            response.headers[name] = value
        return response
