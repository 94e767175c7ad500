"""JSON endpoints about dyads: list and search, profile, timeline, envoys, missions,
polls, assessments, fact-check verdicts and the JSONL export."""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response

from bilateral.kb import KnowledgeBase
from bilateral.model.facts import KINDS, Assessment, Envoy, Mission, Poll
from bilateral.model.plover import EVENT_TYPES, ontology
from bilateral.model.profile import DyadProfile
from bilateral.model.trajectory import TimelineQuery
from bilateral.web.responses import (
    Paging,
    cached,
    cached_json,
    error_json,
    page,
    paging,
)
from bilateral.web.serialize import (
    VerdictsUnavailable,
    authority_json,
    fact_json,
    facts_json,
    profile_json,
    verdicts,
)
from bilateral.web.state import knowledge_base, state

router = APIRouter(prefix="/api", tags=["dyads"])

KB = Annotated[KnowledgeBase, Depends(knowledge_base)]
Page = Annotated[Paging, Depends(paging)]
State = Annotated[
    str,
    Path(
        min_length=1,
        max_length=100,
        description="A state: ISO 3166-1 alpha-2 code (PE), id slug or English name.",
    ),
]
PAGE_RESPONSES: dict[int | str, dict[str, Any]] = {
    404: {"description": "Unknown state, or nothing known about the dyad."},
    422: {"description": "A parameter is missing or malformed."},
}


class BadParameter(ValueError):
    """A query parameter with a value the API does not accept (answered with 400)."""


def known_modes() -> frozenset[str]:
    o = ontology()
    return frozenset({m for _, m in o.scores if m} | set(o.diplomatic))


def dyad_summaries(kb: KnowledgeBase) -> list[dict[str, Any]]:
    """Every dyad with facts, in a stable order (by the sorted pair of ids)."""
    rows = []
    for found in kb.store.dyads():
        rows.append(
            {
                "a": found.a,
                "b": found.b,
                "names": {found.a: kb.name(found.a), found.b: kb.name(found.b)},
                "title": f"{kb.name(found.a)} – {kb.name(found.b)}",
                "facts": found.facts,
                "links": {
                    "self": f"/api/dyads/{found.a}/{found.b}",
                    "page": f"/dyads/{found.a}/{found.b}",
                },
            }
        )
    return rows


def matches(row: dict[str, Any], query: str) -> bool:
    wanted = query.casefold().strip()
    haystack = " ".join([row["a"], row["b"], *row["names"].values()]).casefold()
    return all(word in haystack for word in wanted.split())


@router.get("/dyads", summary="List dyads, or search them by state name or code")
def list_dyads(
    request: Request,
    kb: KB,
    paged: Page,
    q: Annotated[
        str | None,
        Query(max_length=200, description="Words that must appear in a state's name or id."),
    ] = None,
) -> Response:
    rows = dyad_summaries(kb)
    if q:
        rows = [r for r in rows if matches(r, q)]
    return cached_json(request, page(request, rows, paged))


def _profile(kb: KnowledgeBase, a: str, b: str) -> DyadProfile:
    return kb.profile([a, b])


@router.get("/dyads/{a}/{b}", summary="The profile of a dyad", responses=PAGE_RESPONSES)
def dyad_profile(request: Request, kb: KB, a: State, b: State) -> Response:
    return cached_json(request, profile_json(_profile(kb, a, b), kb.name))


def timeline_query(
    year_from: int | None,
    year_to: int | None,
    types: list[str],
    modes: list[str],
    actor: str | None,
) -> TimelineQuery:
    chosen = {t.upper() for t in types}
    unknown = sorted(chosen - set(EVENT_TYPES))
    if unknown:
        raise BadParameter(
            f"unknown event type {', '.join(unknown)}; PLOVER types: {', '.join(EVENT_TYPES)}"
        )
    bad_modes = sorted(set(modes) - known_modes())
    if bad_modes:
        raise BadParameter(f"unknown mode {', '.join(bad_modes)}")
    if year_from is not None and year_to is not None and year_from > year_to:
        raise BadParameter(f"from ({year_from}) is after to ({year_to})")
    return TimelineQuery(
        year_from, year_to, frozenset(chosen), frozenset(modes), actor.strip() if actor else None
    )


Year = Annotated[int | None, Query(ge=1, le=9999)]


def _one_of(values: Iterable[str]) -> dict[str, Any]:
    """The OpenAPI items of a repeatable parameter taking only these values, so the
    description says what the route accepts (unknown values get 400)."""
    return {"items": {"type": "string", "enum": sorted(values)}}


