"""Databases written by each released schema (fixtures made by the old code: tests/data/make_upgrade_fixture.py)
upgrade to the current head with every record intact, the audit chain whole, and the same schema as a new one."""

from __future__ import annotations

import gzip
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from itatui.cli import main
from itatui.store.bootstrap import open_database
from itatui.store.guard import APPLICATION_ID, read_application_id
from itatui.store.integrity import check_database, script_head

DATA = Path(__file__).resolve().parents[1] / "data"
# schema revision -> the commit whose code made the fixture
FIXTURES = {"0001": "4f4b9bd", "0002": "803183c"}


def _unpack(revision: str, tmp_path: Path) -> Path:
    out = tmp_path / f"office-{revision}.db"
    out.write_bytes(gzip.decompress((DATA / f"schema-{revision}.db.gz").read_bytes()))
    return out


def _rows(path: Path) -> dict[str, tuple[list[str], list[tuple]]]:
    """Every table's columns and rows (ordered by rowid), as stored."""
    with closing(sqlite3.connect(path)) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'complaint_fts%'"
            " AND name <> 'alembic_version'")]
        out = {}
        for table in tables:
            cols = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
            out[table] = (cols, conn.execute(f'SELECT {", ".join(chr(34) + c + chr(34) for c in cols)} FROM "{table}" ORDER BY rowid').fetchall())
        return out


def _schema(path: Path) -> dict[str, object]:
    with closing(sqlite3.connect(path)) as conn:
        names = sorted(conn.execute("SELECT type, name, tbl_name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").fetchall())
        columns = {t: [r[1:4] for r in conn.execute(f'PRAGMA table_info("{t}")')] for _, t, _ in names if _ == "table"}
    return {"objects": names, "columns": columns}


@pytest.mark.parametrize("revision", sorted(FIXTURES))
def test_fixture_upgrades_with_every_record_intact(revision, tmp_path, capsys):
    path = _unpack(revision, tmp_path)
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == revision
    before = _rows(path)
    assert sum(len(rows) for _, rows in before.values()) > 30  # the fixture holds real records

    open_database(str(path)).dispose()

    after = _rows(path)
    for table, (cols, rows) in before.items():
        new_cols, new_rows = after[table]
        keep = [new_cols.index(c) for c in cols]  # columns added by later migrations are allowed
        assert [tuple(r[i] for i in keep) for r in new_rows] == rows, table
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == script_head()
    assert read_application_id(path) == APPLICATION_ID
    engine = open_database(str(path))
    try:
        # Complaints seeded by the old code carry no per-complaint creation record (that check is newer than
        # the data); everything else must pass.
        assert [p for p in check_database(engine) if p.key != "shell.check.no_creation_record"] == []
    finally:
        engine.dispose()
    # the same schema as a database made new today
    fresh = tmp_path / "fresh.db"
    open_database(str(fresh)).dispose()
    assert _schema(path) == _schema(fresh)
    # and the app works on it: a complaint from the fixture is found by its tracking code
    with closing(sqlite3.connect(path)) as conn:
        code = conn.execute("SELECT tracking_code FROM complaint LIMIT 1").fetchone()
    if code is not None:
        assert main(["--db", str(path), "status", code[0]]) == 0
        assert capsys.readouterr().out.strip()
