"""Who may do what on screen 4 (the salary committees' round: its checks, rules and survey, the staff register,
evaluations and decisions, the committees, meetings and conflicts of interest), pressed through the real app logged
in as each demo role; the table is ``SCREEN`` in role_actions.py."""

from __future__ import annotations

import pytest

from tests.tui.pilot_util import settle, wait_until
from tests.tui.role_actions import ROLES, SCREEN, YEAR, Prober, log_in


async def _committees(pilot, probe: Prober) -> None:  # noqa: ANN001
    from itatui.tui.committees import (
        assessment_form, attendees_form, checks_screen, committee_form, conflict_form, decision_form, grievance_form,
        import_form, meeting_form, member_form, minutes_form, rules_form, staff_form, survey_form,
    )
    from itatui.tui.committees.screen import CommitteesScreen
    from itatui.tui.reports.print_dialog import PrintDialog

    app = pilot.app
    on_top = lambda kind: lambda: isinstance(app.screen, kind)  # noqa: E731
    await pilot.press("4")
    await wait_until(pilot, lambda: isinstance(app.screen, CommitteesScreen) and app.screen.round is not None
                     and app.screen.current_view.table.current_row is not None, what="the round")
    screen = app.screen

    async def view(key: str, pick=None) -> None:  # noqa: ANN001 - pick: which row the cursor goes to
        await pilot.press(key)
        table = screen.current_view.table
        await wait_until(pilot, lambda: table.current_row is not None, what=f"view {key}")
        if pick is not None:
            table.table.move_cursor(row=next(i for i, r in enumerate(table.rows) if pick(r)))
        await settle(pilot)

    await probe("committee.checks", "k", on_top(checks_screen.ChecksScreen))
    await probe("committee.print", "p", on_top(PrintDialog))
    await probe("committee.rules", "r", on_top(rules_form.RulesForm))
    await probe("committee.survey", "u", on_top(survey_form.SurveyForm))
    await view("e", lambda r: r.staff_code == "S004")  # scored, screened and decided
    await probe("committee.decide", "enter", on_top(decision_form.DecisionForm), own=False)
    await probe("committee.assess", "a", on_top(assessment_form.AssessmentForm))
    await probe("committee.grievance", "g", on_top(grievance_form.GrievanceForm))
    await view("s")
    await probe("committee.staff_add", "n", on_top(staff_form.StaffForm))
    await probe("committee.staff_edit", "enter", on_top(staff_form.StaffForm), own=False)
    await probe("committee.staff_import", "i", on_top(import_form.StaffImportForm))
    await view("c", lambda line: line.member is None and line.kind == "screening")
    await probe("committee.order", "enter", on_top(committee_form.CommitteeOrderForm), own=False)
    await probe("committee.member_add", "a", on_top(member_form.MemberForm))
    await view("c", lambda line: line.member is not None and line.kind == "screening" and line.member.role == "chair")
    await probe("committee.member_remove", "delete", probe.changed)  # the screening chair attended no meeting
    await view("m")
    await probe("committee.meeting_new", "n", on_top(meeting_form.MeetingForm))
    await probe("committee.meeting_edit", "enter", on_top(meeting_form.MeetingForm), own=False)
    await probe("committee.attendees", "a", on_top(attendees_form.AttendeesForm))
    await probe("committee.minutes", "w", on_top(minutes_form.MinutesForm))
    await view("x", lambda c: c.status == "proposed")
    await probe("committee.conflict_confirm", "enter", on_top(conflict_form.ConfirmConflictForm), own=False)
    await probe("committee.conflict_add", "n", on_top(conflict_form.AddConflictForm))
    await probe("committee.conflict_dismiss", "d", probe.changed)
    await view("x", lambda c: c.status == "confirmed")
    await probe("committee.conflict_withdrew", "w", probe.changed)
    await probe("committee.conflict_propose", "p", lambda: "รอยืนยัน" in probe.said())
    await pilot.press("o")  # round 2 of the year: not opened yet
    await wait_until(pilot, lambda: screen.round_no == 2 and screen.round is None, what="round 2")
    await probe("committee.open_round", "ctrl+o", lambda: screen.round is not None)


@pytest.mark.parametrize("role", ROLES, ids=str)
async def test_committee_keys_follow_the_table(role, office_copy):
    from itatui.tui.app import ItaApp

    app = ItaApp(office_copy, fiscal_year=YEAR, backups=False)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await log_in(pilot, role)
        probe = Prober(pilot, role, office_copy)
        await _committees(pilot, probe)
    assert sorted(probe.done) == sorted(a for a in SCREEN if a.startswith("committee."))
