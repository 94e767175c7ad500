"""Responses every route shares: cached JSON and HTML with ETags, pages of items, errors.

Read endpoints answer with a strong validator (an ETag of the body) and
``Cache-Control: no-cache``, so clients keep a copy and revalidate it cheaply:
the knowledge base can change under them whenever something is ingested.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

from fastapi import Query, Request
from fastapi.responses import JSONResponse, Response

from bilateral.errors import BilateralError, InputError, LookupFailed, StoreError

CACHE_CONTROL = "public, no-cache"
T = TypeVar("T")


def etag_of(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def _matches(request: Request, etag: str) -> bool:
    wanted = request.headers.get("if-none-match")
    if not wanted:
        return False
    tags = {t.strip().removeprefix("W/") for t in wanted.split(",")}
    return "*" in tags or etag in tags


def cached(request: Request, body: bytes, media_type: str) -> Response:
    """A 200 with ETag and Cache-Control, or a 304 when the client's copy is current."""
    etag = etag_of(body)
    headers = {"ETag": etag, "Cache-Control": CACHE_CONTROL}
    if _matches(request, etag):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type=media_type, headers=headers)


def json_bytes(payload: Any) -> bytes:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def cached_json(request: Request, payload: Any) -> Response:
    return cached(request, json_bytes(payload), "application/json")


@dataclass(frozen=True)
class Paging:
    limit: int
    offset: int


def paging(
    limit: Annotated[int, Query(ge=1, le=1000, description="Items per page (1–1000).")] = 100,
    offset: Annotated[
        int, Query(ge=0, le=10_000_000, description="Items to skip (0 for the first page).")
    ] = 0,
) -> Paging:
    return Paging(limit, offset)


def page(
    request: Request, items: Sequence[T], paging: Paging, total: int | None = None
) -> dict[str, Any]:
    """One page of ``items`` (already ordered): either the whole list, or ``total``
    when ``items`` is the page itself."""
    if total is None:
        total = len(items)
        items = items[paging.offset : paging.offset + paging.limit]
    following = paging.offset + paging.limit
    next_url = (
        str(request.url.include_query_params(offset=following, limit=paging.limit))
        if following < total
        else None
    )
    return {
        "total": total,
        "limit": paging.limit,
        "offset": paging.offset,
        "next": next_url,
        "items": list(items),
    }


def status_for(error: BilateralError) -> int:
    if isinstance(error, LookupFailed):
        return 404
    if isinstance(error, InputError):
        return 400
    if isinstance(error, StoreError):
        return 503
    return 400


def error_json(status: int, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": message, "status": status, **extra}, status_code=status)
