"""Quorum, invitations, conflicts of interest and withdrawal, locked minutes and audited amendments."""

import pytest
from sqlmodel import Session, select

from itatui.store import committees as C
from itatui.store.models import AuditLog
from tests.committee_fixtures import evaluation_of, office, score_and_screen


def test_meeting_quorum_and_late_invitation(engine, admin):
    o = office(engine, admin)
    assert o.meeting.quorum and not o.meeting.invitation_late and o.meeting.members_total == 4
    members = o.promotion.members
    m = C.set_attendees(engine, o.secretary, o.meeting.id, [members[0].id])  # 1 of 4
    assert not m.quorum
    m = C.set_attendees(engine, o.secretary, o.meeting.id, [members[0].id, members[1].id])  # 2 of 4: half is enough
    assert m.quorum
    late = C.save_meeting(engine, o.secretary, C.MeetingDraft(o.promotion.id, "2", "20/3/2569", invited_on="18/3/2569"))
    assert late.invitation_late
    with pytest.raises(C.CommitteeValidationError) as err:
        C.save_meeting(engine, o.secretary, C.MeetingDraft(o.promotion.id, "x", "", invited_on="1/1/2569"))
    assert err.value.fields() == {"number", "held_on"}


def test_decision_at_a_meeting_without_quorum_is_refused(engine, admin):
    o = office(engine, admin)
    C.set_attendees(engine, o.secretary, o.meeting.id, [o.promotion.members[0].id])
    e = score_and_screen(engine, o.secretary, o.round.id, "S004", "85")
    with pytest.raises(C.DecisionBlocked) as err:
        C.decide(engine, o.secretary, e.id, C.DecisionDraft(steps="0.5", amount="450", meeting_id=o.meeting.id))
    assert [i.code for i in err.value.issues] == ["quorum"]
    with pytest.raises(C.DecisionBlocked) as err:
        C.decide(engine, o.secretary, e.id, C.DecisionDraft(steps="0.5", amount="450", meeting_id=None))
    assert [i.code for i in err.value.issues] == ["no_meeting"]


def test_conflicts_are_proposed_confirmed_and_the_member_withdraws(engine, admin):
    o = office(engine, admin)
    proposed = C.propose_conflicts(engine, o.secretary, o.round.id)
    seen = {(c.member_name, c.staff_name, c.relation) for c in proposed}
    assert ("นายคนที่1 สกุล1", "นายคนที่1 สกุล1", "self") in seen  # S001 sits on the promotion committee
    assert ("นางผู้อำนวยการ สกุล3", "นายคนที่3 สกุล3", "same_family_name") in seen
    assert ("นายคนที่2 สกุล2", "นายคนที่2 สกุล2", "self") in seen  # S002 sits on the screening committee
    assert C.propose_conflicts(engine, o.secretary, o.round.id) == proposed  # proposing again adds nothing

    e = score_and_screen(engine, o.secretary, o.round.id, "S003", "85")
    report = C.round_checks(engine, o.secretary, o.round.id)
    assert any(i.code == "conflict_unconfirmed" and i.staff_code == "S003" and not i.blocking for i in report.issues)

    family = next(c for c in proposed if c.relation == "same_family_name")
    with pytest.raises(C.CommitteeValidationError):
        C.resolve_conflict(engine, o.secretary, family.id, confirm=True, relation="same_family_name")
    C.resolve_conflict(engine, o.secretary, family.id, confirm=True, relation="sibling")
    draft = C.DecisionDraft(steps="0.5", amount="450", meeting_id=o.meeting.id)
    with pytest.raises(C.DecisionBlocked) as err:  # the sibling sat in the meeting and was counted
        C.decide(engine, o.secretary, e.id, draft)
    assert [i.code for i in err.value.issues] == ["conflict_counted"]
    C.set_withdrew(engine, o.secretary, family.id, True)
    assert C.decide(engine, o.secretary, e.id, draft).decided
    doc = C.documents.minutes(engine, o.secretary, o.meeting.id)
    assert doc.withdrawals == (("นางผู้อำนวยการ สกุล3", "นายคนที่3 สกุล3"),)


