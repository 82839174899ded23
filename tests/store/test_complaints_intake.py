"""Intake: every problem at once, registry numbers gap-free under two desks at once, tracking codes."""

from __future__ import annotations

import multiprocessing
import os
import random
import time
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from itatui.domain import idcard
from itatui.domain.roles import PermissionDenied, Role
from itatui.store import accounts
from itatui.store import complaints as C
from itatui.store.db import session_scope, write_scope
from itatui.store.models import AuditLog, Complaint, Organisation, RegistryCounter, Unit

RECEIVED = datetime(2026, 1, 15, 3, 0, tzinfo=UTC)  # 15 Jan 2026 10:00 in Thailand: fiscal year 2569
VALID_ID = "110170023070" + str(idcard.check_digit("110170023070"))


@pytest.fixture
def org(engine):
    with write_scope(engine) as s:
        o = Organisation(name="เทศบาลตำบลเขมราฐ", district="เขมราฐ", province="อุบลราชธานี")
        s.add(o)
        s.flush()
        s.add(Unit(organisation_id=o.id, code="กองช่าง", name="กองช่าง"))
        return o.id


@pytest.fixture
def officer(engine, admin, org):
    return accounts.create_user(engine, admin, "desk", "desk-pass-1", {Role.COMPLAINT_OFFICER}, "สมศรี รับเรื่อง").actor()


def general(**kw) -> C.ComplaintDraft:
    base = dict(kind="general", channel="walk_in", subject="ถนนชำรุด", details="ถนนเป็นหลุม", received_at=RECEIVED,
                complainant_name="นายสมชาย ใจดี", phone="0812345678")
    base.update(kw)
    return C.ComplaintDraft(**base)


def test_saved_complaint_gets_registry_number_tracking_code_and_due_date(engine, officer):
    first = C.create_complaint(engine, officer, general())
    second = C.create_complaint(engine, officer, general(subject="ไฟดับ"))
    corr = C.create_complaint(engine, officer, general(kind="corruption", accused="เจ้าหน้าที่กองช่าง", anonymous=True,
                                                       complainant_name="", phone=""))
    assert (first.registry_display, second.registry_display) == ("รท. 1/2569", "รท. 2/2569")
    assert corr.registry_display == "ทจ. 1/2569"  # its own sequence
    assert first.tracking_code != second.tracking_code
    assert C.public_status(engine, first.tracking_code) is not None
    assert str(first.due_date) == "2026-01-30"  # 15 calendar days after 15 Jan


def test_every_problem_is_reported_at_once_and_nothing_is_saved(engine, officer):
    draft = C.ComplaintDraft(
        kind="corruption", channel="pigeon", subject="  ", received_at=datetime(2099, 1, 1, tzinfo=UTC),
        complainant_name="นางมาลี", national_id="1101700230709", phone="12345", contact_pref="letter",
        evidence=(C.EvidenceItem("", "แฟ้ม 3"),),
    )
    with pytest.raises(C.ComplaintValidationError) as exc:
        C.create_complaint(engine, officer, draft)
    got = {(p.field, p.key) for p in exc.value.problems}
    assert got == {
        ("channel", "complaint.err.channel"),
        ("received_at", "complaint.err.received_future"),
        ("subject", "complaint.err.subject_required"),
        ("accused", "complaint.err.accused_required"),
        ("national_id", "complaint.err.id_checksum"),
        ("phone", "complaint.err.phone_format"),
        ("address", "complaint.err.address_for_contact"),
        ("evidence.0.item", "complaint.err.evidence_item"),
    }
    # the messages carry keys only: never what the person typed
    assert "1101700230709" not in str(exc.value) and "มาลี" not in str(exc.value)
    with session_scope(engine) as s:
        assert s.exec(sa.select(sa.func.count()).select_from(Complaint)).one()[0] == 0


def test_anonymous_means_no_identity_fields(engine, officer):
    with pytest.raises(C.ComplaintValidationError) as exc:
        C.create_complaint(engine, officer, general(anonymous=True, national_id=VALID_ID))
    assert {p.field for p in exc.value.problems} == {"complainant_name", "national_id", "phone"}
    saved = C.create_complaint(engine, officer, general(anonymous=True, complainant_name="", phone="", contact_pref="phone"))
    case = C.get_case(engine, officer, saved.id)
    assert case.anonymous and case.contact_pref == "code_only" and case.complainant == C.Complainant()


def test_thai_digits_are_accepted_and_normalised(engine, officer):
    thai_id = "๑-๑๐๑๗-๐๐๒๓๐-๗๐-๘"
    saved = C.create_complaint(engine, officer, general(national_id=thai_id, phone="๐๘๑-๒๓๔-๕๖๗๘"))
    who = C.get_case(engine, officer, saved.id).complainant
    assert who is not None and (who.national_id, who.phone) == ("1101700230708", "081-234-5678")


