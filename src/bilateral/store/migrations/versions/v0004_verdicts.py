"""0004_verdicts: what reconciliation concluded about each dyad's claims."""

from __future__ import annotations

from alembic import op

from bilateral.store import schema

revision = "0004_verdicts"
down_revision: str | None = "0003_sentences_fts"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    for table in schema.VERDICT_TABLES:
        table.create(op.get_bind(), checkfirst=True)


def downgrade() -> None:
    for table in reversed(schema.VERDICT_TABLES):
        table.drop(op.get_bind(), checkfirst=True)
