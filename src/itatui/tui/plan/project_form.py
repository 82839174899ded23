"""The project form (modal): name, kind, mission, units, five yearly budgets and every sheet section.

``ctrl+s`` parses every field at once (all problems listed together, in Thai) and saves in a thread worker;
on success the form dismisses with a ``ProjectSaved``. On any failure — validation by the form or the core,
a database error — the form stays open with everything as typed. ``escape`` dismisses with ``None``.
"""

from __future__ import annotations

from dataclasses import dataclass

from itatui.domain.eplan import Kind, TargetGroup
from itatui.domain.thai import digits
from itatui.domain.validation import ValidationError
from itatui.i18n import t
from itatui.store import plan as repo
from itatui.store.plan import ProjectDraft, ProjectEdit, ProjectFormData, budget_field
from itatui.store.versioning import EditConflict
from itatui.tui.base import app_context
from itatui.tui.widgets.confirm_discard import cancel_form, form_values
from itatui.tui.widgets.form_errors import FormErrors
from itatui.tui.widgets.saving_form import SavingForm
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Input, Label, Select, SelectionList, Static, TextArea

_TEXT_AREAS = ("rationale", "objectives", "target_groups", "method_steps", "outputs", "outcomes")
_INPUTS = ("sheet_name", "area", "period", "budget_text", "owner")


@dataclass(frozen=True)
class ProjectSaved:
    project_id: int
    created: bool
    edit: ProjectEdit


FORM_CSS = """
{cls} {{ align: center middle; }}
{cls} > #dialog {{
    width: 100%; max-width: 110; height: 100%; max-height: 48;
    border: thick $primary; background: $surface; padding: 0 1;
}}
{cls} #form-title {{ text-style: bold; height: auto; margin-bottom: 1; }}
{cls} #form-body {{ height: 1fr; }}
{cls} .field {{ height: auto; margin-bottom: 1; }}
{cls} .field > Label {{ color: $text-muted; }}
{cls} .hint {{ color: $text-muted; text-style: italic; }}
{cls} TextArea {{ height: 5; }}
{cls} SelectionList {{ height: auto; max-height: 8; }}
{cls} .-invalid {{ border: tall $error; }}
{cls} #form-status {{ height: 1; color: $text-muted; }}
"""


def field_row(label: str, widget: Widget, hint: str = "") -> Vertical:
    """A label above its input (Thai labels are long; 80 columns leave no room beside)."""
    children: list[Widget] = [Label(label, classes="label")]
    if hint:
        children.append(Static(hint, classes="hint"))
    children.append(widget)
    return Vertical(*children, classes="field")


