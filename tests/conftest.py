"""Shared fixtures: small articles written for the tests, the shared corpus path, and
databases of every backend.

Store tests run once per backend: the `database` fixture (and `kb`, built on
it) is parametrized over SQLite and PostgreSQL. The PostgreSQL server is the
one named by BILATERAL_TEST_POSTGRES (a postgresql:// URL on 127.0.0.1, as
`.ci/run` starts it); each test gets a schema of its own there, dropped
afterwards. Without the variable the PostgreSQL runs are skipped, saying so,
except in CI (CI=true), where they fail instead of passing unseen.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from sqlalchemy import text

from bilateral.kb import KnowledgeBase
from bilateral.store.engine import make_engine

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


POSTGRES_ENV = "BILATERAL_TEST_POSTGRES"
BACKENDS = ("sqlite", "postgresql")


def postgres_server() -> str:
    """The test server's URL, or skip (fail in CI) when none is configured."""
    url = os.environ.get(POSTGRES_ENV, "").strip()
    if not url:
        message = (
            f"PostgreSQL backend not tested: set {POSTGRES_ENV}=postgresql://USER:PASSWORD@"
            "127.0.0.1:PORT/DATABASE (.ci/run starts a server and sets it)"
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    host = urlsplit(url).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        pytest.fail(f"{POSTGRES_ENV} must name a server on this machine, not {host!r}")
    return url


class Databases:
    """Fresh, empty databases of one backend, removed when the test ends."""

    def __init__(self, backend: str, folder: Path) -> None:
        self.backend = backend
        self.folder = folder
        self.schemas: list[str] = []

    def new(self) -> str:
        """A path or URL no test has used."""
        if self.backend == "sqlite":
            return str(self.folder / f"db-{uuid.uuid4().hex[:8]}.sqlite")
        server = postgres_server()
        schema = f"test_{uuid.uuid4().hex[:12]}"
        engine = make_engine(server)
        try:
            with engine.begin() as connection:
                connection.execute(text(f"CREATE SCHEMA {schema}"))
        finally:
            engine.dispose()
        self.schemas.append(schema)
        separator = "&" if "?" in server else "?"
        return f"{server}{separator}options={quote(f'-csearch_path={schema}')}"

    def drop(self) -> None:
        if not self.schemas:
            return
        engine = make_engine(postgres_server())
        try:
            with engine.begin() as connection:
                for schema in self.schemas:
                    connection.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        finally:
            engine.dispose()


@pytest.fixture(params=BACKENDS)
def databases(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Databases]:
    """A maker of fresh databases, once per backend."""
    made = Databases(request.param, tmp_path)
    if made.backend == "postgresql":
        postgres_server()
    yield made
    made.drop()


@pytest.fixture
def database(databases: Databases) -> str:
    """The path or URL of a fresh database, once per backend."""
    return databases.new()


@pytest.fixture
def new_database(databases: Databases) -> Callable[[], str]:
    """Make another fresh database of the same backend."""
    return databases.new


@pytest.fixture
def kb(database: str) -> Iterator[KnowledgeBase]:
    with KnowledgeBase(database) as knowledge_base:
        yield knowledge_base
