"""The app's start-up backup and the header's backup age (amber after 7 days)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import datetime, timedelta

from textual.widgets import Input
from textual.widgets._header import HeaderTitle

from itatui.store.backup import list_backups, make_backup
from itatui.store.org import save_organisation
from itatui.tui.app import ItaApp
from itatui.tui.shell.backup_status import AMBER


async def _log_in(pilot) -> None:  # noqa: ANN001
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    pilot.app.screen.query_one("#username", Input).value = "admin"
    password = pilot.app.screen.query_one("#password", Input)
    password.value = "admin-pass-1"
    password.focus()
    await pilot.press("enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _header(app: ItaApp):  # noqa: ANN202
    return app.screen.query_one(HeaderTitle).render()


async def test_start_makes_todays_backup_and_shows_it(engine, admin, db_path):
    save_organisation(engine, admin, "เทศบาลตำบลเขมราฐ", "เขมราฐ", "อุบลราชธานี")
    app = ItaApp(engine, backups=True, fiscal_year=2569)
    async with app.run_test(size=(100, 24)) as pilot:
        await _log_in(pilot)
        assert len(list_backups(db_path)) == 1
        assert "สำรองวันนี้" in str(_header(app))
    # a second start the same day makes no second backup
    app = ItaApp(engine, backups=True, fiscal_year=2569)
    async with app.run_test(size=(100, 24)) as pilot:
        await _log_in(pilot)
        assert len(list_backups(db_path)) == 1


async def test_old_backup_is_amber_and_told(engine, admin, db_path):
    save_organisation(engine, admin, "เทศบาลตำบลเขมราฐ", "เขมราฐ", "อุบลราชธานี")
    old = make_backup(engine, now=datetime.now() - timedelta(days=9)).path
    assert old is not None
    # since then an audit record was altered: today's backup fails its check and is not kept
    with closing(sqlite3.connect(db_path)) as conn:  # behind the app's back, past the append-only triggers
        conn.execute("DROP TRIGGER IF EXISTS auditlog_no_update")
        conn.execute("UPDATE auditlog SET after = '{}' WHERE id = (SELECT min(id) FROM auditlog)")
        conn.commit()
    app = ItaApp(engine, backups=True, fiscal_year=2569)
    async with app.run_test(size=(100, 24)) as pilot:
        await _log_in(pilot)
        header = _header(app)
        shown = str(header)
        assert "สำรอง 9 วันก่อน" in shown
        spans = [shown[s.start : s.end] for s in header.spans if str(s.style) == AMBER]
        assert spans == ["สำรอง 9 วันก่อน"]
        told = [str(n.message) for n in app._notifications]
        assert any("สำรองข้อมูลอัตโนมัติไม่สำเร็จ" in m for m in told)
    assert [b.path for b in list_backups(db_path)] == [old]


async def test_fresh_backup_is_not_amber(engine, admin, db_path):
    save_organisation(engine, admin, "เทศบาลตำบลเขมราฐ", "เขมราฐ", "อุบลราชธานี")
    make_backup(engine, now=datetime.now() - timedelta(days=3))
    app = ItaApp(engine, backups=True, fiscal_year=2569)
    async with app.run_test(size=(100, 24)) as pilot:
        await _log_in(pilot)
        header = _header(app)
        # today's backup is made at start; the note then says today, not amber
        assert "สำรองวันนี้" in str(header)
        assert not [s for s in header.spans if str(s.style) == AMBER]


async def test_engine_passed_in_makes_no_backup(engine, admin, db_path):
    save_organisation(engine, admin, "เทศบาลตำบลเขมราฐ", "เขมราฐ", "อุบลราชธานี")
    app = ItaApp(engine, fiscal_year=2569)
    async with app.run_test(size=(100, 24)) as pilot:
        await _log_in(pilot)
        assert list_backups(db_path) == [] and "สำรอง" not in str(_header(app))