@router.get(
    "/dyads/{a}/{b}/timeline",
    summary="A dyad's events in date order (undated last), filtered",
    responses=PAGE_RESPONSES | {400: {"description": "An unknown type or mode, or from > to."}},
)
def timeline(
    request: Request,
    kb: KB,
    a: State,
    b: State,
    paged: Page,
    year_from: Annotated[Year, Query(alias="from", description="First year (inclusive).")] = None,
    year_to: Annotated[Year, Query(alias="to", description="Last year (inclusive).")] = None,
    event_type: Annotated[
        list[str],
        Query(
            alias="type",
            description="PLOVER types, e.g. SANCTION; repeatable.",
            json_schema_extra=_one_of(EVENT_TYPES),
        ),
    ] = [],  # noqa: B006 - FastAPI copies defaults
    mode: Annotated[
        list[str],
        Query(
            description="Modes, e.g. visit; repeatable.", json_schema_extra=_one_of(known_modes())
        ),
    ] = [],  # noqa: B006
    actor: Annotated[
        str | None, Query(max_length=200, description="An actor id or name (PE, OAS).")
    ] = None,
) -> Response:
    try:
        query = timeline_query(year_from, year_to, event_type, mode, actor)
    except BadParameter as error:
        return error_json(400, str(error))
    kb.resolve_dyad([a, b])
    events = kb.timeline([a, b], query)
    return cached_json(request, page(request, facts_json(events), paged))


@router.get(
    "/dyads/{a}/{b}/envoys",
    summary="Envoys: current first, then by start date",
    responses=PAGE_RESPONSES,
)
def envoys(request: Request, kb: KB, a: State, b: State, paged: Page) -> Response:
    profile = _profile(kb, a, b)
    found: list[Envoy] = [*profile.current_envoys, *profile.envoy_history]
    body = page(request, facts_json(found), paged)
    body["authority"] = [authority_json(r) for r in profile.authority_envoys]
    return cached_json(request, body)


@router.get(
    "/dyads/{a}/{b}/missions",
    summary="Diplomatic missions, with coordinates",
    responses=PAGE_RESPONSES,
)
def missions(
    request: Request,
    kb: KB,
    a: State,
    b: State,
    paged: Page,
    host: Annotated[
        str | None, Query(max_length=100, description="Only missions in this state.")
    ] = None,
) -> Response:
    profile = _profile(kb, a, b)
    found: list[Mission] = list(profile.missions)
    if host:
        code = kb.registry.require(host)
        found = [m for m in found if m.host == code]
    return cached_json(request, page(request, facts_json(found), paged))


@router.get(
    "/dyads/{a}/{b}/polls", summary="Opinion polls, in date order", responses=PAGE_RESPONSES
)
def polls(request: Request, kb: KB, a: State, b: State, paged: Page) -> Response:
    found: tuple[Poll, ...] = _profile(kb, a, b).polls
    return cached_json(request, page(request, facts_json(found), paged))


@router.get(
    "/dyads/{a}/{b}/assessments",
    summary="Assessments of the relationship, in date order",
    responses=PAGE_RESPONSES,
)
def assessments(request: Request, kb: KB, a: State, b: State, paged: Page) -> Response:
    found: tuple[Assessment, ...] = _profile(kb, a, b).assessments
    return cached_json(request, page(request, facts_json(found), paged))


@router.get(
    "/dyads/{a}/{b}/verdicts",
    summary="Fact-check verdicts of the dyad's claims against the authority records",
    responses=PAGE_RESPONSES | {501: {"description": "This version cannot check claims yet."}},
)
def dyad_verdicts(request: Request, kb: KB, a: State, b: State, paged: Page) -> Response:
    first, second = kb.resolve_dyad([a, b])
    try:
        with state(request).write_lock:  # checking stores the verdicts it computes
            found = verdicts(kb, first, second)
    except VerdictsUnavailable as error:
        return error_json(501, str(error))
    rows = found.pop("verdicts")
    return cached_json(request, page(request, rows, paged) | found)


@router.get(
    "/dyads/{a}/{b}/export.jsonl",
    summary="Every fact of the dyad in the JSON Lines interchange format",
    responses=PAGE_RESPONSES | {400: {"description": "An unknown kind."}},
)
def export(
    request: Request,
    kb: KB,
    a: State,
    b: State,
    kind: Annotated[
        list[str],
        Query(
            description=f"Only these kinds ({', '.join(KINDS)}).", json_schema_extra=_one_of(KINDS)
        ),
    ] = [],  # noqa: B006
) -> Response:
    unknown = sorted(set(kind) - set(KINDS))
    if unknown:
        return error_json(400, f"unknown kind {', '.join(unknown)}; known: {', '.join(KINDS)}")
    _profile(kb, a, b)  # 404 for a dyad with nothing known
    out = io.StringIO()
    kb.export_jsonl(out, [a, b], kind or None)
    return cached(request, out.getvalue().encode("utf-8"), "application/jsonl; charset=utf-8")


__all__ = ["dyad_summaries", "fact_json", "router"]
