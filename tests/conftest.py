"""Shared fixtures: small articles written for the tests, and the shared corpus path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bilateral.kb import KnowledgeBase

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "corpus" / "seed" / "000_dbad62b18eba93af.txt"

# A small bilateral article in the outline format, written for these tests.
ARTICLE = """= Chile–Japan relations =

Infobox
- Mission2: Embassy of Japan, Santiago
- Envoy1: Ana Rojas
- Envoytitle1: Chilean Ambassador to Japan
- Mission1: Embassy of Chile, Tokyo
- Envoytitle2: Japanese Ambassador to Chile
- Envoy2: Kenji Sato

Chile and Japan opened relations in 1897. The U.S. was not involved.

== Resident diplomatic missions ==

;Diplomatic missions of Chile in Japan
- Tokyo (Embassy)
- Osaka (Consulate-General)

;Diplomatic missions of Japan in Chile
- Santiago (Embassy)
"""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "corpus" in item.keywords and not SHARED.is_dir():
            item.add_marker(pytest.mark.skip(reason=f"the shared corpus is not at {SHARED}"))


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "chile-japan.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def kb(tmp_path: Path) -> Iterator[KnowledgeBase]:
    with KnowledgeBase(str(tmp_path / "kb.sqlite")) as knowledge_base:
        yield knowledge_base
