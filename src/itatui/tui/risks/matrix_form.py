"""The risk matrix (modal): size, and up to five levels with their names, top scores and colours; presets for
the 5×5 default and the PACC 3×3. Saving first shows what would change level (``MatrixConfirm``) and applies
only when confirmed: a matrix change never re-levels silently. Dismisses with the number of risks moved."""

from __future__ import annotations

import asyncio

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from itatui.domain.risks import DEFAULT_MATRIX, PACC_MATRIX, Move, RiskMatrix
from itatui.domain.validation import FieldProblem
from itatui.i18n import t
from itatui.store import risks as core
from itatui.store.risks.drafts import MAX_BANDS
from itatui.tui.plan.project_form import FORM_CSS, field_row
from itatui.tui.risks.labels import level_name
from itatui.tui.widgets.form_errors import FormErrors, error_text


class MatrixForm(ModalScreen[int | None]):
    DEFAULT_CSS = FORM_CSS.format(cls="MatrixForm") + """
    MatrixForm .band { height: 3; }
    MatrixForm .band > Label { width: 9; padding-top: 1; }
    MatrixForm .band > Input { width: 1fr; }
    MatrixForm .band > .score { width: 9; }
    MatrixForm .band > .colour { width: 13; }
    MatrixForm #presets { height: 3; }
    """

    BINDINGS = [
        Binding("ctrl+s", "save", t("key.save"), priority=True, id="form.save"),
        Binding("escape", "cancel", t("key.cancel"), id="form.cancel"),
    ]

    def __init__(self, matrix: RiskMatrix) -> None:
        super().__init__()
        self.matrix = matrix
        self._busy = False

    def labels(self) -> dict[str, str]:
        out = {"size": t("risk.matrix.size")}
        for i in range(MAX_BANDS):
            band = t("risk.matrix.band", n=i + 1)
            out[f"band{i}_name"] = f"{band} {t('risk.matrix.name')}"
            out[f"band{i}_name_en"] = f"{band} {t('risk.matrix.name_en')}"
            out[f"band{i}_high"] = f"{band} {t('risk.matrix.high')}"
            out[f"band{i}_colour"] = f"{band} {t('risk.matrix.colour')}"
        return out

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(t("risk.matrix.title"), id="form-title")
            yield FormErrors(id="form-errors")
            with VerticalScroll(id="form-body"):
                with Horizontal(id="presets"):
                    yield Button(t("risk.matrix.preset_5"), id="preset-5", compact=True)
                    yield Button(t("risk.matrix.preset_3"), id="preset-3", compact=True)
                yield field_row(t("risk.matrix.size"), Input("", id="size"), t("risk.matrix.hint"))
                for i in range(MAX_BANDS):
                    with Horizontal(classes="band"):
                        yield Label(t("risk.matrix.band", n=i + 1))
                        yield Input("", id=f"band{i}_name", placeholder=t("risk.matrix.name"))
                        yield Input("", id=f"band{i}_name_en", placeholder=t("risk.matrix.name_en"))
                        yield Input("", id=f"band{i}_high", placeholder=t("risk.matrix.high"), classes="score")
                        yield Input("", id=f"band{i}_colour", placeholder="#rrggbb", classes="colour")
            yield Static("ctrl+s " + t("key.save") + " · esc " + t("key.cancel"), id="form-status")

    def on_mount(self) -> None:
        self.fill(self.matrix)
        self.query_one("#size", Input).focus()

    def fill(self, m: RiskMatrix) -> None:
        self.query_one("#size", Input).value = str(m.size)
        for i in range(MAX_BANDS):
            b = m.bands[i] if i < len(m.bands) else None
            self.query_one(f"#band{i}_name", Input).value = b.name_th if b else ""
            self.query_one(f"#band{i}_name_en", Input).value = b.name_en if b else ""
            self.query_one(f"#band{i}_high", Input).value = str(b.high_score) if b else ""
            self.query_one(f"#band{i}_colour", Input).value = b.colour if b else ""

    @on(Button.Pressed, "#preset-5")
    def _preset5(self) -> None:
        self.fill(DEFAULT_MATRIX)

    @on(Button.Pressed, "#preset-3")
    def _preset3(self) -> None:
        self.fill(PACC_MATRIX)

    def form(self) -> dict[str, str]:
        return {i.id: i.value for i in self.query(Input) if i.id}

    def action_cancel(self) -> None:
        self.dismiss(None)

    @work(exclusive=True, group="matrix-dialog", exit_on_error=False)
    async def action_save(self) -> None:
        if self._busy:
            return
        matrix, problems = core.parse_matrix(self.form())
        if matrix is None:
            self._show(problems.items)
            return
        self.query_one(FormErrors).clear()
        ctx = self.app.ctx  # type: ignore[attr-defined]
        self._busy = True
        try:
            moves = await asyncio.to_thread(core.preview_matrix, ctx.engine, ctx.actor, matrix, ctx.organisation_id)
            if not await self.app.push_screen_wait(MatrixConfirm(self.matrix, matrix, moves)):
                return
            moved = await asyncio.to_thread(core.set_matrix, ctx.engine, ctx.actor, matrix, ctx.organisation_id)
        except Exception as exc:  # noqa: BLE001
            self.query_one(FormErrors).show_message(t("err.save_failed", reason=error_text(exc)))
            return
        finally:
            self._busy = False
        self.dismiss(moved)

    def _show(self, problems: list[FieldProblem]) -> None:
        self.query_one(FormErrors).show(problems, self.labels())
        try:
            self.query_one(f"#{problems[0].field}").focus()
        except Exception:  # noqa: BLE001
            pass


class MatrixConfirm(ModalScreen[bool]):
    """What the new matrix would change, before anything is written: enter applies, escape goes back."""

    DEFAULT_CSS = FORM_CSS.format(cls="MatrixConfirm") + "MatrixConfirm > #dialog { max-width: 100; }"

    BINDINGS = [
        Binding("enter", "confirm", t("risk.key.confirm"), id="confirm.ok"),
        Binding("escape", "cancel", t("key.cancel"), id="confirm.cancel"),
    ]

    def __init__(self, old: RiskMatrix, new: RiskMatrix, moves: list[Move]) -> None:
        super().__init__()
        self.old, self.new, self.moves = old, new, moves

    def compose(self) -> ComposeResult:
        title = t("risk.matrix.confirm_title", n=len(self.moves)) if self.moves else t("risk.matrix.confirm_none")
        with Vertical(id="dialog"):
            yield Static(title, id="form-title")
            with VerticalScroll(id="form-body"):
                for mv in self.moves:
                    text = t("risk.matrix.move", label=mv.label[:50], before=level_name(self.old, mv.level_before), after=level_name(self.new, mv.level_after))
                    yield Static(text + (t("risk.matrix.loses") if mv.loses_score else ""))
            yield Static(t("risk.matrix.confirm_keys"), id="form-status")

    def action_confirm(self) -> None:
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
