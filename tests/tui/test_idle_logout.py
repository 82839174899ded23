"""Idle log-out (issue 7, point 8): a desk left open on a screen with personal data logs out by itself."""

from __future__ import annotations

import asyncio

from itatui.domain.roles import Role
from itatui.store import accounts
from itatui.store.org import save_organisation
from itatui.tui.app import ItaApp
from textual.screen import Screen
from textual.widgets import Static

from itatui.tui.shell.login import LoginScreen
from tests.tui.test_shell import _log_in, _ready


class PersonalScreen(Screen[None]):
    """Stands for the case screen and the intake form (both carry the same flag; see test_security)."""

    SHOWS_PERSONAL_DATA = True

    def compose(self):  # noqa: ANN201
        yield Static("นางสาวบัวผัน ศรีสุขเกษม 081-234-5678")


async def test_idle_on_a_personal_data_screen_logs_out(engine, admin, monkeypatch):
    monkeypatch.setenv("ITATUI_IDLE_MINUTES", "0.05")  # 3 seconds
    save_organisation(engine, admin, "เทศบาลตำบลเขมราฐ")
    accounts.create_user(engine, admin, "desk", "desk-pass-1", {Role.COMPLAINT_OFFICER})
    app = ItaApp(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await _log_in(pilot, "desk", "desk-pass-1")
        assert app.ctx is not None
        await asyncio.sleep(4)  # idle on the plan table: no personal data, still logged in
        await pilot.pause()
        assert app.ctx is not None
        app.push_screen(PersonalScreen())
        await pilot.pause()
        await pilot.press("tab")  # a key counts as activity
        assert app.ctx is not None and isinstance(app.screen, PersonalScreen)
        await asyncio.sleep(4.5)
        await pilot.pause()
        assert app.ctx is None
        assert isinstance(app.screen, LoginScreen)
        assert not any(isinstance(s, PersonalScreen) for s in app.screen_stack)