class ProjectForm(SavingForm[ProjectSaved]):
    DEFAULT_CSS = FORM_CSS.format(cls="ProjectForm")

    BINDINGS = [
        Binding("ctrl+s", "save", t("key.save"), priority=True, id="form.save"),
        Binding("escape", "cancel", t("key.cancel"), id="form.cancel"),
    ]

    def __init__(self, data: ProjectFormData) -> None:
        super().__init__()
        self.data = data
        self._version = data.version  # the version the form shows; a conflict moves it to the one now stored

    @property
    def years(self) -> tuple[int, ...]:
        return self.data.plan.years

    def labels(self) -> dict[str, str]:
        thai = bool(getattr(self.app, "thai_digits", False))
        out = {name: t(f"field.{name}") for name in ("number", "name", "kind", "mission", "units")}
        out.update({budget_field(y): t("field.budget", year=digits(str(y), thai)) for y in self.years})
        out.update({name: t(f"sheet.{name}") for name in (*_TEXT_AREAS, *_INPUTS) if name != "method_steps"})
        out["method_steps"] = t("sheet.method")
        out["eplan_target_groups"] = t("sheet.eplan_groups")
        return out

    def compose(self) -> ComposeResult:
        d = self.data.draft
        thai = bool(getattr(self.app, "thai_digits", False))
        labels = self.labels()
        if self.data.project_id is None:
            title = t("form.project.new")
        else:
            title = t("form.project.edit", number=digits(d.number, thai))
        with Vertical(id="dialog"):
            yield Static(title, id="form-title")
            yield FormErrors(id="form-errors")
            with VerticalScroll(id="form-body"):
                with Horizontal(classes="field"):
                    yield field_row(labels["number"], Input(digits(d.number, thai), id="number"))
                    yield field_row(
                        labels["kind"],
                        Select([(t(k.label_key), k.value) for k in Kind], value=d.kind, allow_blank=False, id="kind"),
                    )
                yield field_row(labels["name"], Input(d.name, id="name"))
                yield field_row(
                    labels["mission"],
                    Select(
                        [(m.label, m.id) for m in self.data.missions],
                        value=d.mission_id if d.mission_id is not None else Select.NULL,
                        prompt=t("form.choose"),
                        id="mission",
                    ),
                )
                yield field_row(
                    labels["units"],
                    SelectionList[int](
                        *[(f"{u.code} {u.name}".strip(), u.id, u.id in d.unit_ids) for u in self.data.units], id="units"
                    ),
                )
                for y in self.years:
                    yield field_row(
                        labels[budget_field(y)],
                        Input(digits(d.budgets.get(y, ""), thai), id=budget_field(y)),
                        t("field.budget_hint") if y == self.years[0] else "",
                    )
                yield field_row(labels["sheet_name"], Input(d.sheet_name, id="sheet_name"))
                yield field_row(labels["rationale"], TextArea(d.rationale, id="rationale"))
                yield field_row(labels["objectives"], TextArea(d.objectives, id="objectives"), t("form.lines_hint"))
                yield field_row(labels["target_groups"], TextArea(d.target_groups, id="target_groups"), t("field.groups_hint"))
                yield field_row(
                    labels["eplan_target_groups"],
                    SelectionList[str](
                        *[(t(g.label_key), g.value, g.value in d.eplan_target_groups) for g in TargetGroup],
                        id="eplan_target_groups",
                    ),
                )
                yield field_row(labels["area"], Input(d.area, id="area"))
                yield field_row(labels["method_steps"], TextArea(d.method_steps, id="method_steps"), t("form.lines_hint"))
                yield field_row(labels["period"], Input(d.period, id="period"))
                yield field_row(labels["budget_text"], Input(d.budget_text, id="budget_text"))
                yield field_row(labels["owner"], Input(d.owner, id="owner"))
                yield field_row(labels["outputs"], TextArea(d.outputs, id="outputs"), t("form.lines_hint"))
                yield field_row(labels["outcomes"], TextArea(d.outcomes, id="outcomes"), t("form.lines_hint"))
            yield Static("ctrl+s " + t("key.save") + " · esc " + t("key.cancel"), id="form-status")

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()
        self._initial: dict[str, object] | None = None
        self.call_after_refresh(self._remember_initial)

    def _remember_initial(self) -> None:
        self._initial = form_values(self)  # what escape compares with before asking to discard

    # ------------------------------------------------------------------------------------------ reading

    def draft(self) -> ProjectDraft:
        """Everything as typed right now (strings; nothing is parsed or normalised here)."""

        def text(widget_id: str) -> str:
            return self.query_one(f"#{widget_id}", Input).value

        def area(widget_id: str) -> str:
            return self.query_one(f"#{widget_id}", TextArea).text

        mission = self.query_one("#mission", Select).value
        kind = self.query_one("#kind", Select).value
        return ProjectDraft(
            number=text("number"),
            name=text("name"),
            kind=str(kind) if kind is not Select.NULL else "",
            mission_id=None if mission is Select.NULL else int(mission),  # type: ignore[arg-type]
            unit_ids=tuple(self.query_one("#units", SelectionList).selected),
            budgets={y: text(budget_field(y)) for y in self.years},
            eplan_target_groups=tuple(self.query_one("#eplan_target_groups", SelectionList).selected),
            **{name: text(name) for name in _INPUTS},
            **{name: area(name) for name in _TEXT_AREAS},
        )

    # ------------------------------------------------------------------------------------------ saving

    def action_cancel(self) -> None:
        cancel_form(self, getattr(self, "_initial", None))

    def action_save(self) -> None:
        if self.saving:
            return
        try:
            edit = repo.parse_project_draft(self.draft(), self.years)
        except ValidationError as exc:
            self.show_problems(exc.problems)
            return
        self.start_save(edit)

    def save_now(self, payload: ProjectEdit) -> ProjectSaved:
        ctx = app_context(self.app)
        pid = repo.save_project(ctx.engine, ctx.actor, self.data.plan.id, payload, project_id=self.data.project_id, opened_version=self._version)
        return ProjectSaved(pid, self.data.project_id is None, payload)

    def conflict_seen(self, exc: EditConflict) -> None:
        self._version = exc.current
