"""The salary committees' documents of a round through the registry: what a secretary prints from screen 4."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from itatui.domain.roles import Actor, PermissionDenied, Role
from itatui.reports import registry
from itatui.reports.committee_reports import NAMES
from itatui.reports.spec import ReportParams
from itatui.store import committees as C
from itatui.store.accounts import create_user
from tests.committee_fixtures import evaluation_of, office, score_and_screen
from tests.reports.conftest import csv_rows, docx_text, pdf_text, xlsx_rows

P = ReportParams(year=2569, round=1, today=date(2026, 4, 2))
TH = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def _squash(text: str) -> str:
    """Spaces dropped, and pdftotext's echo of a mark-and-tone cluster undone (it reads "คำสั่ง" as "คำสั่สั่ง"
    from the shaped glyphs; the page itself shows it once)."""
    return re.sub(r"(.[\u0e31\u0e34-\u0e37\u0e47][\u0e48-\u0e4b])\1", r"\1", re.sub(r"\s+", "", text))


@pytest.fixture
def decided(engine, admin):
    """The test office's round 1 of 2569: S004 rated ดีเด่น (95) and raised one step (900 baht), S005 ดีมาก."""
    o = office(engine, admin)
    score_and_screen(engine, o.secretary, o.round.id, "S004", "95")
    score_and_screen(engine, o.secretary, o.round.id, "S005", "85")
    C.decide(engine, o.secretary, evaluation_of(engine, o.secretary, o.round.id, "S004").id,
             C.DecisionDraft(steps="1", amount="900", meeting_id=o.meeting.id, told_on="2/4/2569"))
    C.save_minutes(engine, o.secretary, o.meeting.id, "มติเลื่อนขั้นตามบัญชี")
    return o


def test_announcement_and_calculation_in_every_format(engine, decided, poppler, tmp_path: Path) -> None:
    sec = decided.secretary
    calc = C.documents.calculation(engine, sec, decided.round.id).totals[0]
    quota, pool, used = calc.quota_allowed, calc.pool_allowed, calc.pool_used
    assert (quota, used) == (1, 900) and pool > 0
    for digits in (True, False):
        text = _squash(pdf_text(registry.produce(engine, sec, "committee-announcement", P, thai_digits=digits), tmp_path))
        assert "ประกาศเทศบาลตำบลเขมราฐ" in text and "ดีเด่นและดีมาก" in text
        names = ("นายคนที่4สกุล4", "นายคนที่5สกุล5")  # the test staff's names hold digits: printed as the option says
        assert all((n.translate(TH) if digits else n) in text for n in names)
        calc_text = _squash(pdf_text(registry.produce(engine, sec, "committee-calculation", P, thai_digits=digits), tmp_path))
        assert "การคำนวณโควตาและวงเงิน" in calc_text and "เทศบาลตำบลเขมราฐ" in calc_text
        for n in (f"{pool:,}", "900", f"{calc.pool_base:,}"):
            assert (n.translate(TH) if digits else n) in calc_text, n
    docx = docx_text(registry.produce(engine, sec, "committee-calculation", P, "docx", thai_digits=False))
    assert f"{pool:,}" in docx and f"{calc.pool_base:,}" in docx
    rows = xlsx_rows(registry.produce(engine, sec, "committee-calculation", P, "xlsx"))
    steps_row = next(r for r in rows if r[0] == "เลื่อนขั้น")
    assert (steps_row[2], steps_row[3], steps_row[5], steps_row[6]) == (quota, 1, pool, 900)
    assert any("นายคนที่4 สกุล4" in r for r in csv_rows(registry.produce(engine, sec, "committee-announcement", P, "csv", thai_digits=False)))


def test_orders_meetings_and_one_letter(engine, decided, poppler, tmp_path: Path) -> None:
    sec = decided.secretary
    order = _squash(pdf_text(registry.produce(engine, sec, "committee-promotion-order", P, thai_digits=False), tmp_path))
    assert "คำสั่งเทศบาลตำบลเขมราฐ" in order and "ที่124/2569" in order and "นายนายกเทศมนตรี" in order and "ลงชื่อ" in order
    raise_ = _squash(pdf_text(registry.produce(engine, sec, "committee-raise-order", P, thai_digits=False), tmp_path))
    assert "เลื่อนขั้นเงินเดือน" in raise_ and "23,900" in raise_ and "นายคนที่4สกุล4" in raise_
    rows = xlsx_rows(registry.produce(engine, sec, "committee-raise-order", P, "xlsx", thai_digits=False))
    assert any(r[1] == "นายคนที่4 สกุล4" and r[7] == 900 and r[8] == 23_900 for r in rows)
    meetings = _squash(pdf_text(registry.produce(engine, sec, "committee-meetings", P), tmp_path))
    assert "ขอเชิญประชุม" in meetings and "มติเลื่อนขั้นตามบัญชี" in meetings
    letter = registry.produce(engine, sec, "committee-result-letters", ReportParams(year=2569, round=1, staff="S004"), thai_digits=False)
    text = _squash(pdf_text(letter, tmp_path))
    assert "เรียนนายคนที่4สกุล4" in text and "23,900" in text and "30วัน" in text
    assert registry.file_name("committee-result-letters", ReportParams(year=2569, round=1, staff="S004"), "pdf") == \
        "committee-result-letters-2569-r1-S004.pdf"
    assert [s.name for s in registry.for_screen("committees")] == list(NAMES)


def test_a_viewer_without_permission_is_refused(engine, admin, decided) -> None:
    # Every role views committees; a user whose roles were all taken away does not.
    info = create_user(engine, admin, "gone", "gone-pass-123", {Role.VIEWER}, "นายย้ายออก")
    desk = Actor(info.id, info.username, frozenset())
    assert registry.offered(NAMES, desk) == [] and len(registry.offered(NAMES, decided.secretary)) == len(NAMES)
    for name in ("committee-calculation", "committee-result-letters"):
        with pytest.raises(PermissionDenied):
            registry.produce(engine, desk, name, P)


def test_one_result_letter_from_the_command_line(engine, db_path: Path, decided, poppler, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from itatui.cli import main

    monkeypatch.setenv("ITATUI_USER", "hr")
    monkeypatch.setenv("ITATUI_PASSWORD", "hr-pass-123")
    out = tmp_path / "letter.pdf"
    assert main(["--db", str(db_path), "report", "committee-result-letters", "--year", "2569", "--round", "1",
                 "--staff", "S004", "--digits", "arabic", "-o", str(out)]) == 0
    text = _squash(pdf_text(out.read_bytes(), tmp_path))
    assert "เรียนนายคนที่4สกุล4" in text and "23,900" in text
    assert main(["--db", str(db_path), "report", "committee-result-letters", "--year", "2569", "--round", "1",
                 "--staff", "S001", "-o", str(tmp_path / "none.pdf")]) == 1  # S001 has no decision yet
