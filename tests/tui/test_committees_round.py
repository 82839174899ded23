"""Screen 4 through Pilot: a whole round as a secretary keys it in — staff (form and import preview) →
the round → committees and members → a meeting with attendees → scores and screening → decisions with the
live checks → the checks → the announcement data."""

from __future__ import annotations

import pytest
from textual.widgets import Checkbox, Input, Select, SelectionList, Static

from itatui.store import committees as core
from itatui.store.org import save_organisation
from itatui.tui.committees.committee_form import CommitteeOrderForm
from itatui.tui.committees.decision_form import DecisionForm
from itatui.tui.committees.screen import CommitteesScreen
from itatui.tui.context import AppContext
from itatui.tui.widgets.form_errors import FormErrors
from itatui.tui.widgets.paged_table import PagedTable
from tests.committee_fixtures import secretary
from tests.tui.complaint_desk import DeskHost, widget_text
from tests.tui.pilot_util import settle, type_into


@pytest.fixture
def office(engine, admin):
    org = save_organisation(engine, admin, "เทศบาลตำบลเขมราฐ")
    sec = secretary(engine, admin)
    return AppContext(engine=engine, actor=sec, full_name="เลขา", organisation_id=org.id, organisation_name=org.name)


def _host(ctx) -> DeskHost:
    app = DeskHost(ctx, CommitteesScreen)
    app.fiscal_year = 2569
    return app


def _text(app, selector: str) -> str:
    return widget_text(app.screen.query_one(selector))


async def _save(pilot) -> None:
    await pilot.press("ctrl+s")
    await settle(pilot)


async def _add_staff(pilot, app, code: str, name: str, kind: str, salary: str) -> None:
    await pilot.press("n")
    await settle(pilot)
    await type_into(pilot, "#code", code)
    await type_into(pilot, "#name", name)
    await type_into(pilot, "#unit", "สป.")
    app.screen.query_one("#kind", Select).value = kind
    await type_into(pilot, "#salary", salary)
    await type_into(pilot, "#start_date", "1/10/2560")
    await _save(pilot)


