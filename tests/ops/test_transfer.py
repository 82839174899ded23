"""``itatui migrate-db``: SQLite -> PostgreSQL -> SQLite with counts, checksums and the audit chain proven; an
interrupted move runs again from the start without duplicates; a target holding data is never written."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from itatui.cli import main
from itatui.store.bootstrap import open_database
from itatui.store.complaints.seed import seed_complaints
from itatui.store.demo import prepare_demo
from itatui.store.integrity import check_database
from itatui.store.transfer import MARKER, TransferError, migrate, table_digest, tables


@pytest.fixture
def office(engine):
    prepare_demo(engine)  # the plan, every role's account, the investigators' sealed keys
    seed_complaints(engine, 150, seed=21)
    return engine


def _digests(engine) -> dict[str, tuple[int, str]]:  # noqa: ANN001
    with engine.connect() as conn:
        return {t.name: table_digest(conn, t) for t in tables()}


def test_sqlite_to_sqlite_via_the_command(office, db_path, tmp_path, capsys):
    target = tmp_path / "copy.db"
    assert main(["migrate-db", "--from", str(db_path), "--to", str(target)]) == 0
    out = capsys.readouterr()
    assert "complaint" in out.out and "ย้ายข้อมูลเสร็จและตรวจแล้ว" in out.out
    with office.connect() as conn:
        n = conn.execute(text("SELECT count(*) FROM complaint")).scalar()
    assert f"complaint: {n:,}/{n:,}" in out.err  # progress
    copy = open_database(str(target))
    try:
        assert _digests(copy) == _digests(office)
        assert check_database(copy) == []
        # the copy is a working database: search finds a complaint by a word of its subject
        with copy.connect() as conn:
            subject = conn.execute(text("SELECT subject FROM complaint WHERE id = 3")).scalar()
            hits = conn.execute(text("SELECT rowid FROM complaint_fts WHERE complaint_fts MATCH :q"), {"q": f'"{subject[:6]}"'}).all()
        assert (3,) in hits
    finally:
        copy.dispose()


def test_a_target_with_data_is_refused(office, tmp_path):
    other = open_database(str(tmp_path / "other.db"))
    try:
        seed_complaints(other, 3, seed=1)
        before = _digests(other)
        with pytest.raises(TransferError) as info:
            migrate(office, other)
        assert info.value.key == "ops.transfer.target_not_empty"
        assert _digests(other) == before
    finally:
        other.dispose()


class _Interrupt(Exception):
    pass


def _interrupted_then_rerun(source, target) -> None:  # noqa: ANN001
    def stop(table: str, done: int, total: int) -> None:
        if table == "complaintevent" and done >= 2000:
            raise _Interrupt  # the power goes off in the middle of the largest table

    with pytest.raises(_Interrupt):
        migrate(source, target, progress=stop)
    with target.connect() as conn, source.connect() as src:
        copied = conn.execute(text("SELECT count(*) FROM complaintevent")).scalar()
        assert 0 < copied < src.execute(text("SELECT count(*) FROM complaintevent")).scalar()  # half-copied
    report = migrate(source, target)
    assert report.restarted and report.ok
    assert _digests(target) == _digests(source)
    with target.connect() as conn:
        assert MARKER not in [r[0] for r in conn.execute(text(
            "SELECT name FROM sqlite_master" if target.dialect.name == "sqlite" else
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))]


def test_interrupted_move_reruns_without_duplicates(office, tmp_path):
    seed_complaints(office, 400, seed=22)  # enough events for more than one batch
    target = open_database(str(tmp_path / "copy.db"))
    try:
        _interrupted_then_rerun(office, target)
    finally:
        target.dispose()


@pytest.mark.postgres
def test_sqlite_to_postgresql_and_back(office, pg_engine, tmp_path):
    report = migrate(office, pg_engine)
    assert report.ok and report.audit_records > 0
    assert _digests(pg_engine) == _digests(office)
    assert check_database(pg_engine) == []
    # new rows on PostgreSQL get fresh ids (the sequences moved past the copied ones)
    seed_complaints(pg_engine, 5, seed=30)
    back = open_database(str(tmp_path / "back.db"))
    try:
        report = migrate(pg_engine, back)
        assert report.ok
        assert _digests(back) == _digests(pg_engine)
        assert check_database(back) == []
    finally:
        back.dispose()


@pytest.mark.postgres
def test_interrupted_move_to_postgresql_reruns_without_duplicates(office, pg_engine):
    seed_complaints(office, 400, seed=23)
    _interrupted_then_rerun(office, pg_engine)
