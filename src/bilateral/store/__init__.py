"""The knowledge base's storage: a small surface over SQLAlchemy."""

from __future__ import annotations

from bilateral.store.engine import make_engine
from bilateral.store.protocol import Store
from bilateral.store.sql import DyadCount, SqlStore, StoredDocument


def open_store(target: str) -> Store:
    """Open (creating and migrating if needed) the database at a path or URL."""
    return SqlStore(make_engine(target))


__all__ = ["DyadCount", "SqlStore", "Store", "StoredDocument", "open_store"]
