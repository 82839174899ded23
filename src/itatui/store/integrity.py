"""``itatui check``: is the database whole? The audit hash chain, SQLite's own checks, the schema version.

Also the cheap "is the schema at head?" test used on start-up, so an up-to-date database opens without
importing Alembic (which costs about a tenth of a second) once Alembic's answer is cached.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Engine

from itatui.i18n import t
from itatui.paths import data_dir, migrations_dir
from itatui.store.db import is_sqlite, session_scope

_HEAD_CACHE = "schema-head.json"


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
    """The head revision, as Alembic's ``ScriptDirectory`` finds it, remembered per set of migration files.

    Importing Alembic and loading the scripts costs about 0.1 s (0.5 s on a busy machine), more than the rest of
    opening an up-to-date database, so the answer is kept in a small file in the data directory, keyed by the
    migration files' names, sizes and modification times: a new or edited migration means a new key, and
    Alembic is asked again. A cache that cannot be read or written only costs that time."""
    versions = migrations_dir().joinpath("versions")
    key = _fingerprint(versions)
    cache: Path | None = None
    try:
        cache = data_dir() / _HEAD_CACHE  # making the data directory may itself fail (read-only home)
        known = json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        known = {}
    head = known.get(key) if isinstance(known, dict) else None
    if isinstance(head, str):
        return head
    from itatui.store.migrate import head_revision  # only when the migration files changed: see above

    head = head_revision()
    if head is not None and cache is not None:
        try:
            partial = cache.with_suffix(f".{os.getpid()}.tmp")  # whole or nothing: starts may run side by side
            partial.write_text(json.dumps({key: head}), encoding="utf-8")
            os.replace(partial, cache)
        except OSError:
            pass
    return head


def _fingerprint(versions: Path) -> str:
    parts = [str(versions.resolve())]
    for path in sorted(versions.glob("*.py")):
        st = path.stat()
        parts.append(f"{path.name}:{st.st_size}:{st.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


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
    current = database_revision(engine)
    if current != head:
        problems.append(Problem("shell.check.schema_behind", {"current": current or "-", "head": head or "-"}))
        return IntegrityReport(0, problems, checks)

    with session_scope(engine) as s:
        count, breaks = verify_chain(s)
    for b in breaks:
        key = "shell.check.audit_hash" if b.problem == "hash" else "shell.check.audit_link"
        problems.append(Problem(key, {"id": b.record_id}))
    from itatui.store.integrity_records import record_checks

    checks += ["shell.check.anchor", "shell.check.registry", "shell.check.creation", "shell.check.key_holders"]
    problems += [Problem(key, params) for key, params in record_checks(engine, count, chain_ok=not breaks)]

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
