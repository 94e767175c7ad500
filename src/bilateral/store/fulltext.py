"""Full-text search over sentences: an index kept beside `sentences`, per backend.

Both indexes are called ``sentences_fts`` (created by migration
0003_sentences_fts) and are kept in step with `sentences` in the same
transaction that replaces a document; both ignore case and accents.

- SQLite: an FTS5 table holding each sentence's text, its document id
  (indexed, so a document's rows can be found and deleted through the index)
  and its position; ranked by bm25.
- PostgreSQL: its own text search. A table of one ``tsvector`` per sentence
  under a GIN index, built with the ``simple`` configuration (no stemming, no
  stop words, like FTS5's unicode61) from text whose accents are folded in
  Python, so no extension (unaccent) has to be installed; ranked by ts_rank.

Any other backend would search with a case-insensitive LIKE per word.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, func, inspect, select, text

from bilateral.errors import InputError
from bilateral.store import schema

TABLE = "sentences_fts"
_BACKENDS = ("sqlite", "postgresql")

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
    """Whether this database keeps an index (SQLite and PostgreSQL, once migrated)."""
    return connection.dialect.name in _BACKENDS and inspect(connection).has_table(TABLE)


def fold(value: str) -> str:
    """Text as the PostgreSQL index sees it: lower case, accents dropped."""
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def create(connection: Connection) -> None:
    """Create the index and fill it from the sentences already stored."""
    if connection.dialect.name == "postgresql":
        _create_postgres(connection)
        return
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


def _create_postgres(connection: Connection) -> None:
    connection.execute(
        text(
            f'CREATE TABLE IF NOT EXISTS {TABLE} (document_id TEXT COLLATE "C" NOT NULL, '
            "seq INTEGER NOT NULL, terms TSVECTOR NOT NULL, PRIMARY KEY (document_id, seq))"
        )
    )
    connection.execute(
        text(f"CREATE INDEX IF NOT EXISTS ix_{TABLE}_terms ON {TABLE} USING GIN (terms)")
    )
    connection.execute(text(f"DELETE FROM {TABLE}"))
    s = schema.sentences
    query = select(s.c.document_id, s.c.seq, s.c.text).order_by(s.c.document_id, s.c.seq)
    batch: list[dict[str, Any]] = []
    for row in connection.execute(query.execution_options(yield_per=1000)).mappings():
        batch.append(dict(row))
        if len(batch) == 1000:
            insert(connection, batch)
            batch = []
    insert(connection, batch)


def drop(connection: Connection) -> None:
    """Drop the index (the downgrade of its migration)."""
    if connection.dialect.name in _BACKENDS:
        connection.execute(text(f"DROP TABLE IF EXISTS {TABLE}"))


def insert(connection: Connection, rows: Sequence[dict[str, Any]]) -> None:
    """Index sentence rows (dicts with document_id, seq and text)."""
    if not rows or not is_indexed(connection):
        return
    if connection.dialect.name == "postgresql":
        connection.execute(
            text(
                f"INSERT INTO {TABLE} (document_id, seq, terms) "
                "VALUES (:document_id, :seq, to_tsvector('simple', :folded))"
            ),
            [
                {"document_id": r["document_id"], "seq": r["seq"], "folded": fold(r["text"])}
                for r in rows
            ],
        )
        return
    connection.execute(
        text(f"INSERT INTO {TABLE} (text, document_id, seq) VALUES (:text, :document_id, :seq)"),
        [{"text": r["text"], "document_id": r["document_id"], "seq": r["seq"]} for r in rows],
    )


def delete(connection: Connection, document_ids: Sequence[str]) -> None:
    """Drop the index rows of these documents, found through the index itself."""
    if not document_ids or not is_indexed(connection):
        return
    if connection.dialect.name == "postgresql":
        connection.execute(
            text(f"DELETE FROM {TABLE} WHERE document_id = ANY(:ids)"), {"ids": list(document_ids)}
        )
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
    if not is_indexed(connection):
        return _search_like(connection, found, limit, offset)
    if connection.dialect.name == "postgresql":
        return _search_postgres(connection, found, limit, offset)
    return _search_fts(connection, match, limit, offset)


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


def _search_postgres(
    connection: Connection, found: list[str], limit: int, offset: int
) -> tuple[list[SentenceHit], int]:
    # Every term must match; a quoted phrase's words in order, next to each other.
    parts = [f"phraseto_tsquery('simple', :t{i})" for i in range(len(found))]
    params: dict[str, Any] = {f"t{i}": fold(term) for i, term in enumerate(found)}
    tsquery = " && ".join(parts)
    rows = connection.execute(
        text(
            f"SELECT {_HIT_COLUMNS} FROM {TABLE} f "
            "JOIN sentences s ON s.document_id = f.document_id AND s.seq = f.seq "
            "JOIN documents d ON d.id = s.document_id "
            f"CROSS JOIN (SELECT {tsquery}) AS q(query) WHERE f.terms @@ q.query "
            "ORDER BY ts_rank(f.terms, q.query) DESC, s.document_id, s.seq "
            "LIMIT :limit OFFSET :offset"
        ),
        {**params, "limit": limit, "offset": offset},
    )
    total = connection.execute(
        text(f"SELECT count(*) FROM {TABLE} f WHERE f.terms @@ ({tsquery})"), params
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
