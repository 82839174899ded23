"""Issue 7: identities and the record against insiders, lost passwords and power cuts (one test per point, or
more)."""

from __future__ import annotations

import os
import stat
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from itatui.domain.roles import AccountRevoked, PermissionDenied, Role
from itatui.store import accounts
from itatui.store.accounts import sealing
from itatui.store.accounts import recovery
from itatui.store.complaints import key_grants
from itatui.store import complaints as C
from itatui.store.db import session_scope, write_scope
from itatui.store.complaints.identity import IdentityError
from itatui.store.integrity import check_database
from itatui.store.models import AuditLog, Complaint, Organisation, User
from tests.store.test_complaints_identity import SECRET_NAME, corruption
from tests.store.test_integrity import unguard

NOW = datetime.now(UTC)


def general(**kw) -> C.ComplaintDraft:
    base = dict(kind="general", channel="walk_in", subject="ถนนชำรุด", details="หลุมใหญ่", received_at=NOW - timedelta(days=1),
                complainant_name="นายสมชาย ใจดี", phone="0812345678")
    base.update(kw)
    return C.ComplaintDraft(**base)


@pytest.fixture
def office(engine, admin):
    with write_scope(engine) as s:
        s.add(Organisation(name="เทศบาลตำบลเขมราฐ"))
    officer = accounts.create_user(engine, admin, "desk", "desk-pass-1", {Role.COMPLAINT_OFFICER}).actor()
    accounts.create_user(engine, admin, "inv1", "inv1-pass-1", {Role.VIEWER})
    result = C.bootstrap_investigator(engine, admin, "inv1", "inv1-pass-1")
    return {"admin": admin, "officer": officer, "code": result.recovery_code}


def _keys(engine) -> list[str]:  # noqa: ANN001
    return [p.key for p in check_database(engine)]


# 1 ---------------------------------------------------------------------------------------------------------------


def test_no_administrator_path_to_the_investigator_role(engine, office):
    admin = office["admin"]
    accounts.set_active(engine, admin, "inv1", False)  # no active investigator any more …
    with pytest.raises(IdentityError) as exc:  # … still, the first-investigator path stays closed for good
        C.bootstrap_investigator(engine, admin, "admin", "admin-pass-1")
    assert exc.value.key == "identity.err.investigator_exists"
    accounts.set_active(engine, admin, "inv1", True)
    inv1 = accounts.authenticate(engine, "inv1", "inv1-pass-1").actor()
    with pytest.raises(IdentityError) as exc:  # an investigator cannot hand the role to an administrator either
        C.grant_investigator(engine, inv1, "inv1-pass-1", "admin", "admin-pass-1")
    assert exc.value.key == "identity.err.admin_investigator"
    with pytest.raises(accounts.AccountError):  # nor can an investigator become an administrator
        accounts.set_roles(engine, admin, "inv1", {Role.INVESTIGATOR, Role.ADMIN})


def test_check_reports_a_key_holder_without_a_grant(engine, office, db_path):
    accounts.create_user(engine, office["admin"], "mole", "mole-pass-12", {Role.VIEWER})
    assert "shell.check.key_without_grant" not in _keys(engine)
    import sqlite3

    with sqlite3.connect(db_path) as raw:  # a key row written behind the app's back
        raw.execute("UPDATE user SET public_key = x'00', private_key_sealed = x'00' WHERE username = 'mole'")
    assert "shell.check.key_without_grant" in _keys(engine)


# 2 ---------------------------------------------------------------------------------------------------------------


