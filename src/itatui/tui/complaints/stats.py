"""``s`` on the queue: complaint statistics for the selected fiscal year or a 6/12-month round.

Received, finished, in progress, overdue; by month, type, channel and unit; median days to close; share answered
within the deadline; share satisfied (4–5); corruption complaints per year against the baseline year (the year
before the plan's first) and the plan's "cases down" target. ``u`` switches to the publication view, where a count below the threshold (setting
``complaint.publish_threshold``, default 3) shows as "< 3" — what may go on the OIT disclosure page.
Everything is computed by the database (``store.complaints.stats``) in a thread worker; nothing personal is read.
"""

from __future__ import annotations

from typing import ClassVar

from itatui.domain.thai import digits
from itatui.i18n import t
from itatui.store.complaints.stats import Bucket, ComplaintStats, complaint_stats
from itatui.tui.base import ModeScreen
from itatui.tui.widgets.complaint_labels import be_date
from itatui.tui.widgets.form_errors import error_text
from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, Header, Static

ROUNDS: tuple[int | None, ...] = (None, 1, 2)  # the whole year, round 1 (6 months), round 2 (12 months)


def pct(value: float | None, thai: bool) -> str:
    return "-" if value is None else digits(f"{value:.1f} %", thai)


def bucket_table(title: str, buckets: tuple[Bucket, ...], thai: bool) -> Table:
    table = Table(title=title, title_justify="left", title_style="bold", show_header=False, box=None, padding=(0, 1))
    table.add_column(ratio=1)
    table.add_column(justify="right", min_width=6)
    for b in buckets:
        table.add_row(b.label, digits(b.count.text, thai))
    return table


