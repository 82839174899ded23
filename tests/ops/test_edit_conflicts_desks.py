"""Two desks (separate processes) open the same project, risk and complaint, then both save at the same moment,
on SQLite and on PostgreSQL: for each record exactly one save lands, the other is refused with the first desk's
name and what it changed, and the stored record is the winner's, whole."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from sqlalchemy import text

from itatui.store.demo import prepare_demo
from itatui.store.integrity import check_database

DESK = r"""
import json, sys
from dataclasses import replace
from datetime import date
from itatui.store.bootstrap import open_database
from itatui.store import accounts, risks
from itatui.store import complaints as C
from itatui.store import plan as PL
from itatui.store.versioning import EditConflict
url, who, user, password, desk_user, desk_password, project_id, issue_id, complaint_id, unit_id = sys.argv[1:11]
e = open_database(url)
me = accounts.authenticate(e, user, password).actor()
at_desk = accounts.authenticate(e, desk_user, desk_password).actor()
plan = PL.current_plan(e, me)
form = PL.project_form_data(e, me, plan.id, int(project_id))
assessment = risks.assessment_for_year(e, me, 2566)
row = next(r for r in risks.register_page(e, me, assessment.id, limit=50, today=date(2026, 12, 1)).rows if r.id == int(issue_id))
settings = risks.risk_settings(e, me)
case = C.get_case(e, at_desk, int(complaint_id))
print("READY", flush=True)
sys.stdin.readline()  # both desks have their forms open; now both save
out = {}
def attempt(name, fn):
    try:
        fn()
        out[name] = "saved"
    except EditConflict as exc:
        out[name] = {"who": [c.username for c in exc.changes], "fields": list(exc.fields)}
attempt("project", lambda: PL.save_project(e, me, plan.id, PL.parse_project_draft(replace(form.draft, period=f"desk {who}"), form.plan.years),
                                           project_id=int(project_id), opened_version=form.version))
values, _ = risks.parse_risk({"process": str(row.process_id), "description": row.description, "level": row.level,
                              "status": "open", "owner": f"desk {who}"}, settings)
attempt("risk", lambda: risks.save_risk(e, me, assessment.id, values, row.id, today=date(2026, 12, 1), opened_version=row.version))
attempt("complaint", lambda: C.forward(e, at_desk, case.id, int(unit_id), opened_version=case.version))
print("RESULT " + json.dumps(out), flush=True)
"""

# (plan and risk user, complaint user) per desk
USERS = ((("plan", "demo-plan"), ("desk", "demo-desk")), (("admin", "demo-admin"), ("admin", "demo-admin")))


def _targets(engine) -> tuple[int, int, int, list[int]]:  # noqa: ANN001
    with engine.connect() as conn:
        project = conn.execute(text("SELECT id FROM project ORDER BY number LIMIT 1")).scalar()
        issue = conn.execute(text(
            "SELECT i.id FROM riskissue i JOIN riskprocess p ON p.id = i.process_id JOIN riskassessment a ON a.id = p.assessment_id "
            "WHERE a.fiscal_year = 2566 ORDER BY p.number, i.number LIMIT 1")).scalar()
        complaint, unit = conn.execute(text("SELECT id, unit_id FROM complaint WHERE kind = 'general' AND stage < 4 ORDER BY id LIMIT 1")).one()
        # two units other than the case's own: each desk's forward is a real change
        units = [r[0] for r in conn.execute(text("SELECT id FROM unit WHERE retired = false AND id != :u ORDER BY id LIMIT 2"), {"u": unit or 0}).all()]
    return project, issue, complaint, units


def _two_desks(url: str, engine) -> dict[int, dict]:  # noqa: ANN001
    project, issue, complaint, units = _targets(engine)
    procs = [
        subprocess.Popen([sys.executable, "-c", DESK, url, str(i), *planner, *officer, str(project), str(issue), str(complaint), str(units[i])],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for i, (planner, officer) in enumerate(USERS)
    ]
    for p in procs:
        assert p.stdout is not None and p.stdout.readline().startswith("READY"), p.stderr.read() if p.stderr else ""
    for p in procs:
        assert p.stdin is not None
        p.stdin.write("go\n")
        p.stdin.flush()
    results = {}
    for i, p in enumerate(procs):
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0 and "database is locked" not in err, err[-2000:]
        results[i] = json.loads(next(line for line in out.splitlines() if line.startswith("RESULT "))[7:])
    with engine.connect() as conn:
        stored = {
            "project": conn.execute(text("SELECT period, version FROM project WHERE id = :i"), {"i": project}).one(),
            "risk": conn.execute(text("SELECT owner, version FROM riskissue WHERE id = :i"), {"i": issue}).one(),
            "complaint": conn.execute(text("SELECT unit_id, version FROM complaint WHERE id = :i"), {"i": complaint}).one(),
        }
    for record, field, winner_value, account in (
        ("project", "period", lambda w: f"desk {w}", 0),
        ("risk", "owner", lambda w: f"desk {w}", 0),
        ("complaint", "unit_id", lambda w: units[w], 1),
    ):
        outcomes = [results[i][record] for i in range(len(USERS))]
        assert outcomes.count("saved") == 1, (record, outcomes)  # exactly one save lands
        w = outcomes.index("saved")
        loser = outcomes[1 - w]
        winner_name = USERS[w][account][0]
        assert loser["who"] == [winner_name] and field in loser["fields"], (record, loser)  # names the winner and what
        assert stored[record][0] == winner_value(w), record  # the winner's value, not a mix
        assert stored[record][1] == 2, record  # one save, one version step
    assert check_database(engine) == []
    return results


@pytest.mark.slow
def test_two_desks_collide_on_sqlite(engine, db_path):
    prepare_demo(engine)
    _two_desks(str(db_path), engine)


@pytest.mark.slow
@pytest.mark.postgres
def test_two_desks_collide_on_postgresql(pg_engine):
    prepare_demo(pg_engine)
    url = pg_engine.url.render_as_string(hide_password=False).replace("postgresql+psycopg://", "postgresql://")
    _two_desks(url, pg_engine)

