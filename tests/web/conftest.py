"""Fixtures for the HTTP interface: a knowledge base with a small article, clients
for a read-only server and one that accepts uploads with a token."""

from __future__ import annotations

import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from bilateral.kb import KnowledgeBase
from bilateral.web import WebSettings, create_app
from tests.conftest import ARTICLE

with warnings.catch_warnings():
    # Starlette >= 1.x prefers the httpx2 package and says so on import.
    warnings.filterwarnings("ignore", message="Using `httpx` with", category=Warning)
    from fastapi.testclient import TestClient

TOKEN = "test-token-0123456789"
ASSETS = Path(sys.prefix) / "web" / "node_modules"


def settings(token: str = "", **extra: object) -> WebSettings:
    values: dict[str, object] = {"token": token, "assets": ASSETS}
    values.update(extra)
    return WebSettings(**values)  # type: ignore[arg-type]


@pytest.fixture
def web_kb(tmp_path: Path) -> Iterator[KnowledgeBase]:
    article = tmp_path / "chile-japan.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    with KnowledgeBase(str(tmp_path / "web.sqlite")) as kb:
        kb.ingest([article])
        yield kb


@pytest.fixture
def client(web_kb: KnowledgeBase) -> TestClient:
    """A read-only server (no token) over the Chile–Japan article."""
    return TestClient(create_app(web_kb, settings()))


@pytest.fixture
def writer(web_kb: KnowledgeBase) -> TestClient:
    """A server that accepts uploads carrying `TOKEN`."""
    return TestClient(create_app(web_kb, settings(TOKEN, max_upload=64 * 1024)))


def make_client(kb: KnowledgeBase, **options: object) -> TestClient:
    token = str(options.pop("token", ""))
    return TestClient(create_app(kb, settings(token, **options)))
