"""Edits that collide: two desks open the same project, risk or complaint; the second save is refused with what
changed since it opened the record, nothing of it is written, and a save that knows the new version goes through.
A save that changes nothing leaves the version alone."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from itatui.domain.roles import Role
from itatui.store import complaints as C
from itatui.store import plan as repo
from itatui.store import risks
from itatui.store.accounts import create_user
from itatui.store.seed import seed_demo_plan
from itatui.store.versioning import EditConflict

TODAY = date(2026, 12, 1)


@pytest.fixture
def planners(engine, admin):
    seed_demo_plan(engine)
    a = create_user(engine, admin, "somjai", "plan-pass-1", {Role.PLAN_OFFICER}, "นางสมใจ วางแผน").actor()
    b = create_user(engine, admin, "somchai", "plan-pass-2", {Role.PLAN_OFFICER}, "นายสมชาย วางแผน").actor()
    return a, b


def _edit(form, **changes):
    return repo.parse_project_draft(replace(form.draft, **changes), form.plan.years)


def test_second_project_save_is_refused_with_what_changed(engine, planners):
    a, b = planners
    plan = repo.current_plan(engine, a)
    pid = _first_project(engine)
    form_a = repo.project_form_data(engine, a, plan.id, pid)
    form_b = repo.project_form_data(engine, b, plan.id, pid)
    assert form_a.version == form_b.version == 1
    budgets = dict(form_a.draft.budgets)
    first_year = min(budgets)
    budgets[first_year] = "45,000"
    repo.save_project(engine, a, plan.id, _edit(form_a, name="ชื่อใหม่ของสมใจ", budgets=budgets), project_id=pid,
                      opened_version=form_a.version)

    with pytest.raises(EditConflict) as caught:
        repo.save_project(engine, b, plan.id, _edit(form_b, period="ตลอดปีงบประมาณ"), project_id=pid,
                          opened_version=form_b.version)
    conflict = caught.value
    assert (conflict.opened, conflict.current) == (1, 2)
    assert "somjai" in str(conflict)  # who saved first
    assert set(conflict.fields) == {"name", "budgets"}
    [seen] = conflict.changes
    assert seen.username == "somjai" and seen.action == "update"
    name = next(f for f in seen.fields if f.field == "name")
    assert (name.before, name.after) == (form_a.draft.name, "ชื่อใหม่ของสมใจ")
    # nothing of the refused save was written
    now = repo.project_form_data(engine, b, plan.id, pid)
    assert (now.draft.name, now.draft.period, now.version) == ("ชื่อใหม่ของสมใจ", form_a.draft.period, 2)
    # saving again knowing the new version goes through (and keeps the first desk's name: it was not in B's edit)
    repo.save_project(engine, b, plan.id, _edit(now, period="ตลอดปีงบประมาณ"), project_id=pid, opened_version=conflict.current)
    final = repo.project_form_data(engine, b, plan.id, pid)
    assert (final.draft.name, final.draft.period, final.version) == ("ชื่อใหม่ของสมใจ", "ตลอดปีงบประมาณ", 3)


def test_saving_nothing_new_leaves_the_version_alone(engine, planners):
    a, b = planners
    plan = repo.current_plan(engine, a)
    pid = _first_project(engine)
    form_b = repo.project_form_data(engine, b, plan.id, pid)
    form_a = repo.project_form_data(engine, a, plan.id, pid)
    repo.save_project(engine, a, plan.id, _edit(form_a), project_id=pid, opened_version=form_a.version)  # no change
    repo.save_project(engine, b, plan.id, _edit(form_b, owner="กองคลัง"), project_id=pid, opened_version=form_b.version)
    assert repo.project_form_data(engine, b, plan.id, pid).version == 2


def test_a_conflict_lists_every_unseen_save_in_order(engine, planners):
    a, b = planners
    plan = repo.current_plan(engine, a)
    pid = _first_project(engine)
    stale = repo.project_form_data(engine, b, plan.id, pid)
    for text in ("ก", "ข", "ค"):
        form = repo.project_form_data(engine, a, plan.id, pid)
        repo.save_project(engine, a, plan.id, _edit(form, area=text), project_id=pid, opened_version=form.version)
    with pytest.raises(EditConflict) as caught:
        repo.save_project(engine, b, plan.id, _edit(stale, area="ง"), project_id=pid, opened_version=stale.version)
    assert [c.version for c in caught.value.changes] == [2, 3, 4]
    assert [c.fields[0].after for c in caught.value.changes] == ["ก", "ข", "ค"]


def _first_project(engine) -> int:
    from sqlmodel import select

    from itatui.store.db import session_scope
    from itatui.store.models import Project

    with session_scope(engine) as s:
        return s.exec(select(Project.id).order_by(Project.number)).first()  # type: ignore[arg-type]


def test_second_risk_save_is_refused(engine, planners):
    a, b = planners
    assessment = risks.assessment_for_year(engine, a, 2566)
    settings = risks.risk_settings(engine, a)
    row = risks.register_page(engine, a, assessment.id, limit=5, today=TODAY).rows[0]
    assert row.version == 1

    def values(**form):
        v, problems = risks.parse_risk({"process": str(row.process_id), "description": row.description, "status": "open", "level": row.level, **form}, settings)
        assert v is not None, problems.items
        return v

    risks.save_risk(engine, a, assessment.id, values(likelihood="4", impact="4"), row.id, today=TODAY, opened_version=row.version)
    with pytest.raises(EditConflict) as caught:
        risks.save_risk(engine, b, assessment.id, values(owner="กองช่าง"), row.id, today=TODAY, opened_version=row.version)
    assert {"likelihood", "impact", "level"} <= set(caught.value.fields)
    after = risks.risk_detail(engine, b, row.id, today=TODAY).row
    assert (after.likelihood, after.owner, after.version) == (4, "", 2)  # B's owner was not written


def test_complaint_actions_refuse_a_stale_case_but_notes_append(engine, desk):
    made = C.create_complaint(engine, desk.desk, C.ComplaintDraft(
        kind="general", channel="walk_in", subject="ไฟฟ้าส่องสว่างดับ", details="หน้าวัด", anonymous=True,
        received_at=datetime.now(UTC)))
    first = C.get_case(engine, desk.desk, made.id)
    units = list(desk.units.values())
    C.forward(engine, desk.desk, made.id, units[0], opened_version=first.version)
    # a second desk, still looking at the case as it was, forwards elsewhere: refused, naming the forward
    with pytest.raises(EditConflict) as caught:
        C.forward(engine, desk.admin, made.id, units[1], opened_version=first.version)
    assert [c.action for c in caught.value.changes] == ["forward"]
    assert "unit_id" in caught.value.fields
    assert C.get_case(engine, desk.desk, made.id).unit_id == units[0]
    # a note adds to the case and overwrites nothing: no version needed, and it moves the version on
    C.add_note(engine, desk.admin, made.id, "โทรแจ้งกองช่างแล้ว")
    case = C.get_case(engine, desk.desk, made.id)
    assert case.version == first.version + 2
    C.forward(engine, desk.admin, made.id, units[1], opened_version=case.version)
    assert C.get_case(engine, desk.desk, made.id).unit_id == units[1]
