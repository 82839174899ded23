"""Import the register from a CSV or XLSX file: ``ctrl+r`` previews (who is added, who changes, new units,
every bad row with its row number) and writes nothing; ``ctrl+s`` imports — refused, with nothing written, while
any row is bad."""

from __future__ import annotations

from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from itatui.domain.thai import digits
from itatui.i18n import t
from itatui.present.committees import problem_text
from itatui.store import committees as core
from itatui.tui.committees.form_base import CommitteeForm, FormField
from itatui.tui.widgets.form_errors import error_text

MAX_LINES = 40  # of each list in the preview; the counts are always whole


def preview_lines(p: core.ImportPreview, thai: bool) -> list[str]:
    lines = [digits(t("committee.import.summary", adds=len(p.adds), changes=len(p.changes), same=p.unchanged,
                      units=", ".join(p.new_units) or "-"), thai)]
    lines += [f"+ {v.code} {v.name}" for v in p.adds[:MAX_LINES]]
    lines += [f"~ {code}: {', '.join(t(f'committee.field_name.{f}') for f in fields)}" for code, fields in p.changes[:MAX_LINES]]
    if p.bad_rows:
        lines.append(digits(t("committee.import.bad", n=len(p.bad_rows)), thai))
        lines += [digits(t("committee.import.row", row=b.row, problems=problem_text(b.problems)), thai) for b in p.bad_rows[:MAX_LINES]]
    return lines


class StaffImportForm(CommitteeForm):
    BINDINGS = [Binding("ctrl+r", "preview", t("committee.key.preview"), priority=True, id="committee.import.preview")]

    def __init__(self) -> None:
        super().__init__()
        self.title_text = t("committee.import.title")
        self.preview: core.ImportPreview | None = None

    def fields(self) -> list[FormField]:
        return [FormField("path", t("committee.import.path"), hint=t("committee.import.path_hint"))]

    def extra(self) -> ComposeResult:
        yield Static(t("committee.import.preview_hint"), id="import-preview")

    def action_preview(self) -> None:
        self._preview(self.values()["path"])

    @work(thread=True, exclusive=True, group="committee-import", exit_on_error=False)
    def _preview(self, path: str) -> None:
        try:
            p = core.preview_staff(self.ctx.engine, self.ctx.actor, path.strip(), self.ctx.organisation_id)
        except Exception as exc:  # noqa: BLE001
            self.app.call_from_thread(self._failed, exc)
            return
        self.app.call_from_thread(self._show, p)

    def _show(self, p: core.ImportPreview) -> None:
        from rich.text import Text

        self.preview = p
        self.query_one("#import-preview", Static).update(Text("\n".join(preview_lines(p, self.thai))))

    def save(self, values: dict[str, Any]) -> Any:
        return core.import_staff(self.ctx.engine, self.ctx.actor, values["path"].strip(),
                                 organisation_id=self.ctx.organisation_id)

    def _saved(self, result: Any) -> None:
        self._saving = False
        if result.bad_rows:  # nothing was written: show why, keep the form
            self._show(result)
            self.query_one("#form-errors").show_message(digits(t("committee.import.bad", n=len(result.bad_rows)), self.thai))
            return
        self.dismiss(result)

    def failure_text(self, exc: BaseException) -> str:
        if isinstance(exc, FileNotFoundError):
            return t("committee.import.unreadable", name=str(exc.filename or ""))
        return error_text(exc)
