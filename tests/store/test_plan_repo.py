"""The plan repository: rows in document order, subtotals and totals, filters, paging, edits with audit."""

from __future__ import annotations

import json

import pytest
from sqlmodel import Session, select

from itatui.domain.eplan import NO_REPORT, PlanError, Status
from itatui.domain.roles import Actor, PermissionDenied, Role
from itatui.domain.validation import ValidationError
from itatui.store import plan as repo
from itatui.store.plan import progress
from itatui.store.models import (
    AuditLog,
    Plan,
)
from itatui.store.plan import PlanFilter, ProjectDraft
from tests.plan_fixtures import YEARS


@pytest.fixture
def officer(engine, admin):
    from itatui.store.accounts import create_user

    return create_user(engine, admin, "officer", "password-1", {Role.PLAN_OFFICER}).actor()


@pytest.fixture
def viewer(engine, admin):
    from itatui.store.accounts import create_user

    return create_user(engine, admin, "viewer", "password-1", {Role.VIEWER}).actor()


def _numbers(page) -> list[int]:
    return [r.number for r in page.rows]


def test_outline_keeps_missions_without_projects(engine, admin, small):
    outline = repo.plan_outline(engine, admin, small["plan"])
    assert [d.number for d in outline.dimensions] == [1, 2]
    missions = {m.code: m.project_count for d in outline.dimensions for m in d.missions}
    assert missions == {"1.1": 2, "1.2": 0, "2.1": 2, "2.2": 1}
    assert outline.plan.years == YEARS


def test_rows_in_document_order_with_budgets_and_units(engine, admin, small):
    page = repo.list_project_rows(engine, admin, small["plan"])
    assert _numbers(page) == [1, 2, 3, 4, 5]
    assert page.total == 5 and not page.has_more
    p3 = page.rows[2]
    assert p3.budgets == (20000, 25000, None, None, None)
    assert p3.units == ("สป.", "กองคลัง")
    assert p3.kind == "project"


def test_subtotals_and_grand_totals(engine, admin, small):
    totals = repo.plan_totals(engine, admin, small["plan"])
    assert totals.by_dimension[small["d1"]] == (10000,) * 5
    assert totals.by_dimension[small["d2"]] == (25000, 30000, 5000, 5000, 5000)
    assert totals.grand == (35000, 40000, 15000, 15000, 15000)
    assert totals.dimension_counts == {small["d1"]: 2, small["d2"]: 3}
    assert totals.count == 5


def test_paging_never_returns_more_than_asked(engine, admin, small):
    first = repo.list_project_rows(engine, admin, small["plan"], limit=2)
    second = repo.list_project_rows(engine, admin, small["plan"], offset=2, limit=2)
    last = repo.list_project_rows(engine, admin, small["plan"], offset=4, limit=2)
    assert (_numbers(first), _numbers(second), _numbers(last)) == ([1, 2], [3, 4], [5])
    assert first.has_more and not last.has_more


def test_filters_narrow_rows_and_totals(engine, admin, small):
    plan_id = small["plan"]
    by_text = repo.list_project_rows(engine, admin, plan_id, PlanFilter(text="ข้อมูล"))
    assert _numbers(by_text) == [3, 4]
    assert _numbers(repo.list_project_rows(engine, admin, plan_id, PlanFilter(text="no gift"))) == [5]
    assert _numbers(repo.list_project_rows(engine, admin, plan_id, PlanFilter(text="๓)"))) == [3]
    assert _numbers(repo.list_project_rows(engine, admin, plan_id, PlanFilter(text="50%"))) == []  # LIKE wildcards escaped
    by_dim = PlanFilter(dimension_id=small["d1"])
    assert _numbers(repo.list_project_rows(engine, admin, plan_id, by_dim)) == [1, 2]
    assert repo.plan_totals(engine, admin, plan_id, by_dim).grand == (10000,) * 5
    # a unit sees its own projects and those of ทุกส่วนราชการ
    by_unit = PlanFilter(unit_id=small["u_fin"])
    assert _numbers(repo.list_project_rows(engine, admin, plan_id, by_unit)) == [2, 3, 4, 5]
    totals = repo.plan_totals(engine, admin, plan_id, PlanFilter(text="ข้อมูล"))
    assert totals.grand == (25000, 30000, 5000, 5000, 5000)
    assert small["d1"] not in totals.dimension_counts


