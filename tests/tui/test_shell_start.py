"""How the shell starts when it opens the database itself (``itatui`` / ``ItaApp(db=...)``): the log-in screen
comes first, the database is opened in a worker meanwhile, and a password typed before it is open waits for it."""

from __future__ import annotations

import subprocess
import sys
import threading

from textual.widgets import Input, Static

from itatui.store.org import save_organisation
from itatui.tui.app import ItaApp
from itatui.tui.shell.login import LoginScreen
from itatui.tui.widgets.title_bar import TitleBar
from tests.tui.pilot_util import wait_until


def test_log_in_screen_modules_do_not_import_the_database_layer():
    # The log-in screen is up before SQLAlchemy/SQLModel are imported (they cost more than Textual itself).
    code = (
        "import sys, itatui.tui.app, itatui.tui.shell.login\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'sqlmodel', 'pydantic', 'argon2'))\n"
        "print(heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


async def test_opens_the_database_itself_and_fills_in_the_organisation(engine, admin, db_path):
    save_organisation(engine, admin, "เทศบาลตำบลเขมราฐ", "เขมราฐ", "อุบลราชธานี")
    app = ItaApp(db=str(db_path))
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            login = app.screen
            assert isinstance(login, LoginScreen)
            assert str(login.query_one("#login-org", Static).render()) == "เทศบาลตำบลเขมราฐ"
            assert str(login.query_one(TitleBar).render()) == "เทศบาลตำบลเขมราฐ"
            login.query_one("#username", Input).value = "admin"
            password = login.query_one("#password", Input)
            password.value = "admin-pass-1"
            password.focus()
            await pilot.press("enter")
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            assert app.ctx is not None and app.ctx.organisation_name == "เทศบาลตำบลเขมราฐ"
            assert app.current_mode == "plan"
    finally:
        app.close_database()


async def test_a_password_typed_before_the_database_is_open_waits_for_it(engine, admin, db_path, monkeypatch):
    import itatui.store.bootstrap as bootstrap

    release = threading.Event()
    real_open = bootstrap.open_database

    def slow_open(db):  # noqa: ANN001, ANN202 - a database that takes its time to open
        release.wait(10)
        return real_open(db)

    monkeypatch.setattr(bootstrap, "open_database", slow_open)
    app = ItaApp(db=str(db_path))
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            login = app.screen
            assert isinstance(login, LoginScreen) and app.engine is None
            login.query_one("#username", Input).value = "admin"
            password = login.query_one("#password", Input)
            password.value = "admin-pass-1"
            password.focus()
            await pilot.press("enter")
            status = login.query_one("#login-error", Static)
            await wait_until(pilot, lambda: str(status.render()) == "กำลังตรวจสอบ…", what="the log-in to be checking")
            assert app.screen is login and app.ctx is None  # still waiting for the database
            release.set()
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            assert app.ctx is not None and app.ctx.actor.username == "admin"
            assert app.current_mode == "plan"
    finally:
        release.set()
        app.close_database()


async def test_a_database_that_cannot_be_opened_ends_the_run_with_the_reason(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    app = ItaApp(db=str(blocker / "sub" / "x.db"))  # its folder cannot be made: a file is in the way
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.return_code is not None, what="the app to end")
    assert app.return_code == 1
