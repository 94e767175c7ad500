"""The extraction pipeline: components that declare what they need and make.

A component reads the document and the values earlier components produced
(for example the dyad) and returns facts and values of its own. The pipeline
checks the declared order before running; a component that fails, or whose
inputs are missing for a document, is recorded as a problem for that
document and the run goes on.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from bilateral.errors import PipelineError
from bilateral.model.document import Document
from bilateral.model.facts import Fact, merge_facts


@dataclass(frozen=True)
class Output:
    """What one component found in one document."""

    facts: tuple[Fact, ...] = ()
    values: Mapping[str, Any] = field(default_factory=dict)


class Component(Protocol):
    name: str
    version: str
    requires: tuple[str, ...]
    produces: tuple[str, ...]

    def run(self, document: Document, found: Mapping[str, Any]) -> Output: ...


def extractor_label(component: Component) -> str:
    """The value of a fact's `extractor` field."""
    return f"{component.name}@{component.version}"


@dataclass(frozen=True)
class Problem:
    component: str
    message: str


@dataclass(frozen=True)
class Extraction:
    facts: tuple[Fact, ...]
    values: Mapping[str, Any]
    problems: tuple[Problem, ...]


class Pipeline:
    """Runs components in their declared order over one document at a time."""

    def __init__(self, components: Sequence[Component]) -> None:
        available: set[str] = set()
        for component in components:
            missing = [need for need in component.requires if need not in available]
            if missing:
                raise PipelineError(
                    f"component {component.name!r} needs {', '.join(missing)}, "
                    "which no earlier component produces"
                )
            available.update(component.produces)
        self.components = tuple(components)

    def run(self, document: Document) -> Extraction:
        found: dict[str, Any] = {}
        facts: list[Fact] = []
        problems: list[Problem] = []
        for component in self.components:
            absent = [need for need in component.requires if found.get(need) is None]
            if absent:
                problems.append(
                    Problem(component.name, f"skipped: no {', '.join(absent)} in this document")
                )
                continue
            try:
                output = component.run(document, found)
            except Exception as error:  # one component must not stop the document
                problems.append(Problem(component.name, f"{type(error).__name__}: {error}"))
                continue
            label = extractor_label(component)
            facts.extend(
                f if f.extractor == label else dataclasses.replace(f, extractor=label)
                for f in output.facts
            )
            found.update(output.values)
        return Extraction(tuple(merge_facts(facts)), found, tuple(problems))
