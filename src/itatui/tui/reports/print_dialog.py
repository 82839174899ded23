"""``p`` on a screen: the reports that fit it, with format, fiscal year, round and project; the file is made in a
thread worker (progress shown), saved into the reports folder, and its first page previewed as text. ``ctrl+l``
sends the PDF to the printer where one is configured (``ITATUI_PRINTER``).

The dialog only collects choices and shows results: the registry builds the report (permissions in the core).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, ProgressBar, Select, Static

from itatui.domain.roles import PermissionDenied
from itatui.domain.thai import digits, parse_int
from itatui.i18n import t
from itatui.reports import output, registry
from itatui.reports.errors import ReportError
from itatui.reports.spec import ReportParams, ReportSpec
from itatui.tui.widgets.form_errors import error_text


@dataclass(frozen=True)
class Printed:
    path: Path
    preview: str


class PrintDialog(ModalScreen[Path | None]):
    """Dismissed with the last saved file (or None)."""

    DEFAULT_CSS = """
    PrintDialog { align: center middle; }
    PrintDialog > #dialog { width: 100; max-width: 100%; height: 100%; max-height: 40; border: thick $primary;
                             background: $surface; padding: 0 1; }
    PrintDialog .row { height: auto; margin-top: 1; }
    PrintDialog .row > Vertical { width: 1fr; height: auto; padding-right: 1; }
    PrintDialog #print-status { height: auto; margin-top: 1; }
    PrintDialog #print-status.-error { color: $error; }
    PrintDialog #print-preview { height: 1fr; min-height: 4; border: round $panel; }
    PrintDialog .hint { color: $text-muted; }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", t("report.dialog.key.save"), priority=True, id="print.save"),
        Binding("ctrl+l", "send", t("report.dialog.key.print"), priority=True, id="print.send"),
        Binding("escape", "close", t("report.dialog.key.close"), id="print.close"),
    ]

    def __init__(self, names: tuple[str, ...], *, year: int, project: int | None = None, complaint: int | None = None,
                 thai_digits: bool = True) -> None:
        super().__init__()
        self.names = names
        self.specs: list[ReportSpec] = []
        self.year, self.project, self.complaint = year, project, complaint
        self.thai_digits = thai_digits
        self.saved: Path | None = None

    def _load_specs(self) -> None:
        actor = getattr(getattr(self.app, "ctx", None), "actor", None)
        self.specs = registry.offered(self.names, actor) if actor is not None else []

    def compose(self) -> ComposeResult:
        self._load_specs()
        d = lambda s: digits(s, self.thai_digits)  # noqa: E731
        with Vertical(id="dialog"):
            yield Static(t("report.dialog.title"), classes="form-title")
            if not self.specs:
                yield Static(t("report.dialog.none"))
                return
            yield Label(t("report.dialog.report"))
            yield Select([(registry.title(s), s.name) for s in self.specs], value=self.specs[0].name, allow_blank=False, compact=True, id="report")
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label(t("report.dialog.format"))
                    yield Select([(f.upper(), f) for f in self.specs[0].formats], value="pdf", allow_blank=False, compact=True, id="format")
                with Vertical(id="year-box"):
                    yield Label(t("report.dialog.year"))
                    yield Input(d(str(self.year)), compact=True, id="year")
                with Vertical(id="round-box"):
                    yield Label(t("report.dialog.round"))
                    yield Select([(t("report.dialog.round_all"), 0), (t("eplan.round.1"), 1), (t("eplan.round.2"), 2)],
                                 value=0, allow_blank=False, compact=True, id="round")
                with Vertical(id="project-box"):
                    yield Label(t("report.dialog.project"))
                    yield Input(d(str(self.project)) if self.project else "", compact=True, id="project")
            yield ProgressBar(total=None, show_eta=False, id="print-progress")
            yield Static("", id="print-status")
            yield Label(t("report.dialog.preview"))
            with VerticalScroll(id="print-preview"):
                yield Static("", id="print-preview-text", markup=False)
            yield Static(t("report.dialog.hint_print") if output.printer() else t("report.dialog.hint"), classes="hint")

    def on_mount(self) -> None:
        if self.specs:
            self.query_one("#print-progress", ProgressBar).display = False
            self._follow(self.specs[0])

    def _spec(self) -> ReportSpec:
        return registry.get(str(self.query_one("#report", Select).value))

    def _follow(self, spec: ReportSpec) -> None:
        """Show only the choices the chosen report takes."""
        fmt = self.query_one("#format", Select)
        fmt.set_options([(f.upper(), f) for f in spec.formats])
        fmt.value = spec.formats[0]
        self.query_one("#year-box").display = "year" in spec.params
        self.query_one("#round-box").display = "round" in spec.params
        self.query_one("#project-box").display = "project" in spec.params

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "report" and event.value is not Select.BLANK:
            self._follow(registry.get(str(event.value)))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "send":
            return output.printer() is not None and self.saved is not None and self.saved.suffix == ".pdf"
        if action == "save":
            return bool(self.specs)
        return True

    def _number(self, widget_id: str, label_key: str) -> tuple[int | None, str | None]:
        try:
            return parse_int(self.query_one(widget_id, Input).value), None
        except ValueError:
            return None, t("report.dialog.bad_number", field=t(label_key))

    def _status(self, text: str, error: bool = False) -> None:
        status = self.query_one("#print-status", Static)
        status.update(text)  # file paths keep their digits
        status.set_class(error, "-error")

    def action_save(self) -> None:
        spec = self._spec()
        year, bad_year = self._number("#year", "report.dialog.year")
        project, bad_project = self._number("#project", "report.dialog.project")
        problems = [p for p in (bad_year if "year" in spec.params else None, bad_project if "project" in spec.params else None) if p]
        if problems:
            self._status("\n".join(problems), error=True)
            return
        round_no = int(self.query_one("#round", Select).value or 0) or None  # type: ignore[arg-type]
        params = ReportParams(
            year=year if "year" in spec.params else None,
            round=round_no if "round" in spec.params else None,
            project=project if "project" in spec.params else None,
            complaint=self.complaint if "complaint" in spec.params else None,
        )
        fmt = str(self.query_one("#format", Select).value)
        self.query_one("#print-progress", ProgressBar).display = True
        self._status(t("report.dialog.working", name=registry.title(spec)))
        self._make(spec.name, params, fmt)

    @work(thread=True, exclusive=True, group="print", exit_on_error=False)
    def _make(self, name: str, params: ReportParams, fmt: str) -> None:
        ctx = self.app.ctx  # type: ignore[attr-defined]
        path = output.reports_dir() / registry.file_name(name, params, fmt)
        try:
            content, doc = registry.produce_with_document(ctx.engine, ctx.actor, name, params, fmt, thai_digits=self.thai_digits)
            registry.save_bytes(path, content)
            preview = output.pdf_first_page_text(path) if fmt == "pdf" else None
            if preview is None:
                preview = output.document_text(doc, self.thai_digits) if doc is not None else t("report.dialog.no_preview")
        except ReportError as exc:
            self.app.call_from_thread(self._failed, t(exc.key, **exc.params))
            return
        except PermissionDenied:
            self.app.call_from_thread(self._failed, t("err.permission"))
            return
        except Exception as exc:  # noqa: BLE001 - a database or file error: say it, keep the dialog usable
            self.app.call_from_thread(self._failed, error_text(exc))
            return
        self.app.call_from_thread(self._done, Printed(path, preview))

    def _failed(self, message: str) -> None:
        self.query_one("#print-progress", ProgressBar).display = False
        self._status(message, error=True)

    def _done(self, result: Printed) -> None:
        self.saved = result.path
        self.query_one("#print-progress", ProgressBar).display = False
        self._status(t("report.dialog.saved", path=str(result.path)))
        self.query_one("#print-preview-text", Static).update(result.preview)
        self.refresh_bindings()

    def action_send(self) -> None:
        if self.saved is None:
            return
        try:
            job = output.send_to_printer(self.saved)
        except ReportError as exc:
            self._status(t(exc.key, **exc.params), error=True)
            return
        self._status(t("report.dialog.printed", printer=output.printer() or "", job=job))

    def action_close(self) -> None:
        self.dismiss(self.saved)