def test_recovery_key_end_to_end(engine, office):
    admin, code = office["admin"], office["code"]
    assert len(code.replace("-", "")) == 55
    with session_scope(engine) as s:  # only the public half is in the database
        assert recovery.public_key(s) is not None
    saved = C.create_complaint(engine, office["officer"], corruption())
    # the only investigator forgets the password: the reset explains and needs a confirmation
    with pytest.raises(accounts.AccountError) as exc:
        accounts.change_password(engine, admin, "inv1", "forgot-and-reset")
    assert exc.value.key == "err.key_loss_confirm"
    accounts.change_password(engine, admin, "inv1", "forgot-and-reset", confirm_key_loss=True)
    # a newly approved investigator gets every old identity from the recovery sheet
    accounts.create_user(engine, admin, "inv9", "inv9-pass-12", {Role.VIEWER})
    with pytest.raises(recovery.RecoveryError) as exc:
        key_grants.recover_investigator(engine, admin, code[:-1] + ("0" if code[-1] != "0" else "1"), "ลืมรหัส", "inv9", "inv9-pass-12")
    assert exc.value.key == "recovery.err.code"
    with pytest.raises(recovery.RecoveryError):
        key_grants.recover_investigator(engine, admin, code, "  ", "inv9", "inv9-pass-12")  # a reason is needed
    done = key_grants.recover_investigator(engine, admin, code.lower(), "ผู้ตรวจสอบเดิมลืมรหัสผ่าน", "inv9", "inv9-pass-12")
    assert done.cases == 1
    inv9 = accounts.authenticate(engine, "inv9", "inv9-pass-12").actor()
    assert C.reveal_identity(engine, inv9, "inv9-pass-12", saved.id, "ตรวจสอบ").name == SECRET_NAME
    with session_scope(engine) as s:
        actions = [(a.action, a.after) for a in s.exec(sa.select(AuditLog)).scalars() if a.action.startswith("recover")]
    assert [a for a, _ in actions] == ["recover_denied", "recover"]
    assert "ผู้ตรวจสอบเดิมลืมรหัสผ่าน" in actions[1][1]


def test_removing_the_last_key_holder_asks_first(engine, office):
    with pytest.raises(accounts.AccountError) as exc:
        accounts.set_roles(engine, office["admin"], "inv1", {Role.VIEWER})
    assert exc.value.key == "err.last_key_holder"
    with session_scope(engine) as s:
        assert s.exec(sa.select(User.public_key).where(User.username == "inv1")).one()[0] is not None


def test_recovery_gives_the_officers_key_ring(engine, office):
    saved = C.create_complaint(engine, office["officer"], general())
    accounts.authenticate(engine, "desk", "desk-pass-1")  # a member's log-in seals the ring to the recovery key
    accounts.create_user(engine, office["admin"], "desk2", "desk2-pass-12", {Role.VIEWER})
    key_grants.recover_officer(engine, office["admin"], office["code"], "เจ้าหน้าที่ลาออก", "desk2", "desk2-pass-12")
    desk2 = accounts.authenticate(engine, "desk2", "desk2-pass-12").actor()
    assert C.get_case(engine, desk2, saved.id).complainant.name == "นายสมชาย ใจดี"


# 3 ---------------------------------------------------------------------------------------------------------------


def test_general_complainant_sealed_for_the_officers_ring(engine, office):
    saved = C.create_complaint(engine, office["officer"], general())
    with session_scope(engine) as s:
        row = s.get(Complaint, saved.id)
        assert row.complainant_name == "" and row.complainant_phone == "" and row.personal_sealed
    # a second officer added by the administrator has the role but not the ring until a member grants it
    accounts.create_user(engine, office["admin"], "desk2", "desk2-pass-12", {Role.COMPLAINT_OFFICER})
    desk2 = accounts.authenticate(engine, "desk2", "desk2-pass-12").actor()
    assert C.get_case(engine, desk2, saved.id).complainant is None
    from itatui.store.complaints.key_grants import grant_officer

    grant_officer(engine, office["officer"], "desk-pass-1", "desk2", "desk2-pass-12")
    desk2 = accounts.authenticate(engine, "desk2", "desk2-pass-12").actor()
    assert C.get_case(engine, desk2, saved.id).complainant.phone == "081-234-5678"
    # search looks at subject and details only: a name finds nothing
    page = C.list_complaints(engine, desk2, C.QueueFilters(text="สมชาย"))
    assert page.total == 0


# 4 ---------------------------------------------------------------------------------------------------------------


def test_private_keys_cost_about_a_second_per_guess(monkeypatch):
    monkeypatch.undo()  # the autouse fixture lowered the cost for speed: this test looks at the shipped one
    assert sealing.KDF_COST == (5, 262144)  # Argon2id, 5 passes over 256 MiB: ~1 s a guess (benchmarks/kdf.py)
    sealed = sealing.seal_secret(b"k" * 32, "a-long-password", b"ctx")
    assert sealing.seal_cost(sealed) == (5, 262144)
    assert sealing.open_secret(sealed, "a-long-password", b"ctx") == b"k" * 32


@pytest.mark.parametrize("password", ["12345678", "password", " " * 10, "1234567890", "qwertyuiop", "somchai-01", "aaaaaaaaaaaa"])
def test_weak_passwords_are_refused(engine, admin, password):
    with pytest.raises(accounts.AccountError):
        accounts.create_user(engine, admin, "somchai-01", password, {Role.VIEWER})


