"""Reconciliation: extracted claims against the official record, as verdicts.

Pure functions, no I/O: the knowledge base loads a dyad's claims and the
authority records of its `Scope`, `check_claims` returns a `CheckReport`
with one `Verdict` per checkable claim (conflicts first), and
`fingerprint` says whether stored verdicts were computed from the same
inputs. Which claims are checkable, and against what:

- US envoys → POCOM (`envoys`); foreign envoys only where RDCR names them;
- recognition, relations and mission events → RDCR (`events`);
- foreign leaders' visits to the US → visits; trips of US presidents and
  secretaries of state → travels (`visits`).

Every other claim is counted as ``unchecked`` and not listed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence

from bilateral.model.authority import authority_record
from bilateral.model.facts import Envoy, Event, Fact, fact_record, merge_facts
from bilateral.reconcile.envoys import check_envoy
from bilateral.reconcile.events import check_event
from bilateral.reconcile.scope import US, Scope, build_scope, is_historical, scope_states
from bilateral.reconcile.verdicts import (
    CONFLICTING,
    CORROBORATED,
    NOT_COVERED,
    VERDICTS,
    CheckReport,
    Comparison,
    Verdict,
    ordered,
    verdict_from_record,
    verdict_record,
)
from bilateral.reconcile.visits import check_visit

# Bump when the rules change, so stored verdicts are recomputed.
VERSION = "1"


def check_claim(fact: Fact, scope: Scope) -> Verdict | None:
    """The verdict on one claim, or None when no dataset can speak to it."""
    if isinstance(fact, Envoy):
        return check_envoy(fact, scope)
    if isinstance(fact, Event):
        return check_event(fact, scope) or check_visit(fact, scope)
    return None


def check_claims(a: str, b: str, claims: Iterable[Fact], scope: Scope | None) -> CheckReport:
    """Verdicts on every checkable envoy and event claim, conflicts first.

    ``scope`` is None when the dyad ``a``–``b`` does not include the United
    States: the datasets then have nothing to say.
    """
    candidates = [f for f in merge_facts(claims) if isinstance(f, Envoy | Event)]
    if scope is None:
        note = "the official datasets cover the United States' relations only"
        return CheckReport(a, b, (), len(candidates), note)
    verdicts = [v for f in candidates if (v := check_claim(f, scope)) is not None]
    return CheckReport(a, b, ordered(verdicts), len(candidates) - len(verdicts))


def fingerprint(claims: Iterable[Fact], scope: Scope | None) -> str:
    """A digest of everything a dyad's verdicts depend on (claims, records, rules)."""
    data = {
        "version": VERSION,
        "claims": sorted(
            (fact_record(f) for f in claims if isinstance(f, Envoy | Event)),
            key=lambda r: str(r["id"]),
        ),
        "scope": None
        if scope is None
        else {
            "names": dict(scope.names),
            "records": sorted(r.id for r in scope.records),
            "digest": _digest([authority_record(r) for r in scope.records]),
            "travellers": sorted(scope.travellers),
        },
    }
    return _digest(data)


def _digest(data: object) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def in_scope(facts: Sequence[Fact], other: str) -> list[Fact]:
    """The facts that bear on a US dyad, once each: its own, and those of its articles
    that pair the US with a historical entity (see `scope`)."""
    kept: dict[str, Fact] = {}
    for f in facts:
        if f.dyad is None or US not in f.dyad or f.id in kept:
            continue
        if other in f.dyad or any(is_historical(s) for s in f.dyad if s != US):
            kept[f.id] = f
    return list(kept.values())


__all__ = [
    "CONFLICTING",
    "CORROBORATED",
    "NOT_COVERED",
    "US",
    "VERDICTS",
    "VERSION",
    "CheckReport",
    "Comparison",
    "Scope",
    "Verdict",
    "build_scope",
    "check_claim",
    "check_claims",
    "fingerprint",
    "in_scope",
    "scope_states",
    "verdict_from_record",
    "verdict_record",
]
