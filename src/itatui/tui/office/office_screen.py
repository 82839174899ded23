"""Units and contact details of the office (administrators; `ctrl+o` from anywhere after the log-in).

```
 ช่องทางติดต่อ: 99 ถ.แจ้งสนิท … · โทร 045-491-012 · www… · LINE @… · Facebook …
 ชื่อย่อ      ชื่อเต็ม            สถานะ                ใช้อยู่
 สป.         สำนักปลัด          ใช้งาน                  12
 กองช่าง                        ใช้งาน                   0
 …           …                  เลิกใช้ (เก็บประวัติ)     3
```
Keys: `n` add a unit, `e` rename, `x` retire / restore (never deleted: what names it keeps it), `c` the contact
details printed on receipts, `escape` back.
"""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from itatui.i18n import t
from itatui.store import office
from itatui.tui.office.fields_form import FieldsForm
from itatui.tui.widgets.form_errors import error_text
from itatui.tui.widgets.keys_footer import KeysFooter


def contact_line(c: office.OfficeContact) -> str:
    if c.empty:
        return t("office.contact.none")
    parts = [c.address, c.phone, c.website, c.line and f"LINE {c.line}", c.facebook and f"Facebook {c.facebook}"]
    return " · ".join(p for p in parts if p)


class OfficeScreen(Screen[None]):
    HELP_TITLE = "office.title"
    DEFAULT_CSS = """
    OfficeScreen #office-contact { height: auto; padding: 0 1; margin-bottom: 1; }
    OfficeScreen #office-units { height: 1fr; }
    """
    BINDINGS = [
        Binding("n", "add", t("office.key.add"), id="office.add"),
        Binding("e", "rename", t("office.key.rename"), id="office.rename"),
        Binding("x", "retire", t("office.key.retire"), id="office.retire"),
        Binding("c", "contact", t("office.key.contact"), id="office.contact"),
        Binding("escape", "back", t("key.back"), id="office.back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.units: list[office.UnitRow] = []
        self.contact = office.OfficeContact()

    @property
    def ctx(self):  # noqa: ANN201 - AppContext
        return self.app.ctx  # type: ignore[attr-defined]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="office-contact")
        table = DataTable(id="office-units", cursor_type="row")
        table.add_column(t("office.col.code"), width=16, key="code")
        table.add_column(t("office.col.name"), width=28, key="name")
        table.add_column(t("office.col.state"), width=20, key="state")
        table.add_column(t("office.col.uses"), width=8, key="uses")
        yield table
        yield KeysFooter()

    def on_mount(self) -> None:
        self.title = t("office.title")
        self.reload()

    @work(thread=True, exclusive=True, group="office-load", exit_on_error=False)
    def reload(self) -> None:
        ctx = self.ctx
        try:
            units = office.list_units(ctx.engine, ctx.actor, ctx.organisation_id)
            contact = office.get_contact(ctx.engine, ctx.organisation_id)
        except Exception as exc:  # noqa: BLE001
            self.app.call_from_thread(self.notify, error_text(exc), severity="error")
            return
        self.app.call_from_thread(self._show, units, contact)

    def _show(self, units: list[office.UnitRow], contact: office.OfficeContact) -> None:
        self.units, self.contact = units, contact
        self.query_one("#office-contact", Static).update(Text(contact_line(contact)))
        table = self.query_one(DataTable)
        keep = table.cursor_row
        table.clear()
        for u in units:
            state = "office.state.all" if u.is_all else ("office.state.retired" if u.retired else "office.state.active")
            table.add_row(Text(u.code), Text(u.name), Text(t(state), style="dim" if u.retired else ""), str(u.uses), key=str(u.id))
        if units:
            table.move_cursor(row=min(keep, len(units) - 1))

    def _current(self) -> office.UnitRow | None:
        table = self.query_one(DataTable)
        if not self.units or table.cursor_row >= len(self.units):
            return None
        return self.units[table.cursor_row]

    def _unit_fields(self) -> dict[str, str]:
        return {"code": t("office.field.code"), "name": t("office.field.name")}

    def action_add(self) -> None:
        ctx = self.ctx

        def save(values: dict[str, str]) -> int:
            return office.add_unit(ctx.engine, ctx.actor, ctx.organisation_id, office.UnitDraft(**values))

        self.app.push_screen(FieldsForm(t("office.form.add"), self._unit_fields(), {}, save), self._saved)

    def action_rename(self) -> None:
        unit, ctx = self._current(), self.ctx
        if unit is None:
            return

        def save(values: dict[str, str]) -> None:
            office.rename_unit(ctx.engine, ctx.actor, unit.id, office.UnitDraft(**values))

        form = FieldsForm(t("office.form.rename"), self._unit_fields(), {"code": unit.code, "name": unit.name}, save)
        self.app.push_screen(form, self._saved)

    def action_contact(self) -> None:
        ctx = self.ctx
        fields = {f: t(f"office.field.{f}") for f in office.CONTACT_FIELDS}
        values = {f: getattr(self.contact, f) for f in office.CONTACT_FIELDS}

        def save(values: dict[str, str]) -> office.OfficeContact:
            return office.save_contact(ctx.engine, ctx.actor, ctx.organisation_id, values)

        self.app.push_screen(FieldsForm(t("office.form.contact"), fields, values, save), self._saved)

    def _saved(self, result: object) -> None:
        if result is not None:
            self.notify(t("office.saved"))
            self.reload()

    @work(thread=True, exclusive=True, group="office-retire", exit_on_error=False)
    def action_retire(self) -> None:
        unit, ctx = self.app.call_from_thread(self._current), self.ctx
        if unit is None:
            return
        try:
            office.set_retired(ctx.engine, ctx.actor, unit.id, not unit.retired)
        except Exception as exc:  # noqa: BLE001
            self.app.call_from_thread(self.notify, error_text(exc), severity="error")
            return
        key = "office.restored" if unit.retired else "office.retired"
        self.app.call_from_thread(self.notify, t(key, code=unit.code))
        self.app.call_from_thread(self.reload)

    def action_back(self) -> None:
        self.dismiss(None)