def test_weak_password_refused_on_change_too(engine, admin):
    with pytest.raises(accounts.AccountError) as exc:
        accounts.change_password(engine, admin, "admin", "admin", old_password="admin-pass-1")
    assert exc.value.key == "err.password_short"
    with pytest.raises(accounts.AccountError) as exc:
        accounts.change_password(engine, admin, "admin", "password123", old_password="admin-pass-1")
    assert exc.value.key == "err.password_common"


# 5 ---------------------------------------------------------------------------------------------------------------


def test_every_commit_is_durable(engine):
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


# 6 ---------------------------------------------------------------------------------------------------------------


def test_audit_log_refuses_update_and_delete(engine, admin):
    for sql in ("UPDATE auditlog SET username = 'x'", "DELETE FROM auditlog"):
        with pytest.raises(sa.exc.IntegrityError), engine.begin() as conn:
            conn.exec_driver_sql(sql)


def _three_records(engine, admin):  # noqa: ANN001, ANN202
    from itatui.store.org import save_organisation

    save_organisation(engine, admin, "เทศบาล")
    save_organisation(engine, admin, "เทศบาล", "เขมราฐ")
    assert check_database(engine) == []  # writes the anchor with the count
    unguard(engine)


def test_check_catches_a_cut_tail(engine, admin):
    _three_records(engine, admin)
    with engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM auditlog WHERE id = (SELECT max(id) FROM auditlog)")
    assert "shell.check.anchor_missing" in _keys(engine)


def test_check_catches_a_wiped_log(engine, admin):
    _three_records(engine, admin)
    with engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM auditlog")
    assert "shell.check.anchor_missing" in _keys(engine)


def test_check_catches_an_edit_with_recomputed_hashes(engine, admin):
    from itatui.store import audit

    _three_records(engine, admin)
    with session_scope(engine) as s:
        rows = s.exec(sa.select(AuditLog).order_by(AuditLog.id)).scalars().all()
        rows[1].after = '{"name": "แก้"}'
        prev = rows[0].hash
        for r in rows[1:]:
            r.prev_hash = prev
            r.hash = audit.record_hash(r)
            prev = r.hash
    keys_found = _keys(engine)
    assert "shell.check.audit_hash" not in keys_found and "shell.check.anchor_hash" in keys_found


def test_check_catches_a_forged_row(engine, admin):
    from itatui.store import audit

    _three_records(engine, admin)
    with session_scope(engine) as s:
        last = s.exec(sa.select(AuditLog).order_by(AuditLog.id.desc())).scalars().first()
        forged = AuditLog(at=NOW, user_id=1, username="admin", action="update", entity="user", entity_id="1",
                          before="", after="{}", prev_hash=last.hash)
        forged.hash = audit.record_hash(forged)
        s.add(forged)
    assert "shell.check.anchor_behind" in _keys(engine)


def test_check_finds_registry_gaps_and_missing_creation_records(engine, office):
    first = C.create_complaint(engine, office["officer"], general())
    C.create_complaint(engine, office["officer"], general())
    assert _keys(engine) == []
    unguard(engine)
    with engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
    with session_scope(engine) as s:
        s.exec(sa.text("DELETE FROM complaintevent WHERE complaint_id = :i").bindparams(i=first.id))
        s.exec(sa.text("DELETE FROM complaint WHERE id = :i").bindparams(i=first.id))
        s.exec(sa.text("DELETE FROM auditlog WHERE action = 'create' AND entity = 'complaint' AND entity_id <> :i")
               .bindparams(i=str(first.id)))
    found = _keys(engine)
    assert "shell.check.registry_gap" in found and "shell.check.no_creation_record" in found


# 7 ---------------------------------------------------------------------------------------------------------------


def test_seed_demo_needs_an_admin_refuses_real_data_and_marks_synthetic(engine, office):
    from itatui.store.complaints.seed import seed_demo

    with pytest.raises(PermissionDenied):
        seed_demo(engine, office["officer"], 5, seed=1)
    n = seed_demo(engine, office["admin"], 20, seed=1, years=1)
    with session_scope(engine) as s:
        assert s.exec(sa.select(sa.func.count()).select_from(Complaint).where(Complaint.synthetic.is_(False))).one()[0] == 0
    assert n == 20
    C.create_complaint(engine, office["officer"], general())
    with pytest.raises(C.ComplaintError) as exc:
        seed_demo(engine, office["admin"], 5, seed=2)
    assert exc.value.key == "complaint.err.seed_real_data"
    from itatui.domain.complaint_clock import local_date
    from itatui.domain.fiscal import fiscal_year
    from itatui.store.complaints.stats import complaint_stats

    stats = complaint_stats(engine, office["admin"], fiscal_year(local_date(NOW)))
    assert stats.received.n == 1  # the 20 synthetic ones stay out beside a real one