def test_status_filter_uses_the_latest_round_of_the_year(engine, admin, small):
    plan_id = small["plan"]
    edit = progress.ProgressEdit(None, None, None, Status.IN_PROGRESS)
    progress.save_progress(engine, admin, small["p1"], 2567, 1, edit)
    progress.save_progress(engine, admin, small["p1"], 2567, 2, progress.ProgressEdit(None, None, 9000, Status.DONE))
    progress.save_progress(engine, admin, small["p3"], 2567, 1, edit)
    done = repo.list_project_rows(engine, admin, plan_id, PlanFilter(status=Status.DONE, fiscal_year=2567))
    assert _numbers(done) == [1]
    assert done.rows[0].status == Status.DONE
    going = repo.list_project_rows(engine, admin, plan_id, PlanFilter(status=Status.IN_PROGRESS, fiscal_year=2567))
    assert _numbers(going) == [3]
    none = repo.list_project_rows(engine, admin, plan_id, PlanFilter(status=NO_REPORT, fiscal_year=2567))
    assert _numbers(none) == [2, 4, 5]
    # another year has no report at all
    assert repo.list_project_rows(engine, admin, plan_id, PlanFilter(status=NO_REPORT, fiscal_year=2568)).total == 5


def _audit(engine, entity: str) -> list[AuditLog]:
    with Session(engine) as s:
        return list(s.exec(select(AuditLog).where(AuditLog.entity == entity).order_by(AuditLog.id)).all())


def test_edit_changes_totals_and_writes_audit_of_changed_fields(engine, officer, small):
    data = repo.project_form_data(engine, officer, small["plan"], small["p1"])
    draft = data.draft
    assert draft.budgets[2566] == "10,000"
    budgets = dict(draft.budgets)
    budgets[2567] = "๑๒,๕๐๐.-"
    edit = repo.parse_project_draft(ProjectDraft(**{**draft.__dict__, "budgets": budgets}), data.plan.years)
    assert edit.budgets[2567] == 12500
    repo.save_project(engine, officer, small["plan"], edit, project_id=small["p1"])
    totals = repo.plan_totals(engine, officer, small["plan"])
    assert totals.grand[1] == 40000 - 10000 + 12500
    rec = _audit(engine, "project")[-1]
    assert rec.action == "update" and rec.username == "officer" and rec.entity_id == str(small["p1"])
    assert json.loads(rec.before) == {"budgets": {str(y): 10000 for y in YEARS}, "version": 1}
    assert json.loads(rec.after)["budgets"]["2567"] == 12500
    assert json.loads(rec.after)["version"] == 2  # the version the save made (a later conflict reads it)
    # saving the same values again changes nothing, records nothing and leaves the version alone
    repo.save_project(engine, officer, small["plan"], edit, project_id=small["p1"])
    assert len(_audit(engine, "project")) == 1
    assert repo.project_form_data(engine, officer, small["plan"], small["p1"]).version == 2


def test_every_problem_reported_at_once(engine, officer, small):
    draft = ProjectDraft(number="x", name="   ", kind="project", mission_id=None,
                         budgets={2566: "-5", 2567: "1.5", 2568: "abc", 2569: "1,000", 2570: ""})
    with pytest.raises(ValidationError) as exc:
        repo.parse_project_draft(draft, YEARS)
    found = {(p.field, p.key) for p in exc.value.problems}
    assert found == {
        ("number", "err.not_a_number"),
        ("name", "err.name_required"),
        ("mission", "err.mission_required"),
        ("budget_2566", "err.negative"),
        ("budget_2567", "err.whole_number"),
        ("budget_2568", "err.not_a_number"),
    }


def test_core_refuses_bad_edits_even_without_the_form(engine, officer, small):
    edit = repo.ProjectEdit(number=2, name="", kind="nonsense", mission_id=small["m11"], unit_ids=(),
                            budgets={2566: -1, 2599: 5})
    with pytest.raises(ValidationError) as exc:
        repo.save_project(engine, officer, small["plan"], edit, project_id=small["p1"])
    assert {p.field for p in exc.value.problems} == {"name", "kind", "budget_2566", "budget_2599", "number"}
    assert _audit(engine, "project") == []  # nothing written