def test_personal_data_of_general_complaints_only_for_complaint_officers(engine, admin, officer):
    saved = C.create_complaint(engine, officer, general(national_id=VALID_ID))
    viewer = accounts.create_user(engine, admin, "v", "viewer-pass", {Role.VIEWER}).actor()
    for who in (viewer, admin):
        case = C.get_case(engine, who, saved.id)
        assert case.complainant is None and case.personal_hidden
        assert C.receipt_data(engine, who, saved.id).show_name is None
    assert C.get_case(engine, officer, saved.id).complainant.name == "นายสมชาย ใจดี"
    with pytest.raises(PermissionDenied):
        C.create_complaint(engine, viewer, general())


def test_evidence_and_unit_are_kept(engine, officer):
    with session_scope(engine) as s:
        unit_id = s.exec(sa.select(Unit.id)).one()[0]
    saved = C.create_complaint(engine, officer, general(unit_id=unit_id, evidence=(
        C.EvidenceItem("ภาพถ่ายถนน 3 ภาพ", "แฟ้มเรื่องร้องเรียน 2569"), C.EvidenceItem("", ""))))
    case = C.get_case(engine, officer, saved.id)
    assert case.evidence == (C.EvidenceItem("ภาพถ่ายถนน 3 ภาพ", "แฟ้มเรื่องร้องเรียน 2569"),)
    assert case.unit_name == "กองช่าง"
    with session_scope(engine) as s:
        rec = s.exec(sa.select(AuditLog).where(AuditLog.entity == "complaint")).scalars().one()
    assert rec.action == "create" and "รท. 1/2569" in rec.after and "สมชาย" not in rec.after


def _desk(url: str, user_id: int, start, n: int, out) -> None:  # noqa: ANN001
    """One desk in its own process: its own engine, saving as fast as it can."""
    from itatui.domain.roles import Actor
    from itatui.store.db import make_engine

    eng = make_engine(url)
    actor = Actor(user_id, "desk", frozenset({Role.COMPLAINT_OFFICER}))
    rng = random.Random(user_id + os.getpid())
    start.wait()
    numbers = []
    for i in range(n):
        got = C.create_complaint(eng, actor, general(subject=f"เรื่องที่ {i}", complainant_name="", phone="", anonymous=True))
        numbers.append(got.registry_no)
        # A desk is never idle for zero time between saves; without any gap SQLite's busy wait can let one
        # process take every turn, and the test would no longer show two desks competing.
        time.sleep(rng.uniform(0, 0.004))
    eng.dispose()
    out.put(numbers)


def test_two_desks_saving_at_once_get_unique_gap_free_numbers(engine, officer, db_path):
    ctx = multiprocessing.get_context("fork")
    start, out = ctx.Event(), ctx.Queue()
    url = str(engine.url)
    engine.dispose()  # no inherited SQLite connection in the children
    desks = [ctx.Process(target=_desk, args=(url, officer.user_id, start, 500, out)) for _ in range(2)]
    for p in desks:
        p.start()
    start.set()
    results = [out.get(timeout=120) for _ in desks]
    for p in desks:
        p.join(timeout=60)
        assert p.exitcode == 0
    assert all(len(r) == 500 for r in results)
    # both desks really interleaved (else this would prove nothing about concurrency)
    a, b = results
    assert min(a) < max(b) and min(b) < max(a)
    with session_scope(engine) as s:
        numbers = sorted(s.exec(sa.select(Complaint.registry_no).where(Complaint.fiscal_year == 2569)).scalars().all())
        counter = s.exec(sa.select(RegistryCounter.last_no)).scalars().one()
    assert numbers == list(range(1, 1001))
    assert counter == 1000


def test_a_database_failure_never_quotes_the_complainant(engine, officer, monkeypatch):
    import traceback

    from itatui.store.complaints import intake as complaints_intake

    first = C.create_complaint(engine, officer, general())
    taken = first.tracking_code.replace("-", "")
    monkeypatch.setattr(complaints_intake, "unique_tracking_code", lambda session: taken)  # forces a unique violation
    secret = "นางสาว" + "ห้ามรั่วไหล ทดสอบ"  # built here so the traceback's source lines do not hold it
    with pytest.raises(C.ComplaintError) as exc:
        C.create_complaint(engine, officer, general(complainant_name=secret, national_id=VALID_ID))
    assert exc.value.key == "complaint.err.save_failed"
    shown = "".join(traceback.format_exception(exc.value))
    assert secret not in shown and VALID_ID not in shown