class ComplaintStatsScreen(ModeScreen[None]):
    HELP_TITLE = "help.title.stats"  # what help (?) calls this screen
    REPORTS: ClassVar[tuple[str, ...]] = ("complaint-stats", "case-summary")  # what `p` offers (reports.registry)
    DEFAULT_CSS = """
    ComplaintStatsScreen #stats-period { height: auto; padding: 0 1; background: $boost; }
    ComplaintStatsScreen #stats-body { padding: 0 1; }
    ComplaintStatsScreen #stats-body > Static { height: auto; margin-bottom: 1; }
    ComplaintStatsScreen .stats-pair { height: auto; margin-bottom: 1; }
    ComplaintStatsScreen .stats-pair > Static { width: 1fr; height: auto; margin-right: 2; }
    """
    BINDINGS = [
        Binding("r", "round", t("desk.stats.key.round"), id="stats.round"),
        Binding("u", "publish", t("desk.stats.key.publish"), id="stats.publish"),
        Binding("escape", "back", t("key.back"), id="stats.back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.round_index = 0
        self.publish = False
        self.stats: ComplaintStats | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(t("desk.stats.loading"), id="stats-period")
        with VerticalScroll(id="stats-body"):
            yield Static("", id="stats-summary")
            with Horizontal(classes="stats-pair"):
                yield Static("", id="stats-month")
                yield Static("", id="stats-channel")
            with Horizontal(classes="stats-pair"):
                yield Static("", id="stats-kind")
                yield Static("", id="stats-unit")
            yield Static("", id="stats-corruption")
        yield Footer()

    def on_mount(self) -> None:
        self.title = t("desk.stats.title")
        self.query_one("#stats-body").focus()
        self.load()

    def load(self) -> None:
        self.query_one("#stats-period", Static).update(t("desk.stats.loading"))
        self._load(self.fiscal_year, ROUNDS[self.round_index], self.publish)

    @work(thread=True, exclusive=True, group="stats", exit_on_error=False)
    def _load(self, year: int, round_no: int | None, publish: bool) -> None:
        ctx = self.ctx
        try:
            # threshold None: the organisation's own (setting complaint.publish_threshold, default 3)
            stats = complaint_stats(ctx.engine, ctx.actor, year, round_no, publish, None, organisation_id=ctx.organisation_id)
        except Exception as exc:  # noqa: BLE001
            self.app.call_from_thread(self._failed, exc)
            return
        self.app.call_from_thread(self.show, stats)

    def _failed(self, exc: BaseException) -> None:
        self.query_one("#stats-period", Static).update(t("desk.stats.failed", reason=error_text(exc)))

    def show(self, s: ComplaintStats) -> None:
        self.stats = s
        thai = self.thai_digits
        period = t(f"desk.stats.round.{s.round or 0}")
        view = t("desk.stats.view.publish", n=digits(str(s.threshold), thai)) if s.published else t("desk.stats.view.internal")
        self.query_one("#stats-period", Static).update(Text(
            t("desk.stats.period", fy=digits(str(s.fiscal_year), thai), round=period,
              start=be_date(s.period_start, thai), end=be_date(s.period_end, thai)) + "\n" + view
        ))
        summary = Table(show_header=False, box=None, padding=(0, 1))
        summary.add_column(ratio=1)
        summary.add_column(justify="right", min_width=8)
        for key, count in (("received", s.received), ("finished", s.finished), ("in_progress", s.in_progress), ("overdue", s.overdue)):
            style = "bold red" if key == "overdue" and count.n else ""
            summary.add_row(t(f"desk.stats.{key}"), Text(digits(count.text, thai), style=style))
        median = "-" if s.median_days_to_close is None else digits(f"{s.median_days_to_close:.1f}", thai)
        summary.add_row(t("desk.stats.median"), median)
        summary.add_row(t("desk.stats.within"), pct(s.within_deadline_pct, thai))
        summary.add_row(t("desk.stats.within_extended"), pct(s.within_extended_pct, thai))
        summary.add_row(t("desk.stats.satisfied"), pct(s.satisfied_pct, thai))
        self.query_one("#stats-summary", Static).update(Group(Text(t("desk.stats.summary"), style="bold"), summary))
        self.query_one("#stats-month", Static).update(bucket_table(t("desk.stats.by_month"), s.by_month, thai))
        self.query_one("#stats-kind", Static).update(bucket_table(t("desk.stats.by_kind"), s.by_kind, thai))
        self.query_one("#stats-channel", Static).update(bucket_table(t("desk.stats.by_channel"), s.by_channel, thai))
        units = s.by_unit or ()
        self.query_one("#stats-unit", Static).update(bucket_table(t("desk.stats.by_unit"), units, thai))
        self.query_one("#stats-corruption", Static).update(self._corruption(s, thai))

    def _corruption(self, s: ComplaintStats, thai: bool) -> Group:
        base = "-" if s.corruption_baseline is None else digits(str(s.corruption_baseline), thai)
        table = Table(box=None, padding=(0, 1), header_style="bold")
        for name, justify in (("fy", "left"), ("count", "right"), ("reduction", "right"), ("target", "right"), ("met", "left")):
            table.add_column(t(f"desk.stats.corr.{name}"), justify=justify)  # type: ignore[arg-type]
        for y in s.corruption_by_year:
            met = "" if y.met is None else t("desk.stats.corr.yes") if y.met else t("desk.stats.corr.no")
            target = "-" if y.target_pct is None else digits(f"{y.target_pct:g} %", thai)
            table.add_row(digits(str(y.fiscal_year), thai), digits(y.count.text, thai), pct(y.reduction_pct, thai), target,
                          Text(met, style="green" if y.met else "red" if y.met is False else ""))
        return Group(Text(t("desk.stats.corruption", year=digits(str(s.corruption_baseline_year), thai), base=base), style="bold"), table)

    def action_round(self) -> None:
        self.round_index = (self.round_index + 1) % len(ROUNDS)
        self.load()

    def action_publish(self) -> None:
        self.publish = not self.publish
        self.load()

    def fiscal_year_changed(self, year: int) -> None:
        self.load()

    def digits_changed(self, thai: bool) -> None:
        self.load()

    def action_back(self) -> None:
        self.dismiss(None)
