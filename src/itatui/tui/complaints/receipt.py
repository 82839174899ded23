"""The receipt after intake (and ``p`` on a case): shown on screen, saved as a PDF for the complainant.

The tracking code is drawn large and spaced so it can be read out across the counter. ``p`` saves the A5
receipt, ``o`` the A4 sheet with the office stub, both into ``<data dir>/receipts/``; ``s`` saves to a path the
officer types. Rendering (Typst) runs in a thread worker; where the file went is shown on the screen.

For a corruption complaint the core's ``receipt_data`` already withholds the subject and every name, and
``ReceiptView`` refuses a name for it, so neither the screen nor the paper identifies the complainant.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from itatui import paths
from itatui.domain.thai import digits
from itatui.i18n import language, t
from itatui.store import complaints as core
from itatui.store.complaints.types import ReceiptData
from itatui.tui.base import ModeScreen
from itatui.tui.widgets.complaint_labels import (
    be_date,
    be_datetime,
    channel_label,
    kind_label,
)
from itatui.tui.widgets.form_errors import error_text
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Header, Input, Label, Select, Static

PAPERS = ("A5", "A4")


def evidence_line(item: str, filed_at: str) -> str:
    return f"{item} ({filed_at})" if filed_at else item


def receipts_dir() -> Path:
    return paths.data_dir() / "receipts"


def default_path(data: ReceiptData, paper: str) -> Path:
    return receipts_dir() / f"receipt-{data.tracking_code}-{paper}.pdf"


def spaced_code(code: str) -> str:
    """``K7M-4QX-9PWA`` → ``K 7 M   4 Q X   9 P W A``: each symbol on its own, groups apart."""
    return "   ".join(" ".join(group) for group in code.split("-"))


@dataclass(frozen=True)
class SaveTarget:
    path: Path
    paper: str


class SaveAsForm(ModalScreen[SaveTarget | None]):
    """``s`` on the receipt: where to save and on which paper."""

    DEFAULT_CSS = """
    SaveAsForm { align: center middle; }
    SaveAsForm > #dialog { width: 72; max-width: 100%; height: auto; border: thick $primary; background: $surface; padding: 0 1; }
    SaveAsForm .error { color: $error; }
    SaveAsForm .hint { color: $text-muted; }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", t("key.save"), priority=True, id="saveas.save"),
        Binding("escape", "cancel", t("key.cancel"), id="saveas.cancel"),
    ]

    def __init__(self, data: ReceiptData) -> None:
        super().__init__()
        self.data = data

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(t("desk.receipt.save_as_title"), classes="form-title")
            yield Label(t("desk.receipt.paper"))
            yield Select([(p, p) for p in PAPERS], value="A5", allow_blank=False, id="paper")
            yield Label(t("desk.receipt.path"))
            yield Input(str(default_path(self.data, "A5")), id="path")
            yield Static("", id="saveas-error", classes="error")
            yield Static("ctrl+s " + t("key.save") + " · esc " + t("key.cancel"), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        path = self.query_one("#path", Input)
        for paper in PAPERS:  # follow the paper in the suggested name, not in a name the officer typed
            if path.value == str(default_path(self.data, paper)):
                path.value = str(default_path(self.data, str(event.value)))

    def on_input_submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        raw = self.query_one("#path", Input).value.strip()
        if not raw:
            self.query_one("#saveas-error", Static).update(t("desk.receipt.path_required"))
            return
        path = Path(raw).expanduser()
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        self.dismiss(SaveTarget(path, str(self.query_one("#paper", Select).value)))

    def action_cancel(self) -> None:
        self.dismiss(None)


class ReceiptScreen(ModeScreen[None]):
    HELP_TITLE = "help.title.receipt"  # what help (?) calls this screen
    DEFAULT_CSS = """
    ReceiptScreen #receipt-body { padding: 0 2; }
    ReceiptScreen #receipt-title { text-style: bold; text-align: center; width: 1fr; margin-top: 1; }
    ReceiptScreen #receipt-code-box { height: auto; align-horizontal: center; margin: 1 0; }
    ReceiptScreen #receipt-code-label { width: auto; color: $text-muted; }
    ReceiptScreen #receipt-code {
        width: auto; padding: 0 3; border: heavy $accent; text-style: bold; color: $text; background: $boost;
    }
    ReceiptScreen #receipt-saved { color: $success; margin-top: 1; height: auto; }
    ReceiptScreen #receipt-saved.-error { color: $error; }
    ReceiptScreen .hint { color: $text-muted; margin-top: 1; }
    """

    BINDINGS = [
        Binding("p", "save('A5')", t("desk.receipt.save_a5"), id="receipt.a5"),
        Binding("o", "save('A4')", t("desk.receipt.save_a4"), id="receipt.a4"),
        Binding("s", "save_as", t("desk.receipt.save_as"), id="receipt.save_as"),
        Binding("escape,enter", "back", t("key.back"), id="receipt.back"),
    ]

    def __init__(self, complaint_id: int) -> None:
        super().__init__()
        self.complaint_id = complaint_id
        self.data: ReceiptData | None = None
        self.saved: list[Path] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="receipt-body"):
            yield Static(t("desk.receipt.loading"), id="receipt-title")
            with Vertical(id="receipt-code-box"):
                yield Static(t("desk.receipt.tracking_code"), id="receipt-code-label")
                yield Static("", id="receipt-code")
            yield Static("", id="receipt-facts")
            yield Static("", id="receipt-saved")
            yield Static(t("desk.receipt.keys_hint"), classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.title = t("desk.receipt.title")
        self.query_one("#receipt-code-box").display = False
        self.query_one("#receipt-body").focus()  # arrows and page keys scroll to the next steps
        self._load()

    @work(thread=True, exclusive=True, group="receipt-load", exit_on_error=False)
    def _load(self) -> None:
        ctx = self.ctx
        try:
            data = core.receipt_data(ctx.engine, ctx.actor, self.complaint_id)
        except Exception as exc:  # noqa: BLE001
            self.app.call_from_thread(self._show_error, exc)
            return
        self.app.call_from_thread(self._show, data)

    def _show_error(self, exc: BaseException) -> None:
        self.query_one("#receipt-title", Static).update(error_text(exc))

    def _show(self, data: ReceiptData) -> None:
        self.data = data
        thai = self.thai_digits
        self.query_one("#receipt-title", Static).update(
            Text(f"{t('desk.receipt.title')}\n{data.organisation_name}\n{data.address_line}".rstrip(), justify="center")
        )
        self.query_one("#receipt-code-box").display = True
        self.query_one("#receipt-code", Static).update(spaced_code(data.tracking_code))
        facts = Text()
        rows = [
            (t("desk.receipt.registry"), digits(data.registry_display, thai)),
            (t("desk.receipt.kind"), kind_label(data.kind)),
            (t("desk.receipt.channel"), channel_label(data.channel)),
            (t("desk.receipt.received"), be_datetime(data.received_at, thai)),
            (t("desk.receipt.due"), be_date(data.due_date, thai, style="long")),
            (t("desk.receipt.subject"), data.subject),
        ]
        if data.show_name:
            rows.append((t("desk.receipt.complainant"), data.show_name))
        rows.append((t("desk.receipt.officer"), data.officer_name))
        for name, value in rows:
            facts.append(f"{name}: ", style="bold")
            facts.append(value + "\n")
        if data.evidence:
            facts.append("\n" + t("desk.receipt.evidence") + "\n", style="bold")
            for i, ev in enumerate(data.evidence, 1):
                facts.append(f"  {digits(str(i), thai)}. {evidence_line(ev.item, ev.filed_at)}\n")
        facts.append("\n" + t("desk.receipt.next_steps") + "\n", style="bold")
        for step in data.next_steps:
            facts.append(f"  • {digits(step, thai)}\n")
        facts.append("\n" + t("desk.receipt.follow_up") + "\n", style="bold")
        for line in data.follow_up:
            facts.append(f"  • {line}\n")
        self.query_one("#receipt-facts", Static).update(facts)

    # ------------------------------------------------------------------------------------------ saving

    def action_save(self, paper: str) -> None:
        if self.data is None:
            return
        self._make_pdf(SaveTarget(default_path(self.data, paper), paper))

    @work(exclusive=True, group="receipt-dialog", exit_on_error=False)
    async def action_save_as(self) -> None:
        if self.data is None:
            return
        target = await self.app.push_screen_wait(SaveAsForm(self.data))
        if target is not None:
            self._make_pdf(target)

    def _make_pdf(self, target: SaveTarget) -> None:
        self.query_one("#receipt-saved", Static).update(t("desk.receipt.saving"))
        self._write(target, self.thai_digits, language())

    @work(thread=True, exclusive=True, group="receipt-render", exit_on_error=False)
    def _write(self, target: SaveTarget, thai: bool, lang: str) -> None:
        # The receipt is a report of the registry, as every printout is (the CLI prints it the same way).
        from itatui.reports import registry
        from itatui.reports.spec import ReportParams

        ctx = self.app.ctx  # type: ignore[attr-defined]
        try:
            params = ReportParams(complaint=self.complaint_id, paper=target.paper)
            registry.save(ctx.engine, ctx.actor, "receipt", params, "pdf", target.path, thai_digits=thai)
        except Exception as exc:  # noqa: BLE001 - a report or disk error is shown, the receipt stays
            self.app.call_from_thread(self._save_failed, exc)
            return
        self.app.call_from_thread(self._saved, target)

    def _saved(self, target: SaveTarget) -> None:
        self.saved.append(target.path)
        line = self.query_one("#receipt-saved", Static)
        line.remove_class("-error")
        line.update(t("desk.receipt.saved", paper=target.paper, path=str(target.path)))
        self.notify(t("desk.receipt.saved", paper=target.paper, path=str(target.path)), timeout=8)

    def _save_failed(self, exc: BaseException) -> None:
        line = self.query_one("#receipt-saved", Static)
        line.add_class("-error")
        line.update(t("desk.receipt.save_failed", reason=error_text(exc)))

    def action_back(self) -> None:
        self.dismiss(None)
