"""Full-text search over sentences: an SQLite FTS5 index kept beside `sentences`.

The index (`sentences_fts`, created by migration 0003_sentences_fts) holds
each sentence's text, its document id (indexed, so a document's rows can be
found and deleted through the index) and its position. The store keeps it in
step with `sentences` in the same transaction that replaces a document.
Other backends have no index yet: they search with a case-insensitive LIKE
per word (PostgreSQL full-text search will come later).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, func, inspect, select, text

from bilateral.errors import InputError
from bilateral.store import schema

TABLE = "sentences_fts"

_TERMS = re.compile(r'"([^"]*)"|(\w+)')


@dataclass(frozen=True)
class SentenceHit:
    """A sentence that matches a search, with its offsets into the document's text."""

    document_id: str
    seq: int
    start: int
    end: int
    text: str
    title: str | None
    source_path: str


def is_indexed(connection: Connection) -> bool:
    """Whether this database keeps the FTS5 index (SQLite only)."""
    return connection.dialect.name == "sqlite" and inspect(connection).has_table(TABLE)


def create(connection: Connection) -> None:
    """Create the index and fill it from the sentences already stored (SQLite only)."""
    if connection.dialect.name != "sqlite":
        return
    connection.execute(
        text(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
            "text, document_id, seq UNINDEXED, tokenize='unicode61 remove_diacritics 2')"
        )
    )
    connection.execute(text(f"DELETE FROM {TABLE}"))
    connection.execute(
        text(
            f"INSERT INTO {TABLE} (text, document_id, seq) "
            "SELECT text, document_id, seq FROM sentences"
        )
    )


def insert(connection: Connection, rows: Sequence[dict[str, Any]]) -> None:
    """Index sentence rows (dicts with document_id, seq and text)."""
    if not rows or not is_indexed(connection):
        return
    connection.execute(
        text(f"INSERT INTO {TABLE} (text, document_id, seq) VALUES (:text, :document_id, :seq)"),
        [{"text": r["text"], "document_id": r["document_id"], "seq": r["seq"]} for r in rows],
    )


def delete(connection: Connection, document_ids: Sequence[str]) -> None:
    """Drop the index rows of these documents, found through the index itself."""
    if not document_ids or not is_indexed(connection):
        return
    for document_id in document_ids:
        connection.execute(
            text(f"DELETE FROM {TABLE} WHERE {TABLE} MATCH :query"),
            {"query": f"document_id : {_phrase(document_id)}"},
        )


def terms(query: str) -> list[str]:
    """The words and "quoted phrases" of a query, in order; empty ones dropped."""
    found: list[str] = []
    for phrase, word in _TERMS.findall(query):
        value = (phrase or word).strip()
        if value and re.search(r"\w", value):
            found.append(value)
    return found


def _phrase(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def _match(query: str) -> tuple[str, list[str]]:
    found = terms(query)
    if not found:
        raise InputError("query", "give at least one word to search for")
    if len(found) > 20:
        raise InputError("query", f"too many search terms ({len(found)}; at most 20)")
    return "{text} : (" + " ".join(_phrase(t) for t in found) + ")", found


def search(
    connection: Connection, query: str, limit: int, offset: int
) -> tuple[list[SentenceHit], int]:
    """Sentences matching every word or phrase of ``query``, best first, and their number.

    Ties are broken by document and position so pages are stable.
    """
    match, found = _match(query)
    if is_indexed(connection):
        return _search_fts(connection, match, limit, offset)
    return _search_like(connection, found, limit, offset)


_HIT_COLUMNS = 's.document_id, s.seq, s.start, s."end", s.text, d.title, d.source_path'


def _search_fts(
    connection: Connection, match: str, limit: int, offset: int
) -> tuple[list[SentenceHit], int]:
    rows = connection.execute(
        text(
            f"SELECT {_HIT_COLUMNS} FROM {TABLE} f "
            "JOIN sentences s ON s.document_id = f.document_id AND s.seq = f.seq "
            "JOIN documents d ON d.id = s.document_id "
            f"WHERE {TABLE} MATCH :match "
            f"ORDER BY bm25({TABLE}), s.document_id, s.seq LIMIT :limit OFFSET :offset"
        ),
        {"match": match, "limit": limit, "offset": offset},
    )
    total = connection.execute(
        text(f"SELECT count(*) FROM {TABLE} WHERE {TABLE} MATCH :match"), {"match": match}
    ).scalar_one()
    return [SentenceHit(*row) for row in rows], int(total)


def _search_like(
    connection: Connection, found: list[str], limit: int, offset: int
) -> tuple[list[SentenceHit], int]:
    s, d = schema.sentences, schema.documents
    condition = and_(*(s.c.text.ilike(f"%{_escape_like(t)}%", escape="\\") for t in found))
    query = (
        select(s.c.document_id, s.c.seq, s.c.start, s.c.end, s.c.text, d.c.title, d.c.source_path)
        .join(d, d.c.id == s.c.document_id)
        .where(condition)
        .order_by(s.c.document_id, s.c.seq)
    )
    rows = connection.execute(query.limit(limit).offset(offset))
    total = connection.execute(select(func.count()).select_from(s).where(condition)).scalar_one()
    return [SentenceHit(*row) for row in rows], int(total)


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
