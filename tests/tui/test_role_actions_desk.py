"""Who may do what on screen 3 and in ``ctrl+o`` (the complaint queue, statistics, a general and a corruption
case, the office's units) and at the public kiosk, pressed through the real app logged in as each demo role; the table is ``SCREEN`` in
role_actions.py (test_role_actions.py drives screens 1 and 2, test_role_actions_committees.py screen 4)."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from tests.tui.pilot_util import type_text, wait_until
from tests.tui.role_actions import ROLES, SCREEN, USERS, YEAR, Prober, back_to, log_in

SCREEN_3 = ("desk.", "stats.", "intake.", "case.", "corruption.", "office.")  # and "kiosk.exit" below


async def _lookup(pilot, code: str) -> None:  # noqa: ANN001
    """``k`` on the queue and a tracking code, as the desk reads one out on the phone."""
    from itatui.tui.complaints.tracking_lookup import TrackingLookupScreen

    app = pilot.app
    await pilot.press("k")
    await wait_until(pilot, lambda: isinstance(app.screen, TrackingLookupScreen))
    await type_text(pilot, code + "\r")
    await wait_until(pilot, lambda: app.screen.status is not None, what="the public status")


async def _complaints(pilot, probe: Prober, role_office) -> None:  # noqa: ANN001
    from itatui.tui.complaints import actions, notices
    from itatui.tui.complaints.case import ComplaintCaseScreen
    from itatui.tui.complaints.intake import ComplaintIntakeForm
    from itatui.tui.complaints.link import LinkForm
    from itatui.tui.complaints.queue import ComplaintsScreen
    from itatui.tui.complaints.queue_filters import QueueFiltersForm
    from itatui.tui.complaints.receipt import ReceiptScreen
    from itatui.tui.complaints.reveal_identity import RevealIdentityForm
    from itatui.tui.complaints.stats import ComplaintStatsScreen
    from itatui.tui.reports.print_dialog import PrintDialog

    app, role = pilot.app, probe.role
    on_top = lambda kind: lambda: isinstance(app.screen, kind)  # noqa: E731
    await pilot.press("3")
    await wait_until(pilot, lambda: isinstance(app.screen, ComplaintsScreen) and app.screen.queue.current_row is not None,
                     what="the queue")
    queue = app.screen
    await probe("desk.open_case", "enter", on_top(ComplaintCaseScreen), own=False)
    await probe("desk.filters", "f", on_top(QueueFiltersForm))
    if await probe("desk.print", "p", on_top(PrintDialog), close=False):
        offered = [s.name for s in app.screen.specs]
        assert ("case-summary" in offered) == (role in SCREEN["desk.print_case_summary"]), offered
        probe.done.append("desk.print_case_summary")
        await back_to(pilot, queue)
    if await probe("desk.new", "n", on_top(ComplaintIntakeForm), close=False):
        kinds = app.screen.kinds
        assert ("general" in kinds, "corruption" in kinds) == (role in SCREEN["intake.general"], role in SCREEN["intake.corruption"])
        await back_to(pilot, queue)
    probe.done += ["intake.general", "intake.corruption"]  # the kinds the intake form offers (none without the form)

    assert await probe("desk.stats", "s", on_top(ComplaintStatsScreen), close=False)
    stats = app.screen
    await probe("stats.round", "r", lambda: stats.round_index == 1, close=False)
    await probe("stats.publish", "u", lambda: stats.publish, close=False)
    await probe("stats.print", "p", on_top(PrintDialog))
    await back_to(pilot, queue)

    # ---- an open general complaint, found by its tracking code
    assert await probe("desk.lookup", "k", lambda: True, close=False)
    await back_to(pilot, queue)
    await _lookup(pilot, role_office.general)
    await pilot.press("o")
    await wait_until(pilot, lambda: isinstance(app.screen, ComplaintCaseScreen) and app.screen.case is not None, what="the case")
    for action, key, form in (("forward", "f", actions.ForwardForm), ("assign", "a", actions.AssignForm),
                              ("investigate", "i", actions.InvestigateForm), ("note", "m", actions.NoteForm),
                              ("notice", "c", notices.NoticeForm), ("delay", "d", notices.DelayForm),
                              ("result", "r", notices.ResultForm), ("evidence", "e", actions.EvidenceForm),
                              ("link", "l", LinkForm), ("receipt", "p", ReceiptScreen)):
        await probe(f"case.{action}", key, on_top(form))
    await back_to(pilot, queue)
    await _lookup(pilot, role_office.told)
    await pilot.press("o")
    await wait_until(pilot, lambda: isinstance(app.screen, ComplaintCaseScreen) and app.screen.case is not None, what="the case")
    await probe("case.close", "x", on_top(notices.CloseForm))
    await back_to(pilot, queue)

    # ---- a corruption complaint: only those who handle them get past its tracking code
    await _lookup(pilot, role_office.corruption)
    lookup = app.screen
    if await probe("corruption.open_case", "o", on_top(ComplaintCaseScreen), own=False, close=False,
                   said=lambda: str(lookup.query_one("#lookup-message", Static).render())):
        await wait_until(pilot, lambda: app.screen.case is not None, what="the corruption case")
        assert "นายสมชาย" not in str(app.screen.query_one("#case-person", Static).render())  # sealed until revealed
        await probe("corruption.note", "m", on_top(actions.NoteForm))
        await probe("corruption.investigate", "i", on_top(actions.InvestigateForm))
        await probe("corruption.reveal", "v", on_top(RevealIdentityForm))
    else:
        probe.done += ["corruption.note", "corruption.investigate", "corruption.reveal"]
    await back_to(pilot, queue)

    # ---- ctrl+o: the office's units and contact details
    from itatui.tui.office.fields_form import FieldsForm
    from itatui.tui.office.office_screen import OfficeScreen

    if await probe("office.open", "ctrl+o", on_top(OfficeScreen), close=False):
        office = app.screen
        await wait_until(pilot, lambda: bool(office.units), what="the units")
        await probe("office.add", "n", on_top(FieldsForm))
        await probe("office.rename", "e", on_top(FieldsForm))
        await probe("office.contact", "c", on_top(FieldsForm))
        await probe("office.retire", "x", probe.changed)
        await back_to(pilot, queue)
    else:
        probe.done += ["office.add", "office.rename", "office.contact", "office.retire"]


@pytest.mark.parametrize("role", ROLES, ids=str)
async def test_desk_and_office_keys_follow_the_table(role, office_copy, role_office):
    from itatui.tui.app import ItaApp

    app = ItaApp(office_copy, fiscal_year=YEAR, backups=False)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await log_in(pilot, role)
        probe = Prober(pilot, role, office_copy)
        await _complaints(pilot, probe, role_office)
    assert sorted(probe.done) == sorted(a for a in SCREEN if a.startswith(SCREEN_3))


@pytest.mark.parametrize("role", ROLES, ids=str)
async def test_only_desk_staff_leave_the_kiosk(role, office_copy):
    from itatui.tui.kiosk import KioskApp, StaffExitScreen

    app = KioskApp(office_copy, timeout=30)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: isinstance(app.screen, StaffExitScreen))
        exit_screen = app.screen
        error = exit_screen.query_one("#exit-error", Static)
        username, password = USERS[role]
        await type_text(pilot, username + "\r")
        await type_text(pilot, password + "\r")
        await wait_until(pilot, lambda: bool(app._exit) or bool(str(error.render())), timeout=30, what="the answer")
        if role in SCREEN["kiosk.exit"]:
            assert app._exit, str(error.render())
        else:
            assert "สิทธิ์" in str(error.render()) and app.screen is exit_screen and not app._exit
