"""The print dialog from `p`: the screen's reports, its choices, the file saved into the reports folder with a
preview of the first page; a report a user may not have is not offered."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App
from textual.reactive import reactive
from textual.widgets import Input, Select, Static

from itatui.domain.roles import Role
from itatui.store import accounts
from itatui.store.seed import seed_demo_plan
from itatui.tui.context import AppContext
from itatui.tui.reports import open_reports
from itatui.tui.reports.print_dialog import PrintDialog
from tests.tui.pilot_util import rendered_text, settle


class Host(App):
    fiscal_year = reactive(2569)
    thai_digits = reactive(True)

    def __init__(self, ctx: AppContext, names: tuple[str, ...]) -> None:
        super().__init__()
        self.ctx, self.names, self.result = ctx, names, "unset"

    def on_mount(self) -> None:
        open_reports(self, self.names)


async def _wait_saved(pilot, dialog: PrintDialog) -> None:  # noqa: ANN001
    for _ in range(200):
        await pilot.pause(0.05)
        if dialog.saved is not None or "-error" in dialog.query_one("#print-status").classes:
            return


@pytest.fixture
def demo(engine, admin, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    seed_demo_plan(engine, admin)
    monkeypatch.setenv("ITATUI_REPORTS_DIR", str(tmp_path / "printed"))
    return AppContext(engine=engine, actor=admin, full_name="ผู้ดูแลระบบ", organisation_id=None, organisation_name="")


async def test_plan_screen_reports_saved_with_a_preview(demo, tmp_path: Path) -> None:
    app = Host(demo, ("plan", "project-sheets", "monitoring"))
    async with app.run_test(size=(110, 40)) as pilot:
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, PrintDialog)
        assert [v for _, v in dialog.query_one("#report", Select)._options] == ["plan", "project-sheets", "monitoring"]
        assert not dialog.query_one("#year-box").display  # the plan table takes no year
        await pilot.press("ctrl+s")
        await _wait_saved(pilot, dialog)
        saved = tmp_path / "printed" / "plan.pdf"
        assert dialog.saved == saved and saved.read_bytes().startswith(b"%PDF")
        assert str(saved) in rendered_text(dialog.query_one("#print-status", Static).render())
        preview = rendered_text(dialog.query_one("#print-preview-text", Static).render())
        assert "แผนปฏิบัติการป้องกันการทุจริต" in preview
        # Monitoring, as XLSX, for round 1 of the year typed in Thai digits.
        dialog.query_one("#report", Select).value = "monitoring"
        await settle(pilot)
        assert dialog.query_one("#year-box").display and dialog.query_one("#round-box").display
        dialog.query_one("#format", Select).value = "xlsx"
        dialog.query_one("#round", Select).value = 1
        dialog.query_one("#year", Input).value = "๒๕๖๙"
        dialog.saved = None
        await pilot.press("ctrl+s")
        await _wait_saved(pilot, dialog)
        assert dialog.saved == tmp_path / "printed" / "monitoring-2569-r1.xlsx" and dialog.saved.is_file()
        assert "รอบ ๖ เดือน" in rendered_text(dialog.query_one("#print-preview-text", Static).render())
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, PrintDialog)


async def test_errors_show_in_the_dialog_and_investigator_reports_are_offered_to_investigators_only(demo, engine, admin) -> None:
    officer = accounts.create_user(engine, admin, "desk", "desk-pass-1", {Role.COMPLAINT_OFFICER}).actor()
    ctx = AppContext(engine=engine, actor=officer, full_name="เจ้าหน้าที่", organisation_id=None, organisation_name="")
    app = Host(ctx, ("complaint-stats", "case-summary"))
    async with app.run_test(size=(110, 40)) as pilot:
        await settle(pilot)
        dialog = app.screen
        assert [v for _, v in dialog.query_one("#report", Select)._options] == ["complaint-stats"]
        dialog.query_one("#year", Input).value = "ปีนี้"
        await pilot.press("ctrl+s")
        await settle(pilot)
        status = dialog.query_one("#print-status")
        assert "-error" in status.classes and "ต้องเป็นตัวเลข" in rendered_text(status.render())
        assert dialog.saved is None


class SheetHost(App):
    fiscal_year = reactive(2569)
    thai_digits = reactive(True)

    def __init__(self, ctx: AppContext, project_id: int) -> None:
        super().__init__()
        self.ctx, self.project_id = ctx, project_id

    def on_mount(self) -> None:
        from itatui.tui.plan.project_sheet import ProjectSheetScreen

        self.push_screen(ProjectSheetScreen(self.project_id))

    def open_reports(self, names: tuple[str, ...]) -> None:  # the seam the screen base's `p` calls, as ItaApp has it
        open_reports(self, names)


async def test_p_on_a_project_sheet_preselects_that_project(demo, engine) -> None:
    from sqlmodel import Session, select

    from itatui.store.models import Project

    with Session(engine) as s:
        pid = s.exec(select(Project.id).where(Project.number == 4)).one()
    app = SheetHost(demo, pid)
    async with app.run_test(size=(110, 40)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, PrintDialog)
        assert dialog.query_one("#report", Select).value == "project-sheets"
        assert dialog.query_one("#project", Input).value == "๔"
        await pilot.press("ctrl+s")
        await _wait_saved(pilot, dialog)
        assert dialog.saved is not None and dialog.saved.name == "project-sheets-p4.pdf"
