"""0002_authority: records of the official datasets, kept apart from extracted facts."""

from __future__ import annotations

from alembic import op

from bilateral.store import schema

revision = "0002_authority"
down_revision: str | None = "0001_initial"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    for table in schema.AUTHORITY_TABLES:
        table.create(op.get_bind(), checkfirst=True)


def downgrade() -> None:
    for table in reversed(schema.AUTHORITY_TABLES):
        table.drop(op.get_bind(), checkfirst=True)