def test_new_project_with_sheet_and_target_groups(engine, officer, small):
    data = repo.project_form_data(engine, officer, small["plan"], None, mission_id=small["m12"])
    assert data.draft.number == "6" and data.draft.mission_id == small["m12"]
    draft = ProjectDraft(
        number="6", name="โครงการพัฒนาคุณภาพการให้บริการ ผู้สูงอายุ น้ำใจ", kind="project", mission_id=small["m12"],
        unit_ids=(small["u_sp"],), budgets={2566: "๑๒,๕๐๐.-", 2567: "", 2568: "-", 2569: "0", 2570: "3,000 บาท"},
        objectives="เพื่อส่งเสริม\n\nเพื่อพัฒนา", target_groups="ผู้สูงอายุในเขตเทศบาล จำนวน ๑,๒๐๐ คน\nหน่วยงานภาครัฐ",
        eplan_target_groups=("citizens",), owner="สำนักปลัด",
    )
    edit = repo.parse_project_draft(draft, YEARS)
    pid = repo.save_project(engine, officer, small["plan"], edit)
    sheet = repo.project_sheet(engine, officer, pid, 2566)
    assert sheet.name == "โครงการพัฒนาคุณภาพการให้บริการ ผู้สูงอายุ น้ำใจ"
    assert sheet.budgets == ((2566, 12500), (2567, None), (2568, None), (2569, 0), (2570, 3000))
    assert sheet.objectives == ("เพื่อส่งเสริม", "เพื่อพัฒนา")
    assert sheet.target_groups == (repo.TargetGroupInfo("ผู้สูงอายุในเขตเทศบาล", 1200, "คน"), repo.TargetGroupInfo("หน่วยงานภาครัฐ"))
    assert [u.code for u in sheet.units] == ["สป."]
    outline = repo.plan_outline(engine, officer, small["plan"])
    assert {m.code: m.project_count for d in outline.dimensions for m in d.missions}["1.2"] == 1
    assert _audit(engine, "project")[-1].action == "create"
    # the number is unique in the plan
    with pytest.raises(ValidationError) as exc:
        repo.save_project(engine, officer, small["plan"], edit)
    assert [p.key for p in exc.value.problems] == ["err.number_taken"]


def test_sheet_has_every_section(engine, admin, small):
    sheet = repo.project_sheet(engine, admin, small["p1"], 2567)
    assert sheet.dimension_number == 1 and sheet.mission_code == "1.1"
    assert sheet.target_groups == (repo.TargetGroupInfo("พนักงานเทศบาล", 50, "คน"),)
    assert sheet.kpis[0].target == 80 and sheet.kpis[0].actual is None
    assert sheet.fiscal_year == 2567


def test_viewer_reads_but_cannot_edit(engine, viewer, small):
    assert repo.list_project_rows(engine, viewer, small["plan"]).total == 5
    edit = repo.ProjectEdit(number=1, name="x", kind="project", mission_id=small["m11"], unit_ids=(), budgets={})
    with pytest.raises(PermissionDenied):
        repo.save_project(engine, viewer, small["plan"], edit, project_id=small["p1"])
    with pytest.raises(PermissionDenied):
        repo.save_target_actuals(engine, viewer, small["plan"], {("ita_score", 2566): 71})
    nobody = Actor(None, "nobody", frozenset())
    with pytest.raises(PermissionDenied):
        repo.list_project_rows(engine, nobody, small["plan"])


def test_targets_and_summary(engine, admin, small):
    with pytest.raises(ValidationError) as exc:
        repo.parse_target_actuals({("ita_score", 2566): "๑๒๐", ("case_reduction_pct", 2566): "abc"})
    assert {p.field for p in exc.value.problems} == {"ita_score_2566", "case_reduction_pct_2566"}
    actuals = repo.parse_target_actuals({("ita_score", 2566): "๗๒.๕๐ คะแนน", ("case_reduction_pct", 2566): "ร้อยละ 12"})
    repo.save_target_actuals(engine, admin, small["plan"], actuals)
    targets = {(x.kind, x.fiscal_year): x for x in repo.list_targets(engine, admin, small["plan"])}
    assert targets[("ita_score", 2566)].actual == 72.5 and targets[("ita_score", 2566)].target == 70
    assert targets[("case_reduction_pct", 2566)].actual == 12
    assert json.loads(_audit(engine, "plan_target")[-1].after) == {"ita_score_2566": 72.5, "case_reduction_pct_2566": 12}

    progress.save_progress(engine, admin, small["p3"], 2566, 1, progress.ProgressEdit(20000, 20000, 5000, Status.IN_PROGRESS))
    progress.save_progress(engine, admin, small["p3"], 2566, 2, progress.ProgressEdit(20000, 20000, 18000, Status.DONE))
    progress.save_progress(engine, admin, small["p1"], 2566, 2, progress.ProgressEdit(None, None, 7000, Status.NOT_POSSIBLE, "no_budget"))
    summary = repo.plan_summary(engine, admin, small["plan"], 2566)
    d1, d2 = summary.dimensions
    assert d1.planned == (10000,) * 5 and d2.planned[0] == 25000
    assert d2.spent[0] == 18000  # the annual round, not 6-month + annual
    assert d1.spent[0] == 7000 and d1.spent[1] is None
    assert summary.planned_total[0] == 35000 and summary.spent_total[0] == 25000
    assert summary.status_counts == {"in_progress": 0, "done": 1, "not_possible": 1, NO_REPORT: 3}


