"""First-run set-up on a bare host App: Thai text typed key by key comes back exactly; every problem at once."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.widgets import Input, Static
from textual.worker import Worker, WorkerState

from itatui.store import accounts
from itatui.store.db import session_scope
from itatui.store.models import AuditLog, Organisation, Plan, User
from itatui.store.org import get_organisation
from itatui.tui.shell.first_run import FirstRunResult, FirstRunScreen
from tests.tui.pilot_util import settle, type_text, wait_until

CSS = str(Path(__file__).resolve().parents[2] / "src/itatui/tui/app.tcss")

ORG = "เทศบาลตำบลเขมราฐ ผู้ใหญ่บ้าน น้ำใจ"
FULL_NAME = "นางสาวกัญญ์ณัฏฐ์ ศรีสุข"


class Host(App[None]):
    CSS_PATH = CSS

    def __init__(self, screen: FirstRunScreen) -> None:
        super().__init__()
        self.form = screen
        self.results: list[FirstRunResult | None] = []

    def on_mount(self) -> None:
        self.push_screen(self.form, self.results.append)


class WatchedFirstRun(FirstRunScreen):
    """The form as it is, noting how its workers end."""

    def __init__(self, engine) -> None:  # noqa: ANN001
        super().__init__(engine)
        self.worker_ends: list[WorkerState] = []

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.is_finished:
            self.worker_ends.append(event.state)


async def _fill(pilot, values: dict[str, str]) -> None:  # noqa: ANN001
    for field, text in values.items():
        pilot.app.form.query_one(f"#{field}", Input).focus()
        await type_text(pilot, text)


async def test_first_run_creates_org_and_admin_from_typed_thai(engine):
    app = Host(WatchedFirstRun(engine))
    typed = {
        "org_name": ORG,
        "district": "เขมราฐ",
        "province": "อุบลราชธานี",
        "username": "admin",
        "full_name": FULL_NAME,
        "password": "รหัสผ่าน-ยาว-๑",
        "password2": "รหัสผ่าน-ยาว-๑",
    }
    async with app.run_test(size=(80, 24)) as pilot:
        await _fill(pilot, typed)
        for field, text in typed.items():
            assert app.form.query_one(f"#{field}", Input).value == text
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.results and not app.workers, timeout=60)
        # the save ran to its end: closing the form must not cancel the worker that saved it
        assert app.form.worker_ends == [WorkerState.SUCCESS]
    assert len(app.results) == 1 and app.results[0] is not None
    result = app.results[0]
    assert result.login.user.username == "admin" and result.login.user.full_name == FULL_NAME
    assert result.login.org is not None and result.login.org.name == ORG
    # in the database, byte for byte what was typed
    org = get_organisation(engine)
    assert (org.name, org.district, org.province) == (ORG, "เขมราฐ", "อุบลราชธานี")
    assert accounts.authenticate(engine, "admin", "รหัสผ่าน-ยาว-๑").full_name == FULL_NAME
    with session_scope(engine) as s:
        actions = [(a.action, a.entity) for a in s.exec(AuditLog.__table__.select()).all()]  # type: ignore[attr-defined]
    assert ("create", "organisation") in actions and ("create", "user") in actions


async def test_every_problem_at_once_and_nothing_saved(engine):
    app = Host(FirstRunScreen(engine))
    async with app.run_test(size=(80, 24)) as pilot:
        await _fill(pilot, {"username": "ad min", "password": "short", "password2": "other", "plan_path": "/no/such/plan.txt"})
        await pilot.press("ctrl+s")
        form = app.form

        def error(field: str) -> str:
            return str(form.query_one(f"#{field}-error", Static).render())

        await wait_until(pilot, lambda: error("org_name"), timeout=60)
        assert error("org_name") == "จำเป็นต้องกรอก"
        assert error("full_name") == "จำเป็นต้องกรอก"
        assert "a-z" in error("username")
        assert error("password") == "รหัสผ่านต้องยาวอย่างน้อย 10 ตัวอักษร"
        assert error("plan_path") == "ไม่พบไฟล์นี้"
        assert error("district") == ""
        assert str(form.query_one("#form-status", Static).render()).startswith("พบข้อผิดพลาด 5 รายการ")
        # what was typed stays
        assert form.query_one("#username", Input).value == "ad min"
        assert form.query_one("#plan_path", Input).value == "/no/such/plan.txt"
        assert form.query_one("#org_name", Input).has_focus  # the first problem
        assert app.results == []
    assert accounts.count_users(engine) == 0
    with session_scope(engine) as s:
        assert s.exec(Organisation.__table__.select()).first() is None  # type: ignore[attr-defined]


async def test_passwords_must_match(engine):
    app = Host(FirstRunScreen(engine))
    async with app.run_test(size=(80, 24)) as pilot:
        await _fill(
            pilot,
            {"org_name": "อบต.ทดสอบ", "username": "admin", "full_name": "ทดสอบ", "password": "password-1", "password2": "password-2"},
        )
        await pilot.press("ctrl+s")
        mismatch = app.form.query_one("#password2-error", Static)
        await wait_until(pilot, lambda: str(mismatch.render()), timeout=60)
        assert str(mismatch.render()) == "รหัสผ่านทั้งสองช่องไม่ตรงกัน"
        assert app.results == []
        # fix it and save: the rest of the form was kept
        app.form.query_one("#password2", Input).value = "password-1"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.results, timeout=60)
        assert app.results and app.results[0].login.user.username == "admin"
    with session_scope(engine) as s:
        assert [u.username for u in s.exec(User.__table__.select()).all()] == ["admin"]  # type: ignore[attr-defined]


async def test_first_run_imports_a_plan_document(engine, source_plan):
    app = Host(FirstRunScreen(engine))
    async with app.run_test(size=(80, 24)) as pilot:
        form = app.form
        for field, value in {
            "org_name": "ทต.เขมราฐ",  # spelled otherwise than the document: still one organisation
            "username": "admin",
            "full_name": "ผู้ดูแล",
            "password": "password-1",
            "password2": "password-1",
            "plan_path": str(source_plan),
        }.items():
            form.query_one(f"#{field}", Input).value = value
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.results, timeout=60)
    assert app.results and app.results[0] is not None
    assert app.results[0].plan_message.startswith("นำเข้าแผนแล้ว:")
    with session_scope(engine) as s:
        orgs = s.exec(Organisation.__table__.select()).all()  # type: ignore[attr-defined]
        plans = s.exec(Plan.__table__.select()).all()  # type: ignore[attr-defined]
    assert len(orgs) == 1 and len(plans) == 1 and plans[0].organisation_id == orgs[0].id
    assert orgs[0].name == "ทต.เขมราฐ" and orgs[0].province == "อุบลราชธานี"  # the document filled the blanks


async def test_a_file_that_is_not_a_plan_is_refused_before_anything_is_saved(engine, tmp_path):
    not_a_plan = tmp_path / "shopping.txt"
    not_a_plan.write_text("ไข่ไก่ 10 ฟอง\nน้ำปลา 1 ขวด\n", encoding="utf-8")
    app = Host(FirstRunScreen(engine))
    async with app.run_test(size=(80, 24)) as pilot:
        form = app.form
        for field, value in {
            "org_name": "อบต.ทดสอบ",
            "username": "admin",
            "full_name": "ผู้ดูแล",
            "password": "password-1",
            "password2": "password-1",
            "plan_path": str(not_a_plan),
        }.items():
            form.query_one(f"#{field}", Input).value = value
        await pilot.press("ctrl+s")
        plan_error = form.query_one("#plan_path-error", Static)
        await wait_until(pilot, lambda: str(plan_error.render()), timeout=60)
        assert app.results == []
        assert str(plan_error.render()).startswith("ไฟล์นี้ไม่ใช่แผนปฏิบัติการ")
        assert form.query_one("#org_name", Input).value == "อบต.ทดสอบ"
    assert accounts.count_users(engine) == 0


async def test_an_error_line_goes_once_the_field_is_fixed(engine):
    app = Host(FirstRunScreen(engine))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        form = app.form
        assert str(form.query_one("#org_name-error", Static).render()) == "จำเป็นต้องกรอก"
        await _fill(pilot, {"org_name": "อบต.หนองบัว"})
        await pilot.pause()
        assert str(form.query_one("#org_name-error", Static).render()) == ""
        assert not form.query_one("#org_name", Input).has_class("-invalid")
        assert str(form.query_one("#full_name-error", Static).render()) == "จำเป็นต้องกรอก"  # not fixed: stays


async def test_a_plan_of_another_organisation_is_warned_and_its_findings_are_kept(engine, source_plan):
    from itatui.store.plan.findings import plan_findings

    app = Host(FirstRunScreen(engine))
    async with app.run_test(size=(80, 24)) as pilot:
        form = app.form
        for field, value in {"org_name": "อบต.หนองบัว", "username": "admin", "full_name": "ผู้ดูแล",
                             "password": "password-1", "password2": "password-1", "plan_path": str(source_plan)}.items():
            form.query_one(f"#{field}", Input).value = value
        await pilot.press("ctrl+s")
        await settle(pilot, rounds=6)  # (the form's worker ends with the screen it dismissed)
    message = app.results[0].plan_message
    assert "เทศบาลตำบลเขมราฐ" in message and "อบต.หนองบัว" in message
    with session_scope(engine) as s:
        plan_id = s.exec(Plan.__table__.select()).first().id  # type: ignore[attr-defined]
    actor = app.results[0].login.user.actor()
    findings = plan_findings(engine, actor, plan_id)
    assert findings[0].code == "organisation_differs" and len(findings) > 1
    assert "หนองบัว" in findings[0].message("th")
