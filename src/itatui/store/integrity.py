"""``itatui check``: is the database whole? The audit hash chain, SQLite's own checks, the schema version.

Also the cheap "is the schema at head?" test used on start-up, so an up-to-date database opens without
importing Alembic (which costs about a tenth of a second).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import text
from sqlalchemy.engine import Engine

from itatui.i18n import t
from itatui.paths import migrations_dir
from itatui.store.db import is_sqlite, session_scope

_REVISION = re.compile(r"^revision\s*(?::[^=]*)?=\s*['\"]([^'\"]+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision\s*(?::[^=]*)?=\s*(.+)$", re.M)


@dataclass(frozen=True)
class Problem:
    """One thing wrong, as a catalogue key and its parameters (the CLI and the UI translate)."""

    key: str
    params: dict[str, object] = field(default_factory=dict)

    def text(self) -> str:
        return t(self.key, **self.params)


@dataclass(frozen=True)
class IntegrityReport:
    audit_records: int
    problems: list[Problem]
    checks: list[str]  # catalogue keys of the checks that ran, for the "what was checked" summary

    @property
    def ok(self) -> bool:
        return not self.problems


def script_head() -> str | None:
    """The head revision read straight from the migration files (no Alembic import).

    Returns None when the files do not show exactly one head, so callers fall back to Alembic.
    """
    revisions: set[str] = set()
    downs: set[str] = set()
    for path in migrations_dir().joinpath("versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        rev = _REVISION.search(source)
        if rev is None:
            return None
        revisions.add(rev.group(1))
        down = _DOWN.search(source)
        if down:
            downs.update(re.findall(r"['\"]([^'\"]+)['\"]", down.group(1)))
    heads = revisions - downs
    return heads.pop() if len(heads) == 1 else None


def database_revision(engine: Engine) -> str | None:
    """The revision stamped in the database; None for an empty database."""
    with engine.connect() as conn:
        try:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
        except Exception:  # no alembic_version table yet: a new, empty database
            conn.rollback()
            return None
    return rows[0][0] if len(rows) == 1 else None


def schema_at_head(engine: Engine) -> bool:
    head = script_head()
    return head is not None and database_revision(engine) == head


def check_database_report(engine: Engine) -> IntegrityReport:
    from itatui.store.audit import verify_chain

    problems: list[Problem] = []
    checks = ["shell.check.schema", "shell.check.audit"]

    # The schema first: on an old or foreign database the other checks could fail for the wrong reason.
    head = script_head()
    if head is None:
        from itatui.store.migrate import head_revision

        head = head_revision()
    current = database_revision(engine)
    if current != head:
        problems.append(Problem("shell.check.schema_behind", {"current": current or "-", "head": head or "-"}))
        return IntegrityReport(0, problems, checks)

    with session_scope(engine) as s:
        count, breaks = verify_chain(s)
    for b in breaks:
        key = "shell.check.audit_hash" if b.problem == "hash" else "shell.check.audit_link"
        problems.append(Problem(key, {"id": b.record_id}))

    if is_sqlite(engine):
        checks += ["shell.check.sqlite_integrity", "shell.check.foreign_keys"]
        with engine.connect() as conn:
            for (line,) in conn.exec_driver_sql("PRAGMA integrity_check").all():
                if line != "ok":
                    problems.append(Problem("shell.check.sqlite_integrity_failed", {"detail": line}))
            for row in conn.exec_driver_sql("PRAGMA foreign_key_check").all():
                # row: table, rowid, referenced table, fk index
                problems.append(Problem("shell.check.foreign_key_failed", {"table": row[0], "rowid": row[1], "parent": row[2]}))
        from itatui.store.verify import scan_rows  # damaged text inside rows passes integrity_check

        checks.append("ops.check.rows")
        problems += [Problem(key, params) for key, params in scan_rows(engine)]
    return IntegrityReport(count, problems, checks)


def check_database(engine: Engine) -> list[Problem]:
    """Everything wrong with the database; an empty list means it passed every check."""
    return check_database_report(engine).problems