# 8 ---------------------------------------------------------------------------------------------------------------


def test_a_disabled_account_stops_writing_and_reading_personal_data_at_once(engine, office):
    saved = C.create_complaint(engine, office["officer"], general())
    accounts.set_active(engine, office["admin"], "desk", False)
    with pytest.raises(AccountRevoked):
        C.create_complaint(engine, office["officer"], general())
    with pytest.raises(AccountRevoked):
        C.get_case(engine, office["officer"], saved.id)


def test_a_removed_role_stops_the_session(engine, office):
    saved = C.create_complaint(engine, office["officer"], general())
    accounts.create_user(engine, office["admin"], "desk2", "desk2-pass-12", {Role.COMPLAINT_OFFICER})
    accounts.set_roles(engine, office["admin"], "desk", {Role.VIEWER}, confirm_key_loss=True)
    with pytest.raises(AccountRevoked):
        C.get_case(engine, office["officer"], saved.id)


# 9 ---------------------------------------------------------------------------------------------------------------


def test_login_delay_is_capped_and_unknown_names_get_the_same_answer(engine, admin):
    start = NOW
    answers = {}
    for name in ("admin", "nobody-here"):
        t = start
        for _ in range(30):
            try:
                accounts.authenticate(engine, name, "wrong-password", now=t)
            except accounts.AccountError as exc:
                answers.setdefault(name, []).append((exc.key, exc.params.get("seconds")))
            t += timedelta(seconds=61)  # waits out every delay: never longer than a minute
        assert all(k == "err.login_failed" for k, _ in answers[name])
    assert answers["admin"] == answers["nobody-here"]
    # inside the wait, the same message with the same number for both
    waits = []
    for name in ("admin", "nobody-here"):
        try:
            accounts.authenticate(engine, name, "wrong-password", now=t - timedelta(seconds=61))
        except accounts.AccountError as exc:
            waits.append((exc.key, exc.params.get("seconds")))
    assert waits[0] == waits[1] and waits[0][0] == "err.login_wait" and waits[0][1] <= 61
    assert accounts.authenticate(engine, "admin", "admin-pass-1", now=t + timedelta(seconds=61)).username == "admin"


def test_only_kiosk_staff_may_leave_the_kiosk(engine, admin):
    accounts.create_user(engine, admin, "citizen", "citizen-pass-1", {Role.VIEWER})
    with pytest.raises(accounts.AccountError) as exc:
        accounts.authorize_kiosk_exit(engine, "citizen", "citizen-pass-1")
    assert exc.value.key == "err.kiosk_exit_denied"
    assert accounts.authorize_kiosk_exit(engine, "admin", "admin-pass-1").username == "admin"


# 10 --------------------------------------------------------------------------------------------------------------


def test_old_received_dates_need_a_reason_and_are_audited(engine, office):
    old = datetime(1900, 1, 1, 3, tzinfo=UTC)
    with pytest.raises(C.ComplaintValidationError) as exc:
        C.create_complaint(engine, office["officer"], general(received_at=old))
    assert [(p.field, p.key) for p in exc.value.problems] == [("received_reason", "complaint.err.received_old")]
    saved = C.create_complaint(engine, office["officer"], general(received_at=NOW - timedelta(days=400),
                                                                  received_reason="หนังสือตกค้างที่กองช่าง"))
    with session_scope(engine) as s:
        rec = s.exec(sa.select(AuditLog).where(AuditLog.entity == "complaint", AuditLog.entity_id == str(saved.id))).scalars().first()
    assert "หนังสือตกค้างที่กองช่าง" in rec.after


# 11 --------------------------------------------------------------------------------------------------------------


def test_control_characters_are_stripped_and_a_nul_search_works(engine, office):
    saved = C.create_complaint(engine, office["officer"], general(subject="ไฟ\x00ดับ\x1b[31m", details="บรรทัด 1\nบรรทัด 2"))
    case = C.get_case(engine, office["officer"], saved.id)
    assert case.subject == "ไฟดับ[31m" and case.details == "บรรทัด 1\nบรรทัด 2"
    page = C.list_complaints(engine, office["officer"], C.QueueFilters(text="ไฟ\x00ดับ"))
    assert page.total == 1


