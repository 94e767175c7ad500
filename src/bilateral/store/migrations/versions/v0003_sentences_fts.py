"""0003_sentences_fts: a full-text index of sentence text, filled from what is stored.

SQLite gets an FTS5 virtual table; PostgreSQL a table of tsvectors under a
GIN index (see `bilateral.store.fulltext`).
"""

from __future__ import annotations

from alembic import op

from bilateral.store import fulltext

revision = "0003_sentences_fts"
down_revision: str | None = "0002_authority"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    fulltext.create(op.get_bind())


def downgrade() -> None:
    fulltext.drop(op.get_bind())
