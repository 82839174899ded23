"""Fixtures for the registry's reports: the demo plan with some progress entered, and readers that open each
format the way a user's program would (pdftotext, python-docx, openpyxl, a CSV reader)."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from sqlmodel import select

from itatui.store.db import write_scope
from itatui.store.models import PlanTarget, Project
from itatui.store.plan.progress import ProgressDraft, parse_progress_draft, save_progress
from itatui.store.seed import seed_demo_plan


@pytest.fixture
def poppler() -> None:
    if shutil.which("pdftotext") is None:
        if os.environ.get("CI"):
            pytest.fail("poppler-utils (pdftotext) must be installed in CI")
        pytest.skip("poppler-utils not installed")


@pytest.fixture
def plan_db(engine, admin):
    """The demo plan; project 4 reported for FY 2569 round 1 (spent 8,500 of 10,000); ITA score 2569 = 87.5."""
    seed_demo_plan(engine, admin)
    with write_scope(engine) as s:
        pid = s.exec(select(Project.id).where(Project.number == 4)).one()
        target = s.exec(select(PlanTarget).where(PlanTarget.kind == "ita_score", PlanTarget.fiscal_year == 2569)).one()
        target.actual = 87.5
        s.add(target)
    edit = parse_progress_draft(ProgressDraft("10000", "10000", "8500", "in_progress", remark="จัดอบรมแล้ว ๑ ครั้ง"), 1)
    save_progress(engine, admin, pid, 2569, 1, edit)
    return engine


def pdf_text(content: bytes, tmp_path: Path, *opts: str) -> str:
    path = tmp_path / "read.pdf"
    path.write_bytes(content)
    return subprocess.run(["pdftotext", *opts, str(path), "-"], check=True, capture_output=True, text=True).stdout


def pdf_pages(content: bytes, tmp_path: Path) -> int:
    path = tmp_path / "info.pdf"
    path.write_bytes(content)
    out = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


def docx_text(content: bytes) -> str:
    from docx import Document

    doc = Document(io.BytesIO(content))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.append("\t".join(c.text for c in row.cells))
    for section in doc.sections:
        parts += [p.text for p in section.header.paragraphs]
    return "\n".join(parts)


def xlsx_rows(content: bytes) -> list[tuple]:
    from openpyxl import load_workbook

    ws = load_workbook(io.BytesIO(content)).active
    return [tuple(c for c in row) for row in ws.iter_rows(values_only=True)]


def csv_rows(content: bytes) -> list[list[str]]:
    assert content.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    return list(csv.reader(io.StringIO(content[3:].decode("utf-8"))))
