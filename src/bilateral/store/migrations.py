"""Named schema migrations, recorded in the ``migrations`` table and safe to re-run.

Each migration is applied once per database, in order; applying them to a
database that already has them changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, insert, inspect, select

from bilateral.store import fulltext, schema

Migration = tuple[str, Callable[[Connection], None]]


def _initial(connection: Connection) -> None:
    schema.metadata.create_all(connection, checkfirst=True)


def _authority(connection: Connection) -> None:
    for table in schema.AUTHORITY_TABLES:
        table.create(connection, checkfirst=True)


def _sentences_fts(connection: Connection) -> None:
    # SQLite only: an FTS5 index of sentence text, filled from what is stored.
    fulltext.create(connection)


def _verdicts(connection: Connection) -> None:
    for table in schema.VERDICT_TABLES:
        table.create(connection, checkfirst=True)


MIGRATIONS: tuple[Migration, ...] = (
    ("0001_initial", _initial),
    ("0002_authority", _authority),
    ("0003_sentences_fts", _sentences_fts),
    ("0004_verdicts", _verdicts),
)


def upgrade(connection: Connection) -> list[str]:
    """Apply the migrations this database lacks; return their names."""
    schema.migrations.create(connection, checkfirst=True)
    done = set(connection.execute(select(schema.migrations.c.name)).scalars())
    applied: list[str] = []
    for name, migrate in MIGRATIONS:
        if name in done:
            continue
        migrate(connection)
        connection.execute(
            insert(schema.migrations).values(name=name, applied_at=datetime.now(UTC).isoformat())
        )
        applied.append(name)
    return applied


def is_bilateral_database(connection: Connection) -> bool:
    """True for an empty database or one this package created."""
    tables = set(inspect(connection).get_table_names())
    return not tables or "migrations" in tables
