"""Read-only commands (`status`, `kiosk`) never create a database, say which one they read, and have demo forms."""

from __future__ import annotations

import pytest

from itatui.cli import main
from itatui.paths import default_db_path, demo_db_path


def test_status_on_a_missing_database_creates_nothing_and_says_where(tmp_path, capsys):
    missing = tmp_path / "none.db"
    assert main(["--db", str(missing), "status", "ABC-DEF-2345"]) == 1
    assert not missing.exists()
    err = capsys.readouterr().err
    assert str(missing) in err and "itatui demo status" in err
    assert main(["status", "ABC-DEF-2345"]) == 1  # the default database is not created either
    assert not default_db_path().exists()


def test_kiosk_refuses_an_empty_or_missing_database(tmp_path, engine, db_path, capsys):
    assert main(["--db", str(tmp_path / "none.db"), "kiosk"]) == 1
    assert not (tmp_path / "none.db").exists()
    assert main(["--db", str(db_path), "kiosk"]) == 1  # migrated but empty: no organisation, no staff
    assert "หน่วยงาน" in capsys.readouterr().err


def test_demo_status_reads_the_demo_database(capsys):
    from sqlalchemy import text

    from itatui.store.bootstrap import open_database
    from itatui.store.complaints.seed import seed_complaints
    from itatui.store.demo import prepare_demo

    engine = open_database(str(demo_db_path()))
    prepare_demo(engine)
    seed_complaints(engine, 3, seed=1, years=1)
    with engine.connect() as conn:
        code = conn.execute(text("SELECT tracking_code FROM complaint LIMIT 1")).scalar_one()
    engine.dispose()
    capsys.readouterr()
    assert main(["demo", "status", code]) == 0
    captured = capsys.readouterr()
    assert "เทศบาลตำบลเขมราฐ" in captured.out and str(demo_db_path()) in captured.err
    assert not default_db_path().exists()


@pytest.mark.parametrize("argv", [["demo", "kiosk"]])
def test_demo_kiosk_without_the_demo_database_says_so(argv, capsys):
    assert main(argv) == 1
    assert str(demo_db_path()) in capsys.readouterr().err and not demo_db_path().exists()
