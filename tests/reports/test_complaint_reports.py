"""Complaint statistics for publication, the investigators' case summary, the receipt on the registry, and the
promise that no published file (nor the ITA pack) carries a complainant's name, national ID or phone."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from itatui.domain.roles import PermissionDenied, Role
from itatui.reports import registry
from itatui.reports.ita_pack import build_pack
from itatui.reports.spec import ReportParams
from itatui.store import accounts
from itatui.store import complaints as C
from tests.reports.conftest import csv_rows, docx_text, pdf_text, xlsx_rows

PRINTED = date(2026, 4, 2)
NAMES = ("นางสาวลับเฉพาะ ห้ามเผยแพร่", "นายสมปอง ร้องทุกข์", "นางมณี ทุจริตแจ้ง")
IDS = ("1101700230708", "3340100123459")  # valid check digits
PHONES = ("0812345678", "0899001122")


def _at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 3, 0, tzinfo=UTC)


@pytest.fixture
def desk(plan_db, admin):
    """FY 2569: four named general complaints, one corruption complaint naming its complainant (hidden), one
    anonymous; one general complaint answered and closed."""
    officer = accounts.create_user(plan_db, admin, "desk", "desk-pass-1", {Role.COMPLAINT_OFFICER}).actor()
    accounts.create_user(plan_db, admin, "inv1", "inv1-pass-1", {Role.VIEWER}, "ผู้ตรวจสอบ หนึ่ง")
    C.bootstrap_investigator(plan_db, admin, "inv1", "inv1-pass-1")  # a named corruption complaint is sealed for them
    now = datetime(2026, 4, 1, 3, 0, tzinfo=UTC)
    ids = []
    for i, day in enumerate((date(2025, 10, 3), date(2025, 11, 4), date(2026, 1, 5), date(2026, 3, 6))):
        draft = C.ComplaintDraft(kind="general", channel="walk_in", subject=f"ถนนชำรุด จุดที่ {i + 1}", received_at=_at(day),
                                 complainant_name=NAMES[i % 2], national_id=IDS[i % 2], phone=PHONES[i % 2],
                                 address="๑๒ หมู่ ๓", contact_pref="phone")
        ids.append(C.create_complaint(plan_db, officer, draft, now=now).id)
    C.record_result(plan_db, officer, ids[0], "concluded", "ซ่อมแล้ว", now=_at(date(2025, 10, 10)))
    C.close(plan_db, officer, ids[0], 5, now=_at(date(2025, 10, 11)))
    C.create_complaint(plan_db, officer, C.ComplaintDraft(
        kind="corruption", channel="letter", subject="เรียกรับเงินค่าอนุญาต", received_at=_at(date(2025, 12, 1)),
        accused="นาย ก.", complainant_name=NAMES[2], national_id=IDS[0], phone=PHONES[1]), now=now)
    C.create_complaint(plan_db, officer, C.ComplaintDraft(
        kind="corruption", channel="website", subject="ใช้รถราชการส่วนตัว", received_at=_at(date(2026, 2, 1)),
        accused="นาย ข.", anonymous=True), now=now)
    return {"officer": officer, "general": ids}


def _stats(engine, actor, fmt: str = "pdf", thai: bool = True, **params) -> bytes:
    return registry.produce(engine, actor, "complaint-stats", ReportParams(year=2569, today=PRINTED, **params), fmt, thai_digits=thai)


def test_statistics_publish_counts_and_the_corruption_table_with_small_counts_masked(plan_db, desk, admin, poppler, tmp_path: Path) -> None:
    text = pdf_text(_stats(plan_db, admin, thai=False), tmp_path, "-layout")
    assert "สถิติเรื่องร้องเรียน" in text and "เทศบาลตำบลเขมราฐ" in text
    received = next(line for line in text.splitlines() if line.strip().startswith("ได้รับ (เรื่อง)"))
    assert received.split()[-1] == "6"
    flat = re.sub(r"\s+", "", text)
    assert "สถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ" in flat
    total = [line for line in text.splitlines() if line.strip().startswith("รวม")][-1]
    assert re.sub(r"<\s*", "<", total).split()[1:] == ["<3", "0", "<3"]  # 2 received, 0 finished, 2 in progress: all masked
    assert "ไม่มีเรื่องร้องเรียน" not in text
    rows = xlsx_rows(_stats(plan_db, admin, "xlsx"))
    assert any(r[0] == "ได้รับ (เรื่อง)" and r[1] == "๖" for r in rows)


def test_a_period_without_corruption_complaints_says_so(plan_db, desk, admin, poppler, tmp_path: Path) -> None:
    text = pdf_text(registry.produce(plan_db, admin, "complaint-stats", ReportParams(year=2568, today=PRINTED)), tmp_path)
    assert "ไม่มีเรื่องร้องเรียน" in text
    assert "ประจำปีงบประมาณ พ.ศ. ๒๕๖๘" in text


def test_case_summary_is_for_investigators_only_and_holds_no_identity(plan_db, desk, admin, poppler, tmp_path: Path) -> None:
    params = ReportParams(year=2569, today=PRINTED)
    for actor in (admin, desk["officer"]):
        with pytest.raises(PermissionDenied):
            registry.produce(plan_db, actor, "case-summary", params)
    investigator = accounts.authenticate(plan_db, "inv1", "inv1-pass-1").actor()
    assert investigator.has_role(Role.INVESTIGATOR)
    text = pdf_text(registry.produce(plan_db, investigator, "case-summary", params), tmp_path)
    assert "เรียกรับเงินค่าอนุญาต" in text and "ใช้รถราชการส่วนตัว" in text
    assert "เอกสารลับ" in text and "สรุปเรื่องร้องเรียนการทุจริต" in text and "เทศบาลตำบลเขมราฐ" in text
    assert "จำนวน ๒ เรื่อง" in text
    for secret in (NAMES[2], IDS[0], PHONES[1]):
        assert secret not in text and secret not in _thai_to_arabic(text)


def test_the_receipt_is_on_the_registry(plan_db, desk, admin, poppler, tmp_path: Path) -> None:
    cid = desk["general"][1]
    pdf = registry.produce(plan_db, desk["officer"], "receipt", ReportParams(complaint=cid), "pdf", thai_digits=False)
    text = pdf_text(pdf, tmp_path)
    assert "ใบรับเรื่องร้องเรียน" in text and "รท. 2/2569" in text
    assert [s.name for s in registry.for_screen("complaint_case")] == ["receipt"]


def _thai_to_arabic(text: str) -> str:
    return text.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))


def _file_text(path: Path, tmp_path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".pdf":
        return pdf_text(data, tmp_path)
    if path.suffix == ".docx":
        return docx_text(data)
    if path.suffix == ".xlsx":
        return "\n".join(" ".join(str(c) for c in r if c is not None) for r in xlsx_rows(data))
    return "\n".join(",".join(r) for r in csv_rows(data))


def test_no_published_file_nor_the_ita_pack_names_a_complainant(plan_db, desk, admin, poppler, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for spec in registry.all_reports():
        if not spec.publication:
            continue
        for fmt in spec.formats:
            for rnd in (None, 1, 2) if "round" in spec.params else (None,):
                params = ReportParams(year=2569 if "year" in spec.params else None, round=rnd, today=PRINTED)
                registry.save(plan_db, admin, spec.name, params, fmt, out / registry.file_name(spec.name, params, fmt))
    result = build_pack(plan_db, admin, 2569, tmp_path / "pack", today=PRINTED)
    files = sorted(out.iterdir()) + list(result.files)
    assert len(files) > 20
    digits_only = [re.sub(r"\D", "", x) for x in (*IDS, *PHONES)]
    for path in files:
        text = _file_text(path, tmp_path)
        plain = _thai_to_arabic(text)
        for name in NAMES:
            assert name not in text and name.split()[0] not in text, path.name
        squashed = re.sub(r"[\s,.-]", "", plain)
        for number in digits_only:
            assert number not in squashed, path.name


def test_ita_pack_index_lists_every_item_with_its_code_files_and_period(plan_db, desk, admin, poppler, tmp_path: Path) -> None:
    folder = tmp_path / "pack"
    result = build_pack(plan_db, admin, 2569, folder, today=PRINTED)
    assert result.mapping_year == 2566  # the latest item list not after 2569 (codes are data, per year)
    rows = {r[0]: r for r in csv.reader(io.StringIO((folder / "index-2569.csv").read_text(encoding="utf-8-sig")))}
    assert "O36-plan.pdf" in rows["O36"][2] and (folder / "O36-plan.pdf").is_file()
    assert "O37-monitoring-2569-r1.pdf" in rows["O37"][2]
    assert rows["O37"][3] == "1 ต.ค. 2568 – 31 มี.ค. 2569".translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    assert "O38-monitoring-2569-r2.xlsx" in rows["O38"][2]
    assert "O29-complaint-stats-2569-r1.pdf" in rows["O29"][2]
    for code in ("O23", "O27", "O28"):
        assert rows[code][2].startswith("ไม่ได้จัดทำโดยโปรแกรมนี้")
    assert "O34-risk-assessment-2569.pdf" in rows["O34"][2] and "O35-risk-monitoring-2569.pdf" in rows["O35"][2]
    index = pdf_text((folder / "index-2569.pdf").read_bytes(), tmp_path)
    assert "ดัชนีเอกสารเผยแพร่ตามการประเมิน ITA" in index and "O38" in index
    for path in result.files:
        assert path.stat().st_size > 0


def test_monitoring_report_counts_corruption_complaints_against_the_baseline(plan_db, desk, admin, poppler, tmp_path: Path) -> None:
    pdf = registry.produce(plan_db, admin, "monitoring", ReportParams(year=2569, round=1, today=PRINTED), thai_digits=False)
    text = pdf_text(pdf, tmp_path)
    line = next(x for x in text.splitlines() if x.startswith("เรื่องร้องเรียนการทุจริต ปีงบประมาณ 2569"))
    assert re.sub(r"<\s*", "<", line).endswith("<3 เรื่อง (ปีฐาน 2565: - เรื่อง)")  # 2 complaints, masked as published