def test_users_list_prints_markup_in_names_literally(engine, admin, db_path, monkeypatch, capsys):
    from itatui.cli import main

    accounts.create_user(engine, admin, "odd", "odd-name-pass", {Role.VIEWER}, "นาย [/bold] [red]แปลก[/red]")
    monkeypatch.setenv("ITATUI_USER", "admin")
    monkeypatch.setenv("ITATUI_PASSWORD", "admin-pass-1")
    assert main(["--db", str(db_path), "users", "list"]) == 0
    assert "นาย [/bold] [red]แปลก[/red]" in capsys.readouterr().out


# 12 --------------------------------------------------------------------------------------------------------------


def test_database_and_its_folder_are_private(tmp_path):
    from itatui.store.bootstrap import open_database

    path = tmp_path / "office" / "itatui.db"
    engine = open_database(str(path))
    try:
        with write_scope(engine) as s:
            s.add(Organisation(name="เทศบาล"))
        for p in (path, path.with_name("itatui.db-wal"), path.with_name("itatui.db-shm")):
            if p.exists():
                assert stat.S_IMODE(os.stat(p).st_mode) == 0o600, p
        assert stat.S_IMODE(os.stat(path.parent).st_mode) == 0o700
    finally:
        engine.dispose()


def test_idle_logout_applies_on_screens_with_personal_data(monkeypatch):
    from itatui.tui.complaints.intake import ComplaintIntakeForm
    from itatui.tui.shell.idle import IdleWatch, idle_limit_seconds, shows_personal_data
    from itatui.tui.complaints.case import ComplaintCaseScreen
    from itatui.tui.shell.login import LoginScreen

    assert idle_limit_seconds() == 15 * 60  # the default
    monkeypatch.setenv("ITATUI_IDLE_MINUTES", "2")
    assert idle_limit_seconds() == 120
    assert shows_personal_data([object(), ComplaintCaseScreen]) and shows_personal_data([ComplaintIntakeForm])
    assert not shows_personal_data([LoginScreen])
    watch = IdleWatch(limit=0)
    assert watch.expired()


@pytest.mark.postgres
def test_audit_log_refuses_update_delete_and_truncate_on_postgresql(pg_engine):
    from itatui.store.org import save_organisation

    admin = accounts.create_user(pg_engine, None, "admin", "admin-pass-1", {Role.ADMIN}, first_admin=True).actor()
    save_organisation(pg_engine, admin, "เทศบาล")
    for sql in ("UPDATE auditlog SET username = 'x'", "DELETE FROM auditlog", "TRUNCATE auditlog"):
        with pytest.raises(sa.exc.DBAPIError), pg_engine.begin() as conn:
            conn.exec_driver_sql(sql)
    assert check_database(pg_engine) == []


def test_recovery_sheet_and_recover_from_the_command_line(tmp_path, monkeypatch, capsys):
    import re

    from itatui.cli import main

    db = str(tmp_path / "office.db")

    def run(*args: str, **env: str) -> int:
        for k, v in env.items():
            monkeypatch.setenv(k, v)
        return main(["--db", db, *args])

    assert run("users", "add", "boss", ITATUI_NEW_PASSWORD="boss-pass-123") == 0
    monkeypatch.setenv("ITATUI_USER", "boss")
    monkeypatch.setenv("ITATUI_PASSWORD", "boss-pass-123")
    assert run("users", "add", "inv", "--role", "viewer", ITATUI_NEW_PASSWORD="inv-pass-123") == 0
    capsys.readouterr()
    assert run("investigators", "grant", "inv", ITATUI_GRANTEE_PASSWORD="inv-pass-123") == 0
    sheet = capsys.readouterr().out
    assert "เอกสารกุญแจกู้คืน" in sheet
    code = re.search(r"((?:[0-9A-Z]{4}-){13}[0-9A-Z]{3})", sheet).group(1)
    # the investigator forgets the password: the reset asks first, then a new investigator is recovered
    assert run("users", "passwd", "inv", "--yes", ITATUI_NEW_PASSWORD="inv-new-pass-9") == 0
    assert run("users", "add", "inv2", "--role", "viewer", ITATUI_NEW_PASSWORD="inv2-pass-123") == 0
    assert run("recover", "investigator", "inv2", "--reason", "ผู้ตรวจสอบลืมรหัสผ่าน",
               ITATUI_RECOVERY_CODE=code, ITATUI_GRANTEE_PASSWORD="inv2-pass-123") == 0
    assert "inv2" in capsys.readouterr().out
