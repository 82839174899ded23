"""Snapshots of the shell at 80x24 (the smallest terminal we support): log-in, demo log-in, a mode, help.

Update after a deliberate change with ``pytest tests/tui/test_snapshots.py --snapshot-update`` and look at the
SVGs. The fiscal year is fixed so the header does not change every October.
"""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input

from itatui.store.demo import prepare_demo
from itatui.store.org import save_organisation
from itatui.tui.app import ItaApp

SIZE = (80, 24)


async def _settle(pilot: Pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False  # a blinking cursor would make the picture depend on timing
    await pilot.pause()


async def _log_in(pilot: Pilot) -> None:
    await _settle(pilot)
    pilot.app.screen.query_one("#username", Input).value = "admin"
    password = pilot.app.screen.query_one("#password", Input)
    password.value = "admin-pass-1"
    password.focus()
    await pilot.press("enter")
    await _settle(pilot)


def test_login_screen(snap_compare, engine, admin):
    save_organisation(engine, admin, "เทศบาลตำบลเขมราฐ", "เขมราฐ", "อุบลราชธานี")
    assert snap_compare(ItaApp(engine, fiscal_year=2569), terminal_size=SIZE, run_before=_settle)


def test_demo_login_screen(snap_compare, engine):
    prepare_demo(engine)
    assert snap_compare(ItaApp(engine, demo=True, fiscal_year=2569), terminal_size=SIZE, run_before=_settle)


def test_shell_on_the_committees_screen(snap_compare, engine, admin):
    save_organisation(engine, admin, "เทศบาลตำบลเขมราฐ", "เขมราฐ", "อุบลราชธานี")

    async def run_before(pilot: Pilot) -> None:
        await _log_in(pilot)
        await pilot.press("4")  # every mode is built now: the committees' screen, no round opened yet
        await pilot.pause()

    assert snap_compare(ItaApp(engine, fiscal_year=2569), terminal_size=SIZE, run_before=run_before)


def test_help_over_the_shell(snap_compare, engine, admin):
    save_organisation(engine, admin, "เทศบาลตำบลเขมราฐ", "เขมราฐ", "อุบลราชธานี")

    async def run_before(pilot: Pilot) -> None:
        await _log_in(pilot)
        await pilot.press("4", "question_mark")
        await pilot.pause()

    assert snap_compare(ItaApp(engine, fiscal_year=2569), terminal_size=SIZE, run_before=run_before)
