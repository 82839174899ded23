"""A corruption complainant's identity: sealed at rest, opened only by an investigator with their own password."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from itatui.domain import idcard
from itatui.domain.roles import PermissionDenied, Role
from itatui.store import accounts
from itatui.store import complaints as C
from itatui.store.db import session_scope, write_scope
from itatui.store.complaints.identity import IdentityError
from itatui.store.models import AuditLog, ComplaintKey, Organisation

SECRET_NAME = "นางสาวลับสุดยอด ปลอดภัยดี"
SECRET_ID = "310170023070" + str(idcard.check_digit("310170023070"))
SECRET_PHONE = "0891112233"
RECEIVED = datetime(2026, 2, 2, 3, 0, tzinfo=UTC)


@pytest.fixture
def people(engine, admin):
    with write_scope(engine) as s:
        s.add(Organisation(name="เทศบาลตำบลเขมราฐ"))
    officer = accounts.create_user(engine, admin, "desk", "desk-pass-1", {Role.COMPLAINT_OFFICER}).actor()
    accounts.create_user(engine, admin, "inv1", "inv1-pass-1", {Role.VIEWER}, "ผู้ตรวจสอบ หนึ่ง")
    accounts.create_user(engine, admin, "inv2", "inv2-pass-1", {Role.VIEWER}, "ผู้ตรวจสอบ สอง")
    C.bootstrap_investigator(engine, admin, "inv1", "inv1-pass-1")
    inv1 = accounts.authenticate(engine, "inv1", "inv1-pass-1").actor()
    return {"admin": admin, "officer": officer, "inv1": inv1}


def corruption(**kw) -> C.ComplaintDraft:
    base = dict(kind="corruption", channel="letter", subject="เรียกรับเงินค่าใบอนุญาต", details="มีการเรียกรับเงินเพิ่ม",
                accused="เจ้าหน้าที่กองช่าง", received_at=RECEIVED, complainant_name=SECRET_NAME, national_id=SECRET_ID,
                phone=SECRET_PHONE, address="บ้านเลขที่ 99 หมู่ 9", contact_pref="phone")
    base.update(kw)
    return C.ComplaintDraft(**base)


def _file_bytes(db_path) -> bytes:
    data = b""
    for suffix in ("", "-wal", "-shm"):
        p = db_path.parent / (db_path.name + suffix)
        if p.exists():
            data += p.read_bytes()
    return data


def test_database_file_holds_no_plaintext_of_a_complainant_of_either_kind(engine, people, db_path):
    officer = people["officer"]
    sealed = C.create_complaint(engine, officer, corruption())
    general = C.create_complaint(engine, officer, C.ComplaintDraft(
        kind="general", channel="walk_in", subject="ไฟดับหน้าบ้านนายเปิดเผย", received_at=RECEIVED,
        complainant_name="นายทั่วไป ธรรมดา", national_id=SECRET_ID2, phone="0897776655", address="บ้านเลขที่ 99/9"))
    case = C.get_case(engine, officer, sealed.id)
    assert case.identity_sealed and case.complainant is None
    # the officer who opened the key ring at log-in still reads the general complainant
    assert C.get_case(engine, officer, general.id).complainant.name == "นายทั่วไป ธรรมดา"
    data = _file_bytes(db_path)
    assert "ไฟดับหน้าบ้านนายเปิดเผย".encode() in data  # control: plain columns are visible to this byte search
    for secret in ("นายทั่วไป ธรรมดา", SECRET_ID2, "0897776655", "บ้านเลขที่ 99/9",
                   SECRET_NAME, "ลับสุดยอด", SECRET_ID, idcard.format_id(SECRET_ID), SECRET_PHONE, "089-111-2233"):
        assert secret.encode() not in data, secret
        assert secret.encode("utf-16-le") not in data, secret
    with session_scope(engine) as s:
        audit_text = " ".join(a.before + a.after for a in s.exec(sa.select(AuditLog)).scalars())
    assert SECRET_NAME not in audit_text and SECRET_ID not in audit_text


SECRET_ID2 = "310170023070" + str(idcard.check_digit("310170023070"))


def test_admin_and_officer_cannot_reveal_an_investigator_can_and_it_is_audited(engine, people):
    saved = C.create_complaint(engine, people["officer"], corruption())
    for who in (people["admin"], people["officer"]):
        with pytest.raises(PermissionDenied):
            C.reveal_identity(engine, who, "admin-pass-1", saved.id, "อยากรู้")
    inv1 = people["inv1"]
    with pytest.raises(IdentityError) as exc:
        C.reveal_identity(engine, inv1, "inv1-pass-1", saved.id, "   ")
    assert exc.value.key == "identity.err.reason_required"
    with pytest.raises(IdentityError) as exc:
        C.reveal_identity(engine, inv1, "wrong-password", saved.id, "สอบข้อเท็จจริง")
    assert exc.value.key == "identity.err.wrong_password"

    who = C.reveal_identity(engine, inv1, "inv1-pass-1", saved.id, "สอบข้อเท็จจริงเพิ่มเติม")
    assert (who.name, who.national_id, who.phone) == (SECRET_NAME, SECRET_ID, "089-111-2233")
    with session_scope(engine) as s:
        rows = s.exec(sa.select(AuditLog).where(AuditLog.entity == "complaint", AuditLog.action.like("reveal%"))).scalars().all()
    assert [(r.action, r.username) for r in rows] == [("reveal_denied", "inv1"), ("reveal", "inv1")]
    assert "สอบข้อเท็จจริงเพิ่มเติม" in rows[1].after
    assert all(SECRET_NAME not in r.after and SECRET_ID not in r.after for r in rows)
    timeline = C.get_case(engine, people["officer"], saved.id).events
    assert [(e.kind, e.audience) for e in timeline if e.kind == "revealed"] == [("revealed", "internal")]


def test_granting_rewraps_existing_complaints_and_password_change_reseals(engine, people):
    import itatui.store.complaints.identity  # noqa: F401  registers the reseal hook (the app imports it with the store)

    before = C.create_complaint(engine, people["officer"], corruption())
    anonymous = C.create_complaint(engine, people["officer"], corruption(anonymous=True, complainant_name="", national_id="",
                                                                         phone="", address=""))
    inv1 = people["inv1"]
    with pytest.raises(IdentityError) as exc:
        C.grant_investigator(engine, inv1, "inv1-pass-1", "inv2", "not-inv2-password")
    assert exc.value.key == "identity.err.user_password_wrong"
    result = C.grant_investigator(engine, inv1, "inv1-pass-1", "inv2", "inv2-pass-1")
    assert result.rewrapped == 1  # the anonymous one has nothing to open
    inv2 = accounts.authenticate(engine, "inv2", "inv2-pass-1").actor()
    assert inv2.has_role(Role.INVESTIGATOR)
    assert C.reveal_identity(engine, inv2, "inv2-pass-1", before.id, "รับช่วงคดี").name == SECRET_NAME
    after = C.create_complaint(engine, people["officer"], corruption())
    with session_scope(engine) as s:
        holders = s.exec(sa.select(ComplaintKey.user_id).where(ComplaintKey.complaint_id == after.id)).scalars().all()
    assert sorted(holders) == sorted([inv1.user_id, inv2.user_id])
    with pytest.raises(IdentityError) as exc:
        C.reveal_identity(engine, inv2, "inv2-pass-1", anonymous.id, "ตรวจสอบ")
    assert exc.value.key == "identity.err.none"

    accounts.change_password(engine, inv2, "inv2", "inv2-new-pass", old_password="inv2-pass-1")
    assert C.reveal_identity(engine, inv2, "inv2-new-pass", after.id, "ตรวจสอบ").name == SECRET_NAME
    with pytest.raises(IdentityError):
        C.reveal_identity(engine, inv2, "inv2-pass-1", after.id, "ตรวจสอบ")


def test_first_investigator_only_while_none_exists(engine, people):
    accounts.create_user(engine, people["admin"], "mallory", "mallory-pass", {Role.VIEWER})
    with pytest.raises(IdentityError) as exc:
        C.bootstrap_investigator(engine, people["admin"], "mallory", "mallory-pass")
    assert exc.value.key == "identity.err.investigator_exists"
    with pytest.raises(PermissionDenied):
        C.grant_investigator(engine, people["admin"], "admin-pass-1", "mallory", "mallory-pass")


def test_admin_password_reset_drops_the_key_and_a_regrant_restores_access(engine, people):
    saved = C.create_complaint(engine, people["officer"], corruption())
    accounts.create_user(engine, people["admin"], "inv3", "inv3-pass-1", {Role.VIEWER})
    C.grant_investigator(engine, people["inv1"], "inv1-pass-1", "inv3", "inv3-pass-1")
    with pytest.raises(accounts.AccountError) as refused:  # nothing becomes unreadable without a confirmation
        accounts.change_password(engine, people["admin"], "inv3", "reset-by-admin")
    assert refused.value.key == "err.key_loss_confirm"
    accounts.change_password(engine, people["admin"], "inv3", "reset-by-admin", confirm_key_loss=True)
    inv3 = accounts.authenticate(engine, "inv3", "reset-by-admin").actor()
    with pytest.raises(IdentityError) as exc:
        C.reveal_identity(engine, inv3, "reset-by-admin", saved.id, "ตรวจสอบ")
    assert exc.value.key == "identity.err.no_key"
    C.grant_investigator(engine, people["inv1"], "inv1-pass-1", "inv3", "reset-by-admin")
    assert C.reveal_identity(engine, inv3, "reset-by-admin", saved.id, "ตรวจสอบ").name == SECRET_NAME


def test_named_corruption_complaint_needs_an_investigator(engine, admin):
    with write_scope(engine) as s:
        s.add(Organisation(name="เทศบาล"))
    officer = accounts.create_user(engine, admin, "desk", "desk-pass-1", {Role.COMPLAINT_OFFICER}).actor()
    with pytest.raises(C.ComplaintValidationError) as exc:
        C.create_complaint(engine, officer, corruption())
    assert [(p.field, p.key) for p in exc.value.problems] == [("anonymous", "identity.err.no_investigator")]
    # anonymous still works, so the desk is never stuck
    assert C.create_complaint(engine, officer, corruption(anonymous=True, complainant_name="", national_id="", phone="",
                                                          address="", contact_pref="code_only")).registry_no == 1


def test_receipt_and_public_status_of_a_corruption_complaint_identify_nobody(engine, people):
    saved = C.create_complaint(engine, people["officer"], corruption())
    receipt = C.receipt_data(engine, people["officer"], saved.id)
    assert receipt.show_name is None
    assert "เรียกรับเงิน" not in receipt.subject  # the subject may name the accused: a neutral label instead
    text = repr(receipt) + repr(C.public_status(engine, saved.tracking_code))
    for secret in (SECRET_NAME, SECRET_ID, "089-111-2233", "เจ้าหน้าที่กองช่าง"):
        assert secret not in text


def test_data_keys_wrapped_before_hpke_still_open_and_are_rewrapped_with_hpke(engine, people):
    from itatui.store.complaints import identity
    from itatui.store.models import User

    inv1 = people["inv1"]
    made = C.create_complaint(engine, people["officer"], corruption())
    context = identity.wrap_context(made.id, inv1.user_id)
    with write_scope(engine) as s:
        user = s.get(User, inv1.user_id)
        private = identity.open_private_key(bytes(user.private_key_sealed), "inv1-pass-1", inv1.user_id)
        row = s.get(ComplaintKey, (made.id, inv1.user_id))
        assert bytes(row.wrapped_key)[:1] == b"\x02"  # new keys are wrapped with HPKE
        data_key = identity.unwrap_data_key(bytes(row.wrapped_key), private, context)
        # what a database written before HPKE holds for this complaint
        row.wrapped_key = identity.wrap_data_key_v1(data_key, bytes(user.public_key), context)
        s.add(row)
    assert C.reveal_identity(engine, inv1, "inv1-pass-1", made.id, "ตรวจสอบ").name == SECRET_NAME

    C.grant_investigator(engine, inv1, "inv1-pass-1", "inv2", "inv2-pass-1")
    inv2 = accounts.authenticate(engine, "inv2", "inv2-pass-1").actor()
    with session_scope(engine) as s:
        copied = s.get(ComplaintKey, (made.id, inv2.user_id))
        assert bytes(copied.wrapped_key)[:1] == b"\x02"
    assert C.reveal_identity(engine, inv2, "inv2-pass-1", made.id, "รับช่วงคดี").name == SECRET_NAME
    # a key wrapped for one investigator never opens with another's private key
    with pytest.raises(IdentityError):
        identity.unwrap_data_key(bytes(copied.wrapped_key), private, context)
