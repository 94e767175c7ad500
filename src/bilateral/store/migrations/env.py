"""Alembic's environment: run the revisions on the connection the store hands over.

The store opens the transaction and takes the migration lock before calling
Alembic (see `bilateral.store.migrations.upgrade`), so this file only binds
that connection and logs each applied revision in the ``migrations`` table.
"""

from __future__ import annotations

from alembic import context

from bilateral.store.migrations import on_version_apply

config = context.config
connection = config.attributes["connection"]
context.configure(
    connection=connection,
    on_version_apply=on_version_apply(config),
)
with context.begin_transaction():
    context.run_migrations()
