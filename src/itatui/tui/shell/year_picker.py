"""``y``: pick the fiscal year every screen shows. Dismisses with the year (BE) or None on escape."""

from __future__ import annotations

from itatui.domain.fiscal import current_fiscal_year
from itatui.domain.thai import digits
from itatui.i18n import t
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option


def year_choices(selected: int, today_fy: int | None = None) -> list[int]:
    """Recent years and a few ahead (a plan runs five years), always including the selected one."""
    now = today_fy or current_fiscal_year()
    years = set(range(now - 6, now + 5)) | {selected}
    return sorted(years, reverse=True)


class YearPicker(ModalScreen[int | None]):
    BINDINGS = [Binding("escape", "cancel", t("key.cancel"))]

    def __init__(self, selected: int, *, thai_digits: bool = False) -> None:
        super().__init__(id="year-picker")
        self.selected = selected
        self.thai_digits = thai_digits

    def compose(self) -> ComposeResult:
        now = current_fiscal_year()
        options = []
        for fy in year_choices(self.selected, now):
            label = t("app.fiscal_year", fy=digits(str(fy), self.thai_digits))
            if fy == now:
                label += " " + t("shell.year.current")
            options.append(Option(label, id=str(fy)))
        with Vertical(id="year-box", classes="modal-box"):
            yield Static(t("shell.year.title"), classes="form-title")
            yield OptionList(*options, id="years")

    def on_mount(self) -> None:
        years = self.query_one("#years", OptionList)
        years.highlighted = years.get_option_index(str(self.selected))
        years.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or self.selected))

    def action_cancel(self) -> None:
        self.dismiss(None)
