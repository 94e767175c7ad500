"""Schema migrations, run by Alembic: named revisions, recorded, safe to re-run.

Why Alembic rather than our own runner: the store now lives on PostgreSQL as
well as SQLite, and several people add migrations at once. Alembic orders
revisions as a graph (two migrations added in parallel show up as two heads
instead of silently running in file order), records the database's revision
in ``alembic_version``, and gives operators its usual commands (``history``,
``upgrade --sql`` to review the DDL before a production upgrade).

What stays from the hand-made runner it replaces:

- Revisions keep their names (``0001_initial`` …); each revision file in
  ``versions/`` has that name as its Alembic revision id.
- Every applied revision is still logged in the ``migrations`` table (name,
  time), which is where the database's history can be read.
- Revisions are safe to re-run: they create what is missing and leave what
  exists alone.
- Databases made by the old runner (a ``migrations`` table, no
  ``alembic_version``) are adopted: stamped at the last revision of the
  unbroken run of names they record, then upgraded as usual.

Adding a migration: copy the newest file in ``versions/``, give it the next
name as ``revision`` and the newest name as ``down_revision``.

Opening a store upgrades it to the newest revision in one transaction, under
a lock (SQLite's write lock, a PostgreSQL advisory lock), so processes that
open one database together migrate it once.
"""

from __future__ import annotations

import functools
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationInfo
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect, select, text

from bilateral.store import schema
from bilateral.store.engine import lock_for_writing

HERE = Path(__file__).resolve().parent
VERSION_TABLE = "alembic_version"
_LOCK = "bilateral:migrations"


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(HERE))
    return config


@functools.cache
def names() -> tuple[str, ...]:
    """Every revision's name, oldest first."""
    script = ScriptDirectory.from_config(_config())
    return tuple(reversed([r.revision for r in script.walk_revisions()]))


def head() -> str:
    """The newest revision's name."""
    return names()[-1]


def current(connection: Connection) -> str | None:
    """The revision a database is at (None: none recorded)."""
    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    found = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars().all()
    return found[0] if len(found) == 1 else None


def is_bilateral_database(connection: Connection) -> bool:
    """True for an empty database or one this package created."""
    tables = set(inspect(connection).get_table_names())
    return not tables or "migrations" in tables or VERSION_TABLE in tables


def upgrade(connection: Connection) -> list[str]:
    """Bring the database to the newest revision; return the names applied.

    Call inside a transaction that nothing has used yet: the lock comes first.
    """
    lock_for_writing(connection, _LOCK)
    if current(connection) == head():
        return []
    _adopt_legacy(connection)
    config = _config()
    applied: list[str] = []
    config.attributes["connection"] = connection
    config.attributes["applied"] = applied
    command.upgrade(config, "head")
    return applied


def record(step: MigrationInfo, applied: list[str], connection: Connection) -> None:
    """Log an applied revision in ``migrations`` (once) and in ``applied``."""
    if not step.is_upgrade or not step.is_migration:
        return
    table = schema.migrations
    for name in step.up_revision_ids:
        known = connection.execute(select(table.c.name).where(table.c.name == name)).first()
        if known is None:
            connection.execute(
                table.insert().values(name=name, applied_at=datetime.now(UTC).isoformat())
            )
        applied.append(name)


def _adopt_legacy(connection: Connection) -> None:
    """Stamp a database of the old runner at the last revision it ran in order."""
    inspector = inspect(connection)
    if inspector.has_table(VERSION_TABLE) or not inspector.has_table("migrations"):
        return
    done = set(connection.execute(select(schema.migrations.c.name)).scalars())
    last: str | None = None
    for name in names():
        if name not in done:
            break
        last = name
    if last is not None:
        config = _config()
        config.attributes["connection"] = connection
        config.attributes["applied"] = []
        command.stamp(config, last)


def on_version_apply(config: Config) -> Any:
    """The callback env.py hands Alembic: log each applied revision."""

    def callback(*, ctx: Any, step: MigrationInfo, heads: Any, run_args: Any) -> None:
        record(step, config.attributes["applied"], config.attributes["connection"])

    return callback
