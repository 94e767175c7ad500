"""Precision and recall of date expressions against a gold standard.

A true positive has the same span and the same EDTF value; the span-only
scores ask for the span alone. Scores computed by the gold tests are kept in
`REPORTED` and printed at the end of the test run (see conftest.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

Item = tuple[object, int, int, str]  # (paragraph key, start, end, edtf)

REPORTED: dict[str, Scores] = {}


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    span_precision: float
    span_recall: float
    predicted: int
    gold: int

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def __str__(self) -> str:
        return (
            f"P {self.precision:.3f} R {self.recall:.3f} F1 {self.f1:.3f}"
            f" (span only: P {self.span_precision:.3f} R {self.span_recall:.3f};"
            f" {self.predicted} found, {self.gold} in gold)"
        )


def _ratio(hits: int, total: int) -> float:
    return hits / total if total else 1.0


def score(predicted: Iterable[Item], gold: Iterable[Item]) -> Scores:
    found, expected = set(predicted), set(gold)
    spans_found = {item[:3] for item in found}
    spans_expected = {item[:3] for item in expected}
    exact = len(found & expected)
    spans = len(spans_found & spans_expected)
    return Scores(
        precision=_ratio(exact, len(found)),
        recall=_ratio(exact, len(expected)),
        span_precision=_ratio(spans, len(spans_found)),
        span_recall=_ratio(spans, len(spans_expected)),
        predicted=len(found),
        gold=len(expected),
    )


def report(name: str, scores: Scores) -> Scores:
    REPORTED[name] = scores
    return scores
