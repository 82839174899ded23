"""complaint text search (Thai has no spaces between words, so we index character trigrams)

SQLite: an external-content FTS5 table with the trigram tokenizer over complaint.subject + details, kept in
step by triggers. External content means the FTS table keeps only its index, not a second copy of the text.
Only subject and details are indexed: never the complainant's identity.
(A later migration that rebuilds the complaint table with batch_alter_table must recreate these triggers.)

PostgreSQL: pg_trgm and a GIN trigram index on ``subject || ' ' || details``; the store searches with ILIKE on
that same expression so the planner uses the index.

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_SQLITE_UP = [
    """CREATE VIRTUAL TABLE complaint_fts USING fts5(
        subject, details, content='complaint', content_rowid='id', tokenize='trigram')""",
    """CREATE TRIGGER complaint_fts_ai AFTER INSERT ON complaint BEGIN
        INSERT INTO complaint_fts(rowid, subject, details) VALUES (new.id, new.subject, new.details);
    END""",
    """CREATE TRIGGER complaint_fts_ad AFTER DELETE ON complaint BEGIN
        INSERT INTO complaint_fts(complaint_fts, rowid, subject, details)
        VALUES ('delete', old.id, old.subject, old.details);
    END""",
    """CREATE TRIGGER complaint_fts_au AFTER UPDATE OF subject, details ON complaint BEGIN
        INSERT INTO complaint_fts(complaint_fts, rowid, subject, details)
        VALUES ('delete', old.id, old.subject, old.details);
        INSERT INTO complaint_fts(rowid, subject, details) VALUES (new.id, new.subject, new.details);
    END""",
    "INSERT INTO complaint_fts(complaint_fts) VALUES ('rebuild')",
]
_SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS complaint_fts_au",
    "DROP TRIGGER IF EXISTS complaint_fts_ad",
    "DROP TRIGGER IF EXISTS complaint_fts_ai",
    "DROP TABLE IF EXISTS complaint_fts",
]
_PG_UP = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX ix_complaint_text_trgm ON complaint USING gin ((subject || ' ' || details) gin_trgm_ops)",
]
_PG_DOWN = ["DROP INDEX IF EXISTS ix_complaint_text_trgm"]


def _run(statements: list[str]) -> None:
    for sql in statements:
        op.execute(sql)


def upgrade() -> None:
    # A database stamped 0001 by the first release lacks the complaint tables this builds on.
    from itatui.store.schema_repair import ensure_initial

    ensure_initial()
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _run(_SQLITE_UP)
    elif dialect == "postgresql":
        _run(_PG_UP)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _run(_SQLITE_DOWN)
    elif dialect == "postgresql":
        _run(_PG_DOWN)
