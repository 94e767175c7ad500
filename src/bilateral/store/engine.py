"""Opening a database from a path or URL: SQLite by default (WAL mode), or PostgreSQL.

A plain path is a SQLite file. ``postgresql://…`` (or ``postgres://…``)
URLs are opened with psycopg 3, whatever driver the URL names, because that
is the one driver the package depends on.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from bilateral.errors import StoreError

_POSTGRES_SCHEMES = ("postgresql", "postgres")


def database_url(target: str) -> str:
    """An SQLAlchemy URL for a path or URL; a plain path means a SQLite file."""
    if "://" in target:
        scheme, _, rest = target.partition("://")
        if scheme.split("+")[0] in _POSTGRES_SCHEMES:
            return f"postgresql+psycopg://{rest}"
        return target
    path = Path(target).expanduser()
    if path.is_dir():
        raise StoreError(f"{target} is a directory; give a database file path")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(f"cannot create the folder for {target}: {error.strerror}") from error
    return f"sqlite:///{path.resolve()}"


def is_postgres(target: str) -> bool:
    """Whether a path or URL names a PostgreSQL database."""
    return target.partition("://")[0].split("+")[0] in _POSTGRES_SCHEMES


def make_engine(target: str) -> Engine:
    url = database_url(target)
    try:
        parsed = make_url(url)
    except ArgumentError as error:
        raise StoreError(f"{target!r} is neither a file path nor a database URL") from error
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(parsed, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(parsed, pool_pre_ping=True, pool_size=2, max_overflow=4)


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def lock_for_writing(connection: Connection, *keys: str) -> None:
    """Make a write transaction safe against other processes writing the same rows.

    Call it first in the transaction. SQLite: take the database's write lock
    now (``BEGIN IMMEDIATE``), so a transaction that read first cannot fail
    later because another process committed in between (WAL snapshots cannot
    be upgraded). PostgreSQL: take a transaction-scoped advisory lock per key
    (say, a document's location and id), in sorted order so that two writers
    never wait for each other crosswise; other keys go on in parallel.
    """
    dialect = connection.dialect.name
    if dialect == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    elif dialect == "postgresql":
        for key in sorted(set(keys)):
            connection.execute(
                text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"), {"key": key}
            )
