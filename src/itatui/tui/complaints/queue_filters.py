"""``f`` on the complaint queue: status, type, channel, unit, fiscal year, overdue only.

``QueueView`` is what the screen remembers (plain, comparable); ``to_filters`` turns it into the core's
``QueueFilters`` with the search text and the app's selected year. The modal dismisses with a new
``QueueView`` (``ctrl+s`` or enter on the last field) or ``None`` (``escape``).
"""

from __future__ import annotations

from dataclasses import dataclass

from itatui.domain.complaints import OPEN_STATUSES, Channel, ComplaintKind, Status
from itatui.domain.fiscal import current_fiscal_year
from itatui.domain.thai import digits
from itatui.i18n import t
from itatui.store.complaints.public import Choice
from itatui.store.complaints.types import QueueFilters
from itatui.tui.widgets.complaint_labels import channel_label, kind_label, status_label
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Label, Select, Static

OPEN = "open"  # pseudo-status: every status whose clock still runs
YEAR_APP = "app"  # follow the year picked with `y`
YEAR_ALL = "all"


@dataclass(frozen=True)
class QueueView:
    status: str = ""  # "" = any, OPEN, or a Status value
    kind: str = ""
    channel: str = ""
    unit_id: int | None = None
    year: str = YEAR_APP  # YEAR_APP, YEAR_ALL or a BE year
    overdue_only: bool = False

    @property
    def narrowed(self) -> bool:
        """Anything beyond the default view (the selected year, every status)."""
        return self != QueueView()


def year_of(view: QueueView, app_year: int) -> int | None:
    if view.year == YEAR_ALL:
        return None
    if view.year == YEAR_APP:
        return app_year
    return int(view.year)


def to_filters(view: QueueView, app_year: int, text: str = "", organisation_id: int | None = None) -> QueueFilters:
    status: str | tuple[str, ...] | None
    if view.status == OPEN:
        status = tuple(sorted(s.value for s in OPEN_STATUSES))
    else:
        status = view.status or None
    return QueueFilters(
        status=status,
        kind=view.kind or None,
        channel=view.channel or None,
        unit_id=view.unit_id,
        fiscal_year=year_of(view, app_year),
        overdue_only=view.overdue_only,
        text=text.strip(),
        organisation_id=organisation_id,
    )


def describe(view: QueueView, app_year: int, units: tuple[Choice, ...], thai: bool = False) -> list[str]:
    """Short words for the filter line above the table."""
    year = year_of(view, app_year)
    parts = [t("desk.filter.all_years") if year is None else t("app.fiscal_year", fy=digits(str(year), thai))]
    if view.status == OPEN:
        parts.append(t("desk.filter.open"))
    elif view.status:
        parts.append(status_label(view.status))
    if view.kind:
        parts.append(t(f"desk.kind_short.{view.kind}"))
    if view.channel:
        parts.append(channel_label(view.channel))
    if view.unit_id is not None:
        parts.append(next((u.label for u in units if u.id == view.unit_id), str(view.unit_id)))
    if view.overdue_only:
        parts.append(t("desk.filter.overdue_only"))
    return parts


class QueueFiltersForm(ModalScreen[QueueView | None]):
    DEFAULT_CSS = """
    QueueFiltersForm { align: center middle; }
    QueueFiltersForm > #dialog {
        width: 60; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    QueueFiltersForm .filter-row { height: 1; margin-bottom: 1; }
    QueueFiltersForm .filter-label { width: 20; color: $text-muted; }
    QueueFiltersForm .filter-row Select { width: 1fr; }
    QueueFiltersForm #f-overdue { margin-bottom: 1; }
    QueueFiltersForm .hint { color: $text-muted; margin-top: 1; }
    """

    BINDINGS = [
        Binding("ctrl+s", "apply", t("desk.filter.apply"), priority=True, id="filters.apply"),
        Binding("ctrl+r", "reset", t("desk.filter.reset"), id="filters.reset"),
        Binding("escape", "cancel", t("key.cancel"), id="filters.cancel"),
    ]

    def __init__(self, current: QueueView, *, app_year: int, units: tuple[Choice, ...], may_corruption: bool, thai: bool = False) -> None:
        super().__init__()
        self.current = current
        self.app_year = app_year
        self.units = units
        self.may_corruption = may_corruption
        self.thai = thai

    def compose(self) -> ComposeResult:
        v = self.current
        statuses = [(t("desk.filter.open"), OPEN)] + [(status_label(s), s.value) for s in Status]
        kinds = [(kind_label(k), k.value) for k in ComplaintKind if self.may_corruption or k == ComplaintKind.GENERAL]
        now = current_fiscal_year()
        years = [(t("desk.filter.app_year", fy=digits(str(self.app_year), self.thai)), YEAR_APP), (t("desk.filter.all_years"), YEAR_ALL)]
        years += [(digits(str(y), self.thai), str(y)) for y in range(now + 1, now - 8, -1)]
        def row(label: str, widget: Select) -> Horizontal:
            return Horizontal(Label(label, classes="filter-label"), widget, classes="filter-row")

        with Vertical(id="dialog"):
            yield Static(t("desk.filter.title"), classes="form-title")
            yield row(t("desk.filter.status"), Select(statuses, value=v.status or Select.NULL, prompt=t("desk.filter.any"),
                                                      compact=True, id="f-status"))
            yield row(t("desk.filter.kind"), Select(kinds, value=v.kind or Select.NULL, prompt=t("desk.filter.any"),
                                                    compact=True, id="f-kind"))
            yield row(t("desk.filter.channel"), Select([(channel_label(c), c.value) for c in Channel], value=v.channel or Select.NULL,
                                                       prompt=t("desk.filter.any"), compact=True, id="f-channel"))
            yield row(t("desk.filter.unit"), Select([(u.label, u.id) for u in self.units],
                                                    value=v.unit_id if v.unit_id is not None else Select.NULL,
                                                    prompt=t("desk.filter.any"), compact=True, id="f-unit"))
            yield row(t("desk.filter.year"), Select(years, value=v.year if v.year in {y for _, y in years} else YEAR_APP,
                                                    allow_blank=False, compact=True, id="f-year"))
            yield Checkbox(t("desk.filter.overdue_only"), v.overdue_only, compact=True, id="f-overdue")
            yield Button(t("desk.filter.apply"), variant="primary", compact=True, id="f-apply")
            yield Static("ctrl+s " + t("desk.filter.apply") + " · ctrl+r " + t("desk.filter.reset") + " · esc " + t("key.cancel"),
                         classes="hint")

    def on_mount(self) -> None:
        self.query_one("#f-status", Select).focus()

    def chosen(self) -> QueueView:
        def value(widget_id: str):  # noqa: ANN202
            v = self.query_one(widget_id, Select).value
            return None if v is Select.NULL else v

        return QueueView(
            status=str(value("#f-status") or ""),
            kind=str(value("#f-kind") or ""),
            channel=str(value("#f-channel") or ""),
            unit_id=value("#f-unit"),
            year=str(value("#f-year") or YEAR_APP),
            overdue_only=self.query_one("#f-overdue", Checkbox).value,
        )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "f-apply":
            self.action_apply()

    def action_apply(self) -> None:
        self.dismiss(self.chosen())

    def action_reset(self) -> None:
        self.dismiss(QueueView())

    def action_cancel(self) -> None:
        self.dismiss(None)
