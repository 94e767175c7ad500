"""0001_initial: documents, their sentences, facts, evidence and entities.

Tables are created when missing (the definitions are in `schema`), so the
revision is safe to re-run on a database that already has them.
"""

from __future__ import annotations

from alembic import op

from bilateral.store import schema

revision = "0001_initial"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    for table in schema.CORE_TABLES:
        table.create(op.get_bind(), checkfirst=True)


def downgrade() -> None:
    for table in reversed(schema.CORE_TABLES):
        table.drop(op.get_bind(), checkfirst=True)
