"""Facts, profiles and verdicts as JSON-ready values for the API and the pages.

Facts keep their interchange form (`fact_record`) so the API, the JSONL
export and the CLI agree field for field; the API adds links.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from typing import Any

from bilateral.kb import KnowledgeBase
from bilateral.model.authority import AuthorityRecord, authority_record
from bilateral.model.facts import Fact, fact_record
from bilateral.model.profile import DyadProfile


def fact_json(fact: Fact) -> dict[str, Any]:
    record = fact_record(fact)
    record["links"] = {
        "self": f"/api/facts/{fact.id}",
        "document": f"/documents/{fact.source}#fact-{fact.id}",
    }
    return record


def facts_json(facts: Iterable[Fact]) -> list[dict[str, Any]]:
    return [fact_json(f) for f in facts]


def authority_json(record: AuthorityRecord) -> dict[str, Any]:
    return authority_record(record)


def profile_json(profile: DyadProfile, name: Callable[[str], str]) -> dict[str, Any]:
    a, b = profile.a, profile.b
    return {
        "a": a,
        "b": b,
        "names": {a: name(a), b: name(b)},
        "sources": list(profile.sources),
        "counts": dict(sorted(profile.counts.items())),
        "current_envoys": facts_json(profile.current_envoys),
        "envoy_history": facts_json(profile.envoy_history),
        "authority_envoys": [authority_json(r) for r in profile.authority_envoys],
        "missions_by_host": {
            host: facts_json(missions) for host, missions in profile.missions_by_host.items()
        },
        "trajectory": [dataclasses.asdict(d) for d in profile.trajectory],
        "events": facts_json(profile.events),
        "assessments": facts_json(profile.assessments),
        "polls": facts_json(profile.polls),
        "memberships": facts_json(profile.memberships),
        "agreements": facts_json(profile.agreements),
        "statistics": facts_json(profile.statistics),
        "links": {
            "page": f"/dyads/{a}/{b}",
            "timeline": f"/api/dyads/{a}/{b}/timeline",
            "export": f"/api/dyads/{a}/{b}/export.jsonl",
        },
    }


def plain(value: Any) -> Any:
    """A JSON-ready copy of a verdict or any dataclass, tuple or mapping."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(v) for v in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


class VerdictsUnavailable(Exception):
    """The knowledge base cannot check claims yet (no reconciliation in this version)."""


def verdicts(kb: KnowledgeBase, a: str, b: str) -> dict[str, Any]:
    """The fact-check verdicts of a dyad's claims: ``verdicts`` (conflicts first),
    ``unchecked`` and ``note`` from `KnowledgeBase.check`.

    Raises `VerdictsUnavailable` when the knowledge base cannot check claims.
    """
    method = getattr(kb, "check", None)
    if not callable(method):
        raise VerdictsUnavailable(
            "fact-check verdicts are not available in this version: the knowledge base has "
            "no reconciliation yet (KnowledgeBase.check)"
        )
    found = plain(method([a, b]))
    if isinstance(found, dict) and isinstance(found.get("verdicts"), list):
        rows = found["verdicts"]
        meta = {k: v for k, v in found.items() if k != "verdicts"}
    else:
        rows, meta = (found if isinstance(found, list) else [found]), {}
    return {"verdicts": [r if isinstance(r, dict) else {"value": r} for r in rows], **meta}


def verdict_claim(verdict: dict[str, Any]) -> str | None:
    """The id of the claim (fact) a verdict is about, whatever the field is called."""
    for key in ("claim_id", "fact_id", "fact", "claim"):
        value = verdict.get(key)
        if isinstance(value, str):
            return value
        if isinstance(value, dict) and isinstance(value.get("id"), str):
            return str(value["id"])
    return None


def verdict_label(verdict: dict[str, Any]) -> str:
    for key in ("verdict", "status", "outcome"):
        value = verdict.get(key)
        if isinstance(value, str):
            return value
    return "checked"
