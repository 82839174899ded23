"""``check_database``: a sound database passes; an altered or removed audit record, a dangling reference or an
old schema is reported."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from sqlalchemy import text

from itatui.store import audit
from itatui.store.db import make_engine, resolve_url, session_scope, write_scope
from itatui.store.integrity import (
    check_database,
    database_revision,
    schema_at_head,
    script_head,
)
from itatui.store.migrate import head_revision
from itatui.store.org import save_organisation


def unguard(engine) -> None:  # noqa: ANN001
    """What someone with the file does first: drop the triggers that keep the audit log append-only."""
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER auditlog_no_update")
        conn.exec_driver_sql("DROP TRIGGER auditlog_no_delete")


def _keys(engine) -> list[tuple[str, dict]]:  # noqa: ANN001
    return [(p.key, p.params) for p in check_database(engine)]


def test_sound_database_passes(engine, admin):
    save_organisation(engine, admin, "เทศบาลตำบลเขมราฐ")
    assert check_database(engine) == []


def test_script_head_matches_alembic(engine):
    assert script_head() == head_revision()
    assert database_revision(engine) == head_revision()
    assert schema_at_head(engine)


def test_empty_database_is_not_at_head(tmp_path):
    fresh = make_engine(resolve_url(str(tmp_path / "empty.db")))
    assert database_revision(fresh) is None
    assert not schema_at_head(fresh)
    assert _keys(fresh) == [("shell.check.schema_behind", {"current": "-", "head": head_revision()})]


def test_altered_audit_record_is_found(engine, admin):
    org = save_organisation(engine, admin, "เทศบาลตำบลเขมราฐ")
    with write_scope(engine) as s:
        rec = audit.record(s, admin, "update", "organisation", org.id, before={"name": "ก"}, after={"name": "ข"})
        rec_id = rec.id
    unguard(engine)
    with session_scope(engine) as s:
        s.exec(text("UPDATE auditlog SET after = :a WHERE id = :i").bindparams(a='{"name": "ค"}', i=rec_id))  # type: ignore[call-overload]
    assert _keys(engine) == [("shell.check.audit_hash", {"id": rec_id})]


def test_removed_audit_record_breaks_the_chain(engine, admin):
    save_organisation(engine, admin, "เทศบาลตำบลเขมราฐ")
    save_organisation(engine, admin, "เทศบาลตำบลเขมราฐ", "เขมราฐ")
    unguard(engine)
    with session_scope(engine) as s:
        ids = [r[0] for r in s.exec(text("SELECT id FROM auditlog ORDER BY id")).all()]  # type: ignore[call-overload]
        s.exec(text("DELETE FROM auditlog WHERE id = :i").bindparams(i=ids[1]))  # type: ignore[call-overload]
    assert _keys(engine) == [("shell.check.audit_link", {"id": ids[2]})]


def test_dangling_foreign_key_is_found(engine, admin, db_path):
    # another program (or a copy made with foreign keys off) wrote a row pointing nowhere
    with closing(sqlite3.connect(db_path)) as raw:
        raw.execute("INSERT INTO unit (organisation_id, code, name, is_all) VALUES (999, 'สป.', '', 0)")
        raw.commit()
    problems = _keys(engine)
    assert [k for k, _ in problems] == ["shell.check.foreign_key_failed"]
    assert problems[0][1]["table"] == "unit" and problems[0][1]["parent"] == "organisation"


def test_old_schema_is_reported(engine):
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0000_old'")
    assert _keys(engine) == [("shell.check.schema_behind", {"current": "0000_old", "head": head_revision()})]
    assert not schema_at_head(engine)


def test_the_head_comes_from_alembic_once_then_from_the_cache(tmp_path, monkeypatch):
    import json

    from itatui.paths import data_dir

    monkeypatch.setenv("ITATUI_HOME", str(tmp_path))
    assert script_head() == head_revision()
    cache = data_dir() / "schema-head.json"
    (key, head), = json.loads(cache.read_text(encoding="utf-8")).items()
    assert head == head_revision()
    # The next start reads the file (a different value written under the same key proves it is not Alembic's).
    cache.write_text(json.dumps({key: "from-the-cache"}), encoding="utf-8")
    assert script_head() == "from-the-cache"
    # A cache written for another set of migration files is not used.
    cache.write_text(json.dumps({"other-files": "stale"}), encoding="utf-8")
    assert script_head() == head_revision()
