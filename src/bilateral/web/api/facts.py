"""JSON endpoints about sources: sentence search, one fact with its evidence in
context, the documents, and (with a token) uploading an article."""

from __future__ import annotations

import dataclasses
import hmac
import re
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse, Response

from bilateral.kb import KnowledgeBase
from bilateral.model.facts import Fact
from bilateral.store import StoredDocument
from bilateral.web.responses import Paging, cached_json, error_json, page, paging
from bilateral.web.serialize import fact_json
from bilateral.web.state import WebState, knowledge_base, state

router = APIRouter(prefix="/api", tags=["sources"])

KB = Annotated[KnowledgeBase, Depends(knowledge_base)]
Page = Annotated[Paging, Depends(paging)]
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "No such id."}}
Id = Annotated[str, Path(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9_.:-]+$")]
UPLOAD_NAME = re.compile(r"^[\w][\w .()-]{0,199}$")


@router.get(
    "/search",
    summary="Full-text search over the sentences of every document",
    responses={400: {"description": "The query has no words."}},
)
def search(
    request: Request,
    kb: KB,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=500,
            description='Words (all must appear) and "quoted phrases"; case and accents ignored.',
        ),
    ],
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> Response:
    hits, total = kb.search(q, limit, offset)
    items = [
        dataclasses.asdict(h)
        | {"links": {"document": f"/documents/{h.document_id}#char-{h.start}"}}
        for h in hits
    ]
    return cached_json(request, page(request, items, Paging(limit, offset), total))


def context(text: str, start: int, end: int, width: int) -> dict[str, Any]:
    """The document text around a span: ``width`` characters either side, cut at
    whitespace where possible, with the span's offsets inside the window."""
    low = max(0, start - width)
    high = min(len(text), end + width)
    if low > 0:
        space = text.find(" ", low, start)
        low = space + 1 if space != -1 else low
    if high < len(text):
        space = text.rfind(" ", end, high)
        high = space if space != -1 else high
    return {"start": low, "end": high, "text": text[low:high]}


def fact_detail(kb: KnowledgeBase, fact: Fact, width: int) -> dict[str, Any]:
    document, text = kb.document(fact.source)
    body = fact_json(fact)
    body["document"] = document_json(document)
    body["evidence"] = [
        {
            "start": e.start,
            "end": e.end,
            "text": e.text,
            "context": context(text, e.start, e.end, width),
        }
        for e in fact.evidence
    ]
    return body


@router.get(
    "/facts/{fact_id}",
    summary="One fact with its evidence and the source text around it",
    responses=NOT_FOUND,
)
def get_fact(
    request: Request,
    kb: KB,
    fact_id: Id,
    width: Annotated[
        int, Query(ge=0, le=5000, description="Characters of context either side.")
    ] = 300,
) -> Response:
    return cached_json(request, fact_detail(kb, kb.fact(fact_id), width))


def document_json(document: StoredDocument) -> dict[str, Any]:
    return {
        "id": document.id,
        "title": document.title,
        "name": document.name,
        "source_path": document.source_path,
        "format": document.format,
        "ingested_at": document.ingested_at,
        "facts": document.facts,
        "links": {"self": f"/api/documents/{document.id}", "page": f"/documents/{document.id}"},
    }


@router.get("/documents", summary="The documents in the knowledge base")
def list_documents(request: Request, kb: KB, paged: Page) -> Response:
    return cached_json(request, page(request, [document_json(d) for d in kb.sources()], paged))


@router.get(
    "/documents/{document_id}",
    summary="One document: its text as read and the facts extracted from it",
    responses=NOT_FOUND,
)
def get_document(request: Request, kb: KB, document_id: Id) -> Response:
    document, text = kb.document(document_id)
    body = document_json(document)
    body["text"] = text
    body["facts"] = list(kb.store.facts(document_id=document_id))
    return cached_json(request, body)


def _authorised(request: Request, web: WebState) -> JSONResponse | None:
    """None when the request may write; otherwise the refusal to send."""
    if not web.settings.token:
        return error_json(403, "this server is read-only: set BILATERAL_TOKEN to accept uploads")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        given.strip().encode("utf-8"), web.settings.token.encode("utf-8")
    ):
        response = error_json(401, "a valid token is required: Authorization: Bearer <token>")
        response.headers["WWW-Authenticate"] = "Bearer"
        return response
    return None


@router.post(
    "/documents",
    summary="Upload one article (needs the server's token)",
    status_code=201,
    responses={
        200: {"description": "The same article was already stored: nothing changed."},
        400: {"description": "The article cannot be read (type, encoding, empty)."},
        401: {"description": "No token, or a wrong one."},
        403: {"description": "The server is read-only (no BILATERAL_TOKEN)."},
        413: {"description": "The body is larger than BILATERAL_MAX_UPLOAD."},
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
            },
        }
    },
)
async def upload(
    request: Request,
    name: Annotated[
        str,
        Query(
            min_length=1,
            max_length=200,
            description="File name; its suffix picks the reader (.txt outline, .wiki, .json).",
        ),
    ],
) -> Response:
    web = state(request)
    refused = _authorised(request, web)
    if refused is not None:
        return refused
    if not UPLOAD_NAME.match(name) or name in {".", ".."}:
        return error_json(400, "name must be a plain file name (letters, digits, . _ - space)")
    data = await request.body()
    if not data:
        return error_json(400, "the request body is empty: send the article's bytes")
    outcome = await _ingest(web, name, data)
    if outcome.status == "failed":
        return error_json(
            400, outcome.error or "the article could not be read", outcome=outcome.path
        )
    body = {
        "status": outcome.status,
        "location": outcome.path,
        "facts": dict(sorted(outcome.facts.items())),
        "problems": list(outcome.problems),
    }
    return JSONResponse(body, status_code=200 if outcome.status == "unchanged" else 201)


async def _ingest(web: WebState, name: str, data: bytes) -> Any:
    from starlette.concurrency import run_in_threadpool

    def work() -> Any:
        with web.write_lock:
            return web.kb.ingest_upload(name, data)

    return await run_in_threadpool(work)
