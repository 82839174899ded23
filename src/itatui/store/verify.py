"""Checks of a database file that is not open in the app: a backup just written, a file offered to restore.

Also the row-data scan ``itatui check`` runs: SQLite's ``integrity_check`` looks at the b-tree structure, not
at what the rows hold, so a few flipped bytes inside a text value pass it and crash whatever decodes the text
later. ``scan_rows`` reads every text column as bytes and every number column's storage type.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Connection, Engine
from sqlmodel import Session

from itatui.i18n import t

_REVISION = re.compile(r"^revision\s*(?::[^=]*)?=\s*['\"]([^'\"]+)['\"]", re.M)  # as in integrity.py
# What "restored N records" counts, table -> catalogue key.
COUNTED = {"project": "ops.count.projects", "complaint": "ops.count.complaints", "user": "ops.count.users", "auditlog": "ops.count.audit"}


@dataclass(frozen=True)
class FileReport:
    problems: list[str]  # translated, ready to print
    revision: str | None = None
    audit_records: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    newest_record: str | None = None  # ISO time of the newest audit record

    @property
    def ok(self) -> bool:
        return not self.problems


def known_revisions() -> set[str]:
    """Every revision in the migration files (a restored file must be at one of them). Read without importing
    Alembic: this also runs in the start-up backup thread, beside threads importing other packages."""
    from itatui.paths import migrations_dir

    found = set()
    for path in migrations_dir().joinpath("versions").glob("*.py"):
        m = _REVISION.search(path.read_text(encoding="utf-8"))
        if m:
            found.add(m.group(1))
    return found


def readonly_engine(path: Path) -> Engine:
    return create_engine(f"sqlite:///file:{path}?mode=ro&uri=true", hide_parameters=True)


def verify_file(path: Path) -> FileReport:
    """Is ``path`` an itatui database this version can open: ours, whole, with an unbroken audit chain?"""
    from itatui.store.audit import verify_chain
    from itatui.store.guard import DatabaseRefused, inspect_file

    try:
        inspect_file(path, writable=False)
    except DatabaseRefused as exc:
        return FileReport([t(exc.key, path=str(path), **exc.params)])
    if not path.exists() or path.stat().st_size == 0:
        return FileReport([t("ops.db.not_sqlite", path=str(path))])
    problems: list[str] = []
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            lines = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            revision = None
            if "alembic_version" in tables:
                rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
                revision = rows[0][0] if len(rows) == 1 else None
        finally:
            conn.close()
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        return FileReport([t("ops.db.damaged", path=str(path), detail=str(exc))])
    problems += [t("shell.check.sqlite_integrity_failed", detail=line) for line in lines if line != "ok"]
    if revision is None:
        problems.append(t("ops.verify.no_schema", path=str(path)))
        return FileReport(problems)
    if revision not in known_revisions():
        problems.append(t("ops.verify.newer_schema", revision=revision))
        return FileReport(problems, revision)
    if problems:
        return FileReport(problems, revision)
    engine = readonly_engine(path)
    try:
        with Session(engine) as session:
            count, breaks = verify_chain(session)
        problems += [t("shell.check.audit_hash" if b.problem == "hash" else "shell.check.audit_link", id=b.record_id) for b in breaks]
        with engine.connect() as c:
            counts = {table: c.execute(text(f'SELECT count(*) FROM "{table}"')).scalar() or 0 for table in COUNTED}
            newest = c.execute(text("SELECT max(at) FROM auditlog")).scalar()
        problems += [t(key, **params) for key, params in scan_rows(engine)]
    except Exception as exc:  # damage in the rows themselves shows up as a decoding or SQLite error here
        problems.append(t("ops.db.damaged", path=str(path), detail=str(exc).splitlines()[0][:200]))
        return FileReport(problems, revision)
    finally:
        engine.dispose()
    return FileReport(problems, revision, count, counts, str(newest) if newest else None)


def scan_rows(engine: Engine) -> list[tuple[str, dict[str, object]]]:
    """Every text value must be valid UTF-8 and every number a number (SQLite only; PostgreSQL checks types).
    Returns (catalogue key, parameters) per problem."""
    if engine.dialect.name != "sqlite":
        return []
    problems: list[tuple[str, dict[str, object]]] = []
    with engine.connect() as conn:
        for table, columns in _columns(conn):
            problems += _scan_table(conn, table, columns)
            if len(problems) > 50:
                problems.append(("ops.check.too_many", {}))
                break
        problems += _scan_search_indexes(conn)
        conn.rollback()
    return problems


def _columns(conn: Connection) -> list[tuple[str, list[tuple[str, str]]]]:
    tables = [r[0] for r in conn.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'"
        " AND name NOT LIKE '%\\_fts\\_%' ESCAPE '\\'"
    )]
    out = []
    for table in tables:
        cols = [(r[1], (r[2] or "").upper()) for r in conn.exec_driver_sql(f'PRAGMA table_info("{table}")')]
        out.append((table, cols))
    return out


def _scan_table(conn: Connection, table: str, columns: list[tuple[str, str]]) -> list[tuple[str, dict[str, object]]]:
    problems: list[tuple[str, dict[str, object]]] = []
    numbers = [c for c, kind in columns if kind in ("INTEGER", "BIGINT", "SMALLINT", "BOOLEAN", "FLOAT", "REAL", "NUMERIC")]
    others = [(c, kind) for c, kind in columns if c not in numbers]
    for col in numbers:
        row = conn.exec_driver_sql(
            f'SELECT rowid FROM "{table}" WHERE typeof("{col}") NOT IN (\'integer\', \'real\', \'null\') LIMIT 1'
        ).first()
        if row is not None:
            problems.append(("ops.check.bad_value", {"table": table, "column": col, "rowid": row[0]}))
    if not others:
        return problems
    # Text read as bytes (a damaged value must not fail the whole query while decoding); blobs are left alone.
    select = ", ".join(f'CASE WHEN typeof("{c}") = \'text\' THEN CAST("{c}" AS BLOB) END' for c, _ in others)
    result = conn.exec_driver_sql(f'SELECT rowid, {select} FROM "{table}"')
    while True:
        rows = result.fetchmany(5000)
        if not rows:
            break
        for row in rows:
            for (col, kind), raw in zip(others, row[1:]):
                if raw is None:
                    continue
                try:
                    value = bytes(raw).decode("utf-8")
                    if "\x00" in value:
                        raise ValueError(col)
                    if kind == "JSON" and value:
                        json.loads(value)
                except ValueError:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
                    problems.append(("ops.check.bad_text", {"table": table, "column": col, "rowid": row[0]}))
    return problems


def _scan_search_indexes(conn: Connection) -> list[tuple[str, dict[str, object]]]:
    """FTS5's own check of each full-text index against its table (a damaged index gives wrong search results)."""
    problems: list[tuple[str, dict[str, object]]] = []
    names = [r[0] for r in conn.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type='table' AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%'"
    )]
    for name in names:
        try:
            conn.exec_driver_sql(f'INSERT INTO "{name}"("{name}") VALUES (\'integrity-check\')')
        except Exception as exc:
            if "readonly" in str(exc).lower():
                continue  # a file opened read-only (a backup being checked): integrity_check covers its pages
            problems.append(("ops.check.bad_index", {"table": name}))
    return problems
