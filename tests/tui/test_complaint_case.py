"""A case on a bare host App: every action key adds its timeline entry (internal and complainant-facing apart),
refusals keep the form, identities show only to whom they may, and a reveal needs the investigator's password."""

from __future__ import annotations

from sqlmodel import Session, select
from textual.widgets import Input, OptionList, Select

from itatui.domain.complaint_clock import today_local
from itatui.store import complaints as core
from itatui.store.models import AuditLog, Plan, Project
from itatui.tui.commands import key_entries
from itatui.tui.complaints.actions import CaseActionForm, date_text
from itatui.tui.complaints.reveal_identity import RevealIdentityForm
from itatui.tui.complaints.case import ComplaintCaseScreen
from itatui.tui.widgets.form_errors import FormErrors
from tests.tui.complaint_desk import (
    INVESTIGATOR_PASSWORD,
    DeskHost,
    settle,
    type_into,
    type_text,
)
from tests.tui.pilot_util import wait_until

NAME = "นางวันเพ็ญ จันทร์หอม"
INTERNAL = "[ภายใน (ไม่แจ้งผู้ร้อง)]"
TOLD = "[แจ้งผู้ร้อง]"


def _general(desk) -> int:  # noqa: ANN001
    return core.create_complaint(desk.engine, desk.desk, core.ComplaintDraft(
        kind="general", channel="walk_in", subject="ไฟฟ้าส่องสว่างดับทั้งซอย", complainant_name=NAME,
        phone="0812345678", national_id="1101700207030")).id


def _corruption(desk) -> int:  # noqa: ANN001
    return core.create_complaint(desk.engine, desk.desk, core.ComplaintDraft(
        kind="corruption", channel="letter", subject="เรียกรับเงินค่าใบอนุญาตก่อสร้าง", accused="เจ้าหน้าที่กองช่าง",
        complainant_name=NAME, phone="0812345678")).id


def _text(screen, widget_id: str) -> str:  # noqa: ANN001
    return str(screen.query_one(widget_id).render())


async def _act(pilot, key: str) -> CaseActionForm:  # noqa: ANN001
    await pilot.press(key)
    await settle(pilot)
    form = pilot.app.screen
    assert isinstance(form, CaseActionForm), key
    return form


async def _save(pilot) -> None:  # noqa: ANN001
    await pilot.press("ctrl+s")
    await settle(pilot)


async def test_each_action_key_adds_its_timeline_entry(desk):
    cid = _general(desk)
    app = DeskHost(desk.ctx(desk.desk), lambda: ComplaintCaseScreen(cid))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        case_screen = app.screen
        assert "ยังไม่ส่งหน่วยงาน" in _text(case_screen, "#case-head")

        form = await _act(pilot, "f")
        form.query_one("#unit_id", Select).value = desk.units["กองช่าง"]
        await type_into(pilot, "#text", "ส่งให้กองช่างตรวจสอบไฟทาง")
        await _save(pilot)
        await _act(pilot, "i")
        await _save(pilot)
        await _act(pilot, "m")
        await type_text(pilot, "โทรประสานการไฟฟ้าแล้ว รอคิวช่าง")
        await _save(pilot)
        form = await _act(pilot, "c")
        await type_text(pilot, "แจ้งว่าช่างจะเข้าซ่อมภายในสัปดาห์นี้")
        await _save(pilot)
        form = await _act(pilot, "d")
        await type_text(pilot, "รออุปกรณ์หลอดไฟจากผู้รับจ้าง")
        await _save(pilot)
        form = await _act(pilot, "r")
        form.query_one("#outcome", Select).value = "concluded"
        await type_into(pilot, "#reason", "ซ่อมไฟทางเรียบร้อยแล้ว")
        await _save(pilot)
        form = await _act(pilot, "x")
        form.query_one("#satisfaction", Select).value = 5
        await _save(pilot)

        assert app.screen is case_screen
        timeline = _text(case_screen, "#case-timeline")
        head = _text(case_screen, "#case-head")
        clock = _text(case_screen, "#case-clock")

    case = core.get_case(desk.engine, desk.desk, cid)
    assert [e.kind for e in case.events] == ["received", "forwarded", "investigating", "note", "notice", "delay", "result", "closed"]
    assert case.status == "closed" and case.satisfaction == 5 and case.unit_name == "กองช่าง"
    assert case.due_date > case.initial_due_date
    def entry(words: str) -> str:
        """The entry's first line (when, audience, what) for a text anywhere in the entry."""
        head = ""
        for line in timeline.splitlines():
            if not line.startswith("    "):
                head = line
            if words in line:
                return head
        raise AssertionError(words)

    assert INTERNAL in entry("ส่งหน่วยงาน: กองช่าง") and INTERNAL in entry("ส่งให้กองช่างตรวจสอบไฟทาง")
    assert entry("โทรประสานการไฟฟ้าแล้ว รอคิวช่าง").endswith(f"{INTERNAL} บันทึกภายใน  — นายรับเรื่อง ใจดี")
    assert f"{TOLD} แจ้งผู้ร้อง" in entry("แจ้งว่าช่างจะเข้าซ่อมภายในสัปดาห์นี้")
    assert f"{TOLD} แจ้งขยายเวลา" in entry("รออุปกรณ์หลอดไฟจากผู้รับจ้าง")
    assert f"{TOLD} แจ้งผลการดำเนินการ: ยุติเรื่อง" in entry("ซ่อมไฟทางเรียบร้อยแล้ว")
    assert INTERNAL in entry("ปิดเรื่อง: ความพึงพอใจ 5/5")
    assert "ปิดเรื่อง (ยุติเรื่อง)" in head
    assert "ขยายเวลา" in clock and "รออุปกรณ์หลอดไฟจากผู้รับจ้าง" in clock
    # what the complainant may hear has the notice and the result, never the note
    public = core.public_status(desk.engine, case.tracking_code)
    told = " ".join(m.text for m in public.messages)
    assert "ช่างจะเข้าซ่อม" in told and "ซ่อมไฟทางเรียบร้อยแล้ว" in told and "โทรประสาน" not in told


