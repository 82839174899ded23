"""The risk assessment (Part 1 layout) and the monitoring of its controls, from the risk register's core."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from itatui.reports import registry
from itatui.reports.errors import ReportError
from itatui.reports.spec import ReportParams
from itatui.store.db import write_scope
from itatui.store.models import Organisation
from tests.reports.conftest import pdf_text, xlsx_rows


def test_part1_risk_assessment_and_its_monitoring(plan_db, admin, poppler, tmp_path: Path) -> None:
    params = ReportParams(year=2569, today=date(2026, 12, 1))
    text = re.sub(r"\s+", "", pdf_text(registry.produce(plan_db, admin, "risk-assessment", params), tmp_path))
    assert "การประเมินความเสี่ยงการทุจริต" in text and "เทศบาลตำบลเขมราฐ" in text
    assert "ขั้นตอนการดำเนินงาน" in text and "มาตรการควบคุมความเสี่ยง" in text
    rows = xlsx_rows(registry.produce(plan_db, admin, "risk-assessment", params, "xlsx"))
    header = next(i for i, r in enumerate(rows) if r[0] == "ลำดับ")
    assert len(rows) - header - 1 >= 3  # the demo plan's processes, one row each
    mon = pdf_text(registry.produce(plan_db, admin, "risk-monitoring", params), tmp_path)
    assert "รายงานการติดตามการดำเนินการตามมาตรการควบคุมความเสี่ยงการทุจริต" in re.sub(r"\s+", "", mon) or "ติดตาม" in mon
    assert [s.name for s in registry.for_screen("risks")] == ["risk-assessment", "risk-monitoring"]


def test_no_register_yet_is_said(engine, admin) -> None:
    with pytest.raises(ReportError) as err:
        registry.produce(engine, admin, "risk-assessment", ReportParams(year=2569))
    assert err.value.key == "risk.err.no_organisation"
    with write_scope(engine) as s:
        s.add(Organisation(name="เทศบาลตำบลทดสอบ"))
    with pytest.raises(ReportError) as err:
        registry.produce(engine, admin, "risk-assessment", ReportParams(year=2569))
    assert err.value.key == "report.err.no_assessment"
