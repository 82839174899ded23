"""office files: repair databases made by earlier releases; mark SQLite files as the app's own

A database made between the first release and the 0001 in use today may lack tables or indexes that today's
0001 has (it was regenerated before the first release): they are created here, skipping what exists. SQLite
files get ``PRAGMA application_id`` (the app refuses to migrate a SQLite file that is not its own).

Revision ID: 0006
Revises: 0004
"""

from alembic import op

revision = "0006"
down_revision = "0007"
branch_labels = None
depends_on = None

APPLICATION_ID = 0x49544154  # "ITAT"; the same number as itatui.store.guard.APPLICATION_ID


def upgrade() -> None:
    from itatui.store.schema_repair import ensure_initial

    ensure_initial()
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"PRAGMA application_id={APPLICATION_ID}")


def downgrade() -> None:
    # The repaired tables and indexes belong to 0001 and stay; the mark is harmless to older versions.
    pass
