"""What the knowledge base needs from a store; every backend satisfies it.

The SQLAlchemy store (`sql.SqlStore`) serves SQLite and PostgreSQL; the
store test suite runs against each backend.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Protocol

from bilateral.model.authority import AuthorityRecord
from bilateral.model.document import Document
from bilateral.model.facts import Fact
from bilateral.store.fulltext import SentenceHit
from bilateral.store.network import NetworkStore
from bilateral.store.sql import DyadCount, StoredDocument
from bilateral.store.verdicts import StoredVerdicts


class Store(Protocol):
    def close(self) -> None: ...

    def current_version(self, location: str) -> tuple[str, str] | None: ...

    def replace_document(
        self,
        location: str,
        document: Document,
        facts: Sequence[Fact],
        problems: Sequence[tuple[str, str]],
        pipeline: str,
    ) -> None: ...

    def facts(
        self,
        dyad: tuple[str, str] | None = None,
        kinds: Iterable[str] | None = None,
        document_id: str | None = None,
        by_dyad: bool = False,
    ) -> Iterator[dict[str, Any]]: ...

    def documents(self) -> list[StoredDocument]: ...

    def document_text(self, document_id: str) -> str | None: ...

    def dyads(self) -> list[DyadCount]: ...

    def counts(self) -> dict[str, int]: ...

    def fact(self, fact_id: str) -> dict[str, Any] | None: ...

    def document(self, document_id: str) -> StoredDocument | None: ...

    def search_sentences(
        self, query: str, limit: int = 20, offset: int = 0
    ) -> tuple[list[SentenceHit], int]: ...

    def replace_authority(
        self,
        dataset: str,
        source_file: str,
        source_path: str,
        records: Sequence[AuthorityRecord],
    ) -> str: ...

    def authority(
        self,
        dataset: str | None = None,
        country: str | None = None,
        person: str | None = None,
    ) -> list[AuthorityRecord]: ...

    def authority_counts(self) -> dict[str, int]: ...

    def replace_verdicts(
        self,
        dyad: tuple[str, str],
        fingerprint: str,
        verdicts: Sequence[dict[str, Any]],
        unchecked: int = 0,
        note: str | None = None,
    ) -> bool: ...

    def verdicts(self, dyad: tuple[str, str]) -> StoredVerdicts | None: ...

    def checked_dyads(self) -> list[tuple[str, str]]: ...

    def network(self) -> NetworkStore: ...
