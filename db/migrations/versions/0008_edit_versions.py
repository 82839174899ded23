"""edits that collide: a version per project, risk issue and complaint; the audit log found by record

``version`` starts at 1 and goes up by one with every save. A form remembers the version it opened; a save that
finds another version is refused with what changed since (read from the audit log, whose records now carry the
version they made), so the second of two desks never overwrites the first without seeing it.
``ix_auditlog_entity`` finds one record's history without reading the whole log.

Revision ID: 0008
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0006"
branch_labels = None
depends_on = None

_TABLES = ("project", "riskissue", "complaint")


def upgrade() -> None:
    # Plain ADD COLUMN with a constant default (see 0007: a batch copy would re-create referenced tables).
    for table in _TABLES:
        op.add_column(table, sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
    op.create_index("ix_auditlog_entity", "auditlog", ["entity", "entity_id", "id"])


def downgrade() -> None:
    op.drop_index("ix_auditlog_entity", table_name="auditlog")
    for table in _TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("version")
