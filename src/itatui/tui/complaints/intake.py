"""Intake at the desk (``n`` on the queue): a keyboard-only form tuned for a walk-in taking under a minute.

Tab order follows the conversation at the counter: type, channel, when, subject, details, place, (corruption:
who is complained about), anonymous?, the complainant, evidence, and last the unit if already known. Defaults:
general complaint, walk-in, received now. ``ctrl+s`` saves (every problem listed at once, in Thai, the form
and the core's checks together); ``escape`` cancels; ``ctrl+n`` adds an evidence row, ``ctrl+r`` removes the
row holding the focus. Saving runs in a thread worker; any failure (validation, a refusal, a database error)
keeps the form open with everything as typed. On success the form dismisses with ``CreatedComplaint``.

"Anonymous" hides the identity fields and sends them empty; unticking it brings back what was typed.
"""

from __future__ import annotations

import re
from datetime import datetime
from itertools import count

from itatui.domain.complaints import Channel, ComplaintKind, ContactPref
from itatui.domain.thai import InputError, parse_date_be, to_arabic
from itatui.domain.validation import FieldProblem, ValidationError
from itatui.i18n import t
from itatui.present.dates import BANGKOK, format_numeric_datetime
from itatui.store import complaints as core
from itatui.store.complaints.public import Choice
from itatui.store.complaints.types import ComplaintDraft, CreatedComplaint, EvidenceItem
from itatui.tui.base import app_context
from itatui.tui.widgets.complaint_labels import (
    channel_label,
    contact_label,
    failure_text,
    kind_label,
)
from itatui.tui.widgets.form_errors import FormErrors
from itatui.tui.widgets.confirm_discard import cancel_form, form_values
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.worker import Worker, WorkerState
from textual.widgets import Button, Checkbox, Input, Label, Select, Static, TextArea

_DATETIME = re.compile(r"^\s*(\S+)\s*(?:(\d{1,2})[:.](\d{2}))?\s*$")
_IDENTITY = ("complainant_name", "national_id", "phone", "address", "contact_pref")


def format_received(dt: datetime, thai: bool = False) -> str:
    """``25/11/2569 14:05`` (BE, Thai time) — what the received field shows and reads back."""
    return format_numeric_datetime(dt, thai)


def parse_received(text: str, now: datetime | None = None) -> datetime:
    """A BE date with an optional time (``25/11/2569 14:05``; Thai digits too) as naive Thai time, which the
    core reads as Thai time. Without a time the current clock time is taken (the desk types the day only
    when it was today's). Raises ``InputError`` with a catalogue key."""
    m = _DATETIME.match(to_arabic(text or ""))
    if not m:
        raise InputError("err.date_format")
    day = parse_date_be(m.group(1))
    if m.group(2) is None:
        clock = (now or datetime.now(BANGKOK)).astimezone(BANGKOK)
        hour, minute = clock.hour, clock.minute
    else:
        hour, minute = int(m.group(2)), int(m.group(3))
        if hour > 23 or minute > 59:
            raise InputError("desk.err.time")
    return datetime(day.year, day.month, day.day, hour, minute)


def line(label: str, widget: Widget, *, label_width: int = 24, row_id: str | None = None) -> Horizontal:
    """One field on one line: label, then the (compact) widget; 80 columns leave no room for labels above."""
    caption = Label(label, classes="line-label")
    caption.styles.width = label_width
    return Horizontal(caption, widget, classes="line", id=row_id)


