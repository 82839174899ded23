"""``itatui status CODE``, ``itatui seed-demo`` and ``itatui investigators grant`` from the command line."""

from __future__ import annotations

import sqlalchemy as sa

from itatui.cli import main
from itatui.domain.roles import Role
from itatui.store import accounts
from itatui.store.db import session_scope
from itatui.store.models import Complaint, RegistryCounter, User


def test_seed_then_status_shows_only_public_messages(engine, admin, db_path, capsys, monkeypatch):
    monkeypatch.setenv("ITATUI_USER", "admin")
    monkeypatch.setenv("ITATUI_PASSWORD", "admin-pass-1")
    assert main(["--db", str(db_path), "seed-demo", "--complaints", "300", "--seed", "7"]) == 0
    with session_scope(engine) as s:
        total = s.exec(sa.select(sa.func.count()).select_from(Complaint)).one()[0]
        # counters agree with the numbers handed out: the next desk save continues the sequence
        counters = {(c.fiscal_year, c.kind): c.last_no for c in s.exec(sa.select(RegistryCounter)).scalars()}
        maxima = dict(((fy, k), n) for fy, k, n in s.exec(
            sa.select(Complaint.fiscal_year, Complaint.kind, sa.func.max(Complaint.registry_no)).group_by(Complaint.fiscal_year, Complaint.kind)).all())
        counts = dict(((fy, k), n) for fy, k, n in s.exec(
            sa.select(Complaint.fiscal_year, Complaint.kind, sa.func.count()).group_by(Complaint.fiscal_year, Complaint.kind)).all())
        code, note = s.exec(sa.text(
            "SELECT c.tracking_code, e.text FROM complaint c JOIN complaintevent e ON e.complaint_id = c.id "
            "WHERE e.audience = 'internal' AND e.text <> '' AND c.stage >= 4 LIMIT 1")).one()
    assert total == 300 and counters == maxima == counts
    capsys.readouterr()
    assert main(["--db", str(db_path), "status", code.lower()]) == 0
    out = capsys.readouterr().out
    assert "รท." in out or "ทจ." in out
    assert "แจ้งผลการดำเนินการ" in out and note not in out
    assert main(["--db", str(db_path), "status", "AAA-AAA-AAAA"]) == 1
    assert "รหัสติดตาม" in capsys.readouterr().err


def test_first_investigator_from_the_command_line(engine, admin, db_path, monkeypatch, capsys):
    accounts.create_user(engine, admin, "somsak", "somsak-pass", {Role.COMPLAINT_OFFICER})
    monkeypatch.setenv("ITATUI_USER", "admin")
    monkeypatch.setenv("ITATUI_PASSWORD", "admin-pass-1")
    monkeypatch.setenv("ITATUI_GRANTEE_PASSWORD", "somsak-pass")
    assert main(["--db", str(db_path), "investigators", "grant", "somsak"]) == 0
    with session_scope(engine) as s:
        user = s.exec(sa.select(User).where(User.username == "somsak")).scalars().one()
        assert "investigator" in user.roles and user.private_key_sealed is not None
    # a second bootstrap by the administrator is refused: an investigator must grant now
    accounts.create_user(engine, admin, "malee", "malee-pass1", {Role.VIEWER})
    monkeypatch.setenv("ITATUI_GRANTEE_PASSWORD", "malee-pass1")
    assert main(["--db", str(db_path), "investigators", "grant", "malee"]) == 1
    monkeypatch.setenv("ITATUI_USER", "somsak")
    monkeypatch.setenv("ITATUI_PASSWORD", "somsak-pass")
    assert main(["--db", str(db_path), "investigators", "grant", "malee"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db_path), "investigators", "list"]) == 0
    out = capsys.readouterr().out
    assert "somsak" in out and "malee" in out


def test_kiosk_command_is_registered():
    from itatui.cli import build_parser

    args = build_parser().parse_args(["kiosk"])
    assert args.func.__name__ == "cmd_kiosk"