async def test_a_refused_action_keeps_what_was_typed(desk):
    cid = _general(desk)
    app = DeskHost(desk.ctx(desk.desk), lambda: ComplaintCaseScreen(cid))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("x")  # closing before the result is told: not offered
        await settle(pilot)
        assert isinstance(app.screen, ComplaintCaseScreen)
        form = await _act(pilot, "c")
        await type_text(pilot, "ข้อความที่จะไม่หายไป")
        tomorrow = date_text(today_local().replace(year=today_local().year + 1))
        form.query_one("#notice_date", Input).value = tomorrow
        await _save(pilot)
        assert app.screen is form  # the core refused a date in the future
        assert "วันที่แจ้งต้องไม่เป็นอนาคต" in "\n".join(form.query_one(FormErrors).messages)
        assert form.query_one("#text").text == "ข้อความที่จะไม่หายไป"
        form.query_one("#notice_date", Input).value = "31/02/2569"
        await _save(pilot)
        assert "ไม่มีวันที่นี้ในปฏิทิน" in "\n".join(form.query_one(FormErrors).messages)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.case is not None and len(app.screen.case.events) == 1


async def test_general_complainant_shows_only_to_complaint_officers(desk):
    cid = _general(desk)
    for actor, visible in ((desk.desk, True), (desk.investigator, False), (desk.admin, False)):
        app = DeskHost(desk.ctx(actor), lambda: ComplaintCaseScreen(cid))
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            person = _text(app.screen, "#case-person")
        assert (NAME in person) is visible, actor.username
        assert ("1-1017-00207-03-0" in person) is visible
        if not visible:
            assert "เฉพาะเจ้าหน้าที่รับเรื่องร้องเรียน" in person


async def test_reveal_is_refused_for_the_administrator(desk):
    cid = _corruption(desk)
    app = DeskHost(desk.ctx(desk.admin), lambda: ComplaintCaseScreen(cid))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert "ปกปิด" in _text(screen, "#case-person") and NAME not in _text(screen, "#case-person")
        assert "v" not in {e.key for e in key_entries(screen)}  # no reveal key for an administrator
        await pilot.press("v")
        await settle(pilot)
        assert app.screen is screen
        # even through the form itself the core says no
        app.push_screen(RevealIdentityForm(screen.case))
        await pilot.pause()
        await type_text(pilot, "admin-pass-1")
        await pilot.press("enter")
        await type_text(pilot, "อยากรู้")
        await pilot.press("enter")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, RevealIdentityForm)
        assert form.query_one(FormErrors).messages == ["ท่านไม่มีสิทธิ์ทำรายการนี้"]
        assert form.query_one("#password", Input).value == ""
    with Session(desk.engine) as s:
        assert not s.exec(select(AuditLog).where(AuditLog.action == "reveal")).all()