class ComplaintIntakeForm(ModalScreen[CreatedComplaint | None]):
    SHOWS_PERSONAL_DATA = True  # idle log-out applies here (tui/shell/idle.py)
    DEFAULT_CSS = """
    ComplaintIntakeForm { align: center middle; }
    ComplaintIntakeForm > #dialog {
        width: 100%; max-width: 110; height: 100%; max-height: 40;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    ComplaintIntakeForm #form-title { text-style: bold; height: 1; }
    ComplaintIntakeForm #form-body { height: 1fr; }
    ComplaintIntakeForm .line { height: auto; }
    ComplaintIntakeForm .line-label { color: $text-muted; }
    ComplaintIntakeForm .line > Input, ComplaintIntakeForm .line > Select, ComplaintIntakeForm .line > TextArea { width: 1fr; }
    ComplaintIntakeForm Input.-textual-compact, ComplaintIntakeForm TextArea.-textual-compact { background: $panel; }
    ComplaintIntakeForm Input.-textual-compact:focus, ComplaintIntakeForm TextArea.-textual-compact:focus { background: $primary-muted; }
    ComplaintIntakeForm TextArea#details { height: 3; }
    ComplaintIntakeForm .-invalid, ComplaintIntakeForm Input.-invalid.-textual-compact { background: $error 35%; }
    ComplaintIntakeForm #identity { height: auto; }
    ComplaintIntakeForm #identity.-hidden, ComplaintIntakeForm #accused-row.-hidden { display: none; }
    ComplaintIntakeForm #received-reason-row.-hidden { display: none; }
    ComplaintIntakeForm #anonymous { margin: 1 0 0 0; }
    ComplaintIntakeForm #identity { margin-bottom: 1; }
    ComplaintIntakeForm .section { text-style: bold; color: $accent; }
    ComplaintIntakeForm #evidence-rows { height: auto; }
    ComplaintIntakeForm .evidence-row { height: 1; }
    ComplaintIntakeForm .evidence-row Input { width: 1fr; margin-right: 1; }
    ComplaintIntakeForm .evidence-row Button { min-width: 5; width: 5; }
    ComplaintIntakeForm #evidence-add { margin-bottom: 1; }
    ComplaintIntakeForm #form-errors { max-height: 6; }
    ComplaintIntakeForm #form-status { height: 1; color: $text-muted; }
    """

    BINDINGS = [
        Binding("ctrl+s", "save", t("key.save"), priority=True, id="intake.save"),
        Binding("escape", "cancel", t("key.cancel"), id="intake.cancel"),
        Binding("ctrl+n", "add_evidence", t("desk.intake.add_evidence"), id="intake.add_evidence"),
        Binding("ctrl+r", "remove_evidence", t("desk.intake.remove_evidence"), id="intake.remove_evidence"),
    ]

    def __init__(self, *, units: tuple[Choice, ...] = (), kinds: tuple[str, ...] = tuple(ComplaintKind)) -> None:
        super().__init__()
        self.units = units
        self.kinds = tuple(kinds) or (ComplaintKind.GENERAL.value,)
        self._saving = False
        self._uids = count(1)
        self._received_default = ""

    @property
    def thai(self) -> bool:
        return bool(getattr(self.app, "thai_digits", False))

    # ------------------------------------------------------------------------------------------ layout

    def labels(self) -> dict[str, str]:
        names = ("kind", "channel", "received_at", "received_reason", "subject", "details", "place", "accused", "anonymous",
                 "complainant_name", "national_id", "phone", "address", "contact_pref", "unit_id")
        out = {name: t(f"desk.intake.{name}") for name in names}
        for i, uid in enumerate(self._evidence_uids()):
            out[f"ev-item-{uid}"] = t("desk.intake.evidence_n", n=i + 1) + " " + t("desk.intake.evidence_item")
            out[f"ev-filed-{uid}"] = t("desk.intake.evidence_n", n=i + 1) + " " + t("desk.intake.evidence_filed")
        return out

    HINTS = {
        "received_at": "desk.intake.received_hint",
        "place": "desk.intake.place_hint",
        "accused": "desk.intake.accused_hint",
        "national_id": "desk.intake.national_id_hint",
        "phone": "desk.intake.phone_hint",
        "kind": "desk.intake.select_hint",
        "channel": "desk.intake.select_hint",
        "contact_pref": "desk.intake.select_hint",
        "unit_id": "desk.intake.select_hint",
    }

    def compose(self) -> ComposeResult:
        labels = self.labels()
        self._received_default = format_received(datetime.now(BANGKOK), self.thai)
        with Vertical(id="dialog"):
            yield Static(t("desk.intake.title"), id="form-title")
            yield FormErrors(id="form-errors")
            with VerticalScroll(id="form-body"):
                yield line(labels["kind"], Select([(kind_label(k), str(k)) for k in self.kinds], value=str(self.kinds[0]),
                                                  allow_blank=False, compact=True, id="kind"))
                yield line(labels["channel"], Select([(channel_label(c), c.value) for c in Channel], value=Channel.WALK_IN.value,
                                                     allow_blank=False, compact=True, id="channel"))
                yield line(labels["received_at"], Input(self._received_default, compact=True, id="received_at"))
                # Shown when the core asks why a date is before the previous fiscal year (issue 7, point 10).
                reason = line(labels["received_reason"], Input(compact=True, id="received_reason"), row_id="received-reason-row")
                reason.add_class("-hidden")
                yield reason
                yield line(labels["subject"], Input(compact=True, id="subject"))
                yield line(labels["details"], TextArea(compact=True, id="details"))
                yield line(labels["place"], Input(compact=True, id="place"))
                accused = line(labels["accused"], Input(compact=True, id="accused"), row_id="accused-row")
                accused.add_class("-hidden")
                yield accused
                yield Checkbox(labels["anonymous"], False, compact=True, id="anonymous")
                with Vertical(id="identity"):
                    yield line(labels["complainant_name"], Input(compact=True, id="complainant_name"))
                    yield line(labels["national_id"], Input(compact=True, id="national_id"))
                    yield line(labels["phone"], Input(compact=True, id="phone"))
                    yield line(labels["address"], Input(compact=True, id="address"))
                    yield line(labels["contact_pref"], Select([(contact_label(c), c.value) for c in ContactPref],
                                                              value=ContactPref.PHONE.value, allow_blank=False, compact=True,
                                                              id="contact_pref"))
                yield Static(t("desk.intake.evidence"), classes="section")
                yield Vertical(id="evidence-rows")
                yield Button(t("desk.intake.add_evidence_button"), compact=True, id="evidence-add")
                yield line(labels["unit_id"], Select([(u.label, u.id) for u in self.units], prompt=t("desk.intake.unit_later"),
                                                     compact=True, id="unit_id"))
            yield Static(self._keys_hint(), id="form-status")

    def on_descendant_focus(self, event) -> None:  # noqa: ANN001
        """The focused field's hint (date format, examples) in the status line, where it costs no space."""
        if self._saving:
            return
        key = self.HINTS.get(event.widget.id or "")
        self.query_one("#form-status", Static).update(t(key) if key else self._keys_hint())

    def _keys_hint(self) -> str:
        return "ctrl+s " + t("key.save") + " · esc " + t("key.cancel") + " · ctrl+n " + t("desk.intake.add_evidence")

    def on_mount(self) -> None:
        self.query_one("#kind", Select).focus()
        self._initial: dict[str, object] | None = None
        self.call_after_refresh(self._remember_initial)

    def _remember_initial(self) -> None:
        self._initial = form_values(self)  # what escape compares with before asking to discard

    @on(Select.Changed, "#kind")
    def _kind_changed(self, event: Select.Changed) -> None:
        corruption = event.value == ComplaintKind.CORRUPTION.value
        self.query_one("#accused-row").set_class(not corruption, "-hidden")

    @on(Checkbox.Changed, "#anonymous")
    def _anonymous_changed(self, event: Checkbox.Changed) -> None:
        self.query_one("#identity").set_class(event.value, "-hidden")

    # ------------------------------------------------------------------------------------------ evidence rows

    def _evidence_uids(self) -> list[int]:
        try:
            rows = self.query(".evidence-row")
        except Exception:  # noqa: BLE001 - before compose
            return []
        return [int(str(r.id).removeprefix("ev-row-")) for r in rows]

    def add_evidence_row(self, item: str = "", filed_at: str = "") -> int:
        uid = next(self._uids)
        row = Horizontal(
            Input(item, placeholder=t("desk.intake.evidence_item"), compact=True, id=f"ev-item-{uid}"),
            Input(filed_at, placeholder=t("desk.intake.evidence_filed"), compact=True, id=f"ev-filed-{uid}"),
            Button("✕", compact=True, id=f"ev-remove-{uid}", tooltip=t("desk.intake.remove_evidence")),
            id=f"ev-row-{uid}",
            classes="evidence-row",
        )
        self.query_one("#evidence-rows").mount(row)
        return uid

    def action_add_evidence(self) -> None:
        uid = self.add_evidence_row()
        self.call_after_refresh(lambda: self.query_one(f"#ev-item-{uid}", Input).focus())

    def action_remove_evidence(self) -> None:
        node = self.focused
        while node is not None and not (node.id or "").startswith("ev-row-"):
            node = node.parent  # type: ignore[assignment]
        if node is not None:
            self._remove_row(int(str(node.id).removeprefix("ev-row-")))

    def _remove_row(self, uid: int) -> None:
        uids = self._evidence_uids()
        row = self.query_one(f"#ev-row-{uid}")
        row.remove()
        # Keep the keyboard in the list: the next row, else the previous, else the add button.
        rest = [u for u in uids if u != uid]
        after = [u for u in rest if uids.index(u) > uids.index(uid)]
        target = f"#ev-item-{after[0]}" if after else f"#ev-item-{rest[-1]}" if rest else "#evidence-add"
        self.call_after_refresh(lambda: self.query_one(target).focus())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        bid = event.button.id or ""
        if bid == "evidence-add":
            self.action_add_evidence()
        elif bid.startswith("ev-remove-"):
            self._remove_row(int(bid.removeprefix("ev-remove-")))

    # ------------------------------------------------------------------------------------------ reading

    def _value(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", Input).value

    def draft(self) -> tuple[ComplaintDraft, list[FieldProblem]]:
        """Everything as typed, and the problems only the form can see (the date-time field)."""
        problems: list[FieldProblem] = []
        received_text = self._value("received_at")
        received = None
        # Always the minute the field shows, also when left as pre-filled: the receipt must print the time the
        # desk saw on the form (the save a minute later used to print the next minute).
        try:
            received = parse_received(received_text)
        except InputError as exc:
            problems.append(FieldProblem("received_at", str(exc.args[0])))
        kind = self.query_one("#kind", Select).value
        anonymous = self.query_one("#anonymous", Checkbox).value
        unit = self.query_one("#unit_id", Select).value
        corruption = kind == ComplaintKind.CORRUPTION.value
        identity = {name: "" for name in _IDENTITY}
        if not anonymous:
            identity = {name: self._value(name) for name in _IDENTITY if name != "contact_pref"}
            identity["contact_pref"] = str(self.query_one("#contact_pref", Select).value)
        evidence = tuple(
            EvidenceItem(self._value(f"ev-item-{uid}"), self._value(f"ev-filed-{uid}")) for uid in self._evidence_uids()
        )
        draft = ComplaintDraft(
            kind=str(kind),
            channel=str(self.query_one("#channel", Select).value),
            subject=self._value("subject"),
            details=self.query_one("#details", TextArea).text,
            place=self._value("place"),
            accused=self._value("accused") if corruption else "",
            received_at=received,
            received_reason=self._value("received_reason"),
            anonymous=anonymous,
            evidence=evidence,
            unit_id=None if unit is Select.NULL else int(unit),  # type: ignore[arg-type]
            **identity,
        )
        return draft, problems

    def _widget_field(self, field: str) -> str:
        """The core names evidence problems ``evidence.<i>.item``; the form's inputs carry row ids."""
        if field.startswith("evidence."):
            _, index, part = field.split(".")
            uids = self._evidence_uids()
            if int(index) < len(uids):
                return f"ev-{'item' if part == 'item' else 'filed'}-{uids[int(index)]}"
        return field

    # ------------------------------------------------------------------------------------------ saving

    def action_cancel(self) -> None:
        cancel_form(self, getattr(self, "_initial", None))

    def action_save(self) -> None:
        if self._saving:
            return
        draft, problems = self.draft()
        _, core_problems = core.validate_draft(draft)  # pure: no database, so it runs here
        problems += core_problems  # the date-time problem, if any, is the form's own (received_at=None then)
        if problems:
            self.show_problems(problems)
            return
        self.query_one(FormErrors).clear()
        self._saving = True
        self.query_one("#form-status", Static).update(t("form.saving"))
        self._save(draft)

    @work(thread=True, exclusive=True, group="intake-save", exit_on_error=False)
    def _save(self, draft: ComplaintDraft) -> CreatedComplaint | None:
        """The new complaint (the form closes once the worker is over, see below); None after showing why not."""
        ctx = app_context(self.app)
        try:
            return core.create_complaint(ctx.engine, ctx.actor, draft)
        except ValidationError as exc:
            self.app.call_from_thread(self._failed, exc.problems, None)
        except Exception as exc:  # noqa: BLE001 - any refusal keeps the form open with what was typed
            self.app.call_from_thread(self._failed, None, exc)
        return None

    @on(Worker.StateChanged)
    def _saved(self, event: Worker.StateChanged) -> None:
        # Dismissed from here, when the worker is over: dismissed from inside it, the worker waited for its own
        # screen to be removed, and the removal cancelled it (as LoginScreen explains).
        created = event.worker.result if event.state == WorkerState.SUCCESS else None
        if event.worker.group == "intake-save" and isinstance(created, CreatedComplaint) and self.app.screen is self:
            self.dismiss(created)

    def _failed(self, problems: list[FieldProblem] | None, exc: BaseException | None) -> None:
        self._saving = False
        self.query_one("#form-status", Static).update(self._keys_hint())
        if problems:
            self.show_problems(problems)
        elif exc is not None:
            self.query_one(FormErrors).show_message(failure_text(exc))

    def show_problems(self, problems: list[FieldProblem]) -> None:
        mapped = [FieldProblem(self._widget_field(p.field), p.key, p.params) for p in problems]
        if any(p.field == "received_reason" for p in mapped):
            self.query_one("#received-reason-row").remove_class("-hidden")
        self.query_one(FormErrors).show(mapped, self.labels())
        try:
            self.query_one(f"#{mapped[0].field}").focus()
        except Exception:  # noqa: BLE001 - a problem without an input of its own
            pass
