"""Who may do what: one hand-written table of roles × actions, checked through the core and through the CLI.

The table is the specification (written from the roles' descriptions, not derived from ``ROLE_PERMS``): each
role can do exactly the actions marked for it; every other role gets ``PermissionDenied`` from the core and a
refusal (exit 1) from the command line, whichever screen or command asks.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from itatui.domain.roles import Actor, PermissionDenied, Role

A, P, D, I, S, V = Role.ADMIN, Role.PLAN_OFFICER, Role.COMPLAINT_OFFICER, Role.INVESTIGATOR, Role.COMMITTEE_SECRETARY, Role.VIEWER
EVERYONE = {A, P, D, I, S, V}

# action -> the roles that may do it
ALLOWED: dict[str, set[Role]] = {
    "plan.view": EVERYONE,
    "plan.export": EVERYONE,
    "plan.edit_project": {A, P},
    "plan.import": {A, P},
    "plan.targets_actuals": {A, P},
    "progress.save": {A, P},
    "progress.unlock": {A},
    "complaints.queue": EVERYONE,
    "complaints.open_case": EVERYONE,
    "complaints.create_general": {A, D},
    "complaints.create_corruption": {A, D, I},
    "complaints.add_note": {A, D},
    "complaints.statistics": EVERYONE,
    "complaints.reveal_identity": {I},
    "users.list": {A},
    "users.set_active": {A},
    "organisation.update": {A},
    "backup.settings": {A},
}

USERS = {A: ("admin", "demo-admin"), P: ("plan", "demo-plan"), D: ("desk", "demo-desk"), I: ("investigator", "demo-investigator"),
         S: ("secretary", "demo-secretary"), V: ("viewer", "demo-viewer")}


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    from itatui.store.bootstrap import open_database
    from itatui.store.complaints.seed import seed_complaints
    from itatui.store.demo import prepare_demo

    path = tmp_path_factory.mktemp("roles") / "office.db"
    engine = open_database(str(path))
    prepare_demo(engine)
    seed_complaints(engine, 30, seed=2)
    yield engine, path
    engine.dispose()


_ACTORS: dict[Role, Actor] = {}


def _actor(engine, role: Role) -> Actor:  # noqa: ANN001
    from itatui.store.accounts import authenticate

    if role not in _ACTORS:  # argon2 on every call would make the table slow
        _ACTORS[role] = authenticate(engine, *USERS[role]).actor()
    return _ACTORS[role]


def _do(action: str, engine, actor: Actor, source_plan) -> None:  # noqa: ANN001, C901
    from itatui.store import complaints as C
    from itatui.store import plan as PL
    from itatui.store.plan import progress as PR

    plan = PL.current_plan(engine, _actor(engine, A))
    first = PL.list_project_rows(engine, _actor(engine, A), plan.id, limit=1) if plan else None
    project_id = first.rows[0].id
    complaint_id = C.list_complaints(engine, _actor(engine, A), limit=1).rows[0].id
    if action == "plan.view":
        PL.plan_outline(engine, actor, plan.id)
    elif action == "plan.export":
        from itatui.store.plan.export import export_plan

        export_plan(engine, actor, plan.id)
    elif action == "plan.edit_project":
        sheet = PL.project_form_data(engine, actor, plan.id, project_id)
        PL.save_project(engine, actor, plan.id, PL.parse_project_draft(sheet.draft, sheet.plan.years), project_id=project_id)
    elif action == "plan.import":
        from itatui.importers import parse_plan_file
        from itatui.store.plan.importing import import_plan

        import_plan(engine, actor, parse_plan_file(source_plan))
    elif action == "plan.targets_actuals":
        PL.save_target_actuals(engine, actor, plan.id, {})
    elif action == "progress.save":
        PR.save_progress(engine, actor, project_id, 2567, 1, PR.ProgressEdit(None, None, None, "in_progress"))
    elif action == "progress.unlock":
        PR.unlock_year(engine, actor, project_id, 2566, "แก้ไขตัวเลขที่กรอกผิด")
    elif action == "complaints.queue":
        C.list_complaints(engine, actor, limit=5)
    elif action == "complaints.open_case":
        C.get_case(engine, actor, complaint_id)
    elif action in ("complaints.create_general", "complaints.create_corruption"):
        kind = "general" if action.endswith("general") else "corruption"
        C.create_complaint(engine, actor, C.ComplaintDraft(kind=kind, channel="walk_in", subject="ไฟถนนดับหน้าวัด",
                           accused="เจ้าหน้าที่" if kind == "corruption" else "", anonymous=True, received_at=datetime.now(UTC)))
    elif action == "complaints.add_note":
        C.add_note(engine, actor, complaint_id, "โทรติดตามแล้ว")
    elif action == "complaints.statistics":
        from itatui.store.complaints.stats import complaint_stats

        complaint_stats(engine, actor, 2569)
    elif action == "complaints.reveal_identity":
        from itatui.store.complaints.identity import reveal_identity

        password = USERS.get(next(iter(actor.roles)), ("", ""))[1]
        reveal_identity(engine, actor, password, complaint_id, "ตรวจสอบข้อเท็จจริง")
    elif action == "users.list":
        from itatui.store.accounts import list_users

        list_users(engine, actor)
    elif action == "users.set_active":
        from itatui.store.accounts import set_active

        set_active(engine, actor, "viewer", True)
    elif action == "organisation.update":
        from itatui.store.org import get_organisation, save_organisation

        org = get_organisation(engine)
        save_organisation(engine, actor, org.name, org.district, org.province)
    elif action == "backup.settings":
        from itatui.store.backup import set_backup_settings

        set_backup_settings(engine, actor, keep=14)
    else:  # pragma: no cover - a typo in the table
        raise AssertionError(action)


@pytest.mark.parametrize("role", sorted(EVERYONE, key=str), ids=str)
@pytest.mark.parametrize("action", sorted(ALLOWED))
def test_core_allows_exactly_the_table(office, source_plan, action, role):
    engine, _path = office
    actor = _actor(engine, role)
    try:
        _do(action, engine, actor, source_plan)
    except PermissionDenied:
        assert role not in ALLOWED[action], f"{role} was refused {action}"
        return
    except Exception as exc:  # a refusal for another reason (nothing to reveal, a year not locked …) is not a permission
        assert role in ALLOWED[action], f"{role} reached {action} past the permission check ({type(exc).__name__})"
        return
    assert role in ALLOWED[action], f"{role} could {action}"


# The commands that need a log-in, with the table's action they stand for.
CLI = {
    "users.list": ["users", "list"],
    "plan.export": ["export", "plan", "--format", "json", "-o", "{tmp}/plan.json"],
    "plan.import": ["import-plan", "{plan}"],
    "backup.settings": ["backup", "--keep", "14", "--list"],
    "users.set_active": ["users", "enable", "viewer"],
}


@pytest.mark.parametrize("role", sorted(EVERYONE, key=str), ids=str)
@pytest.mark.parametrize("action", sorted(CLI))
def test_cli_allows_exactly_the_table(office, source_plan, tmp_path, monkeypatch, capsys, action, role):
    from itatui.cli import main

    _engine, path = office
    username, password = USERS[role]
    monkeypatch.setenv("ITATUI_USER", username)
    monkeypatch.setenv("ITATUI_PASSWORD", password)
    argv = [a.format(tmp=tmp_path, plan=source_plan) for a in CLI[action]]
    said = ""
    try:
        code = main(["--db", str(path), *argv])
    except SystemExit as exc:  # the refusal text travels in SystemExit, printed by Python on the way out
        code, said = (1, exc.code) if isinstance(exc.code, str) else (exc.code, "")
    out = capsys.readouterr()
    err = out.err + said
    if role in ALLOWED[action]:
        assert code == 0, err
    else:
        assert code != 0 and "สิทธิ์" in err, err
