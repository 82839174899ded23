"""The risk register's core: the imported Part 1 rows, scoring and levels, controls, the heat map, a new year
copied and compared, matrix changes confirmed, permissions, read-only past years, audit, complaint links
(registry numbers only), the project sheet's link back, the printing data and the JSON export."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlmodel import select

from itatui.domain.risks import PACC_MATRIX
from itatui.domain.roles import PermissionDenied, Role
from itatui.domain.validation import ValidationError
from itatui.store import risks
from itatui.store.accounts import create_user
from itatui.store.db import session_scope
from itatui.store.models import AuditLog, Complaint, Project, RiskIssue
from itatui.store.risks.types import RegisterFilter, RiskError
from itatui.store.seed import seed_demo_plan

TODAY = date(2026, 12, 1)  # fiscal year 2570


@pytest.fixture
def plan(engine, admin):
    seed_demo_plan(engine)
    return risks.assessment_for_year(engine, admin, 2566)


@pytest.fixture
def officer(engine, admin):
    return create_user(engine, admin, "plan1", "plan-pass-1", {Role.PLAN_OFFICER}, "เจ้าหน้าที่แผน").actor()


@pytest.fixture
def viewer(engine, admin):
    return create_user(engine, admin, "view1", "view-pass-1", {Role.VIEWER}, "ผู้อ่าน").actor()


def _rows(engine, actor, aid, **kw):
    return risks.register_page(engine, actor, aid, limit=100, today=TODAY, **kw).rows


def _values(settings, **form):
    values, problems = risks.parse_risk({"process": "", "status": "open", **form}, settings)
    assert values is not None, problems.items
    return values


def _project_ids(engine) -> dict[int, int]:
    with session_scope(engine) as s:
        return {p.number: p.id for p in s.exec(select(Project)).all()}


def test_the_four_imported_rows_with_levels_and_project_links(engine, admin, plan):
    assert (plan.fiscal_year, plan.source, plan.issues, plan.read_only) == (2566, "imported", 9, False)
    table = risks.part1_table(engine, admin, plan.id)
    assert [r.number for r in table.rows] == [1, 2, 3, 4]
    assert [[i.level for i in r.issues] for r in table.rows] == [
        ["medium"] * 3, ["medium"], ["high", "medium"], ["high"] * 3,
    ]
    assert table.rows[1].process == "การบริหารงานบุคคล"
    assert table.head.organisation == "เทศบาลตำบลเขมราฐ" and table.head.level_names["high"] == "สูง"
    numbers = {v: k for k, v in _project_ids(engine).items()}
    links = []
    for row in table.rows:
        first = next(r for r in _rows(engine, admin, plan.id) if r.process_number == row.number)
        detail = risks.risk_detail(engine, admin, first.id, today=TODAY)
        links.append([numbers[c.project.project_id] for c in detail.controls])
    assert links == [[6, 13, 1], [9], [10], [7, 12, 29]]
    # imported with a level only: "not yet scored", kept until someone scores it
    assert all(not r.scored and r.level for r in _rows(engine, admin, plan.id))
    assert len(_rows(engine, admin, plan.id, flt=RegisterFilter(level="unscored"))) == 9


def test_source_plan_gives_the_same_register(engine, admin, source_plan):
    from itatui.importers import parse_plan_file
    from itatui.store.plan.importing import import_plan

    import_plan(engine, admin, parse_plan_file(source_plan))
    a = risks.assessment_for_year(engine, admin, 2566)
    assert [r.code for r in _rows(engine, admin, a.id)] == ["1.1", "1.2", "1.3", "2.1", "3.1", "3.2", "4.1", "4.2", "4.3"]
    assert [r.level for r in _rows(engine, admin, a.id, sort="level", descending=True)][:4] == ["high"] * 4


def test_scoring_sets_the_level_and_keeps_the_residual(engine, officer, plan):
    settings = risks.risk_settings(engine, officer)
    row = _rows(engine, officer, plan.id)[0]
    v = _values(settings, process=str(row.process_id), description=row.description, likelihood="๓", impact="4",
                residual_likelihood="2", residual_impact="2", owner="สป.", treatment="reduce", status="treating",
                next_review="1/10/2569", category="power")
    risks.save_risk(engine, officer, plan.id, v, row.id, today=TODAY)
    after = risks.risk_detail(engine, officer, row.id, today=TODAY).row
    assert (after.likelihood, after.impact, after.score, after.level) == (3, 4, 12, "high")
    assert (after.residual_score, after.residual_level) == (4, "low")
    assert after.next_review == date(2026, 10, 1) and after.overdue  # review passed, not closed
    assert _rows(engine, officer, plan.id, flt=RegisterFilter(overdue=True)) == (after,)
    assert [r.id for r in _rows(engine, officer, plan.id, flt=RegisterFilter(owner="สป.", category="power", status="treating"))] == [row.id]


def test_form_validation_lists_every_problem_at_once(engine, admin, plan):
    settings = risks.risk_settings(engine, admin)
    values, problems = risks.parse_risk(
        {"process": "", "description": " ", "likelihood": "6", "impact": "", "residual_likelihood": "x",
         "residual_impact": "1", "next_review": "31/2/2569", "status": "open", "category": "nope"},
        settings,
    )
    assert values is None
    assert sorted((p.field, p.key) for p in problems) == [
        ("category", "risk.err.choice"),
        ("description", "err.required"),
        ("likelihood", "risk.err.score_range"),
        ("next_review", "err.date_invalid"),
        ("process", "risk.err.process_required"),
        ("residual_likelihood", "err.not_a_number"),
    ]
    values, problems = risks.parse_risk({"process": "new", "process_name": "งานพัสดุ", "description": "x", "likelihood": "2", "status": "open"}, settings)
    assert [(p.field, p.key) for p in problems] == [("impact", "risk.err.score_pair")]
    values, problems = risks.parse_risk({"process": "new", "process_name": "งานพัสดุ", "description": "x", "status": "open"}, settings)
    assert [(p.field, p.key) for p in problems] == [("level", "risk.err.level_or_score")]
    _, problems = risks.parse_control({"text": "", "progress": "120", "monitor": "green"})
    assert sorted((p.field, p.key) for p in problems) == [("progress", "risk.err.progress_range"), ("text", "risk.err.control_text")]
    _, problems = risks.parse_control({"text": "ตรวจ", "progress": "50", "monitor": "green"})
    assert [(p.field, p.key) for p in problems] == [("monitor", "risk.err.green_not_done")]


def test_new_risk_in_a_new_process_with_a_plan_control_and_progress(engine, officer, plan):
    settings = risks.risk_settings(engine, officer)
    v = _values(settings, process="new", process_name="การอนุญาตก่อสร้าง", description="เรียกรับเงินเพื่อออกใบอนุญาต",
                likelihood="4", impact="5", category="bribery", risk_type="known")
    iid = risks.save_risk(engine, officer, plan.id, v, today=TODAY)
    row = risks.risk_detail(engine, officer, iid, today=TODAY).row
    assert (row.code, row.level, row.category) == ("5.1", "very_high", "bribery")
    projects = _project_ids(engine)
    cv, _ = risks.parse_control({"project": str(projects[7]), "text": "", "due": "30/9/2569", "progress": "40", "monitor": "yellow", "quality": "fair"})
    cid = risks.save_control(engine, officer, iid, cv, today=TODAY)
    (control,) = risks.risk_detail(engine, officer, iid, today=TODAY).controls
    assert (control.id, control.text, control.progress, control.monitor, control.overdue) == (cid, "มาตรการ NO Gift Policy", 40, "yellow", True)
    assert control.project.number == 7 and control.project.status == ""  # no progress reported for 2566
    # the project's own E-PlanNACC progress for the year shows on the risk
    from itatui.store.models import ProgressReport

    with session_scope(engine) as s:
        s.add(ProgressReport(project_id=projects[7], fiscal_year=2566, round=1, status="in_progress"))
    (control,) = risks.risk_detail(engine, officer, iid, today=TODAY).controls
    assert (control.project.round, control.project.status) == (1, "in_progress")
    risks.delete_control(engine, officer, cid, today=TODAY)
    assert risks.risk_detail(engine, officer, iid, today=TODAY).controls == ()
    with session_scope(engine) as s:
        audited = [(a.action, a.entity) for a in s.exec(select(AuditLog).where(AuditLog.username == "plan1")).all()]
    assert audited == [("create", "riskprocess"), ("create", "riskissue"), ("create", "riskcontrol"), ("delete", "riskcontrol")]


def test_heat_map_counts(engine, officer, plan):
    settings = risks.risk_settings(engine, officer)
    rows = _rows(engine, officer, plan.id)
    for row, (lik, imp) in zip(rows[:4], [(4, 5), (4, 5), (2, 3), (1, 1)], strict=True):
        v = _values(settings, process=str(row.process_id), description=row.description, likelihood=str(lik), impact=str(imp),
                    residual_likelihood="1", residual_impact="1")
        risks.save_risk(engine, officer, plan.id, v, row.id, today=TODAY)
    hm = risks.heat_map(engine, officer, plan.id)
    assert hm.counts == {(4, 5): 2, (2, 3): 1, (1, 1): 1}
    assert hm.unscored == {"high": 4, "medium": 1} and hm.total == 9  # 3.1, 4.1–4.3 high; 3.2 medium
    assert risks.heat_map(engine, officer, plan.id, residual=True).counts == {(1, 1): 4}
    cell = _rows(engine, officer, plan.id, flt=RegisterFilter(cell=(4, 5)))
    assert [r.id for r in cell] == [rows[0].id, rows[1].id]


def test_copy_to_next_year_and_compare(engine, officer, plan):
    settings = risks.risk_settings(engine, officer)
    rows = _rows(engine, officer, plan.id)
    close = _values(settings, process=str(rows[1].process_id), description=rows[1].description, level="medium", status="closed")
    risks.save_risk(engine, officer, plan.id, close, rows[1].id, today=TODAY)
    new_id = risks.start_assessment(engine, officer, 2567, plan.id, today=TODAY)
    next_rows = _rows(engine, officer, new_id)
    assert len(next_rows) == 8  # the closed risk stays behind
    assert [len(risks.risk_detail(engine, officer, r.id, today=TODAY).controls) for r in next_rows][:3] == [3, 3, 1]
    # the past year is now read-only, in the core
    assert [a.read_only for a in risks.list_assessments(engine, officer, today=TODAY)] == [True, False]
    with pytest.raises(RiskError) as err:
        risks.save_risk(engine, officer, plan.id, close, rows[1].id, today=TODAY)
    assert err.value.key == "risk.err.read_only"
    with pytest.raises(RiskError):
        risks.start_assessment(engine, officer, 2567, plan.id, today=TODAY)
    # edit the new year: one up, one down, one new
    up, down = next_rows[0], next_rows[3]  # 1.1 medium, 3.1 high
    risks.save_risk(engine, officer, new_id, _values(settings, process=str(up.process_id), description=up.description, likelihood="5", impact="4"), up.id, today=TODAY)
    risks.save_risk(engine, officer, new_id, _values(settings, process=str(down.process_id), description=down.description, likelihood="1", impact="2"), down.id, today=TODAY)
    risks.save_risk(engine, officer, new_id, _values(settings, process=str(down.process_id), description="ใหม่ปีนี้", level="low"), today=TODAY)
    c = risks.compare_years(engine, officer, 2566, 2567)
    changes = {r.code_a or r.code_b: r.change for r in c.rows}
    assert changes["1.1"] == "up" and changes["3.1"] == "down" and changes["1.2"] == "gone" and changes["3.3"] == "new"
    assert c.counts == {"up": 1, "down": 1, "same": 6, "gone": 1, "new": 1}
    assert risks.comparison_report(engine, officer, 2566, 2567) == c


def test_matrix_change_previews_then_relevels_open_years_only(engine, officer, plan):
    settings = risks.risk_settings(engine, officer)
    row = _rows(engine, officer, plan.id)[0]
    risks.save_risk(engine, officer, plan.id, _values(settings, process=str(row.process_id), description=row.description, likelihood="2", impact="2"), row.id, today=TODAY)
    other = _rows(engine, officer, plan.id)[1]
    risks.save_risk(engine, officer, plan.id, _values(settings, process=str(other.process_id), description=other.description, likelihood="5", impact="5"), other.id, today=TODAY)
    moves = risks.preview_matrix(engine, officer, PACC_MATRIX, today=TODAY)
    assert [(m.id, m.level_before, m.level_after, m.loses_score) for m in moves] == [
        (row.id, "low", "medium", False), (other.id, "very_high", "very_high", True),
    ]
    assert risks.risk_detail(engine, officer, row.id, today=TODAY).row.level == "low"  # nothing written yet
    assert risks.set_matrix(engine, officer, PACC_MATRIX, today=TODAY) == 2
    assert risks.risk_settings(engine, officer).matrix == PACC_MATRIX
    moved = risks.risk_detail(engine, officer, row.id, today=TODAY).row
    lost = risks.risk_detail(engine, officer, other.id, today=TODAY).row
    assert moved.level == "medium" and (lost.likelihood, lost.level, lost.scored) == (None, "very_high", False)
    with session_scope(engine) as s:
        assert len(s.exec(select(AuditLog).where(AuditLog.action == "relevel")).all()) == 2


def test_matrix_form_text_parsed_with_every_problem(engine):
    form = {"size": "3", "band0_name": "ต่ำ", "band0_high": "2", "band0_colour": "#00aa00",
            "band1_name": "กลาง", "band1_high": "4", "band1_colour": "#ffcc00",
            "band2_name": "สูง", "band2_high": "", "band2_colour": "#cc0000"}
    matrix, problems = risks.parse_matrix(form)
    assert not problems and matrix.size == 3 and [b.key for b in matrix.bands] == ["low", "medium", "high"]
    assert matrix.level(3, 3) == "high" and matrix.level(1, 3) == "medium"
    bad = {**form, "band1_high": "1", "band0_colour": "green", "band2_name": "", "band2_high": "9"}
    matrix, problems = risks.parse_matrix(bad)
    assert matrix is None
    assert sorted((p.field, p.key) for p in problems) == [
        ("band0_colour", "risk.err.colour"), ("band1_high", "risk.err.band_order"), ("band2_name", "err.required"),
    ]


def test_viewer_reads_and_cannot_change(engine, viewer, plan):
    assert len(_rows(engine, viewer, plan.id)) == 9
    settings = risks.risk_settings(engine, viewer)
    v = _values(settings, process="new", process_name="x", description="y", level="low")
    for call in (
        lambda: risks.save_risk(engine, viewer, plan.id, v, today=TODAY),
        lambda: risks.start_assessment(engine, viewer, 2567, plan.id),
        lambda: risks.set_matrix(engine, viewer, PACC_MATRIX),
        lambda: risks.preview_matrix(engine, viewer, PACC_MATRIX),
    ):
        with pytest.raises(PermissionDenied):
            call()


def test_complaint_links_show_registry_numbers_never_names(engine, admin, plan):
    from itatui.store.complaints.seed import seed_complaints
    from itatui.store.complaints.case import link

    seed_complaints(engine, 30, corruption_share=0.5, seed=9)
    row = _rows(engine, admin, plan.id)[4]
    with session_scope(engine) as s:
        corrupt = s.exec(select(Complaint).where(Complaint.kind == "corruption").order_by(Complaint.id).limit(2)).all()
        general = s.exec(select(Complaint).where(Complaint.kind == "general").limit(1)).one()
    for c in (*corrupt, general):
        link(engine, admin, c.id, risk_issue_id=row.id)
    d = risks.risk_detail(engine, admin, row.id, today=TODAY)
    assert d.complaint_count == 2  # the general complaint is not a corruption complaint
    assert all(n.startswith("ทจ. ") for n in d.complaint_numbers)
    shown = json.dumps([d.complaint_numbers], ensure_ascii=False)
    assert not any(c.complainant_name and c.complainant_name in shown for c in corrupt)


def test_project_sheet_query_lists_the_risks_a_project_controls(engine, admin, plan):
    projects = _project_ids(engine)
    found = risks.risks_for_project(engine, admin, projects[10])
    assert [(r.fiscal_year, r.code, r.level) for r in found] == [(2566, "3.1", "high"), (2566, "3.2", "medium")]
    assert risks.risks_for_project(engine, admin, projects[2]) == ()


def test_printing_data_register_and_monitoring(engine, officer, plan):
    settings = risks.risk_settings(engine, officer)
    row = _rows(engine, officer, plan.id)[3]  # 2.1, one control (project 9)
    risks.save_risk(engine, officer, plan.id, _values(settings, process=str(row.process_id), description=row.description, likelihood="3", impact="3", owner="สป."), row.id, today=TODAY)
    control = risks.risk_detail(engine, officer, row.id, today=TODAY).controls[0]
    cv, _ = risks.parse_control({"project": str(control.project.project_id), "text": control.text, "scope": "process", "progress": "100", "monitor": "green", "result": "ประกาศหลักเกณฑ์แล้ว"})
    risks.save_control(engine, officer, row.id, cv, control.id, today=TODAY)
    reg = risks.register_report(engine, officer, plan.id, today=TODAY)
    assert len(reg.rows) == 9 and reg.rows[3].owner == "สป." and reg.rows[3].score == 9
    mon = risks.monitoring_report(engine, officer, plan.id, today=TODAY)
    line = next(x for x in mon.lines if x.risk_code == "2.1")
    assert (line.control.monitor, line.control.progress, line.control.result) == ("green", 100, "ประกาศหลักเกณฑ์แล้ว")
    assert mon.by_colour == {"green": 1, "": 7}


def test_export_json(engine, admin, plan):
    data = risks.export_risks(engine, admin)
    assert data["format"] == "itatui.risks" and data["matrix"]["size"] == 5
    (a,) = data["assessments"]
    assert a["fiscal_year"] == 2566 and len(a["processes"]) == 4
    issue = a["processes"][2]["issues"][0]
    assert (issue["level"], issue["likelihood"], issue["residual_level"]) == ("high", None, None)
    assert [c["project_number"] for p in a["processes"] for c in p["controls"]] == [6, 13, 1, 9, 10, 7, 12, 29]
    with pytest.raises(RiskError):
        risks.export_risks(engine, admin, 2599)




def test_plan_reimport_keeps_a_register_the_office_has_worked_on(engine, admin, officer, plan):
    from itatui.importers.plan_dict import plan_from_dict
    from itatui.store.plan.importing import import_plan
    from itatui.store.seed import load_seed_data

    changed = load_seed_data()
    changed["risk_assessment"]["processes"][0]["issues"][0]["level"] = "high"
    # before anyone works on it, a changed document updates the imported table
    summary = import_plan(engine, admin, plan_from_dict(changed))
    assert "risks" in summary.other_changes
    row = _rows(engine, officer, plan.id)[0]
    assert row.level == "high"
    settings = risks.risk_settings(engine, officer)
    risks.save_risk(engine, officer, plan.id, _values(settings, process=str(row.process_id), description=row.description,
                                                       likelihood="2", impact="2", owner="สป."), row.id, today=TODAY)
    cv, _ = risks.parse_control({"text": "ตรวจสอบการสั่งการเป็นลายลักษณ์อักษร", "progress": "30"})
    risks.save_control(engine, officer, row.id, cv, today=TODAY)
    # then the office's scores and controls stay, and the summary says why the table was not taken
    again = import_plan(engine, admin, plan_from_dict(load_seed_data()))
    assert again.other_changes == ("risks_kept",)
    kept = risks.risk_detail(engine, officer, row.id, today=TODAY)
    assert (kept.row.level, kept.row.owner, len(kept.controls)) == ("low", "สป.", 4)
    assert any("ไม่ถูกนำเข้าทับ" in line for line in again.lines())


def test_categories_and_monitor_names_are_the_offices_own(engine, officer, plan):
    settings = risks.risk_settings(engine, officer)
    codes = tuple(c.code for c in settings.categories)
    assert codes == ("permits", "power", "budget", "personnel", "bribery")
    form = {f"cat_{c.code}_th": c.name_th for c in settings.categories}
    form.update({f"monitor_{k}": v for k, v in settings.monitor_names.items()})
    form.update({"cat_permits_th": "", "new0_th": "การจัดเก็บรายได้", "new1_en": "orphan", "monitor_red": " "})
    values, problems = risks.parse_settings(form, codes)
    assert values is None and sorted((p.field, p.key) for p in problems) == [("monitor_red", "err.required"), ("new1_th", "err.required")]
    form.update({"new1_en": "", "monitor_red": "ทำไม่ได้"})
    values, _ = risks.parse_settings(form, codes)
    risks.save_settings(engine, officer, values)
    after = risks.risk_settings(engine, officer)
    assert [c.code for c in after.categories] == ["power", "budget", "personnel", "bribery", "c1"]
    assert after.categories[-1].name_th == "การจัดเก็บรายได้" and after.monitor_names["red"] == "ทำไม่ได้"
    # a category in use cannot be dropped
    row = _rows(engine, officer, plan.id)[0]
    risks.save_risk(engine, officer, plan.id, _values(after, process=str(row.process_id), description=row.description, level="medium", category="c1"), row.id, today=TODAY)
    form = {f"cat_{c.code}_th": c.name_th for c in after.categories} | {"cat_c1_th": ""}
    form.update({f"monitor_{k}": v for k, v in after.monitor_names.items()})
    values, _ = risks.parse_settings(form, tuple(c.code for c in after.categories))
    with pytest.raises(ValidationError) as err:
        risks.save_settings(engine, officer, values)
    assert [(p.field, p.key) for p in err.value.problems] == [("cat_c1_th", "risk.err.category_in_use")]
