"""Scoring extracted facts against a gold file of anchored facts.

Each gold line names a fact kind, an anchor (offsets and a short phrase of
the source) and the fields the fact must have. An extracted fact matches a
gold fact of its kind when one of its evidence spans covers the anchor and
its identifying field agrees (the poll's value, the assessment's direction,
the organisation, the agreement's name, the envoy); among several, the one
agreeing on most fields wins, and each extracted fact matches at most once.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

IDENTITY = {
    "poll": "value",
    "statistic": "value",
    "assessment": "direction",
    "membership": "organization",
    "agreement": "name",
    "envoy": "person",
}
COMPARED = {
    "event": ("date", "type", "mode", "actor", "recipient"),
    "assessment": ("date", "direction", "polarity"),
    "poll": ("pollster", "date", "population", "subject", "measure", "value"),
    "statistic": ("value", "unit", "period"),
    "membership": ("organization", "members"),
    "agreement": ("name", "parties", "status"),
    "envoy": ("person", "sender", "receiver", "rank", "start", "current"),
}


def load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _covers(record: dict[str, Any], anchor: dict[str, Any]) -> bool:
    return any(
        e["start"] <= anchor["start"] and anchor["end"] <= e["end"] for e in record["evidence"]
    )


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return sorted(a) == sorted(b)
    if isinstance(a, int | float) and isinstance(b, int | float):
        return float(a) == float(b)
    return bool(a == b)


@dataclass
class KindScore:
    gold: int = 0
    extracted: int = 0
    matched: int = 0
    field_hits: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    exact: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    def accuracy(self, name: str) -> float:
        return self.field_hits[name] / self.matched if self.matched else 0.0


def score(gold: list[dict[str, Any]], extracted: list[dict[str, Any]]) -> dict[str, KindScore]:
    """Per-kind precision, recall and field accuracy of ``extracted`` against ``gold``."""
    scores: dict[str, KindScore] = defaultdict(KindScore)
    kinds = {g["kind"] for g in gold}
    for record in extracted:
        if record["kind"] in kinds:
            scores[record["kind"]].extracted += 1
    used: set[str] = set()
    pairs: dict[int, dict[str, Any]] = {}
    # First pair facts that agree on their event type (if any), then the rest, so
    # that two facts in one sentence pair with the gold facts they really are.
    for strict in (True, False):
        for index, item in enumerate(gold):
            if index in pairs:
                continue
            found = _best(item, extracted, used, strict)
            if found is not None:
                pairs[index] = found
                used.add(found["id"])
    for index, item in enumerate(gold):
        kind = item["kind"]
        result = scores[kind]
        result.gold += 1
        fields = COMPARED[kind]
        best = pairs.get(index)
        if best is None:
            result.misses.append(f"{kind} at {item['anchor']['text']!r}")
            continue
        result.matched += 1
        hits = [f for f in fields if _same(best.get(f), item.get(f))]
        for name in hits:
            result.field_hits[name] += 1
        if len(hits) == len(fields):
            result.exact += 1
    scores_dict = dict(scores)
    for kind, result in scores_dict.items():
        result.extras = [
            r.get("summary") or r.get("name") or r["id"]
            for r in extracted
            if r["kind"] == kind and r["id"] not in used
        ]
    return scores_dict


def _best(
    item: dict[str, Any], extracted: list[dict[str, Any]], used: set[str], strict: bool
) -> dict[str, Any] | None:
    kind = item["kind"]
    identity = IDENTITY.get(kind)
    fields = COMPARED[kind]
    candidates = [
        r for r in extracted
        if r["kind"] == kind and r["id"] not in used and _covers(r, item["anchor"])
        and (identity is None or _same(r.get(identity), item.get(identity)))
        and (not strict or "type" not in item or r.get("type") == item["type"])
    ]  # fmt: skip
    if not candidates:
        return None
    return max(candidates, key=lambda r: sum(_same(r.get(f), item.get(f)) for f in fields))
