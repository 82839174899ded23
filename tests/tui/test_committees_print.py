"""``p`` on screen 4: the print dialog offers the round's committee documents and saves one."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Select

from itatui.reports.committee_reports import NAMES
from itatui.tui.committees.screen import CommitteesScreen
from itatui.tui.context import AppContext
from itatui.tui.reports import open_reports
from itatui.tui.reports.print_dialog import PrintDialog
from tests.committee_fixtures import office
from tests.tui.host import ScreenHost
from tests.tui.pilot_util import settle


class PrintHost(ScreenHost):
    def open_reports(self, names: tuple[str, ...], **_: object) -> None:  # the app's seam, as ItaApp has it
        open_reports(self, names)


async def test_p_offers_the_committee_documents_and_saves_the_calculation(engine, admin, tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    o = office(engine, admin)
    monkeypatch.setenv("ITATUI_REPORTS_DIR", str(tmp_path / "printed"))
    ctx = AppContext(engine=engine, actor=o.secretary, full_name="เลขา", organisation_id=None, organisation_name="")
    app = PrintHost(ctx, CommitteesScreen, fiscal_year=2569)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, PrintDialog)
        assert [v for _, v in dialog.query_one("#report", Select)._options] == list(NAMES)
        dialog.query_one("#report", Select).value = "committee-calculation"
        dialog.query_one("#round", Select).value = 1
        await settle(pilot)
        await pilot.press("ctrl+s")
        for _ in range(100):
            await pilot.pause(0.05)
            if dialog.saved:
                break
        assert dialog.saved == tmp_path / "printed" / "committee-calculation-2569-r1.pdf"
        assert dialog.saved.read_bytes().startswith(b"%PDF")
