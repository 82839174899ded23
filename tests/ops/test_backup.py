"""Backups and restore: ``itatui backup``, the daily backup's rules, ``itatui restore`` and what it refuses."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from itatui.cli import main
from itatui.store import audit
from itatui.store.backup import backup_due, backup_dir, list_backups, make_backup, set_backup_settings
from itatui.store.complaints.seed import seed_complaints
from itatui.store.db import write_scope
from itatui.store.org import save_organisation
from itatui.store.verify import verify_file


@pytest.fixture
def office(engine, admin):
    save_organisation(engine, admin, "เทศบาลตำบลเขมราฐ", "เขมราฐ", "อุบลราชธานี")
    seed_complaints(engine, 40, seed=3)
    return engine


def _count(path: Path, table: str) -> int:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]


def test_backup_goes_to_the_backups_folder_checked(office, db_path):
    result = make_backup(office)
    assert result.ok and result.path is not None
    assert result.path.parent == db_path.parent / "backups"
    assert result.path.name.startswith("test-") and result.path.suffix == ".db"
    assert _count(result.path, "complaint") == 40
    assert result.audit_records == _count(db_path, "auditlog") > 0
    # the copy is a plain file, whole on its own (no -wal beside it)
    assert not Path(str(result.path) + "-wal").exists()
    assert verify_file(result.path).ok
    assert list_backups(db_path)[0].path == result.path


def test_keeps_only_the_last_n(office, db_path, admin):
    set_backup_settings(office, admin, keep=3)
    start = datetime(2026, 11, 1, 9, 0)
    made = [make_backup(office, now=start + timedelta(days=i)).path for i in range(5)]
    left = [b.path for b in list_backups(db_path)]
    assert left == list(reversed(made[-3:]))
    assert not made[0].exists() and not made[1].exists()


def test_backup_folder_setting_and_pointer(office, db_path, admin, tmp_path):
    usb = tmp_path / "usb" / "itatui"
    set_backup_settings(office, admin, folder=str(usb))
    result = make_backup(office)
    assert result.path is not None and result.path.parent == usb
    # a damaged database cannot read its settings: the pointer beside it still finds the folder
    assert backup_dir(db_path) == usb.resolve()


def test_daily_backup_is_due_once_a_day(office):
    assert backup_due(office)
    make_backup(office)
    assert not backup_due(office)
    assert backup_due(office, now=datetime.now() + timedelta(days=1))


def test_a_backup_failing_its_check_is_not_kept(office, db_path):
    # an audit record altered in the database: the backup copies it faithfully, and its check refuses it
    # someone edits the file behind the app's back (past the append-only triggers)
    with closing(sqlite3.connect(db_path)) as conn:
        conn.execute("DROP TRIGGER IF EXISTS auditlog_no_update")
        conn.execute("""UPDATE auditlog SET after = '{"x": 1}' WHERE id = (SELECT min(id) FROM auditlog)""")
        conn.commit()
    result = make_backup(office)
    assert not result.ok and result.path is None
    assert any("แฮช" in p or "hash" in p.lower() for p in result.problems)
    assert list_backups(db_path) == []
    assert not any(p.name.endswith(".part") for p in (db_path.parent / "backups").iterdir())


def test_cli_backup_to_a_file_and_restore(office, db_path, tmp_path, capsys, admin):
    out = tmp_path / "copy.db"
    assert main(["--db", str(db_path), "backup", "-o", str(out)]) == 0
    assert "สำรองข้อมูลแล้ว" in capsys.readouterr().out
    # after the backup: more complaints, then the office restores the copy
    seed_complaints(office, 10, seed=4)
    assert _count(db_path, "complaint") == 50
    office.dispose()
    assert main(["--db", str(db_path), "restore", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "กู้คืนฐานข้อมูล" in printed and "เรื่องร้องเรียน: 40" in printed
    assert _count(db_path, "complaint") == 40
    aside = [p for p in db_path.parent.iterdir() if ".before-restore-" in p.name and not p.name.endswith(("-wal", "-shm"))]
    assert len(aside) == 1 and _count(aside[0], "complaint") == 50
    assert verify_file(db_path).ok


def test_restore_refuses_a_foreign_file_and_leaves_the_database(office, db_path, tmp_path, capsys):
    other = tmp_path / "other.db"
    with closing(sqlite3.connect(other)) as conn:
        conn.execute("CREATE TABLE notes(x)")
        conn.commit()
    before = _count(db_path, "complaint")
    assert main(["--db", str(db_path), "restore", str(other)]) == 1
    err = capsys.readouterr().err
    assert "ไม่กู้คืน" in err and "โปรแกรมอื่น" in err
    assert _count(db_path, "complaint") == before
    assert not [p for p in db_path.parent.iterdir() if ".before-restore-" in p.name]


def test_restore_refuses_a_damaged_backup(office, db_path, tmp_path, capsys):
    copy = make_backup(office).path
    assert copy is not None
    data = bytearray(copy.read_bytes())
    page = 4096
    for i in range(page * 3, len(data) - page, page * 2):  # damage the middle of every other page
        for j in range(64):
            data[i + 1000 + j] ^= 0xA5
    bad = tmp_path / "bad.db"
    bad.write_bytes(bytes(data))
    assert main(["--db", str(db_path), "restore", str(bad)]) == 1
    assert "ไม่กู้คืน" in capsys.readouterr().err


def test_restore_refuses_a_newer_schema(office, db_path, tmp_path, capsys):
    copy = make_backup(office).path
    with closing(sqlite3.connect(copy)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
        conn.commit()
    assert main(["--db", str(db_path), "restore", str(copy)]) == 1
    assert "รุ่นที่ใหม่กว่า" in capsys.readouterr().err


def test_backup_settings_are_for_administrators(office):
    from itatui.domain.roles import Actor, PermissionDenied, Role

    viewer = Actor(user_id=99, username="v", roles=frozenset({Role.VIEWER}))
    with pytest.raises(PermissionDenied):
        set_backup_settings(office, viewer, keep=2)
    with write_scope(office) as s:
        assert audit.verify_chain(s)[1] == []
