"""A round in the store: register, rules copied between rounds, decisions under the live checks, audit."""

from decimal import Decimal

import pytest
from sqlmodel import Session, select

from itatui.domain.roles import PermissionDenied, Role
from itatui.domain.salary import RoundRules
from itatui.store import committees as C
from itatui.store.models import AuditLog
from tests.committee_fixtures import evaluation_of, office, score_and_screen


def _audit(engine, entity):
    with Session(engine) as s:
        return s.exec(select(AuditLog).where(AuditLog.entity == entity)).all()


def test_staff_form_reports_every_problem_and_keeps_codes_unique(engine, admin):
    o = office(engine, admin, n=2)
    with pytest.raises(C.CommitteeValidationError) as err:
        C.save_staff(engine, o.secretary, C.StaffDraft(code="", name="", kind="ครู", salary="สองหมื่น", start_date="31/2/2569"))
    assert err.value.fields() == {"code", "name", "kind", "salary", "start_date"}
    with pytest.raises(C.CommitteeValidationError) as err:
        C.save_staff(engine, o.secretary, C.StaffDraft(code="S001", name="นายซ้ำ รหัส", kind="พนักงานจ้าง", salary="9000"))
    assert err.value.problems[0].key == "committee.err.code_taken"
    row = C.save_staff(engine, o.secretary, C.StaffDraft(code="S001", name="นายคนที่1 สกุล1", kind="พนักงานเทศบาล",
                                                         salary="๒๑,๕๐๐", unit="กองช่าง", start_date="2017-10-01"),
                       staff_id=o.staff["S001"].id)
    assert (row.salary, row.unit, row.start_date.isoformat()) == (21_500, "กองช่าง", "2017-10-01")
    changes = [a for a in _audit(engine, "staff") if a.action == "update"]
    assert '"salary": 21500' in changes[-1].after and '"salary": 20000' in changes[-1].before


def test_viewer_cannot_change_anything(engine, admin):
    from itatui.store.accounts import create_user

    o = office(engine, admin, n=2)
    viewer = create_user(engine, admin, "v", "viewer-pass-1", {Role.VIEWER}, "ผู้ดู").actor()
    assert C.list_staff(engine, viewer).total == 2
    with pytest.raises(PermissionDenied):
        C.save_staff(engine, viewer, C.StaffDraft(code="X", name="นาย ก ข", kind="พนักงานจ้าง", salary="1"))
    e = evaluation_of(engine, viewer, o.round.id, "S001")
    with pytest.raises(PermissionDenied):
        C.decide(engine, viewer, e.id, C.DecisionDraft(steps="0.5", amount="500", meeting_id=o.meeting.id))


def test_new_round_copies_the_previous_rounds_rules(engine, admin):
    o = office(engine, admin, n=2)
    changed = o.round.rules.with_changes(quota_pct=Decimal("10"), yearly_cap_half_steps=3)
    C.set_round_rules(engine, o.secretary, o.round.id, changed)
    r2 = C.create_round(engine, o.secretary, 2569, 2)
    assert r2.rules == changed
    nxt = C.create_round(engine, o.secretary, 2570, 1)
    assert nxt.rules.quota_pct == Decimal("10")
    assert C.list_evaluations(engine, o.secretary, nxt.id).total == 2  # everyone active is enrolled


def _decide(engine, o, code, **kw):
    e = evaluation_of(engine, o.secretary, o.round.id, code)
    return C.decide(engine, o.secretary, e.id, C.DecisionDraft(meeting_id=o.meeting.id, **kw))


def test_quota_of_full_steps_in_round_one_blocks_the_next_one(engine, admin):
    o = office(engine, admin)  # 8 staff in the steps scheme: 15 % = 1.2 → 1 full step
    for code in ("S004", "S005"):
        score_and_screen(engine, o.secretary, o.round.id, code, "95")
    _decide(engine, o, "S004", steps="1", amount="900")
    e = evaluation_of(engine, o.secretary, o.round.id, "S005")
    preview = C.preview_decision(engine, o.secretary, e.id, C.DecisionDraft(steps="1", amount="900", meeting_id=o.meeting.id))
    steps = next(t for t in preview.report.totals if t.scheme == "steps")
    assert (steps.headcount, steps.quota_allowed, steps.quota_used) == (8, 1, 2)
    assert [i.code for i in preview.blocking] == ["quota"]
    with pytest.raises(C.DecisionBlocked):
        _decide(engine, o, "S005", steps="1", amount="900")
    assert _decide(engine, o, "S005", steps="0.5", amount="450").half_steps == 1  # half a step is outside the quota


def test_quota_follows_a_changed_percentage(engine, admin):
    o = office(engine, admin)
    C.set_round_rules(engine, o.secretary, o.round.id, o.round.rules.with_changes(quota_pct=Decimal("25")))  # 8 → 2
    for code in ("S004", "S005"):
        score_and_screen(engine, o.secretary, o.round.id, code, "95")
        _decide(engine, o, code, steps="1", amount="900")
    steps = C.round_checks(engine, o.secretary, o.round.id).totals[0]
    assert (steps.quota_allowed, steps.quota_used) == (2, 2)


