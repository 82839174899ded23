"""The plan's printouts as a reader sees them: the plan table (Part 2), project sheets (Part 3), the monitoring
report; every format holds the same numbers, and the totals are the document's (30,000 a year, 150,000)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from itatui.reports import registry
from itatui.reports.errors import ReportError
from itatui.reports.spec import ReportParams
from tests.reports.conftest import csv_rows, docx_text, pdf_pages, pdf_text, xlsx_rows

ORG = "เทศบาลตำบลเขมราฐ"
PRINTED = date(2026, 12, 1)  # 1 ธันวาคม 2569
THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def _produce(engine, actor, name: str, fmt: str = "pdf", thai: bool = True, **params) -> bytes:
    return registry.produce(engine, actor, name, ReportParams(today=PRINTED, **params), fmt, thai_digits=thai)


def test_plan_pdf_in_thai_digits_has_title_organisation_and_the_documents_totals(plan_db, admin, poppler, tmp_path: Path) -> None:
    pdf = _produce(plan_db, admin, "plan")
    text = pdf_text(pdf, tmp_path, "-layout")
    assert "แผนปฏิบัติการป้องกันการทุจริต" in text and ORG in text
    assert "พิมพ์เมื่อ ๑ ธันวาคม ๒๕๖๙" in text
    total_line = next(line for line in text.splitlines() if "๑๕๐,๐๐๐" in line and "โครงการ" in line)
    assert total_line.count("๓๐,๐๐๐") == 5
    assert not re.search(r"[0-9]", text)  # Thai digits everywhere by default, page numbers included
    pages = pdf_pages(pdf, tmp_path)
    assert f"หน้า ๑ / {str(pages).translate(THAI)}" in text
    # The column headings repeat on every page of the table.
    assert text.count("รวม ๕ ปี") == pages
    info = pdf_text(pdf, tmp_path, "-f", "1", "-l", "1", "-bbox")
    width = float(re.search(r'<page width="([\d.]+)"', info)[1])  # type: ignore[index]
    assert width > 800  # A4 landscape: the five budget columns need the width


def test_plan_in_arabic_digits(plan_db, admin, poppler, tmp_path: Path) -> None:
    text = pdf_text(_produce(plan_db, admin, "plan", thai=False), tmp_path, "-layout")
    total_line = next(line for line in text.splitlines() if "150,000" in line)
    assert total_line.count("30,000") == 5
    assert not re.search("[๐-๙]", text.replace("ระยะ ๕ ปี", "").replace("รวม ๕ ปี", ""))


def test_plan_xlsx_holds_numbers_that_add_up_to_the_printed_totals(plan_db, admin) -> None:
    rows = xlsx_rows(_produce(plan_db, admin, "plan", "xlsx"))
    header = next(i for i, r in enumerate(rows) if r[0] == "ที่")
    years = [c for c in rows[header][2:7]]
    assert years == ["ปี ๒๕๖๖", "ปี ๒๕๖๗", "ปี ๒๕๖๘", "ปี ๒๕๖๙", "ปี ๒๕๗๐"]
    projects = [r for r in rows[header + 1:] if isinstance(r[0], str) and re.fullmatch(r"[๐-๙]+\)", r[0])]
    grand = next(r for r in rows if isinstance(r[0], str) and r[0].startswith("รวมทั้งสิ้น"))
    assert list(grand[2:8]) == [30000] * 5 + [150000]
    for col in range(2, 7):
        assert sum(r[col] for r in projects if isinstance(r[col], int)) == grand[col]
    subtotals = [r for r in rows if isinstance(r[0], str) and r[0].startswith("รวมมิติที่")]
    assert len(subtotals) == 4 and sum(r[7] for r in subtotals) == 150000


def test_plan_docx_and_csv_show_the_same_totals(plan_db, admin) -> None:
    text = docx_text(_produce(plan_db, admin, "plan", "docx"))
    grand = next(line for line in text.splitlines() if line.startswith("รวมทั้งสิ้น"))
    assert grand.count("๓๐,๐๐๐") == 5 and "๑๕๐,๐๐๐" in grand
    assert ORG in text
    rows = csv_rows(_produce(plan_db, admin, "plan", "csv"))
    grand_csv = next(r for r in rows if r[0].startswith("รวมทั้งสิ้น"))
    assert grand_csv[2:8] == ["30000"] * 5 + ["150000"]  # plain numbers a spreadsheet can add up


def test_one_project_sheet_with_baht_in_words(plan_db, admin, poppler, tmp_path: Path) -> None:
    pdf = _produce(plan_db, admin, "project-sheets", project=4)
    text = re.sub(r"\s+", "", pdf_text(pdf, tmp_path))
    assert "รายละเอียดโครงการลำดับที่๔" in text and ORG in text
    assert "ห้าหมื่นบาทถ้วน" in text and "๕๐,๐๐๐" in text  # 10,000 a year for five years
    for section in ("๑.ชื่อโครงการ", "๒.หลักการและเหตุผล", "๓.วัตถุประสงค์", "๑๐.ตัวชี้วัด"):
        assert section in text
    docx = docx_text(_produce(plan_db, admin, "project-sheets", "docx", project=4))
    assert "ห้าหมื่นบาทถ้วน" in docx and "๕๐,๐๐๐" in docx


def test_all_project_sheets_start_each_project_on_its_own_page(plan_db, admin, poppler, tmp_path: Path) -> None:
    pdf = _produce(plan_db, admin, "project-sheets", thai=False)
    assert pdf_pages(pdf, tmp_path) >= 25
    text = pdf_text(pdf, tmp_path)
    for number in (1, 4, 19, 29):
        assert re.search(rf"(^|\f){number}\) ", text, re.M)
    with pytest.raises(ReportError) as err:
        _produce(plan_db, admin, "project-sheets", project=999)
    assert err.value.key == "report.err.no_project"


def test_monitoring_report_has_the_eplan_fields_and_targets_against_actuals(plan_db, admin, poppler, tmp_path: Path) -> None:
    pdf = _produce(plan_db, admin, "monitoring", year=2569, round=1)
    text = pdf_text(pdf, tmp_path, "-layout")
    flat = re.sub(r"\s+", "", text)
    assert "รายงานการกำกับติดตาม" in flat and ORG in text and "ประจำปีงบประมาณพ.ศ.๒๕๖๙รอบ๖เดือน" in flat
    row = next(line for line in text.splitlines() if line.lstrip().startswith("๔)"))
    assert "๑๐,๐๐๐" in row and "๘,๕๐๐" in row and "อยู่ระหว่างดำเนินการ" in row
    ita = next(line for line in text.splitlines() if "คะแนน ITA" in line)
    assert "๘๕" in ita and "๘๗.๕๐" in ita and "บรรลุ" in ita
    rows = xlsx_rows(_produce(plan_db, admin, "monitoring", "xlsx", year=2569, round=1))
    project = next(r for r in rows if r[0] == "๔)")
    assert project[4:7] == (10000, 10000, 8500)
    total = next(r for r in rows if r[0] == "รวม")
    assert total[4:7] == (10000, 10000, 8500)
    with pytest.raises(ReportError) as err:
        _produce(plan_db, admin, "monitoring", year=2575, round=1)
    assert err.value.key == "report.err.year_outside"


def test_the_registry_refuses_what_a_report_does_not_take(plan_db, admin) -> None:
    with pytest.raises(ReportError) as err:
        _produce(plan_db, admin, "project-sheets", "xlsx")
    assert err.value.key == "report.err.format"
    with pytest.raises(ReportError) as err:
        _produce(plan_db, admin, "monitoring")
    assert err.value.key == "report.err.param_missing"
    with pytest.raises(ReportError) as err:
        registry.get("nope")
    assert err.value.key == "report.err.unknown"
    assert [s.name for s in registry.for_screen("plan")] == ["plan", "project-sheets", "monitoring"]
