"""``itatui migrate-db``: move an office's data between SQLite and PostgreSQL, and prove the move.

Both databases are opened the app's way (migrated to the current schema); rows are copied table by table in
foreign-key order, in batches, through the models' own column types (so JSON, dates and flags arrive as the
same values). Then each table's row count and a SHA-256 over its rows (in primary-key order, values in one
canonical text form) are compared between source and target, and the audit chain is verified on the target.

The target must be empty. While a move runs the target carries a marker table; a move that was interrupted
leaves it, and running the same command again empties the target and starts over — so no row is ever copied
twice. Only a target that is empty or marked that way is ever written to.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Table, func, select, text
from sqlalchemy.engine import Connection, Engine
from sqlmodel import Session, SQLModel

MARKER = "itatui_transfer_in_progress"
BATCH = 2000


class TransferError(Exception):
    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class TableResult:
    table: str
    source_rows: int
    target_rows: int
    source_sum: str
    target_sum: str

    @property
    def ok(self) -> bool:
        return self.source_rows == self.target_rows and self.source_sum == self.target_sum


@dataclass
class TransferReport:
    tables: list[TableResult] = field(default_factory=list)
    audit_records: int = 0
    audit_problems: int = 0
    seconds: float = 0.0
    restarted: bool = False  # an interrupted move was found and started over

    @property
    def ok(self) -> bool:
        return all(t.ok for t in self.tables) and self.audit_problems == 0


def tables() -> list[Table]:
    import itatui.store.models  # noqa: F401  registers every table

    return list(SQLModel.metadata.sorted_tables)  # parents before children


def _canonical(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.replace(tzinfo=None).isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    if hasattr(value, "value") and not isinstance(value, int | str):  # an enum
        return value.value
    return value


def _order(table: Table) -> list:
    return list(table.primary_key.columns) or list(table.columns)


def table_digest(conn: Connection, table: Table) -> tuple[int, str]:
    """Row count and SHA-256 of the table's rows, in primary-key order, in a form both engines agree on."""
    digest = hashlib.sha256()
    count = 0
    result = conn.execution_options(yield_per=BATCH).execute(select(table).order_by(*_order(table)))
    for row in result:
        values = [_canonical(v) for v in row]
        digest.update(json.dumps(values, ensure_ascii=False, sort_keys=True, default=str).encode("utf-8"))
        digest.update(b"\n")
        count += 1
    return count, digest.hexdigest()


def _has_rows(conn: Connection) -> bool:
    return any(conn.execute(select(func.count()).select_from(t)).scalar() for t in tables())


def _marker_present(conn: Connection) -> bool:
    from sqlalchemy import inspect

    return MARKER in inspect(conn).get_table_names()


def _empty_target(conn: Connection) -> None:
    """Empty a half-copied target. Its audit log is append-only (triggers): they are lifted for this one
    transaction, which only ever removes rows this same move copied in, and restored before it commits."""
    sqlite = conn.dialect.name == "sqlite"
    if sqlite:
        triggers = conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type='trigger' AND tbl_name='auditlog'").all()
        for name, _sql in triggers:
            conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
    else:
        conn.exec_driver_sql("ALTER TABLE auditlog DISABLE TRIGGER USER")
    for table in reversed(tables()):
        conn.execute(table.delete())
    if sqlite:
        for _name, sql in triggers:
            conn.exec_driver_sql(sql)
        conn.exec_driver_sql("INSERT INTO complaint_fts(complaint_fts) VALUES ('rebuild')")
    else:
        conn.exec_driver_sql("ALTER TABLE auditlog ENABLE TRIGGER USER")


def _reset_sequences(conn: Connection) -> None:
    """PostgreSQL hands out ids from sequences: move each past the ids just copied."""
    if conn.dialect.name != "postgresql":
        return
    for table in tables():
        pk = list(table.primary_key.columns)
        if len(pk) == 1 and pk[0].autoincrement in (True, "auto") and str(pk[0].type).upper().startswith(("INTEGER", "BIGINT")):
            conn.execute(text(
                f"SELECT setval(pg_get_serial_sequence(:t, :c), COALESCE((SELECT max(\"{pk[0].name}\") FROM \"{table.name}\"), 0) + 1, false)"
            ), {"t": f'"{table.name}"', "c": pk[0].name})


def migrate(
    source: Engine,
    target: Engine,
    *,
    progress: Callable[[str, int, int], None] | None = None,
) -> TransferReport:
    """Copy every row of ``source`` into the empty ``target`` and compare. ``progress(table, done, total)``."""
    from itatui.store.audit import verify_chain

    started = time.perf_counter()
    report = TransferReport()
    with target.begin() as conn:
        if _marker_present(conn):
            _empty_target(conn)  # a move that did not finish: start again from nothing
            report.restarted = True
        elif _has_rows(conn):
            raise TransferError("ops.transfer.target_not_empty")
        else:
            conn.exec_driver_sql(f"CREATE TABLE {MARKER} (started TEXT)")
            conn.execute(text(f"INSERT INTO {MARKER} VALUES (:t)"), {"t": datetime.now().isoformat()})
    with source.connect() as src:
        for table in tables():
            total = src.execute(select(func.count()).select_from(table)).scalar() or 0
            done = 0
            result = src.execution_options(yield_per=BATCH).execute(select(table).order_by(*_order(table)))
            while True:
                rows = result.fetchmany(BATCH)
                if not rows:
                    break
                with target.begin() as conn:
                    conn.execute(table.insert(), [dict(r._mapping) for r in rows])
                done += len(rows)
                if progress is not None:
                    progress(table.name, done, total)
            if progress is not None and total == 0:
                progress(table.name, 0, 0)
    with target.begin() as conn:
        _reset_sequences(conn)
    # The proof: counts and checksums per table, the audit chain on the target.
    with source.connect() as src, target.connect() as dst:
        for table in tables():
            n1, s1 = table_digest(src, table)
            n2, s2 = table_digest(dst, table)
            report.tables.append(TableResult(table.name, n1, n2, s1, s2))
    with Session(target) as s:
        report.audit_records, breaks = verify_chain(s)
        report.audit_problems = len(breaks)
    if report.ok:
        with target.begin() as conn:
            conn.exec_driver_sql(f"DROP TABLE {MARKER}")
    report.seconds = time.perf_counter() - started
    return report
