"""``itatui export risks``: every assessment, or one year, as JSON; a year without an assessment is refused."""

from __future__ import annotations

import json

from itatui.cli import main
from itatui.store import risks
from itatui.store.seed import seed_demo_plan


def test_export_risks_to_a_file_and_by_year(engine, admin, db_path, tmp_path, monkeypatch, capsys):
    seed_demo_plan(engine)
    a = risks.assessment_for_year(engine, admin, 2566)
    risks.start_assessment(engine, admin, 2567, a.id)
    monkeypatch.setenv("ITATUI_PASSWORD", "admin-pass-1")
    out = tmp_path / "risks.json"
    assert main(["--db", str(db_path), "export", "risks", "--format", "json", "-o", str(out), "--user", "admin"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [x["fiscal_year"] for x in data["assessments"]] == [2566, 2567]
    control = data["assessments"][0]["processes"][3]["controls"][0]
    assert set(control) >= {"text", "project_number", "owner", "due", "progress", "status"} and control["project_number"] == 7
    capsys.readouterr()
    assert main(["--db", str(db_path), "export", "risks", "--year", "2567", "--user", "admin"]) == 0
    one = json.loads(capsys.readouterr().out)
    assert [x["fiscal_year"] for x in one["assessments"]] == [2567]
    assert main(["--db", str(db_path), "export", "risks", "--year", "2590", "--user", "admin"]) == 1
    assert "2590" in capsys.readouterr().err
    # the plan export keeps its risk_assessment as before
    assert main(["--db", str(db_path), "export", "plan", "--user", "admin"]) == 0
    assert json.loads(capsys.readouterr().out)["risk_assessment"]["processes"][2]["issues"][0]["level"] == "high"
