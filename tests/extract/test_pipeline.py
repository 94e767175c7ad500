from collections.abc import Mapping
from typing import Any

import pytest

from bilateral.errors import PipelineError
from bilateral.extract.pipeline import Output, Pipeline
from bilateral.model.document import Document
from bilateral.readers.outline import read_outline


class Stub:
    def __init__(
        self,
        name: str,
        requires: tuple[str, ...] = (),
        produces: tuple[str, ...] = (),
        fail: bool = False,
        value: Any = "v",
    ) -> None:
        self.name, self.version = name, "1"
        self.requires, self.produces = requires, produces
        self.fail, self.value, self.calls = fail, value, 0

    def run(self, document: Document, found: Mapping[str, Any]) -> Output:
        self.calls += 1
        if self.fail:
            raise RuntimeError("boom")
        return Output(values={p: self.value for p in self.produces})


def test_components_out_of_order_are_refused_before_running() -> None:
    with pytest.raises(PipelineError, match="needs dyad"):
        Pipeline([Stub("infobox", requires=("dyad",)), Stub("dyad", produces=("dyad",))])


def test_a_failing_component_is_a_problem_and_the_rest_still_run() -> None:
    last = Stub("last")
    pipeline = Pipeline([Stub("bad", fail=True), last])
    result = pipeline.run(read_outline(b"Text.", "a.txt"))
    assert [p.component for p in result.problems] == ["bad"]
    assert "boom" in result.problems[0].message
    assert last.calls == 1


def test_component_whose_input_is_missing_is_skipped_with_a_note() -> None:
    needy = Stub("needy", requires=("dyad",))
    pipeline = Pipeline([Stub("dyad", produces=("dyad",), value=None), needy])
    result = pipeline.run(read_outline(b"Text.", "a.txt"))
    assert needy.calls == 0
    assert "skipped" in result.problems[0].message
