"""fraud-risk register: the office's assessment of each risk issue, and the follow-up of each control

RiskAssessment gains edited_at (the register has changed it: a plan re-import then leaves its risks alone).
RiskIssue gains category, type, residual likelihood/impact/level, owner, treatment, status, next review and a
lineage (the same risk across yearly copies); RiskControl gains its issue (null: the whole process, as Part 1
lists controls), owner, due date, progress, the existing control's quality, the monitoring colour and result.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("riskissue") as b:
        b.add_column(sa.Column("category", sa.String(30), nullable=False, server_default=""))
        b.add_column(sa.Column("risk_type", sa.String(10), nullable=False, server_default=""))
        b.add_column(sa.Column("residual_likelihood", sa.Integer(), nullable=True))
        b.add_column(sa.Column("residual_impact", sa.Integer(), nullable=True))
        b.add_column(sa.Column("residual_level", sa.String(20), nullable=False, server_default=""))
        b.add_column(sa.Column("owner", sa.String(200), nullable=False, server_default=""))
        b.add_column(sa.Column("treatment", sa.String(10), nullable=False, server_default=""))
        b.add_column(sa.Column("status", sa.String(10), nullable=False, server_default="open"))
        b.add_column(sa.Column("next_review", sa.Date(), nullable=True))
        b.add_column(sa.Column("lineage_id", sa.Integer(), nullable=True))
        b.create_index("ix_riskissue_lineage_id", ["lineage_id"])
    with op.batch_alter_table("riskcontrol") as b:
        b.add_column(sa.Column("issue_id", sa.Integer(), nullable=True))
        b.add_column(sa.Column("owner", sa.String(200), nullable=False, server_default=""))
        b.add_column(sa.Column("due", sa.Date(), nullable=True))
        b.add_column(sa.Column("progress", sa.Integer(), nullable=True))
        b.add_column(sa.Column("quality", sa.String(10), nullable=False, server_default=""))
        b.add_column(sa.Column("monitor", sa.String(10), nullable=False, server_default=""))
        b.add_column(sa.Column("result", sa.Text(), nullable=False, server_default=""))
        b.create_index("ix_riskcontrol_issue_id", ["issue_id"])
        b.create_foreign_key("fk_riskcontrol_issue_id_riskissue", "riskissue", ["issue_id"], ["id"])
    with op.batch_alter_table("riskassessment") as b:
        b.add_column(sa.Column("edited_at", sa.DateTime(), nullable=True))
    # The register filters by assessment year through process → assessment.
    op.create_index("ix_riskassessment_org_year", "riskassessment", ["organisation_id", "fiscal_year"])


def downgrade() -> None:
    op.drop_index("ix_riskassessment_org_year", table_name="riskassessment")
    with op.batch_alter_table("riskassessment") as b:
        b.drop_column("edited_at")
    with op.batch_alter_table("riskcontrol") as b:
        b.drop_constraint("fk_riskcontrol_issue_id_riskissue", type_="foreignkey")
        b.drop_index("ix_riskcontrol_issue_id")
        for name in ("result", "monitor", "quality", "progress", "due", "owner", "issue_id"):
            b.drop_column(name)
    with op.batch_alter_table("riskissue") as b:
        b.drop_index("ix_riskissue_lineage_id")
        for name in ("lineage_id", "next_review", "status", "treatment", "owner", "residual_level",
                     "residual_impact", "residual_likelihood", "risk_type", "category"):
            b.drop_column(name)