async def test_a_whole_round(office, tmp_path):
    app = _host(office)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "ยังไม่เปิด" in _text(app, "#round-line")

        # staff: the form shows every problem at once, keeps what was typed
        await pilot.press("s")
        await pilot.press("n")
        await settle(pilot)
        await type_into(pilot, "#salary", "สองหมื่น")
        await _save(pilot)
        errors = app.screen.query_one(FormErrors)
        assert len(errors.messages) == 4 and app.screen.query_one("#salary", Input).value == "สองหมื่น"
        await pilot.press("escape")
        await settle(pilot)
        await _add_staff(pilot, app, "S001", "นายสมชาย ใจดี", "municipal", "25000")
        await _add_staff(pilot, app, "S002", "นางสมศรี ใจดี", "municipal", "24000")

        # import preview: a bad row is shown with its number, nothing is written; a clean file is imported
        bad = tmp_path / "bad.csv"
        bad.write_text("รหัส,ชื่อ-สกุล,ประเภท,เงินเดือน\nS003,นายสาม ดีงาม,พนักงานเทศบาล,23000\nS004,นายสี่ ผิด,ครู,x\n", encoding="utf-8")
        await pilot.press("i")
        await settle(pilot)
        await type_into(pilot, "#path", str(bad))
        await pilot.press("ctrl+r")
        await settle(pilot)
        preview = _text(app, "#import-preview")
        assert "+ S003" in preview and "แถว 3" in preview
        await _save(pilot)
        assert app.screen.query_one(FormErrors).messages and core.list_staff(office.engine, office.actor).total == 2
        good = tmp_path / "good.csv"
        good.write_text("รหัส,ชื่อ-สกุล,ประเภท,เงินเดือน\nS003,นายสาม ดีงาม,พนักงานเทศบาล,23000\n"
                        "S004,นายสี่ สุขใจ,พนักงานเทศบาล,22000\n", encoding="utf-8")
        inp = app.screen.query_one("#path", Input)
        inp.value = str(good)
        await _save(pilot)
        assert isinstance(app.screen, CommitteesScreen)
        table = app.screen.query_one("#staff-table", PagedTable)
        assert table.total == 4

        # the round
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert "รอบที่ 1/2569" in _text(app, "#round-line")
        await pilot.press("e")
        await settle(pilot)
        assert app.screen.query_one("#eval-table", PagedTable).total == 4

        # committees: set up the promotion committee's order, add a chair (outsider) and two members
        await pilot.press("c")
        await settle(pilot)
        ctable = app.screen.query_one("#committee-table", PagedTable)
        ctable.table.move_cursor(row=1)  # the promotion committee's line (screening first)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CommitteeOrderForm)
        await type_into(pilot, "#order_no", "124/2569")
        await type_into(pilot, "#order_date", "1/3/2569")
        await _save(pilot)
        for name, role, code in (("นายนายก เทศมนตรี", "chair", ""), ("", "member", "S002"), ("นางกรรมการ สาม", "member", "")):
            idx = next(i for i, line in enumerate(ctable.rows) if line.kind == "promotion")
            ctable.table.move_cursor(row=idx)
            await pilot.press("a")
            await settle(pilot)
            if code:
                await type_into(pilot, "#staff_code", code)
            else:
                await type_into(pilot, "#name", name)
            app.screen.query_one("#role", Select).value = role
            await _save(pilot)
        assert any(line.member and line.member.name == "นางสมศรี ใจดี" for line in ctable.rows)
        promotion = next(c for c in core.list_committees(office.engine, office.actor, app.screen.round.id) if c.kind == "promotion")
        assert [m.role for m in promotion.members] == ["chair", "member", "member"]

        # a meeting, invitations 2 days ahead (flagged), all three attend
        await pilot.press("m")
        await pilot.press("n")
        await settle(pilot)
        await type_into(pilot, "#held_on", "20/3/2569")
        await type_into(pilot, "#invited_on", "18/3/2569")
        await _save(pilot)
        mtable = app.screen.query_one("#meeting-table", PagedTable)
        assert mtable.total == 1 and mtable.rows[0].invitation_late
        await pilot.press("a")
        await settle(pilot)
        app.screen.query_one("#attendees", SelectionList).select_all()
        await settle(pilot)
        assert "ครบองค์ประชุม" in _text(app, "#quorum-line")
        await _save(pilot)
        assert mtable.rows[0].quorum and len(mtable.rows[0].attendees) == 3

        # conflicts: S002 sits on the committee (self), S001 shares her family name
        await pilot.press("x")
        await pilot.press("p")
        await settle(pilot)
        xtable = app.screen.query_one("#conflict-table", PagedTable)
        assert {(c.staff_name, c.relation) for c in xtable.rows} >= {("นางสมศรี ใจดี", "self"), ("นายสมชาย ใจดี", "same_family_name")}

        # scores, screening, a decision that passes and one the quota forbids (4 staff: 15 % = 0.6 → 1)
        await pilot.press("e")
        await settle(pilot)
        etable = app.screen.query_one("#eval-table", PagedTable)
        for row_no in (2, 3):  # S003, S004
            etable.table.move_cursor(row=row_no)
            await pilot.press("a")
            await settle(pilot)
            await type_into(pilot, "#score", "95")
            app.screen.query_one("#view", Select).value = "agree"
            await _save(pilot)
        etable.table.move_cursor(row=2)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DecisionForm)
        await type_into(pilot, "#steps", "1")
        await type_into(pilot, "#amount", "900")
        await pilot.pause(0.4)
        await settle(pilot)
        assert "เป็นไปตามหลักเกณฑ์" in _text(app, "#live-checks")
        await _save(pilot)
        assert isinstance(app.screen, CommitteesScreen)
        etable.table.move_cursor(row=3)
        await pilot.press("enter")
        await settle(pilot)
        await type_into(pilot, "#steps", "1")
        await type_into(pilot, "#amount", "880")
        await pilot.pause(0.4)
        await settle(pilot)
        live = _text(app, "#live-checks")
        assert "โควตาเลื่อน ๑ ขั้นเกิน: ใช้ 2 จาก 1 คน" in live
        await _save(pilot)
        assert isinstance(app.screen, DecisionForm)  # refused, kept open with the reason
        assert "บันทึกมติไม่ได้" in app.screen.query_one(FormErrors).messages[0]
        steps = app.screen.query_one("#steps", Input)
        steps.value = "0.5"
        amount = app.screen.query_one("#amount", Input)
        amount.value = "440"
        await _save(pilot)
        assert isinstance(app.screen, CommitteesScreen)
        await settle(pilot)
        line = _text(app, "#checks-line")
        assert "เลื่อน ๑ ขั้น 1/1 คน" in line

        # every check at once, then the announcement data
        await pilot.press("k")
        await settle(pilot)
        body = _text(app, "#checks-body")
        assert "ผลประโยชน์ทับซ้อนที่รอยืนยัน" in body
        await pilot.press("escape")
        await settle(pilot)
        rnd = app.screen.round
    ann = core.documents.announcement(office.engine, office.actor, rnd.id)
    assert [x.staff_code for x in ann.excellent] == ["S003", "S004"]
    order = core.documents.raise_order(office.engine, office.actor, rnd.id)
    assert [(ln.staff_code, ln.half_steps, ln.salary_after) for ln in order.lines] == [("S003", 2, 23_900), ("S004", 1, 22_440)]
