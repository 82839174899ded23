"""units can be retired (kept with their history); an imported plan keeps its consistency findings

``unit.retired``: a retired unit is offered nowhere for new work, and everything that names it stays as it was.
``plan.import_findings``: the importer's findings (JSON list of severity, line, message key and parameters), so
they can be reviewed from the plan table after the first-run toast is gone.

Revision ID: 0007
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("unit") as batch:
        batch.add_column(sa.Column("retired", sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table("plan") as batch:
        batch.add_column(sa.Column("import_findings", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("plan") as batch:
        batch.drop_column("import_findings")
    with op.batch_alter_table("unit") as batch:
        batch.drop_column("retired")
