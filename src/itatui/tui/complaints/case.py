"""One complaint: the facts, the 15-day clock, the complainant (as far as the user may see), evidence, links and
the timeline — received → forwarded → investigation → notices → result → closed.

Timeline entries carry their audience in words and colour: "ภายใน (ไม่แจ้งผู้ร้อง)" for internal steps and
notes, "แจ้งผู้ร้อง" for what the complainant was told, so nobody reads a note out as a message.

The complainant of a general complaint shows only to holders of COMPLAINT_PERSONAL (the core leaves it out
otherwise). A corruption complainant shows as "ปกปิด"; an investigator may press ``v`` to open it with their
own password and a reason (the core audits it). The opened identity lives only on this screen object and is
dropped when the screen is left (another full screen on top, or closing the case).
"""

from __future__ import annotations

import asyncio

from itatui.domain.complaints import OPEN_STATUSES, ComplaintKind, EventKind, Status, label_key
from itatui.domain.idcard import format_id
from itatui.domain.roles import Perm, Role
from itatui.domain.thai import digits
from itatui.i18n import t
from itatui.store import complaints as core
from itatui.store.complaints.types import CaseDetail, CaseEvent, Complainant
from itatui.tui.base import ModeScreen
from itatui.tui.widgets.complaint_labels import (
    COMPLAINANT_STYLE,
    INTERNAL_STYLE,
    URGENCY_STYLE,
    be_date,
    be_datetime,
    channel_label,
    contact_label,
    days_left_text,
    event_label,
    kind_label,
    method_label,
    outcome_label,
    status_label,
)
from itatui.tui.widgets.form_errors import error_text
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Header, Static
from itatui.tui.widgets.refusals import ExplainRefusals

_OPEN = {s.value for s in OPEN_STATUSES}


def audience_label(audience: str) -> Text:
    internal = audience != "complainant"
    return Text(
        f"[{t('complaint.audience.internal' if internal else 'complaint.audience.complainant')}]",
        style=INTERNAL_STYLE if internal else COMPLAINANT_STYLE,
    )


def event_lines(e: CaseEvent, thai: bool) -> Text:
    """One timeline entry: when, audience, what, who; its text indented below."""
    out = Text()
    out.append(be_datetime(e.at, thai) + " ", style="bold")
    out.append_text(audience_label(e.audience))
    out.append(" " + event_label(e.kind))
    detail = ""
    if e.kind == EventKind.FORWARDED and e.unit_name:
        detail = e.unit_name
    elif e.kind == EventKind.ASSIGNED:
        detail = e.assigned_user_name or t("desk.case.unassigned")
    elif e.kind == EventKind.RESULT and e.outcome:
        detail = outcome_label(e.outcome)
    elif e.kind == EventKind.CLOSED:
        detail = t("desk.case.satisfaction", n=digits(str(e.satisfaction), thai)) if e.satisfaction else t("desk.satisfaction.none")
    if detail:
        out.append(f": {detail}")
    if e.user_name:
        out.append(f"  — {e.user_name}", style="dim")
    out.append("\n")
    if e.kind in (EventKind.NOTICE, EventKind.DELAY, EventKind.RESULT) and (e.notice_date or e.method):
        how = t("desk.case.told_on", date=be_date(e.notice_date, thai), method=method_label(e.method) or "-")
        out.append(f"    {how}\n", style="dim")
    if e.kind == EventKind.DELAY and e.new_due_date:
        out.append("    " + t("desk.case.due_moved", old=be_date(e.old_due_date, thai), new=be_date(e.new_due_date, thai)) + "\n")
    if e.text:
        prefix = t("desk.case.reason") + ": " if e.kind in (EventKind.DELAY, EventKind.REVEALED) else ""
        for line in e.text.splitlines() or [""]:
            out.append(f"    {prefix}{line}\n")
            prefix = ""
    return out


