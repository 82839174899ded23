"""``itatui users …`` and ``itatui check``, run in-process through ``itatui.cli.main``."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from itatui.cli import main
from itatui.domain.roles import Role
from itatui.i18n import set_language
from itatui.store import accounts
from itatui.store.bootstrap import open_database
from itatui.store.db import session_scope


@pytest.fixture
def db(db_path, monkeypatch):  # noqa: ANN001, ANN201
    monkeypatch.delenv("ITATUI_USER", raising=False)
    monkeypatch.delenv("ITATUI_PASSWORD", raising=False)
    yield str(db_path)
    set_language("th")  # --lang en sets it for the process


def _as(monkeypatch, user: str, password: str) -> None:  # noqa: ANN001
    monkeypatch.setenv("ITATUI_USER", user)
    monkeypatch.setenv("ITATUI_PASSWORD", password)


def _add(db: str, monkeypatch, username: str, password: str, *args: str) -> int:  # noqa: ANN001
    monkeypatch.setenv("ITATUI_NEW_PASSWORD", password)
    return main(["--db", db, "users", "add", username, *args])


def test_first_user_becomes_administrator_without_login(db, monkeypatch, capsys):
    assert _add(db, monkeypatch, "boss", "boss-pass-1", "--name", "นายใหญ่ ใจดี") == 0
    out = capsys.readouterr().out
    assert "เพิ่มผู้ใช้ boss (ผู้ดูแลระบบ) แล้ว" in out
    engine = open_database(db)
    info = accounts.authenticate(engine, "boss", "boss-pass-1")
    assert info.full_name == "นายใหญ่ ใจดี" and info.actor().has_role(Role.ADMIN)


def test_later_users_need_an_administrator(db, monkeypatch, capsys):
    _add(db, monkeypatch, "boss", "boss-pass-1")
    _as(monkeypatch, "boss", "boss-pass-1")
    assert _add(db, monkeypatch, "somchai", "somchai-pass", "--role", "plan_officer", "--role", "viewer") == 0
    assert _add(db, monkeypatch, "dang", "dang-pass-1", "--role", "viewer") == 0
    # a viewer may not add users
    _as(monkeypatch, "dang", "dang-pass-1")
    with pytest.raises(SystemExit) as exc:
        _add(db, monkeypatch, "x", "x-pass-long", "--role", "viewer")
    assert str(exc.value) == "ท่านไม่มีสิทธิ์ทำรายการนี้"
    # a wrong password is refused in Thai
    _as(monkeypatch, "boss", "wrong-pass")
    with pytest.raises(SystemExit) as exc:
        _add(db, monkeypatch, "y", "y-pass-long", "--role", "viewer")
    assert str(exc.value) == "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง"
    engine = open_database(db)
    assert accounts.get_user(engine, "x") is None and accounts.get_user(engine, "y") is None
    assert accounts.get_user(engine, "somchai").roles == {Role.PLAN_OFFICER, Role.VIEWER}


def test_add_refuses_short_password_and_does_not_offer_investigator(db, monkeypatch, capsys):
    _add(db, monkeypatch, "boss", "boss-pass-1")
    _as(monkeypatch, "boss", "boss-pass-1")
    assert _add(db, monkeypatch, "s", "short", "--role", "viewer") == 1
    assert "รหัสผ่านต้องยาวอย่างน้อย 10 ตัวอักษร" in capsys.readouterr().err
    # the investigator role is not offered by `users add` at all (only `investigators grant` gives it)
    with pytest.raises(SystemExit) as exc:
        _add(db, monkeypatch, "i", "long-enough-1", "--role", "investigator")
    assert exc.value.code == 2 and "invalid choice: 'investigator'" in capsys.readouterr().err
    assert accounts.get_user(open_database(db), "i") is None


def test_list_passwd_disable(db, monkeypatch, capsys):
    _add(db, monkeypatch, "boss", "boss-pass-1")
    _as(monkeypatch, "boss", "boss-pass-1")
    _add(db, monkeypatch, "somchai", "somchai-pass", "--role", "complaint_officer", "--name", "สมชาย ใจดี")
    capsys.readouterr()
    assert main(["--db", db, "users", "list"]) == 0
    out = capsys.readouterr().out
    assert "somchai" in out and "สมชาย ใจดี" in out and "เจ้าหน้าที่รับเรื่องร้องเรียน" in out and "ใช้งาน" in out

    monkeypatch.setenv("ITATUI_NEW_PASSWORD", "new-somchai-pass")
    assert main(["--db", db, "users", "passwd", "somchai", "--yes"]) == 0
    engine = open_database(db)
    assert accounts.authenticate(engine, "somchai", "new-somchai-pass").username == "somchai"

    assert main(["--db", db, "users", "disable", "somchai"]) == 0
    assert "ระงับบัญชี somchai แล้ว" in capsys.readouterr().out
    with pytest.raises(accounts.AccountError):
        accounts.authenticate(engine, "somchai", "new-somchai-pass")
    assert main(["--db", db, "users", "disable", "boss"]) == 1  # not oneself
    assert "ไม่สามารถระงับบัญชีของตนเองได้" in capsys.readouterr().err
    assert main(["--db", db, "users", "enable", "somchai"]) == 0
    assert accounts.authenticate(engine, "somchai", "new-somchai-pass").username == "somchai"


def test_own_password_change_needs_the_current_one(db, monkeypatch):
    _add(db, monkeypatch, "boss", "boss-pass-1")
    _as(monkeypatch, "boss", "boss-pass-1")  # ITATUI_PASSWORD is also the current password
    monkeypatch.setenv("ITATUI_NEW_PASSWORD", "boss-pass-2")
    assert main(["--db", db, "users", "passwd", "boss"]) == 0
    assert accounts.authenticate(open_database(db), "boss", "boss-pass-2").username == "boss"


def test_check_passes_then_finds_a_tampered_record(db, monkeypatch, capsys):
    _add(db, monkeypatch, "boss", "boss-pass-1")
    _as(monkeypatch, "boss", "boss-pass-1")
    _add(db, monkeypatch, "somchai", "somchai-pass", "--role", "viewer")
    capsys.readouterr()
    assert main(["--db", db, "check"]) == 0
    out = capsys.readouterr().out
    assert "ฐานข้อมูลถูกต้อง (ตรวจบันทึกการใช้งาน 3 รายการ)" in out  # boss, login, somchai
    assert "ห่วงโซ่แฮชของบันทึกการใช้งาน" in out and "ความสมบูรณ์ของไฟล์ SQLite" in out

    engine = open_database(db)
    from tests.store.test_integrity import unguard

    unguard(engine)
    with session_scope(engine) as s:
        s.exec(text("UPDATE auditlog SET username = 'someone' WHERE id = 2"))  # type: ignore[call-overload]
    assert main(["--db", db, "check"]) == 1
    captured = capsys.readouterr()
    assert "บันทึกการใช้งานลำดับที่ 2 ถูกแก้ไขภายหลัง (แฮชไม่ตรง)" in captured.out
    assert "พบปัญหา 1 รายการ" in captured.err

    assert main(["--lang", "en", "--db", db, "check"]) == 1
    assert "Audit record 2 was altered (hash mismatch)" in capsys.readouterr().out


def test_check_without_a_database(db, capsys):
    assert main(["--db", db, "check"]) == 1
    assert "ไม่พบฐานข้อมูล" in capsys.readouterr().err


def test_users_add_states_the_rules_and_asks_again_on_a_short_or_differing_password(db, monkeypatch, capsys):
    """At a terminal: the rules first; a short password and a mistyped second entry are asked again."""
    monkeypatch.delenv("ITATUI_NEW_PASSWORD", raising=False)
    answers = iter(["short", "Kh3m-rat-ดอกไม้-1", "Kh3m-rat-ดอกไม้-2", "Kh3m-rat-ดอกไม้-1", "Kh3m-rat-ดอกไม้-1"])
    prompts: list[str] = []

    def fake_getpass(prompt: str = "") -> str:  # the terminal: what the user types at each prompt
        prompts.append(prompt)
        return next(answers)

    monkeypatch.setattr("getpass.getpass", fake_getpass)
    assert main(["--db", db, "users", "add", "boss"]) == 0
    err = capsys.readouterr().err
    n = accounts.MIN_PASSWORD
    assert err.index(f"อย่างน้อย {n} ตัวอักษร") < err.index("กรุณาพิมพ์ใหม่")  # the rules before the first refusal
    assert "ไม่ตรงกัน" in err
    assert len(prompts) == 5
    engine = open_database(db)
    assert accounts.authenticate(engine, "boss", "Kh3m-rat-ดอกไม้-1").username == "boss"
