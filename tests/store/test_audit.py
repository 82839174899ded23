from sqlmodel import select

from itatui.store import audit
from itatui.store.db import session_scope, write_scope
from itatui.store.models import AuditLog


def test_chain_verifies_and_detects_tampering(engine, admin):
    with write_scope(engine) as s:
        for i in range(5):
            audit.record(s, admin, "update", "project", i, before={"name": "ก่อน"}, after={"name": "หลัง"})
    with session_scope(engine) as s:
        count, problems = audit.verify_chain(s)
    assert count >= 5 and problems == []
    with engine.begin() as conn:  # someone with the file drops the app's guard first
        conn.exec_driver_sql("DROP TRIGGER auditlog_no_update")
    with session_scope(engine) as s:
        rec = s.exec(select(AuditLog).where(AuditLog.entity == "project")).first()
        rec.after = '{"name": "แก้ลับ"}'
        s.add(rec)
    with session_scope(engine) as s:
        _, problems = audit.verify_chain(s)
    assert [p.problem for p in problems] == ["hash"]
