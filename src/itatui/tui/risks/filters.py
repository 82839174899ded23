"""Filter the register (modal): level (or "not yet scored"), category, status, owner, overdue only."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Select, Static

from itatui.domain.risks import RiskStatus
from itatui.i18n import t
from itatui.store.risks.types import RegisterFilter, RiskSettings
from itatui.tui.plan.project_form import FORM_CSS, field_row
from itatui.tui.risks.labels import category_name, level_name


class RiskFiltersForm(ModalScreen[RegisterFilter | None]):
    DEFAULT_CSS = FORM_CSS.format(cls="RiskFiltersForm") + "RiskFiltersForm > #dialog { max-width: 70; max-height: 26; }"

    BINDINGS = [
        Binding("ctrl+s", "apply", t("key.save"), priority=True, id="form.save"),
        Binding("escape", "cancel", t("key.cancel"), id="form.cancel"),
    ]

    def __init__(self, current: RegisterFilter, settings: RiskSettings, owners: tuple[str, ...]) -> None:
        super().__init__()
        self.current, self.settings, self.owners = current, settings, owners

    def compose(self) -> ComposeResult:
        f, s = self.current, self.settings
        levels = [(level_name(s.matrix, b.key), b.key) for b in s.matrix.bands] + [(t("risk.level.unscored"), "unscored")]
        with Vertical(id="dialog"):
            yield Static(t("risk.filter.title"), id="form-title")
            with VerticalScroll(id="form-body"):
                yield field_row(t("risk.col.level"), Select(levels, value=f.level or Select.NULL, prompt=t("risk.filter.any"), id="level"))
                yield field_row(t("risk.col.category"), Select(
                    [(category_name(s, c.code), c.code) for c in s.categories], value=f.category or Select.NULL, prompt=t("risk.filter.any"), id="category"))
                yield field_row(t("risk.col.status"), Select(
                    [(t(f"risk.status.{x.value}"), x.value) for x in RiskStatus], value=f.status or Select.NULL, prompt=t("risk.filter.any"), id="status"))
                yield field_row(t("risk.col.owner"), Select(
                    [(o, o) for o in self.owners], value=f.owner if f.owner in self.owners else Select.NULL, prompt=t("risk.filter.any"), id="owner"))
                yield Checkbox(t("risk.filter.overdue"), f.overdue, id="overdue")
            yield Static("ctrl+s " + t("key.save") + " · esc " + t("key.cancel"), id="form-status")

    def _value(self, name: str) -> str:
        v = self.query_one(f"#{name}", Select).value
        return "" if v is Select.NULL else str(v)

    def action_apply(self) -> None:
        self.dismiss(RegisterFilter(
            level=self._value("level"), category=self._value("category"), status=self._value("status"),
            owner=self._value("owner"), overdue=self.query_one("#overdue", Checkbox).value,
        ))

    def action_cancel(self) -> None:
        self.dismiss(None)
