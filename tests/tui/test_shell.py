"""The whole shell (ItaApp): start screen, log-in into the modes, keys 1-4, y, t, ?, the palette, ctrl+q."""

from __future__ import annotations

from textual.binding import Binding
from textual.command import CommandList, DiscoveryHit
from textual.screen import Screen
from textual.widgets import Input, Static

from itatui.domain.fiscal import current_fiscal_year
from itatui.store.org import save_organisation
from itatui.tui.app import ItaApp
from itatui.tui.commands import ScreenCommands, key_entries
from itatui.tui.shell.first_run import FirstRunScreen
from itatui.tui.shell.help import HelpScreen
from itatui.tui.shell.login import LoginScreen
from itatui.tui.shell.year_picker import YearPicker
from tests.tui.pilot_util import wait_until


async def _ready(pilot) -> None:  # noqa: ANN001
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def _log_in(pilot, username: str = "admin", password: str = "admin-pass-1") -> None:  # noqa: ANN001
    await _ready(pilot)
    assert isinstance(pilot.app.screen, LoginScreen)
    pilot.app.screen.query_one("#username", Input).value = username
    password_input = pilot.app.screen.query_one("#password", Input)
    password_input.value = password
    password_input.focus()
    await pilot.press("enter")
    await _ready(pilot)


def _header(app: ItaApp) -> str:
    # By its CSS type name: the HeaderTitle class itself is private to Textual.
    return str(app.screen.query_one("HeaderTitle").render())


