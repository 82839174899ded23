"""``itatui demo``: the demo database gets the Khemarat plan and one account per role, listed on its log-in
screen, and each account logs in."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from itatui.domain.roles import Role
from itatui.paths import demo_db_path
from itatui.store.accounts import AccountError, authenticate, create_user, get_user
from itatui.store.demo import DEMO_ACCOUNTS, DEMO_COMPLAINTS, prepare_demo
from itatui.store.integrity import check_database
from itatui.tui.app import ItaApp


def test_prepare_demo_makes_every_role_and_the_plan(engine):
    accounts = prepare_demo(engine)
    assert [a.username for a in accounts] == ["admin", "plan", "desk", "investigator", "secretary", "viewer"]
    for account in DEMO_ACCOUNTS:
        user = authenticate(engine, account.username, account.password)
        assert user.roles == {account.role}
    assert get_user(engine, "investigator").has_key  # granted through the identity module, so it can reveal
    desk = authenticate(engine, "desk", "demo-desk").actor()
    from itatui.store.complaints import list_complaints

    assert list_complaints(engine, desk, limit=1).total == DEMO_COMPLAINTS  # the queue has something to show
    assert prepare_demo(engine) == accounts  # a second start changes nothing
    assert list_complaints(engine, desk, limit=1).total == DEMO_COMPLAINTS
    assert check_database(engine) == []


def test_a_real_database_is_not_turned_into_a_demo(engine, admin):
    create_user(engine, admin, "somchai", "password-1", {Role.VIEWER})
    with pytest.raises(AccountError) as exc:
        prepare_demo(engine)
    assert exc.value.key == "shell.err.not_demo_db"


async def test_demo_login_screen_lists_the_accounts_and_logs_in(engine):
    prepare_demo(engine)
    app = ItaApp(engine, demo=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        lines = [str(s.render()) for s in app.screen.query(".demo-line")]
        assert lines[0] == "admin / demo-admin" and len(lines) == len(DEMO_ACCOUNTS)
        assert "เทศบาลตำบลเขมราฐ (ฐานข้อมูลสาธิต)" == app.title
        app.screen.query_one("#username", Input).value = "plan"
        password = app.screen.query_one("#password", Input)
        password.value = "demo-plan"
        password.focus()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.ctx is not None and app.ctx.demo and app.ctx.actor.has_role(Role.PLAN_OFFICER)
        assert app.current_mode == "plan"


def test_demo_command_opens_the_demo_database(monkeypatch, capsys):
    from itatui.cli import main

    started: list[ItaApp] = []
    monkeypatch.setattr(ItaApp, "run", lambda self, *a, **k: started.append(self))
    assert main(["demo"]) == 0
    assert len(started) == 1 and started[0].demo
    assert str(started[0].engine.url).endswith(str(demo_db_path()))
    assert get_user(started[0].engine, "viewer") is not None
    assert "demo.db" in capsys.readouterr().out
