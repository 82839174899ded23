"""The complaint receipt (ใบรับเรื่องร้องเรียน) handed to the complainant at the desk.

The caller (the desk) fills a ``ReceiptView`` with plain values; this module turns it into the template's data and
renders it. A corruption complaint's receipt never prints who complained: ``show_name`` is refused for it, and the
caller passes a neutral subject (the receipt cannot judge a subject, so it prints what it is given).

A5: the receipt alone (what the complainant takes home). A4: the same receipt on the upper part and, below a cut
line, the office's stub (registry number, code, dates, subject, signatures) for the case file, because offices
print on A4 and keep proof that a receipt was handed over.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from itatui.domain.complaints import ComplaintKind
from itatui.domain.thai import format_date
from itatui.i18n import CATALOGUE, language
from itatui.present.dates import thai_now, thai_time
from itatui.reports.typst_engine import ReportError, page_data, render

KINDS = tuple(k.value for k in ComplaintKind)

# A receipt is a form that must fit one sheet, so it is set smaller than the 16 pt of an official letter.
# (Sarabun's Thai letters are drawn larger for their point size than the older TH Sarabun New's, which
# official sizes were set for, so these still read comfortably.)
RECEIPT_FONT_PT = {"A5": 11.0, "A4": 12.0}


@dataclass(frozen=True)
class ReceiptView:
    """Everything the receipt prints, as plain values (no ORM objects)."""

    organisation_name: str
    address_line: str
    kind: str  # "general" | "corruption"
    registry_display: str  # e.g. "รท. 12/2569"
    tracking_code: str
    received_at: datetime  # aware (stored UTC) or naive local time
    due_date: date
    days_allowed: int
    working_days: bool
    channel_label: str
    subject: str  # for a corruption complaint: a neutral subject chosen by the caller
    officer_name: str
    kind_label: str = ""  # "" = the catalogue's label for ``kind``
    next_steps: tuple[str, ...] = ()  # () = the standard steps for ``kind``
    follow_up_phone: str = ""
    follow_up_office: str = ""
    kiosk: bool = True  # the office runs ``itatui kiosk`` where a citizen looks up a code
    show_name: str | None = None  # complainant's name, general complaints only
    printed_on: date | None = None  # the BE date in the page heading; None = today
    evidence: tuple[str, ...] = ()  # what the complainant handed over, one line each (as the screen lists it)
    contact: tuple[str, ...] = ()  # the office's channels from its settings, one line each (phone, website …)
    emblem_svg: str = ""  # the organisation's emblem (SVG text), printed above its name

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ReportError("report.err.kind", kind=self.kind)
        if self.kind == "corruption" and self.show_name:
            # Protection of the complainant: refuse rather than print, whatever the caller asked.
            raise ReportError("report.err.corruption_name")
        if not self.tracking_code.strip():
            raise ReportError("report.err.no_tracking_code")


class _Texts:
    """``t()`` for one language: a receipt may be printed in a language other than the screen's, and
    switching the global language from a worker thread would change every screen at once."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, key: str, /, **params: object) -> str:
        texts = CATALOGUE.get(key)
        if texts is None:
            return key
        text = texts.get(self.lang) or texts["th"]
        return text.format(**params) if params else text


def _local(dt: datetime) -> datetime:
    return thai_time(dt)


def standard_steps(kind: str, due_text: str, lang: str | None = None) -> tuple[str, ...]:
    """What happens after the desk, as the complainant should hear it."""
    t = _Texts(lang or language())
    first = "report.receipt.step.forward_confidential" if kind == "corruption" else "report.receipt.step.forward"
    return (
        t(first),
        t("report.receipt.step.inform", date=due_text),
        t("report.receipt.step.delay"),
    )


