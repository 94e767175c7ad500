"""HTML pages: the index of dyads, a dyad's page, a document's page, and errors."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import pycountry
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from bilateral import __version__
from bilateral.errors import BilateralError, InputError
from bilateral.kb import KnowledgeBase
from bilateral.model.facts import Assessment, Envoy, Event, Fact, Mission, fact_from_record
from bilateral.model.profile import DyadProfile
from bilateral.model.trajectory import by_decade
from bilateral.web.api.dyads import dyad_summaries, matches
from bilateral.web.pages import charts
from bilateral.web.pages.highlight import segments
from bilateral.web.responses import cached
from bilateral.web.serialize import VerdictsUnavailable, verdict_claim, verdict_label, verdicts
from bilateral.web.state import knowledge_base, state

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=Path(__file__).parent.parent / "templates")
templates.env.globals["version"] = __version__

KB = Annotated[KnowledgeBase, Depends(knowledge_base)]

MISSION_LABELS = {
    "embassy": "Embassy",
    "legation": "Legation",
    "consulate-general": "Consulate-general",
    "consulate": "Consulate",
    "consular-agency": "Consular agency",
    "honorary-consulate": "Honorary consulate",
    "interests-section": "Interests section",
    "non-resident": "Non-resident",
}

# Map and legend markers (24×24 SVG paths): one shape per mission type, so the
# type never depends on colour; colour tells the sending state.
MARKER_PATHS = {
    "embassy": "M12 1.5l3 6.9 7.4.6-5.6 4.9 1.7 7.3L12 17.3l-6.5 3.9 1.7-7.3L1.6 9l7.4-.6z",
    "legation": "M4 4h16v16H4z",
    "consulate-general": "M3 12a9 9 0 1 0 18 0a9 9 0 1 0 -18 0z",
    "consulate": "M12 1.5l10 10.5-10 10.5L2 12z",
    "consular-agency": "M12 2.5l10.5 18.5h-21z",
    "honorary-consulate": (
        "M3 12a9 9 0 1 0 18 0a9 9 0 1 0 -18 0zM8 12a4 4 0 1 0 8 0a4 4 0 1 0 -8 0z"
    ),
    "interests-section": "M7 3h10l5 9-5 9H7l-5-9z",
    "non-resident": "M5 3l7 7 7-7 2 2-7 7 7 7-2 2-7-7-7 7-2-2 7-7-7-7z",
}


def mission_rank(mission_type: str) -> tuple[int, str]:
    order = list(MISSION_LABELS)
    return (order.index(mission_type) if mission_type in order else len(order), mission_type)


def render(request: Request, template: str, status: int = 200, **context: Any) -> Response:
    html = templates.get_template(template).render(request=request, **context)
    if status != 200:
        return HTMLResponse(html, status_code=status)
    return cached(request, html.encode("utf-8"), "text/html; charset=utf-8")


def error_page(request: Request, status: int, message: str) -> Response:
    return render(request, "error.html", status=status, status_code=status, message=message)


@router.get("/", response_class=HTMLResponse)
def index(
    request: Request,
    kb: KB,
    q: Annotated[str | None, Query(max_length=200)] = None,
) -> Response:
    rows = dyad_summaries(kb)
    shown = [r for r in rows if matches(r, q)] if q else rows
    hits: list[Any] = []
    total = 0
    if q:
        try:
            hits, total = kb.search(q, 20, 0)
        except InputError:
            hits, total = [], 0
    return render(
        request, "index.html", dyads=shown, total=len(rows), q=q or "", hits=hits, hit_total=total
    )


def numeric_code(state: str) -> str | None:
    found = pycountry.countries.get(alpha_2=state) if len(state) == 2 else None
    return str(found.numeric) if found is not None else None


def _verdict_badges(request: Request, kb: KnowledgeBase, a: str, b: str) -> dict[str, str]:
    """Fact id -> verdict ("corroborated", "conflicting", "not-covered") where checked."""
    try:
        with state(request).write_lock:
            found = verdicts(kb, a, b)
    except (VerdictsUnavailable, BilateralError):
        return {}
    badges: dict[str, str] = {}
    for verdict in found["verdicts"]:
        claim = verdict_claim(verdict)
        if claim:
            badges[claim] = verdict_label(verdict)
    return badges


def fact_label(fact: Fact, name: Callable[[str], str]) -> str:
    """A one-line description of a fact, for lists and the panel."""
    if isinstance(fact, Event):
        return f"{fact.date or 'undated'}: {fact.summary}"
    if isinstance(fact, Mission):
        kind = MISSION_LABELS.get(fact.type, "Mission")
        return f"{kind} of {name(fact.sender)} in {fact.city}"
    if isinstance(fact, Envoy):
        return f"{fact.person} ({fact.title or fact.rank})"
    if isinstance(fact, Assessment):
        return f"{fact.date or 'undated'}: relations {fact.direction}"
    return fact.kind


def page_data(profile: DyadProfile, name: Callable[[str], str]) -> dict[str, Any]:
    """What the page's script needs: both states, the missions on the map, decades."""
    decades: dict[int, list[str]] = defaultdict(list)
    for event in profile.events:
        for point in by_decade([event]):
            decades[point.decade].append(event.id)
    missions = [
        {
            "id": m.id,
            "city": m.city,
            "type": m.type,
            "type_label": MISSION_LABELS.get(m.type, m.type),
            "sender": m.sender,
            "sender_name": name(m.sender),
            "host": m.host,
            "host_name": name(m.host),
            "name": m.name,
            "lat": m.latitude,
            "lng": m.longitude,
        }
        for m in profile.missions
        if m.latitude is not None and m.longitude is not None
    ]
    return {
        "a": profile.a,
        "b": profile.b,
        "names": {profile.a: name(profile.a), profile.b: name(profile.b)},
        "numeric": {profile.a: numeric_code(profile.a), profile.b: numeric_code(profile.b)},
        "missions": missions,
        "markers": MARKER_PATHS,
        "decades": {str(k): v for k, v in decades.items()},
        "labels": {
            f.id: fact_label(f, name)
            for f in (*profile.events, *profile.missions, *profile.assessments)
        },
    }


@router.get("/dyads/{a}/{b}", response_class=HTMLResponse)
def dyad_page(request: Request, kb: KB, a: str, b: str) -> Response:
    profile = kb.profile([a, b])
    layout = charts.layout(profile.events, profile.assessments, profile.trajectory)
    data = page_data(profile, kb.name)
    return render(
        request,
        "dyad.html",
        p=profile,
        name=kb.name,
        charts=layout,
        labels=MISSION_LABELS,
        markers=MARKER_PATHS,
        types_shown=sorted({m.type for m in profile.missions}, key=mission_rank),
        badges=_verdict_badges(request, kb, profile.a, profile.b),
        data=json.dumps(data, ensure_ascii=False).replace("</", "<\\/"),
        located=len(data["missions"]),
    )


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document_page(request: Request, kb: KB, document_id: str) -> Response:
    document, text = kb.document(document_id)
    facts = [fact_from_record(r) for r in kb.store.facts(document_id=document_id)]
    spans = [(f.id, e.start, e.end, i == 0) for f in facts for i, e in enumerate(f.evidence)]
    labels = {f.id: {"kind": f.kind, "label": fact_label(f, kb.name)} for f in facts}
    return render(
        request,
        "document.html",
        document=document,
        parts=segments(text, spans),
        facts=facts,
        name=kb.name,
        data=json.dumps({"labels": labels}, ensure_ascii=False).replace("</", "<\\/"),
    )
