"""Writing a parsed plan into the database: created once, never duplicated, updated in place without losing
progress, refused whole; the JSON export and the shipped seed; the import-plan and export commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func
from sqlmodel import Session, col, select

from itatui.domain.roles import SYSTEM, Actor, PermissionDenied, Role
from itatui.importers import parse_plan_file, parse_plan_text
from itatui.importers.plan_dict import without_meta
from itatui.store.models import (
    AuditLog,
    Budget,
    Dimension,
    Kpi,
    KpiActual,
    Mission,
    Organisation,
    Plan,
    PlanTarget,
    ProgressReport,
    Project,
    ProjectUnit,
    RiskAssessment,
    RiskControl,
    RiskIssue,
    RiskProcess,
    TargetGroup,
    Unit,
)
from itatui.store.plan.export import export_plan
from itatui.store.plan.importing import ImportRefused, import_plan

YEARS = [2566, 2567, 2568, 2569, 2570]


def _count(engine, model) -> int:
    with Session(engine) as s:
        return s.exec(select(func.count()).select_from(model)).one()


def _project(engine, number: int) -> Project:
    with Session(engine) as s:
        return s.exec(select(Project).where(Project.number == number)).one()


def _budgets(engine, number: int) -> list[int | None]:
    with Session(engine) as s:
        pid = s.exec(select(Project.id).where(Project.number == number)).one()
        return [b.amount for b in s.exec(select(Budget).where(Budget.project_id == pid).order_by(col(Budget.fiscal_year))).all()]


def _edit(text: str, line: int, old: str, new: str) -> str:
    lines = text.split("\n")
    assert old in lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    return "\n".join(lines)


def _without_project_18(text: str) -> str:
    """The document with project 18 taken out of the table and its sheet removed."""
    lines = text.split("\n")
    row = lines[140]
    assert "๑๘) มาตรการออกคำสั่งมอบหมาย" in row
    lines[140] = row[: row.index(" ๑๘)")] + row[row.index("ตำบลเขมราฐ\t-") + len("ตำบลเขมราฐ") :]
    start = next(i for i, ln in enumerate(lines) if ln.startswith("๑. ชื่อโครงการ มาตรการออกคำสั่งมอบหมาย"))
    end = next(i for i, ln in enumerate(lines) if ln.startswith("มติที่ ๓"))
    return "\n".join(lines[:start] + lines[end - 2 :])


@pytest.fixture(autouse=True)
def _thai_afterwards():
    """``main(["--lang", "en", …])`` switches the process-wide language; put Thai back whatever happens."""
    yield
    from itatui.i18n import set_language

    set_language("th")


@pytest.fixture
def source_text(source_plan: Path) -> str:
    return source_plan.read_text(encoding="utf-8")


@pytest.fixture
def imported(engine, admin, source_plan):
    return import_plan(engine, admin, parse_plan_file(source_plan))


def test_first_import_creates_the_whole_plan(engine, imported):
    assert imported.status == "created"
    assert (imported.projects, imported.budgets, imported.kpis, imported.risk_issues) == (25, 125, 39, 9)
    assert _count(engine, Organisation) == 1
    assert _count(engine, Plan) == 1
    assert _count(engine, Dimension) == 4
    assert _count(engine, Mission) == 12  # 3.3 and 4.2 kept though they hold no project
    assert _count(engine, Project) == 25
    assert _count(engine, Budget) == 125
    assert _count(engine, Unit) == 3
    assert _count(engine, ProjectUnit) == 3 + 2 + 16 + 5 + 2 + 1 + 5
    assert _count(engine, TargetGroup) == 27  # projects 2 and 6 have two groups each
    assert _count(engine, Kpi) == 39
    assert _count(engine, PlanTarget) == 10
    assert (_count(engine, RiskProcess), _count(engine, RiskIssue), _count(engine, RiskControl)) == (4, 9, 8)
    with Session(engine) as s:
        org = s.exec(select(Organisation)).one()
        assert (org.name, org.district, org.province) == ("เทศบาลตำบลเขมราฐ", "เขมราฐ", "อุบลราชธานี")
        plan = s.exec(select(Plan)).one()
        assert (plan.start_year, plan.end_year, plan.declared_total) == (2566, 2570, 62)
        assert plan.source_name == "khemarat-anti-corruption-plan-2566-2570.txt" and len(plan.source_sha256) == 64
        ra = s.exec(select(RiskAssessment)).one()
        assert (ra.source, ra.fiscal_year, ra.plan_id) == ("imported", 2566, plan.id)
        levels = [i.level for i in s.exec(select(RiskIssue).order_by(col(RiskIssue.id))).all()]
        assert levels == ["medium"] * 4 + ["high", "medium"] + ["high"] * 3
        linked = s.exec(
            select(RiskControl.text, Project.number).join(Project, Project.id == RiskControl.project_id).order_by(col(RiskControl.id))
        ).all()
        assert [n for _t, n in linked] == [6, 13, 1, 9, 10, 7, 12, 29]
        targets = {(t.kind, t.fiscal_year): t.target for t in s.exec(select(PlanTarget)).all()}
        assert [targets[("ita_score", y)] for y in YEARS] == [70, 75, 80, 85, 90]
        p3 = s.exec(select(Project).where(Project.number == 3)).one()
        assert p3.kind == "project" and p3.sheet_line == 306 and p3.source_line == 131 and p3.area == "เทศบาลตำบลเขมราฐ"
        assert len(p3.objectives) == 3 and len(p3.outcomes) == 3
        units = s.exec(select(Unit.code).join(ProjectUnit, ProjectUnit.unit_id == Unit.id).where(ProjectUnit.project_id == p3.id)).all()
        assert units == ["ศึกษาฯ ศพด."]
    assert _budgets(engine, 4) == [10000] * 5
    assert _budgets(engine, 5) == [None] * 5
    assert _budgets(engine, 19) == [20000] * 5


def test_subtotals_from_the_stored_budgets(engine, imported):
    with Session(engine) as s:
        rows = s.exec(
            select(Dimension.number, Budget.fiscal_year, func.sum(Budget.amount))
            .join(Mission, Mission.dimension_id == Dimension.id)
            .join(Project, Project.mission_id == Mission.id)
            .join(Budget, Budget.project_id == Project.id)
            .group_by(Dimension.number, Budget.fiscal_year)
        ).all()
    sums = {(d, y): total for d, y, total in rows}
    assert all(sums[(1, y)] is None and sums[(2, y)] == 10000 and sums[(3, y)] == 20000 and sums[(4, y)] is None for y in YEARS)


def test_import_is_audited(engine, imported):
    with Session(engine) as s:
        records = s.exec(select(AuditLog).order_by(col(AuditLog.id))).all()
    actions = [(r.action, r.entity) for r in records]
    assert ("import", "plan") in actions
    assert actions.count(("create", "project")) == 25
    assert ("create", "organisation") in actions
    plan_record = next(r for r in records if r.action == "import")
    assert json.loads(plan_record.after)["projects"] == 25 and plan_record.username == "admin"


def test_reimporting_the_same_document_changes_nothing(engine, admin, imported, source_plan):
    audit_before = _count(engine, AuditLog)
    again = import_plan(engine, admin, parse_plan_file(source_plan))
    assert again.status == "unchanged" and again.plan_id == imported.plan_id
    assert (_count(engine, Plan), _count(engine, Project), _count(engine, Budget), _count(engine, Kpi)) == (1, 25, 125, 39)
    assert _count(engine, AuditLog) == audit_before
    assert "ไม่มีการเปลี่ยนแปลง" in again.lines()[0]


def test_changed_document_updates_in_place_and_keeps_progress(engine, admin, imported, source_text):
    before_ids = {p: _project(engine, p).id for p in (1, 17, 19)}
    with Session(engine) as s:  # progress entered on project 19 in the app
        s.add(ProgressReport(project_id=before_ids[19], fiscal_year=2566, round=1, status="in_progress", amount_spent=5000))
        s.commit()
    # project 19: 20,000 → 25,000 in 2566 and 2567; project 17 renamed; project 18 taken out
    text = _edit(source_text, 143, "๒๐,๐๐๐.- -\t๒๐,๐๐๐.- -", "๒๕,๐๐๐.- -\t๒๕,๐๐๐.- -")
    text = _edit(text, 1403, "๒๐,๐๐๐ บาท", "๒๕,๐๐๐ บาท")
    text = _edit(text, 1223, "โครงการจัดทำมาตรฐานการให้บริการประชาชน", "โครงการจัดทำมาตรฐานการให้บริการประชาชนออนไลน์")
    text = _edit(text, 141, "๑๗) โครงการจัดทำมาตรฐานการให้บริการ ประชาชน", "๑๗) โครงการจัดทำมาตรฐานการให้บริการ ประชาชนออนไลน์")
    text = _without_project_18(text)
    summary = import_plan(engine, admin, parse_plan_text(text, source_name="v2.txt"))
    assert summary.status == "updated"
    assert summary.removed == (18,)
    assert summary.changed == (17, 19)
    assert [(c.number, c.fiscal_year, c.old, c.new) for c in summary.budget_changes] == [(19, 2566, 20000, 25000), (19, 2567, 20000, 25000)]
    lines = "\n".join(summary.lines())
    assert "ลบโครงการ: 18" in lines and "แก้ไขโครงการ: 17, 19" in lines
    assert _count(engine, Plan) == 1 and _count(engine, Project) == 24
    assert {p: _project(engine, p).id for p in (1, 17, 19)} == before_ids  # same rows, updated in place
    assert _project(engine, 17).name.endswith("ออนไลน์")
    assert _budgets(engine, 19) == [25000, 25000, 20000, 20000, 20000]
    assert _count(engine, ProgressReport) == 1
    with Session(engine) as s:
        assert s.exec(select(ProgressReport.project_id)).one() == before_ids[19]
        assert s.exec(select(AuditLog).where(AuditLog.action == "reimport")).one()
        assert s.exec(select(AuditLog).where(AuditLog.action == "delete", AuditLog.entity == "project")).one()
        assert s.exec(select(Plan.source_name)).one() == "v2.txt"


def test_a_copy_with_moved_lines_is_unchanged_but_points_at_the_new_lines(engine, admin, imported, source_text):
    summary = import_plan(engine, admin, parse_plan_text("\n\n" + source_text, source_name="copy.txt"))
    assert summary.status == "unchanged"
    assert (_project(engine, 3).source_line, _project(engine, 3).sheet_line) == (133, 308)
    assert _count(engine, Project) == 25


def test_removing_a_project_with_progress_is_refused_whole(engine, admin, imported, source_text):
    pid18 = _project(engine, 18).id
    with Session(engine) as s:
        s.add(ProgressReport(project_id=pid18, fiscal_year=2566, round=1, status="done"))
        s.commit()
    audit_before = _count(engine, AuditLog)
    text = _edit(_without_project_18(source_text), 143, "๒๐,๐๐๐.- -", "๒๕,๐๐๐.- -")
    with pytest.raises(ImportRefused) as err:
        import_plan(engine, admin, parse_plan_text(text))
    assert err.value.key == "import.err.progress_would_be_lost" and err.value.params == {"number": 18}
    assert _count(engine, Project) == 25 and _budgets(engine, 19) == [20000] * 5
    assert _count(engine, AuditLog) == audit_before


def test_kpi_actuals_survive_a_reworded_kpi_and_block_its_removal(engine, admin, imported, source_text):
    with Session(engine) as s:
        kpi = s.exec(select(Kpi).join(Project, Project.id == Kpi.project_id).where(Project.number == 1).order_by(col(Kpi.id))).first()
        s.add(KpiActual(kpi_id=kpi.id, fiscal_year=2566, value=4))
        s.commit()
        kpi_id = kpi.id
    reworded = _edit(source_text, 228, "อย่างน้อย ๓ ช่องทาง", "อย่างน้อย ๔ ช่องทาง")
    summary = import_plan(engine, admin, parse_plan_text(reworded))
    assert summary.changed == (1,)
    with Session(engine) as s:
        kpi = s.get(Kpi, kpi_id)
        assert kpi.target == 4 and "๔ ช่องทาง" in kpi.indicator
        assert s.exec(select(KpiActual.value).where(KpiActual.kpi_id == kpi_id)).one() == 4
    gone = _edit(source_text, 228, "มีการเผยแพร่ประมวลจริยธรรม อย่างน้อย ๓ ช่องทาง", "มีการเผยแพร่ประมวลจริยธรรม")
    gone = _edit(gone, 230, "ไม่น้อยกว่าร้อยละ ๘๐", "ทุกคน")
    with pytest.raises(ImportRefused) as err:
        import_plan(engine, admin, parse_plan_text(gone))
    assert err.value.key == "import.err.kpi_actuals_would_be_lost"


def test_import_needs_the_import_right(engine, source_plan):
    viewer = Actor(user_id=None, username="viewer", roles=frozenset({Role.VIEWER}))
    with pytest.raises(PermissionDenied):
        import_plan(engine, viewer, parse_plan_file(source_plan))
    assert _count(engine, Plan) == 0


def test_export_matches_what_was_read(engine, admin, imported, source_plan):
    from itatui.importers.plan_dict import plan_to_dict

    data = export_plan(engine, admin)
    assert data["format"] == "itatui.plan" and data["format_version"] == 1
    assert without_meta(data) == without_meta(plan_to_dict(parse_plan_file(source_plan)))
    dims = data["dimensions"]
    assert [len([p for m in d["missions"] for p in m["projects"]]) for d in dims] == [3, 15, 2, 5]
    p4 = dims[1]["missions"][0]["projects"][0]
    assert p4["number"] == 4 and [b["amount"] for b in p4["budgets"]] == [10000] * 5 and p4["units"] == ["สป."]
    assert p4["sheet"]["budget_text"] == "๑๐,๐๐๐ บาท"
    assert data["risk_assessment"]["processes"][2]["issues"][0]["level"] == "high"


def test_export_carries_progress_and_actuals(engine, admin, imported):
    pid = _project(engine, 19).id
    with Session(engine) as s:
        s.add(ProgressReport(project_id=pid, fiscal_year=2567, round=2, status="done", amount_spent=19500, locked=True))
        s.commit()
    data = export_plan(engine, admin)
    p19 = data["dimensions"][2]["missions"][0]["projects"][0]
    assert p19["progress"] == [
        {
            "fiscal_year": 2567, "round": 2, "amount_local_plan": None, "amount_ordinance": None, "amount_spent": 19500,
            "status": "done", "not_possible_reason": "", "reason_text": "", "remark": "", "locked": True,
        }
    ]


# ---- the shipped seed ---------------------------------------------------------------------------------------


def test_seed_round_trips_through_the_database(engine):
    from itatui.store.seed import load_seed_data, seed_demo_plan

    first = seed_demo_plan(engine)
    assert first.status == "created" and first.projects == 25
    assert seed_demo_plan(engine).status == "unchanged"
    assert without_meta(export_plan(engine, SYSTEM)) == without_meta(load_seed_data())


def test_shipped_seed_is_the_parsed_source_plan(source_plan, tmp_path):
    from itatui.store.seed import build_seed, load_seed_data

    target = tmp_path / "seed.json"
    assert build_seed(source_plan, target) is True
    assert without_meta(json.loads(target.read_text(encoding="utf-8"))) == without_meta(load_seed_data())
    assert build_seed(source_plan, target) is False  # unchanged: not rewritten


# ---- the commands -------------------------------------------------------------------------------------------


def _plans_in(db: Path) -> int:
    from itatui.store.bootstrap import open_database

    eng = open_database(str(db))
    try:
        return _count(eng, Plan)
    finally:
        eng.dispose()


def test_cli_check_prints_the_report_and_writes_nothing(tmp_path, source_plan, capsys):
    from itatui.cli import main

    db = tmp_path / "check.db"
    assert main(["--db", str(db), "import-plan", str(source_plan), "--check"]) == 0
    out = capsys.readouterr().out
    assert "บรรทัด   150  [ไม่สอดคล้อง] เลขโครงการข้ามจาก 20 ไป 25: ไม่มีโครงการที่ 21–24" in out
    assert "ไม่มีการบันทึกข้อมูลลงฐานข้อมูล" in out
    assert not db.exists() or _plans_in(db) == 0


def test_cli_imports_into_an_empty_database_as_the_system(tmp_path, source_plan, capsys):
    from itatui.cli import main

    db = tmp_path / "new.db"
    assert main(["--db", str(db), "--lang", "en", "import-plan", str(source_plan)]) == 0
    captured = capsys.readouterr()
    assert "acting as the system" in captured.err
    assert "New plan imported" in captured.out and "40 findings" in captured.out
    assert main(["--db", str(db), "--lang", "en", "import-plan", str(source_plan)]) == 0
    assert "nothing changed" in capsys.readouterr().out
    assert _plans_in(db) == 1


def test_cli_refuses_truncated_and_foreign_files_and_writes_nothing(tmp_path, source_plan, capsys):
    from itatui.cli import main

    db = tmp_path / "refuse.db"
    cut = tmp_path / "cut.txt"
    cut.write_text("\n".join(source_plan.read_text(encoding="utf-8").split("\n")[:900]), encoding="utf-8")
    other = tmp_path / "minutes.txt"
    other.write_text("บันทึกการประชุม\nวาระที่ ๑\n", encoding="utf-8")
    assert main(["--db", str(db), "import-plan", str(cut)]) == 1
    assert "ไฟล์ถูกตัด" in capsys.readouterr().err
    assert main(["--db", str(db), "import-plan", str(other)]) == 1
    assert "ไม่ใช่แผนปฏิบัติการป้องกันการทุจริต" in capsys.readouterr().err
    assert not db.exists() or _plans_in(db) == 0


def test_cli_with_users_needs_a_login_with_the_right(tmp_path, source_plan, monkeypatch, capsys):
    from itatui.cli import main
    from itatui.store.accounts import create_user
    from itatui.store.bootstrap import open_database

    db = tmp_path / "users.db"
    eng = open_database(str(db))
    admin = create_user(eng, None, "admin", "admin-pass-1", {Role.ADMIN}, "ผู้ดูแล", first_admin=True).actor()
    create_user(eng, admin, "reader", "reader-pass-1", {Role.VIEWER}, "ผู้อ่าน")
    eng.dispose()
    monkeypatch.setenv("ITATUI_USER", "reader")
    monkeypatch.setenv("ITATUI_PASSWORD", "reader-pass-1")
    assert main(["--db", str(db), "import-plan", str(source_plan)]) == 1
    assert "ไม่มีสิทธิ์" in capsys.readouterr().err
    assert _plans_in(db) == 0
    monkeypatch.setenv("ITATUI_USER", "admin")
    monkeypatch.setenv("ITATUI_PASSWORD", "admin-pass-1")
    assert main(["--db", str(db), "import-plan", str(source_plan)]) == 0
    assert _plans_in(db) == 1
    # a viewer may export
    monkeypatch.setenv("ITATUI_USER", "reader")
    monkeypatch.setenv("ITATUI_PASSWORD", "reader-pass-1")
    out = tmp_path / "plan.json"
    capsys.readouterr()
    assert main(["--db", str(db), "export", "plan", "--format", "json", "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["organisation"]["name"] == "เทศบาลตำบลเขมราฐ"
    assert sum(len(m["projects"]) for d in data["dimensions"] for m in d["missions"]) == 25


def test_cli_export_to_stdout_and_without_a_plan(tmp_path, source_plan, capsys):
    from itatui.cli import main

    db = tmp_path / "export.db"
    assert main(["--db", str(db), "export", "plan"]) == 1
    assert "ยังไม่มีแผน" in capsys.readouterr().err
    main(["--db", str(db), "import-plan", str(source_plan)])
    capsys.readouterr()
    assert main(["--db", str(db), "export", "plan", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["plan"]["start_year"] == 2566 and len(data["targets"]) == 10


@pytest.mark.postgres
def test_import_update_and_export_on_postgresql(pg_engine, source_plan):
    text = source_plan.read_text(encoding="utf-8")
    first = import_plan(pg_engine, SYSTEM, parse_plan_text(text))
    assert first.status == "created" and _count(pg_engine, Project) == 25
    assert import_plan(pg_engine, SYSTEM, parse_plan_text(text)).status == "unchanged"
    with Session(pg_engine) as s:
        s.add(ProgressReport(project_id=s.exec(select(Project.id).where(Project.number == 18)).one(), fiscal_year=2566, round=1))
        s.commit()
    with pytest.raises(ImportRefused):
        import_plan(pg_engine, SYSTEM, parse_plan_text(_without_project_18(text)))
    changed = import_plan(pg_engine, SYSTEM, parse_plan_text(_edit(text, 1403, "๒๐,๐๐๐ บาท", "๒๕,๐๐๐ บาท")))
    assert changed.status == "updated" and changed.changed == (19,)
    assert without_meta(export_plan(pg_engine, SYSTEM))["dimensions"][0]["missions"][0]["projects"][0]["number"] == 1


def test_cli_imports_under_an_organisation_named_differently(tmp_path, source_plan, capsys):
    from itatui.cli import main
    from itatui.store.bootstrap import open_database

    db = tmp_path / "org.db"
    eng = open_database(str(db))
    with Session(eng) as s:
        s.add(Organisation(name="ทต.เขมราฐ"))
        s.commit()
    assert main(["--db", str(db), "import-plan", str(source_plan), "--organisation", "1"]) == 0
    assert _count(eng, Organisation) == 1
    with Session(eng) as s:
        assert s.exec(select(Plan.organisation_id)).one() == 1
    assert main(["--db", str(db), "import-plan", str(source_plan), "--organisation", "9"]) == 1
    assert "ไม่พบองค์กรหมายเลข 9" in capsys.readouterr().err
    eng.dispose()


def test_reimport_logs_the_sheet_before_and_after(engine, admin, imported, source_text):
    import json

    text = _edit(source_text, 1403, "๒๐,๐๐๐ บาท", "๒๕,๐๐๐ บาท")  # project 19's sheet only
    summary = import_plan(engine, admin, parse_plan_text(text, source_name="v3.txt"))
    assert summary.changed == (19,)
    with Session(engine) as s:
        rec = s.exec(select(AuditLog).where(AuditLog.action == "update", AuditLog.entity == "project")).one()
    before, after = json.loads(rec.before), json.loads(rec.after)
    assert before == {"sheet.budget_text": "๒๐,๐๐๐ บาท", "version": 1}
    assert after == {"sheet.budget_text": "๒๕,๐๐๐ บาท", "version": 2}  # a project form opened before the import goes stale
