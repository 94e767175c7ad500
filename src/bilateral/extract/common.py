"""Small helpers every extractor shares."""

from __future__ import annotations

from typing import Any

from bilateral.model.document import Document
from bilateral.model.facts import Evidence
from bilateral.model.span import Span


def provenance(document: Document, *spans: Span) -> dict[str, Any]:
    """The common fact fields for facts found at ``spans`` of ``document.plain``."""
    return {
        "source": document.id,
        "source_path": document.source_path,
        "evidence": tuple(Evidence.of(document, span) for span in spans),
        "extractor": "",
    }
