"""Complaint vocabularies: kinds, channels, statuses, outcomes, contact preferences, timeline events.

Codes are stored in the database; the UI shows ``t(label_key(value))``. Registry numbers (เลขรับ) are shown
with a prefix per kind, the way Thai registry books are kept apart:
- ``รท.`` (เรื่องร้องทุกข์) for general complaints, e.g. ``รท. 12/2569``;
- ``ทจ.`` (ทุจริตและประพฤติมิชอบ) for corruption complaints, e.g. ``ทจ. 12/2569``.
The prefix is an official identifier and stays Thai in the English interface too.
"""

from __future__ import annotations

from enum import StrEnum

from itatui.domain.thai import digits


class ComplaintKind(StrEnum):
    GENERAL = "general"  # เรื่องร้องทุกข์/ร้องเรียนทั่วไป
    CORRUPTION = "corruption"  # เรื่องร้องเรียนการทุจริตและประพฤติมิชอบ


class Channel(StrEnum):
    WALK_IN = "walk_in"
    PHONE = "phone"
    LETTER = "letter"
    WEBSITE = "website"
    FACEBOOK = "facebook"
    LINE = "line"
    BOX = "box"  # ตู้รับเรื่องร้องเรียน
    DAMRONGDHAM = "damrongdham"  # ศูนย์ดำรงธรรม
    OTHER = "other"


class Status(StrEnum):
    RECEIVED = "received"  # รับเรื่อง
    FORWARDED = "forwarded"  # ส่งหน่วยงาน
    INVESTIGATING = "investigating"  # ตรวจสอบ/ดำเนินการ
    RESULT_TOLD = "result_told"  # แจ้งผลแล้ว (the 15-day clock stops here)
    CLOSED = "closed"  # ปิดเรื่อง


# Workflow position of each status: stored beside the status so the queue can sort by it through an index.
STAGE: dict[Status, int] = {
    Status.RECEIVED: 1,
    Status.FORWARDED: 2,
    Status.INVESTIGATING: 3,
    Status.RESULT_TOLD: 4,
    Status.CLOSED: 5,
}
OPEN_STAGES = (1, 2, 3)  # the clock runs while a complaint is in one of these
OPEN_STATUSES = frozenset(s for s, n in STAGE.items() if n in OPEN_STAGES)


class Outcome(StrEnum):
    CONCLUDED = "concluded"  # ยุติเรื่อง
    CONTINUED = "continued"  # ไม่ยุติ


class ContactPref(StrEnum):
    PHONE = "phone"
    LETTER = "letter"  # by post, to the address given
    IN_PERSON = "in_person"  # the complainant comes back to the office
    CODE_ONLY = "code_only"  # no contact: follows up with the tracking code (always so when anonymous)


class NoticeMethod(StrEnum):
    PHONE = "phone"
    LETTER = "letter"
    IN_PERSON = "in_person"
    LINE = "line"
    EMAIL = "email"
    OTHER = "other"


class EventKind(StrEnum):
    RECEIVED = "received"
    FORWARDED = "forwarded"
    ASSIGNED = "assigned"
    INVESTIGATING = "investigating"
    NOTE = "note"  # internal note
    NOTICE = "notice"  # a message given to the complainant
    DELAY = "delay"  # the complainant told of a delay: reason and new due date
    RESULT = "result"  # ยุติ / ไม่ยุติ with reasons, told to the complainant
    CLOSED = "closed"
    EVIDENCE = "evidence"
    LINKED = "linked"
    REVEALED = "revealed"  # an investigator opened the sealed identity (the reason, never the identity)


class Audience(StrEnum):
    INTERNAL = "internal"  # staff only; never shown at the kiosk, on the receipt or by ``itatui status``
    COMPLAINANT = "complainant"  # meant for the complainant


REGISTRY_PREFIX: dict[ComplaintKind, str] = {ComplaintKind.GENERAL: "รท.", ComplaintKind.CORRUPTION: "ทจ."}


def registry_display(kind: str, number: int, fiscal_year: int, *, thai_digits: bool = False) -> str:
    return digits(f"{REGISTRY_PREFIX[ComplaintKind(kind)]} {number}/{fiscal_year}", thai_digits)


def label_key(value: StrEnum) -> str:
    """Catalogue key of a vocabulary value: ``complaint.status.received``, ``complaint.channel.line`` …"""
    area = {
        ComplaintKind: "kind",
        Channel: "channel",
        Status: "status",
        Outcome: "outcome",
        ContactPref: "contact",
        NoticeMethod: "method",
        EventKind: "event",
        Audience: "audience",
    }[type(value)]
    return f"complaint.{area}.{value.value}"


SATISFACTION = range(1, 6)  # 1 = very dissatisfied … 5 = very satisfied; 4–5 count as satisfied
