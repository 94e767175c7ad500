"""0005_network: cross-page findings per dyad and the counts of each foreign-relations page."""

from __future__ import annotations

from alembic import op

from bilateral.store import network

revision = "0005_network"
down_revision: str | None = "0004_verdicts"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    for table in network.TABLES:
        table.create(op.get_bind(), checkfirst=True)


def downgrade() -> None:
    for table in reversed(network.TABLES):
        table.drop(op.get_bind(), checkfirst=True)
