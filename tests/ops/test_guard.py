"""Files that are not the app's, or not whole: refused with a Thai message naming the newest good backup."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from itatui.cli import main
from itatui.store.backup import make_backup
from itatui.store.bootstrap import open_database
from itatui.store.complaints.seed import seed_complaints
from itatui.store.guard import APPLICATION_ID, DatabaseRefused, read_application_id
from itatui.store.org import save_organisation


def _tables(path: Path) -> set[str]:
    with closing(sqlite3.connect(path)) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def _run(capsys, *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out + out.err


def test_new_database_is_marked(engine, db_path):
    assert read_application_id(db_path) == APPLICATION_ID


def test_existing_unmarked_itatui_database_is_marked_when_opened(engine, db_path):
    engine.dispose()
    with closing(sqlite3.connect(db_path)) as conn:
        conn.execute("PRAGMA application_id=0")
        conn.commit()
    assert read_application_id(db_path) == 0
    open_database(str(db_path)).dispose()
    assert read_application_id(db_path) == APPLICATION_ID


def test_foreign_sqlite_file_is_refused_untouched(tmp_path, capsys):
    other = tmp_path / "accounts.sqlite"
    with closing(sqlite3.connect(other)) as conn:
        conn.execute("CREATE TABLE ledger(id INTEGER PRIMARY KEY, amount INTEGER)")
        conn.commit()
    before = other.read_bytes()
    code, out = _run(capsys, "--db", str(other), "status", "K7M-4QX-9PWA")
    assert code == 1 and "โปรแกรมอื่น" in out and "Traceback" not in out
    assert other.read_bytes() == before and _tables(other) == {"ledger"}
    code, out = _run(capsys, "--db", str(other), "check")
    assert code == 1 and "โปรแกรมอื่น" in out


def test_other_application_id_is_refused(tmp_path):
    other = tmp_path / "x.db"
    with closing(sqlite3.connect(other)) as conn:
        conn.execute("PRAGMA application_id=1234")
        conn.execute("CREATE TABLE t(x)")
        conn.commit()
    with pytest.raises(DatabaseRefused) as info:
        open_database(str(other))
    assert info.value.key == "ops.db.foreign"


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda p: p.write_text("ชื่อ,ที่อยู่\nสมชาย,เขมราฐ\n", encoding="utf-8"), "ไม่ใช่ไฟล์ฐานข้อมูล SQLite"),
        (lambda p: p.mkdir(), "เป็นโฟลเดอร์"),
    ],
    ids=["text-file", "folder"],
)
def test_not_a_database(tmp_path, capsys, make, words):
    path = tmp_path / "itatui.db"
    make(path)
    code, out = _run(capsys, "--db", str(path), "status", "K7M-4QX-9PWA")
    assert code == 1 and words in out and "Traceback" not in out


@pytest.fixture
def office_with_backup(engine, admin, db_path):
    save_organisation(engine, admin, "เทศบาลตำบลเขมราฐ", "เขมราฐ", "อุบลราชธานี")
    seed_complaints(engine, 60, seed=5)
    backup = make_backup(engine).path
    engine.dispose()
    with closing(sqlite3.connect(db_path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return backup


def test_read_only_file_names_the_backup(office_with_backup, db_path, capsys):
    os.chmod(db_path, 0o444)
    try:
        code, out = _run(capsys, "--db", str(db_path), "status", "K7M-4QX-9PWA")
    finally:
        os.chmod(db_path, 0o644)
    assert code == 1 and "อ่านอย่างเดียว" in out
    assert str(office_with_backup) in out and "itatui restore" in out


def test_corrupted_header_names_the_backup(office_with_backup, db_path, capsys):
    data = bytearray(db_path.read_bytes())
    data[0:16] = b"garbage garbage!"
    db_path.write_bytes(bytes(data))
    code, out = _run(capsys, "--db", str(db_path), "status", "K7M-4QX-9PWA")
    assert code == 1 and "ไม่ใช่ไฟล์ฐานข้อมูล SQLite" in out and str(office_with_backup) in out


def test_pages_flipped_mid_file_give_a_message_not_a_traceback(office_with_backup, db_path, capsys):
    data = bytearray(db_path.read_bytes())
    page = 4096
    for start in range(page * 2, len(data), page):  # every page after the schema: nothing readable is left
        for j in range(start + 8, start + 200):
            data[j] ^= 0xFF
    db_path.write_bytes(bytes(data))
    for argv in (["check"], ["export", "plan", "--format", "json", "-o", str(db_path.parent / "o.json")]):
        code, out = _run(capsys, "--db", str(db_path), *argv)
        assert code == 1 and "Traceback" not in out
        assert "เสียหาย" in out, out
    assert str(office_with_backup) in out


def test_check_finds_flipped_bytes_inside_row_text(engine, admin, db_path, capsys):
    save_organisation(engine, admin, "เทศบาลตำบลเขมราฐ", "เขมราฐ", "อุบลราชธานี")
    seed_complaints(engine, 30, seed=9)
    with engine.connect() as conn:
        subject = conn.exec_driver_sql("SELECT subject FROM complaint WHERE id = 7").scalar()
    engine.dispose()
    with closing(sqlite3.connect(db_path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(db_path.read_bytes())
    at = data.find(subject.encode("utf-8"))
    assert at > 0
    for j in range(at, at + min(len(subject.encode()), 256)):
        data[j] ^= 0x5A  # the row's structure is untouched: SQLite's integrity_check still says "ok"
    db_path.write_bytes(bytes(data))
    with closing(sqlite3.connect(db_path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    code, out = _run(capsys, "--db", str(db_path), "check")
    assert code == 1
    assert "ข้อความเสียหายในตาราง complaint คอลัมน์ subject แถว 7" in out
