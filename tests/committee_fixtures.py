"""A small office for the committee tests: staff of both schemes, a round, both committees and a meeting."""

from __future__ import annotations

from dataclasses import dataclass

from itatui.domain.roles import Actor, Role
from itatui.store import committees as C
from itatui.store.org import save_organisation

KINDS = ["พนักงานเทศบาล"] * 6 + ["ลูกจ้างประจำ"] * 2 + ["พนักงานครูเทศบาล"] * 2


@dataclass(frozen=True)
class Office:
    secretary: Actor
    round: C.RoundInfo
    staff: dict  # code -> StaffRow
    screening: C.CommitteeInfo
    promotion: C.CommitteeInfo
    meeting: C.MeetingInfo


def secretary(engine, admin) -> Actor:
    from itatui.store.accounts import create_user

    return create_user(engine, admin, "hr", "hr-pass-123", {Role.COMMITTEE_SECRETARY}, "นางสาวเลขา การเจ้าหน้าที่").actor()


def add_staff(engine, actor, n: int = 10, *, salary: int = 20_000):
    out = {}
    for i in range(n):
        kind = KINDS[i % len(KINDS)]
        draft = C.StaffDraft(code=f"S{i + 1:03d}", name=f"นายคนที่{i + 1} สกุล{i + 1}", position="นักจัดการงานทั่วไป",
                             position_level="ปฏิบัติการ", unit="สป." if i % 2 else "กองคลัง", kind=kind,
                             salary=str(salary + 1000 * i), start_date="1/10/2560")
        row = C.save_staff(engine, actor, draft)
        out[row.code] = row
    return out


def office(engine, admin, *, n: int = 10, fy: int = 2569, round_no: int = 1) -> Office:
    save_organisation(engine, admin, "เทศบาลตำบลเขมราฐ", "เขมราฐ", "อุบลราชธานี")
    sec = secretary(engine, admin)
    staff = add_staff(engine, sec, n)
    rnd = C.create_round(engine, sec, fy, round_no)
    scr = C.save_committee(engine, sec, rnd.id, "screening", "123/2569", "1/3/2569")
    pro = C.save_committee(engine, sec, rnd.id, "promotion", "124/2569", "1/3/2569")
    C.add_member(engine, sec, scr.id, name="นายปลัด เทศบาล", role="chair", title="ปลัดเทศบาล")
    C.add_member(engine, sec, scr.id, staff_id=staff["S002"].id, role="member")
    scr = C.add_member(engine, sec, scr.id, name="นางสาวเลขา การเจ้าหน้าที่", role="secretary")
    C.add_member(engine, sec, pro.id, name="นายนายก เทศมนตรี", role="chair", title="นายกเทศมนตรี")
    C.add_member(engine, sec, pro.id, staff_id=staff["S001"].id, role="member")
    C.add_member(engine, sec, pro.id, name="นางผู้อำนวยการ สกุล3", role="member", title="ผู้อำนวยการกองการศึกษา")
    pro = C.add_member(engine, sec, pro.id, name="นางสาวเลขา การเจ้าหน้าที่", role="secretary")
    meeting = C.save_meeting(engine, sec, C.MeetingDraft(pro.id, "1", "20/3/2569", "ห้องประชุมเทศบาล", "10/3/2569",
                                                          "พิจารณาเลื่อนขั้นเงินเดือน รอบที่ 1"))
    meeting = C.set_attendees(engine, sec, meeting.id, [m.id for m in pro.members])
    return Office(sec, rnd, staff, scr, pro, meeting)


def evaluation_of(engine, actor, round_id: int, code: str) -> C.EvaluationRow:
    page = C.list_evaluations(engine, actor, round_id, 0, 5, text=code)
    return next(r for r in page.rows if r.staff_code == code)


def score_and_screen(engine, actor, round_id: int, code: str, total: str) -> C.EvaluationRow:
    e = evaluation_of(engine, actor, round_id, code)
    C.set_score(engine, actor, e.id, total=total)
    return C.save_screening(engine, actor, e.id, "agree")