def test_level_decides_what_steps_are_allowed(engine, admin):
    o = office(engine, admin)
    score_and_screen(engine, o.secretary, o.round.id, "S004", "85")  # ดีมาก: at most half a step in round 1
    with pytest.raises(C.DecisionBlocked) as err:
        _decide(engine, o, "S004", steps="1", amount="900")
    assert [i.code for i in err.value.issues] == ["level"]
    e = evaluation_of(engine, o.secretary, o.round.id, "S005")
    C.set_score(engine, o.secretary, e.id, total="50")
    C.save_screening(engine, o.secretary, e.id, "adjust", score_text="91", reason="ผลงานเด่นที่ผู้บังคับบัญชาไม่ได้นับ")
    row = _decide(engine, o, "S005", steps="1", amount="900")  # the screening's level counts
    assert (row.level, row.final_level) == ("improve", "excellent")


def test_decision_without_screening_is_refused(engine, admin):
    o = office(engine, admin)
    e = evaluation_of(engine, o.secretary, o.round.id, "S004")
    C.set_score(engine, o.secretary, e.id, achievement="90", competency="80")
    assert C.get_evaluation(engine, o.secretary, e.id).score == 87.0
    with pytest.raises(C.DecisionBlocked) as err:
        _decide(engine, o, "S004", steps="0.5", amount="450")
    assert [i.code for i in err.value.issues] == ["unscreened"]


def test_yearly_cap_counts_both_rounds(engine, admin):
    o = office(engine, admin)
    score_and_screen(engine, o.secretary, o.round.id, "S004", "95")
    _decide(engine, o, "S004", steps="1", amount="900")
    r2 = C.create_round(engine, o.secretary, 2569, 2)
    pro = C.save_committee(engine, o.secretary, r2.id, "promotion", "200/2569", "1/9/2569")
    pro = C.add_member(engine, o.secretary, pro.id, name="นายนายก เทศมนตรี", role="chair")
    m = C.save_meeting(engine, o.secretary, C.MeetingDraft(pro.id, "1", "20/9/2569", invited_on="1/9/2569"))
    C.set_attendees(engine, o.secretary, m.id, [pro.members[0].id])
    e = score_and_screen(engine, o.secretary, r2.id, "S004", "96")
    with pytest.raises(C.DecisionBlocked) as err:  # 1 + 1.5 = 2.5 steps
        C.decide(engine, o.secretary, e.id, C.DecisionDraft(steps="1.5", amount="1400", meeting_id=m.id))
    assert [i.code for i in err.value.issues] == ["cap"]
    assert C.decide(engine, o.secretary, e.id, C.DecisionDraft(steps="1", amount="950", meeting_id=m.id)).half_steps == 2
    C.set_round_rules(engine, o.secretary, r2.id, r2.rules.with_changes(yearly_cap_half_steps=5))
    assert not [i for i in C.round_checks(engine, o.secretary, r2.id).issues if i.code == "cap"]


def test_steps_budget_is_six_percent_of_september_salaries_for_the_year(engine, admin):
    o = office(engine, admin)  # steps salaries 20,000 … 27,000 = 188,000 → 11,280 a year
    steps = C.round_checks(engine, o.secretary, o.round.id).totals[0]
    assert (steps.pool_base, steps.pool_allowed) == (188_000, 11_280)
    score_and_screen(engine, o.secretary, o.round.id, "S004", "85")
    with pytest.raises(C.DecisionBlocked) as err:
        _decide(engine, o, "S004", steps="0.5", amount="11281")
    assert [i.code for i in err.value.issues] == ["budget"]


def test_percent_pool_and_special_allowance(engine, admin):
    o = office(engine, admin)  # teachers S009 28,000 and S010 29,000: pool 3 % of 57,000 = 1,710
    rules = o.round.rules.with_changes(bases=(C.documents.RoundRules().bases[0].__class__(0, 28_500, 21_590),
                                              C.documents.RoundRules().bases[0].__class__(28_501, 30_000, 25_000)))
    C.set_round_rules(engine, o.secretary, o.round.id, rules)
    score_and_screen(engine, o.secretary, o.round.id, "S009", "92")
    row = _decide(engine, o, "S009", percent="4")  # 4 % of 21,590 = 863.60 → 870; room 500 → 370 allowance
    assert (row.amount, row.special_allowance, row.percent) == (500, 370, Decimal("4"))
    pct = C.round_checks(engine, o.secretary, o.round.id).totals[1]
    assert (pct.pool_base, pct.pool_allowed, pct.pool_used) == (57_000, 1_710, 870)
    score_and_screen(engine, o.secretary, o.round.id, "S010", "93")
    with pytest.raises(C.DecisionBlocked) as err:  # 4 % of 25,000 = 1,000: 1,870 > 1,710
        _decide(engine, o, "S010", percent="4")
    assert [i.code for i in err.value.issues] == ["pool"]
    with pytest.raises(C.DecisionBlocked) as err:
        _decide(engine, o, "S010", percent="6.5")
    assert "level_percent" in [i.code for i in err.value.issues]
    order = C.documents.special_allowance_order(engine, o.secretary, o.round.id)
    assert [(ln.staff_code, ln.special_allowance) for ln in order.lines] == [("S009", 370)]


def test_every_decision_is_audited(engine, admin):
    o = office(engine, admin)
    score_and_screen(engine, o.secretary, o.round.id, "S004", "85")
    _decide(engine, o, "S004", steps="0.5", amount="450")
    decided = [a for a in _audit(engine, "evaluation") if a.action == "decide"]
    assert len(decided) == 1 and '"half_steps": 1' in decided[0].after and decided[0].username == "hr"
