"""The log-in screen on a bare host App: success, failure in Thai, the core's slow-down, demo accounts."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

from sqlmodel import select
from textual.app import App
from textual.widgets import Input, Static

from itatui.domain.roles import Role
from itatui.store import accounts
from itatui.store.db import write_scope
from itatui.store.models import User
from itatui.store.models.base import utcnow
from itatui.tui.shell.login import DemoLine, LoginResult, LoginScreen

CSS = str(Path(__file__).resolve().parents[2] / "src/itatui/tui/app.tcss")


class Host(App[None]):
    CSS_PATH = CSS

    def __init__(self, screen: LoginScreen) -> None:
        super().__init__()
        self.login = screen
        self.results: list[LoginResult | None] = []

    def on_mount(self) -> None:
        self.push_screen(self.login, self.results.append)


async def _log_in(pilot, username: str, password: str) -> None:  # noqa: ANN001
    screen = pilot.app.login
    screen.query_one("#username", Input).focus()
    await pilot.press(*username, "enter")
    await pilot.press(*password, "enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _error(screen: LoginScreen) -> str:
    return str(screen.query_one("#login-error", Static).render())


async def test_login_success_returns_the_user(engine, admin):
    accounts.create_user(engine, admin, "somchai", "password-1", {Role.PLAN_OFFICER}, "สมชาย ใจดี")
    app = Host(LoginScreen(engine))
    async with app.run_test(size=(80, 24)) as pilot:
        await _log_in(pilot, "somchai", "password-1")
        assert len(app.results) == 1
        result = app.results[0]
        assert result is not None and result.user.username == "somchai"
        assert result.user.full_name == "สมชาย ใจดี"
        assert Role.PLAN_OFFICER in result.user.actor().roles
        assert app.screen is not app.login  # the log-in screen is gone


async def test_wrong_password_shows_thai_error_and_clears_password(engine, admin):
    app = Host(LoginScreen(engine))
    async with app.run_test(size=(80, 24)) as pilot:
        await _log_in(pilot, "admin", "wrong-password")
        assert app.results == []
        assert _error(app.login) == "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง"
        assert app.login.query_one("#username", Input).value == "admin"  # kept
        password = app.login.query_one("#password", Input)
        assert password.value == "" and password.has_focus


async def test_repeated_failures_show_the_wait(engine, admin):
    # Many failures happened just now (the core's slow-down is tested in tests/store): the screen shows the wait,
    # and even the right password is refused until it is over.
    from itatui.store.accounts.login_throttle import note_failure

    with write_scope(engine) as s:  # failures are counted per typed name, capped at a minute's wait
        for _ in range(accounts.FREE_FAILURES + 5):
            note_failure(s, "admin", utcnow())
    app = Host(LoginScreen(engine))
    async with app.run_test(size=(80, 24)) as pilot:
        await _log_in(pilot, "admin", "admin-pass-1")
        assert app.results == []
        wait = re.fullmatch(r"ใส่รหัสผ่านผิดหลายครั้ง กรุณารอ (\d+) วินาทีแล้วลองใหม่", _error(app.login))
        assert wait and 30 <= int(wait.group(1)) <= 61


async def test_empty_fields_are_named(engine, admin):
    app = Host(LoginScreen(engine))
    async with app.run_test(size=(80, 24)) as pilot:
        app.login.query_one("#password", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert _error(app.login) == "กรุณากรอก ชื่อผู้ใช้"
        assert app.login.query_one("#username", Input).has_focus


async def test_demo_accounts_are_listed(engine, admin):
    demo = [DemoLine("plan", "demo-plan", "เจ้าหน้าที่แผน"), DemoLine("viewer", "demo-viewer", "ผู้อ่านอย่างเดียว")]
    app = Host(LoginScreen(engine, demo_accounts=demo))
    async with app.run_test(size=(80, 24)):
        lines = [str(s.render()) for s in app.login.query(".demo-line")]
        roles = [str(s.render()) for s in app.login.query(".demo-role")]
        assert lines == ["plan / demo-plan", "viewer / demo-viewer"]
        assert roles == ["เจ้าหน้าที่แผน", "ผู้อ่านอย่างเดียว"]