async def test_investigator_reveals_with_password_until_leaving(desk):
    cid = _corruption(desk)
    app = DeskHost(desk.ctx(desk.investigator), lambda: ComplaintCaseScreen(cid))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert "ปกปิด" in _text(screen, "#case-person") and "กด v" in _text(screen, "#case-person")
        await pilot.press("v")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, RevealIdentityForm)
        await type_text(pilot, "wrong-password")
        await pilot.press("enter")
        await type_text(pilot, "ต้องติดต่อผู้ร้องเพื่อขอเอกสารเพิ่ม")
        await pilot.press("enter")
        await settle(pilot)
        assert form.query_one(FormErrors).messages == ["รหัสผ่านไม่ถูกต้อง"]
        assert form.query_one("#reason", Input).value == "ต้องติดต่อผู้ร้องเพื่อขอเอกสารเพิ่ม"
        await type_into(pilot, "#password", INVESTIGATOR_PASSWORD)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        person = _text(screen, "#case-person")
        assert NAME in person and "081-234-5678" in person and "ซ่อนเมื่อออกจากหน้านี้" in person
        assert "เปิดดูข้อมูลผู้ร้อง" in _text(screen, "#case-timeline")
        # another full screen on top (the receipt): the identity is gone when the case shows again
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen and screen.revealed is None
        assert NAME not in _text(screen, "#case-person") and "ปกปิด" in _text(screen, "#case-person")
    with Session(desk.engine) as s:
        actions = [a.action for a in s.exec(select(AuditLog).where(AuditLog.entity == "complaint")).all()]
    assert actions.count("reveal") == 1 and actions.count("reveal_denied") == 1


async def test_link_to_a_plan_project(desk):
    cid = _corruption(desk)
    with Session(desk.engine) as s:
        from itatui.store.models import Dimension, Mission

        plan = Plan(organisation_id=desk.org_id, title="แผนทดสอบ", start_year=2566, end_year=2570)
        s.add(plan)
        s.flush()
        dim = Dimension(plan_id=plan.id, number=1, name="มิติที่ ๑")
        s.add(dim)
        s.flush()
        mission = Mission(dimension_id=dim.id, code="1.1", position=1, name="ภารกิจ")
        s.add(mission)
        s.flush()
        for n, name in ((1, "มาตรการจัดการเรื่องร้องเรียนการทุจริต"), (2, "โครงการอบรมคุณธรรมจริยธรรม")):
            s.add(Project(plan_id=plan.id, mission_id=mission.id, number=n, name=name, kind="measure"))
        s.commit()
    app = DeskHost(desk.ctx(desk.desk), lambda: ComplaintCaseScreen(cid))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        form = await _act(pilot, "l")
        form.query_one("#target", Select).value = "project"
        await settle(pilot)
        await type_into(pilot, "#search", "ร้องเรียน")
        options = form.query_one("#choice", OptionList)
        await wait_until(pilot, lambda: options.option_count == 1, what="the one matching project")  # after the debounce
        await settle(pilot)
        assert options.option_count == 1
        options.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ComplaintCaseScreen)
        assert "มาตรการจัดการเรื่องร้องเรียนการทุจริต" in _text(app.screen, "#case-evidence")
    assert [ln.project_name for ln in core.get_case(desk.engine, desk.desk, cid).links] == ["มาตรการจัดการเรื่องร้องเรียนการทุจริต"]


async def test_case_keys_are_listed_for_help_and_palette(desk):
    cid = _general(desk)
    app = DeskHost(desk.ctx(desk.desk), lambda: ComplaintCaseScreen(cid))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        entries = {e.key: e.description for e in key_entries(app.screen)}
    for key, words in (("f", "ส่งหน่วยงาน"), ("m", "บันทึกภายใน"), ("c", "แจ้งผู้ร้อง"), ("d", "แจ้งขยายเวลา"),
                       ("r", "แจ้งผล"), ("x", "ปิดเรื่อง"), ("l", "เชื่อมโยงความเสี่ยง/โครงการ"), ("esc", "กลับ")):
        assert entries.get(key) == words, key
