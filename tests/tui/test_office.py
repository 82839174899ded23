"""Units and contact details (administrators): add กองช่าง, rename, retire keeps history; the desk forwards to it."""

from __future__ import annotations

import pytest
from textual.app import App
from textual.reactive import reactive
from textual.widgets import DataTable, Input

from itatui.domain.roles import Role
from itatui.store import complaints as core
from itatui.store import office
from itatui.store.accounts import create_user
from itatui.tui.office.fields_form import FieldsForm
from itatui.tui.office.office_screen import OfficeScreen
from tests.tui.complaint_desk import make_desk, settle, type_text


class OfficeHost(App):
    fiscal_year = reactive(2567)
    thai_digits = reactive(False)

    def __init__(self, ctx) -> None:  # noqa: ANN001
        super().__init__()
        self.ctx = ctx

    def on_mount(self) -> None:
        self.push_screen(OfficeScreen())


@pytest.fixture
def desk(engine, admin):
    return make_desk(engine, admin)


async def test_an_administrator_adds_renames_and_retires_a_unit(desk):
    app = OfficeHost(desk.ctx(desk.admin))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        before = app.screen.query_one(DataTable).row_count
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, FieldsForm)
        await type_text(pilot, "กองสาธารณสุข")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, OfficeScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == before + 1
        choices = [c.label for c in core.unit_choices(desk.engine, desk.desk)]
        assert "กองสาธารณสุข" in choices  # the desk can forward a street-light complaint to it now
        new = next(u for u in app.screen.units if u.code == "กองสาธารณสุข")
        table.move_cursor(row=app.screen.units.index(new))
        await pilot.press("e")
        await pilot.pause()
        name = app.screen.query_one("#name", Input)
        name.focus()
        await type_text(pilot, "กองสาธารณสุข (อนามัย)")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        row = next(u for u in office.list_units(desk.engine, desk.admin, desk.org_id) if u.id == new.id)
        assert row.retired and row.name == "กองสาธารณสุข (อนามัย)"
        assert "กองสาธารณสุข (อนามัย)" not in [c.label for c in core.unit_choices(desk.engine, desk.desk)]


def test_a_retired_unit_keeps_its_complaints_and_only_administrators_change_units(desk):
    from itatui.domain.roles import PermissionDenied

    unit_id = office.add_unit(desk.engine, desk.admin, desk.org_id, office.UnitDraft("กองการประปา", ""))
    made = core.create_complaint(desk.engine, desk.desk, core.ComplaintDraft(
        kind="general", channel="walk_in", subject="ภาษีป้าย", anonymous=True, unit_id=unit_id))
    office.set_retired(desk.engine, desk.admin, unit_id, True)
    assert core.get_case(desk.engine, desk.desk, made.id).unit_name == "กองการประปา"
    uses = next(u.uses for u in office.list_units(desk.engine, desk.admin, desk.org_id) if u.id == unit_id)
    assert uses == 1
    with pytest.raises(PermissionDenied):
        office.add_unit(desk.engine, desk.desk, desk.org_id, office.UnitDraft("กองช่างไฟฟ้า", ""))
    with pytest.raises(office.OfficeError):
        office.add_unit(desk.engine, desk.admin, desk.org_id, office.UnitDraft("กองการประปา", ""))