def receipt_data(view: ReceiptView, *, paper: str = "A5", thai_digits: bool = False, lang: str | None = None) -> dict[str, Any]:
    """The JSON the template reads (labels translated, dates in BE). Public so a screen can show the same
    content as the paper, and so tests can check what is (not) printed without compiling."""
    lang = lang or language()
    t = _Texts(lang)
    received = _local(view.received_at)
    printed = view.printed_on or thai_now().date()
    received_text = t("report.receipt.received_value", date=format_date(received, style="long", lang=lang),
                      time=f"{received.hour:02d}:{received.minute:02d}")
    received_short = t("report.receipt.received_value", date=format_date(received, lang=lang),
                       time=f"{received.hour:02d}:{received.minute:02d}")
    due_text = format_date(view.due_date, style="long", lang=lang)
    span_key = "report.receipt.due_working_days" if view.working_days else "report.receipt.due_days"
    due_value = f"{t('report.receipt.due_value', date=due_text)} {t(span_key, days=view.days_allowed)}"
    kind_label = view.kind_label or t(f"report.receipt.kind.{view.kind}")

    rows: list[list[str]] = [
        [t("report.receipt.registry"), view.registry_display],
        [t("report.receipt.kind"), kind_label],
        [t("report.receipt.channel"), view.channel_label],
        [t("report.receipt.received"), received_text],
        [t("report.receipt.subject"), view.subject],
    ]
    if view.kind == "general" and view.show_name:
        rows.append([t("report.receipt.complainant"), view.show_name])
    rows.append([t("report.receipt.due"), due_value])

    follow_up = list(view.contact)
    if view.follow_up_phone:
        follow_up.append(t("report.receipt.follow.phone", phone=view.follow_up_phone))
    if view.follow_up_office:
        follow_up.append(t("report.receipt.follow.office", office=view.follow_up_office))
    if view.kiosk:
        follow_up.append(t("report.receipt.follow.kiosk", code=view.tracking_code))

    officer = {"sign": t("report.receipt.sign"), "name": view.officer_name, "role": t("report.receipt.officer")}
    a4 = paper.upper() == "A4"
    stub = None
    if a4:
        # Two label/value pairs per line keep the stub short enough to share the sheet with the receipt.
        stub_pairs = [
            [t("report.receipt.registry"), view.registry_display],
            [t("report.receipt.tracking_code"), view.tracking_code],
            [t("report.receipt.received"), received_short],
            [t("report.receipt.due"), format_date(view.due_date, lang=lang)],
        ]
        stub_rows = [[t("report.receipt.subject"), view.subject]]
        signatures = [officer]
        if view.kind == "general":
            # A corruption complainant signs nothing that stays in the file with their name on it.
            signatures.insert(0, {"sign": t("report.receipt.sign"), "name": view.show_name or "",
                                  "role": t("report.receipt.ack")})
        stub = {"title": t("report.receipt.stub_title"), "cut_label": t("report.receipt.cut_here"),
                "pairs": stub_pairs, "rows": stub_rows, "signatures": signatures}

    title = t("report.receipt.title")
    return {
        "page": page_data(
            paper=paper,
            organisation=view.organisation_name,
            date_text=format_date(printed, style="long", lang=lang),
            title=f"{title} {view.registry_display}",
            lang=lang,
            page_label=t("report.page"),
            thai_digits=thai_digits,
            font_size_pt=RECEIPT_FONT_PT[paper.upper()] if paper.upper() in RECEIPT_FONT_PT else None,
        ),
        "receipt": {
            "title": title,
            "organisation": view.organisation_name,
            "address": view.address_line,
            "copy_label": t("report.receipt.copy_complainant") if a4 else "",
            "tracking_label": t("report.receipt.tracking_code"),
            "tracking_code": view.tracking_code,
            "tracking_hint": t("report.receipt.tracking_hint"),
            "rows": rows,
            "next_steps_label": t("report.receipt.next_steps"),
            "next_steps": list(view.next_steps or standard_steps(view.kind, due_text, lang)),
            "evidence_label": t("report.receipt.evidence"),
            "evidence": list(view.evidence),
            "emblem": view.emblem_svg,
            "follow_up_label": t("report.receipt.follow_up"),
            "follow_up": follow_up,
            "confidential": t("report.receipt.confidential") if view.kind == "corruption" else "",
            "officer": officer,
            "stub": stub,
        },
    }


def render_receipt(
    view: ReceiptView,
    path: str | os.PathLike[str] | None = None,
    *,
    paper: Literal["A5", "A4"] = "A5",
    thai_digits: bool = False,
    lang: str | None = None,
) -> bytes:
    """The receipt as PDF bytes, also written to ``path`` when given. Raises ``ReportError``."""
    data = receipt_data(view, paper=paper, thai_digits=thai_digits, lang=lang)
    return render("receipt.typ", data, path)