def test_current_plan_prefers_the_one_covering_the_year(engine, admin, small):
    assert repo.current_plan(engine, admin, fiscal_year=2568).id == small["plan"]
    with Session(engine) as s:
        newer = Plan(organisation_id=small["org"], title="แผนถัดไป", start_year=2571, end_year=2575)
        s.add(newer)
        s.commit()
        newer_id = newer.id
    assert repo.current_plan(engine, admin, fiscal_year=2568).id == small["plan"]
    assert repo.current_plan(engine, admin, fiscal_year=2572).id == newer_id
    with pytest.raises(PlanError):
        repo.get_plan(engine, admin, 9999)


def test_plan_view_is_outline_totals_first_page_and_units_at_once(engine, admin, small):
    flt = PlanFilter(text="มาตรการ", fiscal_year=2568)
    view = repo.plan_view(engine, admin, flt, plan_id=small["plan"])
    assert view is not None and _numbers(view.page) == [1, 4, 5]
    assert view.plan == repo.get_plan(engine, admin, small["plan"])
    assert view.outline == repo.plan_outline(engine, admin, small["plan"])
    assert view.totals == repo.plan_totals(engine, admin, small["plan"], flt)
    assert view.page == repo.list_project_rows(engine, admin, small["plan"], flt)
    assert view.units == tuple(repo.list_units(engine, admin, small["org"]))
    # Without a plan id: the organisation's plan covering the filter's year; none for another organisation.
    current = repo.plan_view(engine, admin, PlanFilter(fiscal_year=2568), organisation_id=small["org"])
    assert current is not None and current.plan.id == small["plan"] and _numbers(current.page) == [1, 2, 3, 4, 5]
    assert repo.plan_view(engine, admin, PlanFilter(), organisation_id=small["org"] + 100) is None
    with pytest.raises(PlanError):
        repo.plan_view(engine, admin, PlanFilter(), plan_id=9999)


@pytest.fixture
def khemarat(engine):
    from itatui.store.seed import seed_demo_plan

    return seed_demo_plan(engine).plan_id


def test_khemarat_plan_as_part_2_prints_it(engine, admin, khemarat):
    outline = repo.plan_outline(engine, admin, khemarat)
    totals = repo.plan_totals(engine, admin, khemarat)
    dims = {d.number: d for d in outline.dimensions}
    assert [totals.dimension_counts[dims[n].id] for n in (1, 2, 3, 4)] == [3, 15, 2, 5]
    assert totals.grand == (30000,) * 5
    assert totals.by_dimension[dims[1].id] == (None,) * 5  # "-" in every year, as printed
    assert totals.by_dimension[dims[2].id] == (10000,) * 5
    assert totals.by_dimension[dims[3].id] == (20000,) * 5
    empty = [m.code for d in outline.dimensions for m in d.missions if m.project_count == 0]
    assert empty == ["3.3", "4.2"]
    page = repo.list_project_rows(engine, admin, khemarat)
    assert _numbers(page) == [*range(1, 21), *range(25, 30)]  # the document skips 21–24
    by_unit = repo.list_project_rows(engine, admin, khemarat, PlanFilter(text="เด็กและเยาวชน"))
    assert _numbers(by_unit) == [3] and by_unit.rows[0].units == ("ศึกษาฯ ศพด.",)


def test_khemarat_budget_edit_moves_the_grand_total(engine, admin, khemarat):
    page = repo.list_project_rows(engine, admin, khemarat, PlanFilter(text="19)"))
    pid = page.rows[0].id
    data = repo.project_form_data(engine, admin, khemarat, pid)
    assert data.draft.budgets[2569] == "20,000"
    edit = repo.parse_project_draft(ProjectDraft(**{**data.draft.__dict__, "budgets": {**data.draft.budgets, 2569: "๒๕,๐๐๐.-"}}), data.plan.years)
    repo.save_project(engine, admin, khemarat, edit, project_id=pid)
    assert repo.plan_totals(engine, admin, khemarat).grand == (30000, 30000, 30000, 35000, 30000)
    summary = repo.plan_summary(engine, admin, khemarat, 2569)
    assert summary.planned_total[3] == 35000 and summary.status_counts["none"] == 25
    assert [x.target for x in summary.targets if x.kind == "case_reduction_pct"] == [10, 20, 30, 40, 50]