class ComplaintCaseScreen(ExplainRefusals, ModeScreen[None]):
    HELP_TITLE = "help.title.case"  # what help (?) calls this screen
    SHOWS_PERSONAL_DATA = True  # idle log-out applies here (tui/shell/idle.py)
    DEFAULT_CSS = """
    ComplaintCaseScreen #case-body { padding: 0 1; }
    ComplaintCaseScreen .case-section { height: auto; margin-bottom: 1; }
    ComplaintCaseScreen .case-title { text-style: bold; color: $accent; }
    ComplaintCaseScreen #case-person.-revealed { border: round $warning; }
    """

    BINDINGS = [
        Binding("f", "act('forward')", t("desk.case.key.forward"), id="case.forward"),
        Binding("a", "act('assign')", t("desk.case.key.assign"), id="case.assign", show=False),
        Binding("i", "act('investigate')", t("desk.case.key.investigate"), id="case.investigate", show=False),
        Binding("m", "act('note')", t("desk.case.key.note"), id="case.note"),
        Binding("c", "act('notice')", t("desk.case.key.notice"), id="case.notice"),
        Binding("d", "act('delay')", t("desk.case.key.delay"), id="case.delay", show=False),
        Binding("r", "act('result')", t("desk.case.key.result"), id="case.result"),
        Binding("x", "act('close')", t("desk.case.key.close"), id="case.close", show=False),
        Binding("e", "act('evidence')", t("desk.case.key.evidence"), id="case.evidence", show=False),
        Binding("l", "act('link')", t("desk.case.key.link"), id="case.link", show=False),
        Binding("v", "reveal", t("desk.case.key.reveal"), id="case.reveal"),
        Binding("p", "receipt", t("desk.case.key.receipt"), id="case.receipt", show=False),
        Binding("escape", "back", t("key.back"), id="case.back", show=False),
    ]

    def __init__(self, complaint_id: int) -> None:
        super().__init__()
        self.complaint_id = complaint_id
        self.case: CaseDetail | None = None
        self.revealed: Complainant | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="case-body"):
            yield Static(t("desk.case.loading"), id="case-head", classes="case-section")
            yield Static("", id="case-clock", classes="case-section")
            yield Static("", id="case-person", classes="case-section")
            yield Static("", id="case-evidence", classes="case-section")
            yield Static("", id="case-timeline", classes="case-section")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#case-body").focus()
        self.load()

    def digits_changed(self, thai: bool) -> None:
        self.render_case()

    def on_screen_suspend(self) -> None:
        # Left for another full screen (the receipt, another mode): the opened identity goes.
        if self.revealed is not None and not isinstance(self.app.screen, ModalScreen):
            self.revealed = None
            self.render_case()

    def on_unmount(self) -> None:
        self.revealed = None

    @work(thread=True, exclusive=True, group="case-load", exit_on_error=False)
    def load(self) -> None:
        try:
            case = core.get_case(self.ctx.engine, self.ctx.actor, self.complaint_id)
        except Exception as exc:  # noqa: BLE001
            self.app.call_from_thread(self._load_failed, exc)
            return
        self.app.call_from_thread(self.show_case, case)

    def _load_failed(self, exc: BaseException) -> None:
        self.query_one("#case-head", Static).update(error_text(exc))

    def show_case(self, case: CaseDetail) -> None:
        self.case = case
        self.sub_title = case.registry_display
        self.render_case()
        self.refresh_bindings()

    # ------------------------------------------------------------------------------------------ drawing

    def render_case(self) -> None:
        c = self.case
        if c is None:
            return
        thai = self.thai_digits
        timeline = Text(t("desk.case.timeline") + "\n", style="bold")
        for e in c.events:
            timeline.append_text(event_lines(e, thai))
        sections = {
            "#case-head": self._head(c, thai),
            "#case-clock": self._clock(c, thai),
            "#case-person": self._person(c),
            "#case-evidence": self._evidence_and_links(c, thai),
            "#case-timeline": timeline,
        }
        for selector, text in sections.items():
            text.rstrip()  # the section's margin already separates it from the next
            self.query_one(selector, Static).update(text)
        self.query_one("#case-person").set_class(self.revealed is not None, "-revealed")

    def _pairs(self, title: str, rows: list[tuple[str, str | Text]]) -> Text:
        out = Text(title + "\n", style="bold")
        for name, value in rows:
            out.append(f"{name}: ", style="bold")
            out.append_text(value if isinstance(value, Text) else Text(value))
            out.append("\n")
        return out

    def _head(self, c: CaseDetail, thai: bool) -> Text:
        status = status_label(c.status) + (f" ({outcome_label(c.outcome)})" if c.outcome else "")
        rows: list[tuple[str, str | Text]] = [
            (t("desk.case.kind"), kind_label(c.kind)),
            (t("desk.case.channel"), channel_label(c.channel)),
            (t("desk.case.received"), be_datetime(c.received_at, thai)),
            (t("desk.case.code"), c.tracking_code),
            (t("desk.case.status"), status),
            (t("desk.case.unit"), c.unit_name or t("desk.case.no_unit")),
            (t("desk.case.assigned"), c.assigned_user_name or "-"),
            (t("desk.case.subject"), c.subject),
        ]
        if c.place:
            rows.append((t("desk.case.place"), c.place))
        if c.kind == ComplaintKind.CORRUPTION:
            rows.append((t("desk.case.accused"), c.accused or "-"))
        if c.outcome_reason:
            rows.append((t("desk.case.outcome_reason"), c.outcome_reason))
        out = self._pairs(t("desk.case.title", registry=digits(c.registry_display, thai)), rows)
        if c.details:
            out.append(t("desk.case.details") + ":\n", style="bold")
            out.append(c.details + "\n")
        return out

    def _clock(self, c: CaseDetail, thai: bool) -> Text:
        rows: list[tuple[str, str | Text]] = [
            (t("desk.case.due"), Text(be_date(c.due_date, thai, style="long"), style=URGENCY_STYLE.get(c.urgency, ""))),
            (t("desk.case.days_left"), days_left_text(c.days_left, c.urgency, thai)),
        ]
        if c.initial_due_date != c.due_date:
            rows.append((t("desk.case.first_due"), be_date(c.initial_due_date, thai, style="long")))
        out = self._pairs(t("desk.case.clock"), rows)
        for e in c.events:
            if e.kind == EventKind.DELAY:
                out.append("  " + t("desk.case.delay_line", old=be_date(e.old_due_date, thai), new=be_date(e.new_due_date, thai),
                                    reason=" ".join(e.text.split())) + "\n")
        return out

    def _person(self, c: CaseDetail) -> Text:
        title = t("desk.case.complainant")
        if c.anonymous:
            return self._pairs(title, [(t("desk.case.identity"), t("desk.case.anonymous"))])
        who = self.revealed if c.kind == ComplaintKind.CORRUPTION else c.complainant
        if who is not None:
            rows: list[tuple[str, str | Text]] = [
                (t("desk.intake.complainant_name"), who.name or "-"),
                (t("desk.intake.national_id"), format_id(who.national_id) if who.national_id else "-"),
                (t("desk.intake.phone"), who.phone or "-"),
                (t("desk.intake.address"), who.address or "-"),
                (t("desk.intake.contact_pref"), contact_label(c.contact_pref)),
            ]
            out = self._pairs(title, rows)
            if self.revealed is not None:
                out.append(t("desk.case.revealed_note") + "\n", style="bold yellow")
            return out
        if c.kind == ComplaintKind.CORRUPTION:
            hint = t("desk.case.reveal_hint") if self._may_reveal() else t("desk.case.sealed_hint")
            out = self._pairs(title, [(t("desk.case.identity"), Text(t("desk.case.sealed"), style="bold"))])
            out.append(hint + "\n", style="dim")
            return out
        return self._pairs(title, [(t("desk.case.identity"), t("desk.case.personal_hidden"))])

    def _evidence_and_links(self, c: CaseDetail, thai: bool) -> Text:
        out = Text(t("desk.case.evidence") + "\n", style="bold")
        if not c.evidence:
            out.append("  -\n", style="dim")
        for i, ev in enumerate(c.evidence, 1):
            where = f" — {ev.filed_at}" if ev.filed_at else ""
            out.append(f"  {digits(str(i), thai)}. {ev.item}{where}\n")
        if c.links:
            out.append(t("desk.case.links") + "\n", style="bold")
            for ln in c.links:
                if ln.risk_issue_id is not None:
                    out.append("  " + t("desk.link.risk") + ": " + " ".join(ln.risk_issue_text.split()) + "\n")
                if ln.project_id is not None:
                    out.append("  " + t("desk.link.project") + ": " + " ".join(ln.project_name.split()) + "\n")
        return out

    # ------------------------------------------------------------------------------------------ keys

    def _may_edit(self) -> bool:
        c = self.case
        if c is None:
            return False
        return self.ctx.actor.can(Perm.CORRUPTION_EDIT if c.kind == ComplaintKind.CORRUPTION else Perm.COMPLAINT_EDIT)

    def _may_reveal(self) -> bool:
        c = self.case
        actor = self.ctx.actor
        return (
            c is not None and c.kind == ComplaintKind.CORRUPTION and c.identity_sealed
            and actor.can(Perm.CORRUPTION_REVEAL) and actor.has_role(Role.INVESTIGATOR)
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide what this user may never do here; grey out what the case's status does not allow now."""
        if getattr(self.app, "ctx", None) is None:
            return action == "back"  # logged out: this screen is on its way out
        if action == "reveal":
            return self._may_reveal() and self.revealed is None
        if action != "act":
            return True
        if self.case is None or not self._may_edit():
            return False
        status = self.case.status
        allowed = {
            "forward": status in _OPEN,
            "assign": status != Status.CLOSED,
            "investigate": status in (Status.RECEIVED, Status.FORWARDED),
            "notice": status != Status.CLOSED,
            "delay": status in _OPEN,
            "result": status in _OPEN,
            "close": status == Status.RESULT_TOLD,
        }
        return True if allowed.get(str(parameters[0]), True) else None

    def refusal_text(self, action: str, parameters: tuple[object, ...]) -> str | None:
        """Why a greyed key does nothing on this case now (its status does not allow it)."""
        if action != "act" or self.case is None:
            return None
        what = str(parameters[0])
        status = self.case.status
        if what == "close" and status != Status.CLOSED:
            return t("refuse.close_needs_result")
        if status == Status.CLOSED:
            return t("refuse.case_closed")
        return t("refuse.case_status", status=t(label_key(Status(status))))

    def action_back(self) -> None:
        self.revealed = None
        self.dismiss(None)

    @work(exclusive=True, group="case-dialog", exit_on_error=False)
    async def action_act(self, what: str) -> None:
        """Open the form for one action; the case as the core returns it is drawn again."""
        from itatui.tui.complaints import actions, notices
        from itatui.tui.complaints.link import LinkForm

        c = self.case
        if c is None:
            return
        ctx = self.ctx
        try:
            if what == "forward":
                units = tuple(await asyncio.to_thread(core.unit_choices, ctx.engine, ctx.actor, c.organisation_id))
                form = actions.ForwardForm(c, units)
            elif what == "assign":
                users = tuple(await asyncio.to_thread(core.assignable_users, ctx.engine, ctx.actor, c.kind))
                form = actions.AssignForm(c, users)
            else:
                form = {
                    "investigate": actions.InvestigateForm,
                    "note": actions.NoteForm,
                    "evidence": actions.EvidenceForm,
                    "notice": notices.NoticeForm,
                    "delay": notices.DelayForm,
                    "result": notices.ResultForm,
                    "close": notices.CloseForm,
                }[what](c) if what != "link" else LinkForm(c, c.organisation_id)
        except Exception as exc:  # noqa: BLE001
            self.notify(error_text(exc), severity="error")
            return
        form.stale = self.load  # a refused stale action draws the case as it now is behind the form
        updated = await self.app.push_screen_wait(form)
        if updated is not None:
            self.show_case(updated)
            self.notify(t("msg.saved"))

    @work(exclusive=True, group="case-dialog", exit_on_error=False)
    async def action_reveal(self) -> None:
        from itatui.tui.complaints.reveal_identity import RevealIdentityForm

        if self.case is None:
            return
        who = await self.app.push_screen_wait(RevealIdentityForm(self.case))
        if who is not None:
            self.revealed = who
            self.load()  # the reveal is on the timeline now
            self.refresh_bindings()

    def action_receipt(self) -> None:
        from itatui.tui.complaints.receipt import ReceiptScreen

        self.app.push_screen(ReceiptScreen(self.complaint_id))
