"""Schemathesis against the app's own OpenAPI description, in process (ASGI):
every operation with generated parameters and bodies (valid and invalid ones),
no 500s, no response that breaks the description.

Every check runs but one: "positive data acceptance" expects every request the
description allows to succeed, while some rules cannot be written in OpenAPI
(``from`` after ``to``, a search of punctuation only): those get a documented
400. ``BILATERAL_SCHEMATHESIS_EXAMPLES`` sets the examples per operation (``make
fuzz`` runs more). Schemathesis's pytest plugin does not run under this
pytest, so the operations are driven through its Python API.
"""

from __future__ import annotations

import os
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import positive_data_acceptance

from bilateral.kb import KnowledgeBase
from bilateral.web import WebSettings, create_app
from tests.conftest import ARTICLE
from tests.hardening.conftest import FIGURES

TOKEN = "schemathesis-token-0123456789"
EXAMPLES = int(os.environ.get("BILATERAL_SCHEMATHESIS_EXAMPLES", "8"))


def test_every_operation_keeps_its_description(tmp_path: Path) -> None:
    article = tmp_path / "chile-japan.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    cases: dict[str, int] = {}
    with KnowledgeBase(str(tmp_path / "api.sqlite")) as kb:
        kb.ingest([article])
        app = create_app(kb, WebSettings(token=TOKEN, max_upload=64 * 1024))
        schema = schemathesis.openapi.from_asgi("/openapi.json", app)
        operations = [result.ok() for result in schema.get_all_operations()]
        assert len(operations) >= 10
        for operation in operations:
            for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
                run_operation(operation, mode, cases)
    FIGURES["schemathesis"] = (
        f"{sum(cases.values())} cases over {len(cases)} operations "
        f"(valid and invalid data), no 500 and no schema violation"
    )


def run_operation(
    operation: schemathesis.APIOperation, mode: GenerationMode, cases: dict[str, int]
) -> None:
    """Generated requests to one operation, each checked against the description."""

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(case: schemathesis.Case) -> None:
        cases[operation.label] = cases.get(operation.label, 0) + 1
        case.call_and_validate(
            headers={"Authorization": f"Bearer {TOKEN}"},
            excluded_checks=[positive_data_acceptance],
        )

    check()
