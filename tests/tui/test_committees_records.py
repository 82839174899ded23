"""Screen 4 records through Pilot: minutes locked and amended, conflicts confirmed and withdrawn, a grievance
into the complaint queue, the survey, the rules, and a viewer who may look but not change."""

from __future__ import annotations

import pytest
from textual.widgets import Select, TextArea

from itatui.domain.roles import Actor, Role
from itatui.store import committees as core
from itatui.tui.committees.minutes_form import MinutesForm
from itatui.tui.committees.screen import CommitteesScreen
from itatui.tui.context import AppContext
from itatui.tui.widgets.form_errors import FormErrors
from itatui.tui.widgets.paged_table import PagedTable
from tests.committee_fixtures import evaluation_of, office, score_and_screen
from tests.tui.complaint_desk import DeskHost, widget_text
from tests.tui.pilot_util import settle, type_into


@pytest.fixture
def o(engine, admin):
    return office(engine, admin, n=10)


def _host(o, engine, actor=None) -> DeskHost:  # noqa: ANN001
    ctx = AppContext(engine=engine, actor=actor or o.secretary, full_name="เลขา", organisation_id=None,
                     organisation_name="เทศบาลตำบลเขมราฐ")
    app = DeskHost(ctx, CommitteesScreen)
    app.fiscal_year = 2569
    return app


async def _save(pilot) -> None:  # noqa: ANN001
    await pilot.press("ctrl+s")
    await settle(pilot)


async def test_minutes_are_locked_once_approved_and_amended_as_a_new_version(o, engine):
    app = _host(o, engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        assert isinstance(app.screen, MinutesForm)
        await type_into(pilot, "#text", "ที่ประชุมมีมติตามบัญชีแนบ")
        await pilot.press("ctrl+a")
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        form = app.screen
        assert form.amending and "รับรองแล้ว" in widget_text(form.query_one("#minutes-versions"))
        form.query_one("#text", TextArea).text = "ที่ประชุมมีมติตามบัญชีแนบ (แก้ชื่อกรรมการ)"
        await _save(pilot)
        assert "เหตุผล" in form.query_one(FormErrors).messages[0]  # an amendment must say why
        await type_into(pilot, "#reason", "ชื่อกรรมการสะกดผิด")
        await _save(pilot)
        table = app.screen.query_one("#meeting-table", PagedTable)
        await settle(pilot)
        assert [m.version for m in table.rows[0].minutes] == [1, 2]
    versions = core.get_meeting(engine, o.secretary, o.meeting.id).minutes
    assert versions[0].text == "ที่ประชุมมีมติตามบัญชีแนบ" and versions[0].approved and not versions[1].approved


async def test_conflict_confirmed_and_withdrawn_then_the_decision_passes(o, engine):
    e = score_and_screen(engine, o.secretary, o.round.id, "S003", "85")
    app = _host(o, engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await pilot.press("p")
        await settle(pilot)
        table = app.screen.query_one("#conflict-table", PagedTable)
        row = next(i for i, c in enumerate(table.rows) if c.relation == "same_family_name")
        table.table.move_cursor(row=row)
        await pilot.press("enter")
        await settle(pilot)
        app.screen.query_one("#relation", Select).value = "sibling"
        await _save(pilot)
        await settle(pilot)
        c = table.rows[row]
        assert (c.relation, c.status, c.withdrew) == ("sibling", "confirmed", False)
        with pytest.raises(core.DecisionBlocked):
            core.decide(engine, o.secretary, e.id, core.DecisionDraft(steps="0.5", amount="450", meeting_id=o.meeting.id))
        await pilot.press("w")
        await settle(pilot)
        assert table.rows[row].withdrew
    assert core.decide(engine, o.secretary, e.id, core.DecisionDraft(steps="0.5", amount="450", meeting_id=o.meeting.id)).decided


async def test_grievance_and_survey_and_rules(o, engine, admin):
    from itatui.store.accounts import create_user
    from itatui.store.complaints import QueueFilters, list_complaints

    # the desk must have an officer holding the key before any complainant's details can be kept
    create_user(engine, admin, "desk", "desk-pass-1", {Role.COMPLAINT_OFFICER}, "นายรับเรื่อง ใจดี")
    e = score_and_screen(engine, o.secretary, o.round.id, "S004", "85")
    core.decide(engine, o.secretary, e.id, core.DecisionDraft(steps="0.5", amount="450", meeting_id=o.meeting.id, told_on="1/4/2569"))
    app = _host(o, engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#eval-table", PagedTable)
        table.table.move_cursor(row=next(i for i, r in enumerate(table.rows) if r.staff_code == "S004"))
        await pilot.press("g")
        await settle(pilot)
        app.screen.query_one("#filed_on").value = "10/4/2569"
        await type_into(pilot, "#text", "ขอให้ทบทวนผลการประเมิน")
        await _save(pilot)
        assert isinstance(app.screen, CommitteesScreen)
        await pilot.press("u")
        await settle(pilot)
        await type_into(pilot, "#respondents", "20")
        await type_into(pilot, "#satisfied", "17")
        await _save(pilot)
        assert "85" in widget_text(app.screen.query_one("#round-line"))
        await pilot.press("r")
        await settle(pilot)
        app.screen.query_one("#grievance_days").value = "45"
        await _save(pilot)
        assert isinstance(app.screen, CommitteesScreen)
    page = list_complaints(engine, admin, QueueFilters(), limit=5)
    assert page.rows[0].subject.startswith("ร้องทุกข์ผลการพิจารณาเลื่อนขั้นเงินเดือน") and "S004" in page.rows[0].subject
    assert core.get_round(engine, o.secretary, o.round.id).rules.grievance_days == 45


async def test_a_viewer_sees_the_round_but_changes_nothing(o, engine):
    viewer = Actor(None, "viewer", frozenset({Role.VIEWER}))
    app = _host(o, engine, viewer)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#eval-table", PagedTable).total == 10
        await pilot.press("enter")
        await pilot.press("s")
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, CommitteesScreen)  # no form opened
        assert core.list_staff(engine, viewer).total == 10
