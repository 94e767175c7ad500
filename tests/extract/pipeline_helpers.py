"""Run the standard pipeline on a small article written in a test."""

from __future__ import annotations

from functools import cache
from typing import Any, TypeVar

from bilateral.extract.pipeline import Pipeline
from bilateral.extract.registry import default_pipeline
from bilateral.model.facts import Fact
from bilateral.readers.outline import read_outline

F = TypeVar("F", bound=Fact)


@cache
def pipeline() -> Pipeline:
    return default_pipeline()


def extract(body: str, title: str = "Chile–Japan relations") -> tuple[list[Fact], dict[str, Any]]:
    """Facts and values the pipeline finds in an article with this title and body."""
    document = read_outline(f"= {title} =\n\n{body}\n".encode(), "test.txt")
    result = pipeline().run(document)
    assert result.problems == (), result.problems
    return list(result.facts), dict(result.values)


def facts_of(kind: type[F], body: str, title: str = "Chile–Japan relations") -> list[F]:
    facts, _ = extract(body, title)
    return [f for f in facts if isinstance(f, kind)]
