"""Intake form text -> a clean complaint: every problem at once (``ComplaintValidationError``), Thai messages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from itatui.domain import idcard, phone
from itatui.domain.complaint_clock import BANGKOK
from itatui.domain.complaint_clock import local_date
from itatui.domain.complaints import Channel, ComplaintKind, ContactPref
from itatui.domain.fiscal import fiscal_year, fiscal_year_range
from itatui.domain.textsafe import clean_line, clean_text
from itatui.domain.thai import format_date
from itatui.domain.validation import Problems
from itatui.store.complaints.types import Complainant, ComplaintDraft, EvidenceItem
from itatui.store.models.base import utcnow

MAX_LEN = {"subject": 300, "place": 300, "complainant_name": 200, "address": 1000, "details": 20000, "accused": 2000}


FUTURE_SLACK = timedelta(minutes=10)  # a desk clock a little ahead is not an error


@dataclass(frozen=True)
class CleanDraft:
    """A draft that passed validation: stripped texts, normalised ID and phone, coerced contact preference."""

    kind: ComplaintKind
    channel: Channel
    received_at: datetime | None
    subject: str
    details: str
    place: str
    accused: str
    anonymous: bool
    who: Complainant
    contact_pref: ContactPref
    evidence: tuple[EvidenceItem, ...]
    unit_id: int | None
    received_reason: str = ""  # why a received date before the previous fiscal year (audited)


def validate_draft(draft: ComplaintDraft, *, now: datetime | None = None) -> tuple[CleanDraft | None, list]:
    """Check every field; returns (clean draft, []) or (None, [FieldProblem …]). Pure: no database."""
    now = now or utcnow()
    p = Problems()
    kind = _enum(p, ComplaintKind, draft.kind, "kind", "complaint.err.kind")
    channel = _enum(p, Channel, draft.channel, "channel", "complaint.err.channel")
    received = draft.received_at
    backdate_reason = " ".join(clean_line(draft.received_reason or "").split())
    if received is not None:
        if received.tzinfo is None:
            received = received.replace(tzinfo=BANGKOK)  # the desk types Thai time
        p.check(received <= now + FUTURE_SLACK, "received_at", "complaint.err.received_future")
        # From the start of the previous fiscal year; anything older (a letter found in a drawer) needs a
        # reason, which goes to the audit log, so a typo cannot number a complaint into a long-closed registry.
        earliest = fiscal_year_range(fiscal_year(local_date(now)) - 1)[0]
        if local_date(received) < earliest:
            p.check(bool(backdate_reason), "received_reason", "complaint.err.received_old",
                    date=format_date(earliest, style="long"))
    texts = {
        "subject": clean_line(draft.subject or "").strip(),
        "details": clean_text(draft.details or "").strip(),
        "place": clean_line(draft.place or "").strip(),
        "accused": clean_text(draft.accused or "").strip(),
        "complainant_name": " ".join(clean_line(draft.complainant_name or "").split()),
        "address": clean_text(draft.address or "").strip(),
    }
    p.check(bool(texts["subject"]), "subject", "complaint.err.subject_required")
    for name, limit in MAX_LEN.items():
        p.check(len(texts[name]) <= limit, name, "complaint.err.too_long", n=limit)
    if kind == ComplaintKind.CORRUPTION:
        p.check(bool(texts["accused"]), "accused", "complaint.err.accused_required")

    national_id, phone_no = "", ""
    raw_id, raw_phone = clean_line(draft.national_id or "").strip(), clean_line(draft.phone or "").strip()
    if draft.anonymous:
        # Anonymous means nothing that identifies the person is kept: each filled field is a problem to clear.
        for name, value in (("complainant_name", texts["complainant_name"]), ("national_id", raw_id), ("phone", raw_phone), ("address", texts["address"])):
            p.check(not value, name, "complaint.err.anonymous_identity")
        contact = ContactPref.CODE_ONLY
    else:
        p.check(bool(texts["complainant_name"]), "complainant_name", "complaint.err.name_required")
        if raw_id:
            try:
                national_id = idcard.normalize(raw_id)
            except idcard.NationalIdError as exc:
                p.add("national_id", exc.key)
        if raw_phone:
            try:
                phone_no = phone.normalize(raw_phone)
            except phone.PhoneError as exc:
                p.add("phone", exc.key)
        contact = _enum(p, ContactPref, draft.contact_pref or ContactPref.CODE_ONLY, "contact_pref", "complaint.err.contact")
        if contact == ContactPref.PHONE:
            p.check(bool(raw_phone), "phone", "complaint.err.phone_for_contact")
        if contact == ContactPref.LETTER:
            p.check(bool(texts["address"]), "address", "complaint.err.address_for_contact")

    evidence = []
    for i, ev in enumerate(draft.evidence):
        item, filed_at = clean_line(ev.item or "").strip(), clean_line(ev.filed_at or "").strip()
        if not item and not filed_at:
            continue  # an empty row of the form
        p.check(bool(item), f"evidence.{i}.item", "complaint.err.evidence_item")
        p.check(len(item) <= 300, f"evidence.{i}.item", "complaint.err.too_long", n=300)
        p.check(len(filed_at) <= 300, f"evidence.{i}.filed_at", "complaint.err.too_long", n=300)
        evidence.append(EvidenceItem(item, filed_at))

    if p:
        return None, p.items
    assert kind is not None and channel is not None and contact is not None
    who = Complainant(texts["complainant_name"], national_id, phone_no, texts["address"])
    return (
        CleanDraft(kind, channel, received, texts["subject"], texts["details"], texts["place"], texts["accused"],
                   draft.anonymous, who, contact, tuple(evidence), draft.unit_id, backdate_reason),
        [],
    )


def _enum(p: Problems, enum, value, field_name: str, key: str):  # noqa: ANN001, ANN202
    try:
        return enum(value)
    except ValueError:
        p.add(field_name, key)
        return None
