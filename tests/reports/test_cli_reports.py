"""``itatui report``, ``itatui ita-pack`` and ``itatui import-json`` as a clerk types them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from itatui.cli import main
from itatui.store.bootstrap import open_database
from tests.reports.conftest import pdf_text, xlsx_rows


@pytest.fixture
def logged_in(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ITATUI_USER", "admin")
    monkeypatch.setenv("ITATUI_PASSWORD", "admin-pass-1")


def test_report_list_names_every_report(plan_db, capsys) -> None:
    assert main(["report", "--list"]) == 0
    out = capsys.readouterr().out
    for name in ("plan", "project-sheets", "monitoring", "complaint-stats", "case-summary", "receipt"):
        assert name in out


def test_report_plan_to_pdf_and_xlsx_with_arabic_digits(plan_db, db_path: Path, logged_in, poppler, tmp_path: Path) -> None:
    pdf = tmp_path / "plan.pdf"
    assert main(["--db", str(db_path), "report", "plan", "--digits", "arabic", "-o", str(pdf)]) == 0
    assert "150,000" in pdf_text(pdf.read_bytes(), tmp_path)
    xlsx = tmp_path / "monitoring.xlsx"  # the format follows the file name
    assert main(["--db", str(db_path), "report", "monitoring", "--year", "2569", "--round", "1", "-o", str(xlsx)]) == 0
    assert any(r[0] == "๔)" and r[6] == 8500 for r in xlsx_rows(xlsx.read_bytes()))


def test_report_errors_are_said_in_thai(plan_db, db_path: Path, logged_in, tmp_path: Path, capsys) -> None:
    assert main(["--db", str(db_path), "report", "monitoring", "-o", str(tmp_path / "m.pdf")]) == 1
    assert "ต้องระบุ year" in capsys.readouterr().err
    assert main(["--db", str(db_path), "report", "nothing", "-o", str(tmp_path / "n.pdf")]) == 1
    assert "ไม่มีรายงานชื่อ nothing" in capsys.readouterr().err


def test_ita_pack_command(plan_db, db_path: Path, logged_in, tmp_path: Path, capsys) -> None:
    out = tmp_path / "ita"
    assert main(["--db", str(db_path), "ita-pack", "--year", "2569", "-o", str(out)]) == 0
    assert (out / "index-2569.pdf").is_file() and (out / "index-2569.csv").is_file()
    assert (out / "O37-monitoring-2569-r1.pdf").is_file()
    assert "O27" in capsys.readouterr().out


def test_export_import_export_gives_the_same_file_apart_from_its_timestamp(plan_db, db_path: Path, logged_in, tmp_path: Path) -> None:
    first = tmp_path / "first.json"
    assert main(["--db", str(db_path), "export", "plan", "--format", "json", "-o", str(first)]) == 0
    data = json.loads(first.read_text(encoding="utf-8"))
    assert any(p["progress"] for d in data["dimensions"] for m in d["missions"] for p in m["projects"])
    assert any(t["actual"] == 87.5 for t in data["targets"])
    other = tmp_path / "other.db"
    open_database(str(other)).dispose()  # an empty database: the import acts as the system (no user yet)
    assert main(["--db", str(other), "import-json", str(first)]) == 0
    second = tmp_path / "second.json"
    assert main(["--db", str(other), "export", "plan", "--format", "json", "-o", str(second)]) == 0
    a, b = json.loads(first.read_text(encoding="utf-8")), json.loads(second.read_text(encoding="utf-8"))
    assert a.pop("generated_at") and b.pop("generated_at")
    assert a == b
    # Reading the same file again changes nothing.
    assert main(["--db", str(other), "import-json", str(first)]) == 0
    third = tmp_path / "third.json"
    assert main(["--db", str(other), "export", "plan", "--format", "json", "-o", str(third)]) == 0
    c = json.loads(third.read_text(encoding="utf-8"))
    c.pop("generated_at")
    assert c == a


def test_import_json_refuses_a_file_that_is_not_an_export(db_path: Path, engine, tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something"}', encoding="utf-8")
    assert main(["--db", str(db_path), "import-json", str(bad)]) == 1
    assert capsys.readouterr().err.strip()
