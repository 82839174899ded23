"""office keys, sealed personal data of general complaints, synthetic marks, log-in throttle, append-only log

- ``officekey``, ``ringmember``, ``recoverywrap``, ``loginthrottle`` (see ``store/models/security.py``).
- ``complaint.personal_sealed`` (general complainants' details sealed to the officers' key ring; the plain
  columns are emptied by the store when the ring is made, since sealing needs its public key) and
  ``complaint.synthetic`` (made by seed-demo). Plain ``ADD COLUMN``: no table rebuild, so the FTS triggers of
  0002 stay.
- The audit log refuses UPDATE and DELETE (SQLite and PostgreSQL triggers; on PostgreSQL also revoke the
  privileges from the application's role, see the README).

Revision ID: 0005
Revises: 0003
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0005"
down_revision = "0003"
branch_labels = None
depends_on = None

_SQLITE_TRIGGERS = [
    """CREATE TRIGGER auditlog_no_update BEFORE UPDATE ON auditlog
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    """CREATE TRIGGER auditlog_no_delete BEFORE DELETE ON auditlog
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
]
_PG_TRIGGERS = [
    """CREATE OR REPLACE FUNCTION auditlog_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$""",
    """CREATE TRIGGER auditlog_no_change BEFORE UPDATE OR DELETE ON auditlog
       FOR EACH ROW EXECUTE FUNCTION auditlog_append_only()""",
    """CREATE TRIGGER auditlog_no_truncate BEFORE TRUNCATE ON auditlog
       FOR EACH STATEMENT EXECUTE FUNCTION auditlog_append_only()""",
]


def upgrade() -> None:
    op.create_table(
        "officekey",
        sa.Column("purpose", sa.String(length=20), primary_key=True),
        sa.Column("public_key", sa.LargeBinary(), nullable=False),
        sa.Column("recovery_wrapped", sa.LargeBinary(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    )
    op.create_table(
        "ringmember",
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("user.id"), primary_key=True),
        sa.Column("ring", sa.String(length=20), primary_key=True),
        sa.Column("sealed_private", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    )
    op.create_table(
        "recoverywrap",
        sa.Column("complaint_id", sa.Integer(), sa.ForeignKey("complaint.id"), primary_key=True),
        sa.Column("wrapped_key", sa.LargeBinary(), nullable=False),
    )
    op.create_table(
        "loginthrottle",
        sa.Column("name_hash", sa.String(length=64), primary_key=True),
        sa.Column("failures", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("locked_until", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    )
    op.add_column("complaint", sa.Column("personal_sealed", sa.LargeBinary(), nullable=True))
    op.add_column("complaint", sa.Column("synthetic", sa.Boolean(), nullable=False, server_default=sa.false()))
    dialect = op.get_bind().dialect.name
    for sql in _SQLITE_TRIGGERS if dialect == "sqlite" else _PG_TRIGGERS if dialect == "postgresql" else []:
        op.execute(sql)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS auditlog_no_update")
        op.execute("DROP TRIGGER IF EXISTS auditlog_no_delete")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS auditlog_no_change ON auditlog")
        op.execute("DROP TRIGGER IF EXISTS auditlog_no_truncate ON auditlog")
        op.execute("DROP FUNCTION IF EXISTS auditlog_append_only()")
    with op.batch_alter_table("complaint") as batch:
        batch.drop_column("synthetic")
        batch.drop_column("personal_sealed")
    for table in ("loginthrottle", "recoverywrap", "ringmember", "officekey"):
        op.drop_table(table)
