"""Opening a database from a path or URL: SQLite by default, in WAL mode."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

from bilateral.errors import StoreError


def database_url(target: str) -> str:
    """An SQLAlchemy URL for a path or URL; a plain path means a SQLite file."""
    if "://" in target:
        return target
    path = Path(target).expanduser()
    if path.is_dir():
        raise StoreError(f"{target} is a directory; give a database file path")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(f"cannot create the folder for {target}: {error.strerror}") from error
    return f"sqlite:///{path.resolve()}"


def make_engine(target: str) -> Engine:
    url = database_url(target)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()