async def test_empty_database_starts_with_first_run(engine):
    app = ItaApp(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(pilot)
        assert isinstance(app.screen, FirstRunScreen)
        await pilot.press("1")  # typed into the form, not a mode switch
        assert app.ctx is None and app.current_mode == "_default"


async def test_login_then_modes_on_keys(engine, admin):
    save_organisation(engine, admin, "เทศบาลตำบลเขมราฐ", "เขมราฐ", "อุบลราชธานี")
    app = ItaApp(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(pilot)
        await pilot.press("2")  # before log-in the digit goes into the username field
        assert app.current_mode == "_default"
        assert app.screen.query_one("#username", Input).value == "2"
        await _log_in(pilot)
        assert app.ctx is not None
        assert app.ctx.actor.username == "admin" and app.ctx.organisation_name == "เทศบาลตำบลเขมราฐ"
        assert app.current_mode == "plan"
        assert app.fiscal_year == current_fiscal_year()
        for key, mode in (("2", "risks"), ("4", "committees"), ("3", "complaints"), ("1", "plan")):
            await pilot.press(key)
            await pilot.pause()
            assert app.current_mode == mode
            assert "เทศบาลตำบลเขมราฐ" in _header(app)
        await pilot.press("4")
        await pilot.pause()
        line = str(app.screen.query_one("#round-line", Static).render())  # screen 4 is built: its round line
        assert "ยังไม่เปิด" in line
        assert _header(app) == "เทศบาลตำบลเขมราฐ — คณะกรรมการ · ปีงบฯ " + str(app.fiscal_year) + " · ผู้ดูแลระบบ"


async def test_year_picker_changes_the_header(engine, admin):
    app = ItaApp(engine, fiscal_year=2568)
    async with app.run_test(size=(80, 24)) as pilot:
        await _log_in(pilot)
        await pilot.press("2")
        assert "ปีงบฯ 2568" in _header(app)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, YearPicker)
        await pilot.press("up", "enter")  # the list runs newest first: up is the next year
        await pilot.pause()
        assert app.fiscal_year == 2569
        assert "ปีงบฯ 2569" in _header(app)
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("escape")  # cancel keeps the year
        await pilot.pause()
        assert app.fiscal_year == 2569 and not isinstance(app.screen, YearPicker)


async def test_t_toggles_thai_digits(engine, admin):
    app = ItaApp(engine, fiscal_year=2569)
    async with app.run_test(size=(80, 24)) as pilot:
        await _log_in(pilot)
        seen: list[bool] = []
        app.screen.watch(app, "thai_digits", lambda value: seen.append(value), init=False)
        await pilot.press("t")
        await pilot.pause()
        assert app.thai_digits is True and seen == [True]
        assert "ปีงบฯ ๒๕๖๙" in _header(app)
        await pilot.press("t")
        await pilot.pause()
        assert app.thai_digits is False and "ปีงบฯ 2569" in _header(app)


async def test_help_lists_the_screen_and_app_keys(engine, admin):
    app = ItaApp(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await _log_in(pilot)
        await pilot.press("2", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        listed = {(e.key, e.description) for e in app.screen.entries}
        for expected in [("1", "แผนปฏิบัติการ"), ("2", "ความเสี่ยงการทุจริต"), ("y", "ปีงบประมาณ"), ("t", "เลขไทย/อารบิก"), ("?", "วิธีใช้"), ("^q", "ออก")]:
            assert expected in listed
        assert not any(e.description == "Focus Next" for e in app.screen.entries)  # Textual's English defaults left out
        shown = str(app.screen.query_one("#help-app-keys", Static).render())
        assert "เลขไทย/อารบิก" in shown
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_help_on_a_form_lists_its_own_keys(engine):
    app = ItaApp(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(pilot)
        assert isinstance(app.screen, FirstRunScreen)
        await pilot.press("f1")  # "?" would be typed into the field
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        mine = [(e.key, e.description) for e in app.screen.entries if not e.app_wide]
        assert ("^s", "บันทึก") in mine
        # before log-in there is no mode to switch to, so the mode keys are not offered
        assert not any(e.key == "1" for e in app.screen.entries)


class ListScreen(Screen[None]):
    """Stands in for a mode screen with its own keys."""

    BINDINGS = [Binding("n", "new", "เพิ่ม"), Binding("slash", "search", "ค้นหา"), Binding("x", "hidden")]

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[str] = []

    def action_new(self) -> None:
        self.calls.append("new")

    def action_search(self) -> None:
        self.calls.append("search")


async def test_palette_offers_the_current_screens_commands(engine, admin):
    app = ItaApp(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await _log_in(pilot)
        screen = ListScreen()
        await app.push_screen(screen)
        provider = ScreenCommands(screen)
        hits = [hit async for hit in provider.discover()]
        assert all(isinstance(h, DiscoveryHit) for h in hits)
        assert [h.display for h in hits] == ["เพิ่ม", "ค้นหา"]  # only described keys, none of the app's
        await hits[0].command()
        assert screen.calls == ["new"]
        found = [hit async for hit in provider.search("ค้น")]
        assert [str(h.text) for h in found] == ["ค้นหา"]
        # app commands: switch mode, year, digits, help, quit
        titles = [c.title for c in app.get_system_commands(screen)]
        assert "ไปที่: ความเสี่ยงการทุจริต" in titles and "เปลี่ยนปีงบประมาณ" in titles
        assert "สลับเลขไทย/อารบิก" in titles and "ออกจากโปรแกรม" in titles
        assert {e.description for e in key_entries(screen) if not e.app_wide} == {"เพิ่ม", "ค้นหา"}


async def test_palette_runs_an_app_command(engine, admin):
    app = ItaApp(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await _log_in(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        app.screen.query_one(Input).value = "ไปที่: คณะ"
        commands = app.screen.query_one(CommandList)
        await wait_until(pilot, lambda: commands.option_count > 0, what="the palette's matches")
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_mode == "committees"


async def test_ctrl_q_quits(engine, admin):
    app = ItaApp(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await _log_in(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app._exit  # the app is closing
    assert app.return_code == 0


def test_english_with_itatui_lang(db_path, tmp_path):
    """ITATUI_LANG=en (or --lang en) before start: every shell text in English, keys included."""
    import os
    import subprocess
    import sys

    child = f"""
import asyncio
from itatui.store.bootstrap import open_database
from itatui.store.accounts import create_user
from itatui.domain.roles import Role
engine = open_database({str(db_path)!r})
create_user(engine, None, "admin", "admin-pass-1", {{Role.ADMIN}}, "Admin", first_admin=True)
from itatui.tui.app import ItaApp
from textual.widgets import Input, Label

async def main():
    app = ItaApp(engine, fiscal_year=2569)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete(); await pilot.pause()
        print("LABELS", [str(l.render()) for l in app.screen.query(Label)])
        app.screen.query_one("#username", Input).value = "admin"
        pw = app.screen.query_one("#password", Input); pw.value = "admin-pass-1"; pw.focus()
        await pilot.press("enter"); await app.workers.wait_for_complete(); await pilot.pause()
        await pilot.press("2"); await pilot.pause()
        print("SUB", app.sub_title)
        print("KEYS", sorted(b.binding.description for b in app.screen.active_bindings.values() if b.binding.show))
asyncio.run(main())
"""
    env = {**os.environ, "ITATUI_LANG": "en", "ITATUI_HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "LABELS ['Username', 'Password']" in out.stdout
    assert "SUB Risks · FY 2569 · Admin" in out.stdout
    assert "'Fiscal year'" in out.stdout and "'Quit'" in out.stdout and "'Help'" in out.stdout


async def test_help_over_a_modal_lists_the_modals_keys_and_question_mark_still_types(engine, admin):
    app = ItaApp(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await _ready(pilot)
        await pilot.press("question_mark")  # in the username field: typed, not help
        assert app.screen.query_one("#username", Input).value == "?"
        app.screen.query_one("#username", Input).value = ""
        await _log_in(pilot)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, YearPicker)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert [(e.key, e.description) for e in app.screen.entries if not e.app_wide] == [("esc", "ยกเลิก")]
        await pilot.press("question_mark")  # closes the help, back on the picker
        await pilot.pause()
        assert isinstance(app.screen, YearPicker)


async def test_ctrl_c_tells_how_to_quit_in_thai(engine, admin):
    app = ItaApp(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await _log_in(pilot)
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert [n.message for n in app._notifications] == ["กด Ctrl+Q เพื่อออกจากโปรแกรม"]
        assert app.is_running
