"""How the desk screens, the lookup and the kiosk write complaint values: labels, BE dates in Thai time, the
days-left cell in red / amber, and the public status the desk reads out (the same text the kiosk shows)."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from itatui.domain.complaints import (
    Channel,
    ComplaintKind,
    ContactPref,
    EventKind,
    NoticeMethod,
    Outcome,
    Status,
    label_key,
)
from itatui.domain.thai import digits, format_date
from itatui.i18n import language, t
from itatui.present.dates import thai_time
from itatui.store.complaints.types import PublicStatus
from itatui.tui.widgets.form_errors import error_text
from rich.text import Text

OVERDUE_STYLE = "bold red"
SOON_STYLE = "bold dark_orange"  # amber
DONE_STYLE = "dim"
URGENCY_STYLE = {"overdue": OVERDUE_STYLE, "soon": SOON_STYLE, "ok": "", "done": DONE_STYLE}
INTERNAL_STYLE = "bold magenta"  # internal notes: never told to the complainant
COMPLAINANT_STYLE = "bold green"  # what the complainant was told


def label(enum: type[StrEnum], value: str) -> str:
    """The catalogue label of a stored code; an unknown code shows itself rather than failing."""
    try:
        return t(label_key(enum(value)))
    except ValueError:
        return value or "-"


def kind_label(kind: str) -> str:
    return label(ComplaintKind, kind)


def kind_short(kind: str) -> str:
    return t(f"desk.kind_short.{kind}") if kind in tuple(ComplaintKind) else kind


def channel_label(channel: str) -> str:
    return label(Channel, channel)


def status_label(status: str) -> str:
    return label(Status, status)


def outcome_label(outcome: str) -> str:
    return label(Outcome, outcome) if outcome else ""


def method_label(method: str) -> str:
    return label(NoticeMethod, method) if method else ""


def contact_label(pref: str) -> str:
    return label(ContactPref, pref)


def event_label(kind: str) -> str:
    return label(EventKind, kind)


def be_date(d: date | None, thai: bool = False, *, style: str = "short") -> str:
    return format_date(d, style=style, thai_digits=thai, lang=language())


def local_time(dt: datetime) -> datetime:
    """Stored times are aware UTC; the desk reads Thai time."""
    return thai_time(dt)


def be_datetime(dt: datetime | None, thai: bool = False) -> str:
    if dt is None:
        return "-"
    local = local_time(dt)
    return digits(f"{format_date(local, lang=language())} {local.hour:02d}:{local.minute:02d}", thai)


def num(n: int | float, thai: bool = False) -> str:
    return digits(f"{n:,}", thai)


def days_left_text(days: int | None, urgency: str, thai: bool = False) -> Text:
    """``เกินกำหนด 3 วัน`` in red, ``เหลือ 2 วัน`` in amber, ``-`` once the result was told."""
    style = URGENCY_STYLE.get(urgency, "")
    if days is None:
        return Text("-", style=DONE_STYLE)
    if days < 0:
        return Text(t("desk.days.overdue", n=num(-days, thai)), style=style)
    if days == 0:
        return Text(t("desk.days.today"), style=style)
    return Text(t("desk.days.left", n=num(days, thai)), style=style)


def failure_text(exc: BaseException) -> str:
    """A failed save: the core's own refusal as it is (it names the problem), anything else wrapped in
    "save failed … what you typed is kept"."""
    if isinstance(getattr(exc, "key", None), str):
        return error_text(exc)
    return t("err.save_failed", reason=error_text(exc))


def public_status_text(status: PublicStatus, thai: bool = False) -> Text:
    """What anybody holding the code may hear: no subject, no names, no internal note."""
    out = Text()
    out.append(t("desk.public.code", code=status.tracking_code) + "\n", style="bold")
    if status.organisation_name:
        out.append(status.organisation_name + "\n")
    rows = [
        (t("desk.public.registry"), digits(status.registry_display, thai)),
        (t("desk.public.kind"), kind_label(status.kind)),
        (t("desk.public.received"), be_date(status.received_on, thai, style="long")),
        (t("desk.public.due"), be_date(status.due_date, thai, style="long")),
    ]
    for name, value in rows:
        out.append(f"{name}: ", style="bold")
        out.append(value + "\n")
    out.append(f"{t('desk.public.status')}: ", style="bold")
    out.append(status_label(status.status))
    if status.outcome:
        out.append(f" ({outcome_label(status.outcome)})")
    if status.days_left is not None:
        urgency = "overdue" if status.days_left < 0 else "soon" if status.days_left <= 3 else "ok"
        out.append("  ")
        out.append_text(days_left_text(status.days_left, urgency, thai))
    out.append("\n\n")
    out.append(t("desk.public.messages") + "\n", style="bold underline")
    told = [m for m in status.messages if m.kind != EventKind.RECEIVED]
    if not told:
        out.append(t("desk.public.no_messages") + "\n", style="dim")
    for m in told:  # the receipt of the complaint is the "received" line above
        out.append(f"{be_date(m.on, thai)}  ", style="bold")
        out.append(event_label(m.kind))
        if m.method:
            out.append(f" ({method_label(m.method)})")
        if m.outcome:
            out.append(f": {outcome_label(m.outcome)}")
        out.append("\n")
        if m.text:
            out.append(f"    {m.text}\n")
        if m.new_due_date:
            out.append("    " + t("desk.public.new_due", date=be_date(m.new_due_date, thai, style="long")) + "\n")
    return out