def test_withdrawal_can_cost_the_quorum(engine, admin):
    o = office(engine, admin)
    members = o.promotion.members
    C.set_attendees(engine, o.secretary, o.meeting.id, [members[0].id, members[2].id])  # 2 of 4
    C.propose_conflicts(engine, o.secretary, o.round.id)
    family = next(c for c in C.list_conflicts(engine, o.secretary, o.round.id) if c.relation == "same_family_name")
    C.resolve_conflict(engine, o.secretary, family.id, confirm=True, relation="spouse")
    C.set_withdrew(engine, o.secretary, family.id, True)
    e = score_and_screen(engine, o.secretary, o.round.id, "S003", "85")
    with pytest.raises(C.DecisionBlocked) as err:
        C.decide(engine, o.secretary, e.id, C.DecisionDraft(steps="0.5", amount="450", meeting_id=o.meeting.id))
    assert [i.code for i in err.value.issues] == ["quorum"]


def test_dismissed_proposal_no_longer_counts(engine, admin):
    o = office(engine, admin)
    C.propose_conflicts(engine, o.secretary, o.round.id)
    family = next(c for c in C.list_conflicts(engine, o.secretary, o.round.id) if c.relation == "same_family_name")
    C.resolve_conflict(engine, o.secretary, family.id, confirm=False)
    e = score_and_screen(engine, o.secretary, o.round.id, "S003", "85")
    assert C.decide(engine, o.secretary, e.id, C.DecisionDraft(steps="0.5", amount="450", meeting_id=o.meeting.id)).decided


def test_approved_minutes_are_locked_and_amendments_are_new_audited_versions(engine, admin):
    o = office(engine, admin)
    C.save_minutes(engine, o.secretary, o.meeting.id, "ร่างแรก")
    v1 = C.save_minutes(engine, o.secretary, o.meeting.id, "ที่ประชุมมีมติเลื่อนขั้นตามบัญชีแนบ")
    assert v1.version == 1  # a draft is edited in place until approved
    C.approve_minutes(engine, o.secretary, o.meeting.id)
    with pytest.raises(C.CommitteeError):
        C.approve_minutes(engine, o.secretary, o.meeting.id)
    with pytest.raises(C.CommitteeValidationError) as err:
        C.save_minutes(engine, o.secretary, o.meeting.id, "แก้ไขชื่อกรรมการ")
    assert err.value.problems[0].key == "committee.err.amend_reason"
    v2 = C.save_minutes(engine, o.secretary, o.meeting.id, "ที่ประชุมมีมติ (แก้ไขชื่อกรรมการ)", reason="ชื่อกรรมการสะกดผิด")
    assert (v2.version, v2.approved) == (2, False)
    meeting = C.get_meeting(engine, o.secretary, o.meeting.id)
    assert [(m.version, m.text, m.approved) for m in meeting.minutes] == [
        (1, "ที่ประชุมมีมติเลื่อนขั้นตามบัญชีแนบ", True), (2, "ที่ประชุมมีมติ (แก้ไขชื่อกรรมการ)", False)]
    assert C.documents.minutes(engine, o.secretary, o.meeting.id, version=1).text == "ที่ประชุมมีมติเลื่อนขั้นตามบัญชีแนบ"
    with Session(engine) as s:
        amend = s.exec(select(AuditLog).where(AuditLog.entity == "minutes", AuditLog.action == "amend")).one()
    assert "ชื่อกรรมการสะกดผิด" in amend.after and amend.entity_id == f"{o.meeting.id}/v2"


def test_a_member_who_attended_stays_on_record(engine, admin):
    o = office(engine, admin)
    with pytest.raises(C.CommitteeError):
        C.remove_member(engine, o.secretary, o.promotion.members[1].id)
    extra = C.add_member(engine, o.secretary, o.promotion.id, name="นายสำรอง ชั่วคราว", role="member")
    assert len(C.remove_member(engine, o.secretary, extra.members[-1].id).members) == 4
    with pytest.raises(C.CommitteeValidationError):
        C.add_member(engine, o.secretary, o.promotion.id, name="นายประธาน สอง", role="chair")
