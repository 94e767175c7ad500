"""The knowledge base's storage: a small surface over SQLAlchemy."""

from __future__ import annotations

from bilateral.store.engine import make_engine
from bilateral.store.sql import DyadCount, SqlStore, StoredDocument


def open_store(target: str) -> SqlStore:
    """Open (creating and migrating if needed) the database at a path or URL."""
    return SqlStore(make_engine(target))


__all__ = ["DyadCount", "SqlStore", "StoredDocument", "open_store"]
