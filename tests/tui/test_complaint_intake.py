"""Intake on a bare host App: Thai typed through the terminal parser is saved exactly, every problem shows at once,
a failed save keeps every field, anonymous hides the identity, and the receipt becomes a PDF with the code."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import Session, func, select
from textual.widgets import Checkbox, Input, Select, TextArea

from itatui import paths
from itatui.domain.complaints import ComplaintKind
from itatui.store import complaints as core
from itatui.store.complaints.types import CreatedComplaint
from itatui.store.models import Complaint
from itatui.tui.complaints.intake import ComplaintIntakeForm, parse_received
from itatui.tui.complaints.receipt import ReceiptScreen
from itatui.tui.widgets.form_errors import FormErrors
from tests.tui.complaint_desk import DeskHost, settle, type_into, type_text

SUBJECT = "ถนนชำรุดเป็นหลุมบ่อ น้ำท่วมขังหน้าบ้านผู้สูงอายุ"
DETAILS_LINES = ("รถจักรยานยนต์ล้มไปแล้ว ๒ คัน", "ขอให้ซ่อมแซมโดยด่วนก่อนฤดูฝน")
PLACE = "หมู่ที่ ๓ ชุมชนท่าเรือ"
NAME = "นางสาวบัวผัน ศรีสุขเกษม"
NATIONAL_ID = "1101700207030"  # valid check digit
ADDRESS = "๑๒/๓ ถนนริมโขง ตำบลเขมราฐ"
EVIDENCE = ("สำเนาบัตรประชาชน", "แฟ้มเรื่องร้องทุกข์ ปี ๒๕๖๙ ช่อง ๒")


def _form(desk) -> ComplaintIntakeForm:  # noqa: ANN001
    units = tuple(core.unit_choices(desk.engine, desk.desk))
    return ComplaintIntakeForm(units=units, kinds=("general", "corruption"))


def _count(engine) -> int:  # noqa: ANN001
    with Session(engine) as s:
        return s.exec(select(func.count()).select_from(Complaint)).one()


async def _fill_general(pilot) -> None:  # noqa: ANN001
    await type_into(pilot, "#subject", SUBJECT)
    await type_into(pilot, "#details", DETAILS_LINES[0] + "\r" + DETAILS_LINES[1])
    await type_into(pilot, "#place", PLACE)
    await type_into(pilot, "#complainant_name", NAME)
    await type_into(pilot, "#national_id", NATIONAL_ID)
    await type_into(pilot, "#phone", "๐๘๑-๒๓๔-๕๖๗๘")
    await type_into(pilot, "#address", ADDRESS)
    await pilot.press("ctrl+n")
    await pilot.pause()
    await type_text(pilot, EVIDENCE[0])
    await pilot.press("tab")
    await type_text(pilot, EVIDENCE[1])


async def test_thai_typed_at_the_desk_is_saved_exactly(desk):
    app = DeskHost(desk.ctx(desk.desk), lambda: _form(desk))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen.focused is app.screen.query_one("#kind", Select)  # the form starts at the top
        await _fill_general(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        created = app.result
    assert isinstance(created, CreatedComplaint)
    assert created.kind == "general" and created.registry_no == 1
    case = core.get_case(desk.engine, desk.desk, created.id)
    assert case.subject == SUBJECT
    assert case.details == "\n".join(DETAILS_LINES)
    assert case.place == PLACE
    assert case.channel == "walk_in"
    assert case.complainant is not None
    assert case.complainant.name == NAME
    assert case.complainant.national_id == NATIONAL_ID
    assert case.complainant.phone == "081-234-5678"
    assert case.complainant.address == ADDRESS
    assert [(e.item, e.filed_at) for e in case.evidence] == [EVIDENCE]
    assert case.contact_pref == "phone"


async def test_every_problem_at_once_and_the_typing_is_kept(desk):
    app = DeskHost(desk.ctx(desk.desk), lambda: _form(desk))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        form = app.screen
        received = form.query_one("#received_at", Input)
        received.value = ""
        await type_into(pilot, "#received_at", "๓๒/๑๓/๒๕๖๙")
        await type_into(pilot, "#details", "รายละเอียดที่พิมพ์ไว้แล้ว")
        await type_into(pilot, "#national_id", "1234567890123")
        await type_into(pilot, "#phone", "12345")
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("tab")
        await type_text(pilot, "ตู้เอกสาร ๑")  # a place but no item
        await pilot.press("ctrl+s")
        await settle(pilot)
        errors = form.query_one(FormErrors)
        joined = "\n".join(errors.messages)
        assert "ไม่มีวันที่นี้ในปฏิทิน" in joined  # received date
        assert "กรุณากรอกเรื่อง" in joined
        assert "กรุณากรอกชื่อผู้ร้อง" in joined
        assert "เลขตรวจสอบไม่ตรง" in joined
        assert "หมายเลขโทรศัพท์ไม่ถูกต้อง" in joined
        assert "กรุณาระบุรายการเอกสารหลักฐาน" in joined
        assert len(errors.messages) == 6
        for widget_id in ("received_at", "subject", "complainant_name", "national_id", "phone"):
            assert form.query_one(f"#{widget_id}").has_class("-invalid"), widget_id
        assert form.query_one("#ev-item-1").has_class("-invalid")
        # nothing typed was lost, nothing saved
        assert received.value == "๓๒/๑๓/๒๕๖๙"
        assert form.query_one("#details", TextArea).text == "รายละเอียดที่พิมพ์ไว้แล้ว"
        assert form.query_one("#phone", Input).value == "12345"
        assert form.query_one("#ev-filed-1", Input).value == "ตู้เอกสาร ๑"
        assert app.result is not None and _count(desk.engine) == 0

        # fixing them saves
        received.value = "15/11/2568 09:30"
        form.query_one("#national_id", Input).value = ""
        form.query_one("#phone", Input).value = "045-491-012"
        await type_into(pilot, "#subject", "ไฟฟ้าส่องสว่างดับ")
        await type_into(pilot, "#complainant_name", "นายทองดี มีสุข")
        await type_into(pilot, "#ev-item-1", "ภาพถ่าย")
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert isinstance(app.result, CreatedComplaint)
    case = core.get_case(desk.engine, desk.desk, app.result.id)
    assert case.subject == "ไฟฟ้าส่องสว่างดับ" and case.evidence[0].filed_at == "ตู้เอกสาร ๑"
    assert be_text(case.received_at) == "2025-11-15 09:30"


def be_text(dt) -> str:  # noqa: ANN001
    from itatui.domain.complaint_clock import BANGKOK

    return dt.astimezone(BANGKOK).strftime("%Y-%m-%d %H:%M")


async def test_a_database_error_keeps_the_form_as_typed(desk):
    with desk.engine.begin() as conn:  # a real failure inside the save: the registry counter table is gone
        conn.execute(text("ALTER TABLE registrycounter RENAME TO registrycounter_gone"))
    app = DeskHost(desk.ctx(desk.desk), lambda: _form(desk))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await _fill_general(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, ComplaintIntakeForm)
        message = form.query_one(FormErrors).messages[0]
        assert message.startswith("บันทึกไม่สำเร็จ") and "ข้อมูลที่กรอกยังอยู่ครบ" in message
        assert NAME not in message and NATIONAL_ID not in message  # a database error never carries the identity
        assert form.query_one("#subject", Input).value == SUBJECT
        assert form.query_one("#complainant_name", Input).value == NAME
        assert form.query_one("#ev-filed-1", Input).value == EVIDENCE[1]


async def test_anonymous_hides_the_identity_and_saves_none(desk):
    app = DeskHost(desk.ctx(desk.desk), lambda: _form(desk))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        form = app.screen
        await type_into(pilot, "#subject", "ขยะไม่ได้รับการจัดเก็บ")
        await type_into(pilot, "#complainant_name", NAME)
        form.query_one("#anonymous", Checkbox).focus()
        await pilot.press("space")
        await pilot.pause()
        assert form.query_one("#identity").display is False or not form.query_one("#complainant_name").visible
        await pilot.press("ctrl+s")
        await settle(pilot)
    case = core.get_case(desk.engine, desk.desk, app.result.id)
    assert case.anonymous and case.complainant is not None and case.complainant.is_empty()
    assert case.contact_pref == "code_only"


async def test_corruption_needs_the_accused_and_seals_the_name(desk):
    app = DeskHost(desk.ctx(desk.desk), lambda: _form(desk))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        form = app.screen
        assert not form.query_one("#accused-row").display
        form.query_one("#kind", Select).value = ComplaintKind.CORRUPTION.value
        await pilot.pause()
        assert form.query_one("#accused-row").display
        await type_into(pilot, "#subject", "เรียกรับเงินในการออกใบอนุญาต")
        await type_into(pilot, "#complainant_name", NAME)
        await type_into(pilot, "#phone", "0812345678")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "ผู้ถูกร้องเรียน" in "\n".join(form.query_one(FormErrors).messages)
        await type_into(pilot, "#accused", "เจ้าหน้าที่กองช่าง")
        await pilot.press("ctrl+s")
        await settle(pilot)
    created = app.result
    assert isinstance(created, CreatedComplaint) and created.registry_display.startswith("ทจ.")
    case = core.get_case(desk.engine, desk.desk, created.id)
    assert case.identity_sealed and case.complainant is None and case.accused == "เจ้าหน้าที่กองช่าง"


def test_received_accepts_be_dates_thai_digits_and_no_time():
    assert parse_received("25/11/2569 14:05").isoformat() == "2026-11-25T14:05:00"
    assert parse_received("๒๕/๑๑/๒๕๖๙ ๑๔.๐๕").isoformat() == "2026-11-25T14:05:00"
    from datetime import datetime, timezone

    noon_utc = datetime(2026, 11, 25, 5, 0, tzinfo=timezone.utc)  # 12:00 in Thailand
    assert parse_received("25/11/2569", now=noon_utc).isoformat() == "2026-11-25T12:00:00"


# ---- the receipt ------------------------------------------------------------------------------------------------


def _pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return re.sub(r"\s+", "", out)


@pytest.fixture
def poppler() -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils not installed")


async def test_receipt_shows_the_code_and_saves_pdfs(desk, poppler):
    created = core.create_complaint(desk.engine, desk.desk, core.ComplaintDraft(
        kind="general", channel="phone", subject=SUBJECT, complainant_name=NAME, phone="0812345678"))
    app = DeskHost(desk.ctx(desk.desk), lambda: ReceiptScreen(created.id))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        shown = str(screen.query_one("#receipt-code").render())
        assert shown.replace(" ", "") == created.tracking_code.replace("-", "")
        facts = str(screen.query_one("#receipt-facts").render())
        assert created.registry_display in facts and SUBJECT in facts and NAME in facts
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        saved = list(screen.saved)
        line = str(screen.query_one("#receipt-saved").render())
    a5 = paths.data_dir() / "receipts" / f"receipt-{created.tracking_code}-A5.pdf"
    a4 = paths.data_dir() / "receipts" / f"receipt-{created.tracking_code}-A4.pdf"
    assert saved == [a5, a4]
    assert str(a4) in line.replace("\n", "")
    for pdf in (a5, a4):
        assert pdf.exists()
        assert created.tracking_code in _pdf_text(pdf)


async def test_corruption_receipt_identifies_nobody(desk, poppler):
    created = core.create_complaint(desk.engine, desk.desk, core.ComplaintDraft(
        kind="corruption", channel="walk_in", subject="เรียกรับเงินค่าใบอนุญาต", accused="นายสมปอง ผู้ถูกร้อง",
        complainant_name=NAME, phone="0812345678"))
    app = DeskHost(desk.ctx(desk.desk), lambda: ReceiptScreen(created.id))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        facts = str(app.screen.query_one("#receipt-facts").render())
        await pilot.press("p")
        await settle(pilot)
        pdf = app.screen.saved[0]
    text_ = _pdf_text(pdf)
    for secret in (NAME, "0812345678", "081-234-5678", "นายสมปอง", "เรียกรับเงิน"):
        assert secret not in facts
        assert secret.replace(" ", "") not in text_
    assert created.tracking_code in text_


async def test_evidence_rows_are_added_and_removed_by_keyboard(desk):
    app = DeskHost(desk.ctx(desk.desk), lambda: _form(desk))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await type_into(pilot, "#subject", "ท่อระบายน้ำอุดตัน")
        form = app.screen
        form.query_one("#anonymous", Checkbox).value = True
        for item in ("ภาพถ่ายจุดเกิดเหตุ", "แผนที่สังเขป", "หนังสือร้องเรียน"):
            await pilot.press("ctrl+n")
            await pilot.pause()
            await type_text(pilot, item)
        form.query_one("#ev-item-2", Input).focus()
        await pilot.press("ctrl+r")  # removes the row holding the focus
        await pilot.pause()
        assert [w.id for w in form.query(".evidence-row")] == ["ev-row-1", "ev-row-3"]
        assert form.focused is form.query_one("#ev-item-3", Input)  # the keyboard stays in the list
        await pilot.press("ctrl+s")
        await settle(pilot)
    case = core.get_case(desk.engine, desk.desk, app.result.id)
    assert [e.item for e in case.evidence] == ["ภาพถ่ายจุดเกิดเหตุ", "หนังสือร้องเรียน"]


async def test_an_old_received_date_asks_for_a_reason_then_saves(desk):
    app = DeskHost(desk.ctx(desk.desk), lambda: _form(desk))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not app.screen.query_one("#received-reason-row").display  # hidden until needed
        app.screen.query_one("#received_at", Input).value = "15/01/2566 09:00"  # before the previous fiscal year
        await type_into(pilot, "#subject", SUBJECT)
        await type_into(pilot, "#complainant_name", NAME)
        await type_into(pilot, "#phone", "0812345678")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert _count(desk.engine) == 0
        assert app.screen.query_one("#received-reason-row").display
        assert "ต้องระบุเหตุผล" in str(app.screen.query_one(FormErrors).render())
        await type_into(pilot, "#received_reason", "หนังสือตกค้างในตู้เอกสาร")
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert isinstance(app.result, CreatedComplaint) and app.result.fiscal_year == 2566
