"""``itatui staff import``, ``itatui evaluations import`` and ``itatui export round`` run through ``cli.main``."""

import json

import pytest

from itatui.cli import main
from itatui.domain.roles import Actor, Role
from itatui.i18n import t
from itatui.store import committees as C
from itatui.store.bootstrap import open_database
from itatui.store.org import save_organisation
from tests.committee_fixtures import secretary


@pytest.fixture
def db(db_path, admin, engine, monkeypatch):
    save_organisation(engine, admin, "เทศบาลตำบลเขมราฐ")
    secretary(engine, admin)
    monkeypatch.setenv("ITATUI_USER", "hr")
    monkeypatch.setenv("ITATUI_PASSWORD", "hr-pass-123")
    return str(db_path)


def test_staff_import_check_then_write_then_a_bad_file(db, tmp_path, capsys):
    f = tmp_path / "staff.csv"
    f.write_text("รหัส,ชื่อ-สกุล,ประเภท,เงินเดือน,สังกัด\nS1,นายหนึ่ง ใจดี,พนักงานเทศบาล,20000,สป.\n"
                 "S2,นางสอง ใจดี,พนักงานครูเทศบาล,25000,กองการศึกษา\n", encoding="utf-8")
    assert main(["--db", db, "staff", "import", str(f), "--check"]) == 0
    out = capsys.readouterr().out
    assert "+ เพิ่ม S1 นายหนึ่ง ใจดี" in out and "ตรวจอย่างเดียว" in out
    engine = open_database(db)
    assert C.list_staff(engine, Actor(None, "viewer", frozenset({Role.VIEWER}))).total == 0
    assert main(["--db", db, "staff", "import", str(f)]) == 0
    bad = tmp_path / "bad.csv"
    bad.write_text("staff_code,name,kind,salary\nS3,นายสาม ดี,พนักงานเทศบาล,ไม่รู้\n", encoding="utf-8")
    assert main(["--db", db, "staff", "import", str(bad)]) == 1
    captured = capsys.readouterr()
    assert "แถว 2: salary: " + t("err.not_a_number") in captured.out
    assert "ไม่ได้บันทึกสิ่งใด" in captured.err


def test_evaluations_import_and_export_round(db, tmp_path, capsys):
    f = tmp_path / "staff.csv"
    f.write_text("staff_code,name,kind,salary\nS1,นายหนึ่ง ใจดี,municipal,20000\n", encoding="utf-8")
    assert main(["--db", db, "staff", "import", str(f)]) == 0
    ev = tmp_path / "ev.csv"
    ev.write_text("staff_code,score\nS1,91\n", encoding="utf-8")
    assert main(["--db", db, "evaluations", "import", str(ev), "--year", "2569", "--round", "1"]) == 0
    assert "สร้างรอบใหม่" in capsys.readouterr().out
    out = tmp_path / "round.json"
    assert main(["--db", db, "export", "round", "--year", "2569", "--round", "1", "--format", "json", "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["staff"][0]["staff_code"] == "S1" and data["staff"][0]["level"] == "excellent"
    assert {s["scheme"] for s in data["schemes"]} == {"steps", "percent"}
    assert main(["--db", db, "export", "round", "--year", "2569", "--round", "2"]) == 1
