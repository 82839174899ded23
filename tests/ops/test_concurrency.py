"""Two and four desks (separate processes) saving complaints and editing the plan at the same moment, on
SQLite and on PostgreSQL: every save lands, registry numbers have no duplicate and no gap, each desk's last
plan edit is what is stored, the audit chain stays whole, and no desk ever sees "database is locked"."""

from __future__ import annotations

import subprocess
import sys

import pytest
from sqlalchemy import bindparam, text

from itatui.store.demo import prepare_demo
from itatui.store.integrity import check_database

DESK = r"""
import sys
from dataclasses import replace
from datetime import UTC, datetime
from itatui.store.bootstrap import open_database
from itatui.store import accounts
from itatui.store import complaints as C
from itatui.store import plan as PL
url, who, saves, project_id = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
e = open_database(url)
desk = accounts.authenticate(e, "desk", "demo-desk").actor()
planner = accounts.authenticate(e, "plan", "demo-plan").actor()
plan = PL.current_plan(e, planner)
print("READY", flush=True)
sys.stdin.readline()
for i in range(saves):
    C.create_complaint(e, desk, C.ComplaintDraft(kind="corruption" if i % 3 == 0 else "general", channel="phone",
        subject=f"desk {who} complaint {i}", accused="เจ้าหน้าที่" if i % 3 == 0 else "", anonymous=True,
        received_at=datetime.now(UTC)))
    form = PL.project_form_data(e, planner, plan.id, project_id)
    edit = PL.parse_project_draft(replace(form.draft, period=f"desk {who} edit {i}"), form.plan.years)
    PL.save_project(e, planner, plan.id, edit, project_id=project_id)
print("DONE", flush=True)
"""


def _run_desks(url: str, k: int, saves: int, project_ids: list[int]) -> None:
    procs = [subprocess.Popen([sys.executable, "-c", DESK, url, str(i), str(saves), str(project_ids[i])],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for i in range(k)]
    for p in procs:
        assert p.stdout is not None and p.stdout.readline().startswith("READY"), p.stderr.read() if p.stderr else ""
    for p in procs:  # all start together
        assert p.stdin is not None
        p.stdin.write("go\n")
        p.stdin.flush()
    for p in procs:
        out, err = p.communicate(timeout=600)
        assert "database is locked" not in err
        assert p.returncode == 0 and "DONE" in out, err[-2000:]


def _check(engine, k: int, saves: int, project_ids: list[int], before: int) -> None:  # noqa: ANN001
    with engine.connect() as conn:
        added = conn.execute(text("SELECT count(*) FROM complaint WHERE subject LIKE 'desk %'")).scalar()
        assert added == k * saves
        for fy, kind, n, distinct, low, high in conn.execute(text(
            "SELECT fiscal_year, kind, count(*), count(DISTINCT registry_no), min(registry_no), max(registry_no) "
            "FROM complaint GROUP BY fiscal_year, kind")).all():
            assert n == distinct == high - low + 1, (fy, kind)  # no duplicate, no gap
        periods = dict(conn.execute(text("SELECT id, period FROM project WHERE id IN :ids").bindparams(
            bindparam("ids", expanding=True)), {"ids": project_ids}).all())
        assert conn.execute(text("SELECT count(*) FROM complaint")).scalar() == before + k * saves
    for i, pid in enumerate(project_ids):
        assert periods[pid] == f"desk {i} edit {saves - 1}"  # each desk's last edit is what is stored
    assert check_database(engine) == []


def _projects(engine, k: int) -> list[int]:  # noqa: ANN001
    with engine.connect() as conn:
        return [r[0] for r in conn.execute(text("SELECT id FROM project ORDER BY id LIMIT :k"), {"k": k}).all()]


def _complaints(engine) -> int:  # noqa: ANN001
    with engine.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM complaint")).scalar()


@pytest.mark.slow
@pytest.mark.parametrize("k", [2, 4])
def test_desks_at_once_on_sqlite(engine, db_path, k):
    prepare_demo(engine)
    ids, before = _projects(engine, k), _complaints(engine)
    _run_desks(str(db_path), k, 8, ids)
    _check(engine, k, 8, ids, before)


@pytest.mark.slow
@pytest.mark.postgres
@pytest.mark.parametrize("k", [2, 4])
def test_desks_at_once_on_postgresql(pg_engine, k):
    prepare_demo(pg_engine)
    ids, before = _projects(pg_engine, k), _complaints(pg_engine)
    url = pg_engine.url.render_as_string(hide_password=False).replace("postgresql+psycopg://", "postgresql://")
    _run_desks(url, k, 8, ids)
    _check(pg_engine, k, 8, ids, before)
